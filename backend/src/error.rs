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

/// The header that carries the bearer token, as errors name it.
pub const AUTHORIZATION_FIELD: &str = "Authorization";

/// What a 401 says about the scheme and the error (RFC 6750).
pub const WWW_AUTHENTICATE: &str = r#"Bearer error="invalid_token""#;

/// An error with each error it came from, as one line (`a: b: c`), for
/// the log and `support-backend deliveries`: an HTTP client's "error
/// sending request" says why only in its sources ("Connection refused").
/// A source whose words end the error above it (as `tcp connect error:
/// {source}` writes them) is left out.
pub fn with_causes(error: &dyn std::error::Error) -> String {
    let mut said = error.to_string();
    let mut above = said.clone();
    let mut source = error.source();
    while let Some(cause) = source {
        let words = cause.to_string();
        if !above.ends_with(&words) {
            said = format!("{said}: {words}");
        }
        above = words;
        source = cause.source();
    }
    said
}

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
    /// The process holds as many live streams as it may (503): the client
    /// may try again after this long.
    #[error("too many live streams open for {retry_after_secs} s")]
    TooManyStreams { retry_after_secs: u64 },
    /// No usable bearer token: 401 with `WWW-Authenticate`.
    #[error("no valid bearer token")]
    Unauthenticated,
    /// A valid token whose role may not do this: 403.
    #[error("the caller's role may not do this")]
    Forbidden,
    /// The caller's uploads that no request took yet already hold
    /// [`crate::attachments::UPLOAD_QUOTA_BYTES`]: 413.
    #[error("the caller's unattached uploads are over the quota")]
    UploadQuotaExceeded,
    /// `field` names what was looked up (`id` for a request, empty for a path).
    #[error("not found")]
    NotFound { field: &'static str },
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The body stopped arriving (`server::connections::BODY_FRAMES_WITHIN`): 408, which
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
/// `not_found`, `method_not_allowed`, `request_timeout`,
/// `service_unavailable`, `internal_error`. The widget reads unknown codes
/// as `ErrorCode::Unknown`, so these stay compatible.
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
        match self {
            ApiError::IdempotencyKeyInFlight { .. } => crate::meter::idempotency_in_flight(),
            ApiError::UploadQuotaExceeded => crate::meter::upload_quota_refused(),
            _ => {}
        }
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
            ApiError::TooManyStreams { retry_after_secs } => retry_after(
                local_error(StatusCode::SERVICE_UNAVAILABLE, "", "service_unavailable"),
                retry_after_secs,
            ),
            ApiError::Unauthenticated => {
                let mut response = local_error(
                    StatusCode::UNAUTHORIZED,
                    AUTHORIZATION_FIELD,
                    "invalid_token",
                );
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(WWW_AUTHENTICATE),
                );
                response
            }
            ApiError::Forbidden => {
                local_error(StatusCode::FORBIDDEN, AUTHORIZATION_FIELD, "forbidden")
            }
            ApiError::UploadQuotaExceeded => local_error(
                StatusCode::PAYLOAD_TOO_LARGE,
                FILE_FIELD,
                "upload_quota_exceeded",
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
mod tests;
