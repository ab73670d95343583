//! The API over real loopback HTTP: a server on 127.0.0.1:0 with a fresh
//! SQLite file, spoken to with reqwest, checked against the database.

use std::time::Duration;

use reqwest::{Client, Method, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::SqlitePool;
use support_backend::{Config, Server};
use support_contract::{CreatedRequest, NewSupportRequest, StoredRequest};
use tempfile::TempDir;
use uuid::Uuid;

const ALLOWED: &str = "https://portal.example.com";

/// A running server; it stops when dropped.
struct TestServer {
    base: String,
    client: Client,
    db: SqlitePool,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    _dir: TempDir,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn start() -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("support.db").display());
    let config = Config {
        listen: "127.0.0.1:0".into(),
        database_url: url.clone(),
        allowed_origins: vec![ALLOWED.parse().unwrap()],
    };
    let server = Server::bind(&config).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let task = tokio::spawn(server.run(std::future::pending()));
    let db = SqlitePool::connect(&url).await.unwrap();
    let client = Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    TestServer {
        base,
        client,
        db,
        task,
        _dir: dir,
    }
}

impl TestServer {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn post(&self, key: Option<&str>, body: impl Into<reqwest::Body>) -> Response {
        let mut request = self
            .client
            .post(self.url("/support-requests"))
            .header("content-type", "application/json")
            .body(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send().await.unwrap()
    }

    async fn post_json(&self, key: &str, body: &Value) -> Response {
        self.post(Some(key), serde_json::to_vec(body).unwrap())
            .await
    }

    async fn count(&self, table: &str) -> i64 {
        let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.db)
            .await
            .unwrap();
        count
    }
}

fn key() -> String {
    Uuid::new_v4().to_string()
}

fn valid() -> Value {
    json!({
        "kind": "partner_center",
        "category": "billing",
        "title": "Invoice total is wrong",
        "description": "The November invoice counts one licence twice.",
        "contact": {"name": "Li Na", "email": "li.na@contoso.cn", "language": "zh-CN"},
        "locale": "zh-CN"
    })
}

async fn json_of(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.unwrap())
}

fn one_error(field: &str, code: &str) -> Value {
    json!({"errors": [{"field": field, "code": code}]})
}

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
         FROM support_requests WHERE id = ?",
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

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_posts_with_one_key_create_one_request() {
    let server = std::sync::Arc::new(start().await);
    let key = key();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let server = server.clone();
            let key = key.clone();
            tokio::spawn(async move {
                let response = server.post_json(&key, &valid()).await;
                let replayed = response.headers().contains_key("idempotent-replayed");
                let (status, body) = json_of(response).await;
                (status, body, replayed)
            })
        })
        .collect();
    let mut ids = Vec::new();
    let mut replays = 0;
    for task in tasks {
        let (status, body, replayed) = task.await.unwrap();
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

#[tokio::test]
async fn cors_allows_only_the_configured_origin() {
    let server = start().await;
    let preflight = |origin: &'static str| {
        server
            .client
            .request(Method::OPTIONS, server.url("/support-requests"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type,idempotency-key",
            )
            .send()
    };
    let allowed = preflight(ALLOWED).await.unwrap();
    assert!(allowed.status().is_success());
    let headers = allowed.headers();
    assert_eq!(headers["access-control-allow-origin"], ALLOWED);
    let allow_headers = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allow_headers.contains("idempotency-key"), "{allow_headers}");
    assert!(allow_headers.contains("content-type"), "{allow_headers}");
    let methods = headers["access-control-allow-methods"].to_str().unwrap();
    assert!(
        methods.contains("POST") && methods.contains("GET"),
        "{methods}"
    );

    let other = preflight("https://evil.example.com").await.unwrap();
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
            "customer": {"id": "c-42", "name": "北京云计算有限公司"},
            "service": "exchange-online",
            "escalation": {"reason": "regional_issue", "health_checked": true, "troubleshooting": ["重新启动客户端", "检查 DNS"]},
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
            sqlx::query_as("SELECT title, contact_name FROM support_requests WHERE id = ?")
                .bind(&created.id)
                .fetch_one(&server.db)
                .await
                .unwrap();
        assert_eq!(title, body["title"].as_str().unwrap());
        assert_eq!(name, body["contact"]["name"].as_str().unwrap());
    }
}

#[test]
fn help_documents_every_flag_and_its_environment_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .arg("--help")
        .env_remove("DATABASE_URL")
        .env_remove("SUPPORT_BACKEND_LISTEN")
        .env_remove("SUPPORT_BACKEND_ALLOWED_ORIGINS")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "--listen",
        "SUPPORT_BACKEND_LISTEN",
        "127.0.0.1:8787",
        "--database-url",
        "DATABASE_URL",
        "sqlite://support-widget.db",
        "--allowed-origin",
        "SUPPORT_BACKEND_ALLOWED_ORIGINS",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}

/// The binary prints its one line, serves, and exits cleanly on SIGTERM.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_announces_itself_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url"])
        .arg(format!("sqlite://{}", db.display()))
        .env(
            "SUPPORT_BACKEND_ALLOWED_ORIGINS",
            "https://a.example.com, https://b.example.com",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let base = line
        .trim_end()
        .strip_prefix("support-backend listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    assert!(db.exists(), "the database file is created");

    let response = reqwest::Client::new()
        .get(format!("{base}/support-requests/{}", key()))
        .header("Origin", "https://b.example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://b.example.com"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
