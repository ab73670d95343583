"""The kit's own test, run by `python3 -m contract_kit.reference
--self-test` against the reference backend: the kit must pass through a
faithful proxy and fail, naming the rule, through proxies that break the
backend on purpose (`fault_proxy`); given only some tokens, it must skip
what needs the others, naming the option that would run it; and its
output never shows a Python exception."""

import re

from . import fault_proxy

# Each fault, and the rule the kit must then fail.
BROKEN = {
    "replay-new-id": "idempotency-replay",
    "malformed-500": "malformed-body",
    "no-cors": "cors-preflight",
    "customers-unshaped": "search-order-and-size",
    "customer-any-id": "customer-by-id",
    "reference-case-sensitive": "request-by-reference",
    "reference-partner-own-only": "partner-finds-customer-message",
    "replies-without-key": "replies-once-per-key",
    "status-without-key": "status-once-per-key",
    "escalation-files-dropped": "escalation-carries-files",
    "customer-name-as-typed": "customer-name-from-catalogue",
    "related-null-refused": "related-request-null",
    "reference-normalised": "reference-exact",
    "replies-any-media-type": "json-media-type",
    "reply-unknown-first": "replies-order-of-checks",
    "no-reopen": "reopen-on-customer-reply",
    "role-before-shape": "filing-order-of-roles",
    "before-same-kind-only": "paging-before-another-kind",
    "reply-files-uploader-only": "reply-files-to-the-thread",
    "leak-event": "live-changes",
    "seen-not-kept": "unread-until-seen",
    "leak-request": "partners-never-meet",
}

# Runs given only some tokens: the kit options, and for some rules the
# option that their SKIP must name, or None where they must pass. No run
# may fail. Without the partner's token, Schemathesis is skipped, not run.
PARTIAL = [
    ((), [], {
        "order-of-checks": "--partner-token",
        "search-order-and-size": "--partner-token",
        "customer-by-id": "--partner-token",
        "who-is-asking-without-a-token": "--partner-token",
        "who-is-asking-admin": "--admin-token",
        "schema-no-5xx": "--partner-token",
        "cors-preflight": None,
    }),
    (("admin",), ["--only", "search-folding"], {"search-folding": None}),
    (("partner",), ["--only", "search-folding"], {"search-folding": "--admin-token"}),
    (("admin",), [], {
        "who-is-asking-admin": None,
        "who-is-asking-agent": "--agent-token",
        "idempotency-in-flight": "--partner-token",
        "limits": "--partner-token",
        "schema-answers-match": "--partner-token",
    }),
    (("customer",), ["--no-schemathesis"], {
        "who-is-asking-customer": None,
        "who-is-asking-without-a-token": None,
        "attachment-kinds": "--partner-token",
        "request-by-reference": "--partner-token",
        "partner-finds-customer-message": "--partner-token",
        "escalation-carries-files": "--partner-token",
        "reply-files-to-the-thread": "--partner-token",
        "filing-order-of-roles": "--partner-token",
        "paging-before-another-kind": "--partner-token",
        "live-changes": "--partner-token",
    }),
    (("partner",), ["--no-schemathesis"], {
        "who-is-asking-partner": None,
        "request-by-reference": None,
        "order-of-checks": None,
        "who-is-asking-customer": "--customer-token",
        "partner-finds-customer-message": "--customer-token",
        "who-is-asking-agent": "--agent-token",
        "who-is-asking-admin": "--admin-token",
        "escalation-carries-files": "--customer-token",
        "status-once-per-key": "--agent-token",
        "reply-files-to-the-thread": "--customer-token",
        "filing-order-of-roles": None,
        "paging-before-another-kind": None,
        "live-changes": "--customer-token",
        "partners-never-meet": "--other-partner-token",
    }),
    (("partner", "customer", "other-partner"), ["--no-schemathesis", "--only", "partners-never-meet"], {
        "partners-never-meet": "--other-customer-token",
    }),
]

# What a Python exception or traceback looks like in the kit's output.
RAW_EXCEPTION = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception)\b")


def outcomes(output):
    """`{rule: (PASS|FAIL|SKIP, detail)}` from the kit's output."""
    found = {}
    for line in output.splitlines():
        match = re.match(r"(PASS|FAIL|SKIP) ([a-z0-9-]+)(?: \([0-9.]+ s\))?(?:: (.*))?$", line)
        if match:
            found[match[2]] = (match[1], match[3] or "")
    return found


def problems_with(status, output, expected):
    """What is wrong with a run that should have exited `status` with
    `expected` (`{rule: SKIP's option or None for PASS}`) and no FAIL."""
    found = outcomes(output)
    problems = [] if status == 0 else [f"it exited {status}"]
    problems += [f"{rule} failed" for rule, (outcome, _) in found.items() if outcome == "FAIL"]
    problems += [f"{rule} skipped without naming an option: {detail}"
                 for rule, (outcome, detail) in found.items() if outcome == "SKIP" and "--" not in detail]
    for rule, option in expected.items():
        outcome, detail = found.get(rule, ("nothing", ""))
        if option is None and outcome != "PASS":
            problems.append(f"{rule}: {outcome}, not PASS")
        elif option is not None and (outcome != "SKIP" or option not in detail):
            problems.append(f"{rule}: {outcome} {detail!r}, not a SKIP naming {option}")
    if RAW_EXCEPTION.search(output):
        problems.append("a Python exception reached the output")
    return problems


def faults(url, arguments, run_kit):
    """The kit passes through a faithful proxy and fails each broken one,
    naming the rule and no Python exception: `(held, broke)`."""
    rules = ",".join(BROKEN.values())
    cases = [("none", None), *BROKEN.items()]
    held_count = 0
    for fault, rule in cases:
        proxy = fault_proxy.start(url, fault)
        try:
            status, output = run_kit(fault_proxy.url(proxy), [*arguments, "--no-schemathesis", "--only", rules])
        finally:
            proxy.shutdown()
        failed = [name for name, (outcome, _) in outcomes(output).items() if outcome == "FAIL"]
        if rule is None:
            held = status == 0 and not failed
            expected = "passes"
        else:
            held = status == 1 and failed == [rule]
            expected = f"fails {rule}, and only it"
        held = held and not RAW_EXCEPTION.search(output)
        held_count += held
        print(f"{'PASS' if held else 'FAIL'} self-test {fault}: the kit {expected}, showing no Python exception"
              + ("" if held else f"; it exited {status}:\n{output}"), flush=True)
    return held_count, len(cases) - held_count


def partial_tokens(url, arguments_for, run_kit):
    """Given only some tokens, the kit skips, naming the option, what needs
    the others: `(held, broke)`. `arguments_for(roles)` are the kit's
    options with those roles' tokens."""
    held_count = 0
    for roles, options, expected in PARTIAL:
        status, output = run_kit(url, [*arguments_for(roles), *options])
        problems = problems_with(status, output, expected)
        held_count += not problems
        given = " and ".join(roles) or "no"
        print(f"{'PASS' if not problems else 'FAIL'} self-test {given} token{'s' if len(roles) != 1 else ''}"
              f"{' ' + ' '.join(options) if options else ''}: the kit skips what needs another token, naming the option, and fails nothing"
              + ("" if not problems else f"; {'; '.join(problems)}:\n{output}"), flush=True)
    return held_count, len(PARTIAL) - held_count


def list_without_url(run_kit):
    """`--list` needs no URL and names every rule: `(held, broke)`."""
    status, output = run_kit(None, ["--list"])
    listed = {line.split(":")[0] for line in output.splitlines()}
    missing = {"request-by-reference", "search-folding", "schema-no-5xx"} - listed
    held = status == 0 and not missing and not RAW_EXCEPTION.search(output)
    print(f"{'PASS' if held else 'FAIL'} self-test --list: the kit lists its rules without a URL"
          + ("" if held else f"; it exited {status}, missing {sorted(missing)}:\n{output}"), flush=True)
    return int(held), int(not held)


def misspelt_rule(url, arguments, run_kit):
    """`--only` with a rule that does not exist is refused, naming it, rather
    than running nothing and passing: `(held, broke)`."""
    status, output = run_kit(url, [*arguments, "--no-schemathesis", "--only", "search-folding,no-such-rule"])
    held = status == 2 and "no-such-rule" in output and "PASS" not in output and not RAW_EXCEPTION.search(output)
    print(f"{'PASS' if held else 'FAIL'} self-test --only no-such-rule: the kit refuses a rule it does not have"
          + ("" if held else f"; it exited {status}:\n{output}"), flush=True)
    return int(held), int(not held)
