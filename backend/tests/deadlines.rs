//! The server's deadlines: a client that sends its headers too slowly is
//! disconnected, and a shutdown waits for slow requests only so long.

mod common;

use std::time::{Duration, Instant};

use common::start;
use reqwest::StatusCode;
use support_backend::server::connections::HEADERS_WITHIN;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Margin for a loaded test machine: these check that a deadline is kept at
/// all, not how precisely.
const MARGIN: Duration = Duration::from_secs(10);

#[tokio::test]
async fn a_request_whose_headers_never_end_is_disconnected() {
    let server = start().await;
    let address = server.base.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).await.unwrap();
    // No blank line: the headers never end.
    stream
        .write_all(format!("GET /services HTTP/1.1\r\nHost: {address}\r\n").as_bytes())
        .await
        .unwrap();
    let mut answer = Vec::new();
    let closed =
        tokio::time::timeout(HEADERS_WITHIN + MARGIN, stream.read_to_end(&mut answer)).await;
    assert!(
        closed.is_ok(),
        "still open after {:?}",
        HEADERS_WITHIN + MARGIN
    );
    let response = server.get("/services").await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_shutdown_does_not_wait_for_a_request_that_never_finishes() {
    let database = common::fresh_database().await;
    let mut config = common::config(&database.url);
    config.attachments_dir = Some(database.attachments_dir());
    config.shutdown_grace_secs = 2;
    let grace = Duration::from_secs(config.shutdown_grace_secs);
    let server = common::bind(&config).await.unwrap();
    let address = server.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    // An upload that sends a little of its body, then nothing more.
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /attachments?name=app.log HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: text/plain\r\nContent-Length: 100000\r\n\r\nstarted\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let asked = Instant::now();
    stop.send(()).unwrap();
    let ended = tokio::time::timeout(grace + MARGIN, running).await;
    assert!(
        ended.is_ok(),
        "still running {:?} after the shutdown",
        asked.elapsed()
    );
    ended.unwrap().unwrap().unwrap();
    drop(stream);
}

/// Sends `head` and a little of the body it announces, then nothing more,
/// and returns the answer.
async fn stalled_body(server: &common::TestServer, head: &str) -> String {
    let address = server.base.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let within = support_backend::server::connections::BODY_FRAMES_WITHIN + MARGIN;
    let read = tokio::time::timeout(within, stream.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer).into_owned();
    assert!(read.is_ok(), "no answer within {within:?}: {answer}");
    answer
}

#[tokio::test]
async fn a_body_that_stops_arriving_is_408_which_clients_retry() {
    let server = start().await;
    let address = server.base.strip_prefix("http://").unwrap();
    let key = common::key();
    let request = format!(
        "POST /support-requests HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: application/json\r\nIdempotency-Key: {key}\r\n\
         Content-Length: 1000\r\nConnection: close\r\n\r\n{{\"kind\":"
    );
    let upload = format!(
        "POST /attachments?name=app.log HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: text/plain\r\nContent-Length: 100000\r\n\
         Connection: close\r\n\r\nstarted\n"
    );
    let (request, upload) = tokio::join!(
        stalled_body(&server, &request),
        stalled_body(&server, &upload)
    );
    for answer in [request, upload] {
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(
            answer.contains(r#"{"errors":[{"field":"","code":"request_timeout"}]}"#),
            "{answer}"
        );
    }
    let response = server.get("/services").await;
    assert_eq!(response.status(), StatusCode::OK);
}
