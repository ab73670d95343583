//! `/metrics` on `--metrics-listen`, read as Prometheus reads it, for what
//! the Prometheus test's open backend does not do: tokens refused by
//! reason, uploads and their bytes, and the quota. (`prometheus.rs` runs a
//! real Prometheus against the binary.)

mod common;

use std::time::Duration;

use common::{config, fresh_database, partner, secret_file, token};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn metrics_count_refused_tokens_by_reason_and_uploads() {
    let database = fresh_database().await;
    let mut config = config(&database.url);
    config.no_auth = false;
    config.jwt_secret_file = Some(secret_file(&database));
    config.attachments_url = Some(database.attachments());
    config.metrics_listen = Some("127.0.0.1:0".into());
    let server = support_backend::Server::bind(&config).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let metrics = format!("http://{}/metrics", server.metrics_addr().unwrap());
    let _running = tokio::spawn(server.run(std::future::pending()));
    let client = reqwest::Client::new();

    let expired = token(&json!({"sub": "p", "role": "partner", "exp": 1}));
    let bad = token(&partner()).replace('.', ".x");
    for refused in [&expired, &bad] {
        let response = client
            .get(format!("{base}/services"))
            .bearer_auth(refused)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let uploaded = client
        .post(format!("{base}/attachments?name=notes.txt"))
        .bearer_auth(token(&partner()))
        .header("content-type", "text/plain")
        .body("twelve bytes")
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), StatusCode::CREATED);

    let text = tokio::time::timeout(Duration::from_secs(10), async {
        client
            .get(&metrics)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    })
    .await
    .unwrap();
    for line in [
        "support_token_failures_total{reason=\"expired\"} 1",
        "support_uploads_total 1",
        "support_upload_bytes_total 12",
        "support_build_info{version=\"",
        "support_webhook_outbox_pending 0",
        "support_db_pool_connections{state=\"in_use\"}",
        "support_db_pool_waiting 0",
        "support_http_requests_total{method=\"POST\",route=\"/attachments\",status=\"2xx\"} 1",
    ] {
        assert!(text.contains(line), "{line} not in\n{text}");
    }
    assert!(
        text.lines()
            .any(|l| l.starts_with("support_token_failures_total{reason=\"")
                && !l.contains("expired")),
        "{text}"
    );
}

/// Metrics asked for on the API's own address are refused as such, not
/// as an address some other program holds: the very same address, and
/// the usual slip, the API on every address and the metrics on loopback
/// with the API's port.
#[tokio::test]
async fn metrics_on_the_apis_address_say_so() {
    let database = fresh_database().await;
    let mut config = config(&database.url);
    for (api, metrics) in [("127.0.0.1", "127.0.0.1"), ("0.0.0.0", "127.0.0.1")] {
        let free = std::net::TcpListener::bind(format!("{api}:0")).unwrap();
        let port = free.local_addr().unwrap().port();
        drop(free);
        config.listen = format!("{api}:{port}");
        config.metrics_listen = Some(format!("{metrics}:{port}"));
        let Err(error) = support_backend::Server::bind(&config).await else {
            panic!("started with the metrics on {api}:{port}, the API's");
        };
        let said = error.to_string();
        assert!(
            said.contains("is where the API listens (--listen)"),
            "{api}, {metrics}: {said}"
        );
    }
}
