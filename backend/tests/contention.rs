//! Catalogue writes while requests pour in: an operator updates service
//! health and the catalogue during an outage, exactly when customers file.
//! On SQLite every writer must wait its turn (busy_timeout) rather than be
//! refused: none of these writes may fail, and every one must be applied.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use reqwest::StatusCode;
use serde_json::{json, Value};

/// Requests filed side by side while the catalogue is written.
const FILERS: usize = 3;
/// Writes of each kind.
const WRITES: usize = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn catalogue_writes_succeed_while_requests_are_filed() {
    let server = Arc::new(common::start().await);
    let url = server.database_url().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let stop = Arc::new(AtomicBool::new(false));

    let filers: Vec<_> = (0..FILERS)
        .map(|_| {
            let (server, stop) = (server.clone(), stop.clone());
            tokio::spawn(async move {
                let mut filed = 0;
                while !stop.load(Ordering::Relaxed) {
                    let response = server
                        .post_json(&common::key(), &common::valid_for_customer())
                        .await;
                    assert_eq!(response.status(), StatusCode::CREATED);
                    filed += 1;
                }
                filed
            })
        })
        .collect();

    // Through the API, as a portal's nightly sync does.
    let api = {
        let server = server.clone();
        tokio::spawn(async move {
            for n in 0..WRITES {
                let line = json!({"id": "contention", "name": format!("Customer {n}"),
                                  "domain": "contention.partner.onmschina.cn"});
                let response = server
                    .client
                    .put(server.url("/catalogue/customers"))
                    .header("content-type", "application/x-ndjson")
                    .body(format!("{line}\n"))
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                assert_eq!(status, StatusCode::OK, "{}", response.text().await.unwrap());
            }
        })
    };

    // Through the commands, each its own process with its own connections.
    let commands = tokio::task::spawn_blocking(move || {
        for n in 0..WRITES {
            let file = dir.path().join(format!("services-{n}.jsonl"));
            let line = json!({"id": "contention", "name": format!("Service {n}"),
                              "admin_center_url": "https://portal.azure.cn/"});
            std::fs::write(&file, format!("{line}\n")).unwrap();
            let summary = format!("--summary=Update {n}");
            let runs = [
                vec!["import", "services", file.to_str().unwrap()],
                vec![
                    "health",
                    "set",
                    "contention",
                    "--service",
                    "azure",
                    "--title",
                    "Slow sign-in",
                    &summary,
                ],
            ];
            for args in runs {
                let output = common::command(&url, &args);
                assert!(
                    output.status.success(),
                    "{args:?}: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        }
        let output = common::command(&url, &["health", "resolve", "contention"]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    });

    let (api, commands) = tokio::join!(api, commands);
    stop.store(true, Ordering::Relaxed);
    let mut filed = 0;
    for filer in filers {
        filed += filer.await.unwrap();
    }
    api.unwrap();
    commands.unwrap();
    assert!(filed > 0);

    // Every write was applied: the last of each is what is stored.
    let last = WRITES - 1;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM customers WHERE id = 'contention'")
        .fetch_one(&server.db)
        .await
        .unwrap();
    assert_eq!(name, format!("Customer {last}"));
    let (name,): (String,) = sqlx::query_as("SELECT name FROM services WHERE id = 'contention'")
        .fetch_one(&server.db)
        .await
        .unwrap();
    assert_eq!(name, format!("Service {last}"));
    let health: Value = server
        .get("/service-health?locale=en-US")
        .await
        .json()
        .await
        .unwrap();
    let listed = |list: &Value| {
        list.as_array()
            .is_some_and(|items| items.iter().any(|item| item["id"] == "contention"))
    };
    assert!(
        !listed(&health["incidents"]) && !listed(&health["advisories"]),
        "resolved, so no longer listed: {health}"
    );
    assert_eq!(server.count("support_requests").await, filed as i64);
}
