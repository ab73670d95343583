"""The backend under test, as the kit talks to it: one base URL, the
tokens of each role, and the few requests every rule needs."""

import base64
import http.client
import json
import os
import socket
import ssl
import time
import traceback
import urllib.parse
import uuid
from dataclasses import dataclass, field

import requests

ROLES = ("partner", "customer", "agent", "admin")
# The tokens of a second partner of the same backend (`partners-never-meet`),
# given as --other-partner-token and --other-customer-token.
OTHER_ROLES = ("other-partner", "other-customer")

# The largest body `POST /support-requests` takes (`x-body-max-bytes`).
BODY_MAX_BYTES = 65536

# A reason that every version of the contract keeps; the rest are read
# from openapi.yaml where a rule needs them.
VALID_REASON = "undocumented_service_problem"


class Skip(Exception):
    """A rule that cannot run against this backend as configured."""


class Failure(AssertionError):
    """A rule that the backend broke; the message says how."""


def expect(condition, message):
    if not condition:
        raise Failure(message)


def new_key():
    return str(uuid.uuid4())


def claims_of(token):
    """The claims of a JWT, unverified: the kit only reads what it was given."""
    try:
        payload = token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        return json.loads(base64.urlsafe_b64decode(payload))
    except (IndexError, ValueError):
        return {}


@dataclass
class Backend:
    url: str
    tokens: dict = field(default_factory=dict)
    origin: str | None = None
    timeout: float = 30.0

    def __post_init__(self):
        self.url = self.url.rstrip("/") + "/"
        self.session = requests.Session()
        self._lookups = {}
        self._takes_tokens = bool(self.tokens) or None
        # What a rule that stops on something other than a Failure read last.
        self.last_answer = None

    def token(self, role):
        if role not in self.tokens:
            raise Skip(f"needs --{role}-token")
        return self.tokens[role]

    @property
    def takes_tokens(self):
        """Whether the backend wants tokens: given one, it does; given none,
        its answer to `GET /customers` without one says (401), since a
        backend run without tokens (`--no-auth`) lets anyone in."""
        if self._takes_tokens is None:
            answer = self.session.get(self.url + "customers", timeout=self.timeout, allow_redirects=False)
            self._takes_tokens = answer.status_code == 401
        return self._takes_tokens

    @property
    def default_role(self):
        """Whose token the rules that are not about roles send: a partner's
        (who may file both kinds the form rules need), or none to a backend
        that takes none. A rule that needs it is skipped without it."""
        if "partner" in self.tokens:
            return "partner"
        if self.takes_tokens:
            raise Skip("needs --partner-token")
        return None

    def headers(self, role="default", extra=None):
        role = self.default_role if role == "default" else role
        headers = {}
        if role is not None:
            headers["Authorization"] = f"Bearer {self.token(role)}"
        headers.update(extra or {})
        return headers

    def request(self, method, path, role="default", headers=None, retry_429=True, **kwargs):
        """One call; a 429 is waited out (its Retry-After, a few times), so
        that a backend with its rate limit on still gets every rule run."""
        for _ in range(6):
            answer = self.session.request(
                method,
                self.url + path.lstrip("/"),
                headers=self.headers(role, headers),
                timeout=self.timeout,
                allow_redirects=False,
                **kwargs,
            )
            self.last_answer = answer
            if answer.status_code != 429 or not retry_429:
                return answer
            time.sleep(min(int(answer.headers.get("Retry-After", "1") or 1), 30))
        return answer

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_request(self, body, key=None, role="default", raw=None, headers=None):
        """`POST /support-requests` with `body` as JSON (or `raw` bytes)."""
        sent = {"Content-Type": "application/json"}
        if key is not None:
            sent["Idempotency-Key"] = key
        sent.update(headers or {})
        data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        if len(data) <= BODY_MAX_BYTES:
            return self.request("POST", "support-requests", role=role, headers=sent, data=data)
        return self._post_expecting(self.url + "support-requests", self.headers(role, sent), data)

    def _post_expecting(self, url, headers, data):
        """A POST of a large body with `Expect: 100-continue`: a backend
        that refuses it from its announced length answers before the body
        is sent, and a backend that ignores the header gets the body after
        a second. (Sent plainly, the body may meet a closed connection,
        whose reset can lose the answer.)"""
        target = urllib.parse.urlsplit(url)
        port = target.port or (443 if target.scheme == "https" else 80)
        sock = socket.create_connection((target.hostname, port), timeout=self.timeout)
        if target.scheme == "https":
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.hostname)
        with sock:
            lines = [f"POST {target.path or '/'} HTTP/1.1", f"Host: {target.netloc}",
                     f"Content-Length: {len(data)}", "Expect: 100-continue", "Connection: close"]
            lines += [f"{name}: {value}" for name, value in headers.items()]
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8"))
            sock.settimeout(1.0)
            try:
                early = sock.recv(64, socket.MSG_PEEK)
            except (TimeoutError, socket.timeout):
                early = b""
            sock.settimeout(self.timeout)
            if early.startswith(b"HTTP/1.1 100") or not early:
                if early:
                    head = b""
                    while not head.endswith(b"\r\n\r\n"):
                        head += sock.recv(1)
                sock.sendall(data)
            answer = http.client.HTTPResponse(sock)
            answer.begin()
            response = requests.Response()
            response.status_code = answer.status
            response.headers = requests.structures.CaseInsensitiveDict(answer.getheaders())
            response._content = answer.read()
            response.url = url
            response.request = requests.Request("POST", url).prepare()
            self.last_answer = response
            return response

    def lookup(self, what):
        """The first id `GET /customers` or `GET /services` lists."""
        if what not in self._lookups:
            answer = self.get(what, role=self.default_role)
            expect(answer.status_code == 200, f"GET /{what} answered {answer.status_code}")
            items = answer.json()[what]
            if not items:
                raise Skip(f"GET /{what} lists nothing: load a catalogue first")
            self._lookups[what] = items
        return self._lookups[what]


def unreadable(backend, error):
    """What went wrong when a rule stopped on `error` instead of a `Failure`:
    no answer at all, or an answer it could not read (not JSON, or without
    a member the contract promises), which was most likely the last one."""
    if isinstance(error, requests.Timeout):
        return f"{backend.url} did not answer within {backend.timeout:.0f} s"
    if isinstance(error, requests.ConnectionError):
        return f"could not connect to {backend.url} ({_root_cause(error)})"
    kit = os.path.dirname(os.path.abspath(__file__))
    where = [frame for frame in traceback.extract_tb(error.__traceback__) if os.path.dirname(frame.filename) == kit]
    read_at = f"read at {os.path.basename(where[-1].filename)}:{where[-1].lineno}" if where else "read by the kit"
    answer = backend.last_answer
    if answer is None:
        return f"the kit could not go on: {error!r} ({read_at})"
    lacks = f"it has no {error.args[0]!r}, " if isinstance(error, KeyError) else ""
    return (f"{answer.request.method} /{answer.request.path_url.lstrip('/')} answered {answer.status_code} "
            f"{answer.text[:200]!r}, not what the contract says ({lacks}{read_at})")


def _root_cause(error):
    while error.__cause__ or error.__context__:
        error = error.__cause__ or error.__context__
    return getattr(error, "strerror", None) or str(error)


def partner_center_request(**changes):
    """A Partner Center request that every backend must file (201)."""
    body = {
        "kind": "partner_center",
        "category": "billing",
        "title": "Invoice total does not match the usage report",
        "description": "The November invoice is higher than the usage report.\nSteps: open Billing.",
        "contact": {"name": "Contract Kit", "email": "kit@example.com"},
        "locale": "en-US",
    }
    body.update(changes)
    return body


def customer_request(backend, **changes):
    """A request on behalf of a customer (the catalogue's first, unless
    `changes` name one), with the escalation it needs."""
    customer = changes.get("customer") or dict((k, backend.lookup("customers")[0][k]) for k in ("id", "name"))
    body = {
        "kind": "customer",
        "customer": customer,
        "service": backend.lookup("services")[0]["id"],
        "escalation": {"reason": VALID_REASON, "health_checked": True, "troubleshooting": []},
        "severity": "moderate",
        "title": "Users cannot sign in",
        "description": "Since this morning every user of the tenant gets an error.",
        "contact": {"name": "Contract Kit", "email": "kit@example.com"},
    }
    body.update(changes)
    return body


def errors_of(answer):
    """The `(field, code)` pairs of an error answer, or None if it is not one."""
    try:
        return [(e["field"], e["code"]) for e in answer.json()["errors"]]
    except (ValueError, KeyError, TypeError):
        return None


def expect_errors(answer, status, errors, what):
    got = errors_of(answer)
    expect(
        answer.status_code == status and got == errors,
        f"{what}: expected {status} {errors}, got {answer.status_code} {got if got is not None else answer.text[:200]!r}",
    )
