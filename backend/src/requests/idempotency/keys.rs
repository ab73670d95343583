//! The idempotency key's states in the database (see [`super`]
//! for the whole story): finding a key, claiming it, releasing a claim.
//! Completing a claim happens with the request, in
//! [`crate::requests::create_request`].

use uuid::Uuid;

use super::{StoredResponse, IN_FLIGHT_TAKEOVER_AFTER, KEY_TTL};
use crate::dialect::Dialect;
use crate::partner::PartnerScope;

/// The `status_code` of a claim whose request is still being filed.
const IN_FLIGHT: i64 = 0;

/// What the database holds for a live key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyState {
    /// A request with this key is being filed. `stale` says the claim is
    /// older than [`IN_FLIGHT_TAKEOVER_AFTER`] and may be taken over.
    InFlight { body_sha256: String, stale: bool },
    /// The key filed a request; this is the answer to replay.
    Completed(StoredResponse),
}

/// A key this request holds: only its holder can complete or release it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub(crate) key: String,
    pub(crate) token: String,
}

impl Claim {
    /// The key claimed.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// An SQL expression for the oldest `created_at` that is still live.
fn live_since(dialect: Dialect) -> String {
    dialect.timestamp_seconds_ago(KEY_TTL.as_secs())
}

/// The live (not expired) state of `key`, if any.
pub async fn find(scope: &PartnerScope, key: &str) -> Result<Option<KeyState>, sqlx::Error> {
    let dialect = scope.db().dialect();
    // CAST keeps the flag an integer on both databases (a comparison is a
    // boolean on PostgreSQL and an integer on SQLite).
    let sql = format!(
        "SELECT body_sha256, status_code, response,
                CAST(CASE WHEN created_at <= {stale} THEN 1 ELSE 0 END AS BIGINT)
         FROM idempotency_keys WHERE partner_id = $2 AND key = $1 AND created_at > {live}",
        stale = dialect.timestamp_seconds_ago(IN_FLIGHT_TAKEOVER_AFTER.as_secs()),
        live = live_since(dialect),
    );
    let row: Option<(String, i64, String, i64)> = sqlx::query_as(&sql)
        .bind(key)
        .bind(scope.partner())
        .fetch_optional(&mut *scope.acquire().await?)
        .await?;
    Ok(row.map(|(body_sha256, status_code, response, stale)| {
        if status_code == IN_FLIGHT {
            return KeyState::InFlight {
                body_sha256,
                stale: stale == 1,
            };
        }
        KeyState::Completed(StoredResponse {
            body_sha256,
            // Only this module and `create_request` write the column, always
            // from a valid status code.
            status_code: u16::try_from(status_code).unwrap_or(500),
            response,
        })
    }))
}

/// Claims `key` for a request with this body, in a transaction of its own,
/// so that retries see it in flight at once. Returns `None` when another
/// request holds the key (in flight, or completed); the caller looks again.
///
/// An expired key is purged first and so is claimed afresh. A stale claim
/// (older than [`IN_FLIGHT_TAKEOVER_AFTER`]) with the same body is taken
/// over: it gets a new token, and its old holder can no longer complete it.
pub async fn claim(
    scope: &PartnerScope,
    key: &str,
    body_sha256: &str,
) -> Result<Option<Claim>, sqlx::Error> {
    purge_expired(scope).await?;
    let token = Uuid::new_v4().to_string();
    let mut transaction = scope.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys
             (key, body_sha256, status_code, response, claim_token, partner_id)
         VALUES ($1, $2, 0, '', $3, $4)
         ON CONFLICT (partner_id, key) DO NOTHING",
    )
    .bind(key)
    .bind(body_sha256)
    .bind(&token)
    .bind(scope.partner())
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    let claimed =
        inserted.rows_affected() == 1 || take_over(scope, key, body_sha256, &token).await?;
    Ok(claimed.then(|| Claim {
        key: key.to_owned(),
        token,
    }))
}

/// Takes over a stale claim with the same body. One statement, so of two
/// requests taking over at once only one matches the old row.
async fn take_over(
    scope: &PartnerScope,
    key: &str,
    body_sha256: &str,
    token: &str,
) -> Result<bool, sqlx::Error> {
    let dialect = scope.db().dialect();
    let sql = format!(
        "UPDATE idempotency_keys SET claim_token = $3, created_at = {now}
         WHERE partner_id = $4 AND key = $1 AND body_sha256 = $2 AND status_code = 0
           AND created_at <= {stale}",
        now = dialect.timestamp_seconds_ago(0),
        stale = dialect.timestamp_seconds_ago(IN_FLIGHT_TAKEOVER_AFTER.as_secs()),
    );
    let mut transaction = scope.begin_write().await?;
    let result = sqlx::query(&sql)
        .bind(key)
        .bind(body_sha256)
        .bind(token)
        .bind(scope.partner())
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(result.rows_affected() == 1)
}

/// The statement of [`purge_expired`], its partner `$1`. Every claim runs
/// it, so it must find the expired keys through the index on
/// `(partner_id, created_at)`, never read the partner's live ones.
pub fn purge_expired_sql(dialect: Dialect) -> String {
    format!(
        "DELETE FROM idempotency_keys WHERE partner_id = $1 AND created_at <= {}",
        live_since(dialect)
    )
}

/// Gives a claim up after filing failed, so a retry can claim the key
/// again at once. Does nothing if the claim was completed or taken over.
pub async fn release(scope: &PartnerScope, claim: &Claim) -> Result<(), sqlx::Error> {
    let mut transaction = scope.begin_write().await?;
    sqlx::query(
        "DELETE FROM idempotency_keys
         WHERE partner_id = $3 AND key = $1 AND claim_token = $2 AND status_code = 0",
    )
    .bind(&claim.key)
    .bind(&claim.token)
    .bind(scope.partner())
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Deletes the partner's expired keys, answered or abandoned, so an expired
/// key can be used afresh and the table stays small.
pub async fn purge_expired(scope: &PartnerScope) -> Result<u64, sqlx::Error> {
    let mut transaction = scope.begin_write().await?;
    let result = sqlx::query(&purge_expired_sql(scope.db().dialect()))
        .bind(scope.partner())
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(result.rows_affected())
}
