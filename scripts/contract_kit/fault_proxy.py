"""A proxy in front of a real backend that breaks one rule on purpose, so
that the kit's self-test can show that the kit notices (and names the
rule). Standard library only.

Faults:
- `none`: passes everything through unchanged;
- `replay-new-id`: a replayed filing (`Idempotent-Replayed: true`) answers
  another id;
- `malformed-500`: a `POST /support-requests` body that is not JSON gets 500;
- `no-cors`: every `Access-Control-*` header is left out;
- `customers-unshaped`: `GET /customers?query=…` answers JSON without
  `customers`;
- `customer-any-id`: `GET /customers/{id}` answers a customer for any id;
- `reference-case-sensitive`: a reference not in upper case finds nothing;
- `replies-without-key`: each reply is sent on with a new `Idempotency-Key`,
  so a reply sent again is stored again;
- `status-without-key`: each status change is sent on without its
  `Idempotency-Key`, so a change sent again is made again;
- `escalation-files-dropped`: a filing that names a `related_request` is
  sent on without its `attachments`.
"""

import http.client
import json
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ("none", "replay-new-id", "malformed-500", "no-cors", "customers-unshaped", "customer-any-id",
          "reference-case-sensitive",
          "replies-without-key", "status-without-key", "escalation-files-dropped")
NOTHING_FOUND = b'{"requests":[],"next":null}'
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}


def _handler(backend, fault):
    target = urllib.parse.urlsplit(backend)

    class Proxy(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _send(self, status, headers, body):
            self.send_response(status)
            for name, value in headers:
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if fault == "malformed-500" and self.command == "POST" and self.path.endswith("/support-requests"):
                try:
                    json.loads(body)
                except ValueError:
                    error = b'{"errors":[{"field":"","code":"internal_error"}]}'
                    return self._send(500, [("Content-Type", "application/json")], error)
            path, _, query = self.path.partition("?")
            if fault == "customers-unshaped" and self.command == "GET" and path.endswith("/customers") and query:
                return self._send(200, [("Content-Type", "application/json")], b'{"items":[]}')
            if fault == "customer-any-id" and self.command == "GET" and "/customers/" in path:
                # A backend that takes any id for a customer it knows.
                made_up = urllib.parse.unquote(path.rsplit("/", 1)[1])
                made = json.dumps({"id": made_up, "name": made_up, "domain": ""}).encode()
                return self._send(200, [("Content-Type", "application/json")], made)
            prefix = urllib.parse.parse_qs(query).get("reference", [""])[0][:3]
            if fault == "reference-case-sensitive" and prefix.upper() == "SR-" and prefix != "SR-":
                return self._send(200, [("Content-Type", "application/json")], NOTHING_FOUND)
            if fault == "escalation-files-dropped" and self.command == "POST" and path.endswith("/support-requests"):
                # A backend that files an escalation without its customer's files.
                try:
                    sent = json.loads(body)
                except ValueError:
                    sent = None
                if isinstance(sent, dict) and sent.get("related_request"):
                    sent.pop("attachments", None)
                    body = json.dumps(sent, ensure_ascii=False).encode("utf-8")
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"host"}}
            if fault == "replies-without-key" and self.command == "POST" and path.endswith("/replies"):
                # A backend that forgets a reply's key: each send a new reply.
                headers = {k: v for k, v in headers.items() if k.lower() != "idempotency-key"}
                headers["Idempotency-Key"] = str(uuid.uuid4())
            if fault == "status-without-key" and self.command == "POST" and path.endswith("/status"):
                # A backend that ignores a status change's key.
                headers = {k: v for k, v in headers.items() if k.lower() != "idempotency-key"}
            connection.request(self.command, target.path.rstrip("/") + self.path, body=body, headers=headers)
            answer = connection.getresponse()
            status, answer_headers, answer_body = answer.status, answer.getheaders(), answer.read()
            connection.close()
            replayed_filing = answer.getheader("Idempotent-Replayed") == "true" and path.endswith("/support-requests")
            if fault == "replay-new-id" and replayed_filing:
                replayed = json.loads(answer_body)
                replayed["id"] = str(uuid.uuid4())
                answer_body = json.dumps(replayed).encode()
            if fault == "no-cors":
                answer_headers = [(k, v) for k, v in answer_headers if not k.lower().startswith("access-control-")]
            self._send(status, answer_headers, answer_body)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _forward

    return Proxy


def start(backend, fault):
    """A running proxy of `backend` with `fault`; its URL is `url(server)`."""
    if fault not in FAULTS:
        raise ValueError(f"unknown fault {fault!r}; one of {FAULTS}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(backend, fault))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def url(server):
    return f"http://127.0.0.1:{server.server_address[1]}/"
