//! Debian's nginx, with the configuration of `backend/deploy/nginx.conf`,
//! in front of two backend processes on one database (PostgreSQL under
//! `scripts/with-postgres`), each trusting the proxy (`--trusted-proxy`):
//! the rate limit counts two clients a load balancer forwarded for apart,
//! ignores what a client that is no proxy writes in `X-Forwarded-For`, and
//! `X-Request-Id` passes through; the live stream passes unbuffered and
//! uncompressed; and SIGTERM (or, for comparison,
//! `kill -9`) to one backend during a burst loses and doubles nothing.
//! Runs under `scripts/with-nginx`, which names the binary in `NGINX_BIN`;
//! without it the tests say so and pass.

#![cfg(unix)]

mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::process::{announced, free_port, Running};
use reqwest::StatusCode;
use serde_json::Value;

const CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/nginx.conf");

/// A backend process on `database_url`, trusting the proxy on 127.0.0.1,
/// logging JSON to `log`, with `args` besides.
fn backend(database_url: &str, attachments: &Path, log: &Path, args: &[&str]) -> (Running, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", database_url])
        .args([
            "--no-auth",
            "--trusted-proxy",
            "127.0.0.1",
            "--log-format",
            "json",
        ])
        .args(args)
        .arg("--attachments-dir")
        .arg(attachments)
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap();
    let address = announced(&mut child);
    let port = (address.rsplit(':').next())
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("{address:?}"));
    (Running::new(child), port)
}

/// The configuration with this run's ports and folder: each change must
/// find exactly the text it replaces, so that the file and the test stay
/// one.
fn configured(listen: u16, backends: [u16; 2], dir: &Path) -> String {
    let mut text = std::fs::read_to_string(CONFIG).unwrap();
    let changes = [
        (
            "listen 127.0.0.1:8080;",
            format!("listen 127.0.0.1:{listen};"),
        ),
        (
            "server 127.0.0.1:8787 ",
            format!("server 127.0.0.1:{} ", backends[0]),
        ),
        (
            "server 127.0.0.1:8788 ",
            format!("server 127.0.0.1:{} ", backends[1]),
        ),
        ("/var/log/nginx/", format!("{}/", dir.display())),
    ];
    for (from, to) in changes {
        assert_eq!(text.matches(from).count(), 1, "{from} in {CONFIG}");
        text = text.replace(from, &to);
    }
    text
}

/// nginx in front of the backends on `ports`, answering; its URL.
async fn start_nginx(nginx: &str, dir: &Path, ports: [u16; 2]) -> (Running, String) {
    let listen = free_port();
    let config = dir.join("nginx.conf");
    std::fs::write(&config, configured(listen, ports, dir)).unwrap();
    let proxy = Running::new(
        Command::new(nginx)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-c")
            .arg(&config)
            .arg("-g")
            .arg(format!("daemon off; pid {}/nginx.pid;", dir.display()))
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{listen}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while reqwest::get(format!("{base}/readyz")).await.is_err() {
        assert!(Instant::now() < deadline, "nginx never answered");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (proxy, base)
}

/// Posts with `X-Forwarded-For` from `forwarded_for(n)` until the first
/// 429; returns how many were created before it (at most `up_to`).
async fn created_before_429(
    client: &reqwest::Client,
    base: &str,
    forwarded_for: impl Fn(usize) -> String,
    up_to: usize,
) -> usize {
    for n in 0..up_to {
        let response = client
            .post(format!("{base}/support-requests"))
            .header("Idempotency-Key", common::key())
            .header("X-Forwarded-For", forwarded_for(n))
            .json(&common::valid())
            .send()
            .await
            .unwrap();
        match response.status() {
            StatusCode::CREATED => {}
            StatusCode::TOO_MANY_REQUESTS => return n,
            other => panic!("{other}: {}", response.text().await.unwrap()),
        }
    }
    up_to
}

#[tokio::test]
async fn nginx_in_front_of_two_backends_passes_the_client_and_the_request_id() {
    let Ok(nginx) = std::env::var("NGINX_BIN") else {
        eprintln!("no NGINX_BIN: run under scripts/with-nginx");
        return;
    };
    let database = common::fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let attachments = dir.path().join("attachments");
    let logs = [
        dir.path().join("backend-1.log"),
        dir.path().join("backend-2.log"),
    ];
    // The first migrates; the second then finds the database ready.
    let limit = ["--rate-limit-per-minute", "2"];
    let (first, first_port) = backend(&database.url, &attachments, &logs[0], &limit);
    let (second, second_port) = backend(&database.url, &attachments, &logs[1], &limit);
    let (proxy, base) = start_nginx(&nginx, dir.path(), [first_port, second_port]).await;

    // A load balancer on 127.0.0.1 forwards for two clients: each may file
    // two on each backend (nginx takes turns), and they are counted apart.
    let edge = reqwest::Client::new();
    let from = |client: &'static str| move |_| format!("192.0.2.66, {client}");
    assert_eq!(
        created_before_429(&edge, &base, from("198.51.100.1"), 8).await,
        4
    );
    assert_eq!(
        created_before_429(&edge, &base, from("198.51.100.2"), 8).await,
        4
    );
    // A client on 127.0.0.2, no proxy, writes a new address every time:
    // it is still one client.
    let spoofer = reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
        .build()
        .unwrap();
    let spoofed = |n| format!("203.0.113.{n}");
    assert_eq!(created_before_429(&spoofer, &base, spoofed, 8).await, 4);

    // The balancer's request id reaches the backend and comes back; without
    // one, nginx's own (32 hex digits) does.
    let response = edge
        .get(format!("{base}/services"))
        .header("X-Request-Id", "edge-4711")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-request-id"], "edge-4711");
    let response = edge.get(format!("{base}/services")).send().await.unwrap();
    let made = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        made.len() == 32 && made.chars().all(|c| c.is_ascii_hexdigit()),
        "{made}"
    );

    drop(proxy);
    drop((first, second));
    // Both backends served, and logged the clients the proxy forwarded for,
    // never a spoofed one; nginx logged the same request id.
    let mut clients = std::collections::HashSet::new();
    for log in &logs {
        let text = std::fs::read_to_string(log).unwrap();
        let served: Vec<Value> = text
            .lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|line| line["fields"]["message"] == "served")
            .collect();
        assert!(served.len() >= 6, "{}: {text}", log.display());
        clients.extend(
            served
                .iter()
                .map(|line| line["fields"]["client"].to_string()),
        );
    }
    let expected = [
        "\"198.51.100.1\"",
        "\"198.51.100.2\"",
        "\"127.0.0.2\"",
        "\"127.0.0.1\"",
    ];
    assert_eq!(clients, expected.map(str::to_owned).into_iter().collect());
    let access = std::fs::read_to_string(dir.path().join("support-backend.log")).unwrap();
    assert!(access.contains("request_id=edge-4711"), "{access}");
}

/// The live stream through nginx: an event filed on either backend
/// arrives as it happens, which it would not if nginx buffered the stream
/// (a few hundred bytes wait for kilobytes of keep-alives), and nothing
/// compresses it, whatever the reader accepts.
#[tokio::test]
async fn the_live_stream_passes_nginx_as_it_comes_and_uncompressed() {
    let Ok(nginx) = std::env::var("NGINX_BIN") else {
        eprintln!("no NGINX_BIN: run under scripts/with-nginx");
        return;
    };
    let database = common::fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let attachments = dir.path().join("attachments");
    let (_first, first_port) = backend(&database.url, &attachments, &dir.path().join("1.log"), &[]);
    let (_second, second_port) =
        backend(&database.url, &attachments, &dir.path().join("2.log"), &[]);
    let (_proxy, base) = start_nginx(&nginx, dir.path(), [first_port, second_port]).await;

    let response = common::events::client()
        .get(format!("{base}/events"))
        .header("Accept", "text/event-stream")
        .header("Accept-Encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers().get("content-encoding"), None);
    let mut stream = common::events::Stream::of(response);
    let client = reqwest::Client::new();
    for _ in 0..2 {
        // nginx takes turns: one of them on each backend.
        let response = client
            .post(format!("{base}/support-requests"))
            .header("Idempotency-Key", common::key())
            .json(&common::valid())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let filed: Value = response.json().await.unwrap();
        let heard = stream.event().await;
        assert_eq!(
            (heard.event.as_str(), &heard.data["id"]),
            ("request.created", &filed["id"])
        );
    }
}

/// A deploy's SIGTERM to one of the two backends behind nginx in the
/// middle of a burst of uploads and requests sent as the widget sends them:
/// the stopped backend exits 0, nginx sends what it refuses to the other,
/// every request is stored once, and each has exactly one `request.created`
/// event, delivered (by the backend still running, for the deliveries the
/// stopped one handed back).
#[tokio::test]
async fn sigterm_to_one_backend_behind_nginx_loses_nothing_and_doubles_nothing() {
    stop_one_of_two_during_a_burst("TERM").await;
}

/// The same with `kill -9`, for comparison: the killed backend's requests
/// in flight fail, and the widget sends them again to the other, which
/// answers 409 for a key the killed one had claimed until the claim may be
/// taken over (30 s: this test takes that long, the clean stop's a few
/// seconds); its deliveries under way go out again once their claim lapses
/// (5 s here), under the same event ids.
#[tokio::test]
async fn kill_9_to_one_backend_behind_nginx_loses_nothing_and_doubles_nothing() {
    stop_one_of_two_during_a_burst("KILL").await;
}

async fn stop_one_of_two_during_a_burst(signal: &str) {
    use std::collections::{HashMap, HashSet};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    const CLIENTS: usize = 6;
    const EACH: usize = 8;
    let Ok(nginx) = std::env::var("NGINX_BIN") else {
        eprintln!("no NGINX_BIN: run under scripts/with-nginx");
        return;
    };
    // The webhook receiver: each event's id and its request's, slowly, so
    // that deliveries are under way when the signal comes.
    let events = Arc::new(Mutex::new(Vec::<(String, String)>::new()));
    let seen = events.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: axum::body::Bytes| {
            let seen = seen.clone();
            async move {
                tokio::time::sleep(Duration::from_millis(200)).await;
                let event: Value = serde_json::from_slice(&body).unwrap();
                let ids = (
                    event["id"].as_str().unwrap().to_owned(),
                    event["request"]["id"].as_str().unwrap().to_owned(),
                );
                seen.lock().unwrap().push(ids);
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let database = common::fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("webhook-secret");
    std::fs::write(&secret, "the-webhook-secret-of-at-least-32-bytes!").unwrap();
    let secret = secret.display().to_string();
    let args = [
        "--rate-limit-per-minute",
        "0",
        "--shutdown-grace-secs",
        "10",
        "--webhook-timeout-secs",
        "2",
        "--webhook-url",
        &hook,
        "--webhook-secret-file",
        &secret,
    ];
    let attachments = dir.path().join("attachments");
    let (first, first_port) = backend(
        &database.url,
        &attachments,
        &dir.path().join("1.log"),
        &args,
    );
    let (_second, second_port) = backend(
        &database.url,
        &attachments,
        &dir.path().join("2.log"),
        &args,
    );
    let (_proxy, base) = start_nginx(&nginx, dir.path(), [first_port, second_port]).await;

    let created = Arc::new(AtomicUsize::new(0));
    let clients = common::burst::file_as_the_widget(
        Arc::new(Mutex::new(base)),
        CLIENTS,
        EACH,
        created.clone(),
    );
    let started = Instant::now();
    while created.load(Ordering::SeqCst) < CLIENTS * EACH / 4 {
        assert!(started.elapsed() < Duration::from_secs(30), "no burst");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let signalled = Instant::now();
    // The other backend takes the rest of the burst meanwhile.
    let signal = signal.to_owned();
    let killed = signal == "KILL";
    let status = tokio::task::spawn_blocking(move || first.stop(&signal))
        .await
        .unwrap();
    // A clean stop exits 0; a killed process by its signal.
    assert_eq!(status.success(), !killed, "{status:?}");
    assert!(
        signalled.elapsed() < Duration::from_secs(12),
        "past its grace"
    );
    let mut filed = HashSet::new();
    for client in clients {
        filed.extend(client.await.unwrap());
    }
    assert_eq!(filed.len(), CLIENTS * EACH, "each request filed once");
    let pool = sqlx::AnyPool::connect(&database.url).await.unwrap();
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_requests")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, (CLIENTS * EACH) as i64, "stored once each");

    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let mut events_of: HashMap<String, HashSet<String>> = HashMap::new();
        for (event, request) in events.lock().unwrap().iter() {
            events_of
                .entry(request.clone())
                .or_default()
                .insert(event.clone());
        }
        assert!(
            events_of.values().all(|events| events.len() == 1),
            "one event per request: {events_of:?}"
        );
        if events_of.len() == CLIENTS * EACH {
            assert_eq!(events_of.keys().cloned().collect::<HashSet<_>>(), filed);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {} requests' events delivered",
            events_of.len(),
            CLIENTS * EACH
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
