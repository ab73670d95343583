//! What the backend counts for Prometheus, through the `metrics` crate:
//! each metric's name and labels live here, and the features call these
//! functions where the thing happens. Until a recorder is installed
//! (`--metrics-listen`, which `server/metrics.rs` serves) every call is a
//! no-op. Labels are always from a small fixed set (a method the API
//! serves or `other`; a route's template or `unmatched`, never a path; a
//! status class, a kind, a reason), so that no request can grow the number
//! of series.

use std::time::Duration;

/// The HTTP requests served, by method, route template and status class.
pub const HTTP_REQUESTS: &str = "support_http_requests_total";
/// How long they took, in seconds, by method and route template.
pub const HTTP_DURATION: &str = "support_http_request_duration_seconds";
/// The support requests filed (not replays), by kind.
pub const REQUESTS_CREATED: &str = "support_requests_created_total";
/// Answers replayed for a repeated Idempotency-Key.
pub const IDEMPOTENT_REPLAYS: &str = "support_idempotent_replays_total";
/// 409s for a key whose first request is still in flight.
pub const IDEMPOTENCY_IN_FLIGHT: &str = "support_idempotency_in_flight_total";
/// Files uploaded, and their bytes.
pub const UPLOADS: &str = "support_uploads_total";
pub const UPLOAD_BYTES: &str = "support_upload_bytes_total";
/// Uploads refused for the uploader's quota.
pub const UPLOAD_QUOTA_REFUSALS: &str = "support_upload_quota_refusals_total";
/// Tokens refused, by reason.
pub const TOKEN_FAILURES: &str = "support_token_failures_total";
/// Fetches of the provider's signing keys, by result.
pub const JWKS_FETCHES: &str = "support_jwks_fetches_total";
/// Webhook deliveries tried, by result: `delivered`, `failed` (to be
/// tried again), `given_up` (after the retry window), `handed_back` (cut
/// short by a stop).
pub const WEBHOOK_DELIVERIES: &str = "support_webhook_deliveries_total";
/// Mail the mailer tried, by result: `sent`, `failed` (to be tried
/// again), `refused` (for good, or to an address that bounced),
/// `given_up` (after the retry window), `handed_back` (cut short by a
/// stop). A mail that tells of several events counts once.
pub const MAIL: &str = "support_mail_total";
/// Webhook deliveries not yet made and not given up on, read at each
/// scrape.
pub const OUTBOX_PENDING: &str = "support_webhook_outbox_pending";
/// The age of the oldest of them, in seconds (0 when there is none).
pub const OUTBOX_OLDEST_AGE: &str = "support_webhook_outbox_oldest_pending_age_seconds";
/// Deliveries given up on and not sent again (`deliveries retry`).
pub const OUTBOX_GIVEN_UP: &str = "support_webhook_outbox_given_up";
/// The database pool's connections, by state (`in_use`, `idle`), and its
/// most.
pub const DB_POOL_CONNECTIONS: &str = "support_db_pool_connections";
pub const DB_POOL_MAX: &str = "support_db_pool_max_connections";
/// The callers waiting for a connection now: above 0 for long, the pool is
/// too small for the load (or the database too slow).
pub const DB_POOL_WAITING: &str = "support_db_pool_waiting";
/// The live streams (`GET /events`) open now.
pub const EVENT_STREAMS_OPEN: &str = "support_event_streams_open";
/// Live streams the backend ended, by reason: `token_expired`,
/// `slow_reader` (fell too far behind), `replaced` (by a newer stream of
/// the same user, over `--event-streams-per-user`), `error` (the database
/// failed).
pub const EVENT_STREAMS_ENDED: &str = "support_event_streams_ended_total";
/// Live streams refused, by reason: `process` (the process held
/// `--event-streams-max` already; 503).
pub const EVENT_STREAMS_REFUSED: &str = "support_event_streams_refused_total";
/// 1, labelled with the build's version.
pub const BUILD_INFO: &str = "support_build_info";

/// The histogram buckets of [`HTTP_DURATION`], in seconds.
pub const DURATION_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];

/// The `method` label of a request: one the API serves, else `other`, so
/// that no client grows the series with methods of its own.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// One request served. `route` is a route's template or `unmatched`, never
/// a path.
pub fn http_request(method: &axum::http::Method, route: &str, status: u16, took: Duration) {
    let method = method_label(method);
    let class = match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    metrics::counter!(
        HTTP_REQUESTS,
        "method" => method,
        "route" => route.to_owned(),
        "status" => class
    )
    .increment(1);
    metrics::histogram!(HTTP_DURATION, "method" => method, "route" => route.to_owned())
        .record(took.as_secs_f64());
}

pub fn request_created(kind: &'static str) {
    metrics::counter!(REQUESTS_CREATED, "kind" => kind).increment(1);
}

pub fn idempotent_replay() {
    metrics::counter!(IDEMPOTENT_REPLAYS).increment(1);
}

pub fn idempotency_in_flight() {
    metrics::counter!(IDEMPOTENCY_IN_FLIGHT).increment(1);
}

pub fn uploaded(bytes: u64) {
    metrics::counter!(UPLOADS).increment(1);
    metrics::counter!(UPLOAD_BYTES).increment(bytes);
}

pub fn upload_quota_refused() {
    metrics::counter!(UPLOAD_QUOTA_REFUSALS).increment(1);
}

pub fn token_refused(reason: &'static str) {
    metrics::counter!(TOKEN_FAILURES, "reason" => reason).increment(1);
}

pub fn jwks_fetched(ok: bool) {
    let result = if ok { "ok" } else { "failed" };
    metrics::counter!(JWKS_FETCHES, "result" => result).increment(1);
}

pub fn webhook_delivery(result: &'static str) {
    metrics::counter!(WEBHOOK_DELIVERIES, "result" => result).increment(1);
}

/// One mail tried, and how it ended.
pub fn mail(result: &'static str) {
    metrics::counter!(MAIL, "result" => result).increment(1);
}

/// The outbox as it is now.
pub fn outbox(pending: u64, oldest_age: Duration, given_up: u64) {
    metrics::gauge!(OUTBOX_PENDING).set(pending as f64);
    metrics::gauge!(OUTBOX_OLDEST_AGE).set(oldest_age.as_secs_f64());
    metrics::gauge!(OUTBOX_GIVEN_UP).set(given_up as f64);
}

/// The database pool as it is now.
pub fn db_pool(in_use: u32, idle: u32, max: u32, waiting: usize) {
    metrics::gauge!(DB_POOL_CONNECTIONS, "state" => "in_use").set(f64::from(in_use));
    metrics::gauge!(DB_POOL_CONNECTIONS, "state" => "idle").set(f64::from(idle));
    metrics::gauge!(DB_POOL_MAX).set(f64::from(max));
    metrics::gauge!(DB_POOL_WAITING).set(waiting as f64);
}

/// A live stream opened (1) or closed (-1).
pub fn event_streams_open(change: f64) {
    metrics::gauge!(EVENT_STREAMS_OPEN).increment(change);
}

/// A live stream the backend ended, and why.
pub fn event_stream_ended(reason: &'static str) {
    metrics::counter!(EVENT_STREAMS_ENDED, "reason" => reason).increment(1);
}

/// A live stream refused, and why.
pub fn event_stream_refused(reason: &'static str) {
    metrics::counter!(EVENT_STREAMS_REFUSED, "reason" => reason).increment(1);
}

pub fn build_info() {
    metrics::gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
}
