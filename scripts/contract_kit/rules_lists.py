"""`GET /support-requests` in pages: `before` marks a place in the order
requests were filed, whatever the kind of the request it names."""

from .backend import customer_request, errors_of, expect, new_key, partner_center_request
from .rules import rule


@rule("paging-before-another-kind")
def before_another_kind(backend):
    """With `kind`, `before` may be the id of a request of another kind: it
    marks a place in the order of filing, and the page lists the requests of
    `kind` filed before it (not an empty page)."""
    backend.token("partner")

    def filed(body):
        answer = backend.post_request(body, new_key(), role="partner")
        expect(answer.status_code == 201, f"filing {body['kind']} answered {answer.status_code} {errors_of(answer)}")
        return answer.json()["id"]

    earlier = filed(partner_center_request(title="Filed before the escalation"))
    marker = filed(customer_request(backend))
    params = {"kind": "partner_center", "before": marker, "limit": 1}
    answer = backend.get("support-requests", role="partner", params=params)
    expect(answer.status_code == 200,
           f"kind=partner_center&before=<a customer request> answered {answer.status_code} {errors_of(answer)}")
    listed = [request.get("id") for request in answer.json().get("requests", [])]
    expect(listed == [earlier],
           f"kind=partner_center before a customer request lists {listed}, not the partner_center "
           f"request filed just before it ({earlier})")
