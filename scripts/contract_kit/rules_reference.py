"""`GET /support-requests?reference=`: a request looked up by the number
people quote, `SR-` and digits, and found only by whoever may see it."""

from .backend import errors_of, expect, expect_errors, new_key, partner_center_request
from .rules import rule

# Of the form, so never 400, but no request's: the first is more than a
# 64-bit number holds.
UNKNOWN = ["SR-" + "9" * 20, "sr-999999999999"]
# Not `SR-` and ASCII digits.
MALFORMED = ["SR-", "SR12", "000012", "XR-000012", "SR-12a", "SR--12", "SR-+12", "SR-１２", "SR-٣"]


def find_by_reference(backend, reference, role="default"):
    """The requests that `role` finds by `reference` (a 200, one page)."""
    answer = backend.get("support-requests", role=role, params={"reference": reference})
    who = "" if role == "default" else f"{role}: "
    what = f"{who}GET /support-requests?reference={reference}"
    expect(answer.status_code == 200, f"{what} answered {answer.status_code} {errors_of(answer) or answer.text[:200]!r}")
    body = answer.json()
    expect(isinstance(body, dict) and isinstance(body.get("requests"), list) and body.get("next") is None,
           f"{what} answered {answer.text[:200]!r}, not a list of requests without a next page")
    return body["requests"]


def ids(requests):
    return [request.get("id") for request in requests]


@rule("request-by-reference")
def by_reference(backend):
    """`reference` finds the caller's request, in any case, as a list of
    one (what `GET /support-requests/{id}` answers); a reference of no
    request the caller may see is an empty list; one that is not `SR-` and
    digits is 400 `invalid_value`."""
    answer = backend.post_request(partner_center_request(title="Found by its reference"), new_key())
    expect(answer.status_code == 201, f"filing a request answered {answer.status_code} {errors_of(answer)}")
    filed = answer.json()
    stored = backend.get(f"support-requests/{filed['id']}")
    expect(stored.status_code == 200, f"GET /support-requests/{filed['id']} answered {stored.status_code}")
    for reference in (filed["reference"], filed["reference"].lower()):
        found = find_by_reference(backend, reference)
        expect(found == [stored.json()], f"reference {reference} found {ids(found)}, not [{filed['id']}] as stored")
    for reference in UNKNOWN:
        found = find_by_reference(backend, reference)
        expect(found == [], f"reference {reference} found {ids(found)}")
    for reference in MALFORMED:
        answer = backend.get("support-requests", params={"reference": reference})
        expect_errors(answer, 400, [("reference", "invalid_value")], f"reference {reference!r}")
