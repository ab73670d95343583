"""Runs the kit against the reference backend, as CI does; with
`--self-test`, checks the kit itself there (`self_test`).

    python3 -m contract_kit.reference [--self-test] [--backend BIN]

The database is $DATABASE_URL if set (PostgreSQL, say), else a SQLite
file in a temporary folder; the demo catalogue is loaded into it. Tokens
are HS256, signed with a secret made for the run; a second partner
(`support-backend partners add`, with a secret and an issuer of its own,
and one customer) gets tokens of its own, for `partners-never-meet`.
Standard library only:
the kit itself runs through scripts/contract-test, as a deployer runs it.
"""

import argparse
import json
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
# The second partner: its id, issuer and customer, and the kit's options
# for its tokens (`--other-partner-token` of role `partner`...).
OTHER, OTHER_ISSUER, OTHER_CUSTOMER_ID = "contract-kit-other", "contract-kit-other", "other-customer"
OTHER_ROLES = ("other-partner", "other-customer")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_secret(folder, name):
    """A secret made for the run, and the file that holds it."""
    secret = os.urandom(32).hex().encode()
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(secret)
    return secret, path


def run_command(binary, arguments, database):
    done = subprocess.run([binary, *arguments, "--database-url", database], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"contract-kit: {' '.join(arguments[:2])} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def add_other_partner(binary, database, secret_file):
    """The second partner, with its own key and issuer; on a database that
    has it from an earlier run, its key is replaced by this run's."""
    listed = json.loads(run_command(binary, ["partners", "list", "--json"], database))
    verb = "set" if any(partner.get("id") == OTHER for partner in listed) else "add"
    run_command(binary, ["partners", verb, OTHER, "--name", "Contract Kit's other partner",
                         "--jwt-secret-file", secret_file, "--jwt-issuer", OTHER_ISSUER,
                         "--jwt-audience", AUDIENCE], database)


def add_other_customer(url, other_secret):
    """The second partner's customer, that its customer token names."""
    token = token_for("admin", other_secret, OTHER_ISSUER, AUDIENCE)
    line = json.dumps({"id": OTHER_CUSTOMER_ID, "name": "Other Partner's Customer", "domain": "other.example"})
    request = urllib.request.Request(url + "catalogue/customers", data=(line + "\n").encode(), method="PUT",
                                     headers={"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/x-ndjson"})
    with urllib.request.urlopen(request, timeout=30):
        pass


def start_backend(binary, folder):
    """The backend, its URL, and the secrets of the operator's and of the
    second partner's tokens (`{"": …, "other": …}`)."""
    database = os.environ.get("DATABASE_URL") or f"sqlite://{folder}/contract-kit.db"
    secret, secret_file = new_secret(folder, "token-secret")
    other_secret, other_secret_file = new_secret(folder, "other-partner-secret")
    run_command(binary, ["seed-demo"], database)
    add_other_partner(binary, database, other_secret_file)
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
        except urllib.error.HTTPError:  # 401: it is up
            try:
                add_other_customer(url, other_secret)
            except (OSError, urllib.error.HTTPError) as error:
                process.kill()
                raise SystemExit(f"contract-kit: the other partner's customer could not be added: {error}")
            return process, url, {"": secret, "other": other_secret}
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.stdout.write(open(log.name, encoding="utf-8", errors="replace").read())
    raise SystemExit("contract-kit: the reference backend did not start")


def token_arguments(secrets, roles=ROLES + OTHER_ROLES):
    arguments = []
    for role in roles:
        if role in OTHER_ROLES:
            as_role = role.removeprefix("other-")
            token = token_for(as_role, secrets["other"], OTHER_ISSUER, AUDIENCE, OTHER_CUSTOMER_ID)
        else:
            # The partner's token carries no name and email, so that the
            # body's contact is checked (the email rules).
            token = token_for(role, secrets[""], ISSUER, AUDIENCE, CUSTOMER_ID, contact=role != "partner")
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
        process, url, secrets = start_backend(args.backend, folder)
        try:
            arguments = token_arguments(secrets) + args.kit_arguments
            if args.self_test:
                results = [
                    self_test.faults(url, arguments, run_kit),
                    self_test.partial_tokens(url, lambda roles: token_arguments(secrets, roles) + args.kit_arguments, run_kit),
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
