"""Serves a folder over HTTP on loopback, as a CDN would serve dist/.

Unlike `python3 -m http.server` it sends `Access-Control-Allow-Origin: *`,
which a page on another origin needs to load the widget's module script and
WebAssembly, and `Cache-Control: no-cache` for the stable-named files. With
--cache-hashed, the files with a content hash in their names are sent as
cacheable for a year, as the README advises deployers (the benchmark's warm
loads measure that).

Like a CDN, it sends a file compressed when the browser accepts it: the
build's precompressed FILE.br (brotli) or FILE.gz (gzip) beside FILE
(scripts/precompress.mjs), with Content-Encoding and the type of FILE.

It also plays the demo portal's own server, which knows who is signed in:
`GET /demo-token?as=partner|customer` answers `{"token": "<JWT>"}` for that
demo user, signed (HS256) with the secret in --token-secret-file, which the
reference backend verifies with --jwt-secret-file. Without that flag no one
is signed in: the endpoint answers 204 and the widget asks for the contact.
The endpoint is the demo's, never the backend's: a real portal mints the
token from its own session, or has its OpenID Connect provider do it.
"""

import argparse
import base64
import email.utils
import functools
import hashlib
import hmac
import http.server
import json
import os
import re
import time
import urllib.parse

# support-widget-<hash>.wasm, support-widget-<hash>.zh-CN.js, …
HASHED = re.compile(r"-[0-9a-f]+\.[A-Za-z0-9.-]+$")

TOKEN_PATH = "/demo-token"
ISSUER = "support-widget-demo"
AUDIENCE = "support-widget"
LIFETIME = 600  # seconds

# The demo's signed-in users: a member of Contoso Cloud's staff on the partner
# portal, and on the self-service page a user of one of its customers (an id
# that the backend's seeded customers hold).
USERS = {
    "partner": {
        "sub": "contoso-cloud:mei.lin",
        "name": "Mei Lin",
        "email": "mei.lin@contosocloud.cn",
        "role": "partner",
    },
    "customer": {
        "sub": "beijing-cloud:zhang.wei",
        "name": "张伟",
        "email": "zhang.wei@beijingcloud.partner.onmschina.cn",
        "role": "customer",
        "customer_id": "beijing-cloud",
    },
}


# Content codings and the suffix of their precompressed copies, in the
# server's order of preference.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header):
    """The content codings an Accept-Encoding header allows (q above 0)."""
    weights = {}
    for item in (header or "").split(","):
        coding, _, params = item.strip().partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[coding] = weight
    return {coding for coding, _ in ENCODINGS if weights.get(coding, weights.get("*", 0.0)) > 0}


def base64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign_hs256(claims, secret):
    """A compact JWS of `claims` (HS256), as any JWT library writes it."""
    header = {"alg": "HS256", "typ": "JWT"}
    parts = [base64url(json.dumps(part, separators=(",", ":"), ensure_ascii=False).encode("utf-8")) for part in (header, claims)]
    signing_input = ".".join(parts).encode("ascii")
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return f"{'.'.join(parts)}.{base64url(signature)}"


def demo_token(user, secret, now=None):
    now = int(time.time() if now is None else now)
    claims = {"iss": ISSUER, "aud": AUDIENCE, "iat": now, "nbf": now, "exp": now + LIFETIME, **USERS[user]}
    return sign_hs256(claims, secret)


def is_token(path):
    """The demo's token, next to whichever page asks (the benchmark serves
    an earlier build's pages under /before/, whose sign-in asks there)."""
    return path.endswith(TOKEN_PATH)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    cache_hashed = False
    # Whether this response has compressed variants (Vary: Accept-Encoding).
    vary = False
    # The demo's signing secret (bytes), or None when no one is signed in.
    token_secret = None

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if is_token(url.path):
            return self.answer_token(urllib.parse.parse_qs(url.query).get("as", [""])[0])
        return super().do_GET()

    def send_head(self):
        # A file with a precompressed copy the browser accepts: that copy,
        # as the file's own type, encoded. Anything else as before.
        self.vary = False
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        copies = [(coding, path + suffix) for coding, suffix in ENCODINGS if os.path.isfile(path + suffix)]
        if not os.path.isfile(path) or not copies:
            return super().send_head()
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        chosen = next(((coding, copy) for coding, copy in copies if coding in accepted), None)
        if chosen is None:
            self.vary = True
            return super().send_head()
        coding, copy = chosen
        file = open(copy, "rb")
        try:
            stat = os.fstat(file.fileno())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
            self.vary = True
            self.end_headers()
            return file
        except BaseException:
            file.close()
            raise

    def answer_token(self, user):
        if self.token_secret is None:
            self.send_response(204)
            self.end_headers()
            return
        if user not in USERS:
            return self.send_json(400, {"error": f"as= must be one of {', '.join(USERS)}"})
        self.send_json(200, {"token": demo_token(user, self.token_secret)})

    def send_json(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        if is_token(path):
            # A token is for the portal's own pages: no other origin may read
            # it, and no cache may keep it.
            self.send_header("Cache-Control", "no-store")
            return super().end_headers()
        self.send_header("Access-Control-Allow-Origin", "*")
        if self.vary:
            # A cache must not hand a browser a coding it did not ask for.
            self.send_header("Vary", "Accept-Encoding")
        if self.cache_hashed and HASHED.search(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def read_secret(path):
    # As the backend reads --jwt-secret-file: the file's bytes, less a
    # trailing newline.
    with open(path, "rb") as file:
        secret = file.read().rstrip(b"\r\n")
    if not secret:
        raise SystemExit(f"{path}: the token secret is empty")
    return secret


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--directory", default="dist")
    parser.add_argument("--cache-hashed", action="store_true", help="let browsers cache content-hashed files for a year")
    parser.add_argument("--token-secret-file", help=f"sign demo users' tokens at {TOKEN_PATH} with this file's secret")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    Handler.cache_hashed = args.cache_hashed
    if args.token_secret_file:
        Handler.token_secret = read_secret(args.token_secret_file)
    handler = functools.partial(Handler, directory=args.directory)
    with http.server.ThreadingHTTPServer((host, int(port)), handler) as server:
        print(f"static server on http://{args.listen}/ serving {args.directory}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
