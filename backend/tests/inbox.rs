//! The partner's inbox of its customers' messages:
//! `GET /support-requests?kind=customer_self_service&status=open|resolved`
//! in pages, and the partner's staff moving those messages on (and no
//! other request).

mod common;

use common::{customer, json_of, key, one_error, partner, start_signed, token, valid, TestServer};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support_contract::{RequestList, RequestStatus, StoredRequest};

fn agent() -> Value {
    json!({"sub": "agent-1", "name": "Wang Lei", "role": "agent"})
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
    let created = common::file_as(server, claims, body).await;
    created["id"].as_str().unwrap().to_owned()
}

async fn get(server: &TestServer, claims: &Value, path: &str) -> Response {
    let request = server
        .client
        .get(server.url(path))
        .bearer_auth(token(claims));
    request.send().await.unwrap()
}

async fn list(server: &TestServer, claims: &Value, query: &str) -> RequestList {
    let response = get(server, claims, &format!("/support-requests?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

fn titles(list: &RequestList) -> Vec<&str> {
    list.requests
        .iter()
        .map(|r| r.request.title.as_str())
        .collect()
}

async fn set_status(server: &TestServer, claims: &Value, id: &str, status: &str) -> Response {
    server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .bearer_auth(token(claims))
        .json(&json!({"status": status, "note": "Answered in the thread."}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_partner_reads_its_customers_messages_newest_first_in_pages() {
    let server = start_signed(false).await;
    for title in ["First", "Second", "Third"] {
        file(&server, &customer(), &message(title)).await;
    }
    // The partner's own request is not a customer's message.
    file(&server, &partner(), &valid()).await;

    let first = list(
        &server,
        &partner(),
        "kind=customer_self_service&status=open&limit=2",
    )
    .await;
    assert_eq!(titles(&first), ["Third", "Second"]);
    let next = first.next.clone().expect("a next page");
    let query = format!("kind=customer_self_service&status=open&limit=2&before={next}");
    let second = list(&server, &partner(), &query).await;
    assert_eq!(
        (titles(&second), second.next.as_deref()),
        (vec!["First"], None)
    );
    // Agents and admins read the same list.
    let all = list(&server, &agent(), "kind=customer_self_service").await;
    assert_eq!(titles(&all), ["Third", "Second", "First"]);
    let theirs = list(&server, &partner(), "kind=partner_center").await;
    assert_eq!(titles(&theirs), ["Invoice total is wrong"]);
}

#[tokio::test]
async fn a_message_the_partner_marks_resolved_moves_from_open_to_resolved() {
    let server = start_signed(false).await;
    let answered = file(&server, &customer(), &message("Answered")).await;
    file(&server, &customer(), &message("Waiting")).await;

    let response = set_status(&server, &partner(), &answered, "resolved").await;
    let (status, stored) = json_of(response).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    let stored: StoredRequest = serde_json::from_value(stored).unwrap();
    assert_eq!(
        stored.history.last().unwrap().note.as_deref(),
        Some("Answered in the thread.")
    );

    let open = list(
        &server,
        &partner(),
        "kind=customer_self_service&status=open",
    )
    .await;
    assert_eq!(titles(&open), ["Waiting"]);
    let resolved = list(
        &server,
        &partner(),
        "kind=customer_self_service&status=resolved",
    )
    .await;
    assert_eq!(titles(&resolved), ["Answered"]);
    // Closed counts as resolved too.
    let closed = set_status(&server, &agent(), &answered, "closed").await;
    assert_eq!(closed.status(), StatusCode::OK);
    let resolved = list(
        &server,
        &partner(),
        "kind=customer_self_service&status=resolved",
    )
    .await;
    assert_eq!(titles(&resolved), ["Answered"]);
}

#[tokio::test]
async fn the_partner_moves_its_customers_messages_and_nothing_else() {
    let server = start_signed(false).await;
    let own = file(&server, &partner(), &valid()).await;
    let message = file(&server, &customer(), &message("Help")).await;

    // The partner's own request, and its escalations, are 21Vianet's.
    let response = set_status(&server, &partner(), &own, "resolved").await;
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::FORBIDDEN,
            one_error("Authorization", "forbidden")
        )
    );
    // A customer moves nothing, their own message included.
    let response = set_status(&server, &customer(), &message, "resolved").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Agents move any request.
    assert_eq!(
        set_status(&server, &agent(), &own, "in_progress")
            .await
            .status(),
        StatusCode::OK
    );
    let stored: StoredRequest = get(
        &server,
        &customer(),
        &format!("/support-requests/{message}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(stored.history.len(), 1);
}

#[tokio::test]
async fn customers_have_no_inbox_and_a_bad_filter_is_named() {
    let server = start_signed(false).await;
    let response = get(
        &server,
        &customer(),
        "/support-requests?kind=customer_self_service",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    for (query, field) in [
        ("kind=everything", "kind"),
        ("kind=customer_self_service&status=pending", "status"),
        ("kind=customer_self_service&filed_by=me", "kind"),
        ("filed_by=me&status=open", "status"),
        ("kind=customer_self_service&limit=0", "limit"),
    ] {
        let response = get(&server, &partner(), &format!("/support-requests?{query}")).await;
        assert_eq!(
            json_of(response).await,
            (StatusCode::BAD_REQUEST, one_error(field, "invalid_value")),
            "{query}"
        );
    }
}

fn escalation_of(message: &str) -> Value {
    let mut body = common::valid_for_customer();
    body["related_request"] = json!(message);
    body
}

#[tokio::test]
async fn an_escalation_names_the_message_it_came_from_and_the_message_shows_it() {
    let server = start_signed(false).await;
    let message = file(&server, &customer(), &message("Cannot sign in")).await;
    let escalation = file(&server, &partner(), &escalation_of(&message)).await;

    let path = format!("/support-requests/{message}");
    let seen: StoredRequest = get(&server, &customer(), &path).await.json().await.unwrap();
    let escalated_as = seen.escalated_as.expect("the message shows its escalation");
    assert_eq!(escalated_as.id, escalation);
    assert_eq!(escalated_as.reference, "SR-000002");
    assert_eq!(escalated_as.status, RequestStatus::Submitted);
    // Once 21Vianet resolves the escalation, the message says so: the
    // partner closes the loop.
    let resolved = set_status(&server, &agent(), &escalation, "resolved").await;
    assert_eq!(resolved.status(), StatusCode::OK);
    let seen: StoredRequest = get(&server, &customer(), &path).await.json().await.unwrap();
    assert_eq!(seen.escalated_as.unwrap().status, RequestStatus::Resolved);
    // The escalation took the message up; 21Vianet's resolution leaves it
    // in progress until the partner closes the loop.
    assert_eq!(
        seen.status,
        RequestStatus::InProgress,
        "the message's own stays"
    );
    // The customer learns that it was escalated, and nothing of the
    // partner's own request.
    let theirs = get(
        &server,
        &customer(),
        &format!("/support-requests/{escalation}"),
    )
    .await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    let filed: StoredRequest = get(
        &server,
        &partner(),
        &format!("/support-requests/{escalation}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        filed.request.related_request.as_deref(),
        Some(message.as_str())
    );
    assert_eq!(filed.escalated_as, None);
}

#[tokio::test]
async fn only_an_escalation_names_a_message_and_only_a_customers() {
    let server = start_signed(false).await;
    let own = file(&server, &partner(), &valid()).await;
    let message = file(&server, &customer(), &message("Help")).await;
    let refused = |body: Value| {
        let server = &server;
        async move {
            let response = server
                .client
                .post(server.url("/support-requests"))
                .bearer_auth(token(&partner()))
                .header("Idempotency-Key", key())
                .json(&body)
                .send()
                .await
                .unwrap();
            json_of(response).await
        }
    };
    let invalid = (
        StatusCode::UNPROCESSABLE_ENTITY,
        one_error("related_request", "invalid_value"),
    );
    // The partner's own request is not a customer's message.
    assert_eq!(refused(escalation_of(&own)).await, invalid);
    assert_eq!(
        refused(escalation_of("00000000-0000-4000-8000-000000000000")).await,
        invalid
    );
    let mut partner_center = valid();
    partner_center["related_request"] = json!(message);
    assert_eq!(refused(partner_center).await, invalid);
    assert_eq!(server.count("support_requests").await, 2);
}
