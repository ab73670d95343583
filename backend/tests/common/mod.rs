//! What the API tests share: a fresh database for each test (SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` names a server, as under
//! `scripts/with-postgres`), a store for its uploads (a folder, or a prefix
//! of its own in the store `TEST_ATTACHMENTS_URL` names, as under
//! `scripts/with-azurite` and `scripts/with-s3`), a server on 127.0.0.1:0
//! using them, and helpers.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

pub mod burst;
pub mod events;
pub mod partners;
pub mod plans;
pub mod process;
pub mod receiver;
pub mod smtp_sink;

use std::path::PathBuf;
use std::time::Duration;

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::{AnyPool, Connection, Executor, PgConnection};
use support_backend::attachments::files::Location;
use support_backend::{Config, Server};
use tempfile::TempDir;
use uuid::Uuid;

/// The variable naming the PostgreSQL server to test on: a URL whose user
/// may create databases, such as `postgres://postgres@127.0.0.1:5433/postgres`.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// The variable naming the store to keep uploads in, such as
/// `azure://attachments` (each test gets a prefix below it).
pub const TEST_ATTACHMENTS_URL: &str = "TEST_ATTACHMENTS_URL";

pub const ALLOWED: &str = "https://portal.example.com";

/// A database no other test uses, and a store for its uploaded files.
/// SQLite files and uploads in a folder go away with the temporary folder;
/// PostgreSQL databases and stores elsewhere with the throwaway servers.
pub struct TestDatabase {
    pub url: String,
    dir: TempDir,
    attachments: Location,
}

/// The shared secret that signed-in test servers verify tokens with.
pub const SECRET: &str = "the-tests-shared-secret-of-forty-bytes!!";

/// A file holding [`SECRET`], in the database's folder.
pub fn secret_file(database: &TestDatabase) -> PathBuf {
    let path = database.dir.path().join("jwt-secret");
    std::fs::write(&path, format!("{SECRET}\n")).unwrap();
    path
}

/// An HS256 token with these claims, expiring in ten minutes unless they
/// say otherwise.
pub fn token(claims: &Value) -> String {
    let mut claims = claims.clone();
    if claims.get("exp").is_none() {
        claims["exp"] = json!(jsonwebtoken::get_current_timestamp() + 600);
    }
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

/// The claims of a partner's staff member.
pub fn partner() -> Value {
    json!({"sub": "partner-1", "name": "Zhang Wei", "email": "zhang.wei@contoso.cn", "role": "partner"})
}

/// The claims of a user of the seeded customer `beijing-cloud`.
pub fn customer() -> Value {
    json!({"sub": "customer-1", "name": "Chen Jie", "email": "chen.jie@beijing-cloud.cn",
           "role": "customer", "customer_id": "beijing-cloud"})
}

impl TestDatabase {
    /// A folder for uploaded files, when a test wants one whatever the store.
    pub fn attachments_dir(&self) -> PathBuf {
        self.dir.path().join("attachments")
    }

    /// Where the servers on this database keep uploaded files.
    pub fn attachments(&self) -> Location {
        self.attachments.clone()
    }
}

/// The store to test on, if not a folder.
pub fn attachments_store() -> Option<Location> {
    let url = std::env::var(TEST_ATTACHMENTS_URL).ok()?;
    let url = url.trim();
    (!url.is_empty()).then(|| url.parse().expect(TEST_ATTACHMENTS_URL))
}

/// The PostgreSQL server to test on, if any.
pub fn postgres_server() -> Option<String> {
    std::env::var(TEST_DATABASE_URL)
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// Makes a fresh, empty database (not migrated: the backend does that).
pub async fn fresh_database() -> TestDatabase {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let attachments = match attachments_store() {
        Some(store) => store.join(&format!("test-{}", Uuid::new_v4())),
        None => Location::Folder(dir.path().join("attachments")),
    };
    match postgres_server() {
        Some(server) => {
            let name = format!("test_{}", Uuid::new_v4().simple());
            let mut admin = PgConnection::connect(&server).await.unwrap();
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            admin.close().await.unwrap();
            let mut url = reqwest::Url::parse(&server).unwrap();
            url.set_path(&format!("/{name}"));
            TestDatabase {
                url: url.to_string(),
                dir,
                attachments,
            }
        }
        None => {
            let url = format!("sqlite://{}", dir.path().join("support.db").display());
            TestDatabase {
                url,
                dir,
                attachments,
            }
        }
    }
}

/// A running server; it stops when dropped.
pub struct TestServer {
    pub base: String,
    pub client: Client,
    pub db: AnyPool,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    _database: TestDatabase,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A server on a fresh database with the demo catalogue, without a rate
/// limit (every test posts from 127.0.0.1).
pub async fn start() -> TestServer {
    start_with(config).await
}

/// A server on a fresh database that verifies tokens signed with [`SECRET`]
/// (`anonymous_customers` lets visitors without one use a public help page).
pub async fn start_signed(anonymous_customers: bool) -> TestServer {
    start_signed_with(|config| config.anonymous_customers = anonymous_customers).await
}

/// As [`start_signed`], configured further by `configure`.
pub async fn start_signed_with(configure: impl FnOnce(&mut Config)) -> TestServer {
    let database = fresh_database().await;
    let mut config = signed_config(&database);
    configure(&mut config);
    start_on(database, config).await
}

/// The tests' configuration on `database`, verifying tokens signed with
/// [`SECRET`].
fn signed_config(database: &TestDatabase) -> Config {
    let mut config = config(&database.url);
    config.no_auth = false;
    config.jwt_secret_file = Some(secret_file(database));
    config.attachments_url = Some(database.attachments());
    config
}

/// As [`start_signed_with`], on a fresh database that `prepare` is given
/// first, migrated, by its URL (to run the operator's commands on it).
pub async fn start_signed_after(
    prepare: impl FnOnce(&str),
    configure: impl FnOnce(&mut Config),
) -> TestServer {
    let database = fresh_database().await;
    support_backend::db::connect(&database.url)
        .await
        .unwrap()
        .close()
        .await;
    prepare(&database.url);
    let mut config = signed_config(&database);
    configure(&mut config);
    start_on(database, config).await
}

/// A server on a fresh database, configured by `configure` from the
/// database's URL; uploads go to the database's store unless it says
/// otherwise.
pub async fn start_with(configure: impl FnOnce(&str) -> Config) -> TestServer {
    let database = fresh_database().await;
    let mut config = configure(&database.url);
    if config.attachments_dir.is_none() {
        config
            .attachments_url
            .get_or_insert_with(|| database.attachments());
    }
    start_on(database, config).await
}

async fn start_on(database: TestDatabase, config: Config) -> TestServer {
    let server = start_empty_on(database, config).await;
    let db = support_backend::db::connect(server.database_url())
        .await
        .unwrap();
    support_backend::catalogue::demo::seed(&db).await.unwrap();
    db.close().await;
    server
}

/// A server on a fresh database with no catalogue: no customers, services,
/// health items or articles until they are imported.
pub async fn start_empty() -> TestServer {
    let database = fresh_database().await;
    let mut config = config(&database.url);
    config.attachments_url = Some(database.attachments());
    start_empty_on(database, config).await
}

async fn start_empty_on(database: TestDatabase, config: Config) -> TestServer {
    let (base, task) = serve_with(config).await;
    let db = AnyPool::connect(&database.url).await.unwrap();
    let client = Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    TestServer {
        base,
        client,
        db,
        task,
        _database: database,
    }
}

/// Serves the API on 127.0.0.1:0 from the database at `url`, with its own
/// connection pool, as a separate backend process would. Returns the base
/// URL and the task (abort it to stop).
pub async fn serve(url: &str) -> (String, tokio::task::JoinHandle<std::io::Result<()>>) {
    serve_with(config(url)).await
}

/// The tests' configuration: loopback, a free port, no rate limit, and
/// uploads beside a SQLite database (`start_with` puts them in the test's
/// folder on PostgreSQL too).
pub fn config(url: &str) -> Config {
    Config {
        listen: "127.0.0.1:0".into(),
        database_url: url.to_owned(),
        allowed_origins: vec![ALLOWED.parse().unwrap()],
        allowed_headers: Vec::new(),
        rate_limit_per_minute: 0,
        trusted_proxies: Vec::new(),
        event_streams_per_user: support_backend::live::admission::DEFAULT_PER_USER,
        event_streams_max: None,
        attachments_url: None,
        attachments_dir: None,
        orphan_upload_hours: support_backend::config::DEFAULT_ORPHAN_UPLOAD_HOURS,
        jwt_secret_file: None,
        jwks_url: None,
        jwt_issuer: None,
        jwt_audience: None,
        no_auth: true,
        anonymous_customers: false,
        webhook_urls: Vec::new(),
        webhook_secret_file: None,
        webhook_timeout_secs: 10,
        webhook_backoff_ms: 1000,
        smtp_url: None,
        mail_from: None,
        partner_support_email: None,
        portal_url: None,
        portal_url_partner: None,
        portal_url_customer: None,
        public_url: None,
        partner_locale: Default::default(),
        mail_backoff_ms: 1000,
        mail_timeout_secs: 30,
        mail_coalesce_secs: 0,
        shutdown_grace_secs: support_backend::config::DEFAULT_SHUTDOWN_GRACE_SECS,
        log_format: support_backend::config::LogFormat::Text,
        metrics_listen: None,
    }
}

async fn serve_with(config: Config) -> (String, tokio::task::JoinHandle<std::io::Result<()>>) {
    let server = bind(&config).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    (base, tokio::spawn(server.run(std::future::pending())))
}

/// [`Server::bind`] with `config`, on PostgreSQL as [`RUNTIME_ROLE`]
/// ([`runtime_url`]): for the tests that start a server of their own.
pub async fn bind(config: &Config) -> Result<Server, support_backend::StartError> {
    let mut config = config.clone();
    config.database_url = runtime_url(&config.database_url).await;
    Server::bind(&config).await
}

/// The URL to serve the database at `url` as, or to run a command on it
/// with: on PostgreSQL, as [`RUNTIME_ROLE`] ([`as_runtime_role`]); on
/// SQLite, `url` itself.
pub async fn runtime_url(url: &str) -> String {
    as_runtime_role(url).await.unwrap_or_else(|| url.to_owned())
}

/// The role a server runs as on PostgreSQL, as docs/partners.md says to
/// run it: it owns no table, so row-level security binds it.
pub const RUNTIME_ROLE: &str = "support_app";

/// On PostgreSQL, migrates the database at `owner_url` as the tables' owner
/// (the test server's superuser), lets [`RUNTIME_ROLE`] use it as
/// `support-backend migrate --grant-to` does, and returns the URL to serve
/// it as that role: every PostgreSQL test then runs under row-level
/// security, as a deployment does. `None` on SQLite.
pub async fn as_runtime_role(owner_url: &str) -> Option<String> {
    if !owner_url.starts_with("postgres") {
        return None;
    }
    let db = support_backend::db::connect(owner_url).await.unwrap();
    // Tests create the role at once, each in its database: one wins.
    sqlx::raw_sql(&format!(
        "DO $$ BEGIN CREATE ROLE {RUNTIME_ROLE} LOGIN;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    ))
    .execute(db.pool())
    .await
    .unwrap();
    support_backend::db::grant_to(&db, RUNTIME_ROLE)
        .await
        .unwrap();
    // A superuser or a role with BYPASSRLS passes row-level security: a
    // setup that made the role one would let every test pass unbound.
    let (superuser, bypasses): (bool, bool) =
        sqlx::query_as("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1")
            .bind(RUNTIME_ROLE)
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert!(
        !superuser && !bypasses,
        "{RUNTIME_ROLE} passes row-level security (superuser: {superuser}, \
         BYPASSRLS: {bypasses}): the tests would not be bound by it"
    );
    db.close().await;
    let mut url = reqwest::Url::parse(owner_url).unwrap();
    url.set_username(RUNTIME_ROLE).unwrap();
    url.set_password(None).unwrap();
    Some(url.to_string())
}

impl TestServer {
    /// The URL of this server's database, to serve it from a second server.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    /// The folder of [`TestDatabase::attachments_dir`].
    pub fn attachments_dir(&self) -> PathBuf {
        self._database.attachments_dir()
    }

    /// Where this server keeps uploaded files.
    pub fn attachments(&self) -> Location {
        self._database.attachments()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn post(&self, key: Option<&str>, body: impl Into<reqwest::Body>) -> Response {
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

    pub async fn post_json(&self, key: &str, body: &Value) -> Response {
        self.post(Some(key), serde_json::to_vec(body).unwrap())
            .await
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// The CORS preflight a browser on `origin` sends before a POST to
    /// `path` with the request headers `headers` (comma-separated).
    pub async fn preflight(&self, path: &str, origin: &str, headers: &str) -> Response {
        self.client
            .request(reqwest::Method::OPTIONS, self.url(path))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", headers)
            .send()
            .await
            .unwrap()
    }

    /// `GET /support-requests/{id}`, read as `T` (a `StoredRequest`, or a
    /// `Value` to look at the JSON itself).
    pub async fn stored<T: serde::de::DeserializeOwned>(&self, id: &str) -> T {
        self.get(&format!("/support-requests/{id}"))
            .await
            .json()
            .await
            .unwrap()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.db)
            .await
            .unwrap();
        count
    }
}

/// Posts `body` with `key` to `base` until the answer is not a 409 for a
/// key in flight, waiting as `Retry-After` says in between, as a client
/// should. Returns the final status, body and whether it was a replay, and
/// how many 409s came first.
pub async fn post_until_settled(
    client: &Client,
    base: &str,
    key: &str,
    body: &Value,
) -> (StatusCode, Value, bool, usize) {
    let mut conflicts = 0;
    loop {
        let response = client
            .post(format!("{base}/support-requests"))
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await
            .unwrap();
        let replayed = response.headers().contains_key("idempotent-replayed");
        if response.status() != StatusCode::CONFLICT {
            let (status, json) = json_of(response).await;
            return (status, json, replayed, conflicts);
        }
        assert_eq!(response.headers()["retry-after"], "1");
        let (_, json) = json_of(response).await;
        assert_eq!(
            json,
            one_error("Idempotency-Key", "idempotency_key_in_flight")
        );
        conflicts += 1;
        assert!(conflicts < 30, "still in flight after {conflicts} tries");
        // Retry-After says one second; a tenth keeps the tests quick and
        // still lets the first request finish.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs the backend's binary with `args` on the database at `database_url`
/// (and none from the environment), as an operator runs a command. On
/// PostgreSQL a URL of the test server's own user (the tables' owner) is
/// served as [`RUNTIME_ROLE`], as a deployment runs its commands, except
/// for `migrate`, which is the owner's; a URL of another role is used as
/// it is.
pub fn command(database_url: &str, args: &[&str]) -> std::process::Output {
    let database_url = if args.first() == Some(&"migrate") {
        database_url.to_owned()
    } else {
        command_url(database_url)
    };
    std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(args)
        .args(["--database-url", &database_url])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap()
}

/// The URL [`command`] runs a command with: [`runtime_url`] when
/// `database_url` is the test server's own user's, else `database_url`.
/// Each database is granted once, however many commands run on it at once.
fn command_url(database_url: &str) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    let Some(server) = postgres_server() else {
        return database_url.to_owned();
    };
    let user = |url: &str| reqwest::Url::parse(url).map(|url| url.username().to_owned());
    if !database_url.starts_with("postgres") || user(database_url).ok() != user(&server).ok() {
        return database_url.to_owned();
    }
    static GRANTED: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let mut granted = GRANTED.get_or_init(Mutex::default).lock().unwrap();
    if let Some(runtime) = granted.get(database_url) {
        return runtime.clone();
    }
    // The caller may be inside a test's runtime, which a blocking call
    // there must not stop: the grant runs on a thread of its own.
    let owner = database_url.to_owned();
    let runtime = std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(runtime_url(&owner))
    })
    .join()
    .unwrap();
    granted.insert(database_url.to_owned(), runtime.clone());
    runtime
}

pub fn key() -> String {
    Uuid::new_v4().to_string()
}

/// A valid Partner Center request.
pub fn valid() -> Value {
    json!({
        "kind": "partner_center",
        "category": "billing",
        "title": "Invoice total is wrong",
        "description": "The November invoice counts one licence twice.",
        "contact": {"name": "Li Na", "email": "li.na@contoso.cn", "language": "zh-CN"},
        "locale": "zh-CN"
    })
}

/// A valid request on behalf of a seeded customer, about a seeded service.
pub fn valid_for_customer() -> Value {
    json!({
        "kind": "customer",
        "customer": {"id": "beijing-cloud", "name": "北京云计算有限公司"},
        "service": "azure",
        "escalation": {"reason": "unavailable_service", "health_checked": true, "troubleshooting": ["configuration"]},
        "severity": "critical",
        "title": "虚拟机无法启动",
        "description": "客户的三台虚拟机自今天早上起无法启动。",
        "contact": {"name": "王芳", "email": "wang.fang@contoso.cn", "language": "zh-CN"},
        "locale": "zh-CN"
    })
}

/// Files `body` as the user of `claims`, under a new key: the 201's body.
pub async fn file_as(server: &TestServer, claims: &Value, body: &Value) -> Value {
    file_with(server, Some(claims), body).await
}

/// Files `body` under a new key, as the user of `claims`, or with no token
/// (a visitor of a public help page): the 201's body.
pub async fn file_with(server: &TestServer, claims: Option<&Value>, body: &Value) -> Value {
    let mut request = server
        .client
        .post(server.url("/support-requests"))
        .header("Idempotency-Key", key())
        .json(body);
    if let Some(claims) = claims {
        request = request.bearer_auth(token(claims));
    }
    let response = request.send().await.unwrap();
    let (status, created) = json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

pub async fn json_of(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.unwrap())
}

pub fn one_error(field: &str, code: &str) -> Value {
    json!({"errors": [{"field": field, "code": code}]})
}
