//! Idempotency keys, as the IETF `Idempotency-Key` header draft describes
//! them: a client that retries `POST /support-requests` (after a timeout, a
//! lost connection, a double click) with the same key gets the first answer
//! again instead of filing a second request.
//!
//! A key goes through these states, kept in the database (not in one
//! process's memory), so they hold across backend processes:
//!
//! - **absent**: the first valid request claims it, in a short transaction
//!   of its own, as *in flight* (see [`keys::claim`]);
//! - **in flight**: a retry with the same body gets 409
//!   `idempotency_key_in_flight` with `Retry-After: 1`; with another body,
//!   422 `idempotency_key_reused`. A claim older than
//!   [`IN_FLIGHT_TAKEOVER_AFTER`] was abandoned by a process that stopped,
//!   and the next retry takes it over;
//! - **completed**: the request and the key's answer are written in one
//!   transaction, which first checks that the claim is still its own, so a
//!   key files exactly one request. The same body replays the answer, another
//!   body gets 422;
//! - **expired** after [`KEY_TTL`]: purged, and the key is new again.
//!
//! A refused form (400, 413, 422) claims nothing, and a failure while filing
//! releases the claim, so the user can correct the form and send it again
//! with the same key.
//!
//! Replies and status changes keep their key in their own row, under a
//! unique index, and are written through [`once_per_key`]: each is one
//! transaction, with nothing done outside it to claim a key for, where
//! filing a request copies an escalation's files before its transaction.

pub mod keys;

use std::future::Future;
use std::time::Duration;

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::ApiError;

/// The header's name (HTTP header names are case-insensitive).
pub const HEADER: &str = "idempotency-key";

/// How long a key is remembered: long enough for any retry, short enough that
/// the table stays small.
pub const KEY_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// How old an in-flight claim must be before another request may take it
/// over. Filing takes milliseconds and gives up within about 20 seconds (the
/// database's busy and acquire timeouts), so a claim this old belongs to a
/// process that stopped or lost its database.
pub const IN_FLIGHT_TAKEOVER_AFTER: Duration = Duration::from_secs(30);

/// The `Retry-After` of a 409 for a key in flight: filing takes milliseconds.
pub const IN_FLIGHT_RETRY_AFTER: Duration = Duration::from_secs(1);

/// Reads the key from the headers. It must be a UUID, bare or quoted as the
/// IETF draft writes it (a Structured Field string: `"…"`); it is normalized
/// to the lowercase hyphenated form so that `ABC…` and `abc…` are the same
/// key.
pub fn key_from_headers(headers: &HeaderMap) -> Result<String, ApiError> {
    optional_key_from_headers(headers)?.ok_or(ApiError::InvalidIdempotencyKey)
}

/// As [`key_from_headers`], where the key may be left out (status changes,
/// which older clients send without one).
pub fn optional_key_from_headers(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| ApiError::InvalidIdempotencyKey)?
        .trim();
    let unquoted = text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or(text);
    let uuid = Uuid::try_parse(unquoted).map_err(|_| ApiError::InvalidIdempotencyKey)?;
    Ok(Some(uuid.hyphenated().to_string()))
}

/// The SHA-256 of the raw body, in hex. The raw bytes are the canonical form:
/// a retry sends exactly the same bytes, and anything else is another body.
pub fn body_hash(body: &[u8]) -> String {
    format!("{:x}", Sha256::digest(body))
}

/// The hash a key remembers its body by, with the user who sent it (`sub`;
/// none without a token): a key is its user's, so the same key and body
/// from another user is a reuse, never a replay of someone else's answer.
pub fn users_body_hash(user: Option<&str>, body: &[u8]) -> String {
    match user {
        Some(sub) => body_hash(&[sub.as_bytes(), b"\0", body].concat()),
        None => body_hash(body),
    }
}

/// How often a write under a key is tried again after losing its key to a
/// concurrent one: once is enough (the other is then stored, and this one
/// a replay).
const ATTEMPTS: usize = 2;

/// What [`once_per_key`] made of a send.
pub enum Once<T> {
    /// Written now.
    Stored(T),
    /// Written before, under the same key and body.
    Replayed(T),
}

/// Writes with `store` what was sent under a key, unless `find` reads
/// that the key was used already, with the hash of its body: the same
/// `hash` is a replay, another 422 `idempotency_key_reused`. A concurrent
/// send that stores the key first fails this one's write on the unique
/// index, which is then read as a replay.
pub async fn once_per_key<T, Found, Stored>(
    hash: &str,
    mut find: impl FnMut() -> Found,
    mut store: impl FnMut() -> Stored,
) -> Result<Once<T>, ApiError>
where
    Found: Future<Output = Result<Option<(T, String)>, ApiError>>,
    Stored: Future<Output = Result<T, ApiError>>,
{
    for _ in 0..ATTEMPTS {
        if let Some((found, found_hash)) = find().await? {
            if found_hash != hash {
                return Err(ApiError::IdempotencyKeyReused);
            }
            crate::meter::idempotent_replay();
            return Ok(Once::Replayed(found));
        }
        match store().await {
            Ok(stored) => return Ok(Once::Stored(stored)),
            Err(ApiError::Database(error)) if is_unique_violation(&error) => continue,
            Err(error) => return Err(error),
        }
    }
    Err(ApiError::IdempotencyKeyInFlight {
        retry_after_secs: IN_FLIGHT_RETRY_AFTER.as_secs(),
    })
}

/// Whether the database refused a row for a unique key (another one
/// stored under the same key first).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(error) => error.is_unique_violation(),
        _ => false,
    }
}

/// The first answer given to a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub body_sha256: String,
    pub status_code: u16,
    pub response: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &[u8]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(HEADER, HeaderValue::from_bytes(value).unwrap());
        headers
    }

    #[test]
    fn keys_are_uuids_in_one_normal_form() {
        for form in [
            &b"6F9619FF-8B86-D011-B42D-00C04FC964FF"[..],
            b"\"6f9619ff-8b86-d011-b42d-00c04fc964ff\"",
        ] {
            let key = key_from_headers(&headers(form)).unwrap();
            assert_eq!(key, "6f9619ff-8b86-d011-b42d-00c04fc964ff");
        }
        assert!(matches!(
            key_from_headers(&HeaderMap::new()),
            Err(ApiError::InvalidIdempotencyKey)
        ));
        for bad in [
            &b""[..],
            b"not-a-uuid",
            b"6f9619ff-8b86-d011-b42d",
            b"\"6f9619ff-8b86-d011-b42d-00c04fc964ff",
            b"\"\"",
            b"\xff\xfe",
        ] {
            assert!(matches!(
                key_from_headers(&headers(bad)),
                Err(ApiError::InvalidIdempotencyKey)
            ));
        }
    }

    #[test]
    fn body_hash_is_sha256_hex() {
        assert_eq!(
            body_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(body_hash(b"{}"), body_hash(b"{ }"));
    }

    #[test]
    fn a_claim_is_taken_over_long_after_filing_would_have_given_up() {
        // The busy timeout (SQLite) and acquire timeout (PostgreSQL) are 10 s.
        assert!(IN_FLIGHT_TAKEOVER_AFTER >= Duration::from_secs(25));
        assert!(IN_FLIGHT_TAKEOVER_AFTER < KEY_TTL);
    }
}
