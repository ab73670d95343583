"""`Idempotency-Key` on `POST /support-requests`: replays, keys in flight,
reused keys and which keys are the same."""

import threading
import time
import uuid

from .backend import errors_of, expect, expect_errors, new_key, partner_center_request
from .rules import rule


def _filed(answer, what):
    expect(answer.status_code == 201, f"{what}: expected 201, got {answer.status_code} {answer.text[:200]!r}")
    return answer.json()


@rule("idempotency-replay")
def replay(backend):
    """The same key and body again answer the first 201 (the same JSON, the
    same id) with `Idempotent-Replayed: true`, and file nothing new."""
    key = new_key()
    body = partner_center_request(title="Replayed with the same key")
    answer = backend.post_request(body, key)
    first = _filed(answer, "first post")
    expect("Idempotent-Replayed" not in answer.headers, "the first answer says it is a replay")
    again = backend.post_request(body, key)
    second = _filed(again, "the same key and body again")
    expect(second == first, f"the replay answered {second}, not the first answer {first}")
    expect(
        again.headers.get("Idempotent-Replayed") == "true",
        "the replay lacks `Idempotent-Replayed: true`",
    )
    stored = backend.get(f"support-requests/{first['id']}")
    expect(stored.status_code == 200, f"GET of the filed request answered {stored.status_code}")


@rule("idempotency-key-forms")
def key_forms(backend):
    """A key is a UUID: quoted or bare, hyphenated or 32 hex digits, in any
    case, it is the same key."""
    key = uuid.uuid4()
    body = partner_center_request(title="One key written four ways")
    first = _filed(backend.post_request(body, str(key)), "hyphenated key")
    for form in (f'"{key}"', key.hex, str(key).upper(), f'"{key.hex.upper()}"'):
        again = _filed(backend.post_request(body, form), f"key {form}")
        expect(again["id"] == first["id"], f"key {form} filed {again['id']}, not the replay of {first['id']}")


@rule("idempotency-key-required")
def key_required(backend):
    """A missing key, or one that is not a UUID, is 400 `invalid_idempotency_key`."""
    body = partner_center_request()
    for key in (None, "", "not-a-uuid", "{" + new_key() + "}x"):
        answer = backend.post_request(body, key)
        expect_errors(answer, 400, [("Idempotency-Key", "invalid_idempotency_key")], f"key {key!r}")


@rule("idempotency-key-reused")
def key_reused(backend):
    """The same key with another body is 422 `idempotency_key_reused`."""
    key = new_key()
    _filed(backend.post_request(partner_center_request(title="First body"), key), "first post")
    answer = backend.post_request(partner_center_request(title="Another body"), key)
    expect_errors(answer, 422, [("Idempotency-Key", "idempotency_key_reused")], "the same key with another body")


@rule("idempotency-refusals-not-remembered")
def refusals_forgotten(backend):
    """A refused request (422) does not use up its key: the corrected form
    goes through with it."""
    key = new_key()
    refused = backend.post_request(partner_center_request(title=" "), key)
    expect(refused.status_code == 422, f"a blank title answered {refused.status_code}")
    _filed(backend.post_request(partner_center_request(title="Corrected"), key), "the corrected form with the same key")


@rule("idempotency-in-flight")
def in_flight(backend):
    """Concurrent posts of one key and body file one request: each answer is
    that request (201) or 409 `idempotency_key_in_flight` with
    `Retry-After`, and a repeat after it gets the replay."""
    role = backend.default_role  # skipped here without it, not in each thread
    key = new_key()
    body = partner_center_request(title="Sent from eight tabs at once", description="x" * 9000)
    answers = [None] * 8
    start = threading.Barrier(len(answers))

    def send(i):
        start.wait()
        try:
            answers[i] = backend.post_request(body, key, role=role)
        except Exception as error:  # raised again below, for the kit to report
            answers[i] = error

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(answers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids, overlapped = set(), 0
    for answer in answers:
        if isinstance(answer, Exception):
            raise answer
        if answer.status_code == 201:
            ids.add(answer.json()["id"])
            continue
        expect_errors(answer, 409, [("Idempotency-Key", "idempotency_key_in_flight")], "a concurrent post")
        wait = answer.headers.get("Retry-After", "")
        expect(wait.isdigit() and int(wait) >= 1, f"a 409 has Retry-After {wait!r}, not whole seconds")
        overlapped += 1
        time.sleep(int(wait))
        again = backend.post_request(body, key)
        expect(again.status_code == 201, f"the repeat after Retry-After answered {again.status_code} {errors_of(again)}")
        ids.add(again.json()["id"])
    expect(len(ids) == 1, f"one key filed {len(ids)} requests: {sorted(ids)}")
    return f"{overlapped} of {len(answers)} posts overlapped the first and got 409"
