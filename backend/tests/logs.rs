//! The log an operator searches: the binary run in both formats at every
//! level (`RUST_LOG=trace`), through requests that carry tokens, e-mail
//! addresses, titles, descriptions, a note and a file, a refused token, and
//! webhook calls signed with the secret. Every request is logged once with
//! its id, and no line holds any of those.

#![cfg(unix)]

mod common;

use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::process::{announced, Running};
use common::{partner, token, valid};
use reqwest::StatusCode;
use serde_json::{json, Value};

const WEBHOOK_SECRET: &str = "the-webhook-secret-that-must-never-be-logged";
const DESCRIPTION: &str = "The December invoice lists a licence we cancelled.";
const TITLE: &str = "Cancelled licence still billed";
const NOTE: &str = "Refund issued under case 4711, see the portal";
const CONTACT_EMAIL: &str = "li.na@contoso.cn";
const FILE_TEXT: &str = "secret-ish log line of the customer";

/// A webhook receiver that takes every call; returns its URL and the count.
async fn receiver() -> (String, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let counted = counted.clone();
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, calls)
}

/// Runs the binary with `--log-format format` through the requests, stops
/// it, and returns its log and the tokens it was sent.
async fn a_logged_run(format: &str) -> (String, Vec<String>) {
    let database = common::fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let jwt_secret = common::secret_file(&database);
    let webhook_secret = dir.path().join("webhook-secret");
    std::fs::write(&webhook_secret, WEBHOOK_SECRET).unwrap();
    let log_path = dir.path().join("stderr.log");
    let (hook, calls) = receiver().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
        .arg("--jwt-secret-file")
        .arg(&jwt_secret)
        .args(["--webhook-url", &hook, "--webhook-secret-file"])
        .arg(&webhook_secret)
        .arg("--attachments-dir")
        .arg(dir.path().join("attachments"))
        .args(["--log-format", format])
        .env("RUST_LOG", "trace")
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let base = announced(&mut child);
    let backend = Running::new(child);
    let client = reqwest::Client::new();
    let filer = token(&partner());
    let agent = token(&json!({"sub": "agent-1", "role": "agent", "email": "desk@contoso.cn"}));
    let forged = format!("{}x", &filer[..filer.len() - 1]);

    let upload = client
        .post(format!("{base}/attachments?name=invoice-notes.txt"))
        .bearer_auth(&filer)
        .header("content-type", "text/plain")
        .body(FILE_TEXT)
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), StatusCode::CREATED);
    let attachment: Value = upload.json().await.unwrap();
    let mut body = valid();
    body["title"] = json!(TITLE);
    body["description"] = json!(DESCRIPTION);
    body["contact"]["email"] = json!(CONTACT_EMAIL);
    body["attachments"] = json!([attachment["id"]]);
    let created = client
        .post(format!("{base}/support-requests"))
        .bearer_auth(&filer)
        .header("Idempotency-Key", common::key())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let made = created.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(uuid::Uuid::parse_str(&made).is_ok(), "{made}");
    let id = created.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = client
        .post(format!("{base}/support-requests/{id}/status"))
        .bearer_auth(&agent)
        .json(&json!({"status": "in_progress", "note": NOTE}))
        .send()
        .await
        .unwrap();
    assert_eq!(status.status(), StatusCode::OK);
    let read = client
        .get(format!("{base}/support-requests/{id}"))
        .bearer_auth(&filer)
        .header("X-Request-Id", "proxy-id-4711")
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    assert_eq!(read.headers()["x-request-id"], "proxy-id-4711");
    let refused = client
        .get(format!("{base}/support-requests"))
        .bearer_auth(&forged)
        .header("X-Request-Id", "not a usable id")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_ne!(refused.headers()["x-request-id"], "not a usable id");
    let download = client
        .get(format!(
            "{base}/attachments/{}",
            attachment["id"].as_str().unwrap()
        ))
        .bearer_auth(&filer)
        .send()
        .await
        .unwrap();
    assert_eq!(download.text().await.unwrap(), FILE_TEXT);

    let deadline = Instant::now() + Duration::from_secs(20);
    while calls.load(Ordering::SeqCst) < 2 {
        assert!(Instant::now() < deadline, "the webhook calls never came");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(backend.stop("TERM").success());
    let log = std::fs::read_to_string(&log_path).unwrap();
    (log, vec![filer, agent, forged])
}

/// What no line may hold: the tokens (and their signatures alone), the
/// secrets, the e-mail addresses and the request's texts.
fn assert_nothing_secret(log: &str, tokens: &[String]) {
    let mut forbidden: Vec<String> = tokens.to_vec();
    forbidden.extend(
        tokens
            .iter()
            .map(|token| token.rsplit('.').next().unwrap().to_owned()),
    );
    forbidden.extend(
        [
            common::SECRET,
            WEBHOOK_SECRET,
            CONTACT_EMAIL,
            "zhang.wei@contoso.cn",
            "desk@contoso.cn",
            TITLE,
            DESCRIPTION,
            NOTE,
            FILE_TEXT,
        ]
        .map(str::to_owned),
    );
    for (n, line) in log.lines().enumerate() {
        for needle in &forbidden {
            assert!(
                !line.contains(needle.as_str()),
                "line {n} holds {needle:?}: {line}"
            );
        }
    }
}

#[tokio::test]
async fn the_json_log_has_each_request_with_its_id_and_no_secrets() {
    let (log, tokens) = a_logged_run("json").await;
    assert!(log.lines().count() > 20, "{log}");
    let lines: Vec<Value> = log
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    assert!(
        lines.iter().any(|line| line["level"] == "TRACE"),
        "every level is logged"
    );
    let served: Vec<&Value> = lines
        .iter()
        .filter(|line| line["fields"]["message"] == "served")
        .collect();
    assert_eq!(served.len(), 6, "one line per request: {served:#?}");
    let read = served
        .iter()
        .find(|line| line["span"]["request_id"] == "proxy-id-4711")
        .unwrap_or_else(|| panic!("{served:#?}"));
    assert_eq!(read["fields"]["method"], "GET");
    assert_eq!(read["fields"]["route"], "/support-requests/{id}");
    assert_eq!(read["fields"]["status"], 200);
    assert!(read["fields"]["duration_ms"].as_f64().unwrap() > 0.0);
    assert_eq!(read["fields"]["client"], "127.0.0.1");
    assert!(served.iter().any(|line| line["fields"]["status"] == 401));
    assert_nothing_secret(&log, &tokens);
}

#[tokio::test]
async fn the_text_log_has_each_request_with_its_id_and_no_secrets() {
    let (log, tokens) = a_logged_run("text").await;
    assert!(!log.contains('\u{1b}'), "no colour in a file");
    let served: Vec<&str> = log
        .lines()
        .filter(|line| line.contains(" served "))
        .collect();
    assert_eq!(served.len(), 6, "one line per request: {served:#?}");
    let read = served
        .iter()
        .find(|line| line.contains("request_id=proxy-id-4711"))
        .unwrap_or_else(|| panic!("{served:#?}"));
    for needle in [
        "method=GET",
        "route=/support-requests/{id}",
        "status=200",
        "duration_ms=",
    ] {
        assert!(read.contains(needle), "{needle} not in {read}");
    }
    assert_nothing_secret(&log, &tokens);
}
