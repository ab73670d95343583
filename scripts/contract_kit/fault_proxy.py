"""A proxy in front of a real backend that breaks one rule on purpose, so
that the kit's self-test can show that the kit notices (and names the
rule). Standard library only.

Faults:
- `none`: passes everything through unchanged;
- `replay-new-id`: a replayed filing (`Idempotent-Replayed: true`) answers
  another id;
- `malformed-500`: a `POST /support-requests` body that is not JSON gets
  500 (once the token, if any, is one);
- `no-cors`: every `Access-Control-*` header is left out;
- `customers-unshaped`: `GET /customers?query=…` answers JSON without
  `customers`;
- `customer-any-id`: `GET /customers/{id}` answers a customer for any id;
- `reference-case-sensitive`: a reference not in upper case finds nothing;
- `reference-partner-own-only`: the partner's staff find no customer's
  message by its reference;
- `replies-without-key`: each reply is sent on with a new `Idempotency-Key`,
  so a reply sent again is stored again;
- `status-without-key`: each status change is sent on without its
  `Idempotency-Key`, so a change sent again is made again;
- `escalation-files-dropped`: a filing that names a `related_request` is
  sent on without its `attachments`;
- `customer-name-as-typed`: a customer's message reads back with another
  customer name than the catalogue's;
- `related-null-refused`: a filing with `"related_request": null` is 400;
- `reference-normalised`: a reference looked up without its zeros is
  padded, so `SR-1` finds `SR-000001`;
- `replies-any-media-type`: a reply or a status change sent as another
  type is sent on as JSON;
- `reply-unknown-first`: a reply whose body is not JSON is 404;
- `no-reopen`: a customer's message reads back as it was before its
  customer's last reply reopened it;
- `role-before-shape`: a partner's filing of `customer_self_service` is
  403 before its body's shape is checked;
- `before-same-kind-only`: a page of one `kind` before a request of another
  kind is empty;
- `reply-files-uploader-only`: a customer may not download what the
  partner's staff uploaded, even on a reply to the customer's message;
- `leak-event`: a customer's live stream (`GET /events`) also carries the
  filing of a request someone else of the same partner (a token of the
  same issuer) filed;
- `seen-not-kept`: `POST /support-requests/{id}/seen` on a request the
  caller may read answers 204 and keeps nothing;
- `leak-request`: `GET /support-requests/{id}` of a request filed with a
  token of another issuer (another partner's) answers that request, as its
  filer reads it, instead of 404.

`GET /events` passes through as it comes, whatever the fault.
"""

import base64
import http.client
import json
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ("none", "replay-new-id", "malformed-500", "no-cors", "customers-unshaped", "customer-any-id",
          "reference-case-sensitive", "reference-partner-own-only",
          "replies-without-key", "status-without-key", "escalation-files-dropped", "customer-name-as-typed",
          "related-null-refused", "reference-normalised", "replies-any-media-type", "reply-unknown-first",
          "no-reopen", "role-before-shape", "before-same-kind-only", "reply-files-uploader-only",
          "leak-event", "seen-not-kept", "leak-request")
NOTHING_FOUND = b'{"requests":[],"next":null}'
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "date", "server"}


def _handler(backend, fault):
    target = urllib.parse.urlsplit(backend)
    # For `reply-files-uploader-only`: the ids of the partner's uploads.
    partner_uploads = set()
    # For `leak-request`: the `Authorization` each request was filed with.
    filed_with = {}
    # For `leak-event`: each customer's open stream, as `[token, write]`.
    customer_streams = []
    streams_lock = threading.Lock()

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
            authorization = self.headers.get("Authorization")
            role = _role_of(authorization)
            token_taken = authorization is None or role is not None
            if fault == "malformed-500" and self.command == "POST" and self.path.endswith("/support-requests") \
                    and token_taken:
                try:
                    json.loads(body)
                except ValueError:
                    error = b'{"errors":[{"field":"","code":"internal_error"}]}'
                    return self._send(500, [("Content-Type", "application/json")], error)
            path, _, query = self.path.partition("?")
            if self.command == "GET" and path.endswith("/events"):
                return self._stream(authorization, leak=fault == "leak-event" and role == "customer")
            if fault == "seen-not-kept" and self.command == "POST" and path.endswith("/seen") \
                    and self._kind_of(urllib.parse.unquote(path.rsplit("/", 2)[-2])) is not None:
                return self._send(204, [], b"")
            if fault == "customers-unshaped" and self.command == "GET" and path.endswith("/customers") and query:
                return self._send(200, [("Content-Type", "application/json")], b'{"items":[]}')
            if fault == "customer-any-id" and self.command == "GET" and "/customers/" in path:
                # A backend that takes any id for a customer it knows.
                made_up = urllib.parse.unquote(path.rsplit("/", 1)[1])
                made = json.dumps({"id": made_up, "name": made_up, "domain": ""}).encode()
                return self._send(200, [("Content-Type", "application/json")], made)
            reference = urllib.parse.parse_qs(query).get("reference", [""])[0]
            if fault == "reference-normalised" and reference[:3].upper() == "SR-" and reference[3:].isascii() \
                    and reference[3:].isdigit() and len(reference) < 9:
                # A backend that reads the number and pads it.
                query = urllib.parse.urlencode({"reference": f"SR-{int(reference[3:]):06}"})
                self.path = f"{path}?{query}"
            prefix = reference[:3]
            if fault == "reference-case-sensitive" and prefix.upper() == "SR-" and prefix != "SR-":
                return self._send(200, [("Content-Type", "application/json")], NOTHING_FOUND)
            filing = self.command == "POST" and path.endswith("/support-requests")
            if fault == "related-null-refused" and filing and b'"related_request": null' in body:
                error = b'{"errors":[{"field":"","code":"malformed_body"}]}'
                return self._send(400, [("Content-Type", "application/json")], error)
            if fault == "role-before-shape" and filing and role == "partner" \
                    and b'"customer_self_service"' in body:
                # A backend that looks for the kind before it reads the body.
                error = b'{"errors":[{"field":"Authorization","code":"forbidden"}]}'
                return self._send(403, [("Content-Type", "application/json")], error)
            listing = self.command == "GET" and path.endswith("/support-requests")
            asked = urllib.parse.parse_qs(query)
            if fault == "before-same-kind-only" and listing and "kind" in asked and "before" in asked \
                    and self._kind_of(asked["before"][0]) not in (None, asked["kind"][0]):
                # A backend that looks for `before` among the requests of `kind` only.
                return self._send(200, [("Content-Type", "application/json")], NOTHING_FOUND)
            if fault == "reply-files-uploader-only" and self.command == "GET" and role == "customer" \
                    and path.rsplit("/", 1)[-1] in partner_uploads:
                error = b'{"errors":[{"field":"id","code":"not_found"}]}'
                return self._send(404, [("Content-Type", "application/json")], error)
            replying = self.command == "POST" and path.endswith("/replies")
            if fault == "reply-unknown-first" and replying:
                try:
                    json.loads(body)
                except ValueError:
                    error = b'{"errors":[{"field":"id","code":"not_found"}]}'
                    return self._send(404, [("Content-Type", "application/json")], error)
            if fault == "escalation-files-dropped" and self.command == "POST" and path.endswith("/support-requests"):
                # A backend that files an escalation without its customer's files.
                try:
                    sent = json.loads(body)
                except ValueError:
                    sent = None
                if isinstance(sent, dict) and sent.get("related_request"):
                    sent.pop("attachments", None)
                    body = json.dumps(sent, ensure_ascii=False).encode("utf-8")
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"host"}}
            if fault == "replies-without-key" and self.command == "POST" and path.endswith("/replies"):
                # A backend that forgets a reply's key: each send a new reply.
                headers = {k: v for k, v in headers.items() if k.lower() != "idempotency-key"}
                headers["Idempotency-Key"] = str(uuid.uuid4())
            if fault == "status-without-key" and self.command == "POST" and path.endswith("/status"):
                # A backend that ignores a status change's key.
                headers = {k: v for k, v in headers.items() if k.lower() != "idempotency-key"}
            moving = self.command == "POST" and path.endswith("/status")
            if fault == "replies-any-media-type" and (replying or moving):
                headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
                headers["Content-Type"] = "application/json"
            status, answer_headers, answer_body = self._call(self.command, self.path, headers, body)
            if fault == "reply-files-uploader-only" and self.command == "POST" and path.endswith("/attachments") \
                    and status == 201 and role == "partner":
                partner_uploads.add(json.loads(answer_body).get("id"))
            if fault == "leak-request" and filing and status == 201:
                filed_with[json.loads(answer_body).get("id")] = authorization
            by_id = self.command == "GET" and path.rsplit("/", 2)[-2:-1] == ["support-requests"]
            filer = filed_with.get(urllib.parse.unquote(path.rsplit("/", 1)[-1])) if by_id else None
            if fault == "leak-request" and status == 404 and filer \
                    and _claim_of(filer, "iss") != _claim_of(authorization, "iss"):
                # A backend that loads the row by its id alone.
                status, answer_headers, answer_body = self._call("GET", self.path, {**headers, "Authorization": filer})
            if fault == "leak-event" and filing and status == 201:
                filed = json.loads(answer_body)
                leaked = {"id": filed.get("id"), "reference": filed.get("reference"),
                          "kind": "partner_center", "status": "submitted"}
                event = f"id: {uuid.uuid4()}\nevent: request.created\ndata: {json.dumps(leaked)}\n\n".encode()
                with streams_lock:
                    for token, write in customer_streams:
                        if token != authorization and _claim_of(token, "iss") == _claim_of(authorization, "iss"):
                            try:
                                write(event)
                            except OSError:
                                pass
            was_replayed = dict((k.lower(), v) for k, v in answer_headers).get("idempotent-replayed") == "true"
            replayed_filing = was_replayed and path.endswith("/support-requests")
            if fault == "replay-new-id" and replayed_filing:
                replayed = json.loads(answer_body)
                replayed["id"] = str(uuid.uuid4())
                answer_body = json.dumps(replayed).encode()
            by_reference = self.command == "GET" and path.endswith("/support-requests") and reference
            if fault == "reference-partner-own-only" and by_reference and status == 200 \
                    and role == "partner" \
                    and any(r.get("request", {}).get("kind") == "customer_self_service"
                            for r in json.loads(answer_body).get("requests", [])):
                # A backend that lets partner staff find only what they filed.
                answer_body = NOTHING_FOUND
            reading = self.command == "GET" and "/support-requests/" in path and status == 200
            if fault in ("customer-name-as-typed", "no-reopen") and reading:
                answer_body = _misread(fault, answer_body)
            if fault == "no-cors":
                answer_headers = [(k, v) for k, v in answer_headers if not k.lower().startswith("access-control-")]
            self._send(status, answer_headers, answer_body)

        def _stream(self, authorization, leak):
            """Passes `GET /events` on as it comes, until either side ends
            it; with `leak`, others' filings are written into it too."""
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"host"}}
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            connection.request("GET", target.path.rstrip("/") + self.path, headers=headers)
            answer = connection.getresponse()
            if answer.status != 200:
                body = answer.read()
                connection.close()
                return self._send(answer.status, answer.getheaders(), body)
            connection.sock.settimeout(None)
            self.send_response(200)
            for name, value in answer.getheaders():
                if name.lower() not in HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            lock = threading.Lock()

            def write(data):
                with lock:
                    self.wfile.write(data)
                    self.wfile.flush()

            entry = [authorization, write]
            if leak:
                with streams_lock:
                    customer_streams.append(entry)
            try:
                while line := answer.readline():
                    write(line)
            except OSError:
                pass
            finally:
                if leak:
                    with streams_lock:
                        customer_streams.remove(entry)
                connection.close()

        def _call(self, method, path, headers, body=None):
            """`method path` (below the proxy's root) on the backend: the
            answer's status, headers and body."""
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            connection.request(method, target.path.rstrip("/") + path, body=body, headers=headers)
            answer = connection.getresponse()
            status, answer_headers, answer_body = answer.status, answer.getheaders(), answer.read()
            connection.close()
            return status, answer_headers, answer_body

        def _kind_of(self, request_id):
            """The `kind` of the request `request_id`, as the caller reads it."""
            headers = {"Authorization": self.headers.get("Authorization", "")}
            quoted = urllib.parse.quote(request_id, safe="")
            status, _, body = self._call("GET", f"/support-requests/{quoted}", headers)
            if status != 200:
                return None
            return json.loads(body).get("request", {}).get("kind")

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _forward

    return Proxy


def _role_of(authorization):
    """The `role` claim of a bearer token, read without checking it."""
    return _claim_of(authorization, "role")


def _claim_of(authorization, name):
    """A claim of a bearer token, read without checking it."""
    token = (authorization or "").removeprefix("Bearer ")
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return None
    return claims.get(name) if isinstance(claims, dict) else None


def _misread(fault, answer_body):
    """A stored request as a backend with `fault` would answer it."""
    try:
        stored = json.loads(answer_body)
    except ValueError:
        return answer_body
    request = stored.get("request") if isinstance(stored, dict) else None
    if not isinstance(request, dict) or request.get("kind") != "customer_self_service":
        return answer_body
    if fault == "customer-name-as-typed" and isinstance(request.get("customer"), dict):
        request["customer"]["name"] = "A name the body made up"
    history = stored.get("history") or []
    if fault == "no-reopen" and len(history) >= 2 and history[-1].get("status") == "in_progress" \
            and history[-2].get("status") == "resolved":
        stored["history"] = history[:-1]
        stored["status"] = "resolved"
    return json.dumps(stored, ensure_ascii=False).encode("utf-8")


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
