"""The demo's backend as its scripts call it (scripts/demo-agent,
scripts/demo-requests): JSON calls with a bearer token, and what went wrong
in a sentence for the demo's presenter."""

import json
import pathlib
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from static_server import AUDIENCE, ISSUER, LIFETIME, read_secret, sign_hs256  # noqa: E402

# The agent, as a reply names its author.
AGENT = {"sub": "21vianet:support-desk", "name": "21Vianet Support", "role": "agent"}


class Refused(Exception):
    """What went wrong, in a sentence for the demo's presenter; with the
    answer's status and `(field, code)` pairs when the backend refused."""

    def __init__(self, message, status=None, errors=()):
        super().__init__(message)
        self.status = status
        self.errors = list(errors)


def agent_token(secret_file):
    """A token for the agent, or None where the demo runs without sign-in."""
    if not secret_file.is_file():
        return None
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "iat": now, "nbf": now, "exp": now + LIFETIME, **AGENT}
    return sign_hs256(claims, read_secret(secret_file))


class Backend:
    def __init__(self, url, token):
        self.url = url.rstrip("/")
        self.token = token

    def call(self, method, path, body=None, headers=None):
        """The JSON answer to one call; raises Refused for anything but a 2xx."""
        request = urllib.request.Request(self.url + path, method=method, headers=dict(headers or {}))
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        if body is not None:
            request.data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            status, errors, text = error.code, [], error.read().decode("utf-8", "replace")
            try:
                errors = [(e.get("field"), e.get("code")) for e in json.loads(text).get("errors", [])]
            except (ValueError, AttributeError):
                pass
            said = ", ".join(f"{field} {code}" for field, code in errors) or text.strip() or error.reason
            raise Refused(f"the backend refused {method} {path}: {status} {said}", status, errors) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise Refused(f"cannot reach the backend at {self.url} ({reason}); is the demo running (scripts/demo)?") from None
