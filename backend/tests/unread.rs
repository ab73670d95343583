//! Unread marks: `unread` on every request answered, `POST
//! /support-requests/{id}/seen` (per user, on the server), and `GET
//! /unread`, with their identity rules.

mod common;

use common::{customer, file_as, key, partner, start_signed, token, valid, TestServer};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support_contract::{RequestList, StoredRequest, Unread, UNREAD_LISTED_MAX};

fn agent() -> Value {
    json!({"sub": "agent-1", "name": "Wang Lei", "role": "agent"})
}

/// Another of the partner's staff, who shares the inbox with [`partner`].
fn colleague() -> Value {
    json!({"sub": "partner-2", "name": "Li Na", "email": "li.na@contoso.cn", "role": "partner"})
}

/// A user of another customer of the partner.
fn stranger() -> Value {
    json!({"sub": "customer-9", "name": "Ana Núñez", "role": "customer",
           "customer_id": "nunez-asociados"})
}

fn message(title: &str) -> Value {
    json!({
        "kind": "customer_self_service",
        "title": title,
        "description": "从今天早上开始，所有用户都无法登录。",
        "contact": {"name": "Chen Jie", "email": "chen.jie@beijing-cloud.cn"},
    })
}

async fn file(server: &TestServer, claims: &Value, body: &Value) -> String {
    file_as(server, claims, body).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn call(server: &TestServer, claims: Option<&Value>, method: &str, path: &str) -> Response {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = server.client.request(method, server.url(path));
    if let Some(claims) = claims {
        request = request.bearer_auth(token(claims));
    }
    request.send().await.unwrap()
}

async fn stored(server: &TestServer, claims: &Value, id: &str) -> StoredRequest {
    let response = call(
        server,
        Some(claims),
        "GET",
        &format!("/support-requests/{id}"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Whether `id` is unread to `claims`, by `GET /support-requests/{id}`.
async fn unread(server: &TestServer, claims: &Value, id: &str) -> bool {
    stored(server, claims, id).await.unread
}

/// The `unread` of each request of a list, by id.
async fn listed(server: &TestServer, claims: &Value, query: &str) -> Vec<(String, bool)> {
    let path = format!("/support-requests?{query}");
    let response = call(server, Some(claims), "GET", &path).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    let list: RequestList = response.json().await.unwrap();
    list.requests
        .into_iter()
        .map(|r| (r.id, r.unread))
        .collect()
}

async fn seen(server: &TestServer, claims: &Value, id: &str) {
    let path = format!("/support-requests/{id}/seen");
    let response = call(server, Some(claims), "POST", &path).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.text().await.unwrap(), "");
}

async fn count(server: &TestServer, claims: &Value) -> Unread {
    let response = call(server, Some(claims), "GET", "/unread").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The ids `GET /unread` lists, newest change first.
async fn unread_ids(server: &TestServer, claims: &Value) -> Vec<String> {
    let unread = count(server, claims).await;
    assert_eq!(unread.count as usize, unread.requests.len());
    unread.requests.into_iter().map(|r| r.id).collect()
}

async fn reply(server: &TestServer, claims: &Value, id: &str, text: &str) {
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{id}/replies")))
        .bearer_auth(token(claims))
        .header("Idempotency-Key", key())
        .json(&json!({"body": text}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn set_status(server: &TestServer, claims: &Value, id: &str, status: &str) {
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .bearer_auth(token(claims))
        .json(&json!({"status": status}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// A user's own new request is not new to them; a reply or a status change
/// by someone else is, in `GET`, in their list and in `GET /unread`, until
/// they mark it seen; what they do themselves never is.
#[tokio::test]
async fn what_someone_else_does_is_unread_until_seen() {
    let server = start_signed(false).await;
    let id = file(&server, &partner(), &valid()).await;
    assert!(!unread(&server, &partner(), &id).await);
    assert_eq!(
        listed(&server, &partner(), "filed_by=me").await,
        [(id.clone(), false)]
    );
    assert_eq!(count(&server, &partner()).await, Unread::default());

    reply(&server, &agent(), &id, "Which invoice number?").await;
    assert!(unread(&server, &partner(), &id).await);
    assert_eq!(
        listed(&server, &partner(), "filed_by=me").await,
        [(id.clone(), true)]
    );
    assert_eq!(
        unread_ids(&server, &partner()).await,
        std::slice::from_ref(&id)
    );

    seen(&server, &partner(), &id).await;
    assert!(!unread(&server, &partner(), &id).await);
    assert!(unread_ids(&server, &partner()).await.is_empty());

    // Their own reply is nothing new to them; a status change by someone
    // else is.
    reply(&server, &partner(), &id, "INV-2026-11.").await;
    assert!(!unread(&server, &partner(), &id).await);
    set_status(&server, &agent(), &id, "in_progress").await;
    assert!(unread(&server, &partner(), &id).await);
    let reference = stored(&server, &partner(), &id).await.reference;
    let by_reference = listed(&server, &partner(), &format!("reference={reference}")).await;
    assert_eq!(by_reference, [(id.clone(), true)]);
}

/// Marked seen twice, or from two devices, the mark holds once; it is the
/// user's (their token's subject), on every device, and nobody else's.
#[tokio::test]
async fn the_mark_is_idempotent_and_follows_the_user_to_another_device() {
    let server = start_signed(false).await;
    let id = file(&server, &customer(), &message("VPN drops")).await;
    reply(&server, &partner(), &id, "Since when?").await;
    // Another device: another token, the same subject.
    let mut phone = customer();
    phone["exp"] = json!(jsonwebtoken::get_current_timestamp() + 300);
    assert_ne!(token(&phone), token(&customer()));
    assert!(unread(&server, &phone, &id).await);

    seen(&server, &customer(), &id).await;
    seen(&server, &customer(), &id).await;
    assert_eq!(server.count("request_seen").await, 1);
    assert!(!unread(&server, &phone, &id).await);
    assert!(count(&server, &phone).await.requests.is_empty());

    reply(&server, &partner(), &id, "Which office?").await;
    assert!(unread(&server, &phone, &id).await);
    seen(&server, &phone, &id).await;
    assert!(!unread(&server, &customer(), &id).await);
}

/// The partner's staff answer the customers' messages as one team: a new
/// message is unread to each until they open it, and once anyone at the
/// partner has answered it, to nobody there, until the customer writes
/// again. `GET /unread` counts every open message that awaits an answer,
/// seen or not.
#[tokio::test]
async fn the_partners_staff_share_the_inbox_and_each_has_their_marks() {
    let server = start_signed(false).await;
    let id = file(&server, &customer(), &message("Mail bounces")).await;
    assert!(!unread(&server, &customer(), &id).await);
    let inbox = "kind=customer_self_service&status=open";
    for staff in [partner(), colleague(), agent()] {
        assert_eq!(listed(&server, &staff, inbox).await, [(id.clone(), true)]);
        assert_eq!(unread_ids(&server, &staff).await, std::slice::from_ref(&id));
    }

    // Opened, it is no longer new to them; it still waits for an answer.
    seen(&server, &partner(), &id).await;
    assert!(!unread(&server, &partner(), &id).await);
    assert!(unread(&server, &colleague(), &id).await);
    assert_eq!(
        unread_ids(&server, &partner()).await,
        std::slice::from_ref(&id)
    );

    // Answered by one of them: settled for all, and new to the customer.
    reply(&server, &partner(), &id, "Which address bounces?").await;
    for staff in [partner(), colleague(), agent()] {
        assert!(!unread(&server, &staff, &id).await, "{staff}");
        assert!(unread_ids(&server, &staff).await.is_empty(), "{staff}");
    }
    assert!(unread(&server, &customer(), &id).await);
    assert_eq!(
        unread_ids(&server, &customer()).await,
        std::slice::from_ref(&id)
    );

    // The customer writes again: new to every one of them.
    reply(&server, &customer(), &id, "billing@beijing-cloud.cn").await;
    assert!(unread(&server, &partner(), &id).await);
    assert!(unread(&server, &colleague(), &id).await);
    assert_eq!(
        unread_ids(&server, &colleague()).await,
        std::slice::from_ref(&id)
    );
    // Their own words are nothing new to them; the partner's, unopened,
    // still are.
    assert!(unread(&server, &customer(), &id).await);
    seen(&server, &customer(), &id).await;
    reply(&server, &customer(), &id, "And postmaster@.").await;
    assert!(!unread(&server, &customer(), &id).await);
}

/// A customer who writes on their resolved message opens it again, and
/// the partner's inbox and count have it again, even for staff who saw it
/// resolved.
#[tokio::test]
async fn a_customers_reply_on_a_resolved_message_counts_again() {
    let server = start_signed(false).await;
    let id = file(&server, &customer(), &message("Quota")).await;
    reply(&server, &partner(), &id, "Raised.").await;
    set_status(&server, &partner(), &id, "resolved").await;
    seen(&server, &partner(), &id).await;
    assert!(listed(
        &server,
        &partner(),
        "kind=customer_self_service&status=open"
    )
    .await
    .is_empty());
    assert!(unread_ids(&server, &partner()).await.is_empty());

    reply(&server, &customer(), &id, "Still too small.").await;
    assert_eq!(
        stored(&server, &partner(), &id).await.status.as_str(),
        "in_progress"
    );
    let open = listed(
        &server,
        &partner(),
        "kind=customer_self_service&status=open",
    )
    .await;
    assert_eq!(open, [(id.clone(), true)]);
    assert_eq!(
        unread_ids(&server, &partner()).await,
        std::slice::from_ref(&id)
    );
    // Seen, it still waits for an answer.
    seen(&server, &partner(), &id).await;
    assert_eq!(count(&server, &partner()).await.count, 1);
}

/// `GET /unread` counts exactly and lists the newest changes first, at
/// most 50.
#[tokio::test]
async fn the_count_is_exact_and_the_list_newest_first_and_capped() {
    let server = start_signed(false).await;
    let mut ids = Vec::new();
    for _ in 0..UNREAD_LISTED_MAX + 2 {
        ids.push(file(&server, &partner(), &valid()).await);
    }
    // Answered in another order than filed: the oldest answer first.
    for id in ids.iter().rev() {
        reply(&server, &agent(), id, "Noted.").await;
    }
    let unread = count(&server, &partner()).await;
    assert_eq!(unread.count as usize, UNREAD_LISTED_MAX + 2);
    let listed: Vec<&str> = unread.requests.iter().map(|r| r.id.as_str()).collect();
    let newest: Vec<&str> = ids
        .iter()
        .take(UNREAD_LISTED_MAX)
        .map(String::as_str)
        .collect();
    assert_eq!(listed, newest);
    let first = stored(&server, &partner(), &ids[0]).await;
    assert_eq!(unread.requests[0].reference, first.reference);
}

/// `/seen` and `/unread` take a token whose role the backend knows, and
/// `/seen` a request the caller may read: the answers of `GET
/// /support-requests/{id}` otherwise.
#[tokio::test]
async fn seen_and_unread_follow_the_identity_rules() {
    for anonymous_customers in [false, true] {
        let server = start_signed(anonymous_customers).await;
        let id = file(&server, &customer(), &message("Login")).await;
        let seen_path = format!("/support-requests/{id}/seen");
        let get_path = format!("/support-requests/{id}");
        let unknown = json!({"sub": "auditor-1", "role": "auditor"});
        for (method, path) in [("POST", seen_path.as_str()), ("GET", "/unread")] {
            let response = call(&server, None, method, path).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
            let response = call(&server, Some(&unknown), method, path).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        }
        // Another customer's request, and one that does not exist: as GET.
        let missing = "/support-requests/00000000-0000-4000-8000-000000000000";
        for path in [get_path.as_str(), missing] {
            let read = call(&server, Some(&stranger()), "GET", path).await;
            let (status, body) = (read.status(), read.text().await.unwrap());
            let mark = call(&server, Some(&stranger()), "POST", &format!("{path}/seen")).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            assert_eq!((mark.status(), mark.text().await.unwrap()), (status, body));
        }
        assert_eq!(server.count("request_seen").await, 0);
        assert_eq!(count(&server, &stranger()).await, Unread::default());
    }
}
