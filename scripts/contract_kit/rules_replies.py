"""`POST /support-requests/{id}/replies`: the thread on a request, once per
key, and who may reply on which requests; a status change once per key."""

import json

from .backend import Skip, errors_of, expect, expect_errors, new_key, partner_center_request
from .rules import rule
from .rules_roles import FORBIDDEN, self_service_request

REPLY_FIELDS = {"id", "body", "author", "created_at", "attachments"}


def post_reply(backend, request_id, body, key, role="default"):
    """`POST /support-requests/{request_id}/replies` with `body` as JSON."""
    return backend.request(
        "POST",
        f"support-requests/{request_id}/replies",
        role=role,
        headers={"Content-Type": "application/json", "Idempotency-Key": key},
        data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
    )


def _filed(backend, body, role="default"):
    answer = backend.post_request(body, new_key(), role=role)
    expect(answer.status_code == 201, f"filing {body['kind']} answered {answer.status_code} {errors_of(answer)}")
    return answer.json()["id"]


def _replied(backend, request_id, text, role="default"):
    answer = post_reply(backend, request_id, {"body": text}, new_key(), role=role)
    who = "" if role == "default" else f"{role}: "
    expect(answer.status_code == 201,
           f"{who}a reply on {request_id} answered {answer.status_code} {errors_of(answer) or answer.text[:200]!r}")
    return answer


@rule("replies-once-per-key")
def once_per_key(backend):
    """A reply answers 201 with its `id`, `body`, `author` (`name`, `role`),
    `created_at` and `attachments`. Sent again with its key, it answers the
    same reply, marked `Idempotent-Replayed: true`, and the request's
    `replies` list it once; the key with another
    body is 422 `idempotency_key_reused`. A blank body is 422 `body`
    `required`; a request that does not exist is 404 `id`."""
    request_id = _filed(backend, partner_center_request(title="A request with a thread"))
    key, body = new_key(), {"body": "The invoice number is INV-2026-11-0042."}
    first = post_reply(backend, request_id, body, key)
    expect(first.status_code == 201, f"a reply answered {first.status_code} {errors_of(first)}")
    reply = first.json()
    missing = REPLY_FIELDS - set(reply)
    expect(not missing, f"the reply lacks {sorted(missing)}: {first.text[:300]!r}")
    expect(reply["body"] == body["body"], f"the reply's body is {reply['body']!r}")
    author = reply["author"]
    expect(isinstance(author, dict) and {"name", "role"} <= set(author), f"the reply's author is {author!r}")
    again = post_reply(backend, request_id, body, key)
    expect(again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true",
           f"the reply sent again answered {again.status_code}, Idempotent-Replayed "
           f"{again.headers.get('Idempotent-Replayed')!r}")
    expect(again.json().get("id") == reply["id"],
           f"the reply sent again is {again.json().get('id')!r}, not {reply['id']!r}: it was stored twice")
    stored = backend.get(f"support-requests/{request_id}")
    expect(stored.status_code == 200, f"GET /support-requests/{request_id} answered {stored.status_code}")
    thread = [r.get("id") for r in stored.json().get("replies", [])]
    expect(thread == [reply["id"]], f"the request's replies are {thread}, not the one reply sent twice")
    answer = post_reply(backend, request_id, {"body": "Other words."}, key)
    expect_errors(answer, 422, [("Idempotency-Key", "idempotency_key_reused")], "the key with another reply")
    answer = post_reply(backend, request_id, {"body": " \n "}, new_key())
    expect_errors(answer, 422, [("body", "required")], "a blank reply")
    answer = post_reply(backend, new_key(), body, new_key())
    expect_errors(answer, 404, [("id", "not_found")], "a reply on a request that does not exist")


@rule("replies-who-may")
def who_may(backend):
    """A customer replies on its own message, and partner staff reply on it
    and mark it resolved; a customer may neither reply on the partner's own
    request (404, as reading it is) nor move a status (403), and partner
    staff may not move the partner's own request (403)."""
    backend.token("partner")
    backend.token("customer")
    message = _filed(backend, self_service_request(), role="customer")
    _replied(backend, message, "Still failing after a restart.", role="customer")
    _replied(backend, message, "We are looking into it.", role="partner")
    own = _filed(backend, partner_center_request(title="The partner's own"), role="partner")
    answer = post_reply(backend, own, {"body": "Hello?"}, new_key(), role="customer")
    expect_errors(answer, 404, [("id", "not_found")], "a customer replying on the partner's request")
    answer = backend.request("POST", f"support-requests/{message}/status", role="customer",
                             json={"status": "resolved"})
    expect_errors(answer, 403, FORBIDDEN, "a customer moving its own message")
    answer = backend.request("POST", f"support-requests/{own}/status", role="partner", json={"status": "closed"})
    expect_errors(answer, 403, FORBIDDEN, "a partner moving its own Partner Center request")
    answer = backend.request("POST", f"support-requests/{message}/status", role="partner",
                             json={"status": "resolved", "note": "Answered in the thread."})
    expect(answer.status_code == 200,
           f"a partner marking its customer's message resolved answered {answer.status_code} {errors_of(answer)}")
    listed = backend.get("support-requests", role="partner",
                         params={"kind": "customer_self_service", "status": "resolved", "limit": 50})
    expect(listed.status_code == 200, f"the partner's inbox answered {listed.status_code} {errors_of(listed)}")
    expect(message in [r.get("id") for r in listed.json().get("requests", [])],
           "the message marked resolved is not among the inbox's resolved")
    if "agent" not in backend.tokens:
        return "without --agent-token, not checked: that an agent replies on any request"
    _replied(backend, own, "Which invoice?", role="agent")


@rule("status-once-per-key")
def status_once_per_key(backend):
    """A status change sent again with its `Idempotency-Key` (after a lost
    answer) is made once: it answers 200 with `Idempotent-Replayed: true`
    and the request's `history` has the one entry; the key with another
    body is 422 `idempotency_key_reused` (field `Idempotency-Key`)."""
    if "agent" not in backend.tokens:
        raise Skip("needs --agent-token, to move a request's status")
    request_id = _filed(backend, partner_center_request(title="A request moved on once"))
    key, body = new_key(), {"status": "in_progress", "note": "Looking into it."}

    def change(sent):
        return backend.request("POST", f"support-requests/{request_id}/status", role="agent",
                               headers={"Content-Type": "application/json", "Idempotency-Key": key},
                               data=json.dumps(sent).encode("utf-8"))

    first = change(body)
    expect(first.status_code == 200, f"a status change answered {first.status_code} {errors_of(first)}")
    again = change(body)
    expect(again.status_code == 200 and again.headers.get("Idempotent-Replayed") == "true",
           f"the change sent again answered {again.status_code}, Idempotent-Replayed "
           f"{again.headers.get('Idempotent-Replayed')!r}")
    history = [entry.get("status") for entry in again.json().get("history", [])]
    expect(history == ["submitted", "in_progress"],
           f"the history after one change sent twice is {history}: it was made twice")
    expect_errors(change({"status": "closed"}), 422, [("Idempotency-Key", "idempotency_key_reused")],
                  "the key with another status")
