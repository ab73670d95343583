//! `POST /support-requests` and `GET /support-requests/{id}` over real
//! loopback HTTP, checked against the database (SQLite, or PostgreSQL under
//! `scripts/with-postgres`).

mod common;

use common::{
    config, json_of, key, one_error, post_until_settled, serve, start, start_with, valid,
    valid_for_customer, TestServer, ALLOWED,
};
use reqwest::StatusCode;
use serde_json::json;
use support_contract::{CreatedRequest, NewSupportRequest, StoredRequest};
use uuid::Uuid;

#[tokio::test]
async fn a_valid_request_is_created_stored_and_readable() {
    let server = start().await;
    let response = server.post_json(&key(), &valid()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created: CreatedRequest = response.json().await.unwrap();
    assert!(Uuid::parse_str(&created.id).is_ok_and(|id| id.get_version_num() == 4));
    assert_eq!(created.reference, "SR-000001");
    assert_eq!(serde_json::to_value(created.status).unwrap(), "submitted");
    assert_eq!(created.created_at.len(), "2025-01-31T09:30:00Z".len());
    assert!(created.created_at.ends_with('Z'));
    assert_eq!(location, format!("support-requests/{}", created.id));

    // The relative Location resolves against the URL that was posted to.
    let posted = reqwest::Url::parse(&server.url("/support-requests")).unwrap();
    let stored: StoredRequest = server
        .client
        .get(posted.join(&location).unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stored.id, created.id);
    assert_eq!(stored.reference, created.reference);
    assert_eq!(stored.status, created.status);
    assert_eq!(stored.created_at, created.created_at);
    let sent: NewSupportRequest = serde_json::from_value(valid()).unwrap();
    assert_eq!(stored.request, sent);

    let row: (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT reference, kind, category, title, contact_email, contact_language, status, body
         FROM support_requests WHERE id = $1",
    )
    .bind(&created.id)
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(row.0, "SR-000001");
    assert_eq!(
        (row.1.as_str(), row.2.as_str()),
        ("partner_center", "billing")
    );
    assert_eq!(row.3, "Invoice total is wrong");
    assert_eq!(
        (row.4.as_str(), row.5.as_str(), row.6.as_str()),
        ("li.na@contoso.cn", "zh-CN", "submitted")
    );
    assert_eq!(
        serde_json::from_str::<NewSupportRequest>(&row.7).unwrap(),
        sent
    );

    let second = server.post_json(&key(), &valid()).await;
    let second: CreatedRequest = second.json().await.unwrap();
    assert_eq!(second.reference, "SR-000002");
}

#[tokio::test]
async fn an_empty_form_lists_its_field_errors_and_stores_nothing() {
    let server = start().await;
    let empty = json!({"kind": "partner_center", "title": "", "description": "", "contact": {"name": "", "email": ""}});
    let (status, body) = json_of(server.post_json(&key(), &empty).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        json!({"errors": [
            {"field": "category", "code": "required"},
            {"field": "title", "code": "required"},
            {"field": "description", "code": "required"},
            {"field": "contact.name", "code": "required"},
            {"field": "contact.email", "code": "required"},
        ]})
    );
    assert_eq!(server.count("support_requests").await, 0);
    assert_eq!(server.count("idempotency_keys").await, 0);
}

#[tokio::test]
async fn the_same_key_and_body_replays_the_first_answer() {
    let server = start().await;
    let key = key();
    let first = server.post_json(&key, &valid()).await;
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first_location = first.headers()["location"].clone();
    let (first_status, first_body) = (first.status(), first.text().await.unwrap());
    let second = server.post_json(&key, &valid()).await;
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(second.headers()["location"], first_location);
    assert_eq!(second.status(), first_status);
    assert_eq!(second.text().await.unwrap(), first_body);
    assert_eq!(first_status, StatusCode::CREATED);
    assert_eq!(server.count("support_requests").await, 1);

    // The key is case-insensitive, as UUIDs are.
    let upper = server.post_json(&key.to_uppercase(), &valid()).await;
    assert_eq!(upper.text().await.unwrap(), first_body);
    assert_eq!(server.count("support_requests").await, 1);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_refused() {
    let server = start().await;
    let key = key();
    assert_eq!(
        server.post_json(&key, &valid()).await.status(),
        StatusCode::CREATED
    );
    let mut other = valid();
    other["title"] = json!("Another problem");
    let (status, body) = json_of(server.post_json(&key, &other).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body, one_error("Idempotency-Key", "idempotency_key_reused"));
    assert_eq!(server.count("support_requests").await, 1);
}

#[tokio::test]
async fn a_refused_form_can_be_corrected_and_sent_with_the_same_key() {
    let server = start().await;
    let key = key();
    let mut bad = valid();
    bad["contact"]["email"] = json!("not an address");
    let (status, body) = json_of(server.post_json(&key, &bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body, one_error("contact.email", "invalid_email"));
    assert_eq!(
        server.post_json(&key, &valid()).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(server.count("support_requests").await, 1);
}

/// Copies of one request sent together: one files it, the others are told
/// it is in flight (409, `Retry-After: 1`) or get its answer replayed, and
/// after retrying as told every copy has the same answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_posts_with_one_key_create_one_request() {
    let server = std::sync::Arc::new(start().await);
    let key = key();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let server = server.clone();
            let key = key.clone();
            tokio::spawn(async move {
                post_until_settled(&server.client, &server.base, &key, &valid()).await
            })
        })
        .collect();
    let mut ids = Vec::new();
    let mut replays = 0;
    for task in tasks {
        let (status, body, replayed, _conflicts) = task.await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
        replays += usize::from(replayed);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "every answer names the same request: {ids:?}");
    assert_eq!(replays, 9);
    assert_eq!(server.count("support_requests").await, 1);
    assert_eq!(server.count("idempotency_keys").await, 1);
}

/// Two servers with their own pools on one database stand for two backend
/// processes behind a load balancer: the database, not process memory,
/// keeps a key to one request and request numbers unique.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_database_store_each_key_once_and_number_uniquely() {
    let first = std::sync::Arc::new(start().await);
    let (second_base, second_task) = serve(first.database_url()).await;
    let bases = [first.base.clone(), second_base];
    let repeated = key();
    let mut tasks = Vec::new();
    for n in 0..24 {
        // Even requests share one key; odd ones each have their own.
        let key = if n % 2 == 0 { repeated.clone() } else { key() };
        let base = bases[n % 2].clone();
        let client = first.client.clone();
        tasks.push(tokio::spawn(async move {
            let (status, body, _, _) = post_until_settled(&client, &base, &key, &valid()).await;
            (key, status, body)
        }));
    }
    let mut ids_for_repeated = Vec::new();
    let mut references = Vec::new();
    for task in tasks {
        let (key, status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        references.push(body["reference"].as_str().unwrap().to_owned());
        if key == repeated {
            ids_for_repeated.push(body["id"].as_str().unwrap().to_owned());
        }
    }
    second_task.abort();
    ids_for_repeated.dedup();
    assert_eq!(ids_for_repeated.len(), 1, "{ids_for_repeated:?}");
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 13, "one per distinct key: {references:?}");
    assert_eq!(first.count("support_requests").await, 13);
    assert_eq!(first.count("idempotency_keys").await, 13);
}

#[tokio::test]
async fn bodies_that_are_not_the_contract_are_malformed() {
    let server = start().await;
    let mut wrong_type = valid();
    wrong_type["title"] = json!(42);
    let mut unknown_kind = valid();
    unknown_kind["kind"] = json!("partner");
    let mut unknown_language = valid();
    unknown_language["contact"]["language"] = json!("fr-FR");
    let mut unknown_field = valid();
    unknown_field["priority"] = json!("high");
    let mut missing_field = valid();
    missing_field.as_object_mut().unwrap().remove("title");
    let bodies = [
        b"{\"kind\": ".to_vec(),
        b"not json at all".to_vec(),
        b"".to_vec(),
        b"[]".to_vec(),
        b"\xff\xfe{}".to_vec(),
        serde_json::to_vec(&wrong_type).unwrap(),
        serde_json::to_vec(&unknown_kind).unwrap(),
        serde_json::to_vec(&unknown_language).unwrap(),
        serde_json::to_vec(&unknown_field).unwrap(),
        serde_json::to_vec(&missing_field).unwrap(),
    ];
    for body in bodies {
        let shown = String::from_utf8_lossy(&body).into_owned();
        let (status, json) = json_of(server.post(Some(&key()), body).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{shown}");
        assert_eq!(json, one_error("", "malformed_body"), "{shown}");
    }
    assert_eq!(server.count("support_requests").await, 0);
    assert_eq!(
        server.post_json(&key(), &valid()).await.status(),
        StatusCode::CREATED,
        "still answering"
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large() {
    let server = start().await;
    let limit = support_contract::limits::BODY_MAX_BYTES;
    let mut huge = valid();
    huge["description"] = json!("x".repeat(limit));
    let (status, json) = json_of(server.post_json(&key(), &huge).await).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(json, one_error("", "body_too_large"));

    // The longest fields in four-byte characters still fit, as the limit promises.
    let clef = "\u{1D11E}";
    let mut longest = valid();
    longest["title"] = json!(clef.repeat(support_contract::limits::TITLE_MAX));
    longest["description"] = json!(clef.repeat(support_contract::limits::DESCRIPTION_MAX));
    longest["contact"]["name"] = json!(clef.repeat(support_contract::limits::NAME_MAX));
    assert_eq!(
        server.post_json(&key(), &longest).await.status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn the_idempotency_key_is_required_and_must_be_a_uuid() {
    let server = start().await;
    let body = serde_json::to_vec(&valid()).unwrap();
    for key in [None, Some(""), Some("12345"), Some("not-a-uuid-at-all")] {
        let (status, json) = json_of(server.post(key, body.clone()).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{key:?}");
        assert_eq!(
            json,
            one_error("Idempotency-Key", "invalid_idempotency_key"),
            "{key:?}"
        );
    }
    assert_eq!(server.count("support_requests").await, 0);
}

/// A header the page adds with setRequestHeaders goes only when the
/// operator allows it (`--allowed-header`): otherwise the browser's
/// preflight refuses it, and the widget's requests with it never go.
#[tokio::test]
async fn cors_allows_the_page_headers_the_operator_names() {
    let allowed = |server: TestServer| async move {
        let headers = "authorization,content-type,idempotency-key,x-portal-tenant";
        server
            .preflight("/support-requests", ALLOWED, headers)
            .await
            .headers()
            .get("access-control-allow-headers")
            .map(|names| names.to_str().unwrap().to_lowercase())
            .unwrap_or_default()
    };
    let named = start_with(|url| support_backend::Config {
        allowed_headers: vec!["X-Portal-Tenant".parse().unwrap()],
        ..config(url)
    })
    .await;
    assert!(allowed(named).await.contains("x-portal-tenant"));
    assert!(!allowed(start().await).await.contains("x-portal-tenant"));
}

#[tokio::test]
async fn cors_allows_only_the_configured_origin() {
    let server = start().await;
    let preflight = |origin: &'static str| {
        server.preflight("/support-requests", origin, "content-type,idempotency-key")
    };
    let allowed = preflight(ALLOWED).await;
    assert!(allowed.status().is_success());
    let headers = allowed.headers();
    assert_eq!(headers["access-control-allow-origin"], ALLOWED);
    let allow_headers = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allow_headers.contains("idempotency-key"), "{allow_headers}");
    assert!(allow_headers.contains("content-type"), "{allow_headers}");
    assert!(allow_headers.contains("authorization"), "{allow_headers}");
    let methods = headers["access-control-allow-methods"].to_str().unwrap();
    assert!(
        methods.contains("POST") && methods.contains("GET"),
        "{methods}"
    );

    let other = preflight("https://evil.example.com").await;
    assert!(other.headers().get("access-control-allow-origin").is_none());

    let response = server
        .client
        .post(server.url("/support-requests"))
        .header("Origin", ALLOWED)
        .header("Idempotency-Key", key())
        .json(&valid())
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], ALLOWED);
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("location"), "{exposed}");
    assert!(
        exposed.contains("retry-after"),
        "the widget reads when to retry a 409 or 429: {exposed}"
    );
    assert!(exposed.contains("idempotent-replayed"), "{exposed}");
}

#[tokio::test]
async fn unknown_requests_and_paths_are_json_404s() {
    let server = start().await;
    for id in [key(), "SR-000001".to_owned()] {
        let response = server
            .client
            .get(server.url(&format!("/support-requests/{id}")))
            .send()
            .await
            .unwrap();
        let (status, json) = json_of(response).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(json, one_error("id", "not_found"));
    }
    let (status, json) = json_of(
        server
            .client
            .get(server.url("/nowhere"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json["errors"][0]["code"], "not_found");
    let (status, json) = json_of(
        server
            .client
            .delete(server.url("/support-requests"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(json["errors"][0]["code"], "method_not_allowed");
}

#[tokio::test]
async fn chinese_and_spanish_text_round_trips_exactly() {
    let server = start().await;
    let cases = [
        json!({
            "kind": "customer",
            "customer": {"id": "beijing-cloud", "name": "北京云计算有限公司"},
            "service": "office365",
            "escalation": {"reason": "regional_multi_tenant_issue", "health_checked": true, "troubleshooting": ["software", "configuration"]},
            "title": "无法登录合作伙伴中心",
            "description": "登录时显示错误。\n第二行：「請稍後再試」😀",
            "severity": "moderate",
            "contact": {"name": "王芳", "email": "wang.fang@contoso.cn", "phone": "+86 10 5555 0100", "language": "zh-TW"},
            "locale": "zh-TW"
        }),
        json!({
            "kind": "customer_self_service",
            "title": "La facturación de noviembre está mal",
            "description": "¿Pueden revisar la licencia duplicada? Señal: añadí «Ñandú» y café.\r\n\tGracias",
            "contact": {"name": "José Núñez", "email": "jose.nunez@contoso.es", "language": "es-ES"},
            "locale": "es-ES"
        }),
    ];
    for body in cases {
        let created: CreatedRequest = server.post_json(&key(), &body).await.json().await.unwrap();
        let response = server
            .client
            .get(server.url(&format!("/support-requests/{}", created.id)))
            .send()
            .await
            .unwrap();
        let (status, stored) = json_of(response).await;
        assert_eq!(status, StatusCode::OK);
        let sent: NewSupportRequest = serde_json::from_value(body.clone()).unwrap();
        let got: NewSupportRequest = serde_json::from_value(stored["request"].clone()).unwrap();
        assert_eq!(got, sent);
        assert_eq!(stored["request"]["title"], body["title"]);
        assert_eq!(stored["request"]["description"], body["description"]);
        let (title, name): (String, String) =
            sqlx::query_as("SELECT title, contact_name FROM support_requests WHERE id = $1")
                .bind(&created.id)
                .fetch_one(&server.db)
                .await
                .unwrap();
        assert_eq!(title, body["title"].as_str().unwrap());
        assert_eq!(name, body["contact"]["name"].as_str().unwrap());
    }
}

#[tokio::test]
async fn a_request_for_a_customer_keeps_its_customer_service_and_severity() {
    let server = start().await;
    let mut body = valid_for_customer();
    // The widget may send the name as it showed it; the column keeps the
    // catalogue's name, the body what was sent.
    body["customer"]["name"] = json!("北京云计算");
    let response = server.post_json(&key(), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: CreatedRequest = response.json().await.unwrap();
    let row: (String, String, String, String) = sqlx::query_as(
        "SELECT customer_id, customer_name, service_id, severity
         FROM support_requests WHERE id = $1",
    )
    .bind(&created.id)
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(
        row,
        (
            "beijing-cloud".into(),
            "北京云计算有限公司".into(),
            "azure".into(),
            "critical".into()
        )
    );
    let (status, stored) = json_of(
        server
            .get(&format!("/support-requests/{}", created.id))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["request"]["customer"], body["customer"]);
    assert_eq!(stored["request"]["service"], "azure");
    assert_eq!(stored["request"]["severity"], "critical");
}

#[tokio::test]
async fn a_partner_center_request_leaves_the_customer_columns_empty() {
    let server = start().await;
    let created: CreatedRequest = server
        .post_json(&key(), &valid())
        .await
        .json()
        .await
        .unwrap();
    let row: (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT customer_id, customer_name, service_id, severity
         FROM support_requests WHERE id = $1",
    )
    .bind(&created.id)
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(row, (None, None, None, None));
}

#[tokio::test]
async fn a_blank_customer_or_service_where_none_is_needed_is_stored_as_none() {
    let server = start().await;
    let mut partner_center = valid();
    partner_center["service"] = json!("");
    partner_center["customer"] = json!({"id": " ", "name": "Contoso Ltd"});
    let created: CreatedRequest = server
        .post_json(&key(), &partner_center)
        .await
        .json()
        .await
        .unwrap();
    let row: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT customer_id, service_id FROM support_requests WHERE id = $1")
            .bind(&created.id)
            .fetch_one(&server.db)
            .await
            .unwrap();
    assert_eq!(row, (None, None));
}

#[tokio::test]
async fn an_unknown_customer_or_service_is_refused_and_stores_nothing() {
    let server = start().await;
    let mut unknown_customer = valid_for_customer();
    unknown_customer["customer"]["id"] = json!("woodgrove");
    let mut unknown_service = valid_for_customer();
    unknown_service["service"] = json!("exchange-online");
    // Ids are exact: the search folds case, the reference does not.
    let mut other_case = valid_for_customer();
    other_case["service"] = json!("Azure");
    let cases = [
        (unknown_customer, "customer"),
        (unknown_service, "service"),
        (other_case, "service"),
    ];
    for (body, field) in cases {
        let (status, json) = json_of(server.post_json(&key(), &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(json, one_error(field, "invalid_value"), "{body}");
    }
    assert_eq!(server.count("support_requests").await, 0);
    assert_eq!(server.count("idempotency_keys").await, 0);
}

#[tokio::test]
async fn unknown_references_are_listed_in_form_order_with_the_other_errors() {
    let server = start().await;
    let mut body = valid_for_customer();
    body["customer"]["id"] = json!("woodgrove");
    body["service"] = json!("exchange-online");
    body["title"] = json!("");
    body.as_object_mut().unwrap().remove("severity");
    let (status, json) = json_of(server.post_json(&key(), &body).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json,
        json!({"errors": [
            {"field": "customer", "code": "invalid_value"},
            {"field": "service", "code": "invalid_value"},
            {"field": "severity", "code": "required"},
            {"field": "title", "code": "required"},
        ]})
    );

    // A request of another kind that names a service must name a real one too.
    let mut partner_center = valid();
    partner_center["service"] = json!("exchange-online");
    let (status, json) = json_of(server.post_json(&key(), &partner_center).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json, one_error("service", "invalid_value"));
}

#[tokio::test]
async fn a_customer_request_needs_its_customer_service_escalation_and_severity() {
    let server = start().await;
    let mut bare = valid_for_customer();
    for field in ["customer", "service", "escalation", "severity"] {
        bare.as_object_mut().unwrap().remove(field);
    }
    let (status, json) = json_of(server.post_json(&key(), &bare).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json,
        json!({"errors": [
            {"field": "customer", "code": "required"},
            {"field": "service", "code": "required"},
            {"field": "escalation", "code": "required"},
            {"field": "severity", "code": "required"},
        ]})
    );
    let mut unknown_severity = valid_for_customer();
    unknown_severity["severity"] = json!("urgent");
    let (status, json) = json_of(server.post_json(&key(), &unknown_severity).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "severity is an enum");
    assert_eq!(json, one_error("", "malformed_body"));
}

#[tokio::test]
async fn a_problem_that_is_the_partners_own_is_not_escalated() {
    let server = start().await;
    let mut own = valid_for_customer();
    own["escalation"]["reason"] = json!("none");
    let (status, json) = json_of(server.post_json(&key(), &own).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json, one_error("escalation.reason", "invalid_value"));

    let mut lacking = valid_for_customer();
    lacking["escalation"]["reason"] = json!("lacks_training_documentation_tools");
    let response = server.post_json(&key(), &lacking).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let mut free_text = valid_for_customer();
    free_text["escalation"]["troubleshooting"] = json!(["restarted the client"]);
    let (status, json) = json_of(server.post_json(&key(), &free_text).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json,
        one_error("escalation.troubleshooting", "invalid_value")
    );
}
