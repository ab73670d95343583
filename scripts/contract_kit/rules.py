"""The registry of behavioural rules. Each rule is a function taking the
`Backend`; it returns on a pass, raises `Failure` on a fail and `Skip`
when the backend was not given what it needs (a token, an origin). What a
passing rule returns, if anything, is printed beside its PASS."""

RULES = []


def rule(name):
    """Registers a rule under `name`, the contract's word for what it checks."""

    def register(check):
        RULES.append((name, check))
        return check

    return register
