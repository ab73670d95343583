"""`GET /events`: the caller's live changes, as Server-Sent Events. Who may
follow, that a customer hears of their own requests and of nobody else's,
and the pick-up after `Last-Event-ID` with nothing lost and nothing twice."""

import http.client
import json
import queue
import socket
import threading
import urllib.parse

from .backend import Skip, errors_of, expect, expect_errors, new_key, partner_center_request
from .rules import rule
from .rules_replies import post_reply
from .rules_roles import UNAUTHENTICATED, self_service_request

# How long a change may take to reach a stream, in seconds.
WITHIN = 10


class Stream:
    """`GET /events` as `role` sends it, read as it comes: its events (the
    blocks with `data`) go to a queue, `None` at its end. Its own
    connection, so that closing it wakes its reader at once."""

    def __init__(self, backend, role, last_id=None):
        headers = backend.headers(role, {"Accept": "text/event-stream"})
        if last_id is not None:
            headers["Last-Event-ID"] = last_id
        target = urllib.parse.urlsplit(backend.url)
        kind = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
        connection = kind(target.hostname, target.port, timeout=backend.timeout)
        connection.connect()
        self.sock = connection.sock
        connection.request("GET", target.path.rstrip("/") + "/events", headers=headers)
        self.answer = connection.getresponse()
        self.status = self.answer.status
        self.events = queue.Queue()
        if self.status == 200:
            self.sock.settimeout(None)
            threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        block = {}
        try:
            while raw := self.answer.readline():
                line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
                if line == "":
                    if "data" in block:
                        self.events.put(block)
                    block = {}
                elif not line.startswith(":"):
                    name, _, value = line.partition(":")
                    block[name] = value[1:] if value.startswith(" ") else value
        except (OSError, http.client.HTTPException):
            pass  # closed by the rule, or broken: the end either way
        self.events.put(None)

    def next(self, what):
        """The next event, within `WITHIN` seconds: `{"id", "event",
        "data"}` with `data` parsed."""
        try:
            event = self.events.get(timeout=WITHIN)
        except queue.Empty:
            event = "quiet"
        expect(isinstance(event, dict), f"{what}: the stream {'ended' if event is None else 'stayed quiet'} "
                                        f"for {WITHIN} s")
        try:
            event["data"] = json.loads(event["data"])
        except ValueError:
            expect(False, f"{what}: an event's data is not JSON: {event['data'][:200]!r}")
        return event

    def after_a_second(self):
        """What else comes within a second, if anything (nothing should)."""
        try:
            return self.events.get(timeout=1)
        except queue.Empty:
            return None

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()


def _filed(backend, role, body):
    """The `id` of a request `role` files."""
    answer = backend.post_request(body, new_key(), role=role)
    expect(answer.status_code == 201, f"{role}: filing {body['kind']} answered {answer.status_code} {errors_of(answer)}")
    return answer.json()["id"]


def _replied(backend, role, request_id, text):
    answer = post_reply(backend, request_id, {"body": text}, new_key(), role=role)
    expect(answer.status_code == 201, f"{role}: a reply on {request_id} answered {answer.status_code} {errors_of(answer)}")


def _own_only(event, own, what):
    """Fails unless `event` is about the request `own`."""
    about = event["data"].get("id") if isinstance(event["data"], dict) else None
    expect(about == own, f"{what}: the customer's stream carried {event.get('event')} of request {about!r}, "
                         f"which is not theirs ({own})")


def _until_replies(stream, own, replies, what):
    """The events up to the `replies`th reply: each about `own`, each a
    reply or a status change (a backend may move a message's status on a
    reply), at most a few more than the replies."""
    heard = []
    while sum(event.get("event") == "request.reply_added" for event in heard) < replies:
        expect(len(heard) < replies + 3, f"{what}: {[event.get('event') for event in heard]} and still not "
                                         f"{replies} repl{'y' if replies == 1 else 'ies'}")
        event = stream.next(f"change {len(heard) + 1} {what}")
        _own_only(event, own, what)
        expect(event.get("event") in ("request.reply_added", "request.status_changed"),
               f"{what}: a reply came as {event.get('event')!r}")
        heard.append(event)
    return heard


@rule("live-changes")
def live_changes(backend):
    """`GET /events` without a token is 401 `invalid_token`. A customer's
    stream carries the filing of their own request within 10 s, and never
    a change to a request they may not read (one the partner's staff
    filed). Opened again with the last `id` heard as `Last-Event-ID`, it
    carries every change made meanwhile (two replies by the partner's
    staff, one by the customer, and any status change they made), none
    twice, then the next one as it happens."""
    backend.token("customer")
    if "partner" not in backend.tokens:
        raise Skip("needs --partner-token too, to make changes the customer may and may not hear of")
    anonymous = backend.session.get(backend.url + "events", headers={"Accept": "text/event-stream"}, stream=True,
                                    timeout=backend.timeout, allow_redirects=False)
    with anonymous:
        expect_errors(anonymous, 401, UNAUTHENTICATED, "GET /events without a token")

    with Stream(backend, "customer") as stream:
        expect(stream.status == 200, f"the customer's GET /events answered {stream.status}")
        kind = stream.answer.getheader("Content-Type", "")
        expect(kind.startswith("text/event-stream"), f"GET /events came as {kind!r}")
        _filed(backend, "partner", partner_center_request(title="Not for the customer's stream"))
        own = _filed(backend, "customer", self_service_request())
        filed = stream.next("the customer's own filing")
        _own_only(filed, own, "while the partner and the customer each filed one")
        expect(filed.get("event") == "request.created", f"the filing came as {filed.get('event')!r}")
    expect(filed.get("id"), "the filing's event has no id")

    _replied(backend, "partner", own, "Is the mailbox still full?")
    _filed(backend, "partner", partner_center_request(title="Not for the customer's stream either"))
    _replied(backend, "customer", own, "Yes, since this morning.")
    _replied(backend, "partner", own, "We are on it.")
    with Stream(backend, "customer", last_id=filed["id"]) as again:
        expect(again.status == 200, f"GET /events with Last-Event-ID {filed['id']} answered {again.status}")
        missed = _until_replies(again, own, 3, "made while the stream was cut")
        ids = [filed["id"]] + [event.get("id") for event in missed]
        expect(len(set(ids)) == len(ids), f"an id came twice: {ids}")
        _replied(backend, "customer", own, "Thank you.")
        live = _until_replies(again, own, 1, "after the pick-up")
        expect(all(event.get("id") not in ids for event in live),
               f"after the pick-up came {[event.get('id') for event in live]}, heard before: {ids}")
        extra = again.after_a_second()
        expect(extra is None, f"after the last reply came one more change, a change told twice: {extra}")
