//! What a request's handlers take, said in their signatures: [`RequestId`],
//! the `{id}` of `/support-requests/{id}/…`, and [`Keyed`], a JSON body sent
//! under an `Idempotency-Key`, with the caller who sent it. Each answers
//! what a client got wrong with the contract's error, in the contract's
//! order (`docs/own-backend.md`): axum runs a handler's extractors from left
//! to right, and the body's last.

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use serde::de::DeserializeOwned;
use std::sync::Arc;

use super::idempotency;
use crate::error::ApiError;
use crate::identity::{Action, Auth, Caller};

/// The request named by the path, as the client wrote it. A path whose id
/// is not even UTF-8 names no request: 404 at once, before the token is
/// read, as for any path that is not the API's.
pub struct RequestId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(Self(id)),
            Err(_) => Err(ApiError::NotFound { field: "id" }),
        }
    }
}

/// A body that is sent under an `Idempotency-Key`: what the caller must be
/// allowed to send it.
pub trait KeyedBody: DeserializeOwned {
    /// The right to send this at all, checked before the body is read: a
    /// caller without it gets 403 whatever it sent.
    const MAY: Option<Action>;

    /// The right this body needs, where the body says which (the kind of
    /// request filed): checked once it is read, before its key.
    fn may(&self) -> Option<Action> {
        None
    }
}

/// How the key is read: required (`String`), or where it may be left out
/// (`Option<String>`, status changes, which older clients send without one).
pub trait Key: Sized {
    fn from_headers(headers: &HeaderMap) -> Result<Self, ApiError>;
}

impl Key for String {
    fn from_headers(headers: &HeaderMap) -> Result<Self, ApiError> {
        idempotency::key_from_headers(headers)
    }
}

impl Key for Option<String> {
    fn from_headers(headers: &HeaderMap) -> Result<Self, ApiError> {
        idempotency::optional_key_from_headers(headers)
    }
}

/// A keyed JSON body, with its caller. Read in this order: the token (401),
/// the caller's right to send it at all (403, [`KeyedBody::MAY`]), size
/// (413), media type (415), JSON shape (400), the right to this body (403,
/// [`KeyedBody::may`]), the key's form (400).
pub struct Keyed<T, K = String> {
    pub caller: Caller,
    pub body: T,
    /// The `Idempotency-Key`, lowercase and hyphenated.
    pub key: K,
    /// What the key remembers the body by: its bytes as sent, with the
    /// caller's `sub` (see [`idempotency::users_body_hash`]).
    pub hash: String,
}

impl<S, T, K> FromRequest<S> for Keyed<T, K>
where
    S: Send + Sync,
    Arc<Auth>: FromRef<S>,
    T: KeyedBody,
    K: Key,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let (mut parts, body) = request.into_parts();
        let caller = Caller::from_request_parts(&mut parts, state).await?;
        if let Some(action) = T::MAY {
            caller.may(action)?;
        }
        let headers = parts.headers.clone();
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state).await;
        let bytes = crate::request_body::json_bytes(&headers, bytes)?;
        let body: T = serde_json::from_slice(&bytes).map_err(|_| ApiError::MalformedBody)?;
        if let Some(action) = body.may() {
            caller.may(action)?;
        }
        let key = K::from_headers(&headers)?;
        let hash = idempotency::users_body_hash(caller.filed_by(), &bytes);
        Ok(Self {
            caller,
            body,
            key,
            hash,
        })
    }
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::header;
    use support_contract::{NewReply, NewSupportRequest};

    use super::*;

    const KEY: &str = "6F9619FF-8B86-D011-B42D-00C04FC964FF";

    /// Who is asking, on a backend without sign-in: anybody, who may do
    /// anything.
    fn open() -> Arc<Auth> {
        Arc::new(Auth {
            verifier: None,
            anonymous_customers: false,
            partners: None,
        })
    }

    fn post(media_type: Option<&str>, key: Option<&str>, body: impl Into<Body>) -> Request {
        let mut request = Request::post("/support-requests/x/replies");
        if let Some(media_type) = media_type {
            request = request.header(header::CONTENT_TYPE, media_type);
        }
        if let Some(key) = key {
            request = request.header(idempotency::HEADER, key);
        }
        request.body(body.into()).unwrap()
    }

    async fn keyed<T: KeyedBody, K: Key>(request: Request) -> Result<Keyed<T, K>, ApiError> {
        Keyed::from_request(request, &open()).await
    }

    #[tokio::test]
    async fn a_keyed_body_is_read_with_its_key_and_hash() {
        let body = r#"{"body":"It works now.","attachments":[]}"#;
        let sent = post(Some("application/json"), Some(KEY), body);
        let read = keyed::<NewReply, String>(sent).await.unwrap();
        assert_eq!(read.body.body, "It works now.");
        assert_eq!(read.key, KEY.to_ascii_lowercase());
        assert_eq!(read.hash, idempotency::body_hash(body.as_bytes()));
        assert!(matches!(read.caller, Caller::Open));
    }

    #[tokio::test]
    async fn the_media_type_comes_before_the_json_and_the_json_before_the_key() {
        let error = keyed::<NewReply, String>(post(None, None, "{")).await;
        assert!(matches!(error, Err(ApiError::UnsupportedMediaType)));
        let error = keyed::<NewReply, String>(post(Some("application/json"), None, "{")).await;
        assert!(matches!(error, Err(ApiError::MalformedBody)));
        let body = r#"{"body":"x","attachments":[]}"#;
        let error = keyed::<NewReply, String>(post(Some("application/json"), None, body)).await;
        assert!(matches!(error, Err(ApiError::InvalidIdempotencyKey)));
        let bad_key = post(Some("application/json"), Some("not-a-uuid"), body);
        let error = keyed::<NewReply, Option<String>>(bad_key).await;
        assert!(matches!(error, Err(ApiError::InvalidIdempotencyKey)));
    }

    #[tokio::test]
    async fn a_key_that_may_be_left_out_is_none() {
        let body = r#"{"body":"x","attachments":[]}"#;
        let read = keyed::<NewReply, Option<String>>(post(Some("application/json"), None, body));
        assert_eq!(read.await.unwrap().key, None);
    }

    #[tokio::test]
    async fn json_nested_past_serde_json_s_limit_is_malformed_not_a_crash() {
        let deep = "[".repeat(10_000);
        let error =
            keyed::<NewSupportRequest, String>(post(Some("application/json"), Some(KEY), deep));
        assert!(matches!(error.await, Err(ApiError::MalformedBody)));
    }
}
