"""scripts/check-logs finds what must never be logged, and passes a clean
log: run by scripts/test before it searches the end-to-end backends' logs."""

import contextlib
import importlib.machinery
import importlib.util
import io
import pathlib
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
loader = importlib.machinery.SourceFileLoader("check_logs", str(ROOT / "scripts" / "check-logs"))
spec = importlib.util.spec_from_loader("check_logs", loader)
check_logs = importlib.util.module_from_spec(spec)
loader.exec_module(check_logs)

SERVED = 'INFO request{request_id=1}: support_backend::request_log: served method=GET route=/services status=200\n'
TYPED = check_logs.typed_texts()[0]
LEAKS = {
    "a token": "debug: header eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl\n",
    "a Bearer credential": "debug: authorization=Bearer abc\n",
    "an e-mail address": "warn: contact li.na@contoso.cn refused\n",
    "the webhook secret": "debug: signing with s3cr3t-of-the-webhook\n",
    "a typed text": f"debug: title={TYPED}\n",
}


def quietly(paths):
    """check-logs' exit status on `paths`; what it prints about the test's
    own logs is not the run's."""
    with contextlib.redirect_stdout(io.StringIO()):
        return check_logs.main(paths)


def run(lines):
    with tempfile.TemporaryDirectory() as folder:
        log = pathlib.Path(folder) / "backend.log"
        log.write_text(SERVED * check_logs.MIN_SERVED + lines, encoding="utf-8")
        (pathlib.Path(folder) / "webhook-secret").write_text("s3cr3t-of-the-webhook\n", encoding="utf-8")
        return quietly([str(log)])


def main():
    failures = []
    if run("") != 0:
        failures.append("a clean log failed")
    for what, line in LEAKS.items():
        if run(line) != 1:
            failures.append(f"a log with {what} passed")
    with tempfile.TemporaryDirectory() as folder:
        quiet = pathlib.Path(folder) / "backend.log"
        quiet.write_text(SERVED, encoding="utf-8")
        if quietly([str(quiet)]) != 1:
            failures.append("a log of one request passed")
    for failure in failures:
        print(f"FAIL check-logs: {failure}")
    print(f"check-logs self-test: {1 + len(LEAKS) + 1 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
