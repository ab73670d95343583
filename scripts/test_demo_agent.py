"""scripts/demo-agent and scripts/demo-requests against a real reference
backend with the demo's catalogue, signed in as the demo runs it: run with `python3 scripts/test_demo_agent.py` (scripts/test does,
after the release build). The backend is target/release/support-backend, or
the build SUPPORT_BACKEND names."""

import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from static_server import demo_token  # noqa: E402

AGENT = ROOT / "scripts" / "demo-agent"
REQUESTS = ROOT / "scripts" / "demo-requests"
BACKEND = pathlib.Path(os.environ.get("SUPPORT_BACKEND") or ROOT / "target" / "release" / "support-backend")
SECRET = b"the-demo-agent-tests-secret-of-40-bytes!"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoAgent(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not BACKEND.is_file():
            raise RuntimeError(f"no backend at {BACKEND}: run scripts/build, or name one in SUPPORT_BACKEND")
        cls.data_dir = tempfile.TemporaryDirectory()
        data = pathlib.Path(cls.data_dir.name)
        (data / "demo-token-secret").write_bytes(SECRET)
        cls.url = f"http://127.0.0.1:{free_port()}"
        # Only what the command line says: none of the caller's settings.
        env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPORT_BACKEND") and k != "DATABASE_URL"}
        subprocess.run(
            [str(BACKEND), "seed-demo", "--database-url", f"sqlite://{data / 'support.db'}"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )
        cls.backend = subprocess.Popen(
            [
                str(BACKEND),
                "--listen", cls.url.removeprefix("http://"),
                "--database-url", f"sqlite://{data / 'support.db'}",
                "--jwt-secret-file", str(data / "demo-token-secret"),
                "--jwt-issuer", "support-widget-demo",
                "--jwt-audience", "support-widget",
                "--rate-limit-per-minute", "0",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(cls.url + "/healthz", timeout=1):
                    break
            except OSError:
                if cls.backend.poll() is not None:
                    raise RuntimeError("the backend did not start")
                time.sleep(0.1)

    @classmethod
    def tearDownClass(cls):
        cls.backend.terminate()
        cls.backend.wait(timeout=30)
        cls.data_dir.cleanup()

    def call(self, method, path, body=None, user="partner"):
        request = urllib.request.Request(self.url + path, method=method)
        request.add_header("Authorization", f"Bearer {demo_token(user, SECRET)}")
        if body is not None:
            request.data = json.dumps(body).encode("utf-8")
            request.add_header("Content-Type", "application/json")
            request.add_header("Idempotency-Key", str(uuid.uuid4()))
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def file_request(self):
        """A new Partner Center request, filed by the demo's partner: its id and reference."""
        created = self.call("POST", "/support-requests", {
            "kind": "partner_center",
            "category": "billing",
            "title": "Invoice total is wrong",
            "description": "The November invoice counts one licence twice.",
            "contact": {"name": "Mei Lin", "email": "mei.lin@contosocloud.cn"},
        })
        return created["id"], created["reference"]

    def agent(self, *args, **env):
        """Runs scripts/demo-agent with ARGS against the test's backend."""
        env = {**os.environ, "BACKEND_URL": self.url, "DATA_DIR": self.data_dir.name, **env}
        return subprocess.run([str(AGENT), *args], env=env, capture_output=True, text=True, timeout=30)

    def test_the_demos_first_requests_show_the_loop_once(self):
        env = {**os.environ, "BACKEND_URL": self.url, "DATA_DIR": self.data_dir.name}
        ran = subprocess.run([str(REQUESTS)], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(ran.returncode, 0, ran.stderr)
        self.assertIn("the partner's next step is to close the loop", ran.stdout)
        inbox = self.call("GET", "/support-requests?kind=customer_self_service")["requests"]
        self.assertEqual(len(inbox), 2)
        answered, escalated = sorted(inbox, key=lambda r: r["reference"])
        thread = self.call("GET", f"/support-requests/{answered['id']}")
        self.assertEqual([r["author"]["role"] for r in thread["replies"]], ["partner"])
        message = self.call("GET", f"/support-requests/{escalated['id']}")
        self.assertEqual(message["escalated_as"]["status"], "resolved")
        # Still open: closing the loop with the customer is the partner's.
        self.assertNotIn(message["status"], ("resolved", "closed"))
        # The customer reads both as their own, with the partner's answer.
        own = self.call("GET", "/support-requests?filed_by=me", user="customer")["requests"]
        self.assertEqual(sorted(r["id"] for r in own), sorted(r["id"] for r in inbox))

        again = subprocess.run([str(REQUESTS)], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("nothing added", again.stdout)
        self.assertEqual(len(self.call("GET", "/support-requests?kind=customer_self_service")["requests"]), 2)

    def test_the_demos_first_requests_need_the_demo_signed_in(self):
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "BACKEND_URL": self.url, "DATA_DIR": empty}
            ran = subprocess.run([str(REQUESTS)], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(ran.returncode, 1)
        self.assertIn("the demo runs without sign-in", ran.stderr)

    def test_a_reply_goes_on_the_thread_as_the_agents(self):
        id, reference = self.file_request()
        ran = self.agent(reference.lower(), "Could you send the error's screenshot?")
        self.assertEqual(ran.returncode, 0, ran.stderr)
        self.assertIn(f"{reference}: replied as 21Vianet Support (agent)", ran.stdout)
        replies = self.call("GET", f"/support-requests/{id}")["replies"]
        self.assertEqual(
            [(r["body"], r["author"]["role"]) for r in replies],
            [("Could you send the error's screenshot?", "agent")],
        )

    def test_resolve_sets_the_status_with_the_note(self):
        id, reference = self.file_request()
        ran = self.agent(reference, "--resolve", "Fixed in the tenant's config")
        self.assertEqual(ran.returncode, 0, ran.stderr)
        self.assertIn(f"{reference}: status submitted -> resolved", ran.stdout)
        stored = self.call("GET", f"/support-requests/{id}")
        self.assertEqual(stored["status"], "resolved")
        self.assertEqual(stored["history"][-1]["note"], "Fixed in the tenant's config")

    def test_a_reference_that_names_nothing_is_said_so(self):
        for reference, said in [
            ("SR-999999", f"no request SR-999999 at {self.url}"),
            ("7", "7 is not a reference (SR- and a number"),
        ]:
            ran = self.agent(reference, "Hello")
            self.assertEqual(ran.returncode, 1, ran.stdout)
            self.assertIn(said, ran.stderr)
            self.assertEqual(ran.stdout, "")

    def test_an_unreachable_backend_is_said_so(self):
        url = f"http://127.0.0.1:{free_port()}"
        ran = self.agent("SR-000001", "Hello", BACKEND_URL=url)
        self.assertEqual(ran.returncode, 1)
        self.assertIn(f"cannot reach the backend at {url}", ran.stderr)

    def test_a_refused_call_names_the_backends_reasons(self):
        id, reference = self.file_request()
        ran = self.agent(reference, "A bell\u0007 in the text")
        self.assertEqual(ran.returncode, 1)
        self.assertIn("422 body control_characters", ran.stderr)
        self.assertEqual(self.call("GET", f"/support-requests/{id}")["replies"], [])
        # A secret the backend does not know signs no one in.
        with tempfile.TemporaryDirectory() as other:
            (pathlib.Path(other) / "demo-token-secret").write_bytes(b"x" * 40)
            ran = self.agent(reference, "Hello", DATA_DIR=other)
        self.assertEqual(ran.returncode, 1)
        self.assertIn("the backend refused GET /support-requests?reference=", ran.stderr)
        self.assertIn(": 401 ", ran.stderr)

    def test_a_reply_or_resolve_is_asked_for(self):
        for args in [("SR-000001",), ("SR-000001", "Hello", "--resolve", "Done")]:
            ran = self.agent(*args)
            self.assertEqual(ran.returncode, 2, args)
            self.assertIn("give either a reply's TEXT or --resolve [NOTE]", ran.stderr)


if __name__ == "__main__":
    unittest.main()
