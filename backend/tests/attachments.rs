//! `POST /attachments`, `GET /attachments/{id}` and requests that carry
//! files, over real loopback HTTP, checked against the database and the
//! attachments store (SQLite, or PostgreSQL under `scripts/with-postgres`;
//! a folder, or Azurite under `scripts/with-azurite` and an S3 server under
//! `scripts/with-s3`).

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};

use common::{config, json_of, key, one_error, start, start_with, valid, TestServer, ALLOWED};
use futures_util::TryStreamExt;
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use support_backend::attachments::files::{FileStore, Location};
use support_backend::attachments::orphans;
use support_backend::db;
use support_contract::{
    Attachment, CreatedRequest, StoredRequest, ATTACHMENTS_MAX_FILES, ATTACHMENTS_MAX_TOTAL_BYTES,
    ATTACHMENT_MAX_BYTES,
};
use uuid::Uuid;

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";
const GIF: &[u8] = b"GIF89a\x01\0\x01\0\x80\0\0\xff\xff\xff\0\0\0!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;";
const WEBP: &[u8] =
    b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0/\0\0\0\x10\x07\x10\x11\x11\x88\x88\xfe\x07\0";
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const ZIP: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
const LOG: &str =
    "2026-11-22T09:30:00Z ERROR 登录失败 \u{1b}[31mdenied\u{1b}[0m\r\n\tat portal.signin\n";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Bytes of one kind, `size` long: the kind's start, then filler.
fn sized(start: &[u8], size: u64) -> Vec<u8> {
    let mut bytes = start.to_vec();
    bytes.resize(usize::try_from(size).unwrap(), b'x');
    bytes
}

async fn upload(
    server: &TestServer,
    name: &str,
    declared: Option<&str>,
    bytes: Vec<u8>,
) -> Response {
    let mut request = server
        .client
        .post(server.url("/attachments"))
        .query(&[("name", name)])
        .body(bytes);
    if let Some(declared) = declared {
        request = request.header("content-type", declared);
    }
    request.send().await.unwrap()
}

/// Uploads and expects a 201; returns the answer.
async fn uploaded(server: &TestServer, name: &str, declared: &str, bytes: &[u8]) -> Attachment {
    let response = upload(server, name, Some(declared), bytes.to_vec()).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
    response.json().await.unwrap()
}

/// The server's attachments store, as a second client of it.
async fn files(server: &TestServer) -> FileStore {
    FileStore::open(&server.attachments()).await.unwrap()
}

/// The names of the files in the server's attachments store: in a folder,
/// every file in it (partial ones too); elsewhere, the uploads' files.
async fn stored_files(server: &TestServer) -> BTreeSet<String> {
    if let Location::Folder(dir) = server.attachments() {
        return match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                .collect(),
            Err(_) => BTreeSet::new(),
        };
    }
    let stored: Vec<_> = files(server).await.stored().try_collect().await.unwrap();
    stored.iter().map(|file| file.id.to_string()).collect()
}

fn with_files(ids: &[&str]) -> Value {
    let mut body = valid();
    body["attachments"] = json!(ids);
    body
}

async fn download(server: &TestServer, id: &str) -> Response {
    server.get(&format!("/attachments/{id}")).await
}

#[tokio::test]
async fn every_allowed_kind_uploads_and_comes_back_intact() {
    let server = start().await;
    let samples: [(&str, &str, &[u8], &str, &str); 8] = [
        ("screen.png", "image/png", PNG, "image/png", "screen.png"),
        ("photo.JPG", "image/jpeg", JPEG, "image/jpeg", "photo.JPG"),
        ("spinner.gif", "image/gif", GIF, "image/gif", "spinner.gif"),
        ("x.webp", "image/webp", WEBP, "image/webp", "x.webp"),
        (
            "invoice.pdf",
            "application/pdf",
            PDF,
            "application/pdf",
            "invoice.pdf",
        ),
        (
            "logs.zip",
            "application/x-zip-compressed",
            ZIP,
            "application/zip",
            "logs.zip",
        ),
        (
            "app.log",
            "",
            LOG.as_bytes(),
            "text/plain; charset=utf-8",
            "app.log",
        ),
        (
            "app.log.1",
            "text/plain",
            LOG.as_bytes(),
            "text/plain; charset=utf-8",
            "app.log.1.txt",
        ),
    ];
    for (name, declared, bytes, served_type, saved_as) in samples {
        let response = upload(&server, name, Some(declared), bytes.to_vec()).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{name}");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let attachment: Attachment = response.json().await.unwrap();
        assert!(Uuid::parse_str(&attachment.id).is_ok_and(|id| id.get_version_num() == 4));
        assert_eq!(location, format!("attachments/{}", attachment.id));
        assert_eq!(attachment.name, name);
        assert_eq!(attachment.size, bytes.len() as u64);
        assert_eq!(attachment.sha256.as_deref(), Some(sha256(bytes).as_str()));
        assert_eq!(
            attachment.content_type,
            served_type.split(';').next().unwrap()
        );

        let response = download(&server, &attachment.id).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], served_type, "{name}");
        assert_eq!(headers["content-length"], bytes.len().to_string().as_str());
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(
            headers["content-security-policy"],
            "default-src 'none'; sandbox"
        );
        assert_eq!(
            headers["content-disposition"],
            format!("attachment; filename=\"{saved_as}\"; filename*=UTF-8''{saved_as}").as_str()
        );
        let body = response.bytes().await.unwrap();
        assert_eq!(sha256(&body), sha256(bytes), "{name} came back changed");
    }
    // In the store: one file per upload, named by its id and nothing else.
    let files = stored_files(&server).await;
    assert_eq!(files.len(), samples.len());
    assert!(
        files.iter().all(|f| Uuid::parse_str(f).is_ok()),
        "{files:?}"
    );
    assert_eq!(server.count("attachments").await, samples.len() as i64);
}

#[tokio::test]
async fn a_file_of_the_size_limit_passes_and_one_byte_more_is_413() {
    let server = start().await;
    let at_limit = sized(PNG, ATTACHMENT_MAX_BYTES);
    let attachment = uploaded(&server, "big.png", "image/png", &at_limit).await;
    assert_eq!(attachment.size, ATTACHMENT_MAX_BYTES);

    // Announced too large: refused before a byte is read.
    let over = sized(PNG, ATTACHMENT_MAX_BYTES + 1);
    let response = upload(&server, "big.png", Some("image/png"), over.clone()).await;
    let (status, body) = json_of(response).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body, one_error("file", "file_too_large"));
    // Before anything else about it, as the contract orders the checks: a
    // type or a name it would refuse too does not come first.
    let response = server
        .client
        .post(server.url("/attachments?name=big.png"))
        .header(
            "content-type",
            reqwest::header::HeaderValue::from_bytes(b"image/png; x=\xe9").unwrap(),
        )
        .body(over.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // Not announced (chunked): refused as the bytes pass the limit.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        over.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
    let response = server
        .client
        .post(server.url("/attachments?name=big.png"))
        .header("content-type", "image/png")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body, one_error("file", "file_too_large"));

    // Only the upload within the limit was kept, whole.
    assert_eq!(server.count("attachments").await, 1);
    assert_eq!(
        stored_files(&server).await,
        BTreeSet::from([attachment.id.clone()])
    );
}

/// An upload's name, declared type and bytes, and the answer it gets.
type Refusal<'a> = (&'a str, Option<&'a str>, &'a [u8], StatusCode, &'a str);

#[tokio::test]
async fn disguised_wrongly_declared_and_other_files_are_refused() {
    let server = start().await;
    let page = b"<!DOCTYPE html><html><script>alert(document.domain)</script></html>".to_vec();
    let cases: [Refusal; 10] = [
        // A page dressed as a picture is not a picture.
        (
            "cat.png",
            Some("image/png"),
            &page,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "file_type_not_allowed",
        ),
        (
            "cat.png",
            None,
            &page,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "file_type_not_allowed",
        ),
        (
            "notes.txt",
            Some("text/plain"),
            &page,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "file_type_not_allowed",
        ),
        (
            "setup.exe",
            Some("application/x-msdownload"),
            b"MZ\x90\0\x03\0\0\0",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "file_type_not_allowed",
        ),
        // Allowed bytes, declared as something else.
        (
            "cat.png",
            Some("image/png"),
            b"just some text",
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_mismatch",
        ),
        (
            "photo.jpg",
            Some("image/jpeg"),
            PNG,
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_mismatch",
        ),
        (
            "screen.png",
            Some("text/html"),
            PNG,
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_mismatch",
        ),
        (
            "report.pdf",
            Some("application/pdf"),
            ZIP,
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_mismatch",
        ),
        (
            "run.bat",
            Some("text/plain"),
            b"del /q C:\\*",
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_mismatch",
        ),
        (
            "empty.log",
            Some("text/plain"),
            b"",
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_empty",
        ),
    ];
    for (name, declared, bytes, status, code) in cases {
        let response = upload(&server, name, declared, bytes.to_vec()).await;
        let (got, body) = json_of(response).await;
        assert_eq!(
            (got, body),
            (status, one_error("file", code)),
            "{name} {declared:?}"
        );
    }
    assert_eq!(server.count("attachments").await, 0);
    assert_eq!(
        stored_files(&server).await,
        BTreeSet::new(),
        "nothing written"
    );
}

#[tokio::test]
async fn file_names_never_become_paths() {
    let server = start().await;
    let names = [
        ("../../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("/tmp/evil.log", "evil.log"),
        ("..", "attachment"),
        ("%2e%2e%2fup.log", "%2e%2e%2fup.log"),
        ("a\u{0}b\u{7}c\nd.log", "abcd.log"),
        ("invoice\u{202e}gol.txt", "invoicegol.txt"),
    ];
    // In a folder, nothing may land beside it.
    let parent = match server.attachments() {
        Location::Folder(dir) => Some(dir.parent().unwrap().to_owned()),
        _ => None,
    };
    let listing = |parent: &std::path::Path| -> BTreeSet<_> {
        std::fs::read_dir(parent)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect()
    };
    let before = parent.as_deref().map(listing);
    for (given, kept) in names {
        let attachment = uploaded(&server, given, "text/plain", LOG.as_bytes()).await;
        assert_eq!(attachment.name, kept, "{given:?}");
        let response = download(&server, &attachment.id).await;
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            !disposition.contains('/') && !disposition.contains('\\'),
            "{disposition}"
        );
        assert_eq!(response.bytes().await.unwrap(), LOG.as_bytes());
    }
    let long = format!("{}.log", "长".repeat(1000));
    let attachment = uploaded(&server, &long, "text/plain", LOG.as_bytes()).await;
    assert_eq!(
        attachment.name.chars().count(),
        support_contract::ATTACHMENT_NAME_MAX
    );

    let files = stored_files(&server).await;
    assert_eq!(files.len(), names.len() + 1);
    assert!(
        files.iter().all(|f| Uuid::parse_str(f).is_ok()),
        "{files:?}"
    );
    if let (Some(parent), Some(before)) = (parent, before) {
        let mut after = listing(&parent);
        after.remove(std::ffi::OsStr::new("attachments"));
        assert!(
            after.is_subset(&before),
            "nothing written beside the folder: {after:?}"
        );
    }
}

#[tokio::test]
async fn a_request_lists_its_files_and_they_download_intact() {
    let server = start().await;
    let screenshot = sized(PNG, 300_000);
    let png = uploaded(&server, "屏幕截图 1.png", "image/png", &screenshot).await;
    let log = uploaded(&server, "signin.log", "text/plain", LOG.as_bytes()).await;
    let body = with_files(&[&log.id, &png.id]);
    let response = server.post_json(&key(), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: CreatedRequest = response.json().await.unwrap();

    let stored: StoredRequest = server.stored(&created.id).await;
    assert_eq!(stored.request.attachments, [log.id.clone(), png.id.clone()]);
    assert_eq!(
        stored.attachments,
        [log.clone(), png.clone()],
        "in the request's order"
    );
    for (attachment, bytes) in [(&png, &screenshot[..]), (&log, LOG.as_bytes())] {
        let response = download(&server, &attachment.id).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.bytes().await.unwrap();
        assert_eq!(sha256(&body), sha256(bytes));
        assert_eq!(attachment.sha256.as_deref(), Some(sha256(bytes).as_str()));
    }
    let disposition = download(&server, &png.id).await.headers()["content-disposition"].clone();
    assert_eq!(
        disposition,
        "attachment; filename=\"____ 1.png\"; filename*=UTF-8''%E5%B1%8F%E5%B9%95%E6%88%AA%E5%9B%BE%201.png"
    );

    // A request without files lists none.
    let plain: CreatedRequest = server
        .post_json(&key(), &valid())
        .await
        .json()
        .await
        .unwrap();
    let stored: Value = server.stored(&plain.id).await;
    assert_eq!(stored["attachments"], json!([]));
    assert!(stored["request"].get("attachments").is_none());
}

#[tokio::test]
async fn an_upload_goes_with_one_request_only_and_unknown_ids_are_refused() {
    let server = start().await;
    let png = uploaded(&server, "a.png", "image/png", PNG).await;
    assert_eq!(
        server
            .post_json(&key(), &with_files(&[&png.id]))
            .await
            .status(),
        StatusCode::CREATED
    );

    let refused = [
        with_files(&[&png.id]),
        with_files(&[&Uuid::new_v4().to_string()]),
        with_files(&["not-an-upload"]),
        with_files(&["bad\u{0}id"]),
    ];
    for body in refused {
        let (status, json) = json_of(server.post_json(&key(), &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(json, one_error("attachments", "invalid_value"), "{body}");
    }
    let other = uploaded(&server, "b.png", "image/png", PNG).await;
    let upper = other.id.to_ascii_uppercase();
    for twice in [
        [other.id.as_str(), other.id.as_str()],
        [other.id.as_str(), upper.as_str()],
    ] {
        let (status, json) = json_of(server.post_json(&key(), &with_files(&twice)).await).await;
        assert_eq!(
            (status, json),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                one_error("attachments", "invalid_value")
            )
        );
    }
    assert_eq!(server.count("support_requests").await, 1);
    // An id is a UUID: its case does not count, as in the upload's own URL.
    assert_eq!(
        server
            .post_json(&key(), &with_files(&[&upper]))
            .await
            .status(),
        StatusCode::CREATED
    );
    assert_eq!(server.count("support_requests").await, 2);

    // Errors come in form order, the files after the description.
    let mut body = with_files(&[&png.id]);
    body["title"] = json!("");
    body["contact"]["email"] = json!("nope");
    let (_, json) = json_of(server.post_json(&key(), &body).await).await;
    let fields: Vec<_> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].clone())
        .collect();
    assert_eq!(
        fields,
        [json!("title"), json!("attachments"), json!("contact.email")]
    );
}

#[tokio::test]
async fn two_requests_racing_for_one_upload_file_one() {
    let server = start().await;
    let png = uploaded(&server, "a.png", "image/png", PNG).await;
    let body = with_files(&[&png.id]);
    let (one, two) = (key(), key());
    let (first, second) =
        tokio::join!(server.post_json(&one, &body), server.post_json(&two, &body));
    let mut statuses = [first.status(), second.status()];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::CREATED, StatusCode::UNPROCESSABLE_ENTITY]
    );
    assert_eq!(server.count("support_requests").await, 1);
}

#[tokio::test]
async fn too_many_files_or_too_many_bytes_in_all_are_refused() {
    let server = start().await;
    let mut ids = Vec::new();
    for n in 0..=ATTACHMENTS_MAX_FILES {
        ids.push(
            uploaded(&server, &format!("{n}.png"), "image/png", PNG)
                .await
                .id,
        );
    }
    let all: Vec<&str> = ids.iter().map(String::as_str).collect();
    let (status, json) = json_of(server.post_json(&key(), &with_files(&all)).await).await;
    assert_eq!(
        (status, json),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("attachments", "too_many_files")
        )
    );

    // Three files of the largest sizes, one byte over the total between
    // them (set in the database: the rule reads the recorded sizes).
    let three = &all[..3];
    let resize = |id: &str, size: u64| {
        sqlx::query("UPDATE attachments SET size = $1 WHERE id = $2")
            .bind(i64::try_from(size).unwrap())
            .bind(id.to_owned())
    };
    let rest = ATTACHMENTS_MAX_TOTAL_BYTES - 2 * ATTACHMENT_MAX_BYTES;
    for (id, size) in three
        .iter()
        .zip([ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_BYTES, rest + 1])
    {
        resize(id, size).execute(&server.db).await.unwrap();
    }
    let (status, json) = json_of(server.post_json(&key(), &with_files(three)).await).await;
    assert_eq!(
        (status, json),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("attachments", "attachments_too_large")
        )
    );
    resize(three[2], rest).execute(&server.db).await.unwrap();
    assert_eq!(
        server.post_json(&key(), &with_files(three)).await.status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_retried_request_with_files_is_filed_once() {
    let server = start().await;
    let png = uploaded(&server, "a.png", "image/png", PNG).await;
    let log = uploaded(&server, "a.log", "text/plain", LOG.as_bytes()).await;
    let body = with_files(&[&png.id, &log.id]);
    let idempotency_key = key();
    let first = server.post_json(&idempotency_key, &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: CreatedRequest = first.json().await.unwrap();
    let again = server.post_json(&idempotency_key, &body).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: CreatedRequest = again.json().await.unwrap();
    assert_eq!(again, first);
    assert_eq!(server.count("support_requests").await, 1);
    let stored: StoredRequest = server.stored(&first.id).await;
    assert_eq!(stored.attachments, [png, log]);

    // A refusal for a taken file is not remembered: the same key files
    // the corrected form.
    let other_key = key();
    let (status, _) = json_of(server.post_json(&other_key, &body).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fresh = uploaded(&server, "b.png", "image/png", PNG).await;
    let corrected = with_files(&[&fresh.id]);
    assert_eq!(
        server.post_json(&other_key, &corrected).await.status(),
        StatusCode::CREATED
    );
}

/// Moves an upload's time back by `hours`.
async fn age(server: &TestServer, id: &str, hours: u64) {
    let then = SystemTime::now() - Duration::from_secs(hours * 3600);
    sqlx::query("UPDATE attachments SET created_at = $1 WHERE id = $2")
        .bind(humantime::format_rfc3339_seconds(then).to_string())
        .bind(id.to_owned())
        .execute(&server.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn orphaned_uploads_are_deleted_after_the_orphan_time_and_attached_ones_kept() {
    let server = start().await;
    let attached = uploaded(&server, "kept.png", "image/png", PNG).await;
    let created: CreatedRequest = server
        .post_json(&key(), &with_files(&[&attached.id]))
        .await
        .json()
        .await
        .unwrap();
    let old = uploaded(&server, "old.png", "image/png", PNG).await;
    let recent = uploaded(&server, "recent.log", "text/plain", LOG.as_bytes()).await;
    age(&server, &attached.id, 48).await;
    age(&server, &old.id, 25).await;
    age(&server, &recent.id, 23).await;
    let files = files(&server).await;
    // A file whose row never came: the process stopped in between.
    let mut unrecorded = files.create();
    unrecorded.write(PNG.into()).await.unwrap();
    let unrecorded_id = unrecorded.id();
    unrecorded.finish().await.unwrap();
    // In a folder, a file an upload left half written.
    let partial = files.folder().map(|dir| {
        let partial = dir.join(format!("{}#1", Uuid::new_v4()));
        std::fs::write(&partial, b"an upload cut short").unwrap();
        partial
    });

    let db = db::connect(server.database_url()).await.unwrap();
    let day = Duration::from_secs(24 * 3600);
    let swept = orphans::sweep(&db, &files, SystemTime::now(), day)
        .await
        .unwrap();
    assert_eq!(
        (swept.uploads, swept.unrecorded_files, swept.partial_files),
        (1, 0, 0),
        "the unrecorded and partial files are new"
    );
    assert_eq!(
        download(&server, &old.id).await.status(),
        StatusCode::NOT_FOUND
    );
    let old_id = Uuid::parse_str(&old.id).unwrap();
    assert!(files.read(old_id).await.unwrap().is_none());
    assert_eq!(download(&server, &recent.id).await.status(), StatusCode::OK);
    assert!(files.read(unrecorded_id).await.unwrap().is_some());

    // A day and two hours on, the recent one, the unrecorded file and the
    // partial file go too; the attached file stays, with its request.
    let later = SystemTime::now() + Duration::from_secs(26 * 3600);
    let swept = orphans::sweep(&db, &files, later, day).await.unwrap();
    assert_eq!(
        (swept.uploads, swept.unrecorded_files, swept.partial_files),
        (1, 1, usize::from(partial.is_some()))
    );
    assert!(partial.is_none_or(|partial| !partial.exists()));
    assert!(files.read(unrecorded_id).await.unwrap().is_none());
    assert_eq!(
        stored_files(&server).await,
        BTreeSet::from([attached.id.clone()])
    );
    let stored: StoredRequest = server.stored(&created.id).await;
    assert_eq!(stored.attachments, std::slice::from_ref(&attached));
    assert_eq!(
        download(&server, &attached.id).await.status(),
        StatusCode::OK
    );

    // An upload deleted as an orphan cannot be attached any more.
    let (status, json) = json_of(server.post_json(&key(), &with_files(&[&recent.id])).await).await;
    assert_eq!(
        (status, json),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("attachments", "invalid_value")
        )
    );
    db.close().await;
}

#[tokio::test]
async fn a_starting_server_deletes_old_orphans_at_once() {
    let server = start().await;
    let old = uploaded(&server, "old.png", "image/png", PNG).await;
    let recent = uploaded(&server, "recent.png", "image/png", PNG).await;
    age(&server, &old.id, 3).await;
    let restarted = common::bind(&support_backend::Config {
        attachments_url: Some(server.attachments()),
        orphan_upload_hours: 2,
        ..config(server.database_url())
    })
    .await
    .unwrap();
    drop(restarted);
    assert_eq!(server.count("attachments").await, 1);
    assert_eq!(
        stored_files(&server).await,
        BTreeSet::from([recent.id.clone()])
    );
}

#[tokio::test]
async fn a_store_that_cannot_be_written_stops_the_start_and_is_named() {
    let server = start().await;
    let missing = format!("missing-{}", &Uuid::new_v4().simple().to_string()[..12]);
    let (unwritable, named) = match server.attachments() {
        // A folder inside a file can never be made.
        Location::Folder(dir) => {
            let file = dir.parent().unwrap().join("a-file");
            std::fs::write(&file, b"").unwrap();
            let inside = file.join("attachments");
            let named = inside.display().to_string();
            (Location::Folder(inside), named)
        }
        Location::Azure { prefix, .. } => (
            Location::Azure {
                container: missing.clone(),
                prefix,
            },
            missing,
        ),
        Location::S3 { prefix, .. } => (
            Location::S3 {
                bucket: missing.clone(),
                prefix,
            },
            missing,
        ),
    };
    let refused = common::bind(&support_backend::Config {
        attachments_url: Some(unwritable),
        ..config(server.database_url())
    })
    .await;
    let Err(error) = refused else {
        panic!("started on a store that cannot be written");
    };
    assert!(error.to_string().contains(&named), "{error}");
}

#[tokio::test]
async fn two_backend_processes_on_one_database_and_store_serve_each_others_files() {
    let first = start().await;
    let second = common::bind(&support_backend::Config {
        attachments_url: Some(first.attachments()),
        ..config(first.database_url())
    })
    .await
    .unwrap();
    let second_base = format!("http://{}", second.local_addr());
    let second_task = tokio::spawn(second.run(std::future::pending()));
    let big = sized(PNG, 3 * 1024 * 1024 + 17);
    let on_first = uploaded(&first, "first.png", "image/png", &big).await;
    let on_second: Attachment = first
        .client
        .post(format!("{second_base}/attachments?name=second.log"))
        .header("content-type", "text/plain")
        .body(LOG)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let from_second = first
        .client
        .get(format!("{second_base}/attachments/{}", on_first.id))
        .send()
        .await
        .unwrap();
    assert_eq!(from_second.status(), StatusCode::OK);
    assert_eq!(sha256(&from_second.bytes().await.unwrap()), sha256(&big));
    let from_first = download(&first, &on_second.id).await;
    assert_eq!(from_first.status(), StatusCode::OK);
    assert_eq!(from_first.bytes().await.unwrap(), LOG.as_bytes());
    // A request filed through one takes the files the other received.
    let created: CreatedRequest = first
        .post_json(&key(), &with_files(&[&on_first.id, &on_second.id]))
        .await
        .json()
        .await
        .unwrap();
    let stored: StoredRequest = first.stored(&created.id).await;
    assert_eq!(stored.attachments, [on_first, on_second]);
    second_task.abort();
}

#[tokio::test]
async fn downloads_of_nothing_are_json_404s() {
    let server = start().await;
    for path in [
        format!("/attachments/{}", Uuid::new_v4()),
        "/attachments/not-a-uuid".to_owned(),
        "/attachments/..%2F..%2Fsupport.db".to_owned(),
        "/attachments/%FF".to_owned(),
    ] {
        let (status, json) = json_of(server.get(&path).await).await;
        assert_eq!(
            (status, json),
            (StatusCode::NOT_FOUND, one_error("id", "not_found")),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_portal_on_another_origin_may_upload() {
    let server = start().await;
    let preflight = server
        .preflight(
            "/attachments?name=a.png",
            ALLOWED,
            "content-type,authorization",
        )
        .await;
    assert!(preflight.status().is_success());
    assert_eq!(preflight.headers()["access-control-allow-origin"], ALLOWED);
    // Every answer, a preflight too, is not to be sniffed.
    assert_eq!(preflight.headers()["x-content-type-options"], "nosniff");
    // Kept by the browser, so that not every upload waits for one.
    assert_eq!(preflight.headers()["access-control-max-age"], "7200");
    let allowed = preflight.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(
        allowed.contains("content-type") && allowed.contains("authorization"),
        "{allowed}"
    );

    let response = server
        .client
        .post(server.url("/attachments?name=a.png"))
        .header("origin", ALLOWED)
        .header("content-type", "image/png")
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers()["access-control-allow-origin"], ALLOWED);
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("location"), "{exposed}");

    let elsewhere = server
        .client
        .post(server.url("/attachments?name=a.png"))
        .header("origin", "https://evil.example")
        .header("content-type", "image/png")
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap();
    assert!(elsewhere
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

#[tokio::test]
async fn uploads_count_against_the_rate_limit_like_requests() {
    let server = start_with(|url| support_backend::Config {
        rate_limit_per_minute: 2,
        ..config(url)
    })
    .await;
    uploaded(&server, "a.png", "image/png", PNG).await;
    assert_eq!(
        server.post_json(&key(), &valid()).await.status(),
        StatusCode::CREATED
    );
    let response = upload(&server, "b.png", Some("image/png"), PNG.to_vec()).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    assert_eq!(json_of(response).await.1, one_error("", "rate_limited"));
    assert_eq!(server.count("attachments").await, 1);
}

#[tokio::test]
async fn an_upload_whose_file_is_gone_is_not_found_and_the_folder_is_private() {
    let server = start().await;
    let attachment = uploaded(&server, "app.log", "text/plain", b"started\n").await;
    #[cfg(unix)]
    if let Location::Folder(dir) = server.attachments() {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
        // The database it made holds people's contact details too.
        if let Some(file) = server.database_url().strip_prefix("sqlite://") {
            let mode = std::fs::metadata(file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        }
    }
    let id = Uuid::parse_str(&attachment.id).unwrap();
    files(&server).await.remove(id).await.unwrap();
    let response = download(&server, &attachment.id).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, common::one_error("id", "not_found"));
}
