//! A burst of filings sent as the widget sends them: each client files its
//! requests one after another, each with a file uploaded first, and sends
//! again on any failure (a refused connection, a cut one, a 5xx, a 409 for
//! a key in flight), the same Idempotency-Key each time, to whichever
//! backend `base` names at that moment.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

/// Starts `clients` clients filing `each` requests; `created` counts the
/// requests filed so far. Each task returns the ids of its requests.
pub fn file_as_the_widget(
    base: Arc<Mutex<String>>,
    clients: usize,
    each: usize,
    created: Arc<AtomicUsize>,
) -> Vec<tokio::task::JoinHandle<Vec<String>>> {
    (0..clients)
        .map(|c| {
            let base = base.clone();
            let created = created.clone();
            tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .timeout(Duration::from_secs(20))
                    .build()
                    .unwrap();
                let deadline = Instant::now() + Duration::from_secs(90);
                let mut filed = Vec::new();
                for n in 0..each {
                    let attachment = loop {
                        assert!(Instant::now() < deadline, "client {c}: upload {n}");
                        let at = base.lock().unwrap().clone();
                        let sent = client
                            .post(format!("{at}/attachments?name=burst.log"))
                            .header("content-type", "text/plain")
                            .body(format!("client {c}, request {n}\n"))
                            .send()
                            .await;
                        match sent {
                            Ok(r) if r.status() == StatusCode::CREATED => {
                                let json: Value = r.json().await.unwrap();
                                break json["id"].as_str().unwrap().to_owned();
                            }
                            _ => tokio::time::sleep(Duration::from_millis(50)).await,
                        }
                    };
                    let key = super::key();
                    let mut body = super::valid();
                    body["title"] = json!(format!("Burst {c}-{n}"));
                    body["attachments"] = json!([attachment]);
                    let id = loop {
                        assert!(Instant::now() < deadline, "client {c}: request {n}");
                        let at = base.lock().unwrap().clone();
                        let sent = client
                            .post(format!("{at}/support-requests"))
                            .header("Idempotency-Key", &key)
                            .json(&body)
                            .send()
                            .await;
                        match sent {
                            Ok(r) if r.status().is_success() => {
                                let json: Value = r.json().await.unwrap();
                                break json["id"].as_str().unwrap().to_owned();
                            }
                            Ok(r) => assert!(
                                r.status().is_server_error() || r.status() == StatusCode::CONFLICT,
                                "client {c}: {}",
                                r.status()
                            ),
                            Err(_) => {}
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    };
                    created.fetch_add(1, Ordering::SeqCst);
                    filed.push(id);
                }
                filed
            })
        })
        .collect()
}
