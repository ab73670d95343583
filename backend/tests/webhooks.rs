//! Requests reach people: every new request, reply and status change goes
//! through the outbox to a real HTTP receiver on loopback, signed, in order
//! for each request, retried until taken, once at a time across processes,
//! and surviving `kill -9`. On SQLite, and on PostgreSQL under
//! `scripts/with-postgres`.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use common::receiver::Receiver;
use common::*;
use serde_json::{json, Value};

const WEBHOOK_SECRET: &str = "the-webhook-secret-of-at-least-32-bytes!";

fn webhook_secret(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("webhook-secret");
    std::fs::write(&path, WEBHOOK_SECRET).unwrap();
    path
}

async fn set_status(
    server: &TestServer,
    id: &str,
    body: Value,
    claims: &Value,
) -> reqwest::Response {
    server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .bearer_auth(token(claims))
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn agent() -> Value {
    json!({"sub": "agent-1", "name": "Support Desk", "role": "agent"})
}

#[tokio::test]
async fn a_request_and_its_status_changes_reach_the_webhook_signed_and_in_order() {
    let hook = Receiver::start(3, Duration::ZERO).await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let url = hook.url.clone();
    let server = start_signed_with(move |config| {
        config.webhook_urls = vec![url];
        config.webhook_secret_file = Some(secret);
        config.webhook_backoff_ms = 20;
    })
    .await;
    let created = server
        .client
        .post(server.url("/support-requests"))
        .bearer_auth(token(&partner()))
        .header("Idempotency-Key", key())
        .json(&valid())
        .send()
        .await
        .unwrap();
    let (status, created) = json_of(created).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap();
    for (to, note) in [
        ("in_progress", "Looking into it"),
        // A tool on Windows ends its lines with CR LF, as a textarea does.
        ("resolved", "Fixed the invoice.\r\nThe credit note is sent."),
    ] {
        let response = set_status(&server, id, json!({"status": to, "note": note}), &agent()).await;
        let (status, stored) = json_of(response).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(stored["status"], to);
        assert_eq!(
            stored["history"].as_array().unwrap().last().unwrap()["note"],
            note
        );
    }
    let taken = hook.until_taken(3).await;
    let kinds: Vec<(&str, &str)> = taken
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap(),
                e["request"]["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("request.created", "submitted"),
            ("request.status_changed", "in_progress"),
            ("request.status_changed", "resolved"),
        ]
    );
    assert!(taken
        .iter()
        .all(|e| e["request"]["reference"] == created["reference"]));
    // `unread` is each reader's own, and a webhook is no reader.
    assert!(taken.iter().all(|e| e["request"].get("unread").is_none()));
    assert_eq!(
        taken[2]["request"]["history"][2]["note"],
        "Fixed the invoice.\r\nThe credit note is sent."
    );
    let calls = hook.calls();
    assert!(
        calls.iter().all(|c| c.signed_with(WEBHOOK_SECRET)),
        "{calls:?}"
    );
    // The refused first calls were the first event, sent again and again
    // under its one id, before any later event went.
    let first = taken[0]["id"].clone();
    assert!(
        calls[..4].iter().all(|c| c.event["id"] == first),
        "{calls:?}"
    );
}

#[tokio::test]
async fn only_agents_set_statuses() {
    let server = start_signed(false).await;
    let (_, created) = json_of(
        server
            .client
            .post(server.url("/support-requests"))
            .bearer_auth(token(&partner()))
            .header("Idempotency-Key", key())
            .json(&valid())
            .send()
            .await
            .unwrap(),
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let body = json!({"status": "closed"});
    for claims in [partner(), customer(), json!({"sub": "x", "role": "none"})] {
        let response = set_status(&server, id, body.clone(), &claims).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{claims}");
    }
    let anonymous = server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let missing = set_status(&server, &key(), body.clone(), &agent()).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let (status, errors) = json_of(
        set_status(
            &server,
            id,
            json!({"status": "done", "note": "a\u{7}b"}),
            &agent(),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors,
        json!({"errors": [{"field": "status", "code": "invalid_value"},
                          {"field": "note", "code": "control_characters"}]})
    );
    let (status, stored) = json_of(set_status(&server, id, body, &agent()).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["status"], "closed");
}

#[tokio::test]
async fn two_processes_on_one_database_never_send_one_event_at_once() {
    let hook = Receiver::start(0, Duration::from_millis(30)).await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let url = hook.url.clone();
    let configure = move |config: &mut support_backend::Config| {
        config.webhook_urls = vec![url.clone()];
        config.webhook_secret_file = Some(secret.clone());
        config.webhook_backoff_ms = 20;
    };
    let first = start_with({
        let configure = configure.clone();
        move |db| {
            let mut config = common::config(db);
            configure(&mut config);
            config
        }
    })
    .await;
    let mut second_config = common::config(first.database_url());
    configure(&mut second_config);
    second_config.attachments_dir = Some(first.attachments_dir());
    let second = support_backend::Server::bind(&second_config).await.unwrap();
    let second_base = format!("http://{}", second.local_addr());
    let second_task = tokio::spawn(second.run(std::future::pending()));
    for n in 0..12 {
        let base = if n % 2 == 0 {
            &first.base
        } else {
            &second_base
        };
        let response = first
            .client
            .post(format!("{base}/support-requests"))
            .header("Idempotency-Key", key())
            .json(&valid())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let taken = hook.until_taken(12).await;
    let seen = hook.seen.lock().unwrap();
    assert!(
        seen.overlaps.is_empty(),
        "sent at once: {:?}",
        seen.overlaps
    );
    let mut counts: HashMap<String, usize> = HashMap::new();
    for event in &taken {
        *counts
            .entry(event["id"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(counts.len(), 12);
    second_task.abort();
}

/// `kill -9` of the delivering process halfway through a call, then a
/// restart: every event arrives, and a repeat carries the same event id.
#[cfg(unix)]
#[tokio::test]
async fn delivery_survives_kill_9_and_a_restart() {
    use std::process::{Command, Stdio};

    // The first call hangs past the kill; the rest are taken.
    let hook = Receiver::start(0, Duration::from_millis(0)).await;
    let hang = Arc::new(Mutex::new(true));
    let slow = {
        let hang = hang.clone();
        let target = hook.url.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let hang = hang.clone();
                let target = target.clone();
                async move {
                    let first = std::mem::replace(&mut *hang.lock().unwrap(), false);
                    if first {
                        tokio::time::sleep(Duration::from_secs(30)).await;
                    }
                    let mut forward = reqwest::Client::new().post(target).body(body);
                    if let Some(signature) = headers.get("support-signature") {
                        forward = forward.header("support-signature", signature);
                    }
                    let status = forward
                        .send()
                        .await
                        .map(|r| r.status().as_u16())
                        .unwrap_or(502);
                    StatusCode::from_u16(status).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        url
    };
    let database = fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let start = || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args([
                "--listen",
                "127.0.0.1:0",
                "--database-url",
                &database.url,
                "--no-auth",
            ])
            .args(["--webhook-url", &slow, "--webhook-timeout-secs", "1"])
            .args(["--webhook-backoff-ms", "20"])
            .arg("--webhook-secret-file")
            .arg(&secret)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = common::process::announced(&mut child);
        (child, base)
    };
    let (mut child, base) = start();
    let client = reqwest::Client::new();
    for _ in 0..3 {
        let response = client
            .post(format!("{base}/support-requests"))
            .header("Idempotency-Key", key())
            .json(&valid())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    // Killed while the first call hangs.
    let started = Instant::now();
    while *hang.lock().unwrap() {
        assert!(started.elapsed() < Duration::from_secs(10), "no call came");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let (mut restarted, _) = start();
    let taken = hook.until_taken(3).await;
    restarted.kill().unwrap();
    restarted.wait().unwrap();
    let ids: HashSet<&str> = taken.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3);
    assert!(hook.calls().iter().all(|c| c.signed_with(WEBHOOK_SECRET)));
}

/// A receiver that refuses every call shows in the log from its first
/// refusal, with the event, the attempt, the answer and when the next
/// attempt goes: not only when the event is given up on, 72 hours later.
#[cfg(unix)]
#[tokio::test]
async fn a_refused_delivery_is_logged_at_its_first_failure() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let hook = Receiver::start(usize::MAX, Duration::ZERO).await;
    let database = fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
        .args(["--no-auth", "--webhook-url", &hook.url])
        .args(["--webhook-backoff-ms", "60000", "--webhook-secret-file"])
        .arg(&secret)
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = common::process::announced(&mut child);
    let (send, logged) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let response = reqwest::Client::new()
        .post(format!("{base}/support-requests"))
        .header("Idempotency-Key", key())
        .json(&valid())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);

    let started = Instant::now();
    let mut lines = Vec::new();
    let warning = loop {
        while let Ok(line) = logged.try_recv() {
            lines.push(line);
        }
        if let Some(line) = lines.iter().find(|l| l.contains("attempt 1 ")) {
            break line.clone();
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no failed attempt logged: {lines:#?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    child.kill().unwrap();
    child.wait().unwrap();
    let calls = hook.calls();
    let event_id = calls[0].event["id"].as_str().unwrap();
    for needle in [
        "WARN",
        &hook.url,
        event_id,
        "answered 500",
        "next attempt at 20",
    ] {
        assert!(warning.contains(needle), "{needle} not in {warning:?}");
    }
}

/// An open backend whose one webhook is `url`, signed with a secret kept in
/// `dir`, which calls a failed webhook again only after up to a minute: the
/// deliveries `support-backend deliveries` lists stay as they are.
async fn start_with_slow_retries(url: String, dir: &std::path::Path) -> TestServer {
    let secret = webhook_secret(dir);
    start_with(move |db| {
        let mut config = common::config(db);
        config.webhook_urls = vec![url];
        config.webhook_secret_file = Some(secret);
        config.webhook_backoff_ms = 60_000;
        config
    })
    .await
}

/// What `support-backend ARGS` printed for `server`'s database, once it
/// succeeded.
fn run(server: &TestServer, args: &[&str]) -> String {
    let output = common::command(server.database_url(), args);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// What `support-backend deliveries` lists once it mentions `needle`: the
/// sender records an attempt only after the receiver has answered, so a
/// test reads the list when the attempt is there, not when the call is.
async fn deliveries_once_they_mention(server: &TestServer, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let listed = run(server, &["deliveries"]);
        if listed.contains(needle) {
            return listed;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{needle:?} never listed: {listed}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn deliveries_lists_what_fails_and_sends_it_again() {
    let hook = Receiver::start(usize::MAX, Duration::ZERO).await;
    let dir = tempfile::tempdir().unwrap();
    let server = start_with_slow_retries(hook.url.clone(), dir.path()).await;
    let (_, created) = json_of(server.post_json(&key(), &valid()).await).await;
    let listed = deliveries_once_they_mention(&server, "answered 500").await;
    let run = |args: &[&str]| run(&server, args);
    let reference = created["reference"].as_str().unwrap();
    assert!(listed.contains(reference), "{listed}");
    let event_id = listed.split_whitespace().next().unwrap().to_owned();
    let calls_before = hook.calls().len();
    assert!(run(&["deliveries", "retry", &event_id]).contains("due now"));
    let started = Instant::now();
    while hook.calls().len() == calls_before {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not sent again"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A receiver that is not there at all: `deliveries` says why the call
/// failed (the connection was refused), not only that sending failed.
#[tokio::test]
async fn deliveries_say_why_a_call_could_not_be_made() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", closed.local_addr().unwrap());
    drop(closed);
    let dir = tempfile::tempdir().unwrap();
    let server = start_with_slow_retries(url, dir.path()).await;
    server.post_json(&key(), &valid()).await;
    let listed = deliveries_once_they_mention(&server, "error sending request").await;
    assert!(
        listed.to_lowercase().contains("connection refused"),
        "{listed}"
    );
}

/// An operator's `set-status` needs only the webhook URLs to write the
/// change to the outbox (a serving backend signs and sends it).
#[tokio::test]
async fn set_status_at_the_command_line_writes_the_event_for_the_webhooks() {
    let server = start().await;
    let (_, created) = json_of(server.post_json(&key(), &valid()).await).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args([
            "set-status",
            created["reference"].as_str().unwrap(),
            "in_progress",
        ])
        .args(["--database-url", server.database_url()])
        .args([
            "--webhook-url",
            "https://tickets.partner.example/hooks/support",
        ])
        .env_remove("SUPPORT_BACKEND_WEBHOOK_SECRET_FILE")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let (events,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM webhook_outbox
         WHERE event_type = 'request.status_changed' AND endpoint = 'https://tickets.partner.example/hooks/support'",
    )
    .fetch_one(&server.db)
    .await
    .unwrap();
    assert_eq!(events, 1);
}

/// A deploy's SIGTERM in the middle of a burst of uploads and requests,
/// sent as the widget sends them (the same Idempotency-Key again after a
/// failure, to whichever process answers): the stopped process exits 0
/// within its grace, every request is stored once, and each has exactly one
/// `request.created` event, delivered. A delivery under way at the signal
/// is handed back and sent by the next process at once; it would otherwise
/// wait out its claim (61 s here), past this test's patience.
#[cfg(unix)]
#[tokio::test]
async fn sigterm_during_a_burst_loses_nothing_and_doubles_nothing() {
    use std::process::{Command, Stdio};
    use std::sync::atomic::{AtomicUsize, Ordering};

    const CLIENTS: usize = 6;
    const EACH: usize = 8;
    let hook = Receiver::start(0, Duration::from_millis(300)).await;
    let database = fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let attachments = dir.path().join("attachments");
    let start = || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
            .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
            .args(["--no-auth", "--webhook-url", &hook.url])
            .args([
                "--webhook-timeout-secs",
                "30",
                "--shutdown-grace-secs",
                "10",
            ])
            .arg("--attachments-dir")
            .arg(&attachments)
            .arg("--webhook-secret-file")
            .arg(&secret)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = common::process::announced(&mut child);
        (child, base)
    };
    let (first, base) = start();
    let current = Arc::new(Mutex::new(base));
    let created = Arc::new(AtomicUsize::new(0));

    let clients =
        common::burst::file_as_the_widget(current.clone(), CLIENTS, EACH, created.clone());

    // The signal, once a quarter is filed and a delivery is under way.
    let started = Instant::now();
    while created.load(Ordering::SeqCst) < CLIENTS * EACH / 4
        || hook.seen.lock().unwrap().in_flight.is_empty()
    {
        assert!(started.elapsed() < Duration::from_secs(30), "no burst");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let pid = first.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let signalled = Instant::now();
    let mut first = first;
    let status = tokio::task::spawn_blocking(move || first.wait().unwrap())
        .await
        .unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        signalled.elapsed() < Duration::from_secs(12),
        "past its grace"
    );
    let before = created.load(Ordering::SeqCst);
    assert!(
        before < CLIENTS * EACH,
        "the burst was over before the stop"
    );

    let (second, base) = start();
    // Killed when the test ends, however it ends.
    struct Killed(std::process::Child);
    impl Drop for Killed {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let second = Killed(second);
    *current.lock().unwrap() = base;
    let mut filed = Vec::new();
    for client in clients {
        filed.extend(client.await.unwrap());
    }
    let events = hook.until_taken(CLIENTS * EACH).await;
    drop(second);

    let ids: HashSet<&str> = filed.iter().map(String::as_str).collect();
    assert_eq!(ids.len(), CLIENTS * EACH, "each request filed once");
    let pool = sqlx::AnyPool::connect(&database.url).await.unwrap();
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_requests")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, (CLIENTS * EACH) as i64, "stored once each");
    let mut events_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for event in &events {
        assert_eq!(event["type"], "request.created");
        events_of
            .entry(event["request"]["id"].as_str().unwrap())
            .or_default()
            .insert(event["id"].as_str().unwrap());
    }
    assert_eq!(events_of.keys().copied().collect::<HashSet<_>>(), ids);
    assert!(
        events_of.values().all(|events| events.len() == 1),
        "one event per request: {events_of:?}"
    );
    assert!(hook.calls().iter().all(|c| c.signed_with(WEBHOOK_SECRET)));
}

#[tokio::test]
async fn replies_reach_the_webhook_in_their_place_among_the_requests_events() {
    let hook = Receiver::start(1, Duration::ZERO).await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let url = hook.url.clone();
    let server = start_signed_with(move |config| {
        config.webhook_urls = vec![url];
        config.webhook_secret_file = Some(secret);
        config.webhook_backoff_ms = 20;
    })
    .await;
    let post = |path: String, claims: Value, body: Value| {
        let request = server
            .client
            .post(server.url(&path))
            .bearer_auth(token(&claims));
        async move {
            let response = request.header("Idempotency-Key", key()).json(&body).send();
            json_of(response.await.unwrap()).await
        }
    };
    let (status, created) = post("/support-requests".into(), partner(), valid()).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap();
    let replies = format!("/support-requests/{id}/replies");
    let question = json!({"body": "Which invoice number?"});
    assert_eq!(
        post(replies.clone(), agent(), question).await.0,
        StatusCode::CREATED
    );
    let answer = json!({"body": "INV-2026-11-0042."});
    assert_eq!(
        post(replies, partner(), answer).await.0,
        StatusCode::CREATED
    );
    let resolved = json!({"status": "resolved", "note": "Credited."});
    assert_eq!(
        set_status(&server, id, resolved, &agent()).await.status(),
        StatusCode::OK
    );

    let taken = hook.until_taken(4).await;
    let kinds: Vec<(&str, &str, &str)> = taken
        .iter()
        .map(|e| {
            let reply = &e["reply"];
            let author = reply["author"]["role"].as_str().unwrap_or("");
            (
                e["type"].as_str().unwrap(),
                reply["body"].as_str().unwrap_or(""),
                author,
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("request.created", "", ""),
            ("request.reply_added", "Which invoice number?", "agent"),
            ("request.reply_added", "INV-2026-11-0042.", "partner"),
            ("request.status_changed", "", ""),
        ]
    );
    assert_eq!(taken[2]["reply"]["author"]["name"], "Zhang Wei");
    assert!(taken.iter().all(|e| e["request"]["id"] == created["id"]));
    let calls = hook.calls();
    assert!(
        calls.iter().all(|c| c.signed_with(WEBHOOK_SECRET)),
        "{calls:?}"
    );
}

/// Replies sent at once to two requests, to a receiver that refuses the
/// first calls: each request's events arrive in the order the thread
/// stores its replies, after the request's own, and a refused event is
/// sent again before any later event of its request goes.
#[tokio::test]
async fn replies_sent_at_once_reach_the_webhook_in_the_threads_order() {
    let hook = Receiver::start(3, Duration::ZERO).await;
    let dir = tempfile::tempdir().unwrap();
    let secret = webhook_secret(dir.path());
    let url = hook.url.clone();
    let server = start_signed_with(move |config| {
        config.webhook_urls = vec![url];
        config.webhook_secret_file = Some(secret);
        config.webhook_backoff_ms = 20;
    })
    .await;
    let post = |path: String, claims: Value, body: Value| {
        let request = server
            .client
            .post(server.url(&path))
            .bearer_auth(token(&claims));
        async move {
            let response = request.header("Idempotency-Key", key()).json(&body).send();
            json_of(response.await.unwrap()).await
        }
    };
    let mut ids = Vec::new();
    for _ in 0..2 {
        let (status, created) = post("/support-requests".into(), partner(), valid()).await;
        assert_eq!(status, StatusCode::CREATED);
        ids.push(created["id"].as_str().unwrap().to_owned());
    }
    let sends = (0..8).map(|n| {
        let id = &ids[n % 2];
        let author = if n % 3 == 0 { agent() } else { partner() };
        let body = json!({"body": format!("Reply {n}.")});
        post(format!("/support-requests/{id}/replies"), author, body)
    });
    for (status, reply) in futures_util::future::join_all(sends).await {
        assert_eq!(status, StatusCode::CREATED, "{reply}");
    }

    let taken = hook.until_taken(10).await;
    let calls = hook.calls();
    assert!(
        calls.iter().all(|c| c.signed_with(WEBHOOK_SECRET)),
        "{calls:?}"
    );
    for id in &ids {
        // What each event is about: the request, or one of its replies.
        let about = |event: &Value| match event["type"].as_str().unwrap() {
            "request.created" => "created".to_owned(),
            "request.reply_added" => event["reply"]["id"].as_str().unwrap().to_owned(),
            other => panic!("unexpected {other}"),
        };
        let stored: Value = server
            .client
            .get(server.url(&format!("/support-requests/{id}")))
            .bearer_auth(token(&agent()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let replies = stored["replies"].as_array().unwrap();
        assert_eq!(replies.len(), 4);
        let mut expected = vec!["created".to_owned()];
        expected.extend(replies.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        let theirs: Vec<String> = taken
            .iter()
            .filter(|event| event["request"]["id"] == id.as_str())
            .map(about)
            .collect();
        assert_eq!(theirs, expected, "request {id}: {calls:?}");
        // Every call, refused ones too, is of the request's oldest event
        // not yet taken.
        let places: Vec<usize> = calls
            .iter()
            .filter(|call| call.event["request"]["id"] == id.as_str())
            .map(|call| {
                let about = about(&call.event);
                expected.iter().position(|e| *e == about).unwrap()
            })
            .collect();
        assert!(places.is_sorted(), "request {id}: {places:?}");
    }
    assert_eq!(calls.iter().filter(|c| c.answered == 500).count(), 3);
}
