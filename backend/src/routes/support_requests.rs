//! `POST /support-requests` and `GET /support-requests/{id}`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use support_contract::{CreatedRequest, NewSupportRequest, StoredRequest};

use crate::db::{self, catalogue, Created};
use crate::error::ApiError;
use crate::idempotency::{self, StoredResponse};
use crate::AppState;

/// Set on an answer that repeats the first answer to an idempotency key.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// How often a create is retried when a concurrent request took its key and
/// the stored answer then vanished (it expired in between): practically once.
const ATTEMPTS: usize = 3;

/// Creates a support request. The checks run in the order the contract lists
/// them: size (413), JSON shape (400), idempotency key (400), a replay or
/// reuse of the key, then the field rules and the customer and service
/// checks (422).
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    // The body is read here rather than with the `Json` extractor so that
    // every failure gets the contract's JSON error instead of axum's text.
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::BodyTooLarge,
        _ => ApiError::MalformedBody,
    })?;
    let request: NewSupportRequest =
        serde_json::from_slice(&body).map_err(|_| ApiError::MalformedBody)?;
    let key = idempotency::key_from_headers(&headers)?;
    let hash = idempotency::body_hash(&body);

    for _ in 0..ATTEMPTS {
        let mut conn = state.db.pool().acquire().await?;
        let previous = idempotency::find(&mut conn, state.db.dialect(), &key).await?;
        drop(conn);
        if let Some(previous) = previous {
            return replay(previous, &hash);
        }
        // Validated only when the key is new: a stored key already answered
        // this exact body, and a different body is a reuse either way.
        let mut errors = request.validate();
        errors.extend(catalogue::unknown_references(&state.db, &request).await?);
        if !errors.is_empty() {
            errors.sort_by_key(|error| form_position(&error.field));
            return Err(ApiError::Invalid(errors));
        }
        match db::create_request(&state.db, &key, &hash, &request).await? {
            Created::New(stored) => return respond(&stored, false),
            // Lost the race for this key: loop to replay the winner's answer.
            Created::KeyTaken => continue,
        }
    }
    Err(ApiError::Internal(format!(
        "idempotency key {key}: no stored answer after {ATTEMPTS} attempts"
    )))
}

/// The fields in the order the forms show them, which is the order of the
/// errors in a 422 (the contract's rules already list theirs in this order;
/// the customer and service checks against the database slot in).
const FORM_ORDER: [&str; 9] = [
    "category",
    "customer",
    "service",
    "severity",
    "title",
    "description",
    "contact.name",
    "contact.email",
    "contact.phone",
];

/// Where a field's error goes among the others; unknown fields go last.
fn form_position(field: &str) -> usize {
    FORM_ORDER
        .iter()
        .position(|f| *f == field)
        .unwrap_or(FORM_ORDER.len())
}

/// The stored answer for a repeated key, if the body is the same one.
fn replay(previous: StoredResponse, hash: &str) -> Result<Response, ApiError> {
    if previous.body_sha256 != hash {
        return Err(ApiError::IdempotencyKeyReused);
    }
    respond(&previous, true)
}

/// Sends a stored answer byte for byte, so a replay is identical to the
/// first answer (plus the replay marker).
fn respond(stored: &StoredResponse, replayed: bool) -> Result<Response, ApiError> {
    let status = StatusCode::from_u16(stored.status_code)
        .map_err(|e| ApiError::Internal(format!("stored status: {e}")))?;
    let created: CreatedRequest = serde_json::from_str(&stored.response)
        .map_err(|e| ApiError::Internal(format!("stored response: {e}")))?;
    let mut response = (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        stored.response.clone(),
    )
        .into_response();
    // Relative on purpose: resolved against the URL that was posted to, it
    // stays right when a proxy serves the API under a path prefix.
    if let Ok(location) = HeaderValue::from_str(&format!("support-requests/{}", created.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    if replayed {
        response.headers_mut().insert(
            HeaderName::from_static(REPLAYED_HEADER),
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// Answers the status of one request.
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<StoredRequest>, ApiError> {
    db::find_request(&state.db, &id)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound { field: "id" })
}
