//! Changing a request's status (what `support-backend set-status` does;
//! see [`crate::cli`]); its history is read with the request, in
//! [`super::stored`].

use sqlx::AnyConnection;
use support_contract::{RequestStatus, StatusChange};

use super::stored::{announce, append_history, move_message, Announced, Moved};
use crate::error::ApiError;
use crate::outbox::{EventType, Outbox};
use crate::partner::PartnerScope;

/// The key a status change came with, and the hash of what was sent with
/// it ([`super::idempotency::users_body_hash`]).
#[derive(Clone, Copy, Debug)]
pub struct KeyAndHash<'a> {
    pub key: &'a str,
    pub hash: &'a str,
}

/// The hash stored with the change made on request `id` under `key`, if
/// one was.
pub async fn by_key(scope: &PartnerScope, id: &str, key: &str) -> Result<Option<String>, ApiError> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT body_sha256 FROM support_request_status_history
         WHERE partner_id = $3 AND request_id = $1 AND idempotency_key = $2",
    )
    .bind(id.to_ascii_lowercase())
    .bind(key)
    .bind(scope.partner())
    .fetch_optional(&mut *scope.acquire().await?)
    .await?;
    Ok(row.map(|(hash,)| hash.unwrap_or_default()))
}

/// What [`set_status`] changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusSet {
    pub id: String,
    pub reference: String,
    /// The status before the change.
    pub previous: RequestStatus,
    /// The new entry at the end of the request's history.
    pub change: StatusChange,
}

/// Sets the status of the request with this id or reference (`SR-000123`,
/// in any case) and appends the change, with `note`, to its history, in one
/// transaction. `None` when no request has that id or reference.
///
/// The first statement updates the request, which locks it (its row on
/// PostgreSQL, the database on SQLite), so two changes at once are
/// numbered one after the other.
///
/// The change goes to the outbox (`request.status_changed`) in the same
/// transaction. `actor` is who made it (the token's subject; `None` for an
/// operator or a backend without sign-in): the filer hears by mail of
/// changes that others make.
pub async fn set_status(
    scope: &PartnerScope,
    outbox: &Outbox,
    actor: Option<&str>,
    id_or_reference: &str,
    status: RequestStatus,
    note: Option<&str>,
    keyed: Option<KeyAndHash<'_>>,
) -> Result<Option<StatusSet>, ApiError> {
    let wanted = id_or_reference.trim();
    if !crate::db::can_be_id(wanted) {
        return Ok(None);
    }
    // A blank note says nothing: the change is kept without one.
    let note = note.map(str::trim).filter(|note| !note.is_empty());
    let mut tx = scope.begin_write().await?;
    let found: Option<(String, String, Option<String>)> = sqlx::query_as(
        "UPDATE support_requests SET status = $2
         WHERE partner_id = $4 AND (id = $3 OR UPPER(reference) = UPPER($1))
         RETURNING id, reference, filed_by",
    )
    .bind(wanted)
    .bind(status.as_str())
    // Ids are stored as lowercase UUIDs; either is taken in any case.
    .bind(wanted.to_ascii_lowercase())
    .bind(scope.partner())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, reference, filed_by)) = found else {
        tx.rollback().await?;
        return Ok(None);
    };
    let (previous, changed_at) = append_history(
        scope,
        &mut tx,
        &id,
        status,
        note,
        keyed.map(|k| (k.key, k.hash)),
    )
    .await?;
    let by_filer = actor.is_some() && actor == filed_by.as_deref();
    announce(
        scope,
        &mut tx,
        outbox,
        Announced {
            event_type: EventType::StatusChanged,
            request_id: &id,
            reply: None,
            actor,
            by_filer,
            confirm_link: None,
            mailed: true,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Some(StatusSet {
        id,
        reference,
        previous,
        change: StatusChange {
            status,
            changed_at,
            note: note.map(str::to_owned),
        },
    }))
}

/// A customer who writes again on their resolved message opens it again
/// (`in_progress`), in the reply's transaction: it comes back to the
/// partner's open inbox, and the change goes to the outbox as any other.
/// `filer` is the customer who wrote. Whether it was reopened.
pub async fn reopen_on_reply(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    outbox: &Outbox,
    id: &str,
    filer: Option<&str>,
) -> Result<bool, ApiError> {
    let moved = Moved {
        request_id: id,
        from: RequestStatus::Resolved,
        actor: filer,
        by_filer: true,
        mailed: true,
    };
    move_message(scope, conn, outbox, moved).await
}

/// The partner's staff (`actor`) reply on a customer's message that is
/// still `submitted`: it moves to `in_progress`, as the customer then
/// sees it, in the reply's transaction, with its history entry, its event
/// and its webhooks as any status change; but no mail, since the reply's
/// own mail tells the customer (one mail for one reply). Whether it moved.
pub async fn take_up_on_reply(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    outbox: &Outbox,
    id: &str,
    actor: Option<&str>,
) -> Result<bool, ApiError> {
    let moved = Moved {
        request_id: id,
        from: RequestStatus::Submitted,
        actor,
        by_filer: false,
        mailed: false,
    };
    move_message(scope, conn, outbox, moved).await
}
