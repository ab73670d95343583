//! Idempotency keys: a client that retries `POST /support-requests` (after a
//! timeout, a lost connection, a double click) with the same `Idempotency-Key`
//! gets the first answer again instead of filing a second request.
//!
//! Only successful creations are remembered, in the same transaction as the
//! request row: a refused form (422) leaves no trace, so the user can correct
//! it and retry with the same key. Keys expire after [`KEY_TTL`]; expired
//! keys are purged whenever a new request is stored.

use std::time::Duration;

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;
use uuid::Uuid;

use crate::error::ApiError;

/// The header's name (HTTP header names are case-insensitive).
pub const HEADER: &str = "idempotency-key";

/// How long a key is remembered: long enough for any retry, short enough that
/// the table stays small.
pub const KEY_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// Reads the key from the headers. It must be a UUID; it is normalized to the
/// lowercase hyphenated form so that `ABC…` and `abc…` are the same key.
pub fn key_from_headers(headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers.get(HEADER).ok_or(ApiError::InvalidIdempotencyKey)?;
    let text = value
        .to_str()
        .map_err(|_| ApiError::InvalidIdempotencyKey)?;
    let uuid = Uuid::try_parse(text.trim()).map_err(|_| ApiError::InvalidIdempotencyKey)?;
    Ok(uuid.hyphenated().to_string())
}

/// The SHA-256 of the raw body, in hex. The raw bytes are the canonical form:
/// a retry sends exactly the same bytes, and anything else is another body.
pub fn body_hash(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The SQLite `strftime` modifier that goes back [`KEY_TTL`] from now.
fn ttl_modifier() -> String {
    format!("-{} seconds", KEY_TTL.as_secs())
}

/// The first answer given to a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub body_sha256: String,
    pub status_code: u16,
    pub response: String,
}

/// The live (not expired) answer stored for `key`, if any.
pub async fn find(
    conn: &mut SqliteConnection,
    key: &str,
) -> Result<Option<StoredResponse>, sqlx::Error> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT body_sha256, status_code, response FROM idempotency_keys
         WHERE key = ? AND created_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)",
    )
    .bind(key)
    .bind(ttl_modifier())
    .fetch_optional(conn)
    .await?;
    Ok(
        row.map(|(body_sha256, status_code, response)| StoredResponse {
            body_sha256,
            // Only this module writes the column, always from a valid status code.
            status_code: u16::try_from(status_code).unwrap_or(500),
            response,
        }),
    )
}

/// Deletes expired keys. Run inside the creating transaction, before the new
/// key is inserted, so an expired key can be used afresh.
pub async fn purge_expired(conn: &mut SqliteConnection) -> Result<u64, sqlx::Error> {
    let result = sqlx::query(
        "DELETE FROM idempotency_keys WHERE created_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)",
    )
    .bind(ttl_modifier())
    .execute(conn)
    .await?;
    Ok(result.rows_affected())
}

/// Remembers the answer for `key`. Returns `false` when another request
/// stored the key first (the caller then rolls back and replays that answer).
pub async fn insert(
    conn: &mut SqliteConnection,
    key: &str,
    request_id: &str,
    stored: &StoredResponse,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO idempotency_keys (key, body_sha256, status_code, response, request_id)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(&stored.body_sha256)
    .bind(i64::from(stored.status_code))
    .bind(&stored.response)
    .bind(request_id)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
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
        let key = key_from_headers(&headers(b"6F9619FF-8B86-D011-B42D-00C04FC964FF")).unwrap();
        assert_eq!(key, "6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assert!(matches!(
            key_from_headers(&HeaderMap::new()),
            Err(ApiError::InvalidIdempotencyKey)
        ));
        for bad in [
            &b""[..],
            b"not-a-uuid",
            b"6f9619ff-8b86-d011-b42d",
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
}
