"""The conformance kit: checks any backend against `openapi.yaml`.

`scripts/contract-test URL` runs it (see docs/own-backend.md). Each rule is
a function in one of the `rules_*` modules, named after the rule of the
contract it checks; `fuzz` runs Schemathesis on the whole file.
"""
