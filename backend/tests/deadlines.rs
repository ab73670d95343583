//! The server's deadlines: a client that sends its headers too slowly is
//! disconnected, and a shutdown waits for slow requests only so long.

mod common;

use std::time::{Duration, Instant};

use common::start;
use reqwest::StatusCode;
use support_backend::serve::{HEADERS_WITHIN, SHUTDOWN_WITHIN};
use support_backend::Server;
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
    let server = Server::bind(&config).await.unwrap();
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
    let ended = tokio::time::timeout(SHUTDOWN_WITHIN + MARGIN, running).await;
    assert!(
        ended.is_ok(),
        "still running {:?} after the shutdown",
        asked.elapsed()
    );
    ended.unwrap().unwrap().unwrap();
    drop(stream);
}
