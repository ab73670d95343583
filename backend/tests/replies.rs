//! The thread on a request: `POST /support-requests/{id}/replies`, who may
//! reply on which requests, one reply per key however often it is sent, its
//! fields' rules and its files.

mod common;

use common::{customer, json_of, key, one_error, partner, start_signed, token, valid, TestServer};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use support_contract::{CreatedRequest, Reply, StoredRequest};

fn agent() -> Value {
    json!({"sub": "agent-1", "name": "Wang Lei", "role": "agent"})
}

/// Another user of the same customer as [`customer`].
fn colleague() -> Value {
    json!({"sub": "customer-2", "name": "Liu Yang", "email": "liu.yang@beijing-cloud.cn",
           "role": "customer", "customer_id": "beijing-cloud"})
}

fn message() -> Value {
    json!({
        "kind": "customer_self_service",
        "service": "azure",
        "title": "无法登录管理门户",
        "description": "从今天早上开始，所有用户都无法登录。",
        "contact": {"name": "Chen Jie", "email": "chen.jie@beijing-cloud.cn", "language": "zh-CN"},
        "locale": "zh-CN"
    })
}

async fn file(server: &TestServer, claims: &Value, body: &Value) -> CreatedRequest {
    serde_json::from_value(common::file_as(server, claims, body).await).unwrap()
}

async fn reply_with_key(
    server: &TestServer,
    claims: Option<&Value>,
    request_id: &str,
    key: &str,
    body: &Value,
) -> Response {
    let mut request = server
        .client
        .post(server.url(&format!("/support-requests/{request_id}/replies")))
        .header("Idempotency-Key", key)
        .json(body);
    if let Some(claims) = claims {
        request = request.bearer_auth(token(claims));
    }
    request.send().await.unwrap()
}

async fn reply(server: &TestServer, claims: &Value, request_id: &str, text: &str) -> Response {
    reply_with_key(
        server,
        Some(claims),
        request_id,
        &key(),
        &json!({"body": text}),
    )
    .await
}

async fn get_as(server: &TestServer, claims: &Value, path: &str) -> Response {
    let request = server
        .client
        .get(server.url(path))
        .bearer_auth(token(claims));
    request.send().await.unwrap()
}

async fn replies_stored(server: &TestServer) -> i64 {
    server.count("support_request_replies").await
}

#[tokio::test]
async fn the_filer_the_partner_and_agents_reply_on_a_customer_message() {
    let server = start_signed(false).await;
    let message = file(&server, &customer(), &message()).await;

    let first = reply(
        &server,
        &customer(),
        &message.id,
        "补充：错误代码 AADSTS50020。",
    )
    .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Reply = first.json().await.unwrap();
    assert_eq!(first.body, "补充：错误代码 AADSTS50020。");
    assert_eq!(
        (first.author.name.as_str(), first.author.role.as_str()),
        ("Chen Jie", "customer")
    );
    assert!(first.created_at.ends_with('Z'), "{}", first.created_at);

    let answer = reply(&server, &partner(), &message.id, "我们正在查看。").await;
    assert_eq!(answer.status(), StatusCode::CREATED);
    let answer: Reply = answer.json().await.unwrap();
    assert_eq!(
        (answer.author.name.as_str(), answer.author.role.as_str()),
        ("Zhang Wei", "partner")
    );

    let question = reply(&server, &agent(), &message.id, "Which tenant?").await;
    assert_eq!(question.status(), StatusCode::CREATED);
    let question: Reply = question.json().await.unwrap();
    assert_eq!(replies_stored(&server).await, 3);

    // The request shows its thread, oldest first, to whoever reads it.
    let path = format!("/support-requests/{}", message.id);
    let stored: StoredRequest = get_as(&server, &customer(), &path)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored.replies, [first, answer, question]);
}

#[tokio::test]
async fn nobody_else_replies_and_each_hears_what_the_identity_rules_say() {
    let server = start_signed(true).await;
    let message = file(&server, &customer(), &message()).await;
    let partners_own = file(&server, &partner(), &valid()).await;

    // Another user of the same customer may not see the message: 404.
    let response = reply(&server, &colleague(), &message.id, "Me too").await;
    assert_eq!(
        json_of(response).await,
        (StatusCode::NOT_FOUND, one_error("id", "not_found"))
    );
    // A customer may not see the partner's own request either.
    let response = reply(&server, &customer(), &partners_own.id, "Hello").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // Partner staff reply on the partner's own requests.
    let response = reply(&server, &partner(), &partners_own.id, "Any news?").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // A visitor of the public help page signs in first.
    let response = reply_with_key(&server, None, &message.id, &key(), &json!({"body": "Hi"})).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // A role this backend does not know does nothing.
    let stranger = json!({"sub": "x-1", "name": "X", "role": "suspended"});
    let response = reply(&server, &stranger, &message.id, "Hello").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // No such request.
    let response = reply(
        &server,
        &agent(),
        "00000000-0000-4000-8000-000000000000",
        "Hi",
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(replies_stored(&server).await, 1);
}

#[tokio::test]
async fn a_reply_sent_again_with_its_key_is_stored_once() {
    let server = start_signed(false).await;
    let message = file(&server, &customer(), &message()).await;
    let key = key();
    let body = json!({"body": "The error is AADSTS50020."});

    let first = reply_with_key(&server, Some(&customer()), &message.id, &key, &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Reply = first.json().await.unwrap();
    let again = reply_with_key(&server, Some(&customer()), &message.id, &key, &body).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Reply>().await.unwrap(), first);
    assert_eq!(replies_stored(&server).await, 1);

    // The key with other words, or from another author, is a reuse.
    let other = json!({"body": "Something else."});
    let response = reply_with_key(&server, Some(&customer()), &message.id, &key, &other).await;
    assert_eq!(
        json_of(response).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("Idempotency-Key", "idempotency_key_reused")
        )
    );
    let response = reply_with_key(&server, Some(&partner()), &message.id, &key, &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(replies_stored(&server).await, 1);

    // Many sends of one reply at once still store it once.
    let (key, partner, on_it) = (common::key(), partner(), json!({"body": "On it."}));
    let sends = (0..6).map(|_| reply_with_key(&server, Some(&partner), &message.id, &key, &on_it));
    for response in futures_util::future::join_all(sends).await {
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    assert_eq!(replies_stored(&server).await, 2);
}

#[tokio::test]
async fn a_reply_follows_a_descriptions_rules() {
    let server = start_signed(false).await;
    let message = file(&server, &customer(), &message()).await;
    let send = |body: Value| {
        let id = message.id.clone();
        let server = &server;
        async move { json_of(reply_with_key(server, Some(&customer()), &id, &key(), &body).await).await }
    };
    assert_eq!(
        send(json!({"body": "  "})).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("body", "required")
        )
    );
    assert_eq!(
        send(json!({"body": "字".repeat(10_001)})).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("body", "too_long")
        )
    );
    assert_eq!(
        send(json!({"body": "字".repeat(10_000)})).await.0,
        StatusCode::CREATED
    );
    assert_eq!(
        send(json!({"body": "Hi", "title": "Hi"})).await,
        (StatusCode::BAD_REQUEST, one_error("", "malformed_body"))
    );
    assert_eq!(
        send(json!({"body": "Hi", "attachments": ["not-an-upload"]})).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            one_error("attachments", "invalid_value")
        )
    );
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{}/replies", message.id)))
        .bearer_auth(token(&customer()))
        .json(&json!({"body": "No key"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(replies_stored(&server).await, 1);
}

async fn upload(server: &TestServer, claims: &Value, name: &str) -> String {
    let response = server
        .client
        .post(server.url("/attachments"))
        .bearer_auth(token(claims))
        .query(&[("name", name)])
        .header("content-type", "text/plain")
        .body(format!("the log of {name}\n"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let (_, body) = json_of(response).await;
    body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_reply_carries_its_authors_uploads_and_nobody_elses() {
    let server = start_signed(false).await;
    let message = file(&server, &customer(), &message()).await;
    let first = upload(&server, &partner(), "first.txt").await;
    let second = upload(&server, &partner(), "second.txt").await;
    let customers = upload(&server, &customer(), "customers.txt").await;

    let body = json!({"body": "The logs.", "attachments": [second, first]});
    let response = reply_with_key(&server, Some(&partner()), &message.id, &key(), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let sent: Reply = response.json().await.unwrap();
    let names: Vec<_> = sent.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["second.txt", "first.txt"]);

    // A file is attached once; another user's upload is not the partner's
    // to attach. Neither leaves a reply behind.
    for taken in [&first, &customers] {
        let body = json!({"body": "Again.", "attachments": [taken]});
        let response = reply_with_key(&server, Some(&partner()), &message.id, &key(), &body).await;
        assert_eq!(
            json_of(response).await,
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                one_error("attachments", "invalid_value")
            )
        );
    }
    assert_eq!(replies_stored(&server).await, 1);

    // The request's own files are still only its own; the customer reads
    // the reply's file, as they read their request.
    let path = format!("/support-requests/{}", message.id);
    let stored: Value = get_as(&server, &customer(), &path)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["attachments"], json!([]));
    let download = get_as(&server, &customer(), &format!("/attachments/{second}")).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.text().await.unwrap(), "the log of second.txt\n");
    // A user who may not read the request may not read its thread's files:
    // a colleague at the same customer, or another customer's user.
    let stranger = json!({"sub": "customer-9", "name": "Ana Núñez", "role": "customer",
                          "customer_id": "nunez-asociados"});
    for other in [colleague(), stranger] {
        let download = get_as(&server, &other, &format!("/attachments/{second}")).await;
        assert_eq!(download.status(), StatusCode::NOT_FOUND, "{other}");
    }
}

/// A customer who writes again on their resolved message ("still broken")
/// opens it again: `in_progress`, one entry more in its history, back in
/// the partner's open inbox. The partner's own reply on it, or the
/// customer's on an open one, changes no status.
#[tokio::test]
async fn a_customers_reply_opens_their_resolved_message_again() {
    let server = start_signed(false).await;
    let message = file(&server, &customer(), &message()).await;
    let path = format!("/support-requests/{}", message.id);
    let history = |stored: &Value| -> Vec<String> {
        stored["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["status"].as_str().unwrap().to_owned())
            .collect()
    };
    let stored = || async {
        get_as(&server, &partner(), &path)
            .await
            .json::<Value>()
            .await
            .unwrap()
    };
    let open_inbox = || async {
        let listed: Value = get_as(
            &server,
            &partner(),
            "/support-requests?kind=customer_self_service&status=open",
        )
        .await
        .json()
        .await
        .unwrap();
        listed["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|request| request["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    assert_eq!(
        reply(&server, &customer(), &message.id, "More details.")
            .await
            .status(),
        201
    );
    assert_eq!(history(&stored().await), ["submitted"]);
    let resolved = server
        .client
        .post(server.url(&format!("{path}/status")))
        .bearer_auth(token(&partner()))
        .json(&json!({"status": "resolved"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resolved.status(), StatusCode::OK);
    assert_eq!(
        reply(&server, &partner(), &message.id, "Anything else?")
            .await
            .status(),
        201
    );
    assert_eq!(stored().await["status"], "resolved");
    assert!(open_inbox().await.is_empty());

    assert_eq!(
        reply(&server, &customer(), &message.id, "Still broken.")
            .await
            .status(),
        201
    );
    let now = stored().await;
    assert_eq!(now["status"], "in_progress");
    assert_eq!(history(&now), ["submitted", "resolved", "in_progress"]);
    assert_eq!(open_inbox().await, std::slice::from_ref(&message.id));
}
