//! Every way a request can fail, and the JSON answer for each: the widget
//! always gets `{"errors":[{"field","code"}]}`, never an empty or HTML body.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use support_contract::{ErrorBody, ErrorCode, FieldError};

/// The header that carries the idempotency key, as errors name it.
pub const IDEMPOTENCY_KEY_FIELD: &str = "Idempotency-Key";

/// The header that says how the body is encoded, as errors name it.
pub const CONTENT_TYPE_FIELD: &str = "Content-Type";

/// The field that upload errors name: the uploaded file itself.
pub const FILE_FIELD: &str = "file";

/// A failed API call. Each variant maps to one status code and error code.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("the body is larger than the limit")]
    BodyTooLarge,
    #[error("the body is not a support request in JSON")]
    MalformedBody,
    #[error("the body is not sent as application/json")]
    UnsupportedMediaType,
    #[error("Idempotency-Key is missing or not a UUID")]
    InvalidIdempotencyKey,
    /// A query parameter is missing or invalid (`field` names it).
    #[error("bad query parameter {}", .0.field)]
    BadQuery(FieldError),
    #[error("the request has {} invalid field(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// An upload refused for its bytes: `file_too_large` (413),
    /// `file_type_not_allowed` (415), `file_empty` or `file_type_mismatch`
    /// (422).
    #[error("the uploaded file was refused: {0:?}")]
    File(ErrorCode),
    #[error("Idempotency-Key was already used with another body")]
    IdempotencyKeyReused,
    /// A request with the same key and body is still being filed.
    #[error("a request with this Idempotency-Key is still in flight")]
    IdempotencyKeyInFlight { retry_after_secs: u64 },
    /// The client sent too many requests; it may try again after this long.
    #[error("rate limited for {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// `field` names what was looked up (`id` for a request, empty for a path).
    #[error("not found")]
    NotFound { field: &'static str },
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The body stopped arriving (`serve::BODY_FRAMES_WITHIN`): 408, which
    /// clients retry, as the connection's failure it most likely is.
    #[error("the body stopped arriving")]
    BodyTimedOut,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Something that should not happen, such as a stored row that no longer
    /// parses; the detail goes to the log, not to the client.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The error of a body that broke off: [`ApiError::BodyTimedOut`] when it
/// was the body's deadline, else a malformed body.
pub fn broken_body(error: &(dyn std::error::Error + 'static)) -> ApiError {
    let mut next = Some(error);
    while let Some(error) = next {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return ApiError::BodyTimedOut;
        }
        next = error.source();
    }
    ApiError::MalformedBody
}

/// One error whose code the contract's `ErrorCode` does not have (yet):
/// `not_found`, `method_not_allowed`, `request_timeout`, `internal_error`. The widget reads
/// unknown codes as `ErrorCode::Unknown`, so these stay compatible.
#[derive(Serialize)]
struct LocalFieldError {
    field: &'static str,
    code: &'static str,
}

#[derive(Serialize)]
struct LocalErrorBody {
    errors: [LocalFieldError; 1],
}

fn contract_error(status: StatusCode, errors: Vec<FieldError>) -> Response {
    (status, Json(ErrorBody { errors })).into_response()
}

/// `response` with `Retry-After` in whole seconds (at least one).
fn retry_after(mut response: Response, seconds: u64) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
    response
}

fn local_error(status: StatusCode, field: &'static str, code: &'static str) -> Response {
    let body = LocalErrorBody {
        errors: [LocalFieldError { field, code }],
    };
    (status, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let one =
            |status, field: &str, code| contract_error(status, vec![FieldError::new(field, code)]);
        match self {
            ApiError::BodyTooLarge => {
                one(StatusCode::PAYLOAD_TOO_LARGE, "", ErrorCode::BodyTooLarge)
            }
            ApiError::MalformedBody => one(StatusCode::BAD_REQUEST, "", ErrorCode::MalformedBody),
            ApiError::UnsupportedMediaType => one(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                CONTENT_TYPE_FIELD,
                ErrorCode::UnsupportedMediaType,
            ),
            ApiError::InvalidIdempotencyKey => one(
                StatusCode::BAD_REQUEST,
                IDEMPOTENCY_KEY_FIELD,
                ErrorCode::InvalidIdempotencyKey,
            ),
            ApiError::BadQuery(error) => contract_error(StatusCode::BAD_REQUEST, vec![error]),
            ApiError::Invalid(errors) => contract_error(StatusCode::UNPROCESSABLE_ENTITY, errors),
            ApiError::File(code) => {
                let status = match code {
                    ErrorCode::FileTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                    ErrorCode::FileTypeNotAllowed => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    _ => StatusCode::UNPROCESSABLE_ENTITY,
                };
                one(status, FILE_FIELD, code)
            }
            ApiError::IdempotencyKeyReused => one(
                StatusCode::UNPROCESSABLE_ENTITY,
                IDEMPOTENCY_KEY_FIELD,
                ErrorCode::IdempotencyKeyReused,
            ),
            ApiError::IdempotencyKeyInFlight { retry_after_secs } => retry_after(
                one(
                    StatusCode::CONFLICT,
                    IDEMPOTENCY_KEY_FIELD,
                    ErrorCode::IdempotencyKeyInFlight,
                ),
                retry_after_secs,
            ),
            ApiError::RateLimited { retry_after_secs } => retry_after(
                one(StatusCode::TOO_MANY_REQUESTS, "", ErrorCode::RateLimited),
                retry_after_secs,
            ),
            ApiError::NotFound { field } => local_error(StatusCode::NOT_FOUND, field, "not_found"),
            ApiError::MethodNotAllowed => {
                local_error(StatusCode::METHOD_NOT_ALLOWED, "", "method_not_allowed")
            }
            ApiError::BodyTimedOut => {
                local_error(StatusCode::REQUEST_TIMEOUT, "", "request_timeout")
            }
            ApiError::Database(_) | ApiError::Internal(_) => {
                tracing::error!("{self}");
                local_error(StatusCode::INTERNAL_SERVER_ERROR, "", "internal_error")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn json_of(error: ApiError) -> (StatusCode, serde_json::Value) {
        let response = error.into_response();
        let status = response.status();
        assert_eq!(response.headers()["content-type"], "application/json");
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn every_error_is_an_error_body() {
        let cases = [
            (ApiError::BodyTooLarge, 413, "", "body_too_large"),
            (ApiError::MalformedBody, 400, "", "malformed_body"),
            (
                ApiError::UnsupportedMediaType,
                415,
                "Content-Type",
                "unsupported_media_type",
            ),
            (
                ApiError::IdempotencyKeyInFlight {
                    retry_after_secs: 1,
                },
                409,
                "Idempotency-Key",
                "idempotency_key_in_flight",
            ),
            (
                ApiError::RateLimited {
                    retry_after_secs: 7,
                },
                429,
                "",
                "rate_limited",
            ),
            (
                ApiError::InvalidIdempotencyKey,
                400,
                "Idempotency-Key",
                "invalid_idempotency_key",
            ),
            (
                ApiError::IdempotencyKeyReused,
                422,
                "Idempotency-Key",
                "idempotency_key_reused",
            ),
            (
                ApiError::BadQuery(FieldError::new("query", ErrorCode::TooLong)),
                400,
                "query",
                "too_long",
            ),
            (ApiError::NotFound { field: "id" }, 404, "id", "not_found"),
            (
                ApiError::File(ErrorCode::FileTooLarge),
                413,
                "file",
                "file_too_large",
            ),
            (
                ApiError::File(ErrorCode::FileTypeNotAllowed),
                415,
                "file",
                "file_type_not_allowed",
            ),
            (
                ApiError::File(ErrorCode::FileTypeMismatch),
                422,
                "file",
                "file_type_mismatch",
            ),
            (
                ApiError::File(ErrorCode::FileEmpty),
                422,
                "file",
                "file_empty",
            ),
            (ApiError::MethodNotAllowed, 405, "", "method_not_allowed"),
            (ApiError::Internal("boom".into()), 500, "", "internal_error"),
        ];
        for (error, status, field, code) in cases {
            let (got_status, json) = json_of(error).await;
            assert_eq!(got_status.as_u16(), status);
            assert_eq!(
                json,
                serde_json::json!({"errors": [{"field": field, "code": code}]})
            );
        }
    }

    #[test]
    fn retries_are_told_when_to_come_back() {
        let in_flight = ApiError::IdempotencyKeyInFlight {
            retry_after_secs: 1,
        }
        .into_response();
        assert_eq!(in_flight.headers()["retry-after"], "1");
        let limited = ApiError::RateLimited {
            retry_after_secs: 0,
        }
        .into_response();
        assert_eq!(
            limited.headers()["retry-after"],
            "1",
            "never zero: that would invite a retry storm"
        );
        let malformed = ApiError::MalformedBody.into_response();
        assert!(malformed.headers().get("retry-after").is_none());
    }

    #[tokio::test]
    async fn validation_errors_keep_every_field() {
        let errors = vec![
            FieldError::new("title", ErrorCode::Required),
            FieldError::new("contact.email", ErrorCode::InvalidEmail),
        ];
        let (status, json) = json_of(ApiError::Invalid(errors)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            json,
            serde_json::json!({"errors": [
                {"field": "title", "code": "required"},
                {"field": "contact.email", "code": "invalid_email"},
            ]})
        );
    }
}
