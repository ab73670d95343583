//! A request's status history: the `submitted` entry written with the
//! request, and changes made with `support-backend set-status` (the built
//! binary, on the test's database), as `GET /support-requests/{id}` shows.

mod common;

use std::process::{Command, Output};

use common::{key, start, valid};
use reqwest::StatusCode;
use support_contract::{CreatedRequest, RequestStatus, StoredRequest};

fn set_status(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .arg("set-status")
        .args(["--database-url", database_url])
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

async fn create(server: &common::TestServer) -> CreatedRequest {
    let response = server.post_json(&key(), &valid()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn stored(server: &common::TestServer, id: &str) -> StoredRequest {
    let response = server.get(&format!("/support-requests/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_new_request_has_one_submitted_entry_at_its_creation() {
    let server = start().await;
    let created = create(&server).await;
    let request = stored(&server, &created.id).await;
    assert_eq!(request.history.len(), 1);
    assert_eq!(request.history[0].status, RequestStatus::Submitted);
    assert_eq!(request.history[0].changed_at, created.created_at);
    assert_eq!(request.history[0].note, None);
    let raw: serde_json::Value = server.stored(&created.id).await;
    assert_eq!(
        raw["history"],
        serde_json::json!([{"status": "submitted", "changed_at": created.created_at}])
    );
}

#[tokio::test]
async fn set_status_changes_the_status_and_the_history_keeps_every_step_in_order() {
    let server = start().await;
    let other = create(&server).await;
    let created = create(&server).await;
    assert_eq!(created.reference, "SR-000002");

    let output = set_status(
        server.database_url(),
        &["sr-000002", "in_progress", "--note", "正在调查。"],
    );
    assert!(output.status.success(), "{output:?}");
    let line = String::from_utf8(output.stdout).unwrap();
    assert!(
        line.starts_with(&format!(
            "SR-000002 {}: submitted -> in_progress at ",
            created.id
        )),
        "{line}"
    );

    let output = set_status(server.database_url(), &[&created.id, "resolved"]);
    assert!(output.status.success(), "{output:?}");
    let output = set_status(
        server.database_url(),
        &[
            "SR-000002",
            "closed",
            "--note",
            "Customer confirmed\nthe fix.",
        ],
    );
    assert!(output.status.success(), "{output:?}");

    let request = stored(&server, &created.id).await;
    assert_eq!(request.status, RequestStatus::Closed);
    let steps: Vec<(RequestStatus, Option<&str>)> = request
        .history
        .iter()
        .map(|change| (change.status, change.note.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [
            (RequestStatus::Submitted, None),
            (RequestStatus::InProgress, Some("正在调查。")),
            (RequestStatus::Resolved, None),
            (RequestStatus::Closed, Some("Customer confirmed\nthe fix.")),
        ]
    );
    let times: Vec<&str> = request
        .history
        .iter()
        .map(|c| c.changed_at.as_str())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(
        times.iter().all(|t| t.len() == 20 && t.ends_with('Z')),
        "{times:?}"
    );

    // The other request is untouched.
    let untouched = stored(&server, &other.id).await;
    assert_eq!(untouched.status, RequestStatus::Submitted);
    assert_eq!(untouched.history.len(), 1);
    assert_eq!(server.count("support_request_status_history").await, 5);
}

#[tokio::test]
async fn set_status_refuses_unknown_requests_and_statuses() {
    let server = start().await;
    let created = create(&server).await;

    let output = set_status(server.database_url(), &["SR-999999", "closed"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("no request has the reference or id \"SR-999999\""),
        "{error}"
    );

    let output = set_status(server.database_url(), &[&created.reference, "done"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("submitted, in_progress, resolved, closed"),
        "{error}"
    );

    let request = stored(&server, &created.id).await;
    assert_eq!(request.status, RequestStatus::Submitted);
    assert_eq!(request.history.len(), 1);
}

#[test]
fn help_documents_set_status() {
    let output = Command::new(env!("CARGO_BIN_EXE_support-backend"))
        .args(["set-status", "--help"])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "<REFERENCE_OR_ID>",
        "<STATUS>",
        "in_progress",
        "--note",
        "--database-url",
        "DATABASE_URL",
    ] {
        assert!(
            help.contains(needle),
            "set-status --help lacks {needle}:\n{help}"
        );
    }
}

#[tokio::test]
async fn an_id_is_found_in_any_case_and_a_blank_note_is_no_note() {
    let server = start().await;
    let created = create(&server).await;
    let upper = created.id.to_ascii_uppercase();
    assert_eq!(stored(&server, &upper).await.id, created.id);

    let output = set_status(server.database_url(), &[&upper, "resolved", "--note", "  "]);
    assert!(output.status.success(), "{output:?}");
    let raw: serde_json::Value = server.stored(&created.id).await;
    assert_eq!(raw["status"], "resolved");
    assert_eq!(
        raw["history"][1],
        serde_json::json!({"status": "resolved", "changed_at": raw["history"][1]["changed_at"]})
    );
}

#[tokio::test]
async fn set_status_on_a_database_that_does_not_exist_creates_none() {
    let dir = std::env::temp_dir().join(format!("support-backend-missing-{}", common::key()));
    std::fs::create_dir_all(&dir).unwrap();
    let missing = dir.join("mistyped.db");
    let url = format!("sqlite://{}", missing.display());
    let output = set_status(&url, &["SR-000001", "resolved"]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("no database at"),
        "{output:?}"
    );
    assert!(!missing.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One change sent several times at once under one `Idempotency-Key` (a
/// double click and a retry racing): it is made once, one answer is the
/// change and the others its replays, and the history has it once.
#[tokio::test]
async fn one_change_sent_at_once_under_one_key_is_made_once() {
    let server = start().await;
    let created = create(&server).await;
    let key = key();
    let url = server.url(&format!("/support-requests/{}/status", created.id));
    let sends = (0..4).map(|_| {
        server
            .client
            .post(&url)
            .header("Idempotency-Key", &key)
            .json(&serde_json::json!({"status": "in_progress", "note": "Looking into it."}))
            .send()
    });
    let answers = futures_util::future::join_all(sends).await;
    let mut replays = 0;
    for answer in answers {
        let answer = answer.unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        replays += usize::from(answer.headers().get("idempotent-replayed").is_some());
    }
    assert_eq!(replays, 3);
    let request = stored(&server, &created.id).await;
    let history: Vec<_> = request.history.iter().map(|change| change.status).collect();
    assert_eq!(
        history,
        [RequestStatus::Submitted, RequestStatus::InProgress]
    );
}
