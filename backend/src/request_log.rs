//! One log line per request, with an id that follows it: the proxy's
//! `X-Request-Id` when it sends a usable one, otherwise a new UUID. The id
//! goes back in `X-Request-Id`, and every line logged while the request is
//! served carries it (its span). The line names the method, the route as
//! its template (`/support-requests/{id}`, never the path with its ids),
//! the status, the duration and the client: nothing of the headers, the
//! query or the body, where tokens and personal data are.
//!
//! tower-http's request-id layers take any incoming value as it is; this
//! one keeps a proxy's id only when it is short, plain text, so that no
//! client writes what it likes into the log.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;
use uuid::Uuid;

use crate::client_address::ClientAddr;

/// The header that carries the id, both ways.
pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The longest id taken from a proxy.
const ID_MAX: usize = 128;

/// The id of the request being served, for a handler that wants it.
#[derive(Clone, Debug)]
pub struct RequestId(pub HeaderValue);

/// Middleware: gives the request its id, serves it inside a span that
/// carries the id, and logs how it went.
pub async fn log(mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request
        .headers()
        .get(&HEADER)
        .filter(|value| usable(value))
        .cloned()
        .unwrap_or_else(|| {
            HeaderValue::from_str(&Uuid::new_v4().to_string()).expect("a UUID is a header value")
        });
    request.extensions_mut().insert(RequestId(id.clone()));
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let client = ClientAddr::of(&request);
    let shown_id = id.to_str().unwrap_or_default().to_owned();
    let span = tracing::info_span!("request", request_id = %shown_id);
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    let took = started.elapsed();
    crate::meter::http_request(&method, &route, status, took);
    let duration_ms = took.as_secs_f64() * 1000.0;
    span.in_scope(|| {
        tracing::info!(
            method = %method,
            route = %route,
            status,
            duration_ms,
            client = client.map(|address| address.to_string()).unwrap_or_default(),
            "served"
        );
    });
    response.headers_mut().insert(HEADER, id);
    response
}

/// An id taken from a proxy: 1 to 128 letters, digits and `-_.:@/+=`.
fn usable(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= ID_MAX
        && bytes
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-_.:@/+=".contains(byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_plain_ids_are_taken_from_a_proxy() {
        let taken = |value: &str| usable(&HeaderValue::from_str(value).unwrap());
        assert!(taken("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assert!(taken("req_1:edge/7+a=="));
        assert!(!taken(""));
        assert!(!taken("two words"));
        assert!(!taken("{\"level\":\"ERROR\"}"));
        assert!(!taken(&"a".repeat(ID_MAX + 1)));
        assert!(taken(&"a".repeat(ID_MAX)));
    }
}
