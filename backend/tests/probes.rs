//! `GET /healthz` and `GET /readyz`, as a balancer or Kubernetes asks them:
//! without a token, and `/readyz` naming what keeps the process from
//! serving. The outages of real parts (PostgreSQL stopped, the Azurite
//! container gone) are `outages.rs`'s.

mod common;

use std::time::{Duration, Instant};

use common::{config, fresh_database, start_signed, start_with};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn probe(base: &str, path: &str) -> (StatusCode, Value) {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn both_answer_without_a_token_and_tell_nothing_more() {
    let server = start_signed(false).await;
    assert_eq!(
        probe(&server.base, "/healthz").await,
        (StatusCode::OK, json!({"status": "ok"}))
    );
    assert_eq!(
        probe(&server.base, "/readyz").await,
        (StatusCode::OK, json!({"status": "ready"}))
    );
    // The API beside them still wants one.
    assert_eq!(
        server.get("/services").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_database_without_this_binarys_migrations_is_not_ready() {
    let server = start_signed(false).await;
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&server.db)
    .await
    .unwrap();
    assert_eq!(
        probe(&server.base, "/readyz").await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "not_ready", "not_ready": ["migrations"]})
        )
    );
    assert_eq!(probe(&server.base, "/healthz").await.0, StatusCode::OK);
}

#[tokio::test]
async fn an_attachments_folder_that_cannot_be_written_is_not_ready() {
    let place = tempfile::tempdir().unwrap();
    let folder = place.path().join("attachments");
    let server = start_with(|url| support_backend::Config {
        attachments_dir: Some(folder.clone()),
        ..config(url)
    })
    .await;
    assert_eq!(probe(&server.base, "/readyz").await.0, StatusCode::OK);
    // A file where the folder was: nothing can be written below it, even
    // by root.
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, b"not a folder").unwrap();
    assert_eq!(
        probe(&server.base, "/readyz").await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "not_ready", "not_ready": ["attachments"]})
        )
    );
    std::fs::remove_file(&folder).unwrap();
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(probe(&server.base, "/readyz").await.0, StatusCode::OK);
}

/// A server of its own, on a fresh database, with its uploads in a folder
/// in `place`, stopped when `stop` is sent.
async fn stoppable(
    place: &std::path::Path,
) -> (
    String,
    support_backend::probes::Stopping,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let database = fresh_database().await;
    let config = support_backend::Config {
        attachments_dir: Some(place.join("attachments")),
        ..config(&database.url)
    };
    let server = common::bind(&config).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    let stopping = server.stopping();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(async move {
        let _database = database;
        server
            .run(async {
                let _ = stopped.await;
            })
            .await
    });
    (base, stopping, stop, running)
}

#[tokio::test]
async fn once_a_stop_has_begun_it_is_not_ready() {
    let place = tempfile::tempdir().unwrap();
    let (base, stopping, _stop, _running) = stoppable(place.path()).await;
    assert_eq!(probe(&base, "/readyz").await.0, StatusCode::OK);
    stopping.begin();
    assert_eq!(
        probe(&base, "/readyz").await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"status": "not_ready", "not_ready": ["stopping"]})
        )
    );
    assert_eq!(probe(&base, "/healthz").await.0, StatusCode::OK);
}

/// The stop begins (and `/readyz` turns) while an upload is still on its
/// way, and the upload is still taken whole.
#[tokio::test]
async fn a_stop_begins_at_the_signal_and_lets_an_upload_in_flight_finish() {
    let place = tempfile::tempdir().unwrap();
    let (base, stopping, stop, running) = stoppable(place.path()).await;
    let (chunks, received) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    let body = futures_util::stream::unfold(received, |mut received| async move {
        let chunk = received.recv().await?;
        Some((Ok::<_, std::io::Error>(chunk), received))
    });
    let upload = tokio::spawn(
        reqwest::Client::new()
            .post(format!("{base}/attachments?name=server.log"))
            .header("content-type", "text/plain")
            .body(reqwest::Body::wrap_stream(body))
            .send(),
    );
    // More than one part: the store starts the file's first part, which
    // shows that the upload is being taken.
    chunks.send(vec![b'a'; 1536 * 1024]).unwrap();
    let folder = place.path().join("attachments");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_dir(&folder).unwrap().next().is_none() {
        assert!(Instant::now() < deadline, "the upload never started");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    stop.send(()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !stopping.has_begun() {
        assert!(Instant::now() < deadline, "the stop never began");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(!running.is_finished(), "it waits for the upload");
    chunks.send(b"the last line\n".to_vec()).unwrap();
    drop(chunks);
    let response = upload.await.unwrap().unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let attachment: Value = response.json().await.unwrap();
    assert_eq!(attachment["size"], 1536 * 1024 + 14);
    running.await.unwrap().unwrap();
    // New connections are refused once it has stopped.
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
}
