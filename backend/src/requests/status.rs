//! `POST /support-requests/{id}/status`: an agent (or the partner's
//! ticketing system, with an agent's token) moves a request on, with a note
//! that the customer reads in the widget's status view; the partner's staff
//! move their customers' messages on (see [`access::may_set_status`]).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde::Deserialize;
use support_contract::{ErrorCode, FieldError, RequestStatus, StoredRequest};

use super::{rules, status_change, stored};
use crate::error::ApiError;
use crate::identity::{access, Action, Caller};
use crate::AppState;

/// The body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    status: String,
    #[serde(default)]
    note: Option<String>,
}

/// Sets the status, adds it with the note to the history and to the
/// webhooks' outbox, and answers the request as `GET` would.
pub async fn set(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<StoredRequest>, ApiError> {
    caller.may(Action::SetStatus)?;
    let not_found = ApiError::NotFound { field: "id" };
    let Ok(Path(id)) = id else {
        return Err(not_found);
    };
    let bytes = crate::request_body::json_bytes(&headers, body)?;
    let body: StatusBody = serde_json::from_slice(&bytes).map_err(|_| ApiError::MalformedBody)?;
    let mut errors = Vec::new();
    let status = RequestStatus::parse(&body.status);
    if status.is_none() {
        errors.push(FieldError::new("status", ErrorCode::InvalidValue));
    }
    if let Some(Err(code)) = body.note.as_deref().map(rules::check_note) {
        errors.push(FieldError::new("note", code));
    }
    let Some(status) = status.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Invalid(errors));
    };
    // Only ids here: a reference is for operators at the command line.
    let Some(kind) = stored::kind(&state.db, &id).await? else {
        return Err(not_found);
    };
    if !access::may_set_status(&caller, kind) {
        return Err(ApiError::Forbidden);
    }
    let outbox = state.outbox();
    let actor = caller.filed_by();
    status_change::set_status(&state.db, &outbox, actor, &id, status, body.note.as_deref())
        .await?
        .ok_or(ApiError::NotFound { field: "id" })?;
    state.wake_deliverer();
    stored::find_request(&state.db, &id)
        .await?
        .map(Json)
        .ok_or(not_found)
}
