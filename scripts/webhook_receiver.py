"""A webhook receiver for the demo: takes the reference backend's signed
events on loopback, checks each signature with the shared secret, and prints
one line per event, such as `webhook: SR-000012 submitted`, or
`webhook: SR-000012 reply by agent` for a reply.

The signature is `Support-Signature: t=UNIX_SECONDS,v1=HEX`, HEX being
HMAC-SHA256 of `t + "." + body` under the secret (docs/backend.md). A partner's
own receiver does the same check, and drops an event whose id it has seen.
"""

import argparse
import hashlib
import hmac
import http.server
import json
import sys
import time


def verify(secret: bytes, header: str, body: bytes, now: float) -> bool:
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        t = int(parts["t"])
    except (KeyError, ValueError):
        return False
    expected = hmac.new(secret, f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    # Five minutes either way, against replays of an old event.
    return abs(now - t) < 300 and hmac.compare_digest(expected, parts.get("v1", ""))


class Handler(http.server.BaseHTTPRequestHandler):
    secret = b""
    seen = set()
    log = None

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if not verify(self.secret, self.headers.get("support-signature", ""), body, time.time()):
            print("webhook: refused an event with a bad signature", flush=True)
            self.send_response(401)
            self.end_headers()
            return
        event = json.loads(body)
        request = event.get("request", {})
        if event.get("id") not in self.seen:
            self.seen.add(event.get("id"))
            note = (request.get("history") or [{}])[-1].get("note")
            said = f"webhook: {request.get('reference')} {request.get('status')}"
            said += f" ({note})" if note else ""
            reply = event.get("reply")
            if reply:
                said = f"webhook: {request.get('reference')} reply by {reply.get('author', {}).get('role') or 'someone'}"
            print(said, flush=True)
            if self.log:
                with open(self.log, "a", encoding="utf-8") as f:
                    f.write(said + "\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen", default="127.0.0.1:8788")
    parser.add_argument("--secret-file", required=True)
    parser.add_argument("--log-file", help="also append each line to this file")
    args = parser.parse_args()
    Handler.log = args.log_file
    with open(args.secret_file, "rb") as f:
        # As the backend reads it: trailing whitespace is not part of it.
        Handler.secret = f.read().rstrip()
    host, port = args.listen.rsplit(":", 1)
    with http.server.ThreadingHTTPServer((host, int(port)), Handler) as server:
        print(f"webhook receiver on http://{args.listen}/", file=sys.stderr, flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
