"""Runs the kit against the reference backend, as CI does; with
`--self-test`, checks the kit itself there (`self_test`).

    python3 -m contract_kit.reference [--self-test] [--backend BIN]

The database is $DATABASE_URL if set (PostgreSQL, say), else a SQLite
file in a temporary folder; the demo catalogue is loaded into it. Tokens
are HS256, signed with a secret made for the run. Standard library only:
the kit itself runs through scripts/contract-test, as a deployer runs it.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from . import self_test
from .tokens import token_for

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
KIT = os.path.join(REPO, "scripts", "contract-test")
ORIGIN = "https://portal.contract-kit.test"
ISSUER, AUDIENCE = "contract-kit", "support-widget"
# The demo catalogue's customer that the customer token belongs to.
CUSTOMER_ID = "beijing-cloud"
ROLES = ("partner", "customer", "agent", "admin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_backend(binary, folder):
    database = os.environ.get("DATABASE_URL") or f"sqlite://{folder}/contract-kit.db"
    secret = os.urandom(32).hex().encode()
    secret_file = os.path.join(folder, "token-secret")
    with open(secret_file, "wb") as f:
        f.write(secret)
    seeded = subprocess.run([binary, "seed-demo", "--database-url", database], capture_output=True, text=True)
    if seeded.returncode != 0:
        raise SystemExit(f"contract-kit: seed-demo failed:\n{seeded.stdout}{seeded.stderr}")
    port = free_port()
    log = open(os.path.join(folder, "backend.log"), "wb")
    process = subprocess.Popen(
        [binary, "--listen", f"127.0.0.1:{port}", "--database-url", database,
         "--allowed-origin", ORIGIN, "--rate-limit-per-minute", "0",
         "--jwt-secret-file", secret_file, "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE,
         "--attachments-dir", os.path.join(folder, "attachments")],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        if process.poll() is not None:
            break
        try:
            urllib.request.urlopen(url + "services", timeout=2)
        except urllib.error.HTTPError:
            return process, url, secret  # 401: it is up
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.stdout.write(open(log.name, encoding="utf-8", errors="replace").read())
    raise SystemExit("contract-kit: the reference backend did not start")


def token_arguments(secret, roles=ROLES):
    arguments = []
    for role in roles:
        # The partner's token carries no name and email, so that the
        # body's contact is checked (the email rules).
        token = token_for(role, secret, ISSUER, AUDIENCE, CUSTOMER_ID, contact=role != "partner")
        arguments += [f"--{role}-token", token]
    return arguments + ["--origin", ORIGIN]


def run_kit(url, arguments):
    command = [KIT, *([url] if url else []), *arguments]
    finished = subprocess.run(command, capture_output=True, text=True)
    return finished.returncode, finished.stdout + finished.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--self-test", action="store_true")
    # Where cargo built it: CARGO_TARGET_DIR, as cargo reads it, else target/.
    target = os.path.join(REPO, os.environ.get("CARGO_TARGET_DIR") or "target")
    parser.add_argument("--backend", default=os.path.join(target, "debug", "support-backend"))
    parser.add_argument("kit_arguments", nargs="*", help="more options for scripts/contract-test (after --)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="contract-kit-") as folder:
        process, url, secret = start_backend(args.backend, folder)
        try:
            arguments = token_arguments(secret) + args.kit_arguments
            if args.self_test:
                results = [
                    self_test.faults(url, arguments, run_kit),
                    self_test.partial_tokens(url, lambda roles: token_arguments(secret, roles) + args.kit_arguments, run_kit),
                    self_test.list_without_url(run_kit),
                    self_test.misspelt_rule(url, arguments, run_kit),
                ]
                held, broke = (sum(counts) for counts in zip(*results))
                print(f"contract-kit-self-test: {held} passed, {broke} failed")
                return 1 if broke else 0
            status, output = run_kit(url, arguments)
            sys.stdout.write(output)
            return status
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
