//! `Idempotency-Key` over real loopback HTTP, as the IETF draft describes
//! it: replay, 409 while the first request is in flight, 422 for another
//! body, expiry. A request "in flight" is either a claim row written as
//! another backend process would write it, or, on PostgreSQL, a real request
//! held up by a table lock the test takes.

mod common;

use common::{json_of, key, one_error, start, valid, TestServer};
use reqwest::StatusCode;
use serde_json::json;
use support_backend::dialect::Dialect;
use support_backend::partner::PartnerScope;
use support_backend::requests::idempotency::{body_hash, keys, IN_FLIGHT_TAKEOVER_AFTER, KEY_TTL};
use support_contract::CreatedRequest;

/// What the database holds for `key`: (status_code, claim_token), if any.
async fn key_row(server: &TestServer, key: &str) -> Option<(i64, Option<String>)> {
    sqlx::query_as("SELECT status_code, claim_token FROM idempotency_keys WHERE key = $1")
        .bind(key)
        .fetch_optional(&server.db)
        .await
        .unwrap()
}

/// Writes an in-flight claim of `key` for `body`, claimed `seconds_ago`, as
/// a request being filed by another backend process would have.
async fn claim_elsewhere(server: &TestServer, key: &str, body: &[u8], seconds_ago: u64) {
    let dialect = Dialect::from_url(server.database_url()).unwrap();
    let sql = format!(
        "INSERT INTO idempotency_keys (key, body_sha256, status_code, response, claim_token, created_at)
         VALUES ($1, $2, 0, '', 'another-process', {})",
        dialect.timestamp_seconds_ago(seconds_ago)
    );
    sqlx::query(&sql)
        .bind(key)
        .bind(body_hash(body))
        .execute(&server.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_retry_while_the_first_request_is_in_flight_gets_409_with_retry_after() {
    let server = start().await;
    let key = key();
    let body = serde_json::to_vec(&valid()).unwrap();
    claim_elsewhere(&server, &key, &body, 0).await;

    let response = server.post(Some(&key), body.clone()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(response.headers()["retry-after"], "1");
    let (_, json) = json_of(response).await;
    assert_eq!(
        json,
        one_error("Idempotency-Key", "idempotency_key_in_flight")
    );

    let mut other = valid();
    other["title"] = json!("Another problem");
    let (status, json) = json_of(server.post_json(&key, &other).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "another body");
    assert_eq!(json, one_error("Idempotency-Key", "idempotency_key_reused"));
    assert_eq!(server.count("support_requests").await, 0);
    assert_eq!(
        key_row(&server, &key).await,
        Some((0, Some("another-process".into()))),
        "the other process's claim is untouched"
    );
}

/// A claim whose process stopped is taken over by the next retry, which
/// files the request; later retries get that answer replayed.
#[tokio::test]
async fn a_claim_abandoned_by_a_stopped_process_is_taken_over_by_a_retry() {
    let server = start().await;
    let key = key();
    let body = serde_json::to_vec(&valid()).unwrap();
    claim_elsewhere(&server, &key, &body, IN_FLIGHT_TAKEOVER_AFTER.as_secs() + 1).await;

    let first = server.post(Some(&key), body.clone()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first = first.text().await.unwrap();
    let (status, token) = key_row(&server, &key).await.unwrap();
    assert_eq!(status, 201);
    assert_ne!(token.as_deref(), Some("another-process"));

    let again = server.post(Some(&key), body).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.text().await.unwrap(), first);
    assert_eq!(server.count("support_requests").await, 1);
}

/// After [`KEY_TTL`] a key is forgotten: the same key files a new request,
/// even with another body, and the old row is purged.
#[tokio::test]
async fn an_expired_key_is_treated_as_new() {
    let server = start().await;
    let key = key();
    let first: CreatedRequest = server.post_json(&key, &valid()).await.json().await.unwrap();
    let dialect = Dialect::from_url(server.database_url()).unwrap();
    let sql = format!(
        "UPDATE idempotency_keys SET created_at = {} WHERE key = $1",
        dialect.timestamp_seconds_ago(KEY_TTL.as_secs() + 1)
    );
    sqlx::query(&sql)
        .bind(&key)
        .execute(&server.db)
        .await
        .unwrap();

    let mut other = valid();
    other["title"] = json!("A new problem, a day later");
    let response = server.post_json(&key, &other).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(response.headers().get("idempotent-replayed").is_none());
    let second: CreatedRequest = response.json().await.unwrap();
    assert_ne!(second.id, first.id);
    assert_eq!(server.count("support_requests").await, 2);
    assert_eq!(server.count("idempotency_keys").await, 1, "old row purged");
}

/// A failed filing leaves no claim behind: a refused form can be corrected
/// and sent again at once with the same key, never answered 409.
#[tokio::test]
async fn a_refused_request_leaves_no_claim() {
    let server = start().await;
    let key = key();
    let mut unknown = valid();
    unknown["service"] = json!("exchange-online");
    let (status, _) = json_of(server.post_json(&key, &unknown).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(key_row(&server, &key).await, None);
    assert_eq!(
        server.post_json(&key, &valid()).await.status(),
        StatusCode::CREATED
    );
}

/// A real request held up mid-filing: on PostgreSQL the test locks the
/// requests table, so the first request claims its key and then waits to
/// insert; a retry meanwhile gets 409, and once the lock is gone the first
/// request completes and the retry gets its answer. (SQLite has one writer,
/// so a lock there would stop the claim too; the claim row test above
/// covers it.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_held_up_mid_filing_makes_retries_wait_with_409() {
    use sqlx::{Connection, Executor};

    if common::postgres_server().is_none() {
        return;
    }
    let server = std::sync::Arc::new(start().await);
    let key = key();
    let mut locker = sqlx::PgConnection::connect(server.database_url())
        .await
        .unwrap();
    locker.execute("BEGIN").await.unwrap();
    locker
        // SHARE blocks inserts but not the foreign-key check of the claim's
        // own insert (which takes ROW SHARE on this table).
        .execute("LOCK TABLE support_requests IN SHARE MODE")
        .await
        .unwrap();

    let first = {
        let (server, key) = (server.clone(), key.clone());
        tokio::spawn(async move {
            let response = server.post_json(&key, &valid()).await;
            (response.status(), response.text().await.unwrap())
        })
    };
    // Wait until the first request holds its claim.
    let mut waited = 0;
    while key_row(&server, &key).await.is_none() {
        waited += 1;
        assert!(waited < 500, "the first request never claimed its key");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let retry = server.post_json(&key, &valid()).await;
    assert_eq!(retry.status(), StatusCode::CONFLICT);
    assert_eq!(retry.headers()["retry-after"], "1");
    assert!(!first.is_finished(), "the first request is still held up");

    locker.execute("COMMIT").await.unwrap();
    let (status, first_body) = first.await.unwrap();
    assert_eq!(status, StatusCode::CREATED);
    let replay = server.post_json(&key, &valid()).await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(replay.text().await.unwrap(), first_body);
    assert_eq!(server.count("support_requests").await, 1);
}

/// Every claim first purges its partner's expired keys, so that purge must
/// find the expired ones through an index and read none of the partner's
/// live keys: reading them all made each filing slower the more the
/// partner had filed, at half the speed of a hundred partners with a few
/// keys each in `scripts/bench-load`. On PostgreSQL the plan is checked
/// as the server runs it (its role, its partner named), for a table that
/// grew since it was last analyzed and for one just analyzed.
#[tokio::test]
async fn purging_expired_keys_reads_none_of_the_live_ones() {
    let server = start().await;
    let dialect = Dialect::from_url(server.database_url()).unwrap();
    let purge = keys::purge_expired_sql(dialect);
    let Some(runtime) = common::as_runtime_role(server.database_url()).await else {
        // SQLite weighs no statistics: the plan is the same at any size.
        let plan: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(&format!("EXPLAIN QUERY PLAN {purge}"))
                .bind("default")
                .fetch_all(&server.db)
                .await
                .unwrap();
        assert!(
            plan.iter()
                .any(|(.., step)| step.contains("(partner_id=? AND created_at<?)")),
            "{plan:?}"
        );
        return;
    };
    sqlx::query(
        "INSERT INTO idempotency_keys (key, body_sha256, status_code, response)
         SELECT 'key-' || n, '', 201, '' FROM generate_series(1, 3000) AS n",
    )
    .execute(&server.db)
    .await
    .unwrap();
    let db = support_backend::db::connect(&runtime).await.unwrap();
    let scope = PartnerScope::of(&db, "default");
    for analyzed in [false, true] {
        if analyzed {
            sqlx::query("ANALYZE idempotency_keys")
                .execute(&server.db)
                .await
                .unwrap();
        }
        let mut transaction = scope.begin_write().await.unwrap();
        let plan: Vec<(String,)> = sqlx::query_as(&format!("EXPLAIN (ANALYZE, COSTS OFF) {purge}"))
            .bind("default")
            .fetch_all(&mut *transaction)
            .await
            .unwrap();
        let plan: Vec<String> = plan.into_iter().map(|(line,)| line).collect();
        let read = common::plans::rows_read(&plan);
        assert_eq!(read, 0, "analyzed {analyzed}: {plan:#?}");
    }
    assert_eq!(server.count("idempotency_keys").await, 3000);
}
