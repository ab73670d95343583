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

#[test]
fn an_error_says_what_it_came_from_once() {
    #[derive(Debug, thiserror::Error)]
    #[error("error sending request for url (http://127.0.0.1:9/hook)")]
    struct Sending(#[source] Connecting);
    #[derive(Debug, thiserror::Error)]
    #[error("tcp connect error: {0}")]
    struct Connecting(#[source] std::io::Error);
    let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
    assert_eq!(
        with_causes(&Sending(Connecting(refused))),
        "error sending request for url (http://127.0.0.1:9/hook): \
         tcp connect error: connection refused"
    );
}

#[test]
fn a_cause_is_left_out_only_when_the_error_above_it_says_it() {
    #[derive(Debug, thiserror::Error)]
    #[error("error sending request for url (http://refused.example/hook)")]
    struct Sending(#[source] Refused);
    #[derive(Debug, thiserror::Error)]
    #[error("refused")]
    struct Refused;
    // "refused" is in the URL, not what the error above it ends with: it
    // is said.
    assert_eq!(
        with_causes(&Sending(Refused)),
        "error sending request for url (http://refused.example/hook): refused"
    );
}
