//! Requests to the backend as plain data, and what their answers mean.
//!
//! Building a request and reading its answer need no network, so both are
//! tested natively; `api.rs` only sends what is built here.

use support_contract::{CreatedRequest, ErrorBody, ErrorCode, FieldError, NewSupportRequest};
use thiserror::Error;

use crate::host::BackendUrl;

/// An HTTP request, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

/// `POST {backend}/support-requests`, keyed so that sending it again (after
/// a timeout, say) can never file the request twice.
pub fn create_support_request(
    backend: &BackendUrl,
    idempotency_key: &str,
    request: &NewSupportRequest,
) -> HttpRequest {
    HttpRequest {
        method: "POST",
        url: backend.endpoint("support-requests"),
        headers: vec![
            ("Content-Type", "application/json".to_owned()),
            ("Idempotency-Key", idempotency_key.to_owned()),
        ],
        body: serde_json::to_string(request).ok(),
    }
}

/// Why a submission did not create a request. Each variant picks a message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SubmitError {
    #[error("the support service could not be reached")]
    Network,
    #[error("the support service refused some fields")]
    Rejected(Vec<FieldError>),
    #[error("the request body is too large")]
    TooLarge,
    #[error("the support service answered with status {0}")]
    Server(u16),
    #[error("the support service's answer could not be read")]
    BadResponse,
}

/// Reads the answer to `POST /support-requests`.
pub fn read_created(status: u16, body: &str) -> Result<CreatedRequest, SubmitError> {
    match status {
        200 | 201 => serde_json::from_str(body).map_err(|_| SubmitError::BadResponse),
        413 => Err(SubmitError::TooLarge),
        400 | 409 | 422 => match serde_json::from_str::<ErrorBody>(body) {
            Ok(ErrorBody { errors })
                if errors.iter().any(|e| e.code == ErrorCode::BodyTooLarge) =>
            {
                Err(SubmitError::TooLarge)
            }
            Ok(ErrorBody { errors }) if !errors.is_empty() => Err(SubmitError::Rejected(errors)),
            _ => Err(SubmitError::Server(status)),
        },
        _ => Err(SubmitError::Server(status)),
    }
}

#[cfg(test)]
mod tests {
    use support_contract::{RequestKind, RequestStatus};

    use super::*;

    fn backend() -> BackendUrl {
        BackendUrl::parse(Some("https://portal.example.com/api/support")).unwrap()
    }

    #[test]
    fn creating_a_request_posts_json_with_the_idempotency_key() {
        let body = NewSupportRequest {
            title: "标题".into(),
            ..NewSupportRequest::default()
        };
        let request =
            create_support_request(&backend(), "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11", &body);
        assert_eq!(request.method, "POST");
        assert_eq!(
            request.url,
            "https://portal.example.com/api/support/support-requests"
        );
        assert!(request
            .headers
            .contains(&("Content-Type", "application/json".into())));
        assert!(request.headers.contains(&(
            "Idempotency-Key",
            "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11".into()
        )));
        let sent: NewSupportRequest =
            serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
        assert_eq!(sent, body);
        assert_eq!(sent.kind, RequestKind::PartnerCenter);
    }

    #[test]
    fn a_201_gives_the_reference() {
        let body = r#"{"id":"a1","reference":"SR-000001","status":"submitted","created_at":"2026-11-22T10:00:00Z"}"#;
        let created = read_created(201, body).unwrap();
        assert_eq!(created.reference, "SR-000001");
        assert_eq!(created.status, RequestStatus::Submitted);
    }

    #[test]
    fn a_422_gives_the_field_errors() {
        let body = r#"{"errors":[{"field":"contact.email","code":"invalid_email"}]}"#;
        assert_eq!(
            read_created(422, body),
            Err(SubmitError::Rejected(vec![FieldError::new(
                "contact.email",
                ErrorCode::InvalidEmail
            )]))
        );
    }

    #[test]
    fn unreadable_or_failed_answers_are_errors_not_panics() {
        assert_eq!(read_created(201, "<html>"), Err(SubmitError::BadResponse));
        assert_eq!(read_created(422, "oops"), Err(SubmitError::Server(422)));
        assert_eq!(read_created(503, ""), Err(SubmitError::Server(503)));
        assert_eq!(read_created(413, ""), Err(SubmitError::TooLarge));
    }
}
