//! Two partners on one backend never meet. Each partner's tokens are
//! signed with its own key (`support-backend partners add`), and the
//! backend knows the partner from the key. Every route of `openapi.yaml`
//! is called by one partner's users with the other partner's ids: each
//! answers as for an id that does not exist (404), lists and streams hold
//! none of the other's, and nothing of the other's changes. A route added
//! to `openapi.yaml` fails this test until it is given its probe below.

mod common;

use common::events::{self, Next};
use common::partners::{Partner, ALPHA, BETA};
use common::{json_of, key, TestServer};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// The first bytes of a PNG: enough for an upload to be one.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn staff(sub: &str) -> Value {
    json!({"sub": sub, "name": "Staff", "email": "staff@partner.example", "role": "partner"})
}

fn agent() -> Value {
    json!({"sub": "agent", "name": "Agent", "role": "agent"})
}

fn admin() -> Value {
    json!({"sub": "admin", "name": "Admin", "role": "admin"})
}

fn customer(sub: &str, customer_id: &str) -> Value {
    json!({"sub": sub, "name": "Customer", "email": "user@customer.example",
           "role": "customer", "customer_id": customer_id})
}

/// A server whose operator signs with the tests' secret and has a webhook,
/// serving alpha and beta too; the folder holds the partners' secrets.
async fn two_partners() -> (TestServer, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let webhook_secret = folder.path().join("webhook.key");
    std::fs::write(&webhook_secret, "the-operators-webhook-secret-of-40-bytes").unwrap();
    let server = common::start_signed_after(
        |url| {
            ALPHA.add(url, folder.path(), &[]);
            BETA.add(url, folder.path(), &[]);
        },
        |config| {
            // Nothing listens there: deliveries stay in the outbox.
            config.webhook_urls = vec!["http://127.0.0.1:9/hooks".into()];
            config.webhook_secret_file = Some(webhook_secret);
        },
    )
    .await;
    (server, folder)
}

async fn send(
    server: &TestServer,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = server
        .client
        .request(method, server.url(path))
        .bearer_auth(token)
        .header("Idempotency-Key", key());
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// What one partner has: a customer, the customer's message with a file and
/// a reply, and the partner's own request.
struct Theirs {
    customer: String,
    message: String,
    reference: String,
    request: String,
    file: String,
}

/// Imports `line` as the catalogue of `kind` with `token`: the answer's status.
async fn put_catalogue(server: &TestServer, token: &str, kind: &str, line: &Value) -> StatusCode {
    let response = server
        .client
        .put(server.url(&format!("/catalogue/{kind}")))
        .bearer_auth(token)
        .header("Content-Type", "application/x-ndjson")
        .body(format!("{line}\n"))
        .send()
        .await
        .unwrap();
    response.status()
}

/// What `GET /unread` answers `token`: whether it verifies, as a token
/// of a partner's.
async fn verifies(server: &TestServer, token: &str) -> StatusCode {
    send(server, token, Method::GET, "/unread", None).await.0
}

/// Resolves the request `id` with `token`: the answer.
async fn resolve(server: &TestServer, token: &str, id: &str) -> (StatusCode, Value) {
    let path = format!("/support-requests/{id}/status");
    let resolved = Some(json!({"status": "resolved"}));
    send(server, token, Method::POST, &path, resolved).await
}

/// Uploads a PNG named `name` with `token`: the file's id.
async fn upload_png(server: &TestServer, token: &str, name: &str) -> String {
    let upload = server
        .client
        .post(server.url(&format!("/attachments?name={name}")))
        .bearer_auth(token)
        .header("Content-Type", "image/png")
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap();
    let (status, file) = json_of(upload).await;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    file["id"].as_str().unwrap().to_owned()
}

/// Makes `partner`'s data, as its users would.
async fn data_of(server: &TestServer, partner: &Partner) -> Theirs {
    let customer_id = format!("{}-customer", partner.id);
    let line = json!({"id": customer_id, "name": "Customer Ltd", "domain": "customer.example"});
    let status = put_catalogue(server, &partner.token(&admin()), "customers", &line).await;
    assert_eq!(status, StatusCode::OK);
    let user = partner.token(&customer(&format!("{}-user", partner.id), &customer_id));
    let file = upload_png(server, &user, "screenshot.png").await;
    let body = json!({
        "kind": "customer_self_service",
        "title": "Nobody can sign in",
        "description": "Since this morning every user is refused.",
        "contact": {"name": "User", "email": "user@customer.example"},
        "attachments": [file],
    });
    let (status, message) =
        send(server, &user, Method::POST, "/support-requests", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{message}");
    let staff = partner.staff_token();
    let id = message["id"].as_str().unwrap().to_owned();
    let reply = json!({"body": "We are looking into it."});
    let path = format!("/support-requests/{id}/replies");
    let (status, answer) = send(server, &staff, Method::POST, &path, Some(reply)).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let (status, own) = send(
        server,
        &staff,
        Method::POST,
        "/support-requests",
        Some(common::valid()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{own}");
    Theirs {
        customer: customer_id,
        reference: message["reference"].as_str().unwrap().to_owned(),
        message: id,
        request: own["id"].as_str().unwrap().to_owned(),
        file,
    }
}

/// Everything `partner`'s staff reads of `theirs`, to compare before and
/// after the other partner's calls.
async fn read_all(server: &TestServer, partner: &Partner, theirs: &Theirs) -> Vec<Value> {
    let staff = partner.staff_token();
    let mut read = Vec::new();
    for id in [&theirs.message, &theirs.request] {
        let (status, mut request) = send(
            server,
            &staff,
            Method::GET,
            &format!("/support-requests/{id}"),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        request["unread"] = Value::Null;
        read.push(request);
    }
    let (status, customer) = send(
        server,
        &staff,
        Method::GET,
        &format!("/customers/{}", theirs.customer),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    read.push(customer);
    read
}

/// The calls one route gets from the other partner's users, with the ids of
/// `theirs`: each `(token's claims, method, path, body)`.
fn probes(
    method: &str,
    path: &str,
    theirs: &Theirs,
) -> Vec<(Value, Method, String, Option<Value>)> {
    let requests = [&theirs.message, &theirs.request];
    // Each as the users who may call the route at all: for anyone else it
    // answers 403 whatever the id.
    let on_requests = |suffix: &str, body: Option<Value>, who: Vec<Value>| {
        let mut calls = Vec::new();
        for claims in who {
            for id in requests {
                let path = format!("/support-requests/{id}{suffix}");
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                calls.push((claims.clone(), method, path, body.clone()));
            }
        }
        calls
    };
    let everyone = || vec![staff("beta-staff"), customer("beta-user", "beta-customer")];
    match (method, path) {
        ("get", "/support-requests/{id}") => on_requests("", None, everyone()),
        ("post", "/support-requests/{id}/status") => {
            let body = Some(json!({"status": "resolved"}));
            on_requests("/status", body, vec![staff("beta-staff")])
        }
        ("post", "/support-requests/{id}/replies") => {
            let body = Some(json!({"body": "Hello from the other partner."}));
            on_requests("/replies", body, everyone())
        }
        ("post", "/support-requests/{id}/seen") => on_requests("/seen", None, everyone()),
        ("get", "/attachments/{id}") => {
            [staff("beta-staff"), customer("beta-user", "beta-customer")]
                .into_iter()
                .map(|claims| {
                    (
                        claims,
                        Method::GET,
                        format!("/attachments/{}", theirs.file),
                        None,
                    )
                })
                .collect()
        }
        ("get", "/customers/{id}") => vec![(
            staff("beta-staff"),
            Method::GET,
            format!("/customers/{}", theirs.customer),
            None,
        )],
        _ => Vec::new(),
    }
}

/// The routes whose answers are checked as lists below, or that hold no
/// partner's data.
const LISTS_AND_SHARED: [(&str, &str); 12] = [
    ("post", "/support-requests"),
    ("get", "/support-requests"),
    ("get", "/unread"),
    ("get", "/events"),
    ("post", "/attachments"),
    ("put", "/catalogue/{kind}"),
    ("get", "/catalogue/{kind}"),
    ("get", "/customers"),
    ("get", "/services"),
    ("get", "/service-health"),
    ("get", "/articles"),
    ("get", "/healthz"),
];

#[tokio::test]
async fn another_partners_ids_answer_404_and_change_nothing_on_every_route() {
    let (server, _folder) = two_partners().await;
    let alpha = data_of(&server, &ALPHA).await;
    data_of(&server, &BETA).await;
    let before = read_all(&server, &ALPHA, &alpha).await;

    let spec: Value = serde_norway::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml")).unwrap(),
    )
    .unwrap();
    let mut probed = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if !METHODS.contains(&method.as_str()) || path == "/readyz" {
                continue;
            }
            let calls = probes(method, path, &alpha);
            let listed = LISTS_AND_SHARED.contains(&(method.as_str(), path.as_str()));
            assert!(
                listed || !calls.is_empty(),
                "{method} {path}: no probe with another partner's ids; add one to `probes`"
            );
            for (claims, method, path, body) in calls {
                let (status, answer) =
                    send(&server, &BETA.token(&claims), method.clone(), &path, body).await;
                assert_eq!(
                    (status, &answer["errors"][0]["code"]),
                    (StatusCode::NOT_FOUND, &json!("not_found")),
                    "{method} {path} as {claims}: {answer}"
                );
                probed += 1;
            }
        }
    }
    // Six routes take an id: 17 calls, as the users who may call each.
    assert!(probed >= 17, "{probed} calls");

    // The lists hold none of alpha's.
    let staff = BETA.staff_token();
    for query in [
        "kind=customer_self_service",
        "kind=partner_center",
        "filed_by=me",
        &format!("reference={}", alpha.reference),
    ] {
        let (status, list) = send(
            &server,
            &staff,
            Method::GET,
            &format!("/support-requests?{query}"),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{query}: {list}");
        let ids: Vec<&str> = (list["requests"].as_array().unwrap().iter())
            .map(|request| request["id"].as_str().unwrap())
            .collect();
        assert!(
            !ids.contains(&alpha.message.as_str()) && !ids.contains(&alpha.request.as_str()),
            "{query}: {list}"
        );
    }
    let (_, unread) = send(&server, &staff, Method::GET, "/unread", None).await;
    assert!(!unread.to_string().contains(&alpha.message), "{unread}");
    let (_, customers) = send(&server, &staff, Method::GET, "/customers?query=", None).await;
    assert!(
        !customers.to_string().contains(&alpha.customer),
        "{customers}"
    );
    let (_, exported) = send(
        &server,
        &BETA.token(&admin()),
        Method::GET,
        "/catalogue/customers",
        None,
    )
    .await;
    assert!(
        !exported.to_string().contains(&alpha.customer),
        "{exported}"
    );

    // Nothing of alpha's changed.
    assert_eq!(read_all(&server, &ALPHA, &alpha).await, before);
}

#[tokio::test]
async fn what_every_partner_shares_is_the_operators_alone() {
    let (server, _folder) = two_partners().await;
    // The catalogue every partner reads: a partner's admin changes its own
    // customers only.
    let service =
        json!({"id": "azure", "name": "Azure", "admin_center_url": "https://phish.example/"});
    let status = put_catalogue(&server, &BETA.token(&admin()), "services", &service).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, services) = send(
        &server,
        &common::token(&admin()),
        Method::GET,
        "/services",
        None,
    )
    .await;
    assert!(!services.to_string().contains("phish"), "{services}");
    // An agent works for 21Vianet's desk: a partner's key makes none.
    let agent = BETA.token(&agent());
    let (status, _) = send(
        &server,
        &agent,
        Method::GET,
        "/support-requests?kind=partner_center",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The webhooks and mail of the flags are the default partner's: a
    // partner's requests do not reach them.
    data_of(&server, &ALPHA).await;
    let operator = common::token(&common::partner());
    let (status, _) = send(
        &server,
        &operator,
        Method::POST,
        "/support-requests",
        Some(common::valid()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let outbox: Vec<(String, i64)> = sqlx::query_as(
        "SELECT partner_id, COUNT(*) FROM webhook_outbox GROUP BY partner_id ORDER BY partner_id",
    )
    .fetch_all(&server.db)
    .await
    .unwrap();
    assert_eq!(outbox, [("default".to_owned(), 1)]);
}

#[tokio::test]
async fn a_stream_replays_and_hears_its_own_partners_events_only() {
    let (server, _folder) = two_partners().await;
    let alpha = data_of(&server, &ALPHA).await;
    let agent = BETA.staff_token();
    // From the first event on: alpha's came first, and none may come.
    let mut stream =
        events::Stream::of(events::request(&server.url(""), Some(&agent), Some("0")).await);
    let beta = data_of(&server, &BETA).await;
    let mut heard = Vec::new();
    while heard.len() < 4 {
        let event = stream.event().await;
        heard.push(event.data["id"].as_str().unwrap().to_owned());
    }
    assert!(
        heard
            .iter()
            .all(|id| *id == beta.message || *id == beta.request),
        "{heard:?}"
    );
    assert!(!heard.contains(&alpha.message) && !heard.contains(&alpha.request));
    // And live: alpha's next event reaches no beta stream, beta's does.
    for (partner, message) in [(&ALPHA, &alpha.message), (&BETA, &beta.message)] {
        let (status, _) = resolve(&server, &partner.staff_token(), message).await;
        assert_eq!(status, StatusCode::OK);
    }
    match stream.next(std::time::Duration::from_secs(10)).await {
        Next::Event(event) => assert_eq!(event.data["id"], json!(beta.message)),
        other => panic!("no event: {other:?}"),
    }
}

#[tokio::test]
async fn a_token_is_the_partners_whose_key_verifies_it() {
    let (server, _folder) = two_partners().await;
    let claims = staff("someone");
    // Alpha's issuer with beta's key: refused, never tried with beta's.
    let forged = Partner {
        secret: BETA.secret,
        ..ALPHA
    }
    .token(&claims);
    assert_eq!(verifies(&server, &forged).await, StatusCode::UNAUTHORIZED);
    // A partner_id claim must name the key's partner.
    let mut naming = claims.clone();
    for (named, verified) in [
        ("beta", StatusCode::UNAUTHORIZED),
        ("alpha", StatusCode::OK),
    ] {
        naming["partner_id"] = json!(named);
        let token = ALPHA.token(&naming);
        assert_eq!(verifies(&server, &token).await, verified, "{named}");
    }
    // The operator's key still verifies the operator's tokens.
    let token = common::token(&claims);
    assert_eq!(verifies(&server, &token).await, StatusCode::OK);
}

#[tokio::test]
async fn a_partner_disabled_while_the_backend_runs_is_refused_soon_after() {
    let (server, _folder) = two_partners().await;
    let token = ALPHA.staff_token();
    assert_eq!(verifies(&server, &token).await, StatusCode::OK);
    let output = common::command(server.database_url(), &["partners", "disable", "alpha"]);
    assert!(output.status.success(), "{output:?}");
    // The partners are read again at the first token after this long.
    tokio::time::sleep(support_backend::identity::issuers::READ_AGAIN_AFTER).await;
    assert_eq!(verifies(&server, &token).await, StatusCode::UNAUTHORIZED);
    // Nor is a token naming alpha's issuer that the operator's key signs
    // (a provider whose keys several issuers share).
    let mut claims = staff("alpha-staff");
    claims["iss"] = json!(ALPHA.issuer);
    let token = common::token(&claims);
    assert_eq!(verifies(&server, &token).await, StatusCode::UNAUTHORIZED);
    // Beta's tokens still verify.
    let token = BETA.staff_token();
    assert_eq!(verifies(&server, &token).await, StatusCode::OK);
}

/// 21Vianet's desk, the operator's agents, works on every partner's
/// requests to 21Vianet (Partner Center requests and escalations), and on
/// nothing else of theirs: their customers' messages to them and those
/// messages' files answer 404, as for another partner.
#[tokio::test]
async fn the_desk_works_on_every_partners_requests_to_21vianet_only() {
    let (server, _folder) = two_partners().await;
    let alpha = data_of(&server, &ALPHA).await;
    let alpha_staff = ALPHA.staff_token();
    let file = upload_png(&server, &alpha_staff, "trace.png").await;
    let mut body = common::valid_for_customer();
    body["customer"] = json!({"id": alpha.customer, "name": "Customer Ltd"});
    body["attachments"] = json!([file]);
    let (status, escalation) = send(
        &server,
        &alpha_staff,
        Method::POST,
        "/support-requests",
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{escalation}");
    let id = escalation["id"].as_str().unwrap();
    let reference = escalation["reference"].as_str().unwrap();

    let desk = common::token(&agent());
    let listed = |kind: &str| {
        let (server, desk) = (&server, &desk);
        let path = format!("/support-requests?kind={kind}");
        async move {
            let (status, list) = send(server, desk, Method::GET, &path, None).await;
            assert_eq!(status, StatusCode::OK, "{list}");
            list["requests"]
                .as_array()
                .unwrap()
                .iter()
                .map(|request| request["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(listed("customer").await, [id]);
    assert_eq!(listed("partner_center").await, [alpha.request.as_str()]);
    assert_eq!(listed("customer_self_service").await, Vec::<String>::new());

    let get = |path: String| {
        let (server, desk) = (&server, &desk);
        async move { send(server, desk, Method::GET, &path, None).await }
    };
    assert_eq!(
        get(format!("/support-requests/{id}")).await.0,
        StatusCode::OK
    );
    assert_eq!(get(format!("/attachments/{file}")).await.0, StatusCode::OK);
    let (status, found) = get(format!("/support-requests?reference={reference}")).await;
    assert_eq!(
        (status, found["requests"][0]["id"].as_str()),
        (StatusCode::OK, Some(id))
    );
    // Alpha's customer's message is alpha's to answer, not the desk's.
    let message = &alpha.message;
    assert_eq!(
        get(format!("/support-requests/{message}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(format!("/attachments/{}", alpha.file)).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, found) = get(format!("/support-requests?reference={}", alpha.reference)).await;
    assert_eq!(found["requests"], json!([]));
    let path = format!("/support-requests/{message}/replies");
    let reply = Some(json!({"body": "From the desk."}));
    let (status, _) = send(&server, &desk, Method::POST, &path, reply).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The desk answers, with a file, and resolves the escalation; alpha
    // reads all three.
    let fix = upload_png(&server, &desk, "fix.png").await;
    let path = format!("/support-requests/{id}/replies");
    let reply = Some(json!({"body": "Fixed on our side.", "attachments": [fix]}));
    let (status, answer) = send(&server, &desk, Method::POST, &path, reply).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let path = format!("/attachments/{fix}");
    let (status, _) = send(&server, &alpha_staff, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, moved) = resolve(&server, &desk, id).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let path = format!("/support-requests/{id}");
    let (status, read) = send(&server, &alpha_staff, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["status"], "resolved");
    assert!(read.to_string().contains("Fixed on our side."), "{read}");
    // Beta still finds nothing of it.
    let beta_staff = BETA.staff_token();
    let (status, _) = send(&server, &beta_staff, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// The desk's stream carries every partner's requests to 21Vianet, live
/// and replayed, and none of their customers' messages to them.
#[tokio::test]
async fn the_desk_hears_every_partners_requests_to_21vianet_only() {
    let (server, _folder) = two_partners().await;
    let alpha = data_of(&server, &ALPHA).await;
    let desk = common::token(&agent());
    // Replayed from the first event: alpha's own request, not the message.
    let mut stream =
        events::Stream::of(events::request(&server.url(""), Some(&desk), Some("0")).await);
    let event = stream.event().await;
    assert_eq!(event.data["id"], json!(alpha.request));
    // Live: beta's customer's message and its status change pass the desk
    // by; beta's own request reaches it.
    let beta = data_of(&server, &BETA).await;
    match stream.next(std::time::Duration::from_secs(10)).await {
        Next::Event(event) => assert_eq!(event.data["id"], json!(beta.request)),
        other => panic!("no event: {other:?}"),
    }
    let beta_staff = BETA.staff_token();
    let (status, _) = resolve(&server, &beta_staff, &beta.message).await;
    assert_eq!(status, StatusCode::OK);
    let (status, own) = send(
        &server,
        &beta_staff,
        Method::POST,
        "/support-requests",
        Some(common::valid()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    match stream.next(std::time::Duration::from_secs(10)).await {
        Next::Event(event) => assert_eq!(event.data["id"], own["id"]),
        other => panic!("no event: {other:?}"),
    }
}

/// The desk is known in a partner's rows as the operator's, never as a
/// user of that partner's who has the same `sub`: its reply on an
/// escalation is news to the partner's staff member who filed it.
#[tokio::test]
async fn the_desk_never_passes_for_a_partners_user_of_the_same_sub() {
    let (server, _folder) = two_partners().await;
    let alpha = data_of(&server, &ALPHA).await;
    let alpha_staff = ALPHA.staff_token();
    // The desk's agent has the sub of alpha's staff member.
    let desk = common::token(&json!({"sub": "alpha-staff", "name": "Agent", "role": "agent"}));
    let unread = |token: String| {
        let server = &server;
        async move {
            let (status, unread) = send(server, &token, Method::GET, "/unread", None).await;
            assert_eq!(status, StatusCode::OK, "{unread}");
            (unread["requests"].as_array().unwrap().iter())
                .map(|request| request["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let path = format!("/support-requests/{}/seen", alpha.request);
    let (status, _) = send(&server, &alpha_staff, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(!unread(alpha_staff.clone()).await.contains(&alpha.request));

    let path = format!("/support-requests/{}/replies", alpha.request);
    let reply = Some(json!({"body": "From the desk."}));
    let (status, answer) = send(&server, &desk, Method::POST, &path, reply).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert!(unread(alpha_staff.clone()).await.contains(&alpha.request));
    // And the desk's seen mark is its own, not alpha's staff member's.
    let path = format!("/support-requests/{}/seen", alpha.request);
    let (status, _) = send(&server, &desk, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(unread(alpha_staff).await.contains(&alpha.request));
}
