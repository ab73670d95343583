//! `/metrics` on `--metrics-listen`, read as Prometheus reads it, for what
//! the Prometheus test's open backend does not do: tokens refused by
//! reason, uploads and their bytes, and the quota. (`prometheus.rs` runs a
//! real Prometheus against the binary.)

mod common;

use std::time::Duration;

use common::{config, fresh_database, partner, secret_file, token};
use reqwest::StatusCode;
use serde_json::json;
use tokio::sync::Mutex;

/// A process has one recorder, which every server in it counts into: the
/// tests that send requests take turns, so that two scrapes of one test
/// differ by its own requests only.
static RECORDER: Mutex<()> = Mutex::const_new(());

#[tokio::test]
async fn metrics_count_refused_tokens_by_reason_and_uploads() {
    let _turn = RECORDER.lock().await;
    let database = fresh_database().await;
    let mut config = config(&database.url);
    config.no_auth = false;
    config.jwt_secret_file = Some(secret_file(&database));
    config.attachments_url = Some(database.attachments());
    config.metrics_listen = Some("127.0.0.1:0".into());
    let server = common::bind(&config).await.unwrap();
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
    // How many wait for a connection is a state of the moment: the
    // process's own loops may be taking one as the scrape reads it.
    assert!(
        text.lines().any(|l| l
            .strip_prefix("support_db_pool_waiting ")
            .is_some_and(|n| n.parse::<u64>().is_ok())),
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
        let Err(error) = common::bind(&config).await else {
            panic!("started with the metrics on {api}:{port}, the API's");
        };
        let said = error.to_string();
        assert!(
            said.contains("is where the API listens (--listen)"),
            "{api}, {metrics}: {said}"
        );
    }
}

/// What any client sends, methods, paths and headers of its own, adds no
/// series: labels come from the backend's fixed set (a method the API
/// serves or `other`, a route's template or `unmatched`, a status class),
/// so the series these requests can reach are counted in advance and the
/// scrape stays within a few KB however many such requests come.
#[tokio::test]
async fn requests_of_any_shape_add_no_series() {
    let _turn = RECORDER.lock().await;
    let database = fresh_database().await;
    let mut config = config(&database.url);
    config.metrics_listen = Some("127.0.0.1:0".into());
    let server = common::bind(&config).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let metrics = format!("http://{}/metrics", server.metrics_addr().unwrap());
    let _running = tokio::spawn(server.run(std::future::pending()));
    let client = reqwest::Client::new();
    let scrape = || async {
        client
            .get(&metrics)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let before = scrape().await;
    let http_samples = |text: &str| {
        text.lines()
            .filter(|line| line.starts_with("support_http_"))
            .count()
    };

    // Random words: methods, path segments and header names alike.
    let word = || {
        uuid::Uuid::new_v4()
            .simple()
            .to_string()
            .to_ascii_uppercase()
    };
    let sent: Vec<(String, String)> = (0..1000)
        .map(|n| {
            let method = match n % 4 {
                0 => word().repeat(1 + n % 60),
                1 => "DELETE".to_owned(),
                _ => word(),
            };
            let path = match n % 3 {
                0 => format!("/support-requests/{}", word()),
                1 => format!("/{}/{}", word(), word()),
                _ => "/healthz".to_owned(),
            };
            (method, path)
        })
        .collect();
    for batch in sent.chunks(50) {
        let answers = batch.iter().map(|(method, path)| {
            client
                .request(
                    reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                    format!("{base}{path}?{}={}", word(), word()),
                )
                .header(format!("x-{}", word()), word())
                .send()
        });
        for answer in futures_util::future::join_all(answers).await {
            assert!(answer.unwrap().status().is_client_error());
        }
    }

    let after = scrape().await;
    let labels = |text: &str, name: &str| -> std::collections::BTreeSet<String> {
        let key = format!("{name}=\"");
        text.lines()
            .filter(|line| line.starts_with("support_http_"))
            .filter_map(|line| {
                let start = line.find(&key)? + key.len();
                Some(line[start..][..line[start..].find('"')?].to_owned())
            })
            .collect()
    };
    let methods = labels(&after, "method");
    assert!(
        methods
            .iter()
            .all(|m| ["GET", "HEAD", "POST", "PUT", "OPTIONS", "other"].contains(&m.as_str())),
        "{methods:?}"
    );
    let routes = labels(&after, "route");
    assert!(
        routes.iter().all(|route| route == "unmatched"
            || route.starts_with('/') && !route.chars().any(|c| c.is_ascii_uppercase())),
        "{routes:?}"
    );
    for (method, path) in sent.iter().filter(|(_, path)| path != "/healthz") {
        assert!(
            !after.contains(&path[path.len() - 8..]),
            "{path} in the scrape"
        );
        if method != "DELETE" {
            assert!(!after.contains(&method[..8]), "{method} in the scrape");
        }
    }
    // The most these requests can reach: one method label (`other`: each
    // method is a random word or DELETE, which the API does not serve),
    // three routes (`/support-requests/{id}`, `/healthz`, `unmatched`: no
    // template has two free segments), one status class (4xx, asserted
    // above). Each (method, route, class) is one counter line; each
    // (method, route) a histogram of its buckets, `+Inf`, `_sum` and
    // `_count`.
    let histogram_lines = support_backend::meter::DURATION_BUCKETS.len() + 3;
    let reachable = 3 * (1 + histogram_lines);
    let added = http_samples(&after) - http_samples(&before);
    assert!(
        added <= reachable,
        "{added} HTTP sample lines added, at most {reachable} expected:\n{after}"
    );
    // Those lines, their TYPE and HELP lines and their counts' digits come
    // to about 5 KB.
    let grown = after.len().saturating_sub(before.len());
    assert!(grown < 8 * 1024, "the scrape grew by {grown} B:\n{after}");
}
