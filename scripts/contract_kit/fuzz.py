"""Schemathesis on the whole of `openapi.yaml`: generated requests, every
answer checked for a 5xx, an undocumented status and its schema. Each of
the three is reported as a rule of its own."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

# Schemathesis's check, and the rule the kit reports it as.
CHECKS = {
    "not_a_server_error": "schema-no-5xx",
    "status_code_conformance": "schema-documented-statuses",
    "response_schema_conformance": "schema-answers-match",
}
# Titles of the failures each check reports (Schemathesis 4).
TITLES = {
    "Server error": "not_a_server_error",
    "Undocumented HTTP status code": "status_code_conformance",
    "Response violates schema": "response_schema_conformance",
}
# Requests Schemathesis could not make or send at all (a connection
# refused, a body it cannot write).
RUN_RULE = "schema-requests-sent"
# An operation whose body Schemathesis cannot write (JSON Lines and CSV);
# `search-folding` exercises it.
EXCLUDED = ["importCatalogue"]
# The reference backend's probes, which a backend of one's own need not
# have; the backend's own tests check them.
EXCLUDED += ["liveness", "readiness"]
# A stream that stays open until the token expires: `live-changes` reads
# it.
EXCLUDED += ["followSupportRequests"]


def run(backend, openapi, max_examples, seed):
    """`(rule, error or None)` for each check, after one Schemathesis run;
    `Skip` without the partner's token, which it sends."""
    role = backend.default_role
    executable = shutil.which("schemathesis", path=os.path.dirname(sys.executable)) or "schemathesis"
    with tempfile.TemporaryDirectory(prefix="contract-kit-") as reports:
        command = [
            executable, "run", os.path.abspath(openapi), "--url", backend.url.rstrip("/"),
            "--checks", ",".join(CHECKS),
            "--max-examples", str(max_examples), "--seed", str(seed),
            "--phases", "examples,coverage,fuzzing", "--no-shrink", "--workers", "1",
            "--suppress-health-check", "all", "--rate-limit", "auto",
            "--report", "json", "--report-dir", reports,
        ]
        for operation in EXCLUDED:
            command += ["--exclude-operation-id", operation]
        if role:
            command += ["--header", f"Authorization: Bearer {backend.tokens[role]}"]
        # Run in the reports' folder: Schemathesis keeps its cache in the
        # working directory, which should stay the caller's own.
        finished = subprocess.run(command, capture_output=True, text=True, cwd=reports)
        names = [name for name in os.listdir(reports) if name.endswith(".json")]
        if not names:
            problem = (finished.stdout + finished.stderr).strip()[-2000:]
            return [(RUN_RULE, f"Schemathesis did not run: {problem}")], 0
        with open(os.path.join(reports, names[0]), encoding="utf-8") as f:
            report = json.load(f)
    failed = {check: [] for check in CHECKS}
    for failure in report.get("failures", []):
        check = TITLES.get(failure.get("title"), "not_a_server_error")
        failed[check].append(f"{failure.get('title')} ({failure.get('count')}x): {', '.join(failure.get('operations', []))}")
    errors = [f"{e.get('title')} ({e.get('count')}x)" for e in report.get("errors", [])]
    shown = " ".join("'Authorization: Bearer …'" if c.startswith("Authorization") else c for c in command)
    results = [(RUN_RULE, "; ".join(errors) or None)]
    for check, rule in CHECKS.items():
        detail = "; ".join(failed[check]) + f" (see: {shown})" if failed[check] else None
        results.append((rule, detail))
    generated = report.get("test_cases", {}).get("generated", 0)
    return results, generated
