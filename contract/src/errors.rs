//! What a refusal says: the code of each problem and the field it is at,
//! as every 4xx body lists them (`ErrorBody`), for the field rules'
//! refusals and the HTTP-level ones alike.

use serde::{Deserialize, Serialize};

/// Why a field was refused; serialized as the `code` of a 422 error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    TooLong,
    InvalidEmail,
    InvalidPhone,
    ControlCharacters,
    /// A value the field does not allow (an unknown customer, say).
    InvalidValue,
    /// The addressed thing does not exist (`GET /support-requests/{id}`).
    NotFound,
    /// The body is not JSON, or not the JSON of the contract (`field` is empty).
    MalformedBody,
    /// The body is larger than `limits::BODY_MAX_BYTES` (`field` is empty).
    BodyTooLarge,
    /// `Idempotency-Key` is missing or not a UUID (`field` is `Idempotency-Key`).
    InvalidIdempotencyKey,
    /// The same `Idempotency-Key` came with another body.
    IdempotencyKeyReused,
    /// A request with the same `Idempotency-Key` is still being processed
    /// (409, with `Retry-After`): send the same body again a little later.
    IdempotencyKeyInFlight,
    /// Too many requests from this client (429, with `Retry-After` seconds;
    /// `field` is empty).
    RateLimited,
    /// The body is not sent as `Content-Type: application/json` (415;
    /// `field` is `Content-Type`).
    UnsupportedMediaType,
    /// An attached file has no bytes.
    FileEmpty,
    /// An attached file is larger than `ATTACHMENT_MAX_BYTES` (413 on upload).
    FileTooLarge,
    /// An attached file's bytes are none of the allowed kinds (415 on
    /// upload): see `FileKind`.
    FileTypeNotAllowed,
    /// An attached file's declared type or extension says it is something
    /// other than its bytes are (an HTML page named `.png`).
    FileTypeMismatch,
    /// A request lists more than `ATTACHMENTS_MAX_FILES` files.
    TooManyFiles,
    /// A request's files add up to more than `ATTACHMENTS_MAX_TOTAL_BYTES`.
    AttachmentsTooLarge,
    /// Anything the widget does not know yet: shown as a generic message.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code but [`ErrorCode::Unknown`].
    pub const KNOWN: [ErrorCode; 20] = [
        ErrorCode::Required,
        ErrorCode::TooLong,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPhone,
        ErrorCode::ControlCharacters,
        ErrorCode::InvalidValue,
        ErrorCode::NotFound,
        ErrorCode::MalformedBody,
        ErrorCode::BodyTooLarge,
        ErrorCode::InvalidIdempotencyKey,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::IdempotencyKeyInFlight,
        ErrorCode::RateLimited,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::FileEmpty,
        ErrorCode::FileTooLarge,
        ErrorCode::FileTypeNotAllowed,
        ErrorCode::FileTypeMismatch,
        ErrorCode::TooManyFiles,
        ErrorCode::AttachmentsTooLarge,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::TooLong => "too_long",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::ControlCharacters => "control_characters",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MalformedBody => "malformed_body",
            ErrorCode::BodyTooLarge => "body_too_large",
            ErrorCode::InvalidIdempotencyKey => "invalid_idempotency_key",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::IdempotencyKeyInFlight => "idempotency_key_in_flight",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::FileEmpty => "file_empty",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::FileTypeNotAllowed => "file_type_not_allowed",
            ErrorCode::FileTypeMismatch => "file_type_mismatch",
            ErrorCode::TooManyFiles => "too_many_files",
            ErrorCode::AttachmentsTooLarge => "attachments_too_large",
            ErrorCode::Unknown => "unknown",
        }
    }

    /// The code named `value`; any name this version does not know is
    /// [`ErrorCode::Unknown`].
    pub fn parse(value: &str) -> ErrorCode {
        (ErrorCode::KNOWN.into_iter())
            .find(|code| code.as_str() == value)
            .unwrap_or(ErrorCode::Unknown)
    }
}

/// One problem with one field, addressed by its JSON path (`contact.email`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode) -> Self {
        FieldError {
            field: field.to_owned(),
            code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_named_as_serde_names_them() {
        for code in ErrorCode::KNOWN.into_iter().chain([ErrorCode::Unknown]) {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
            assert_eq!(ErrorCode::parse(code.as_str()), code);
        }
        assert_eq!(
            ErrorCode::parse("a_code_from_a_newer_backend"),
            ErrorCode::Unknown
        );
        let newer: ErrorCode = serde_json::from_str("\"a_code_from_a_newer_backend\"").unwrap();
        assert_eq!(newer, ErrorCode::Unknown);
    }
}
