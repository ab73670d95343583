"""`POST /attachments` and `GET /attachments/{id}`: the bytes decide the
kind, a file goes back only as a download, only to whoever may, and an
escalation carries copies of its customer's files."""

from .backend import claims_of, customer_request, errors_of, expect, expect_errors, new_key
from .rules import rule
from .rules_roles import self_service_request

PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
LOG = "2026-11-22 09:30:00 登录失败 sign-in failed\n".encode("utf-8")


def _upload(backend, data, content_type, name, role="default"):
    headers = {"Content-Type": content_type} if content_type else {}
    return backend.request("POST", "attachments", role=role, headers=headers, params={"name": name}, data=data)


@rule("attachment-kinds")
def kinds(backend):
    """The first bytes decide: markup is no text (415), a name or type of
    another kind is 422 `file_type_mismatch`, an empty file 422 `file_empty`."""
    answer = _upload(backend, LOG, "", "app.log")
    expect(answer.status_code == 201, f"a log without a type answered {answer.status_code} {errors_of(answer)}")
    stored = answer.json()
    expect(stored["content_type"] == "text/plain" and stored["size"] == len(LOG) and stored["name"] == "app.log",
           f"the log was stored as {stored}")
    location = answer.headers.get("Location", "")
    expect(location == f"attachments/{stored['id']}", f"Location is {location!r}, not attachments/{stored['id']}")
    cases = [
        (b"<!DOCTYPE html><script>alert(1)</script>", "text/plain", "page.txt", 415, "file_type_not_allowed"),
        (b"\n  <svg onload=alert(1)>", "", "a.txt", 415, "file_type_not_allowed"),
        (PNG, "image/png", "screen.html", 422, "file_type_mismatch"),
        (LOG, "image/png", "app.log", 422, "file_type_mismatch"),
        (LOG, "text/plain", "app.png", 422, "file_type_mismatch"),
        (b"", "text/plain", "empty.txt", 422, "file_empty"),
    ]
    for data, content_type, name, status, code in cases:
        answer = _upload(backend, data, content_type, name)
        expect_errors(answer, status, [("file", code)], f"{name} as {content_type or 'no type'} ({data[:12]!r})")
    answer = _upload(backend, PNG, "", "screen.png")
    expect(answer.status_code == 201 and answer.json()["content_type"] == "image/png",
           f"a PNG without a type answered {answer.status_code} {answer.text[:200]!r}")


@rule("attachment-downloads")
def downloads(backend):
    """A file comes back byte for byte, as a download that no browser shows
    or runs and no shared cache keeps; to anyone else it is 404."""
    uploaded = _upload(backend, LOG, "text/plain; charset=utf-8", "app.log.1")
    expect(uploaded.status_code == 201, f"the upload answered {uploaded.status_code} {errors_of(uploaded)}")
    path = f"attachments/{uploaded.json()['id']}"
    answer = backend.get(path)
    expect(answer.status_code == 200 and answer.content == LOG, f"the download answered {answer.status_code}, other bytes")
    headers = answer.headers
    expect(headers.get("Content-Disposition", "").startswith("attachment;"),
           f"Content-Disposition is {headers.get('Content-Disposition')!r}")
    expect("app.log.1.txt" in headers.get("Content-Disposition", ""),
           f"the download is not named app.log.1.txt: {headers.get('Content-Disposition')!r}")
    expect(headers.get("X-Content-Type-Options") == "nosniff", "the download lacks nosniff")
    expect(headers.get("Content-Security-Policy") == "default-src 'none'; sandbox",
           f"Content-Security-Policy is {headers.get('Content-Security-Policy')!r}")
    expect(headers.get("Cache-Control") == "private, no-store", f"Cache-Control is {headers.get('Cache-Control')!r}")
    if "customer" in backend.tokens and backend.default_role == "partner":
        expect_errors(backend.get(path, role="customer"), 404, [("id", "not_found")], "a customer reading a partner's upload")


@rule("reply-files-to-the-thread")
def reply_files_to_the_thread(backend):
    """A customer downloads the file on their partner's reply to their
    message, byte for byte: whoever may read a request reads every file in
    its thread. A partner's upload on no reply stays the partner's (404)."""
    backend.token("partner")
    backend.token("customer")
    body = self_service_request()
    filed = backend.post_request(body, new_key(), role="customer")
    expect(filed.status_code == 201, f"a customer's message answered {filed.status_code} {errors_of(filed)}")
    message = filed.json()["id"]
    uploaded = _upload(backend, LOG, "text/plain", "steps.log", role="partner")
    expect(uploaded.status_code == 201, f"the partner's upload answered {uploaded.status_code} {errors_of(uploaded)}")
    sent = uploaded.json()["id"]
    alone = _upload(backend, LOG, "text/plain", "kept.log", role="partner")
    expect(alone.status_code == 201, f"the partner's upload answered {alone.status_code} {errors_of(alone)}")
    answer = backend.request("POST", f"support-requests/{message}/replies", role="partner",
                             headers={"Idempotency-Key": new_key()},
                             json={"body": "The steps are in the file.", "attachments": [sent]})
    expect(answer.status_code == 201, f"the partner's reply with a file answered {answer.status_code} {errors_of(answer)}")
    download = backend.get(f"attachments/{sent}", role="customer")
    expect(download.status_code == 200 and download.content == LOG,
           f"the customer downloading the file on their partner's reply got {download.status_code}, "
           f"not the file's bytes")
    expect_errors(backend.get(f"attachments/{alone.json()['id']}", role="customer"), 404, [("id", "not_found")],
                  "a customer reading a partner's upload that no reply lists")


@rule("escalation-carries-files")
def escalation_carries_files(backend):
    """An escalation (`customer` with `related_request`) may list the files
    of the customer's message it escalates: it lists a copy of each, under a
    new `id`, with the same name, type and size and the same bytes to
    download, and the message keeps its own. A file of another request is
    422 `invalid_value` on `attachments`."""
    backend.token("partner")
    # On behalf of the customer whose message it is: the customer token's.
    customer = {"id": claims_of(backend.token("customer")).get("customer_id", ""), "name": "Contract Kit's customer"}

    def message_with(name):
        uploaded = _upload(backend, LOG, "text/plain", name, role="customer")
        expect(uploaded.status_code == 201, f"a customer's upload answered {uploaded.status_code} {errors_of(uploaded)}")
        original = uploaded.json()
        body = {**self_service_request(), "attachments": [original["id"]]}
        answer = backend.post_request(body, new_key(), role="customer")
        expect(answer.status_code == 201, f"a message with a file answered {answer.status_code} {errors_of(answer)}")
        return answer.json()["id"], original

    message, original = message_with("signin.log")
    body = customer_request(backend, customer=customer, related_request=message, attachments=[original["id"]])
    answer = backend.post_request(body, new_key(), role="partner")
    expect(answer.status_code == 201,
           f"an escalation listing its message's file answered {answer.status_code} {errors_of(answer)}")
    escalation = answer.json()["id"]
    files = backend.get(f"support-requests/{escalation}", role="partner").json().get("attachments", [])
    expect(len(files) == 1, f"the escalation lists {len(files)} files, not the copy of its message's one")
    copy = files[0]
    expect(copy.get("id") != original["id"], "the escalation lists the message's own file, not a copy of it")
    same = ("name", "content_type", "size")
    expect(all(copy.get(field) == original[field] for field in same),
           f"the copy is {copy}, not the same name, type and size as {original}")
    download = backend.get(f"attachments/{copy['id']}", role="partner")
    expect(download.status_code == 200 and download.content == LOG,
           f"the copy's download answered {download.status_code}, not the message's bytes")
    kept = backend.get(f"support-requests/{message}", role="customer").json().get("attachments", [])
    expect([f.get("id") for f in kept] == [original["id"]], f"the message lists {kept}, not its own file")
    _, elsewhere = message_with("other.log")
    body = customer_request(backend, customer=customer, related_request=message, attachments=[elsewhere["id"]])
    answer = backend.post_request(body, new_key(), role="partner")
    expect_errors(answer, 422, [("attachments", "invalid_value")], "an escalation listing another message's file")
