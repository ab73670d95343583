"""Who is asking: what each role's token may do (openapi's **Who may**)."""

from .backend import Skip, claims_of, customer_request, errors_of, expect, expect_errors, new_key, partner_center_request
from .rules import rule
from .rules_reference import find_by_reference, ids

UNAUTHENTICATED = [("Authorization", "invalid_token")]
FORBIDDEN = [("Authorization", "forbidden")]


def self_service_request():
    return {
        "kind": "customer_self_service",
        "title": "The mailbox is full",
        "description": "Mail bounces since this morning.",
        "contact": {"name": "Contract Kit", "email": "kit@example.com"},
    }


def _file_as(backend, role, body):
    """The new request's `id` and `reference`."""
    answer = backend.post_request(body, new_key(), role=role)
    expect(answer.status_code == 201, f"{role}: filing {body['kind']} answered {answer.status_code} {errors_of(answer)}")
    return answer.json()


def _finds(backend, role, filed, found=True):
    """`role` finds `filed` by its reference (or, not `found`, gets nothing)."""
    got = ids(find_by_reference(backend, filed["reference"], role))
    wanted = [filed["id"]] if found else []
    expect(got == wanted, f"{role}: reference {filed['reference']} found {got}, not {wanted}")


@rule("who-is-asking-without-a-token")
def without_token(backend):
    """No token, a malformed one or a wrongly signed one: 401
    `invalid_token` with `WWW-Authenticate: Bearer error="invalid_token"`,
    for a customer search and for a request looked up by its reference."""
    if not backend.tokens:
        raise Skip("needs a token of any role, such as --partner-token (a backend run without tokens lets anyone in)")
    token = next(iter(backend.tokens.values()))
    head, body, signature = (token.split(".") + ["", ""])[:3]
    forged = f"{head}.{body}.{signature[:-4]}AAAA" if signature[-4:] != "AAAA" else f"{head}.{body}.BBBB"
    for what, headers in (("no token", {}), ("a malformed token", {"Authorization": "Bearer not-a-jwt"}),
                          ("a wrongly signed token", {"Authorization": f"Bearer {forged}"})):
        for path in ("customers", "support-requests?reference=SR-000001"):
            answer = backend.get(path, role=None, headers=headers)
            expect_errors(answer, 401, UNAUTHENTICATED, f"GET /{path} with {what}")
            expect(answer.headers.get("WWW-Authenticate") == 'Bearer error="invalid_token"',
                   f"GET /{path} with {what}: WWW-Authenticate is {answer.headers.get('WWW-Authenticate')!r}")


@rule("who-is-asking-partner")
def partner(backend):
    """Partner staff search customers and file `partner_center` and
    `customer` requests, and see them in their list and by their reference;
    they neither file `customer_self_service` nor move their own requests'
    statuses nor read the catalogue."""
    backend.token("partner")
    expect(backend.get("customers", role="partner").status_code == 200, "a partner may search customers")
    filed = _file_as(backend, "partner", partner_center_request(title="Filed by the partner"))
    own = filed["id"]
    _file_as(backend, "partner", customer_request(backend))
    answer = backend.post_request(self_service_request(), new_key(), role="partner")
    expect_errors(answer, 403, FORBIDDEN, "a partner filing customer_self_service")
    answer = backend.request("POST", f"support-requests/{own}/status", role="partner", json={"status": "closed"})
    expect_errors(answer, 403, FORBIDDEN, "a partner moving its own request's status")
    expect_errors(backend.get("catalogue/customers", role="partner"), 403, FORBIDDEN, "a partner reading the catalogue")
    listed = backend.get("support-requests", role="partner", params={"filed_by": "me", "limit": 50})
    expect(listed.status_code == 200, f"the partner's list answered {listed.status_code}")
    expect(own in [r["id"] for r in listed.json()["requests"]], "the partner's new request is not in its list")
    _finds(backend, "partner", filed)


@rule("who-is-asking-customer")
def customer(backend):
    """A customer's user files `customer_self_service` only, for the
    token's `customer_id`, and finds it by its reference; reads no customer
    list and no one else's request, and finds none by its reference."""
    backend.token("customer")
    expect_errors(backend.get("customers", role="customer"), 403, FORBIDDEN, "a customer searching customers")
    answer = backend.post_request(partner_center_request(), new_key(), role="customer")
    expect_errors(answer, 403, FORBIDDEN, "a customer filing partner_center")
    body = self_service_request()
    body["customer"] = {"id": "contract-kit-someone-else", "name": "Someone else"}
    filed = _file_as(backend, "customer", body)
    stored = backend.get(f"support-requests/{filed['id']}", role="customer")
    expect(stored.status_code == 200, f"a customer reading its own request answered {stored.status_code}")
    customer_id = claims_of(backend.tokens["customer"]).get("customer_id")
    got = (stored.json()["request"].get("customer") or {}).get("id")
    expect(got == customer_id, f"the request is for customer {got!r}, not the token's {customer_id!r}")
    _finds(backend, "customer", filed)
    if "partner" not in backend.tokens:
        return "without --partner-token, not checked: that a customer neither reads nor finds a partner's request"
    theirs = _file_as(backend, "partner", partner_center_request(title="Not the customer's"))
    expect_errors(backend.get(f"support-requests/{theirs['id']}", role="customer"), 404, [("id", "not_found")],
                  "a customer reading a partner's request")
    _finds(backend, "customer", theirs, found=False)


@rule("partner-finds-customer-message")
def partner_finds_customer_message(backend):
    """The partner's staff find a customer's message by the reference the
    customer quotes, as a list of one; beside `filed_by=me` they do not,
    since it is not theirs."""
    backend.token("partner")
    backend.token("customer")
    filed = _file_as(backend, "customer", self_service_request())
    found = find_by_reference(backend, filed["reference"], "partner")
    expect(ids(found) == [filed["id"]] and found[0].get("reference") == filed["reference"],
           f"partner: the customer's message {filed['reference']} found {ids(found)}, not [{filed['id']}]")
    answer = backend.get("support-requests", role="partner",
                         params={"reference": filed["reference"], "filed_by": "me"})
    expect(answer.status_code == 200, f"partner: reference with filed_by=me answered {answer.status_code}")
    got = ids(answer.json().get("requests") or [])
    expect(got == [], f"partner: the customer's message {filed['reference']} with filed_by=me found {got}, not []")


@rule("who-is-asking-agent")
def agent(backend):
    """Agents move statuses (the request's history grows), find any request
    by its reference, and file nothing."""
    backend.token("agent")
    if "partner" not in backend.tokens:
        raise Skip("needs --partner-token too, to file a request to move")
    filed = _file_as(backend, "partner", partner_center_request(title="To be moved by an agent"))
    _finds(backend, "agent", filed)
    answer = backend.request("POST", f"support-requests/{filed['id']}/status", role="agent",
                             json={"status": "in_progress", "note": "Looking into it."})
    expect(answer.status_code == 200, f"an agent moving a status answered {answer.status_code} {errors_of(answer)}")
    moved = answer.json()
    expect(moved["status"] == "in_progress", f"the status is {moved['status']!r} after the move")
    history = [entry["status"] for entry in moved.get("history", [])]
    expect(history == ["submitted", "in_progress"], f"the history is {history}")
    answer = backend.post_request(partner_center_request(), new_key(), role="agent")
    expect_errors(answer, 403, FORBIDDEN, "an agent filing partner_center")
    expect_errors(backend.get("catalogue/customers", role="agent"), 403, FORBIDDEN, "an agent reading the catalogue")


@rule("who-is-asking-admin")
def admin(backend):
    """Admins read and write the catalogue, move statuses, and find any
    request by its reference."""
    backend.token("admin")
    answer = backend.get("catalogue/services", role="admin")
    expect(answer.status_code == 200, f"an admin reading the catalogue answered {answer.status_code}")
    expect(answer.headers.get("Content-Type", "").startswith("application/x-ndjson"),
           f"the catalogue came as {answer.headers.get('Content-Type')!r}")
    answer = backend.request("POST", f"support-requests/{new_key()}/status", role="admin", json={"status": "closed"})
    expect_errors(answer, 404, [("id", "not_found")], "an admin moving an unknown request")
    if "partner" not in backend.tokens:
        return "without --partner-token, not checked: that an admin finds a partner's request by its reference"
    _finds(backend, "admin", _file_as(backend, "partner", partner_center_request(title="Found by an admin")))
