//! What the answers to `POST /support-requests` and to a reply's
//! `POST /support-requests/{id}/replies` mean.

use serde::Deserialize;
use serde_json::Value;
use support_contract::{
    CreatedRequest, ErrorBody, ErrorCode, FieldError, Reply, RequestStatus, StoredRequest,
};
use thiserror::Error;

use super::plain_reference;
use crate::json;

/// Why a submission did not create a request. Each variant picks a message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SubmitError {
    #[error("the support service could not be reached")]
    Network,
    #[error("the support service refused some fields")]
    Rejected(Vec<FieldError>),
    #[error("the request body is too large")]
    TooLarge,
    /// `retry_after`: the seconds the service asked the widget to wait
    /// (`Retry-After`), when it said.
    #[error("the support service answered with status {status}")]
    Server {
        status: u16,
        retry_after: Option<u32>,
    },
    #[error("the support service's answer could not be read")]
    BadResponse,
    /// A 404 in the contract's own words (`not_found` on `id`): the
    /// service does not know the request that a reply or a status change
    /// was for, or no longer lets this user read it. Not "no service here",
    /// which a 404 without those words says.
    #[error("the support service does not know the request")]
    NotFound,
}

impl SubmitError {
    /// The `code` of the `support-widget:error` event the page receives.
    pub fn code(&self) -> &'static str {
        match self {
            SubmitError::Network => "network",
            SubmitError::Rejected(_) => "rejected",
            SubmitError::TooLarge => "too_large",
            SubmitError::Server { .. } => "server",
            SubmitError::BadResponse => "bad_response",
            SubmitError::NotFound => "not_found",
        }
    }
}

/// Reads the answer to `POST /support-requests`, with its `Retry-After`
/// header if it had one.
pub fn read_created(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<CreatedRequest, SubmitError> {
    match status {
        // Filed, but only an answer with the request's id and reference
        // lets the widget confirm it; sent again under the same key, the
        // request is not filed twice, and the backend answers again.
        200..=299 => created(body)
            .map(|created| CreatedRequest {
                reference: plain_reference(created.reference),
                ..created
            })
            .filter(|created: &CreatedRequest| {
                !created.id.trim().is_empty() && !created.reference.trim().is_empty()
            })
            .ok_or(SubmitError::BadResponse),
        _ => Err(refusal(status, retry_after, body)),
    }
}

/// Reads the answer to a reply's `POST`, as [`read_created`] reads a
/// filing's: sent again under the same key, the reply is not stored twice.
pub fn read_reply(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<Reply, SubmitError> {
    match status {
        200..=299 => json::from_str::<Reply>(body)
            .ok()
            .filter(|reply| !reply.id.trim().is_empty())
            .ok_or(SubmitError::BadResponse),
        _ => Err(refusal(status, retry_after, body)),
    }
}

/// Reads the answer to a status's `POST`: the request as it now stands.
pub fn read_status_set(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<StoredRequest, SubmitError> {
    match status {
        200..=299 => json::from_str::<StoredRequest>(body).map_err(|_| SubmitError::BadResponse),
        _ => Err(refusal(status, retry_after, body)),
    }
}

/// What an answer other than a success says of a post.
fn refusal(status: u16, retry_after: Option<&str>, body: &str) -> SubmitError {
    let server = || SubmitError::Server {
        status,
        retry_after: retry_after.and_then(parse_retry_after),
    };
    match status {
        413 => SubmitError::TooLarge,
        // Busy (the same post still in flight) or rate limited: worth
        // trying again with the same key, never a problem with the fields.
        409 | 429 => server(),
        400 | 422 => match json::from_str::<ErrorBody>(body) {
            Ok(ErrorBody { errors })
                if errors.iter().any(|e| e.code == ErrorCode::BodyTooLarge) =>
            {
                SubmitError::TooLarge
            }
            Ok(ErrorBody { errors }) if !errors.is_empty() => {
                SubmitError::Rejected(each_once(errors))
            }
            _ => server(),
        },
        404 if super::lookups::says_not_found(body) => SubmitError::NotFound,
        _ => server(),
    }
}

/// The answer to a filing. A status this version does not know (a newer
/// backend's), or none, reads as submitted: the answer says the request was
/// filed, which is what matters, and a refusal here would have the user send
/// it again.
fn created(body: &str) -> Option<CreatedRequest> {
    let mut answer: Value = json::from_str(body).ok()?;
    let status = (answer.get("status").cloned())
        .and_then(|status| RequestStatus::deserialize(status).ok())
        .unwrap_or_default();
    (answer.as_object_mut()?).insert("status".into(), status.as_str().into());
    serde_json::from_value(answer).ok()
}

/// Each error the backend named once, however often the answer repeats it,
/// and no more than a request's fields could have (from an answer that
/// names hundreds): the summary lists each.
fn each_once(errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut kept: Vec<FieldError> = Vec::new();
    for error in errors {
        if kept.len() == ERRORS_NAMED_MAX {
            break;
        }
        if !kept.contains(&error) {
            kept.push(error);
        }
    }
    kept
}

/// More errors than a request's fields (its text, contact, choices and
/// files) could have.
const ERRORS_NAMED_MAX: usize = 20;

/// `Retry-After` in seconds (more than `u32` holds reads as the most it
/// holds: a wait far too long to retry after). The HTTP-date form is not
/// used by the contract and is ignored, as is anything unreadable.
pub fn parse_retry_after(header: &str) -> Option<u32> {
    let seconds = header.trim();
    if seconds.is_empty() || !seconds.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(seconds.parse().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
