"""Where a backend written from `openapi.yaml` alone could guess: the
answers the contract gives, each checked from outside."""

import json

from .backend import Skip, claims_of, errors_of, expect, expect_errors, new_key, partner_center_request
from .rules import rule
from .rules_reference import find_by_reference, ids
from .rules_replies import post_reply
from .rules_roles import _file_as, self_service_request


def _needs(backend, *roles):
    for role in roles:
        if role not in backend.tokens:
            raise Skip(f"needs --{role}-token")


@rule("customer-name-from-catalogue")
def customer_name_from_catalogue(backend):
    """A customer's message is about the token's customer, named as the
    catalogue names it, whatever name the body gave."""
    _needs(backend, "customer")
    customer_id = claims_of(backend.token("customer")).get("customer_id")
    if not customer_id:
        raise Skip("the --customer-token has no customer_id")
    made_up = "A name the body made up"
    body = dict(self_service_request(), customer={"id": customer_id, "name": made_up})
    filed = _file_as(backend, "customer", body)
    stored = backend.get(f"support-requests/{filed['id']}", role="customer")
    expect(stored.status_code == 200, f"GET /support-requests/{filed['id']} answered {stored.status_code}")
    customer = stored.json()["request"].get("customer") or {}
    expect(customer.get("id") == customer_id and customer.get("name") not in (None, "", made_up),
           f"the message's customer is {customer!r}: not the catalogue's {customer_id} under its own name")


@rule("related-request-null")
def related_request_null(backend):
    """`related_request: null` means absent, as `null` does for the other
    optional fields: the request is filed (201)."""
    answer = backend.post_request(partner_center_request(title="Related to nothing", related_request=None), new_key())
    expect(answer.status_code == 201,
           f"a request with related_request null answered {answer.status_code} {errors_of(answer)}")


@rule("reference-exact")
def reference_exact(backend):
    """A reference is found as it is written, and not with its number
    written otherwise: `SR-1` is no reference of `SR-000001`'s (an empty
    list)."""
    filed = _file_as(backend, "default", partner_center_request(title="Found by its exact reference"))
    number = int(filed["reference"][3:])
    unpadded = f"SR-{number}"
    if unpadded != filed["reference"]:
        found = ids(find_by_reference(backend, unpadded))
        expect(found == [], f"{unpadded} found {found}: a reference is not normalised")


@rule("json-media-type")
def json_media_type(backend):
    """A reply and a status change (with an agent's token, who may move
    any request) sent as anything but `application/json` are 415
    `unsupported_media_type`, field `Content-Type`, as a filing is."""
    filed = _file_as(backend, "default", partner_center_request(title="Written to as JSON only"))
    body = json.dumps({"body": "Plain text."}).encode()
    answer = backend.request("POST", f"support-requests/{filed['id']}/replies",
                             headers={"Content-Type": "text/plain", "Idempotency-Key": new_key()}, data=body)
    expect_errors(answer, 415, [("Content-Type", "unsupported_media_type")], "a reply sent as text/plain")
    # An agent may move any request, so the media type is what refuses it.
    if "agent" in backend.tokens:
        answer = backend.request("POST", f"support-requests/{filed['id']}/status", role="agent",
                                 headers={"Content-Type": "text/plain"},
                                 data=json.dumps({"status": "closed"}).encode())
        expect_errors(answer, 415, [("Content-Type", "unsupported_media_type")], "a status change sent as text/plain")


@rule("replies-order-of-checks")
def replies_order_of_checks(backend):
    """A reply's body is read before its request is looked up: a body that
    is not JSON is 400 `malformed_body` even on a request that does not
    exist; a well-formed reply there is 404 `id`."""
    answer = backend.request("POST", f"support-requests/{new_key()}/replies",
                             headers={"Content-Type": "application/json", "Idempotency-Key": new_key()},
                             data=b"{not json")
    expect_errors(answer, 400, [("", "malformed_body")], "a malformed reply on an unknown request")
    answer = post_reply(backend, new_key(), {"body": "Hello."}, new_key())
    expect_errors(answer, 404, [("id", "not_found")], "a reply on an unknown request")


@rule("reopen-on-customer-reply")
def reopen_on_customer_reply(backend):
    """The customer's reply on their resolved message opens it again:
    `in_progress`, with one more `history` entry; the partner's reply on it
    leaves it resolved."""
    _needs(backend, "customer", "partner")
    filed = _file_as(backend, "customer", self_service_request())
    path = f"support-requests/{filed['id']}"
    answer = backend.request("POST", f"{path}/status", role="partner", json={"status": "resolved"})
    expect(answer.status_code == 200, f"the partner marking it resolved answered {answer.status_code}")
    answer = post_reply(backend, filed["id"], {"body": "Anything else?"}, new_key(), role="partner")
    expect(answer.status_code == 201, f"the partner's reply answered {answer.status_code} {errors_of(answer)}")
    status = backend.get(path, role="partner").json()["status"]
    expect(status == "resolved", f"after the partner's reply the message is {status!r}, not resolved")
    answer = post_reply(backend, filed["id"], {"body": "Still broken."}, new_key(), role="customer")
    expect(answer.status_code == 201, f"the customer's reply answered {answer.status_code} {errors_of(answer)}")
    stored = backend.get(path, role="partner").json()
    history = [entry.get("status") for entry in stored.get("history", [])]
    expect(stored["status"] == "in_progress" and history[-2:] == ["resolved", "in_progress"],
           f"after the customer's reply the message is {stored['status']!r}, its history {history}")
