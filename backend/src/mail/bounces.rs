//! Addresses that bounced for good: an SMTP server answered 550, 551 or
//! 553 for them (no such mailbox, not here, not a valid name). No mail goes
//! to them again, whatever the request, until an operator clears the
//! address (`support-backend bounced clear ADDRESS`): mailing it again
//! would only harm the sender's reputation.

use crate::outbox::now_ms;
use crate::partner::PartnerScope;

/// The SMTP answers that say the address itself is wrong: a refusal of
/// the mail for another reason (552, too large; 554, its content; 535,
/// the backend's own login) says nothing of the address.
const ADDRESS_REFUSED: [&str; 3] = ["550", "551", "553"];

/// Whether an SMTP server's answer `code` (such as `550`) refuses the
/// address for good.
pub fn refuses_the_address(code: &str) -> bool {
    ADDRESS_REFUSED.contains(&code)
}

/// An address that bounced, for `support-backend bounced`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounced {
    pub address: String,
    /// Unix milliseconds.
    pub since: i64,
    pub reason: String,
}

/// Records that `address` bounced with `reason`; an address already
/// recorded keeps its first bounce.
pub async fn record(scope: &PartnerScope, address: &str, reason: &str) -> Result<(), sqlx::Error> {
    let mut transaction = scope.begin_write().await?;
    sqlx::query(
        "INSERT INTO mail_bounces (partner_id, address, since, reason) VALUES ($4, $1, $2, $3)
         ON CONFLICT (partner_id, address) DO NOTHING",
    )
    .bind(address.to_lowercase())
    .bind(now_ms())
    .bind(reason)
    .bind(scope.partner())
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// The bounce on record for `address`, if any.
pub async fn find(scope: &PartnerScope, address: &str) -> Result<Option<Bounced>, sqlx::Error> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT address, since, reason FROM mail_bounces WHERE partner_id = $2 AND address = $1",
    )
    .bind(address.to_lowercase())
    .bind(scope.partner())
    .fetch_optional(&mut *scope.acquire().await?)
    .await?;
    Ok(row.map(|(address, since, reason)| Bounced {
        address,
        since,
        reason,
    }))
}

/// Every address that bounced, oldest bounce first.
pub async fn list(scope: &PartnerScope) -> Result<Vec<Bounced>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT address, since, reason FROM mail_bounces WHERE partner_id = $1
         ORDER BY since, address",
    )
    .bind(scope.partner())
    .fetch_all(&mut *scope.acquire().await?)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(address, since, reason)| Bounced {
            address,
            since,
            reason,
        })
        .collect())
}

/// Lets `address` be mailed again; whether it had bounced.
pub async fn clear(scope: &PartnerScope, address: &str) -> Result<bool, sqlx::Error> {
    let mut transaction = scope.begin_write().await?;
    let done = sqlx::query("DELETE FROM mail_bounces WHERE partner_id = $2 AND address = $1")
        .bind(address.trim().to_lowercase())
        .bind(scope.partner())
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(done.rows_affected() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refused_mailbox_counts_as_a_bounce() {
        for code in ["550", "551", "553"] {
            assert!(refuses_the_address(code), "{code}");
        }
        for code in ["552", "554", "535", "451", ""] {
            assert!(!refuses_the_address(code), "{code}");
        }
    }
}
