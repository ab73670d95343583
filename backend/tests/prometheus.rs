//! Debian's Prometheus scrapes a backend (`--metrics-listen`) that serves
//! traffic, and the numbers are read back through Prometheus's query API:
//! requests counted by route template and status class, requests filed by
//! kind, a replay, and the webhook outbox's backlog rising while the
//! receiver (`scripts/webhook_receiver.py`) refuses every event and falling
//! to nothing once it accepts them. Runs under `scripts/with-prometheus`,
//! which names the binary in `PROMETHEUS_BIN`; without it the test says so
//! and passes.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::process::{announced, free_port, Running};
use reqwest::StatusCode;
use serde_json::Value;

const SECRET: &str = "the-webhook-secret-of-at-least-32-bytes!";

/// The project's webhook receiver on `port`, checking signatures with the
/// secret in `secret_file`: with another secret it refuses every event.
fn webhook_receiver(port: u16, secret_file: &Path) -> Running {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scripts/webhook_receiver.py"
    );
    let receiver = Running::new(
        Command::new("python3")
            .arg(script)
            .args(["--listen", &format!("127.0.0.1:{port}"), "--secret-file"])
            .arg(secret_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the receiver never listened");
        std::thread::sleep(Duration::from_millis(20));
    }
    receiver
}

/// The value of an instant `query`, or `None` while it has no result.
async fn query(prometheus: &str, query: &str) -> Option<f64> {
    let answer: Value = reqwest::Client::new()
        .get(format!("{prometheus}/api/v1/query"))
        .query(&[("query", query)])
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()?;
    assert_eq!(answer["status"], "success", "{query}: {answer}");
    answer["data"]["result"][0]["value"][1]
        .as_str()
        .and_then(|value| value.parse().ok())
}

/// Asks Prometheus `what` until `holds` its value, for at most 30 s.
async fn until(prometheus: &str, what: &str, holds: impl Fn(f64) -> bool) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut last = None;
    while Instant::now() < deadline {
        last = query(prometheus, what).await;
        if let Some(value) = last.filter(|value| holds(*value)) {
            return value;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("{what} never held; last {last:?}");
}

#[tokio::test]
async fn prometheus_reads_the_traffic_and_the_outbox_backlog_rising_and_falling() {
    let Ok(prometheus_bin) = std::env::var("PROMETHEUS_BIN") else {
        eprintln!("no PROMETHEUS_BIN: run under scripts/with-prometheus");
        return;
    };
    let database = common::fresh_database().await;
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("webhook-secret");
    std::fs::write(&secret, SECRET).unwrap();
    let wrong_secret = dir.path().join("another-secret");
    std::fs::write(&wrong_secret, "a-secret-the-backend-does-not-sign-with").unwrap();

    let hook_port = free_port();
    let refusing = webhook_receiver(hook_port, &wrong_secret);
    let metrics_port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &database.url])
        .args(["--no-auth", "--webhook-backoff-ms", "50"])
        .args(["--metrics-listen", &format!("127.0.0.1:{metrics_port}")])
        .args(["--webhook-url", &format!("http://127.0.0.1:{hook_port}/")])
        .arg("--webhook-secret-file")
        .arg(&secret)
        .arg("--attachments-dir")
        .arg(dir.path().join("attachments"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = announced(&mut child);
    let _backend = Running::new(child);
    // The API's port has no metrics.
    let api_metrics = reqwest::get(format!("{base}/metrics")).await.unwrap();
    assert_eq!(api_metrics.status(), StatusCode::NOT_FOUND);

    let prometheus_port = free_port();
    let config = dir.path().join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n\
             scrape_configs:\n  - job_name: support-backend\n    static_configs:\n\
             \x20     - targets: ['127.0.0.1:{metrics_port}']\n"
        ),
    )
    .unwrap();
    let _prometheus = Running::new(
        Command::new(&prometheus_bin)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.path().join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{prometheus_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let prometheus = format!("http://127.0.0.1:{prometheus_port}");
    until(&prometheus, r#"up{job="support-backend"}"#, |up| up == 1.0).await;

    // Traffic: five requests filed, one of them sent again, each read.
    let client = reqwest::Client::new();
    for n in 0..5 {
        let key = common::key();
        let mut sends = 1;
        if n == 0 {
            sends = 2;
        }
        for _ in 0..sends {
            let response = client
                .post(format!("{base}/support-requests"))
                .header("Idempotency-Key", &key)
                .json(&common::valid())
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::CREATED);
            let id = response.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned();
            let read = client
                .get(format!("{base}/support-requests/{id}"))
                .send()
                .await
                .unwrap();
            assert_eq!(read.status(), StatusCode::OK);
        }
    }
    let missing = client
        .get(format!("{base}/no-such-thing"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    // The receiver refuses: the backlog rises to all five, and ages.
    until(&prometheus, "support_webhook_outbox_pending", |n| n == 5.0).await;
    until(
        &prometheus,
        "support_webhook_outbox_oldest_pending_age_seconds",
        |age| age > 0.0,
    )
    .await;
    until(
        &prometheus,
        r#"support_webhook_deliveries_total{result="failed"}"#,
        |n| n >= 1.0,
    )
    .await;
    until(
        &prometheus,
        r#"support_http_requests_total{method="POST",route="/support-requests",status="2xx"}"#,
        |n| n == 6.0,
    )
    .await;
    until(
        &prometheus,
        r#"support_http_requests_total{method="GET",route="/support-requests/{id}",status="2xx"}"#,
        |n| n == 6.0,
    )
    .await;
    until(
        &prometheus,
        // `/no-such-thing`, and `/metrics` asked of the API's port.
        r#"support_http_requests_total{route="unmatched",status="4xx"}"#,
        |n| n == 2.0,
    )
    .await;
    until(
        &prometheus,
        r#"support_requests_created_total{kind="partner_center"}"#,
        |n| n == 5.0,
    )
    .await;
    until(&prometheus, "support_idempotent_replays_total", |n| {
        n == 1.0
    })
    .await;
    until(
        &prometheus,
        r#"support_http_request_duration_seconds_count{method="POST",route="/support-requests"}"#,
        |n| n == 6.0,
    )
    .await;
    until(
        &prometheus,
        r#"histogram_quantile(0.5, sum by (le) (support_http_request_duration_seconds_bucket{route="/support-requests"}))"#,
        |seconds| seconds > 0.0 && seconds < 10.0,
    )
    .await;
    until(&prometheus, "support_build_info", |n| n == 1.0).await;
    until(&prometheus, r#"support_db_pool_max_connections"#, |n| {
        n >= 1.0
    })
    .await;
    // Routes are templates: no series names a request's id.
    let by_id = r#"count(support_http_requests_total{route=~".*[0-9a-f]{8}-[0-9a-f]{4}.*"})"#;
    assert_eq!(query(&prometheus, by_id).await, None);

    // The receiver accepts: the backlog falls to nothing.
    drop(refusing);
    let _accepting = webhook_receiver(hook_port, &secret);
    until(&prometheus, "support_webhook_outbox_pending", |n| n == 0.0).await;
    until(
        &prometheus,
        r#"support_webhook_deliveries_total{result="delivered"}"#,
        |n| n == 5.0,
    )
    .await;
    until(
        &prometheus,
        "support_webhook_outbox_oldest_pending_age_seconds",
        |age| age == 0.0,
    )
    .await;
    until(
        &prometheus,
        "max_over_time(support_webhook_outbox_pending[5m])",
        |n| n == 5.0,
    )
    .await;
}
