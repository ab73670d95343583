"""`GET /customers` and `GET /articles`: folding, order and size; one
customer by id."""

import json
import unicodedata
import urllib.parse

from .backend import Skip, expect
from .rules import rule

# Fixture customers that `search-folding` upserts with an admin token.
FIXTURES = [
    {"id": "contract-kit-nunez", "name": "Núñez Contract Kit", "domain": "nunez.contract-kit.example"},
    {"id": "contract-kit-taichung", "name": "臺中雲端 Contract Kit", "domain": "taichung.contract-kit.example"},
    {"id": "contract-kit-fab", "name": "ＦＡＢ Contract Kit", "domain": "fab.contract-kit.example"},
    {"id": "contract-kit-lodz", "name": "Łódź Øresund Contract Kit", "domain": "lodz.contract-kit.example"},
]

# (query, the fixture it must find, or None for none of them)
EXAMPLES = [
    ("nunez contract", "contract-kit-nunez"),
    ("NÚÑEZ", "contract-kit-nunez"),
    ("fab contract kit", "contract-kit-fab"),
    ("ｆａｂ　contract", "contract-kit-fab"),
    ("台中云端", "contract-kit-taichung"),
    ("臺中", "contract-kit-taichung"),
    ("łodz", "contract-kit-lodz"),
    ("ŁÓDŹ ØRESUND", "contract-kit-lodz"),
    ("lodz contract", None),
    ("oresund", None),
]


def _ids(backend, query, role):
    answer = backend.get("customers", role=role, params={"query": query})
    expect(answer.status_code == 200, f"GET /customers?query={query} answered {answer.status_code}")
    return [c["id"] for c in answer.json()["customers"]]


@rule("search-folding")
def folding(backend):
    """Compatibility forms, case and the combining marks U+0300-U+036F do not count;
    letters without a decomposition (ł, ø, đ) stay themselves;
    Traditional Chinese folds to Simplified one character at a time."""
    if "admin" not in backend.tokens:
        raise Skip("needs --admin-token, to upsert the kit's contract-kit-* customers")
    lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in FIXTURES).encode()
    answer = backend.request("PUT", "catalogue/customers", role="admin",
                             headers={"Content-Type": "application/x-ndjson"}, data=lines)
    expect(answer.status_code == 200, f"upserting the fixtures answered {answer.status_code} {answer.text[:200]!r}")
    # As the widget searches, with the partner's token; else with the
    # admin's, which may search too.
    role = "partner" if "partner" in backend.tokens else "admin"
    for query, wanted in EXAMPLES:
        found = [i for i in _ids(backend, query, role) if i.startswith("contract-kit-")]
        expected = [wanted] if wanted else []
        expect(found == expected, f"query {query!r} found {found}, expected {expected}")


@rule("search-order-and-size")
def order_and_size(backend):
    """A blank query lists the first 20 customers by name then id, in code
    point order; articles in a fixed order, at most 20, the same for a
    full-width upper-case query as for its plain lower case."""
    answer = backend.get("customers", params={"query": "  "})
    expect(answer.status_code == 200, f"GET /customers with a blank query answered {answer.status_code}")
    customers = answer.json()["customers"]
    expect(len(customers) <= 20, f"a blank query listed {len(customers)} customers")
    keys = [(c["name"], c["id"]) for c in customers]
    expect(keys == sorted(keys), f"customers are not by name then id: {keys}")
    articles = backend.get("articles").json()["articles"]
    expect(len(articles) <= 20, f"GET /articles listed {len(articles)}")
    if not articles:
        raise Skip("GET /articles lists nothing")
    word = next((w for w in articles[0]["title"].split() if w.isascii() and w.isalpha() and len(w) > 3), None)
    if word:
        plain = [a["id"] for a in backend.get("articles", params={"query": word.lower()}).json()["articles"]]
        wide = unicodedata.normalize("NFC", "".join(chr(ord(c) + 0xFEE0) for c in word.upper()))
        folded = [a["id"] for a in backend.get("articles", params={"query": wide}).json()["articles"]]
        expect(plain and plain == folded, f"articles for {word.lower()!r} {plain} and for {wide!r} {folded} differ")


@rule("customer-by-id")
def customer_by_id(backend):
    """`GET /customers/{id}` answers the customer `GET /customers` lists
    under that id, and 404 `not_found` (field `id`) for an id the catalogue
    does not hold: the widget checks a page's prefilled customer with it."""
    listed = backend.get("customers")
    expect(listed.status_code == 200, f"GET /customers answered {listed.status_code}")
    customers = listed.json()["customers"]
    if not customers:
        raise Skip("GET /customers lists nothing: load a catalogue first")
    first = customers[0]
    answer = backend.get("customers/" + urllib.parse.quote(first["id"], safe=""))
    expect(answer.status_code == 200, f"GET /customers/{first['id']} answered {answer.status_code}")
    expect(answer.json() == first, f"GET /customers/{first['id']} answered {answer.text[:200]!r}, listed as {first}")
    unknown = "contract-kit-no-such-customer"
    answer = backend.get("customers/" + unknown)
    expect(answer.status_code == 404, f"GET /customers/{unknown} answered {answer.status_code}, not 404")
    body = answer.json()
    expect(body == {"errors": [{"field": "id", "code": "not_found"}]},
           f"GET /customers/{unknown} answered {answer.text[:200]!r}")
