//! Reading a JSON body: its size and its media type, each failure a 4xx
//! with the contract's error body (never axum's plain-text rejections, never
//! a 500). [`crate::requests::extract::Keyed`] reads its JSON.

use axum::body::Bytes;
use axum::extract::{rejection::BytesRejection, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// The bytes of a JSON body: 413 past the limit, 415 when it is not sent as
/// JSON.
pub fn json_bytes(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, ApiError> {
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::BodyTooLarge,
        _ => crate::error::broken_body(&rejection),
    })?;
    if !is_json(headers) {
        return Err(ApiError::UnsupportedMediaType);
    }
    Ok(bytes)
}

/// Refuses a body announced (`Content-Length`) larger than the limit at
/// once, before any of it is read: a client that then sends nothing is
/// answered, not waited for. A body that passes the limit unannounced
/// (chunked) is refused as it is read, by [`json_bytes`].
pub async fn refuse_announced_oversize(request: Request, next: Next) -> Response {
    let limit = support_contract::limits::BODY_MAX_BYTES as u64;
    if announced_length(request.headers()).is_some_and(|length| length > limit) {
        return ApiError::BodyTooLarge.into_response();
    }
    next.run(request).await
}

/// The `Content-Length`, when the client sent one.
pub fn announced_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// Whether `Content-Type` is `application/json`, in any case, with or
/// without parameters (`; charset=utf-8`). Anything else is refused rather
/// than guessed at: a form post or `text/plain` is not the widget, and JSON
/// is UTF-8 by definition, so a `charset` parameter changes nothing.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(text) = value.to_str() else {
        return false;
    };
    let essence = text.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_type(value: &[u8]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_bytes(value).unwrap(),
        );
        headers
    }

    #[test]
    fn json_in_any_spelling_is_json() {
        for good in [
            &b"application/json"[..],
            b"Application/JSON",
            b"application/json; charset=utf-8",
            b" application/json ;charset=UTF-8",
        ] {
            assert!(is_json(&with_type(good)), "{good:?}");
        }
    }

    #[test]
    fn other_media_types_are_not() {
        assert!(!is_json(&HeaderMap::new()));
        for bad in [
            &b"text/plain"[..],
            b"application/x-www-form-urlencoded",
            b"multipart/form-data; boundary=x",
            b"application/jsonp",
            b"application/json-patch+json",
            b"",
            b"\xff",
        ] {
            assert!(!is_json(&with_type(bad)), "{bad:?}");
        }
    }
}
