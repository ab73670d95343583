"""Checks a backend against the support widget's contract (openapi.yaml).

Prints PASS, FAIL or SKIP for each rule, then a count; exits 1 on any
failure. Rules that need a role's token, or an allowed origin, are skipped
(not passed) without one.
"""

import argparse
import os
import sys
import time

from . import fuzz, rules_answers, rules_attachments, rules_http, rules_idempotency, rules_lists, rules_live, rules_partners, rules_reference, rules_replies, rules_requests, rules_roles, rules_search, rules_unread  # noqa: F401 (register rules)
from .backend import OTHER_ROLES, ROLES, Backend, Failure, Skip, unreadable
from .rules import RULES

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def arguments():
    parser = argparse.ArgumentParser(prog="scripts/contract-test", description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", help="the backend's base URL, as the widget's `backend` attribute")
    parser.add_argument("--token", help="a partner token (the same as --partner-token)")
    for role in ROLES:
        parser.add_argument(f"--{role}-token", metavar="JWT", help=f"a bearer token of role `{role}`" + (
            ", its `customer_id` a customer the backend knows" if role == "customer" else ""))
    parser.add_argument("--other-partner-token", metavar="JWT",
                        help="a `partner` token of a second partner that the backend serves (signed with that"
                             " partner's key): partners-never-meet reads and writes with it what the first"
                             " partner's tokens made")
    parser.add_argument("--other-customer-token", metavar="JWT",
                        help="a `customer` token of that second partner, its `customer_id` one of that partner's"
                             " customers")
    parser.add_argument("--origin", help="an origin the backend allows (CORS), such as https://portal.example.com")
    parser.add_argument("--openapi", default=os.path.join(REPO, "openapi.yaml"), help="the contract (default: this repository's)")
    parser.add_argument("--max-examples", type=int, default=25, help="Schemathesis's examples per operation (default 25)")
    parser.add_argument("--seed", type=int, default=48, help="Schemathesis's seed, so that a run can be repeated")
    parser.add_argument("--no-schemathesis", action="store_true", help="run the behavioural rules only")
    parser.add_argument("--only", metavar="RULE,…", help="run only these rules (see --list)")
    parser.add_argument("--list", action="store_true", help="list the rules and exit")
    args = parser.parse_args()
    if args.url is None and not args.list:
        parser.error("the backend's URL is needed (only --list runs without one)")
    return args


def main():
    args = arguments()
    if args.list:
        for name, check in RULES:
            print(f"{name}: {' '.join((check.__doc__ or '').split())}")
        for name in [fuzz.RUN_RULE, *fuzz.CHECKS.values()]:
            print(f"{name}: (Schemathesis)")
        return 0
    given = [(role, getattr(args, f"{role.replace('-', '_')}_token")) for role in (*ROLES, *OTHER_ROLES)]
    tokens = {role: token for role, token in given if token}
    if args.token and "partner" not in tokens:
        tokens["partner"] = args.token
    backend = Backend(args.url, tokens=tokens, origin=args.origin)
    only = set(args.only.split(",")) if args.only else None
    known = {name for name, _ in RULES} | {fuzz.RUN_RULE, *fuzz.CHECKS.values()}
    unknown = sorted(only - known) if only else []
    if unknown:
        # A misspelt rule would run nothing and report a clean run.
        print(f"contract-test: --only names no rule called {', '.join(unknown)} (see --list)", file=sys.stderr)
        return 2
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}

    def report(outcome, name, detail=None, seconds=None):
        counts[outcome] += 1
        took = f" ({seconds:.1f} s)" if seconds is not None and seconds >= 1 else ""
        print(f"{outcome} {name}{took}" + (f": {detail}" if detail else ""), flush=True)

    for name, check in RULES:
        if only and name not in only:
            continue
        started = time.monotonic()
        try:
            note = check(backend)
        except Skip as skip:
            report("SKIP", name, str(skip))
        except Failure as failure:
            report("FAIL", name, str(failure), time.monotonic() - started)
        except Exception as error:  # no answer, or one the rule could not read
            report("FAIL", name, unreadable(backend, error), time.monotonic() - started)
        else:
            report("PASS", name, note, time.monotonic() - started)

    fuzz_rules = [fuzz.RUN_RULE, *fuzz.CHECKS.values()]
    if not args.no_schemathesis and (not only or only & set(fuzz_rules)):
        started = time.monotonic()
        try:
            results, generated = fuzz.run(backend, args.openapi, args.max_examples, args.seed)
        except Skip as skip:
            for name in fuzz_rules:
                report("SKIP", name, str(skip))
        except Exception as error:  # no answer to the kit's own look
            report("FAIL", fuzz.RUN_RULE, unreadable(backend, error))
        else:
            seconds = time.monotonic() - started
            print(f"(Schemathesis: {generated} generated requests in {seconds:.0f} s)", flush=True)
            for name, problem in results:
                report("FAIL" if problem else "PASS", name, problem)
    print(f"contract-test: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
