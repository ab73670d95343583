"""HS256 tokens for each role, signed with a secret file, as a portal's
server signs them (docs/identity.md): what the kit needs to check the roles
of the reference backend, or of any backend that takes HS256 tokens.

    python3 -m contract_kit.tokens --secret-file F [--issuer I] [--audience A] ROLE

prints one token; `customer` tokens get the `customer_id` of --customer-id,
`beijing-cloud` (the demo catalogue's) unless told otherwise.
"""

import argparse
import base64
import hashlib
import hmac
import json
import time


def _base64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign_hs256(claims, secret):
    header = {"alg": "HS256", "typ": "JWT"}
    parts = [_base64url(json.dumps(part, separators=(",", ":")).encode("utf-8")) for part in (header, claims)]
    signing_input = ".".join(parts).encode("ascii")
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return ".".join(parts + [_base64url(signature)])


def token_for(role, secret, issuer=None, audience=None, customer_id=None, contact=True, lifetime=3600):
    """A token of `role`; without `contact`, no `name` and `email` claims,
    so that the backend checks the body's contact (as the kit's email
    rules need)."""
    now = int(time.time())
    claims = {"sub": f"contract-kit:{role}", "role": role, "iat": now, "nbf": now, "exp": now + lifetime}
    if contact:
        claims.update(name=f"Contract Kit {role}", email=f"{role}@contract-kit.example")
    if role == "customer":
        claims["customer_id"] = customer_id
    if issuer:
        claims["iss"] = issuer
    if audience:
        claims["aud"] = audience
    return sign_hs256(claims, secret)


def read_secret(path):
    """The secret as the reference backend reads it: a trailing newline is not part of it."""
    with open(path, "rb") as f:
        return f.read().rstrip(b"\r\n")


def main():
    parser = argparse.ArgumentParser(prog="python3 -m contract_kit.tokens", description=__doc__.split("\n\n")[0])
    parser.add_argument("role", choices=["partner", "customer", "agent", "admin"])
    parser.add_argument("--secret-file", required=True)
    parser.add_argument("--issuer")
    parser.add_argument("--audience")
    parser.add_argument("--customer-id", default="beijing-cloud",
                        help="the `customer_id` of a customer token: a customer your backend knows"
                             " (default: beijing-cloud, the demo catalogue's)")
    parser.add_argument("--no-contact", action="store_true", help="leave out the `name` and `email` claims")
    args = parser.parse_args()
    secret = read_secret(args.secret_file)
    print(token_for(args.role, secret, args.issuer, args.audience, args.customer_id, contact=not args.no_contact))


if __name__ == "__main__":
    main()
