//! Who may do what, over HTTP, on a backend that verifies tokens: the
//! matrix of `openapi.yaml` and `docs/identity.md`, on SQLite and (under
//! `scripts/with-postgres`) on PostgreSQL.

mod common;

use common::*;
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// Who sends a call.
#[derive(Clone)]
enum As {
    Nobody,
    Token(String),
}

fn partner_as() -> As {
    As::Token(token(&partner()))
}

fn customer_as() -> As {
    As::Token(token(&customer()))
}

fn other_customer_as() -> As {
    As::Token(token(&json!({
        "sub": "customer-2", "name": "Liu Yang", "email": "liu.yang@beijing-cloud.cn",
        "role": "customer", "customer_id": "beijing-cloud"
    })))
}

fn signed(request: RequestBuilder, who: &As) -> RequestBuilder {
    match who {
        As::Nobody => request,
        As::Token(token) => request.bearer_auth(token),
    }
}

async fn get(server: &TestServer, path: &str, who: &As) -> Response {
    signed(server.client.get(server.url(path)), who)
        .send()
        .await
        .unwrap()
}

async fn file(server: &TestServer, body: &Value, who: &As) -> Response {
    file_with_key(server, &key(), body, who).await
}

async fn file_with_key(server: &TestServer, key: &str, body: &Value, who: &As) -> Response {
    signed(server.client.post(server.url("/support-requests")), who)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn upload(server: &TestServer, who: &As) -> Response {
    signed(
        server
            .client
            .post(server.url("/attachments?name=screen.png")),
        who,
    )
    .header("content-type", "image/png")
    .body(PNG.to_vec())
    .send()
    .await
    .unwrap()
}

/// A customer's message to their partner, naming another customer than
/// their own, with a contact that a signed-in user does not type.
fn message() -> Value {
    json!({
        "kind": "customer_self_service",
        "customer": {"id": "contoso-retail", "name": "Someone else"},
        "title": "Mail stopped arriving",
        "description": "Since this morning no mail reaches our mailboxes.",
        "contact": {"name": "", "email": "", "phone": "+86 10 5555 0100", "language": "zh-CN"},
        "locale": "zh-CN"
    })
}

/// A visitor's message: no customer, the contact typed in.
fn typed_contact(mut body: Value) -> Value {
    body.as_object_mut().unwrap().remove("customer");
    body["contact"] = json!({"name": "Guest", "email": "guest@example.com", "language": "en-US"});
    body
}

async fn assert_unauthenticated(response: Response) {
    assert_eq!(
        response.status(),
        StatusCode::UNAUTHORIZED,
        "{}",
        response.url()
    );
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    let (_, body) = json_of(response).await;
    assert_eq!(body, one_error("Authorization", "invalid_token"));
}

async fn assert_forbidden(response: Response) {
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "{}",
        response.url()
    );
    let (_, body) = json_of(response).await;
    assert_eq!(body, one_error("Authorization", "forbidden"));
}

/// The ids of the requests in a page of `GET /support-requests`.
fn ids(page: &Value) -> Vec<String> {
    page["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn created_id(response: Response) -> String {
    let (status, body) = json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn without_a_valid_token_every_endpoint_answers_401() {
    let server = start_signed(false).await;
    let expired = token(&json!({"sub": "u", "role": "partner",
                                "exp": jsonwebtoken::get_current_timestamp() - 120}));
    let forged = {
        let good = token(&partner());
        let (head, _) = good.rsplit_once('.').unwrap();
        format!("{head}.c2lnbmF0dXJl")
    };
    for who in [
        As::Nobody,
        As::Token("not-a-jwt".into()),
        As::Token(expired),
        As::Token(forged),
    ] {
        for path in [
            "/customers?query=",
            "/services",
            "/service-health",
            "/articles?query=invoice",
            "/support-requests?filed_by=me",
            &format!("/support-requests/{}", key()),
            &format!("/attachments/{}", key()),
        ] {
            assert_unauthenticated(get(&server, path, &who).await).await;
        }
        assert_unauthenticated(file(&server, &valid(), &who).await).await;
        assert_unauthenticated(upload(&server, &who).await).await;
    }
    // A scheme other than Bearer is no token either.
    let basic = server
        .client
        .get(server.url("/services"))
        .header("authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .unwrap();
    assert_unauthenticated(basic).await;
    assert_eq!(server.count("support_requests").await, 0);
    assert_eq!(server.count("attachments").await, 0);
}

#[tokio::test]
async fn only_the_partners_staff_search_customers() {
    let server = start_signed(false).await;
    let response = get(&server, "/customers?query=", &partner_as()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_forbidden(get(&server, "/customers?query=", &customer_as()).await).await;
    for role in ["agent", "admin"] {
        let staff = As::Token(token(&json!({"sub": "s", "role": role})));
        assert_eq!(
            get(&server, "/customers?query=", &staff).await.status(),
            StatusCode::OK
        );
    }
    let stranger = As::Token(token(&json!({"sub": "s", "role": "superuser"})));
    assert_forbidden(get(&server, "/customers?query=", &stranger).await).await;
}

#[tokio::test]
async fn partners_and_customers_read_the_help() {
    let server = start_signed(false).await;
    for who in [partner_as(), customer_as()] {
        for path in ["/services", "/service-health", "/articles?query=invoice"] {
            assert_eq!(
                get(&server, path, &who).await.status(),
                StatusCode::OK,
                "{path}"
            );
        }
    }
}

#[tokio::test]
async fn a_signed_in_partner_files_as_themselves() {
    let server = start_signed(false).await;
    let mut body = valid();
    body["contact"] =
        json!({"name": "", "email": "", "phone": "+86 10 5555 0199", "language": "zh-CN"});
    let id = created_id(file(&server, &body, &partner_as()).await).await;
    let (status, stored) =
        json_of(get(&server, &format!("/support-requests/{id}"), &partner_as()).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["request"]["contact"]["name"], "Zhang Wei");
    assert_eq!(
        stored["request"]["contact"]["email"],
        "zhang.wei@contoso.cn"
    );
    assert_eq!(stored["request"]["contact"]["phone"], "+86 10 5555 0199");
    // What the body says of the contact does not count either.
    body["contact"] =
        json!({"name": "Someone Else", "email": "else@example.com", "language": "zh-CN"});
    let id = created_id(file(&server, &body, &partner_as()).await).await;
    let (filer, email): (Option<String>, String) =
        sqlx::query_as("SELECT filed_by, contact_email FROM support_requests WHERE id = $1")
            .bind(&id)
            .fetch_one(&server.db)
            .await
            .unwrap();
    assert_eq!(filer.as_deref(), Some("partner-1"));
    assert_eq!(email, "zhang.wei@contoso.cn");
    // On behalf of a customer too.
    let on_behalf = valid_for_customer();
    created_id(file(&server, &on_behalf, &partner_as()).await).await;
    // A token without a name or email: the body's contact is used, and checked.
    let nameless = As::Token(token(&json!({"sub": "p2", "role": "partner"})));
    let response = file(&server, &body, &nameless).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let mut blank = valid();
    blank["contact"]["email"] = json!("");
    let (status, errors) = json_of(file(&server, &blank, &nameless).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors, one_error("contact.email", "required"));
}

#[tokio::test]
async fn a_customer_only_messages_their_own_partner_as_their_own_customer() {
    let server = start_signed(false).await;
    assert_forbidden(file(&server, &valid(), &customer_as()).await).await;
    assert_forbidden(file(&server, &valid_for_customer(), &customer_as()).await).await;
    let id = created_id(file(&server, &message(), &customer_as()).await).await;
    let (_, stored) =
        json_of(get(&server, &format!("/support-requests/{id}"), &customer_as()).await).await;
    assert_eq!(stored["request"]["customer"]["id"], "beijing-cloud");
    assert_eq!(stored["request"]["customer"]["name"], "北京云计算有限公司");
    assert_eq!(stored["request"]["contact"]["name"], "Chen Jie");
    assert_eq!(
        stored["request"]["contact"]["email"],
        "chen.jie@beijing-cloud.cn"
    );
    // A customer token without a customer, or with one the partner does not
    // have, files nothing.
    for customer_id in [json!(null), json!("no-such-customer")] {
        let mut claims = customer();
        claims["customer_id"] = customer_id;
        let who = As::Token(token(&claims));
        assert_forbidden(file(&server, &message(), &who).await).await;
    }
    assert_eq!(server.count("support_requests").await, 1);
}

#[tokio::test]
async fn a_request_is_read_by_its_filer_and_staff_and_nobody_else() {
    let server = start_signed(false).await;
    let id = created_id(file(&server, &message(), &customer_as()).await).await;
    let path = format!("/support-requests/{id}");
    assert_eq!(
        get(&server, &path, &customer_as()).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get(&server, &path, &partner_as()).await.status(),
        StatusCode::OK
    );
    let agent = As::Token(token(&json!({"sub": "a1", "role": "agent"})));
    assert_eq!(get(&server, &path, &agent).await.status(), StatusCode::OK);
    // Another user of the same customer: as if it did not exist.
    let (status, body) = json_of(get(&server, &path, &other_customer_as()).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body, one_error("id", "not_found"));
    let missing = get(
        &server,
        &format!("/support-requests/{}", key()),
        &other_customer_as(),
    )
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_user_lists_their_own_requests_newest_first_a_page_at_a_time() {
    let server = start_signed(false).await;
    let mut mine = Vec::new();
    for n in 0..5 {
        let mut body = message();
        body["title"] = json!(format!("Message {n}"));
        mine.push(created_id(file(&server, &body, &customer_as()).await).await);
        created_id(file(&server, &body, &other_customer_as()).await).await;
    }
    mine.reverse();
    let (status, first) = json_of(
        get(
            &server,
            "/support-requests?filed_by=me&limit=3",
            &customer_as(),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ids(&first), mine[..3]);
    assert_eq!(first["requests"][0]["request"]["title"], "Message 4");
    let next = first["next"].as_str().unwrap();
    let path = format!("/support-requests?filed_by=me&limit=3&before={next}");
    let (_, second) = json_of(get(&server, &path, &customer_as()).await).await;
    assert_eq!(ids(&second), mine[3..]);
    assert!(second.get("next").is_none());
    // Another user's id as the cursor starts nowhere.
    let (_, theirs) = json_of(
        get(
            &server,
            "/support-requests?filed_by=me",
            &other_customer_as(),
        )
        .await,
    )
    .await;
    let their_id = ids(&theirs)[0].clone();
    let path = format!("/support-requests?filed_by=me&before={their_id}");
    let (_, none) = json_of(get(&server, &path, &customer_as()).await).await;
    assert_eq!(ids(&none), Vec::<String>::new());
    // So does one that cannot be an id, on PostgreSQL too (no NUL in text).
    for before in ["%00", "a%07b"] {
        let path = format!("/support-requests?filed_by=me&before={before}");
        let (status, none) = json_of(get(&server, &path, &customer_as()).await).await;
        assert_eq!(status, StatusCode::OK, "{before}");
        assert_eq!(ids(&none), Vec::<String>::new(), "{before}");
    }
    // Only `filed_by=me`, and a sane page size.
    for path in [
        "/support-requests",
        "/support-requests?filed_by=someone",
        "/support-requests?filed_by=me&limit=0",
        "/support-requests?filed_by=me&limit=51",
        "/support-requests?filed_by=me&limit=ten",
    ] {
        let response = get(&server, path, &customer_as()).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
    }
}

#[tokio::test]
async fn files_go_only_to_their_uploader_the_filer_and_staff() {
    let server = start_signed(false).await;
    let (status, upload_body) = json_of(upload(&server, &customer_as()).await).await;
    assert_eq!(status, StatusCode::CREATED);
    let file_id = upload_body["id"].as_str().unwrap().to_owned();
    let path = format!("/attachments/{file_id}");
    assert_eq!(
        get(&server, &path, &customer_as()).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get(&server, &path, &other_customer_as()).await.status(),
        StatusCode::NOT_FOUND
    );
    // Nobody else may attach it to their request.
    let mut theirs = message();
    theirs["attachments"] = json!([file_id]);
    let (status, errors) = json_of(file(&server, &theirs, &other_customer_as()).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors, one_error("attachments", "invalid_value"));
    // Its uploader may; then the partner reads it, and still nobody else.
    created_id(file(&server, &theirs, &customer_as()).await).await;
    assert_eq!(
        get(&server, &path, &customer_as()).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get(&server, &path, &partner_as()).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get(&server, &path, &other_customer_as()).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn unattached_uploads_have_a_quota_per_user() {
    let server = start_signed(false).await;
    // As if the user had left 50 MiB of uploads unattached.
    let big = i64::try_from(support_backend::attachments::UPLOAD_QUOTA_BYTES).unwrap() - 10;
    sqlx::query(
        "INSERT INTO attachments (id, name, size, content_type, sha256, uploaded_by)
         VALUES ($1, 'big.pdf', $2, 'application/pdf', '', 'customer-1')",
    )
    .bind(key())
    .bind(big)
    .execute(&server.db)
    .await
    .unwrap();
    let (status, body) = json_of(upload(&server, &customer_as()).await).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body, one_error("file", "upload_quota_exceeded"));
    // Another user's quota is their own.
    assert_eq!(
        upload(&server, &other_customer_as()).await.status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_key_is_its_users_own() {
    let server = start_signed(false).await;
    let shared = key();
    created_id(file_with_key(&server, &shared, &message(), &customer_as()).await).await;
    let (status, body) =
        json_of(file_with_key(&server, &shared, &message(), &other_customer_as()).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body, one_error("Idempotency-Key", "idempotency_key_reused"));
    // The first user's retry is a replay.
    let replay = file_with_key(&server, &shared, &message(), &customer_as()).await;
    assert_eq!(replay.status(), StatusCode::CREATED);
    assert!(replay.headers().contains_key("idempotent-replayed"));
}

#[tokio::test]
async fn a_public_help_page_lets_visitors_read_help_and_message_their_partner() {
    let server = start_signed(true).await;
    for path in ["/services", "/service-health", "/articles?query=invoice"] {
        assert_eq!(
            get(&server, path, &As::Nobody).await.status(),
            StatusCode::OK,
            "{path}"
        );
    }
    let body = typed_contact(message());
    let id = created_id(file(&server, &body, &As::Nobody).await).await;
    // The visitor reads back what they sent (its random id is theirs alone)…
    let path = format!("/support-requests/{id}");
    let (status, stored) = json_of(get(&server, &path, &As::Nobody).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["request"]["contact"]["email"], "guest@example.com");
    // …and nothing else.
    let theirs = created_id(file(&server, &message(), &customer_as()).await).await;
    let response = get(&server, &format!("/support-requests/{theirs}"), &As::Nobody).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_unauthenticated(get(&server, "/customers?query=", &As::Nobody).await).await;
    assert_unauthenticated(get(&server, "/support-requests?filed_by=me", &As::Nobody).await).await;
    assert_unauthenticated(upload(&server, &As::Nobody).await).await;
    assert_unauthenticated(file(&server, &valid(), &As::Nobody).await).await;
    assert_unauthenticated(file(&server, &valid_for_customer(), &As::Nobody).await).await;
    // A visitor types their contact, which is checked as ever.
    let mut untyped = typed_contact(message());
    untyped["contact"]["name"] = json!("");
    let (status, errors) = json_of(file(&server, &untyped, &As::Nobody).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors["errors"][0]["field"], "contact.name");
}

#[tokio::test]
async fn cors_lets_the_widget_read_why_a_call_was_refused() {
    let server = start_signed(false).await;
    let response = server
        .client
        .get(server.url("/services"))
        .header("Origin", ALLOWED)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(exposed.contains("www-authenticate"), "{exposed}");
}

/// A role this backend does not know may do nothing: a user whose role was
/// changed to cut them off no longer reads even what they filed before.
#[tokio::test]
async fn a_token_without_a_known_role_is_refused_everywhere() {
    let server = start_signed(false).await;
    let (_, uploaded) = json_of(upload(&server, &customer_as()).await).await;
    let file_id = uploaded["id"].as_str().unwrap().to_owned();
    let mut own = message();
    own["attachments"] = json!([file_id]);
    let own_id = created_id(file(&server, &own, &customer_as()).await).await;
    let (_, stored) = json_of(
        get(
            &server,
            &format!("/support-requests/{own_id}"),
            &customer_as(),
        )
        .await,
    )
    .await;
    let reference = stored["reference"].as_str().unwrap().to_owned();
    let theirs = created_id(file(&server, &message(), &other_customer_as()).await).await;
    let agent = As::Token(token(&json!({"sub": "a1", "role": "agent"})));

    // The same user, `customer-1`, with no role, a retired one, or one
    // spelt in another case.
    let mut claims = customer();
    claims.as_object_mut().unwrap().remove("role");
    let mut strangers = vec![claims];
    for role in ["suspended", "Customer", "Partner", ""] {
        let mut claims = customer();
        claims["role"] = json!(role);
        strangers.push(claims);
    }
    for claims in strangers {
        let who = As::Token(token(&claims));
        for path in [
            format!("/support-requests/{own_id}"),
            format!("/support-requests/{theirs}"),
            format!("/support-requests/{}", key()),
            format!("/attachments/{file_id}"),
            "/support-requests?filed_by=me".to_owned(),
            format!("/support-requests?reference={reference}"),
            "/services".to_owned(),
            "/service-health".to_owned(),
            "/articles?q=mail".to_owned(),
            "/customers?q=bei".to_owned(),
            "/catalogue/customers".to_owned(),
        ] {
            assert_forbidden(get(&server, &path, &who).await).await;
        }
        assert_forbidden(file(&server, &message(), &who).await).await;
        assert_forbidden(upload(&server, &who).await).await;
        let status = signed(
            server
                .client
                .post(server.url(&format!("/support-requests/{own_id}/status"))),
            &who,
        )
        .json(&json!({"status": "closed"}))
        .send()
        .await
        .unwrap();
        assert_forbidden(status).await;
    }
    // What they filed is still there for those who may read it.
    assert_eq!(
        get(&server, &format!("/support-requests/{own_id}"), &agent)
            .await
            .status(),
        StatusCode::OK
    );
}

/// Agents and admins find a partner's request by the reference its filer
/// reads out; references are counted up, so the partner's other staff and
/// customers find only their own.
#[tokio::test]
async fn a_request_is_found_by_its_reference() {
    let server = start_signed(false).await;
    let id = created_id(file(&server, &valid(), &partner_as()).await).await;
    let (_, stored) =
        json_of(get(&server, &format!("/support-requests/{id}"), &partner_as()).await).await;
    let reference = stored["reference"].as_str().unwrap().to_owned();
    let agent = As::Token(token(&json!({"sub": "a1", "role": "agent"})));
    let admin = As::Token(token(&json!({"sub": "ad1", "role": "admin"})));
    let other_partner = As::Token(token(&json!({"sub": "partner-2", "role": "partner"})));
    // In any case, as the filer reads it out.
    for asked in [reference.clone(), reference.to_lowercase()] {
        let path = format!("/support-requests?reference={asked}");
        for who in [&agent, &admin, &partner_as()] {
            let (status, page) = json_of(get(&server, &path, who).await).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            assert_eq!(ids(&page), vec![id.clone()], "{asked}");
            assert!(page.get("next").is_none());
        }
        // Another partner or a customer: as if there were none.
        for who in [&other_partner, &customer_as()] {
            let (status, page) = json_of(get(&server, &path, who).await).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(ids(&page), Vec::<String>::new());
        }
    }
    // Beside `filed_by=me`, only the caller's own.
    let path = format!("/support-requests?reference={reference}&filed_by=me");
    let (_, page) = json_of(get(&server, &path, &partner_as()).await).await;
    assert_eq!(ids(&page), vec![id.clone()]);
    let (_, page) = json_of(get(&server, &path, &agent).await).await;
    assert_eq!(ids(&page), Vec::<String>::new());
    // A reference that does not exist, and text that is not one.
    let (status, page) =
        json_of(get(&server, "/support-requests?reference=SR-999999", &agent).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ids(&page), Vec::<String>::new());
    for bad in ["12", "SR-", "SR-12a", "XR-000001", "SR-%00", "SR-1%20"] {
        let (status, body) = json_of(
            get(
                &server,
                &format!("/support-requests?reference={bad}"),
                &agent,
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body, one_error("reference", "invalid_value"));
    }
    assert_unauthenticated(
        get(
            &server,
            &format!("/support-requests?reference={reference}"),
            &As::Nobody,
        )
        .await,
    )
    .await;
}

/// The reference of the request `id`, as `who` reads it.
async fn reference_of(server: &TestServer, id: &str, who: &As) -> String {
    let (status, stored) =
        json_of(get(server, &format!("/support-requests/{id}"), who).await).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    stored["reference"].as_str().unwrap().to_owned()
}

/// The ids `who` finds by `reference` (a 200).
async fn found_by(server: &TestServer, reference: &str, who: &As) -> Vec<String> {
    let path = format!("/support-requests?reference={reference}");
    let (status, page) = json_of(get(server, &path, who).await).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.get("next").is_none(), "{page}");
    ids(&page)
}

/// A customer quotes their message's reference to the partner, who may
/// read it: any of the partner's staff find it by that reference, as their
/// inbox lists it, whoever sent it (a visitor too). A customer still finds
/// only their own, and `filed_by=me` keeps the partner to theirs.
#[tokio::test]
async fn partner_staff_find_a_customers_message_by_its_reference() {
    let server = start_signed(true).await;
    let other_partner = As::Token(token(&json!({"sub": "partner-2", "role": "partner"})));
    let first = created_id(file(&server, &message(), &customer_as()).await).await;
    let second = created_id(file(&server, &message(), &other_customer_as()).await).await;
    let visitors = created_id(file(&server, &typed_contact(message()), &As::Nobody).await).await;
    let first_ref = reference_of(&server, &first, &customer_as()).await;
    let second_ref = reference_of(&server, &second, &other_customer_as()).await;
    let visitors_ref = reference_of(&server, &visitors, &As::Nobody).await;
    for staff in [partner_as(), other_partner] {
        for (reference, id) in [
            (first_ref.clone(), &first),
            (first_ref.to_lowercase(), &first),
            (second_ref.clone(), &second),
            (visitors_ref.clone(), &visitors),
        ] {
            assert_eq!(
                found_by(&server, &reference, &staff).await,
                vec![id.clone()]
            );
        }
        // What it finds is what reading it by id answers.
        let path = format!("/support-requests?reference={first_ref}");
        let (_, page) = json_of(get(&server, &path, &staff).await).await;
        let (_, read) =
            json_of(get(&server, &format!("/support-requests/{first}"), &staff).await).await;
        assert_eq!(page["requests"], json!([read]));
        // Beside `filed_by=me`, only their own: none of these.
        let path = format!("/support-requests?reference={first_ref}&filed_by=me");
        let (status, page) = json_of(get(&server, &path, &staff).await).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(ids(&page), Vec::<String>::new());
    }
    // Each customer's user finds their own, not the other's.
    assert_eq!(
        found_by(&server, &first_ref, &customer_as()).await,
        vec![first.clone()]
    );
    assert!(found_by(&server, &second_ref, &customer_as())
        .await
        .is_empty());
    assert!(found_by(&server, &visitors_ref, &customer_as())
        .await
        .is_empty());
    assert!(found_by(&server, &first_ref, &other_customer_as())
        .await
        .is_empty());
    // A visitor finds nothing by a reference, their own included.
    assert_unauthenticated(
        get(
            &server,
            &format!("/support-requests?reference={visitors_ref}"),
            &As::Nobody,
        )
        .await,
    )
    .await;
    // A partner's staff still find only their own of the partner's requests.
    let partners = created_id(file(&server, &valid(), &partner_as()).await).await;
    let partners_ref = reference_of(&server, &partners, &partner_as()).await;
    let other_partner = As::Token(token(&json!({"sub": "partner-2", "role": "partner"})));
    assert!(found_by(&server, &partners_ref, &other_partner)
        .await
        .is_empty());
    // Malformed: 400 naming `reference`, for the partner too.
    let (status, body) =
        json_of(get(&server, "/support-requests?reference=SR-12a", &partner_as()).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body, one_error("reference", "invalid_value"));
}
