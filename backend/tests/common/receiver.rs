//! A webhook receiver on 127.0.0.1 for the tests: it refuses its first
//! calls if told to, takes its time if told to, and keeps every call, so
//! that a test checks on its own what was sent and who signed it.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A call the receiver took or refused.
#[derive(Clone, Debug)]
pub struct Call {
    pub event: Value,
    pub body: Bytes,
    /// Its `Support-Signature` header (empty if none).
    pub signature: String,
    /// When it came, in seconds since the epoch.
    pub at: u64,
    /// 204 if taken, 500 if refused.
    pub answered: u16,
}

#[derive(Default)]
pub struct Seen {
    pub calls: Vec<Call>,
    /// The ids of the events being delivered now.
    pub in_flight: HashSet<String>,
    /// An event that arrived while the same event was still being
    /// delivered: two processes sending one event at once.
    pub overlaps: Vec<String>,
}

/// A webhook receiver on 127.0.0.1 at `url`.
pub struct Receiver {
    pub url: String,
    pub seen: Arc<Mutex<Seen>>,
}

impl Receiver {
    /// Listens; refuses its first `refuse` calls (500), and takes `delay`
    /// over each.
    pub async fn start(refuse: usize, delay: Duration) -> Receiver {
        let seen = Arc::new(Mutex::new(Seen::default()));
        let state = seen.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let state = state.clone();
                async move {
                    let at = now();
                    let event: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                    let id = event["id"].as_str().unwrap_or_default().to_owned();
                    {
                        let mut seen = state.lock().unwrap();
                        if !seen.in_flight.insert(id.clone()) {
                            seen.overlaps.push(id.clone());
                        }
                    }
                    tokio::time::sleep(delay).await;
                    let signature = (headers.get("support-signature"))
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    let mut seen = state.lock().unwrap();
                    seen.in_flight.remove(&id);
                    let answered = if seen.calls.len() < refuse { 500 } else { 204 };
                    seen.calls.push(Call {
                        event,
                        body,
                        signature,
                        at,
                        answered,
                    });
                    StatusCode::from_u16(answered).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { url, seen }
    }

    /// Every call so far, in the order they came.
    pub fn calls(&self) -> Vec<Call> {
        self.seen.lock().unwrap().calls.clone()
    }

    /// The events taken (2xx), in the order they were taken.
    pub fn taken(&self) -> Vec<Value> {
        taken(self.calls())
    }

    /// The calls, once there are `count` (within 30 s).
    pub async fn until(&self, count: usize) -> Vec<Call> {
        self.once(&format!("{count} calls"), |calls| calls.len() >= count)
            .await
    }

    /// The events taken, once `count` distinct ones are (within 30 s).
    pub async fn until_taken(&self, count: usize) -> Vec<Value> {
        let distinct = |calls: &[Call]| {
            let taken = taken(calls.to_vec());
            let ids = taken.iter().map(|e| e["id"].as_str().unwrap().to_owned());
            ids.collect::<HashSet<String>>().len()
        };
        let what = format!("{count} events taken");
        taken(self.once(&what, |calls| distinct(calls) >= count).await)
    }

    /// The calls, once `enough` holds of them: `what` it waited for fails
    /// the test after 30 s.
    async fn once(&self, what: &str, enough: impl Fn(&[Call]) -> bool) -> Vec<Call> {
        let start = Instant::now();
        loop {
            let calls = self.calls();
            if enough(&calls) {
                return calls;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no {what} at {}: {calls:?}",
                self.url
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The events of the `calls` taken (2xx), in the order they were taken.
fn taken(calls: Vec<Call>) -> Vec<Value> {
    (calls.into_iter())
        .filter(|c| c.answered == 204)
        .map(|c| c.event)
        .collect()
}

impl Call {
    /// Whether its `t=UNIX_SECONDS,v1=HEX` signs its body with `secret`:
    /// HEX is the HMAC-SHA256 of `t + "." + body`, and `t` was recent when
    /// the call came.
    pub fn signed_with(&self, secret: &str) -> bool {
        let mut t = None;
        let mut v1 = None;
        for part in self.signature.split(',') {
            match part.split_once('=') {
                Some(("t", value)) => t = value.parse::<u64>().ok(),
                Some(("v1", value)) => v1 = Some(value.to_owned()),
                _ => {}
            }
        }
        let (Some(t), Some(v1)) = (t, v1) else {
            return false;
        };
        let expected: String = hmac_sha256(
            secret.as_bytes(),
            &[format!("{t}.").as_bytes(), &self.body].concat(),
        )
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
        self.at.abs_diff(t) < 300 && expected == v1
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// HMAC-SHA256 as RFC 2104 defines it, written here from SHA-256 alone, so
/// that the tests do not trust the backend's HMAC.
fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|k| k ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::digest([pad(0x36), message.to_vec()].concat());
    Sha256::digest([pad(0x5c), inner.to_vec()].concat()).to_vec()
}
