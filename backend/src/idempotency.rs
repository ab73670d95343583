//! Idempotency keys: a client that retries `POST /support-requests` (after a
//! timeout, a lost connection, a double click) with the same `Idempotency-Key`
//! gets the first answer again instead of filing a second request.
//!
//! Only successful creations are remembered, in the same transaction as the
//! request row, and the database's primary key on the key (not the memory of
//! one process) makes sure a key files at most one request: a refused form (422) leaves no trace, so the user can correct
//! it and retry with the same key. Keys expire after [`KEY_TTL`]; expired
//! keys are purged whenever a new request is stored.

use std::time::Duration;

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::dialect::Dialect;
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

/// The first answer given to a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub body_sha256: String,
    pub status_code: u16,
    pub response: String,
}

/// An SQL expression for the oldest `created_at` that is still live.
fn live_since(dialect: Dialect) -> String {
    dialect.timestamp_seconds_ago(KEY_TTL.as_secs())
}

/// The live (not expired) answer stored for `key`, if any.
pub async fn find(
    conn: &mut AnyConnection,
    dialect: Dialect,
    key: &str,
) -> Result<Option<StoredResponse>, sqlx::Error> {
    let sql = format!(
        "SELECT body_sha256, status_code, response FROM idempotency_keys
         WHERE key = $1 AND created_at > {}",
        live_since(dialect)
    );
    let row: Option<(String, i64, String)> =
        sqlx::query_as(&sql).bind(key).fetch_optional(conn).await?;
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
/// key is claimed, so an expired key can be used afresh.
pub async fn purge_expired(conn: &mut AnyConnection, dialect: Dialect) -> Result<u64, sqlx::Error> {
    let sql = format!(
        "DELETE FROM idempotency_keys WHERE created_at <= {}",
        live_since(dialect)
    );
    let result = sqlx::query(&sql).execute(conn).await?;
    Ok(result.rows_affected())
}

/// Claims `key` for the request being filed in this transaction. Returns
/// `false` when another request holds the key: committed, or still being
/// filed (PostgreSQL then waits for that transaction to end; SQLite has
/// already serialized the two). The caller then rolls back and replays the
/// holder's answer. The answer itself is filled in by [`record`].
pub async fn claim(
    conn: &mut AnyConnection,
    key: &str,
    body_sha256: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO idempotency_keys (key, body_sha256, status_code, response)
         VALUES ($1, $2, 0, '')
         ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(body_sha256)
    .execute(conn)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Remembers the answer for a key claimed in this transaction, so nobody
/// ever reads the claim without its answer.
pub async fn record(
    conn: &mut AnyConnection,
    key: &str,
    request_id: &str,
    stored: &StoredResponse,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE idempotency_keys SET status_code = $2, response = $3, request_id = $4
         WHERE key = $1",
    )
    .bind(key)
    .bind(i64::from(stored.status_code))
    .bind(&stored.response)
    .bind(request_id)
    .execute(conn)
    .await?;
    Ok(())
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
