"""Unread marks: `unread` on a request, `POST /support-requests/{id}/seen`
(kept on the server, per user) and `GET /unread`."""

from .backend import errors_of, expect, expect_errors, new_key
from .rules import rule
from .rules_replies import post_reply
from .rules_roles import self_service_request


def _unread(backend, request_id, role):
    answer = backend.get(f"support-requests/{request_id}", role=role)
    expect(answer.status_code == 200, f"{role}: GET /support-requests/{request_id} answered {answer.status_code}")
    unread = answer.json().get("unread")
    expect(isinstance(unread, bool), f"{role}: the request's unread is {unread!r}, not a boolean")
    return unread


def _counted(backend, role):
    answer = backend.get("unread", role=role)
    expect(answer.status_code == 200, f"{role}: GET /unread answered {answer.status_code} {errors_of(answer)}")
    body = answer.json()
    listed = [r.get("id") for r in body.get("requests", [])]
    expect(isinstance(body.get("count"), int) and body["count"] >= len(listed),
           f"{role}: GET /unread answered {answer.text[:300]!r}")
    return listed


def _seen(backend, request_id, role):
    answer = backend.request("POST", f"support-requests/{request_id}/seen", role=role)
    expect(answer.status_code == 204,
           f"{role}: POST /support-requests/{request_id}/seen answered {answer.status_code} {errors_of(answer)}")


@rule("unread-until-seen")
def unread_until_seen(backend):
    """A customer's own new message is not `unread` to them; the partner's
    reply makes it so, in `GET /support-requests/{id}` and in `GET
    /unread`; `POST /support-requests/{id}/seen` (204, twice) clears it,
    and `/seen` on a request that does not exist is 404 `id`."""
    backend.token("customer")
    backend.token("partner")
    answer = backend.post_request(self_service_request(), new_key(), role="customer")
    expect(answer.status_code == 201, f"customer: filing answered {answer.status_code} {errors_of(answer)}")
    message = answer.json()["id"]
    expect(not _unread(backend, message, "customer"), "the customer's own new message is unread to them")
    replied = post_reply(backend, message, {"body": "Which mailbox?"}, new_key(), role="partner")
    expect(replied.status_code == 201, f"partner: a reply answered {replied.status_code} {errors_of(replied)}")
    expect(_unread(backend, message, "customer"), "the partner's reply is not unread to the customer")
    expect(message in _counted(backend, "customer"), "GET /unread does not list the message the partner answered")
    _seen(backend, message, "customer")
    _seen(backend, message, "customer")
    expect(not _unread(backend, message, "customer"), "the message marked seen is still unread")
    expect(message not in _counted(backend, "customer"), "GET /unread still lists the message marked seen")
    answer = backend.request("POST", f"support-requests/{new_key()}/seen", role="customer")
    expect_errors(answer, 404, [("id", "not_found")], "/seen on a request that does not exist")
