//! The SQLite database: connecting, migrating, and the support-request queries.

use std::str::FromStr;
use std::time::Duration;

use serde::Serialize;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use support_contract::{CreatedRequest, NewSupportRequest, RequestStatus, StoredRequest};
use uuid::Uuid;

use crate::idempotency::{self, StoredResponse};

/// The migrations in `backend/migrations`, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("cannot open database {url:?}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("cannot migrate database {url:?}: {source}")]
    Migrate {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
}

/// Opens (creating if missing) and migrates the database at `url`.
pub async fn connect(url: &str) -> Result<SqlitePool, ConnectError> {
    let open = |source| ConnectError::Open {
        url: url.to_owned(),
        source,
    };
    let options = SqliteConnectOptions::from_str(url)
        .map_err(open)?
        .create_if_missing(true)
        // WAL lets readers go on while a request is being stored.
        .journal_mode(SqliteJournalMode::Wal)
        // Concurrent writers wait for each other instead of failing at once.
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(open)?;
    MIGRATOR
        .run(&pool)
        .await
        .map_err(|source| ConnectError::Migrate {
            url: url.to_owned(),
            source,
        })?;
    Ok(pool)
}

/// What [`create_request`] did.
#[derive(Debug)]
pub enum Created {
    /// The request was stored; this is the JSON of the answer, as remembered
    /// for the idempotency key.
    New(StoredResponse),
    /// Another request stored the same key first; nothing was written.
    KeyTaken,
}

/// The text of a unit enum as it appears in JSON (`partner_center`), for the
/// columns that repeat a field of the body.
fn json_text(value: impl Serialize) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => Some(text),
        _ => None,
    }
}

/// Stores `request` and its idempotency key in one transaction: either both
/// rows are written or neither is.
pub async fn create_request(
    pool: &SqlitePool,
    key: &str,
    body_sha256: &str,
    request: &NewSupportRequest,
) -> Result<Created, crate::error::ApiError> {
    let body = serde_json::to_string(request)
        .map_err(|e| crate::error::ApiError::Internal(e.to_string()))?;
    let id = Uuid::new_v4().to_string();
    let mut tx = pool.begin().await?;
    // The first statement writes, so the transaction takes SQLite's write
    // lock at once (waiting on busy_timeout) and never has to upgrade a read
    // snapshot, which SQLite would refuse with SQLITE_BUSY under contention.
    idempotency::purge_expired(&mut tx).await?;
    // The sequence number comes from the same statement that inserts the row,
    // under the write lock, so two requests cannot get the same reference.
    let (reference, created_at): (String, String) = sqlx::query_as(
        "WITH next AS (SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM support_requests)
         INSERT INTO support_requests (
             id, seq, reference, kind, category, title, description,
             contact_name, contact_email, contact_phone, contact_language,
             locale, status, body)
         SELECT ?, next.seq, printf('SR-%06d', next.seq), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         FROM next
         RETURNING reference, created_at",
    )
    .bind(&id)
    .bind(json_text(request.kind))
    .bind(request.category.map(|c| c.as_str()))
    .bind(&request.title)
    .bind(&request.description)
    .bind(&request.contact.name)
    .bind(&request.contact.email)
    .bind(&request.contact.phone)
    .bind(request.contact.language.as_str())
    .bind(request.locale.as_str())
    .bind(RequestStatus::Submitted.as_str())
    .bind(&body)
    .fetch_one(&mut *tx)
    .await?;
    let created = CreatedRequest {
        id: id.clone(),
        reference,
        status: RequestStatus::Submitted,
        created_at,
    };
    let stored = StoredResponse {
        body_sha256: body_sha256.to_owned(),
        status_code: 201,
        response: serde_json::to_string(&created)
            .map_err(|e| crate::error::ApiError::Internal(e.to_string()))?,
    };
    if !idempotency::insert(&mut tx, key, &id, &stored).await? {
        tx.rollback().await?;
        return Ok(Created::KeyTaken);
    }
    tx.commit().await?;
    Ok(Created::New(stored))
}

/// The stored request with this id, if any.
pub async fn find_request(
    pool: &SqlitePool,
    id: &str,
) -> Result<Option<StoredRequest>, crate::error::ApiError> {
    let row: Option<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, reference, status, created_at, body FROM support_requests WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some((id, reference, status, created_at, body)) = row else {
        return Ok(None);
    };
    let broken = |what: &str| {
        crate::error::ApiError::Internal(format!("request {id}: stored {what} does not parse"))
    };
    let status = RequestStatus::parse(&status).ok_or_else(|| broken("status"))?;
    let request = serde_json::from_str(&body).map_err(|_| broken("body"))?;
    Ok(Some(StoredRequest {
        id,
        reference,
        status,
        created_at,
        request,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::{Category, Contact, RequestKind};

    fn request(title: &str) -> NewSupportRequest {
        NewSupportRequest {
            kind: RequestKind::PartnerCenter,
            category: Some(Category::Billing),
            title: title.into(),
            description: "d".into(),
            contact: Contact {
                name: "n".into(),
                email: "n@example.com".into(),
                ..Contact::default()
            },
            ..NewSupportRequest::default()
        }
    }

    #[tokio::test]
    async fn references_count_up_and_rows_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let pool = connect(&url).await.unwrap();
        let mut ids = Vec::new();
        for n in 1..=2 {
            let key = Uuid::new_v4().to_string();
            let Created::New(stored) = create_request(&pool, &key, "h", &request("t"))
                .await
                .unwrap()
            else {
                panic!("key taken");
            };
            let created: CreatedRequest = serde_json::from_str(&stored.response).unwrap();
            assert_eq!(created.reference, format!("SR-{n:06}"));
            assert!(created.created_at.ends_with('Z'), "{}", created.created_at);
            ids.push(created.id);
        }
        let found = find_request(&pool, &ids[1]).await.unwrap().unwrap();
        assert_eq!(found.reference, "SR-000002");
        assert_eq!(found.request, request("t"));
        assert!(find_request(&pool, "nope").await.unwrap().is_none());
    }

    #[tokio::test]
    async fn a_taken_key_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let pool = connect(&url).await.unwrap();
        let key = Uuid::new_v4().to_string();
        assert!(matches!(
            create_request(&pool, &key, "h", &request("a"))
                .await
                .unwrap(),
            Created::New(_)
        ));
        assert!(matches!(
            create_request(&pool, &key, "h", &request("b"))
                .await
                .unwrap(),
            Created::KeyTaken
        ));
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_requests")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(count, 1);
    }

    #[tokio::test]
    async fn keys_expire_after_a_day_and_can_then_be_used_again() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let pool = connect(&url).await.unwrap();
        let key = Uuid::new_v4().to_string();
        create_request(&pool, &key, "h", &request("a"))
            .await
            .unwrap();
        let mut conn = pool.acquire().await.unwrap();
        assert!(idempotency::find(&mut conn, &key).await.unwrap().is_some());
        sqlx::query("UPDATE idempotency_keys SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-25 hours')")
            .execute(&mut *conn)
            .await
            .unwrap();
        assert!(
            idempotency::find(&mut conn, &key).await.unwrap().is_none(),
            "expired keys are not replayed"
        );
        drop(conn);
        assert!(matches!(
            create_request(&pool, &key, "h2", &request("b"))
                .await
                .unwrap(),
            Created::New(_)
        ));
        let (keys,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM idempotency_keys")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(keys, 1, "the expired row was purged");
    }
}
