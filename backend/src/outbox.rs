//! The outbox: what the partner's systems and people must hear (a request
//! filed, a reply, its status changed), written in the same transaction
//! that stores it, one row per event and webhook, and one per mail (its
//! endpoint `mailto:ADDRESS`), taken out by [`crate::webhooks`] and
//! [`crate::mail`] as each is delivered. Times are Unix milliseconds of the
//! backend's clock.

pub mod deliverer;
pub mod retry;

use serde::Serialize;
use sqlx::AnyConnection;
use support_contract::{Reply, StoredRequest};
use uuid::Uuid;

use crate::db::{Db, ALL_PARTNERS};
use crate::error::ApiError;
use crate::partner::settings::PartnerSettings;
use crate::partner::PartnerScope;

/// Where events go: the configured webhooks' URLs, and mail with
/// `--smtp-url`. Neither: nothing is written.
#[derive(Clone, Debug, Default)]
pub struct Outbox {
    pub endpoints: Vec<String>,
    pub mail: Option<MailOutbox>,
}

impl Outbox {
    /// Whether nothing hears of events.
    pub fn is_empty(&self) -> bool {
        self.endpoints.is_empty() && self.mail.is_none()
    }

    /// Where the events of partner `name` with these settings go, this
    /// being the flags' outbox (the `default` partner's): its own webhooks,
    /// and, where the flags send mail, mail to its own support address, in
    /// its own language, linking its own portal, from its support address.
    pub fn of_partner(&self, name: &str, settings: &PartnerSettings) -> Outbox {
        let portal = |own: &Option<String>| own.clone().or_else(|| settings.portal_url.clone());
        Outbox {
            endpoints: settings.webhook_urls.clone(),
            mail: self.mail.as_ref().map(|flags| MailOutbox {
                partner_support: settings.support_email.clone(),
                partner_portal_url: portal(&settings.portal_url_partner),
                customer_portal_url: portal(&settings.portal_url_customer),
                public_url: flags.public_url.clone(),
                partner_language: settings.locale.unwrap_or_default(),
                sender: (settings.support_email.clone()).map(|address| Sender {
                    name: name.to_owned(),
                    address,
                }),
            }),
        }
    }
}

/// Who hears by mail, besides each request's contact: with `--smtp-url`,
/// what [`crate::mail::compose`] addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailOutbox {
    /// The partner's support address (`--partner-support-email`).
    pub partner_support: Option<String>,
    /// The partner's portal page of a request, with `{id}` or
    /// `{reference}` in it: the link in mail to partner staff
    /// (`--portal-url-partner`, else `--portal-url`).
    pub partner_portal_url: Option<String>,
    /// The customers' portal page of a request, likewise: the link in mail
    /// to a customer (`--portal-url-customer`, else `--portal-url`).
    pub customer_portal_url: Option<String>,
    /// The backend's own address as people reach it (`--public-url`),
    /// where a visitor confirms the address they typed.
    pub public_url: Option<String>,
    /// The language partner staff read their mail in (`--partner-locale`).
    pub partner_language: support_contract::ContactLanguage,
    /// Who the mail is from, where not the mailer's `--mail-from`: a
    /// partner other than the `default` one, from its support address.
    pub sender: Option<Sender>,
}

/// Who a mail is from: a name and an address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Sender {
    pub name: String,
    pub address: String,
}

/// A mail as the outbox keeps it: its address, and its words as JSON,
/// which only [`crate::mail`] reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub payload: String,
}

/// The endpoint of a mail's row: `mailto:` and its address.
pub const MAILTO: &str = "mailto:";

/// Which rows a deliverer takes: a process sends only what it is set up
/// for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Webhooks,
    /// Mail written at least `hold_ms` ago: what else happens on the
    /// request meanwhile goes in the same mail ([`claim_followers`]).
    Mail {
        hold_ms: i64,
    },
}

impl Channel {
    /// The rows of this channel due at `now`, in SQL over the outbox as
    /// `o`.
    fn condition(self, now: i64) -> String {
        match self {
            Channel::Webhooks => "o.endpoint NOT LIKE 'mailto:%'".to_owned(),
            Channel::Mail { hold_ms } => format!(
                "o.endpoint LIKE 'mailto:%' AND o.created_at <= {}",
                now.saturating_sub(hold_ms)
            ),
        }
    }
}

/// What happened to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventType {
    /// Filed, with its attachments.
    Created,
    /// Its status changed (the request carries the new one and the note).
    StatusChanged,
    /// Someone replied on it (the event carries the reply).
    ReplyAdded,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Created => "request.created",
            EventType::StatusChanged => "request.status_changed",
            EventType::ReplyAdded => "request.reply_added",
        }
    }
}

/// The JSON body of a webhook call.
#[derive(Debug, Serialize)]
struct Event<'a> {
    /// The same on every attempt: receivers drop duplicates by it.
    id: &'a str,
    #[serde(rename = "type")]
    event_type: &'static str,
    /// RFC 3339 UTC, when it happened.
    created_at: String,
    /// The request as it was then, without `unread`, which is each
    /// reader's own.
    request: serde_json::Value,
    /// The reply, on `request.reply_added`.
    #[serde(skip_serializing_if = "Option::is_none")]
    reply: Option<&'a Reply>,
}

/// Writes the event of `event_type` about `request`, as it is now, one row
/// per webhook and one per mail it sends (the caller composed them with
/// [`crate::mail::for_outbox`]), inside the transaction that made it
/// happen. The caller reads the request in that transaction: the outbox
/// knows nothing of how requests are stored.
pub async fn enqueue(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    outbox: &Outbox,
    event_type: EventType,
    request: &StoredRequest,
    reply: Option<&Reply>,
    mails: &[Mail],
) -> Result<(), ApiError> {
    if outbox.endpoints.is_empty() && mails.is_empty() {
        return Ok(());
    }
    let event_id = Uuid::new_v4().to_string();
    let now = now_ms();
    let fail = |error: serde_json::Error| ApiError::Internal(format!("outbox: {error}"));
    let mut request_json = serde_json::to_value(request).map_err(fail)?;
    if let Some(fields) = request_json.as_object_mut() {
        fields.remove("unread");
    }
    let payload = serde_json::to_string(&Event {
        id: &event_id,
        event_type: event_type.as_str(),
        created_at: rfc3339(now),
        request: request_json,
        reply,
    })
    .map_err(fail)?;
    // One row per webhook, with the event as its body, and one per mail.
    let webhooks = (outbox.endpoints.iter()).map(|endpoint| (endpoint.clone(), payload.as_str()));
    let mails = (mails.iter()).map(|mail| (format!("{MAILTO}{}", mail.to), mail.payload.as_str()));
    for (endpoint, payload) in webhooks.chain(mails) {
        sqlx::query(
            "INSERT INTO webhook_outbox
                 (delivery_id, event_id, endpoint, request_id, event_type, payload,
                  created_at, next_attempt_at, partner_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)",
        )
        .bind(Uuid::new_v4().to_string())
        .bind(&event_id)
        .bind(endpoint)
        .bind(&request.id)
        .bind(event_type.as_str())
        .bind(payload)
        .bind(now)
        .bind(scope.partner())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A delivery taken to be sent now.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub delivery_id: String,
    pub event_id: String,
    pub endpoint: String,
    pub payload: String,
    pub attempts: i64,
    pub created_at: i64,
    pub claim_token: String,
    /// Whose delivery it is.
    pub partner: String,
}

/// How long a claim lasts, in milliseconds, for a deliverer whose every call
/// (or each step of an SMTP exchange) gives up after `timeout`: longer than
/// a delivery may take, so that one is never sent twice at once, short
/// enough that one whose process died goes out again soon.
pub fn lease_ms(timeout: std::time::Duration) -> i64 {
    let lease = timeout * 2 + std::time::Duration::from_secs(1);
    i64::try_from(lease.as_millis()).unwrap_or(i64::MAX)
}

/// Takes up to `limit` deliveries of `channel` that are due, of every
/// partner (each row names its own), each the
/// oldest one still pending of its request and webhook or address (so a
/// request's events arrive in order), for `lease_ms`. A claim is a conditional update: of several
/// processes on one database, exactly one gets each row, and a process
/// that dies holding it loses it when the lease runs out.
pub async fn claim_due(
    db: &Db,
    channel: Channel,
    limit: i64,
    lease_ms: i64,
) -> Result<Vec<Claimed>, sqlx::Error> {
    let now = now_ms();
    let sql = format!(
        "SELECT o.partner_id, o.delivery_id FROM webhook_outbox o
         WHERE {channel} AND o.delivered_at IS NULL AND o.failed_at IS NULL
           AND o.next_attempt_at <= $1
           AND (o.claimed_until IS NULL OR o.claimed_until < $1)
           AND NOT EXISTS (
               SELECT 1 FROM webhook_outbox p
               WHERE p.partner_id = o.partner_id AND p.request_id = o.request_id
                 AND p.endpoint = o.endpoint
                 AND p.seq < o.seq AND p.delivered_at IS NULL AND p.failed_at IS NULL)
         ORDER BY o.seq
         LIMIT $2",
        channel = channel.condition(now)
    );
    let candidates: Vec<(String, String)> = sqlx::query_as(&sql)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *db.read_as(ALL_PARTNERS).await?)
        .await?;
    let mut claimed = Vec::new();
    for (partner, delivery_id) in candidates {
        claimed.extend(claim(db, &partner, delivery_id, now, lease_ms).await?);
    }
    Ok(claimed)
}

/// Claims the delivery `delivery_id` for `lease_ms` from `now`, if it is
/// still due and free: between [`claim_due`]'s choice and this claim,
/// another process may have tried it, failed, and set its next attempt
/// later, which this claim must not bring forward.
async fn claim(
    db: &Db,
    partner: &str,
    delivery_id: String,
    now: i64,
    lease_ms: i64,
) -> Result<Option<Claimed>, sqlx::Error> {
    let mut transaction = db.write_as(partner).await?;
    let row: Option<ClaimedRow> = sqlx::query_as(&format!(
        "UPDATE webhook_outbox SET claimed_until = $2, claim_token = $3
         WHERE partner_id = $5 AND delivery_id = $1 AND delivered_at IS NULL AND failed_at IS NULL
           AND next_attempt_at <= $4
           AND (claimed_until IS NULL OR claimed_until < $4)
         RETURNING {CLAIMED_ROW}"
    ))
    .bind(&delivery_id)
    .bind(now + lease_ms)
    .bind(Uuid::new_v4().to_string())
    .bind(now)
    .bind(partner)
    .fetch_optional(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(row.map(claimed))
}

/// What a claim reads back of each row it takes, in [`ClaimedRow`]'s
/// order: its place in the outbox, then a [`Claimed`]'s fields.
const CLAIMED_ROW: &str =
    "seq, delivery_id, event_id, endpoint, payload, attempts, created_at, claim_token, partner_id";
type ClaimedRow = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
);

/// The delivery a claim took, from its row ([`CLAIMED_ROW`]).
fn claimed(row: ClaimedRow) -> Claimed {
    let (_, delivery_id, event_id, endpoint, payload, attempts, created_at, claim_token, partner) =
        row;
    Claimed {
        delivery_id,
        event_id,
        endpoint,
        payload,
        attempts,
        created_at,
        claim_token,
        partner,
    }
}

/// Takes, under `head`'s claim, the deliveries pending after it for the
/// same request and endpoint (mail to the same address), oldest first:
/// they go with it, as one mail.
pub async fn claim_followers(db: &Db, head: &Claimed) -> Result<Vec<Claimed>, sqlx::Error> {
    let now = now_ms();
    let mut transaction = db.write_as(&head.partner).await?;
    let mut rows: Vec<ClaimedRow> = sqlx::query_as(&format!(
        "UPDATE webhook_outbox SET claimed_until = (
                 SELECT h.claimed_until FROM webhook_outbox h WHERE h.delivery_id = $1),
             claim_token = $2
         WHERE delivered_at IS NULL AND failed_at IS NULL
           AND (claimed_until IS NULL OR claimed_until < $3)
           AND (partner_id, request_id, endpoint) IN (
               SELECT h.partner_id, h.request_id, h.endpoint FROM webhook_outbox h
               WHERE h.delivery_id = $1)
           AND seq > (SELECT h.seq FROM webhook_outbox h WHERE h.delivery_id = $1)
         RETURNING {CLAIMED_ROW}"
    ))
    .bind(&head.delivery_id)
    .bind(&head.claim_token)
    .bind(now)
    .fetch_all(&mut *transaction)
    .await?;
    transaction.commit().await?;
    // RETURNING keeps no order.
    rows.sort_by_key(|row| row.0);
    Ok(rows.into_iter().map(claimed).collect())
}

/// Records a delivery the webhook took (2xx).
pub async fn delivered(db: &Db, claim: &Claimed) -> Result<(), sqlx::Error> {
    let mut transaction = db.write_as(&claim.partner).await?;
    sqlx::query(
        "UPDATE webhook_outbox
         SET delivered_at = $3, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
         WHERE partner_id = $4 AND delivery_id = $1 AND claim_token = $2",
    )
    .bind(&claim.delivery_id)
    .bind(&claim.claim_token)
    .bind(now_ms())
    .bind(&claim.partner)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Hands back deliveries claimed but not finished, when a stop cuts their
/// calls short: due again at once, for any process, with no attempt
/// counted. A call the receiver took before the cut is sent again, under
/// the same event id, which receivers drop duplicates by.
pub async fn release(db: &Db, claims: &[Claimed]) -> Result<(), sqlx::Error> {
    for claim in claims {
        let mut transaction = db.write_as(&claim.partner).await?;
        sqlx::query(
            "UPDATE webhook_outbox SET claimed_until = NULL
             WHERE partner_id = $3 AND delivery_id = $1 AND claim_token = $2
               AND delivered_at IS NULL",
        )
        .bind(&claim.delivery_id)
        .bind(&claim.claim_token)
        .bind(&claim.partner)
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
    }
    Ok(())
}

/// Records a failed attempt: tried again at `retry_at`, or given up on
/// (`retry_at` none) after the retry window.
pub async fn failed(
    db: &Db,
    claim: &Claimed,
    error: &str,
    retry_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let mut transaction = db.write_as(&claim.partner).await?;
    sqlx::query(
        "UPDATE webhook_outbox
         SET attempts = attempts + 1, claimed_until = NULL, last_error = $3,
             next_attempt_at = COALESCE($4, next_attempt_at),
             failed_at = CASE WHEN $4 IS NULL THEN $5 ELSE NULL END
         WHERE partner_id = $6 AND delivery_id = $1 AND claim_token = $2",
    )
    .bind(&claim.delivery_id)
    .bind(&claim.claim_token)
    .bind(error)
    .bind(retry_at)
    .bind(now)
    .bind(&claim.partner)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// The webhooks' part of the outbox at a glance, for the metrics:
/// deliveries pending (not given up on), when the oldest of them was
/// written (Unix ms), and deliveries given up on. Mail is not counted.
pub async fn backlog(db: &Db) -> Result<(i64, Option<i64>, i64), sqlx::Error> {
    let (pending, oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(created_at) FROM webhook_outbox
         WHERE delivered_at IS NULL AND failed_at IS NULL AND endpoint NOT LIKE 'mailto:%'",
    )
    .fetch_one(&mut *db.read_as(ALL_PARTNERS).await?)
    .await?;
    let (given_up,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM webhook_outbox
         WHERE delivered_at IS NULL AND failed_at IS NOT NULL AND endpoint NOT LIKE 'mailto:%'",
    )
    .fetch_one(&mut *db.read_as(ALL_PARTNERS).await?)
    .await?;
    Ok((pending, oldest, given_up))
}

/// A delivery not yet made, for `support-backend deliveries`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub event_id: String,
    pub event_type: String,
    pub reference: String,
    pub endpoint: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub failed: bool,
    pub last_error: Option<String>,
}

/// Every delivery not yet made, oldest first.
pub async fn pending(db: &Db) -> Result<Vec<Pending>, sqlx::Error> {
    type Row = (
        String,
        String,
        String,
        String,
        i64,
        i64,
        Option<i64>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT o.event_id, o.event_type, r.reference, o.endpoint, o.attempts,
                o.next_attempt_at, o.failed_at, o.last_error
         FROM webhook_outbox o
         JOIN support_requests r ON r.partner_id = o.partner_id AND r.id = o.request_id
         WHERE o.delivered_at IS NULL
         ORDER BY o.seq",
    )
    .fetch_all(&mut *db.read_as(ALL_PARTNERS).await?)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(event_id, event_type, reference, endpoint, attempts, next, failed_at, last_error)| {
                Pending {
                    event_id,
                    event_type,
                    reference,
                    endpoint,
                    attempts,
                    next_attempt_at: next,
                    failed: failed_at.is_some(),
                    last_error,
                }
            },
        )
        .collect())
}

/// Makes the undelivered deliveries of event `event_id` due now, given up
/// on or not, with a fresh retry window and backoff. Returns how many there
/// were.
pub async fn retry_now(db: &Db, event_id: &str) -> Result<u64, sqlx::Error> {
    let mut transaction = db.write_as(ALL_PARTNERS).await?;
    let done = sqlx::query(
        "UPDATE webhook_outbox
         SET next_attempt_at = $2, failed_at = NULL, created_at = $2, attempts = 0
         WHERE event_id = $1 AND delivered_at IS NULL",
    )
    .bind(event_id)
    .bind(now_ms())
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(done.rows_affected())
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Unix milliseconds as RFC 3339 UTC to the second.
pub fn rfc3339(ms: i64) -> String {
    let at = std::time::UNIX_EPOCH
        + std::time::Duration::from_millis(u64::try_from(ms).unwrap_or_default());
    humantime::format_rfc3339_seconds(at).to_string()
}

#[cfg(test)]
mod tests {
    use sqlx::Executor;

    use super::*;
    use crate::partner::DEFAULT_PARTNER;

    /// A pending delivery whose next attempt is `next_attempt_at`.
    async fn pending_at(db: &Db, next_attempt_at: i64) -> String {
        let delivery_id = Uuid::new_v4().to_string();
        let mut conn = db.acquire().await.unwrap();
        // The delivery alone: no request row for it to point at.
        conn.execute("PRAGMA foreign_keys = OFF").await.unwrap();
        sqlx::query(
            "INSERT INTO webhook_outbox
                 (delivery_id, event_id, endpoint, request_id, event_type, payload,
                  created_at, next_attempt_at)
             VALUES ($1, 'e', 'https://hooks.example.com/', 'r', 'request.created', '{}', $2, $2)",
        )
        .bind(&delivery_id)
        .bind(next_attempt_at)
        .execute(&mut *conn)
        .await
        .unwrap();
        conn.execute("PRAGMA foreign_keys = ON").await.unwrap();
        delivery_id
    }

    /// Another process tried a delivery after this one chose it, failed,
    /// and set its next attempt later: this one's claim does not bring that
    /// attempt forward. One still due is claimed.
    #[tokio::test]
    async fn a_claim_leaves_a_delivery_whose_next_attempt_moved_later() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("outbox.db").display());
        let db = crate::db::connect(&url).await.unwrap();
        let now = now_ms();
        let later = pending_at(&db, now + 60_000).await;
        assert!(claim(&db, DEFAULT_PARTNER, later, now, 30_000)
            .await
            .unwrap()
            .is_none());
        let due = pending_at(&db, now).await;
        let claimed = claim(&db, DEFAULT_PARTNER, due.clone(), now, 30_000)
            .await
            .unwrap();
        assert_eq!(claimed.map(|c| c.delivery_id), Some(due));
    }
}
