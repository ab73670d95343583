//! Each partner's own settings take effect: its events reach its own
//! webhooks, signed with its own secret, its mail goes to and from its own
//! support address, in its own language, linking its own portal, and only
//! its own pages' origins read its users' answers (CORS), and its clients
//! are counted under its own rate limit, apart from every other partner's;
//! no other partner's (the `default` partner's are the flags'). On SQLite,
//! and on PostgreSQL under `scripts/with-postgres`.

mod common;

use std::path::Path;
use std::time::Duration;

use axum::http::StatusCode;
use common::partners::{Partner, ALPHA, BETA};
use common::receiver::{Call, Receiver};
use common::smtp_sink::Sink;
use common::{file_as, TestServer};
use serde_json::{json, Value};

/// The flags' webhook secret: the `default` partner's.
const OPERATOR_WEBHOOK_SECRET: &str = "the-operators-webhook-secret-of-40-bytes";

/// The references of the requests `calls` tell of.
fn references(calls: &[Call]) -> Vec<String> {
    calls
        .iter()
        .map(|call| {
            call.event["request"]["reference"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn each_partners_events_reach_its_own_webhook_signed_with_its_own_secret() {
    let (alpha_hook, beta_hook, operator_hook) = (
        Receiver::start(0, Duration::ZERO).await,
        Receiver::start(0, Duration::ZERO).await,
        Receiver::start(0, Duration::ZERO).await,
    );
    let folder = tempfile::tempdir().unwrap();
    let operator_secret = folder.path().join("operator-webhook.key");
    std::fs::write(&operator_secret, OPERATOR_WEBHOOK_SECRET).unwrap();
    let server = common::start_signed_after(
        |url| {
            ALPHA.add_with_webhook(url, folder.path(), &alpha_hook.url);
            BETA.add_with_webhook(url, folder.path(), &beta_hook.url);
        },
        |config| {
            config.webhook_urls = vec![operator_hook.url.clone()];
            config.webhook_secret_file = Some(operator_secret);
            config.webhook_backoff_ms = 20;
        },
    )
    .await;
    let alpha = ALPHA.files(&server).await;
    let beta = BETA.files(&server).await;
    let default = file_as(&server, &common::partner(), &common::valid()).await;
    let default = default["reference"].as_str().unwrap().to_owned();

    let alpha_calls = alpha_hook.until(1).await;
    let beta_calls = beta_hook.until(1).await;
    let operator_calls = operator_hook.until(1).await;
    assert_eq!(references(&alpha_calls), [alpha]);
    assert_eq!(references(&beta_calls), [beta]);
    assert_eq!(references(&operator_calls), [default]);
    for call in &alpha_calls {
        assert!(call.signed_with(ALPHA.webhook_secret), "{call:?}");
        assert!(!call.signed_with(BETA.webhook_secret));
        assert!(!call.signed_with(OPERATOR_WEBHOOK_SECRET));
    }
    for call in &beta_calls {
        assert!(call.signed_with(BETA.webhook_secret), "{call:?}");
        assert!(!call.signed_with(ALPHA.webhook_secret));
    }
    for call in &operator_calls {
        assert!(call.signed_with(OPERATOR_WEBHOOK_SECRET), "{call:?}");
    }

    // Every delivery was written for its own partner's webhook alone, so
    // none goes elsewhere later.
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT partner_id, endpoint FROM webhook_outbox ORDER BY seq")
            .fetch_all(&server.db)
            .await
            .unwrap();
    assert_eq!(
        rows,
        [
            ("alpha".to_owned(), alpha_hook.url.clone()),
            ("beta".to_owned(), beta_hook.url.clone()),
            ("default".to_owned(), operator_hook.url.clone()),
        ]
    );
}

/// A partner without webhooks has no deliveries written, and another
/// partner's webhook secret replaced is signed with from then on.
#[tokio::test]
async fn a_partner_without_webhooks_is_told_nothing_and_a_new_secret_signs_at_once() {
    let beta_hook = Receiver::start(0, Duration::ZERO).await;
    let folder = tempfile::tempdir().unwrap();
    let server = common::start_signed_after(
        |url| {
            ALPHA.add(url, folder.path(), &[]);
            BETA.add_with_webhook(url, folder.path(), &beta_hook.url);
        },
        |config| config.webhook_backoff_ms = 20,
    )
    .await;
    ALPHA.files(&server).await;
    BETA.files(&server).await;
    let first = beta_hook.until(1).await;
    assert!(first[0].signed_with(BETA.webhook_secret));
    let rows: Vec<(String,)> = sqlx::query_as("SELECT partner_id FROM webhook_outbox")
        .fetch_all(&server.db)
        .await
        .unwrap();
    assert_eq!(rows, [("beta".to_owned(),)]);

    let replaced = "beta-rotated-its-webhook-secret-to-this-one";
    std::fs::write(folder.path().join("beta-webhook.key"), replaced).unwrap();
    BETA.files(&server).await;
    let calls = beta_hook.until(2).await;
    assert!(calls[1].signed_with(replaced), "{:?}", calls[1]);
}

/// A partner's mail settings, and what its users write.
struct Mailed {
    partner: &'static Partner,
    support: &'static str,
    locale: &'static str,
    /// Its staff's page of a request, with `{id}`.
    staff_page: &'static str,
    /// Its customers' page of a request, with `{reference}`.
    customer_page: &'static str,
    /// The address its customer gives as their contact.
    contact: &'static str,
}

const ALPHA_MAIL: Mailed = Mailed {
    partner: &ALPHA,
    support: "support@alpha.example",
    locale: "zh-TW",
    staff_page: "https://portal.alpha.example/requests/{id}",
    customer_page: "https://help.alpha.example/my/{reference}",
    contact: "user@alpha-customer.example",
};

const BETA_MAIL: Mailed = Mailed {
    partner: &BETA,
    support: "help@beta.example",
    locale: "es-ES",
    staff_page: "https://portal.beta.example/r/{id}",
    customer_page: "https://soporte.beta.example/{reference}",
    contact: "user@beta-customer.example",
};

/// The flags' mail settings: the `default` partner's.
const OPERATOR_SUPPORT: &str = "support@operator.example";
const OPERATOR_PORTAL: &str = "https://portal.operator.example/{reference}";

impl Mailed {
    /// Adds the partner with its mail settings.
    fn add(&self, url: &str, folder: &Path) {
        let more = [
            "--support-email",
            self.support,
            "--locale",
            self.locale,
            "--portal-url-partner",
            self.staff_page,
            "--portal-url-customer",
            self.customer_page,
        ];
        self.partner.add(url, folder, &more);
    }

    /// The partner's customer writes, and its staff answer: the message's
    /// id and reference.
    async fn write_and_answer(&self, server: &TestServer) -> (String, String) {
        let partner = self.partner;
        let customer_id = format!("{}-customer", partner.id);
        let line = json!({"id": customer_id, "name": "Customer Ltd", "domain": "customer.example"});
        let admin = json!({"sub": "admin", "name": "Admin", "role": "admin"});
        let imported = server
            .client
            .put(server.url("/catalogue/customers"))
            .bearer_auth(partner.token(&admin))
            .header("Content-Type", "application/x-ndjson")
            .body(format!("{line}\n"))
            .send()
            .await
            .unwrap();
        assert_eq!(imported.status(), StatusCode::OK);
        let customer = json!({"sub": format!("{}-user", partner.id), "name": "User",
            "email": self.contact, "role": "customer", "customer_id": customer_id});
        let message = json!({
            "kind": "customer_self_service",
            "title": "Nobody can sign in",
            "description": "Since this morning every user is refused.",
            "contact": {"name": "User", "email": self.contact, "language": "en-US"},
        });
        let created = server
            .client
            .post(server.url("/support-requests"))
            .bearer_auth(partner.token(&customer))
            .header("Idempotency-Key", common::key())
            .json(&message)
            .send()
            .await
            .unwrap();
        let (status, created) = common::json_of(created).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let answered = server
            .client
            .post(server.url(&format!("/support-requests/{id}/replies")))
            .bearer_auth(partner.staff_token())
            .header("Idempotency-Key", common::key())
            .json(&json!({"body": "We are looking into it."}))
            .send()
            .await
            .unwrap();
        assert_eq!(answered.status(), StatusCode::CREATED);
        (id, created["reference"].as_str().unwrap().to_owned())
    }

    /// The partner's two mails among `mails`, about the message `id`
    /// (`reference`): the customer's message to its support address, in its
    /// language with its staff's page, and its answer to the customer with
    /// its customers' page, both from its support address.
    fn check(&self, mails: &[Value], id: &str, reference: &str) {
        let to = |address: &str| {
            let found: Vec<&Value> = (mails.iter())
                .filter(|mail| mail["rcpt"] == json!([address]))
                .collect();
            assert_eq!(found.len(), 1, "{address}: {mails:#?}");
            found[0]
        };
        let sender = format!("{} <{}>", self.partner.name, self.support);
        let to_staff = to(self.support);
        assert_eq!(to_staff["from"], sender, "{to_staff:#}");
        let html = to_staff["html"].as_str().unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{}\">", self.locale)),
            "{html}"
        );
        let staff_page = self.staff_page.replace("{id}", id);
        assert!(
            to_staff["text"].as_str().unwrap().contains(&staff_page),
            "{to_staff:#}"
        );
        let to_customer = to(self.contact);
        assert_eq!(to_customer["from"], sender, "{to_customer:#}");
        let customer_page = self.customer_page.replace("{reference}", reference);
        let text = to_customer["text"].as_str().unwrap();
        assert!(text.contains(&customer_page), "{to_customer:#}");
    }
}

#[tokio::test]
async fn each_partners_mail_goes_to_and_from_its_own_addresses_in_its_language() {
    let sink = Sink::start(&[]);
    let folder = tempfile::tempdir().unwrap();
    let server = common::start_signed_after(
        |url| {
            ALPHA_MAIL.add(url, folder.path());
            BETA_MAIL.add(url, folder.path());
        },
        |config| {
            config.smtp_url = Some(sink.url());
            config.mail_from = Some("Operator Support <mail@operator.example>".into());
            config.partner_support_email = Some(OPERATOR_SUPPORT.into());
            config.portal_url = Some(OPERATOR_PORTAL.into());
            config.mail_backoff_ms = 100;
        },
    )
    .await;
    let (alpha_id, alpha_reference) = ALPHA_MAIL.write_and_answer(&server).await;
    let (beta_id, beta_reference) = BETA_MAIL.write_and_answer(&server).await;
    let mails = sink.until(4).await;
    assert_eq!(mails.len(), 4, "{mails:#?}");
    ALPHA_MAIL.check(&mails, &alpha_id, &alpha_reference);
    BETA_MAIL.check(&mails, &beta_id, &beta_reference);
    // Nothing of theirs reaches the flags' address, or names the flags'
    // portal or sender.
    for mail in &mails {
        assert_ne!(mail["rcpt"], json!([OPERATOR_SUPPORT]), "{mail:#}");
        let said = mail.to_string();
        assert!(!said.contains("portal.operator.example"), "{mail:#}");
        assert!(!said.contains("Operator Support"), "{mail:#}");
    }

    // The default partner's mail is still the flags'.
    let default = json!({"sub": "default-user", "name": "User", "email": "u@default.example",
        "role": "customer", "customer_id": "beijing-cloud"});
    let message = json!({
        "kind": "customer_self_service",
        "title": "Nobody can sign in",
        "description": "Since this morning every user is refused.",
        "contact": {"name": "User", "email": "u@default.example", "language": "en-US"},
    });
    file_as(&server, &default, &message).await;
    let mails = sink.until(5).await;
    assert_eq!(
        mails[4]["rcpt"],
        json!([OPERATOR_SUPPORT]),
        "{:#}",
        mails[4]
    );
    assert_eq!(mails[4]["from"], "Operator Support <mail@operator.example>");
}

/// The origin a browser page at `origin` may read the answer from, as the
/// backend answers `GET /support-requests` with `token` (or none).
async fn allowed_origin(server: &TestServer, origin: &str, token: Option<&str>) -> Option<String> {
    let mut request = server
        .client
        .get(server.url("/support-requests"))
        .header("Origin", origin);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    allowed_in(&response)
}

fn allowed_in(response: &reqwest::Response) -> Option<String> {
    (response.headers().get("access-control-allow-origin"))
        .map(|value| value.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn each_partners_pages_read_its_own_users_answers_only() {
    const ALPHA_PAGE: &str = "https://portal.alpha.example";
    const BETA_PAGE: &str = "https://portal.beta.example";
    const FLAGS_PAGE: &str = common::ALLOWED;
    let folder = tempfile::tempdir().unwrap();
    let server = common::start_signed_after(
        |url| {
            ALPHA.add(url, folder.path(), &["--allowed-origin", ALPHA_PAGE]);
            BETA.add(url, folder.path(), &["--allowed-origin", BETA_PAGE]);
        },
        |_| {},
    )
    .await;

    // A preflight carries no token: every partner's pages, and the flags',
    // may ask; no other page.
    for page in [ALPHA_PAGE, BETA_PAGE, FLAGS_PAGE] {
        let answer = server
            .preflight("/support-requests", page, "authorization")
            .await;
        assert_eq!(allowed_in(&answer).as_deref(), Some(page));
    }
    let answer =
        (server.preflight("/support-requests", "https://evil.example", "authorization")).await;
    assert_eq!(allowed_in(&answer), None);

    // The answer to a partner's user is read by that partner's pages alone.
    let alpha = ALPHA.staff_token();
    let beta = BETA.staff_token();
    let operator = common::token(&common::partner());
    assert_eq!(
        allowed_origin(&server, ALPHA_PAGE, Some(&alpha))
            .await
            .as_deref(),
        Some(ALPHA_PAGE)
    );
    assert_eq!(allowed_origin(&server, BETA_PAGE, Some(&alpha)).await, None);
    assert_eq!(
        allowed_origin(&server, FLAGS_PAGE, Some(&alpha)).await,
        None
    );
    assert_eq!(
        allowed_origin(&server, BETA_PAGE, Some(&beta))
            .await
            .as_deref(),
        Some(BETA_PAGE)
    );
    assert_eq!(allowed_origin(&server, ALPHA_PAGE, Some(&beta)).await, None);
    // The default partner's are the flags'; so is a call without a token,
    // unless a partner's page makes it (below).
    assert_eq!(
        allowed_origin(&server, FLAGS_PAGE, Some(&operator))
            .await
            .as_deref(),
        Some(FLAGS_PAGE)
    );
    assert_eq!(
        allowed_origin(&server, ALPHA_PAGE, Some(&operator)).await,
        None
    );
    // Without a token, a partner's page is that partner's visitor's.
    assert_eq!(
        allowed_origin(&server, ALPHA_PAGE, None).await.as_deref(),
        Some(ALPHA_PAGE)
    );
    assert_eq!(
        allowed_origin(&server, FLAGS_PAGE, None).await.as_deref(),
        Some(FLAGS_PAGE)
    );
}

/// Files a request with `token` (under a new key): the answer's status.
async fn file_status(server: &TestServer, token: &str) -> StatusCode {
    let response = server
        .client
        .post(server.url("/support-requests"))
        .bearer_auth(token)
        .header("Idempotency-Key", common::key())
        .json(&common::valid())
        .send()
        .await
        .unwrap();
    response.status()
}

/// Every client here is 127.0.0.1: one client of each partner.
#[tokio::test]
async fn a_noisy_partners_clients_use_up_its_own_limit_alone() {
    let folder = tempfile::tempdir().unwrap();
    let server = common::start_signed_after(
        |url| {
            ALPHA.add(url, folder.path(), &["--rate-limit-per-minute", "2"]);
            BETA.add(url, folder.path(), &[]);
        },
        |config| config.rate_limit_per_minute = 3,
    )
    .await;
    let alpha = ALPHA.staff_token();
    let beta = BETA.staff_token();
    let operator = common::token(&common::partner());
    // Alpha's limit is its own: 2, then 429.
    for _ in 0..2 {
        assert_eq!(file_status(&server, &alpha).await, StatusCode::CREATED);
    }
    assert_eq!(
        file_status(&server, &alpha).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Beta (the flags' limit, having none of its own) and the default
    // partner each have theirs whole, and alpha's stays used up.
    for token in [&beta, &operator] {
        for _ in 0..3 {
            assert_eq!(file_status(&server, token).await, StatusCode::CREATED);
        }
        assert_eq!(
            file_status(&server, token).await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_eq!(
        file_status(&server, &alpha).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// A visitor without a token (`--anonymous-customers`) is the partner's
/// whose page they are on: their message reaches that partner's inbox, not
/// the default partner's, and the page may read the answer.
#[tokio::test]
async fn a_visitor_files_to_the_partner_of_the_page_they_are_on() {
    const ALPHA_PAGE: &str = "https://portal.alpha.example";
    let folder = tempfile::tempdir().unwrap();
    let server = common::start_signed_after(
        |url| ALPHA.add(url, folder.path(), &["--allowed-origin", ALPHA_PAGE]),
        |config| config.anonymous_customers = true,
    )
    .await;
    let message = |title: &str| {
        json!({
            "kind": "customer_self_service",
            "title": title,
            "description": "Since this morning every user is refused.",
            "contact": {"name": "Visitor", "email": "visitor@customer.example"},
        })
    };
    let on_alphas_page = server
        .client
        .post(server.url("/support-requests"))
        .header("Origin", ALPHA_PAGE)
        .header("Idempotency-Key", common::key())
        .json(&message("From alpha's page"))
        .send()
        .await
        .unwrap();
    assert_eq!(allowed_in(&on_alphas_page).as_deref(), Some(ALPHA_PAGE));
    let (status, alphas) = common::json_of(on_alphas_page).await;
    assert_eq!(status, StatusCode::CREATED, "{alphas}");
    let elsewhere = server
        .client
        .post(server.url("/support-requests"))
        .header("Idempotency-Key", common::key())
        .json(&message("From nowhere in particular"))
        .send()
        .await
        .unwrap();
    let (status, defaults) = common::json_of(elsewhere).await;
    assert_eq!(status, StatusCode::CREATED, "{defaults}");

    let inbox = |token: String| {
        let server = &server;
        async move {
            let response = server
                .client
                .get(server.url("/support-requests?kind=customer_self_service"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap();
            let (status, list) = common::json_of(response).await;
            assert_eq!(status, StatusCode::OK, "{list}");
            (list["requests"].as_array().unwrap().iter())
                .map(|request| request["id"].clone())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(inbox(ALPHA.staff_token()).await, [alphas["id"].clone()]);
    assert_eq!(
        inbox(common::token(&common::partner())).await,
        [defaults["id"].clone()]
    );
}
