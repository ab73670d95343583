//! `POST /support-requests` and `GET /support-requests/{id}`.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use support_contract::{CreatedRequest, NewSupportRequest, StoredRequest};

use crate::db::keys::{self, Claim, KeyState};
use crate::db::{self, Created, Db};
use crate::error::ApiError;
use crate::idempotency::{self, StoredResponse, IN_FLIGHT_RETRY_AFTER};
use crate::{request_body, request_rules, AppState};

/// Set on an answer that repeats the first answer to an idempotency key.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// How often a create looks at its key again after losing it to a
/// concurrent request: once is nearly always enough (the other request is
/// then seen in flight or completed); the bound keeps a pathological race
/// from looping.
const ATTEMPTS: usize = 3;

/// Creates a support request. The checks run in the order the contract lists
/// them: size (413), media type (415), JSON shape (400), idempotency key
/// (400), the key's state (replay, 409 in flight, 422 reused), then the
/// field rules and the customer and service checks (422).
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = request_body::read(&headers, body)?;
    let key = idempotency::key_from_headers(&headers)?;
    let hash = idempotency::body_hash(&body.bytes);
    let mut validated = false;
    for _ in 0..ATTEMPTS {
        match keys::find(&state.db, &key).await? {
            Some(KeyState::Completed(previous)) => return replay(previous, &hash),
            Some(KeyState::InFlight { body_sha256, .. }) if body_sha256 != hash => {
                return Err(ApiError::IdempotencyKeyReused)
            }
            Some(KeyState::InFlight { stale: false, .. }) => {
                return Err(ApiError::IdempotencyKeyInFlight {
                    retry_after_secs: IN_FLIGHT_RETRY_AFTER.as_secs(),
                })
            }
            // A stale claim was abandoned; claiming below takes it over.
            Some(KeyState::InFlight { stale: true, .. }) | None => {}
        }
        // Validated only when the key is not answered yet: a stored key
        // already answered this exact body, and another body is a reuse.
        if !validated {
            let errors = request_rules::field_errors(&state.db, &body.request).await?;
            if !errors.is_empty() {
                return Err(ApiError::Invalid(errors));
            }
            validated = true;
        }
        let Some(claim) = keys::claim(&state.db, &key, &hash).await? else {
            // Another request got the key first: look at its state again.
            continue;
        };
        match file(state.db.clone(), claim, body.request.clone()).await? {
            Created::New(stored) => return respond(&stored, false),
            Created::ClaimLost => continue,
        }
    }
    Err(ApiError::IdempotencyKeyInFlight {
        retry_after_secs: IN_FLIGHT_RETRY_AFTER.as_secs(),
    })
}

/// Files the request under its claim in a task of its own, so that a client
/// hanging up does not cancel filing halfway and leave the claim in flight;
/// when filing fails, the claim is released so a retry can claim it at once.
async fn file(db: Db, claim: Claim, request: NewSupportRequest) -> Result<Created, ApiError> {
    let task = tokio::spawn(async move {
        let result = db::create_request(&db, &claim, &request).await;
        if result.is_err() {
            if let Err(error) = keys::release(&db, &claim).await {
                // The claim then goes stale and is taken over by a retry.
                tracing::warn!("cannot release idempotency key {}: {error}", claim.key());
            }
        }
        result
    });
    task.await
        .map_err(|error| ApiError::Internal(format!("filing task: {error}")))?
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
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<StoredRequest>, ApiError> {
    // An id that is not even UTF-8 names no request: 404, as JSON.
    let Ok(Path(id)) = id else {
        return Err(ApiError::NotFound { field: "id" });
    };
    db::find_request(&state.db, &id)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound { field: "id" })
}
