//! `/readyz` through outages of the real parts: PostgreSQL stopped and
//! started again (under `scripts/with-postgres`, which gives
//! `WITH_POSTGRES_CTL`), the Azurite container removed and made again
//! (under `scripts/with-azurite`). Each part is checked only where its
//! script runs the test; `scripts/test` runs it under both. It has a file of
//! its own: the outage would fail any test beside it.

mod common;

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

/// Asks `/readyz` until it answers `status` with `body`, for at most 30 s
/// (each check has 3 s, and a PostgreSQL pool reconnects at its own pace).
async fn until_ready_says(base: &str, status: StatusCode, body: Value) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut last = None;
    while Instant::now() < deadline {
        if let Ok(response) = reqwest::get(format!("{base}/readyz")).await {
            let answered = response.status();
            let json: Value = response.json().await.unwrap_or(Value::Null);
            if answered == status && json == body {
                return;
            }
            last = Some((answered, json));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("/readyz never said {status} {body}; last {last:?}");
}

fn ready() -> Value {
    json!({"status": "ready"})
}

fn not_ready(part: &str) -> Value {
    json!({"status": "not_ready", "not_ready": [part]})
}

fn run(program: &str, args: &[&str]) {
    let status = std::process::Command::new(program)
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "{program} {args:?}: {status}");
}

#[tokio::test]
async fn readyz_follows_postgresql_and_azurite_going_and_coming_back() {
    let server = common::start().await;
    until_ready_says(&server.base, StatusCode::OK, ready()).await;
    let mut checked = Vec::new();

    if let (Some(_), Ok(ctl)) = (
        common::postgres_server(),
        std::env::var("WITH_POSTGRES_CTL"),
    ) {
        run(&ctl, &["stop"]);
        until_ready_says(
            &server.base,
            StatusCode::SERVICE_UNAVAILABLE,
            not_ready("database"),
        )
        .await;
        // Alive all the same: a restart would not bring the database back.
        let live = reqwest::get(format!("{}/healthz", server.base)).await;
        assert_eq!(live.unwrap().status(), StatusCode::OK);
        run(&ctl, &["start"]);
        until_ready_says(&server.base, StatusCode::OK, ready()).await;
        checked.push("PostgreSQL");
    }

    if common::attachments_store().is_some() && std::env::var("AZURITE_BLOB_STORAGE_URL").is_ok() {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scripts/azurite_container.py"
        );
        run("python3", &[script, "delete", "attachments"]);
        until_ready_says(
            &server.base,
            StatusCode::SERVICE_UNAVAILABLE,
            not_ready("attachments"),
        )
        .await;
        run("python3", &[script, "create", "attachments"]);
        until_ready_says(&server.base, StatusCode::OK, ready()).await;
        checked.push("Azurite");
    }
    eprintln!("outages checked: {checked:?} (none without their scripts)");
}
