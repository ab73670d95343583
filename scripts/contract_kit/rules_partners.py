"""Partners never meet: a backend that serves several partners answers one
partner's users about another partner's requests, replies, files and
events exactly as about ids that do not exist (openapi's **Partners**).

The first partner is the one of --partner-token and --customer-token; the
other one, of --other-partner-token and --other-customer-token, signed
with that other partner's key."""

from .backend import Skip, claims_of, customer_request, errors_of, expect, new_key, partner_center_request
from .rules import rule
from .rules_attachments import LOG, _upload
from .rules_live import Stream
from .rules_reference import find_by_reference, ids
from .rules_replies import post_reply
from .rules_roles import self_service_request

STAFF, CUSTOMER = "other-partner", "other-customer"
# The most pages of one list the rule reads (of 50 requests each).
MOST_PAGES = 40


def _text(answer):
    return answer.text[:200]


def _body(answer):
    try:
        return answer.json()
    except ValueError:
        return answer.text


class Theirs:
    """What the first partner's users made: their requests, files and
    references, and how their staff and customer read them."""

    def __init__(self):
        self.requests, self.files, self.references = [], [], []

    def about(self, request_id):
        return request_id in self.requests


def _made_by_the_first_partner(backend):
    """A customer's message with a file, the staff's reply on it with a
    file of their own, its escalation (with a copy of the customer's file)
    and the staff's own request, as the first partner's users make them."""
    theirs = Theirs()
    uploaded = _upload(backend, LOG, "text/plain", "their.log", role="customer")
    expect(uploaded.status_code == 201, f"customer: an upload answered {uploaded.status_code} {errors_of(uploaded)}")
    theirs.files.append(uploaded.json()["id"])
    filed = backend.post_request({**self_service_request(), "attachments": theirs.files[:1]}, new_key(),
                                 role="customer")
    expect(filed.status_code == 201, f"customer: a message with a file answered {filed.status_code} {errors_of(filed)}")
    message = filed.json()
    theirs.requests.append(message["id"])
    theirs.references.append(message["reference"])
    staff_file = _upload(backend, LOG, "text/plain", "answer.log", role="partner")
    expect(staff_file.status_code == 201, f"partner: an upload answered {staff_file.status_code} {errors_of(staff_file)}")
    theirs.files.append(staff_file.json()["id"])
    replied = post_reply(backend, message["id"], {"body": "The steps are in the file.",
                                                  "attachments": [theirs.files[1]]}, new_key(), role="partner")
    expect(replied.status_code == 201, f"partner: a reply with a file answered {replied.status_code} {errors_of(replied)}")
    customer = {"id": claims_of(backend.token("customer")).get("customer_id", ""), "name": "Contract Kit's customer"}
    body = customer_request(backend, customer=customer, related_request=message["id"], attachments=theirs.files[:1])
    escalated = backend.post_request(body, new_key(), role="partner")
    expect(escalated.status_code == 201, f"partner: an escalation answered {escalated.status_code} {errors_of(escalated)}")
    theirs.requests.append(escalated.json()["id"])
    theirs.references.append(escalated.json()["reference"])
    own = backend.post_request(partner_center_request(title="The first partner's own"), new_key(), role="partner")
    expect(own.status_code == 201, f"partner: filing partner_center answered {own.status_code} {errors_of(own)}")
    theirs.requests.append(own.json()["id"])
    theirs.references.append(own.json()["reference"])
    # The escalation's copies of its message's files are theirs too.
    stored = backend.get(f"support-requests/{theirs.requests[1]}", role="partner")
    expect(stored.status_code == 200, f"partner: reading the escalation answered {stored.status_code}")
    theirs.files += [f.get("id") for f in stored.json().get("attachments", []) if f.get("id") not in theirs.files]
    return theirs


def _as_they_read_it(backend, theirs):
    """Everything the first partner's users read of what they made."""
    read = []
    for request_id in theirs.requests:
        answer = backend.get(f"support-requests/{request_id}", role="partner")
        expect(answer.status_code == 200, f"partner: GET /support-requests/{request_id} answered {answer.status_code}")
        read.append(answer.json())
    answer = backend.get(f"support-requests/{theirs.requests[0]}", role="customer")
    expect(answer.status_code == 200, f"customer: GET /support-requests/{theirs.requests[0]} answered {answer.status_code}")
    read.append(answer.json())
    for file_id in theirs.files:
        answer = backend.get(f"attachments/{file_id}", role="partner")
        expect(answer.status_code == 200, f"partner: GET /attachments/{file_id} answered {answer.status_code}")
        read.append(answer.content.decode("utf-8", errors="replace"))
    return read


class Probes:
    """The other partner's calls with the first partner's ids, each made
    again with an id of nothing: both must answer alike."""

    def __init__(self, backend, shared_issuer):
        self.backend = backend
        self.count = 0
        self.hint = (f" (both partners' tokens have the issuer {shared_issuer!r}: are they of one partner?)"
                     if shared_issuer else "")

    def as_missing(self, what, call, their_id, status=404):
        """`call(id)` with `their_id` answers `status` (if not None) and the
        same body as `call` with an id of nothing."""
        theirs, nothing = call(their_id), call(new_key())
        self.count += 1
        expect(status is None or theirs.status_code == status,
               f"{what} with the other partner's id {their_id} answered {theirs.status_code} {_text(theirs)!r}, "
               f"not {status} as for an id that does not exist{self.hint}")
        expect(theirs.status_code == nothing.status_code and _body(theirs) == _body(nothing),
               f"{what} with the other partner's id {their_id} answered {theirs.status_code} {_text(theirs)!r}, "
               f"but with an id of nothing {nothing.status_code} {_text(nothing)!r}: the answer tells that it "
               f"exists{self.hint}")

    def none_listed(self, what, requests, theirs):
        listed = [r.get("id") for r in requests if theirs.about(r.get("id"))]
        expect(not listed, f"{what} lists the other partner's requests {listed}{self.hint}")


def _pages(backend, role, params, what):
    """Every request of a list, page after page (at most MOST_PAGES)."""
    requests, before = [], None
    for _ in range(MOST_PAGES):
        page = backend.get("support-requests", role=role, params={**params, "limit": 50,
                                                                   **({"before": before} if before else {})})
        expect(page.status_code == 200, f"{what} answered {page.status_code} {errors_of(page)}")
        body = page.json()
        requests += body.get("requests", [])
        before = body.get("next")
        if not before:
            break
    return requests


def _own_events_until(stream, ours, last, what):
    """The stream's events up to the filing of `last`: each about one of
    the other partner's own requests (`ours`), never the first's."""
    heard = []
    while True:
        expect(len(heard) < 20, f"{what}: {len(heard)} events and still not the filing of {last}")
        event = stream.next(f"{what}, waiting for the filing of {last}")
        about = event["data"].get("id") if isinstance(event["data"], dict) else None
        expect(about in ours, f"{what}: {event.get('event')} of request {about!r} came, which is not the other "
                              f"partner's own ({sorted(ours)})")
        heard.append(event)
        if about == last and event.get("event") == "request.created":
            return heard


@rule("partners-never-meet")
def partners_never_meet(backend):
    """Another partner's id is 404, the same answer as an id that does not
    exist: the second partner's staff and customer reading, replying on,
    moving, marking seen, escalating and downloading the first partner's
    requests, replies and files get the answer an id of nothing gets;
    their lists, pages, searches by reference and `GET /unread` hold none
    of the first partner's; their `GET /events`, live and replayed after
    `Last-Event-ID`, carries none of its changes; and the first partner's
    requests read the same afterwards."""
    missing = [f"--{role}-token" for role in (STAFF, CUSTOMER) if role not in backend.tokens]
    if missing:
        raise Skip(f"needs {' and '.join(missing)}: tokens of a second partner that the backend serves, "
                   "signed with that partner's key")
    backend.token("partner")
    backend.token("customer")
    issuers = {claims_of(backend.token(role)).get("iss") for role in ("partner", STAFF)}
    probes = Probes(backend, next(iter(issuers)) if len(issuers) == 1 else None)
    our_customer = {"id": claims_of(backend.token(CUSTOMER)).get("customer_id", ""), "name": "The other customer"}

    def ours_filed(what):
        answer = backend.post_request({**self_service_request(), "title": what}, new_key(), role=CUSTOMER)
        expect(answer.status_code == 201,
               f"{CUSTOMER}: filing customer_self_service answered {answer.status_code} {errors_of(answer)}")
        return answer.json()["id"]

    with Stream(backend, STAFF) as staff_stream, Stream(backend, CUSTOMER) as customer_stream:
        for role, stream in ((STAFF, staff_stream), (CUSTOMER, customer_stream)):
            expect(stream.status == 200, f"{role}: GET /events answered {stream.status}")
        first = ours_filed("Filed before the first partner's")
        ours = {first}
        marks = {role: _own_events_until(stream, ours, first, f"{role}'s stream")[-1].get("id")
                 for role, stream in ((STAFF, staff_stream), (CUSTOMER, customer_stream))}

        theirs = _made_by_the_first_partner(backend)
        before = _as_they_read_it(backend, theirs)

        for role in (STAFF, CUSTOMER):
            for request_id in theirs.requests:
                path = "support-requests/{}"
                probes.as_missing(f"{role}: GET /support-requests/{{id}}",
                                  lambda i: backend.get(path.format(i), role=role), request_id)
                probes.as_missing(f"{role}: POST /support-requests/{{id}}/replies",
                                  lambda i: post_reply(backend, i, {"body": "From the other partner."}, new_key(),
                                                       role=role), request_id)
                probes.as_missing(f"{role}: POST /support-requests/{{id}}/seen",
                                  lambda i: backend.request("POST", f"support-requests/{i}/seen", role=role),
                                  request_id)
            for file_id in theirs.files:
                probes.as_missing(f"{role}: GET /attachments/{{id}}",
                                  lambda i: backend.get(f"attachments/{i}", role=role), file_id)
        for request_id in theirs.requests:
            probes.as_missing(f"{STAFF}: POST /support-requests/{{id}}/status",
                              lambda i: backend.request("POST", f"support-requests/{i}/status", role=STAFF,
                                                        headers={"Idempotency-Key": new_key()},
                                                        json={"status": "resolved", "note": "Not ours."}),
                              request_id)
        # Their ids in a body: an escalation of their message, a filing or
        # a reply listing their file.
        probes.as_missing(f"{STAFF}: an escalation whose related_request is the other partner's message",
                          lambda i: backend.post_request(customer_request(backend, customer=our_customer,
                                                                          related_request=i), new_key(), role=STAFF),
                          theirs.requests[0], status=None)
        own = ours_filed("The other partner's own")
        ours.add(own)
        for file_id in theirs.files:
            probes.as_missing(f"{CUSTOMER}: a message listing the other partner's file",
                              lambda i: backend.post_request({**self_service_request(), "attachments": [i]},
                                                             new_key(), role=CUSTOMER), file_id, status=None)
            probes.as_missing(f"{STAFF}: a reply listing the other partner's file",
                              lambda i: post_reply(backend, own, {"body": "A file.", "attachments": [i]}, new_key(),
                                                   role=STAFF), file_id, status=None)

        # Lists, pages, searches.
        lists = [(STAFF, {"kind": kind}) for kind in ("customer_self_service", "customer", "partner_center")]
        lists += [(role, {"filed_by": "me"}) for role in (STAFF, CUSTOMER)]
        for role, params in lists:
            shown = "&".join(f"{k}={v}" for k, v in params.items())
            probes.none_listed(f"{role}: GET /support-requests?{shown}, every page",
                               _pages(backend, role, params, f"{role}: GET /support-requests?{shown}"), theirs)
            for request_id in theirs.requests:
                probes.as_missing(f"{role}: GET /support-requests?{shown}&before={{id}}",
                                  lambda i: backend.get("support-requests", role=role,
                                                        params={**params, "before": i}), request_id, status=200)
        for role in (STAFF, CUSTOMER):
            for reference in theirs.references:
                found = ids(find_by_reference(backend, reference, role))
                expect(not found, f"{role}: the other partner's reference {reference} found {found}{probes.hint}")
            unread = backend.get("unread", role=role)
            expect(unread.status_code == 200, f"{role}: GET /unread answered {unread.status_code} {errors_of(unread)}")
            probes.none_listed(f"{role}: GET /unread", unread.json().get("requests", []), theirs)

        # The stream: none of theirs live, then none replayed.
        last = ours_filed("Filed after the first partner's")
        ours.add(last)
        for role, stream in ((STAFF, staff_stream), (CUSTOMER, customer_stream)):
            _own_events_until(stream, ours, last, f"{role}'s stream while the first partner made changes")
    for role, mark in marks.items():
        with Stream(backend, role, last_id=mark) as replay:
            expect(replay.status == 200, f"{role}: GET /events with Last-Event-ID {mark} answered {replay.status}")
            _own_events_until(replay, ours, last, f"{role}'s stream replayed after {mark}")

    after = _as_they_read_it(backend, theirs)
    changed = [i for i, (was, now) in enumerate(zip(before, after)) if was != now]
    expect(not changed, "the first partner's requests and files read otherwise after the other partner's calls: "
                        f"{[after[i] for i in changed][:1]!r:.300}, was {[before[i] for i in changed][:1]!r:.300}")
    return f"{probes.count} calls with the other partner's ids"
