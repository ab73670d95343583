"""What every answer shares: JSON errors for unknown paths and methods,
repeated query parameters, `nosniff`, and CORS for the configured origins."""

from .backend import Skip, errors_of, expect, expect_errors
from .rules import rule

REQUEST_HEADERS = ("content-type", "authorization", "idempotency-key")
EXPOSED = ("location", "content-disposition", "retry-after", "idempotent-replayed", "www-authenticate")


@rule("unknown-path-and-method")
def unknown_path_and_method(backend):
    """An unknown path is 404 `not_found` (field `""`); a known path with
    another method is 405 `method_not_allowed` with `Allow`."""
    expect_errors(backend.get("contract-kit/no-such-path"), 404, [("", "not_found")], "GET of an unknown path")
    answer = backend.request("DELETE", "support-requests")
    expect_errors(answer, 405, [("", "method_not_allowed")], "DELETE /support-requests")
    allowed = {m.strip().upper() for m in answer.headers.get("Allow", "").split(",")}
    expect({"GET", "POST"} <= allowed, f"405 for DELETE /support-requests has Allow {answer.headers.get('Allow')!r}")
    answer = backend.request("PUT", "services")
    expect_errors(answer, 405, [("", "method_not_allowed")], "PUT /services")
    expect("GET" in answer.headers.get("Allow", "").upper(), f"405 for PUT /services has Allow {answer.headers.get('Allow')!r}")


@rule("duplicate-query-parameter")
def duplicate_query_parameter(backend):
    """A parameter given twice is 400 `invalid_value`, its field the
    parameter's name."""
    cases = [
        ("customers?query=a&query=b", "query"),
        ("articles?query=a&query=b", "query"),
        ("articles?locale=zh-CN&locale=es-ES", "locale"),
        ("service-health?locale=zh-CN&locale=es-ES", "locale"),
    ]
    service = backend.lookup("services")[0]["id"]
    cases.append((f"service-health?service={service}&service={service}", "service"))
    for path, field in cases:
        expect_errors(backend.get(path), 400, [(field, "invalid_value")], f"GET /{path}")


@rule("nosniff")
def nosniff(backend):
    """Every answer, errors included, says `X-Content-Type-Options: nosniff`,
    and every error is an `ErrorBody`."""
    for answer in (backend.get("services"), backend.get("contract-kit/no-such-path"), backend.post_request(None, raw=b"{")):
        expect(
            answer.headers.get("X-Content-Type-Options", "").lower() == "nosniff",
            f"{answer.request.method} {answer.request.url} answered without `X-Content-Type-Options: nosniff`",
        )
        expect(errors_of(answer) is not None or answer.ok, f"{answer.request.url}: an error that is not an ErrorBody")


def _origin(backend):
    if not backend.origin:
        raise Skip("needs --origin, an origin the backend allows")
    return backend.origin


def _preflight(backend, origin, method="POST", path="support-requests"):
    return backend.session.options(
        backend.url + path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": ",".join(REQUEST_HEADERS),
        },
        timeout=backend.timeout,
    )


def _vary(answer):
    return {v.strip().lower() for v in answer.headers.get("Vary", "").split(",")}


@rule("cors-preflight")
def cors_preflight(backend):
    """An allowed origin's preflight: 200 or 204, that origin (never `*`),
    GET and POST, the three request headers, a `Max-Age`, `Vary: Origin`,
    and no credentials."""
    origin = _origin(backend)
    for path, method in (("support-requests", "POST"), ("customers", "GET"), ("attachments", "POST")):
        answer = _preflight(backend, origin, method, path)
        what = f"the preflight of {method} /{path} from {origin}"
        expect(answer.status_code in (200, 204), f"{what} answered {answer.status_code}")
        expect(answer.headers.get("Access-Control-Allow-Origin") == origin,
               f"{what}: Access-Control-Allow-Origin is {answer.headers.get('Access-Control-Allow-Origin')!r}")
        methods = {m.strip().upper() for m in answer.headers.get("Access-Control-Allow-Methods", "").split(",")}
        expect({"GET", "POST"} <= methods, f"{what}: Access-Control-Allow-Methods is {methods}")
        headers = {h.strip().lower() for h in answer.headers.get("Access-Control-Allow-Headers", "").split(",")}
        expect(set(REQUEST_HEADERS) <= headers or "*" in headers, f"{what}: Access-Control-Allow-Headers is {headers}")
        max_age = answer.headers.get("Access-Control-Max-Age", "")
        expect(max_age.isdigit() and int(max_age) > 0, f"{what}: Access-Control-Max-Age is {max_age!r}")
        expect("origin" in _vary(answer), f"{what}: Vary is {answer.headers.get('Vary')!r}")
        expect("Access-Control-Allow-Credentials" not in answer.headers, f"{what} allows credentials")


@rule("cors-answers")
def cors_answers(backend):
    """Answers to an allowed origin name it and expose the headers the
    widget reads, errors included."""
    origin = _origin(backend)
    for answer in (backend.get("services", headers={"Origin": origin}),
                   backend.post_request(None, raw=b"{", headers={"Origin": origin})):
        what = f"{answer.request.method} /{answer.request.path_url.lstrip('/')} with Origin {origin} ({answer.status_code})"
        expect(answer.headers.get("Access-Control-Allow-Origin") == origin,
               f"{what}: Access-Control-Allow-Origin is {answer.headers.get('Access-Control-Allow-Origin')!r}")
        exposed = {h.strip().lower() for h in answer.headers.get("Access-Control-Expose-Headers", "").split(",")}
        expect(set(EXPOSED) <= exposed, f"{what}: Access-Control-Expose-Headers lacks {sorted(set(EXPOSED) - exposed)}")
        expect("origin" in _vary(answer), f"{what}: Vary is {answer.headers.get('Vary')!r}")


@rule("cors-refused-origin")
def cors_refused_origin(backend):
    """Another origin gets no `Access-Control-Allow-Origin`, on the
    preflight and on the answer alike (the browser then refuses)."""
    _origin(backend)
    other = "https://contract-kit.invalid"
    for answer in (_preflight(backend, other), backend.get("services", headers={"Origin": other})):
        expect(answer.status_code < 500, f"a request from {other} answered {answer.status_code}")
        expect("Access-Control-Allow-Origin" not in answer.headers,
               f"{answer.request.method} from {other} got Access-Control-Allow-Origin {answer.headers.get('Access-Control-Allow-Origin')!r}")
