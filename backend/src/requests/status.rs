//! `POST /support-requests/{id}/status`: an agent (or the partner's
//! ticketing system, with an agent's token) moves a request on, with a note
//! that the customer reads in the widget's status view; the partner's staff
//! move their customers' messages on (see [`access::may_set_status`]).

use axum::extract::State;
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use support_contract::{ErrorCode, FieldError, RequestStatus};

use super::extract::{Keyed, KeyedBody, RequestId};
use super::idempotency::{self, Once};
use super::{rules, status_change, stored};
use crate::error::ApiError;
use crate::identity::{access, Action};
use crate::partner::PartnerScope;
use crate::AppState;

/// The body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusBody {
    status: String,
    #[serde(default)]
    note: Option<String>,
}

/// A status is set by whoever may set statuses at all; on which kind of
/// request is [`access::may_set_status`]'s to say, once the request is read.
impl KeyedBody for StatusBody {
    const MAY: Option<Action> = Some(Action::SetStatus);
}

/// Sets the status, adds it with the note to the history and to the
/// webhooks' outbox, and answers the request as `GET` would. With an
/// `Idempotency-Key`, a change is made once per key: sent again, the same
/// body gets the request as it is now, marked as a replay, and another
/// body 422 `idempotency_key_reused`.
///
/// The checks run in this order: those of [`Keyed`] (the token, the right
/// to set statuses at all, the body, the key's form when given), the fields
/// (422), the request (404), the caller's right to this request's kind
/// (403), the key's earlier use with another body (422).
pub async fn set(
    State(state): State<AppState>,
    RequestId(id): RequestId,
    scope: PartnerScope,
    Keyed {
        caller,
        body,
        key,
        hash,
    }: Keyed<StatusBody, Option<String>>,
) -> Result<Response, ApiError> {
    let not_found = ApiError::NotFound { field: "id" };
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
    let Some(kind) = stored::kind(&scope, &id).await? else {
        return Err(not_found);
    };
    if !access::may_set_status(&caller, kind) {
        return Err(ApiError::Forbidden);
    }
    let outbox = state.outbox();
    let actor = caller.subject_in(&scope);
    let actor = actor.as_deref();
    let keyed = key
        .as_deref()
        .map(|key| status_change::KeyAndHash { key, hash: &hash });
    let (scope, outbox, id, note) = (&scope, &outbox, id.as_str(), body.note.as_deref());
    let once = idempotency::once_per_key(
        &hash,
        move || async move {
            let Some(keyed) = keyed else {
                return Ok(None);
            };
            let found = status_change::by_key(scope, id, keyed.key).await?;
            Ok(found.map(|hash| ((), hash)))
        },
        move || async move {
            match status_change::set_status(scope, outbox, actor, id, status, note, keyed).await? {
                Some(_) => Ok(()),
                None => Err(ApiError::NotFound { field: "id" }),
            }
        },
    )
    .await?;
    let replayed = matches!(once, Once::Replayed(()));
    if !replayed {
        state.wake_after_commit();
    }
    let request = super::routes::read_as(scope, &caller, id)
        .await?
        .ok_or(not_found)?;
    let mut response = Json(request).into_response();
    if replayed {
        response.headers_mut().insert(
            HeaderName::from_static(super::routes::REPLAYED_HEADER),
            HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}
