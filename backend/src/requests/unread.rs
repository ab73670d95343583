//! Unread marks: whether a request holds something its reader has not
//! seen. `POST /support-requests/{id}/seen` records, per user (the token's
//! subject), the newest event of the request when they opened it, on the
//! server, so the mark follows the user to every device; every request the
//! backend answers carries `unread` for its caller ([`mark`]); `GET
//! /unread` counts and lists the caller's unread requests ([`count`]).
//!
//! What is unread, for a signed-in user (docs/customer-messages.md, "Unread
//! marks", says why):
//! - on a request they filed: an event by someone else (a reply, a status
//!   change) after their mark, or after the filing when they have none;
//! - for the partner's staff (`partner`, `agent`, `admin`) on a customer's
//!   message, which they answer as one team: the customer's newest word
//!   (the message, a reply, a reply that opened it again), when no one at
//!   the partner has acted on it since (`awaiting_reply_seq`, kept by
//!   [`crate::live::record`]) and it came after their own mark;
//! - on any other request (staff reading someone else's): an event by
//!   someone else after their mark, or after the filing.
//!
//! `GET /unread` also counts, for the partner's staff, every open customer
//! message that awaits a reply, seen or not: it still needs an answer.

use std::borrow::Cow;

use axum::http::StatusCode;
use axum::Json;
use sqlx::AnyConnection;
use support_contract::{
    RequestKind, RequestStatus, StoredRequest, Unread, UnreadRequest, UNREAD_LISTED_MAX,
};

use super::extract::RequestId;
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::partner::PartnerScope;

/// Whoever has marks: a signed-in user whose role the backend knows.
#[derive(Clone, Debug)]
struct Reader<'a> {
    /// The reader's subject in the scope's rows ([`Caller::subject_in`]).
    sub: Cow<'a, str>,
    staff: bool,
}

impl<'a> Reader<'a> {
    fn of(caller: &'a Caller, scope: &PartnerScope) -> Option<Reader<'a>> {
        match caller {
            Caller::User(identity) => identity.role.map(|role| Reader {
                sub: caller.subject_in(scope).unwrap_or_default(),
                staff: role.is_staff(),
            }),
            _ => None,
        }
    }
}

/// `POST /support-requests/{id}/seen`: records that the caller has seen
/// the request as it is now; 204, however often. The checks are those of
/// `GET /support-requests/{id}`: the token (401), a role that may (403),
/// and 404 for a request the caller may not read, as for one that does not
/// exist. With `--no-auth` nobody is anybody: nothing is recorded.
pub async fn seen(
    caller: Caller,
    scope: PartnerScope,
    RequestId(id): RequestId,
) -> Result<StatusCode, ApiError> {
    caller.may(Action::MarkSeen)?;
    super::routes::filer_if_readable(&scope, &caller, &id).await?;
    if let Some(reader) = Reader::of(&caller, &scope) {
        record(&scope, &reader.sub, &id.to_ascii_lowercase()).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Marks the request with this (lowercase) id seen by `sub` up to its
/// newest event. A mark never moves back: of two devices marking at once,
/// the later event wins.
async fn record(scope: &PartnerScope, sub: &str, request_id: &str) -> Result<(), ApiError> {
    let mut tx = scope.begin_write().await?;
    sqlx::query(
        "INSERT INTO request_seen (partner_id, user_sub, request_id, seen_seq)
         SELECT $3, $1, $2, COALESCE(MAX(seq), 0) FROM request_events
         WHERE partner_id = $3 AND request_id = $2
         ON CONFLICT (partner_id, user_sub, request_id) DO UPDATE SET seen_seq =
             CASE WHEN excluded.seen_seq > request_seen.seen_seq
                  THEN excluded.seen_seq ELSE request_seen.seen_seq END",
    )
    .bind(sub)
    .bind(request_id)
    .bind(scope.partner())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets `request.unread` as `caller` reads it.
pub async fn mark(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    caller: &Caller,
    request: &mut StoredRequest,
) -> Result<(), ApiError> {
    request.unread = match Reader::of(caller, scope) {
        Some(reader) => is_unread(scope, conn, reader, &request.id).await?,
        None => false,
    };
    Ok(())
}

/// Whether the request with this id holds something `reader` has not seen.
async fn is_unread(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    reader: Reader<'_>,
    request_id: &str,
) -> Result<bool, ApiError> {
    /// Its filer, kind, `awaiting_reply_seq`, and the reader's mark.
    type Row = (Option<String>, String, Option<i64>, Option<i64>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT r.filed_by, r.kind, r.awaiting_reply_seq, s.seen_seq
         FROM support_requests r
         LEFT JOIN request_seen s
             ON s.partner_id = r.partner_id AND s.request_id = r.id AND s.user_sub = $2
         WHERE r.partner_id = $3 AND r.id = $1",
    )
    .bind(request_id)
    .bind(reader.sub.as_ref())
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((filed_by, kind, awaiting, seen)) = row else {
        return Ok(false);
    };
    let seen = seen.unwrap_or(0);
    let own = filed_by.as_deref() == Some(reader.sub.as_ref());
    if !own && reader.staff && kind == RequestKind::CustomerSelfService.as_str() {
        return Ok(awaiting.is_some_and(|awaiting| awaiting > seen));
    }
    let news: Option<(i64,)> = sqlx::query_as(
        "SELECT seq FROM request_events
         WHERE partner_id = $4 AND request_id = $1 AND seq > $2
           AND (actor IS NULL OR actor <> $3)
         LIMIT 1",
    )
    .bind(request_id)
    .bind(seen)
    .bind(reader.sub.as_ref())
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(news.is_some())
}

/// `GET /unread`: how many of the caller's requests are unread, and which
/// (up to [`UNREAD_LISTED_MAX`]), by their newest change the caller has
/// not seen, newest first. The caller's requests are those they filed and,
/// for the partner's staff, its customers' messages. Who may: as for
/// `/seen`; with `--no-auth`, none.
pub async fn count(caller: Caller, scope: PartnerScope) -> Result<Json<Unread>, ApiError> {
    caller.may(Action::MarkSeen)?;
    let Some(reader) = Reader::of(&caller, &scope) else {
        return Ok(Json(Unread::default()));
    };
    let mut conn = scope.acquire().await?;
    let mut found: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT r.id, r.reference, MAX(e.seq)
         FROM support_requests r
         JOIN request_events e ON e.partner_id = r.partner_id AND e.request_id = r.id
         LEFT JOIN request_seen s
             ON s.partner_id = r.partner_id AND s.request_id = r.id AND s.user_sub = $1
         WHERE r.partner_id = $2 AND r.filed_by = $1
           AND e.seq > COALESCE(s.seen_seq, 0)
           AND (e.actor IS NULL OR e.actor <> $1)
         GROUP BY r.id, r.reference",
    )
    .bind(reader.sub.as_ref())
    .bind(scope.partner())
    .fetch_all(&mut *conn)
    .await?;
    if reader.staff {
        let waiting: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT r.id, r.reference, r.awaiting_reply_seq
             FROM support_requests r
             LEFT JOIN request_seen s
                 ON s.partner_id = r.partner_id AND s.request_id = r.id AND s.user_sub = $1
             WHERE r.partner_id = $5 AND r.kind = $2 AND r.awaiting_reply_seq IS NOT NULL
               AND (COALESCE(r.filed_by, '') <> $1)
               AND (r.awaiting_reply_seq > COALESCE(s.seen_seq, 0)
                    OR r.status = $3 OR r.status = $4)",
        )
        .bind(reader.sub.as_ref())
        .bind(RequestKind::CustomerSelfService.as_str())
        .bind(RequestStatus::Submitted.as_str())
        .bind(RequestStatus::InProgress.as_str())
        .bind(scope.partner())
        .fetch_all(&mut *conn)
        .await?;
        for message in waiting {
            if !found.iter().any(|(id, ..)| *id == message.0) {
                found.push(message);
            }
        }
    }
    found.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| b.1.cmp(&a.1)));
    let count = found.len() as u64;
    found.truncate(UNREAD_LISTED_MAX);
    let requests = found
        .into_iter()
        .map(|(id, reference, _)| UnreadRequest { id, reference })
        .collect();
    Ok(Json(Unread { count, requests }))
}
