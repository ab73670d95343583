//! An escalation carrying the files of the customer's message it escalates:
//! the partner lists the message's files beside new uploads, and the
//! escalation gets copies of its own (on SQLite or PostgreSQL, in a folder,
//! Azurite or S3, as `tests/common` says).

mod common;

use common::{customer, json_of, key, one_error, partner, start_signed, token, TestServer};
use futures_util::TryStreamExt;
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support_backend::attachments::files::FileStore;
use support_contract::{
    Attachment, CreatedRequest, StoredRequest, ATTACHMENTS_MAX_TOTAL_BYTES, ATTACHMENT_MAX_BYTES,
};
use uuid::Uuid;

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn message_with(files: &[&str]) -> Value {
    json!({
        "kind": "customer_self_service",
        "title": "无法登录管理门户",
        "description": "从今天早上开始，所有用户都无法登录。",
        "contact": {"name": "Chen Jie", "email": "chen.jie@beijing-cloud.cn"},
        "attachments": files,
    })
}

fn escalation(message: &str, files: &[&str]) -> Value {
    let mut body = common::valid_for_customer();
    body["related_request"] = json!(message);
    body["attachments"] = json!(files);
    body
}

async fn upload(server: &TestServer, claims: &Value, name: &str, bytes: &[u8]) -> Attachment {
    let response = server
        .client
        .post(server.url("/attachments"))
        .bearer_auth(token(claims))
        .query(&[("name", name)])
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
    response.json().await.unwrap()
}

async fn post(server: &TestServer, claims: &Value, key: &str, body: &Value) -> Response {
    server
        .client
        .post(server.url("/support-requests"))
        .bearer_auth(token(claims))
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn file(server: &TestServer, claims: &Value, body: &Value) -> String {
    let (status, created) = json_of(post(server, claims, &key(), body).await).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_str().unwrap().to_owned()
}

async fn get(server: &TestServer, claims: &Value, path: &str) -> Response {
    let request = server
        .client
        .get(server.url(path))
        .bearer_auth(token(claims));
    request.send().await.unwrap()
}

async fn stored(server: &TestServer, id: &str) -> StoredRequest {
    let response = get(server, &partner(), &format!("/support-requests/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn download(server: &TestServer, claims: &Value, id: &str) -> (StatusCode, Vec<u8>) {
    let response = get(server, claims, &format!("/attachments/{id}")).await;
    let status = response.status();
    (status, response.bytes().await.unwrap().to_vec())
}

/// The server's attachments store, as a second client of it.
async fn files(server: &TestServer) -> FileStore {
    FileStore::open(&server.attachments()).await.unwrap()
}

/// How many uploads' files the store holds.
async fn files_stored(server: &TestServer) -> usize {
    let stored: Vec<_> = files(server).await.stored().try_collect().await.unwrap();
    stored.len()
}

/// The file as a copy shows it: everything but the id.
fn content(attachment: &Attachment) -> (&str, u64, &str, Option<&str>) {
    (
        &attachment.name,
        attachment.size,
        &attachment.content_type,
        attachment.sha256.as_deref(),
    )
}

#[tokio::test]
async fn an_escalation_lists_copies_of_the_messages_files_among_its_own() {
    let server = start_signed(false).await;
    let log = b"2026-11-27T08:00:00Z ERROR sign-in refused\n";
    let screenshot = upload(&server, &customer(), "登录错误.png", PNG).await;
    let signin = upload(&server, &customer(), "signin.log", log).await;
    let message = file(
        &server,
        &customer(),
        &message_with(&[&screenshot.id, &signin.id]),
    )
    .await;
    let notes = upload(&server, &partner(), "notes.txt", b"Tried a new browser.\n").await;

    let listed = [signin.id.as_str(), notes.id.as_str(), &screenshot.id];
    let escalation = file(&server, &partner(), &escalation(&message, &listed)).await;

    let filed = stored(&server, &escalation).await;
    let [log_copy, own, png_copy] = &filed.attachments[..] else {
        panic!("three files: {:?}", filed.attachments);
    };
    assert_eq!(own, &notes);
    for (copy, original) in [(log_copy, &signin), (png_copy, &screenshot)] {
        assert_ne!(copy.id, original.id, "a copy has an id of its own");
        assert_eq!(content(copy), content(original));
    }
    assert_eq!(
        download(&server, &partner(), &png_copy.id).await,
        (StatusCode::OK, PNG.to_vec())
    );
    assert_eq!(
        download(&server, &partner(), &log_copy.id).await,
        (StatusCode::OK, log.to_vec())
    );
    // The copies are the escalation's: the customer, who does not read it,
    // does not read them either.
    let (status, _) = download(&server, &customer(), &png_copy.id).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The message keeps its own files.
    let path = format!("/support-requests/{message}");
    let seen: StoredRequest = get(&server, &customer(), &path).await.json().await.unwrap();
    assert_eq!(seen.attachments, [screenshot.clone(), signin.clone()]);
    assert_eq!(
        download(&server, &customer(), &screenshot.id).await,
        (StatusCode::OK, PNG.to_vec())
    );
    // The escalation's copy is a file of its own: the message's going
    // (removed by hand, say) leaves it.
    let original = Uuid::parse_str(&screenshot.id).unwrap();
    files(&server).await.remove(original).await.unwrap();
    assert_eq!(
        download(&server, &partner(), &png_copy.id).await,
        (StatusCode::OK, PNG.to_vec())
    );
}

#[tokio::test]
async fn an_escalation_sent_again_with_its_key_copies_the_files_once() {
    let server = start_signed(false).await;
    let screenshot = upload(&server, &customer(), "error.png", PNG).await;
    let message = file(&server, &customer(), &message_with(&[&screenshot.id])).await;
    let body = escalation(&message, &[&screenshot.id]);
    let idempotency_key = key();

    let first = post(&server, &partner(), &idempotency_key, &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: CreatedRequest = first.json().await.unwrap();
    let again = post(&server, &partner(), &idempotency_key, &body).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<CreatedRequest>().await.unwrap(), first);

    let filed = stored(&server, &first.id).await;
    assert_eq!(filed.attachments.len(), 1);
    assert_eq!(server.count("attachments").await, 2);
    assert_eq!(files_stored(&server).await, 2, "the original and one copy");
}

#[tokio::test]
async fn files_of_any_other_request_are_refused_and_copies_count_in_the_total() {
    let server = start_signed(false).await;
    let screenshot = upload(&server, &customer(), "error.png", PNG).await;
    let message = file(&server, &customer(), &message_with(&[&screenshot.id])).await;
    let elsewhere = upload(&server, &customer(), "other.png", PNG).await;
    file(&server, &customer(), &message_with(&[&elsewhere.id])).await;
    let invalid = (
        StatusCode::UNPROCESSABLE_ENTITY,
        one_error("attachments", "invalid_value"),
    );

    // A file of another message than the one escalated.
    let body = escalation(&message, &[&screenshot.id, &elsewhere.id]);
    assert_eq!(
        json_of(post(&server, &partner(), &key(), &body).await).await,
        invalid
    );
    // The message's file, on a request that escalates nothing.
    let mut unrelated = common::valid_for_customer();
    unrelated["attachments"] = json!([screenshot.id]);
    assert_eq!(
        json_of(post(&server, &partner(), &key(), &unrelated).await).await,
        invalid
    );
    // A file of a reply to the message is the reply's, not the message's.
    let in_reply = upload(&server, &customer(), "later.png", PNG).await;
    let reply = server
        .client
        .post(server.url(&format!("/support-requests/{message}/replies")))
        .bearer_auth(token(&customer()))
        .header("Idempotency-Key", key())
        .json(&json!({"body": "One more.", "attachments": [in_reply.id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::CREATED);
    let body = escalation(&message, &[&in_reply.id]);
    assert_eq!(
        json_of(post(&server, &partner(), &key(), &body).await).await,
        invalid
    );

    // The message's file and the partner's uploads, one byte over the
    // total between them (set in the database: the rule reads the
    // recorded sizes).
    let big = upload(&server, &partner(), "big.png", PNG).await;
    let rest = upload(&server, &partner(), "rest.png", PNG).await;
    let left = ATTACHMENTS_MAX_TOTAL_BYTES - 2 * ATTACHMENT_MAX_BYTES;
    for (id, size) in [
        (&screenshot.id, ATTACHMENT_MAX_BYTES),
        (&big.id, ATTACHMENT_MAX_BYTES),
        (&rest.id, left + 1),
    ] {
        sqlx::query("UPDATE attachments SET size = $1 WHERE id = $2")
            .bind(i64::try_from(size).unwrap())
            .bind(id.clone())
            .execute(&server.db)
            .await
            .unwrap();
    }
    let body = escalation(&message, &[&screenshot.id, &big.id, &rest.id]);
    assert_eq!(
        json_of(post(&server, &partner(), &key(), &body).await).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("attachments", "attachments_too_large")
        )
    );
    assert_eq!(server.count("support_requests").await, 2);
    // Nothing was copied for any of them.
    assert_eq!(server.count("attachments").await, 5);
    assert_eq!(files_stored(&server).await, 5);
}
