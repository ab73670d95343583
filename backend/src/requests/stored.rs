//! Storing support requests and reading them back, with their status
//! history.

use serde::Serialize;
use support_contract::{
    CreatedRequest, ErrorCode, EscalatedAs, FieldError, NewSupportRequest, Reply, ReplyAuthor,
    RequestKind, RequestStatus, StatusChange, StoredRequest,
};
use uuid::Uuid;

use sqlx::AnyConnection;

use super::idempotency::keys::Claim;
use super::idempotency::StoredResponse;
use super::rules::ATTACHMENTS_FIELD;
use crate::attachments::metadata::Carried;
use crate::db::{Db, ALL_PARTNERS};
use crate::error::ApiError;
use crate::mail::confirmations::Asked;
use crate::outbox::{self, EventType, Outbox};
use crate::partner::{desk, PartnerScope, DEFAULT_PARTNER};

/// What [`create_request`] did.
#[derive(Debug)]
pub enum Created {
    /// The request was stored and the claim completed; this is the JSON of
    /// the answer, as remembered for the idempotency key.
    New(StoredResponse),
    /// The claim was no longer this request's (taken over as stale, which
    /// only happens when filing took far too long); nothing was written.
    ClaimLost,
}

/// The text of a unit enum as it appears in JSON (`partner_center`), for the
/// columns that repeat a field of the body.
fn json_text(value: impl Serialize) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => Some(text),
        _ => None,
    }
}

/// Stores `request` under its claimed idempotency key in one transaction:
/// either the request and the key's answer are both written or neither is.
///
/// The transaction first re-checks that the claim is still this request's,
/// and in doing so locks it (the row on PostgreSQL, the database on SQLite),
/// so a takeover cannot slip in before the commit: a key files exactly one
/// request, whichever backend process each retry reached. The request's
/// customer and service must exist (the caller checks; a foreign key makes
/// sure). Its attachments are taken in the same transaction; when one is no
/// longer free, nothing is written and the answer is 422. The files it
/// carries from the message it escalates are copied already (`carried`):
/// their rows are written here.
pub async fn create_request(
    scope: &PartnerScope,
    claim: &Claim,
    request: &NewSupportRequest,
    carried: &[Carried],
    filed_by: Option<&str>,
    outbox: &Outbox,
    confirm_token: Option<&str>,
) -> Result<Created, ApiError> {
    let body = serde_json::to_string(request).map_err(|e| ApiError::Internal(e.to_string()))?;
    let id = Uuid::new_v4().to_string();
    let mut tx = scope.begin_write().await?;
    let held = sqlx::query(
        "UPDATE idempotency_keys SET claim_token = $2
         WHERE partner_id = $3 AND key = $1 AND claim_token = $2 AND status_code = 0",
    )
    .bind(&claim.key)
    .bind(&claim.token)
    .bind(scope.partner())
    .execute(&mut *tx)
    .await?;
    if held.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(Created::ClaimLost);
    }
    let (seq,): (i64,) = sqlx::query_as(scope.db().dialect().next_request_number())
        .fetch_one(&mut *tx)
        .await?;
    let reference = format!("SR-{seq:06}");
    // A blank id names nothing (the contract's rules refuse one where the
    // kind of request needs it): stored as none.
    let (customer_id, service_id) = (request.customer_id(), request.service_id());
    let (created_at,): (String,) = sqlx::query_as(
        "INSERT INTO support_requests (
             id, seq, reference, kind, category, title, description,
             contact_name, contact_email, contact_phone, contact_language,
             locale, status, body,
             customer_id, customer_name, service_id, severity, filed_by, related_request,
             partner_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
             $15, (SELECT name FROM customers WHERE partner_id = $20 AND id = $15),
             $16, $17, $18, $19, $20)
         RETURNING created_at",
    )
    .bind(&id)
    .bind(seq)
    .bind(&reference)
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
    .bind(customer_id)
    .bind(service_id)
    .bind(request.severity.map(|s| s.as_str()))
    .bind(filed_by)
    .bind(
        request
            .related_request
            .as_deref()
            .map(str::to_ascii_lowercase),
    )
    .bind(scope.partner())
    .fetch_one(&mut *tx)
    .await?;
    // The history starts with the request, in the same transaction.
    sqlx::query(
        "INSERT INTO support_request_status_history
             (request_id, seq, status, changed_at, partner_id)
         VALUES ($1, 1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(RequestStatus::Submitted.as_str())
    .bind(&created_at)
    .bind(scope.partner())
    .execute(&mut *tx)
    .await?;
    // The files go with the request or not at all; one taken meanwhile by
    // another request, or deleted as an orphan, refuses this one.
    let ids = &request.attachments;
    if !crate::attachments::metadata::attach(scope, &mut tx, &id, None, ids, carried, filed_by)
        .await?
    {
        tx.rollback().await?;
        return Err(ApiError::Invalid(vec![FieldError::new(
            ATTACHMENTS_FIELD,
            ErrorCode::InvalidValue,
        )]));
    }
    // A visitor's typed address hears nothing more until it is confirmed,
    // mail on or not (mail turned on later must not reach it either); the
    // link goes there when mail is on, unless a link mailed there earlier
    // is still waiting, which then confirms this message too.
    let public_url = outbox
        .mail
        .as_ref()
        .and_then(|mail| mail.public_url.as_deref());
    let asked = match confirm_token {
        Some(token) => {
            let address = &request.contact.email;
            crate::mail::confirmations::record(
                scope,
                &mut tx,
                &id,
                token,
                address,
                public_url.is_some(),
            )
            .await?
        }
        None => Asked::Not,
    };
    let confirm_link = public_url
        .zip(confirm_token)
        .filter(|_| asked == Asked::Now)
        .map(|(public_url, token)| crate::mail::confirmations::link(public_url, token));
    // The people behind the backend hear of it once it is stored.
    announce(
        scope,
        &mut tx,
        outbox,
        Announced {
            event_type: EventType::Created,
            request_id: &id,
            reply: None,
            actor: filed_by,
            by_filer: true,
            confirm_link: confirm_link.as_deref(),
            mailed: true,
        },
    )
    .await?;
    // An escalation is the partner's answer to the customer's message it
    // names: one still `submitted` is `in_progress` from now on, and its
    // customer hears so (the escalation itself they never hear of by
    // mail).
    if let (RequestKind::Customer, Some(message)) =
        (request.kind, request.related_request.as_deref())
    {
        let moved = Moved {
            request_id: &message.to_ascii_lowercase(),
            from: RequestStatus::Submitted,
            actor: filed_by,
            by_filer: false,
            mailed: true,
        };
        move_message(scope, &mut tx, outbox, moved).await?;
    }
    let created = CreatedRequest {
        id: id.clone(),
        reference,
        status: RequestStatus::Submitted,
        created_at,
        confirmation_mailed: asked != Asked::Not
            && crate::mail::is_address(request.contact.email.trim()),
    };
    let response =
        serde_json::to_string(&created).map_err(|e| ApiError::Internal(e.to_string()))?;
    let status_code: u16 = 201;
    // RETURNING the body's hash, which the claim recorded, completes the
    // answer as a replay will read it.
    let (body_sha256,): (String,) = sqlx::query_as(
        "UPDATE idempotency_keys SET status_code = $3, response = $4, request_id = $5
         WHERE partner_id = $6 AND key = $1 AND claim_token = $2
         RETURNING body_sha256",
    )
    .bind(&claim.key)
    .bind(&claim.token)
    .bind(i64::from(status_code))
    .bind(&response)
    .bind(&id)
    .bind(scope.partner())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Created::New(StoredResponse {
        body_sha256,
        status_code,
        response,
    }))
}

/// The stored request with this id (in any case: ids are stored as
/// lowercase UUIDs), if any.
pub async fn find_request(
    scope: &PartnerScope,
    id: &str,
) -> Result<Option<StoredRequest>, ApiError> {
    let mut conn = scope.acquire().await?;
    find_request_in(scope, &mut conn, id).await
}

/// As [`find_request`], on a connection (inside a transaction, say).
pub async fn find_request_in(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<StoredRequest>, ApiError> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let row: Option<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, reference, status, created_at, body FROM support_requests
         WHERE partner_id = $2 AND id = $1",
    )
    .bind(id.to_ascii_lowercase())
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, reference, status, created_at, body)) = row else {
        return Ok(None);
    };
    let broken =
        |what: &str| ApiError::Internal(format!("request {id}: stored {what} does not parse"));
    let status = RequestStatus::parse(&status).ok_or_else(|| broken("status"))?;
    let request = serde_json::from_str(&body).map_err(|_| broken("body"))?;
    let history = history(scope, conn, &id).await?;
    let attachments = crate::attachments::metadata::of_request(scope, conn, &id).await?;
    let replies = replies(scope, conn, &id).await?;
    let escalated_as: Option<(String, String, String)> = sqlx::query_as(
        "SELECT id, reference, status FROM support_requests
         WHERE partner_id = $2 AND related_request = $1
         ORDER BY seq DESC LIMIT 1",
    )
    .bind(&id)
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    let escalated_as = match escalated_as {
        None => None,
        Some((id, reference, status)) => Some(EscalatedAs {
            status: RequestStatus::parse(&status).ok_or_else(|| broken("escalation's status"))?,
            id,
            reference,
        }),
    };
    Ok(Some(StoredRequest {
        id,
        reference,
        status,
        created_at,
        request,
        history,
        attachments,
        replies,
        escalated_as,
        // Each reader's own: set where a caller reads it.
        unread: false,
    }))
}

/// The thread of the request with this id, oldest first.
pub async fn replies(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    request_id: &str,
) -> Result<Vec<Reply>, ApiError> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, body, author_name, author_role, created_at FROM support_request_replies
         WHERE partner_id = $2 AND request_id = $1 ORDER BY seq",
    )
    .bind(request_id)
    .bind(scope.partner())
    .fetch_all(&mut *conn)
    .await?;
    let mut replies = Vec::with_capacity(rows.len());
    for (id, body, name, role, created_at) in rows {
        replies.push(Reply {
            attachments: crate::attachments::metadata::of_reply(scope, conn, &id).await?,
            id,
            body,
            author: ReplyAuthor { name, role },
            created_at,
        });
    }
    Ok(replies)
}

/// The request's history, oldest first.
pub async fn history(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    request_id: &str,
) -> Result<Vec<StatusChange>, ApiError> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT status, changed_at, note FROM support_request_status_history
         WHERE partner_id = $2 AND request_id = $1 ORDER BY seq",
    )
    .bind(request_id)
    .bind(scope.partner())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(status, changed_at, note)| {
            let status = RequestStatus::parse(&status).ok_or_else(|| {
                ApiError::Internal(format!(
                    "request {request_id}: stored history does not parse"
                ))
            })?;
            Ok(StatusChange {
                status,
                changed_at,
                note,
            })
        })
        .collect()
}

/// Adds `status` to the end of the request's history, in the caller's
/// transaction (which has locked the request): the status before it, and
/// when it was made. `keyed`: the `Idempotency-Key` it came with, and the
/// hash of what was sent with it.
pub async fn append_history(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    id: &str,
    status: RequestStatus,
    note: Option<&str>,
    keyed: Option<(&str, &str)>,
) -> Result<(RequestStatus, String), ApiError> {
    let (last, previous): (i64, String) = sqlx::query_as(
        "SELECT seq, status FROM support_request_status_history
         WHERE partner_id = $2 AND request_id = $1 ORDER BY seq DESC LIMIT 1",
    )
    .bind(id)
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?
    // A request always has its `submitted` entry; should it be missing,
    // this change starts the history.
    .unwrap_or((0, RequestStatus::Submitted.as_str().to_owned()));
    let sql = format!(
        "INSERT INTO support_request_status_history
             (request_id, seq, status, changed_at, note, idempotency_key, body_sha256,
              partner_id)
         VALUES ($1, $2, $3, {now}, $4, $5, $6, $7)
         RETURNING changed_at",
        now = scope.db().dialect().timestamp_seconds_ago(0),
    );
    let (changed_at,): (String,) = sqlx::query_as(&sql)
        .bind(id)
        .bind(last + 1)
        .bind(status.as_str())
        .bind(note)
        .bind(keyed.map(|(key, _)| key))
        .bind(keyed.map(|(_, hash)| hash))
        .bind(scope.partner())
        .fetch_one(&mut *conn)
        .await?;
    Ok((
        RequestStatus::parse(&previous).unwrap_or_default(),
        changed_at,
    ))
}

/// A customer's message moved on by what was done on it.
pub struct Moved<'a> {
    pub request_id: &'a str,
    /// The status it moves from, to `in_progress`; in any other, it stays.
    pub from: RequestStatus,
    /// Who did it (a token's subject), if anyone signed in.
    pub actor: Option<&'a str>,
    /// Whether the message's own customer did it.
    pub by_filer: bool,
    /// Whether mail tells of it: not where another event's mail, in the
    /// same transaction, already does.
    pub mailed: bool,
}

/// Moves the customer's message `moved.request_id` (`customer_self_service`)
/// from `moved.from` to `in_progress`, in the caller's transaction, with
/// its history entry and its event, as any status change: what a
/// customer's reply on a resolved message, or the partner's first answer,
/// does to it. The update locks it. Whether it moved.
pub async fn move_message(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    outbox: &Outbox,
    moved: Moved<'_>,
) -> Result<bool, ApiError> {
    let changed = sqlx::query(
        "UPDATE support_requests SET status = $2
         WHERE partner_id = $5 AND id = $1 AND kind = $3 AND status = $4",
    )
    .bind(moved.request_id)
    .bind(RequestStatus::InProgress.as_str())
    .bind(RequestKind::CustomerSelfService.as_str())
    .bind(moved.from.as_str())
    .bind(scope.partner())
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() != 1 {
        return Ok(false);
    }
    let id = moved.request_id;
    append_history(scope, conn, id, RequestStatus::InProgress, None, None).await?;
    announce(
        scope,
        conn,
        outbox,
        Announced {
            event_type: EventType::StatusChanged,
            request_id: id,
            reply: None,
            actor: moved.actor,
            by_filer: moved.by_filer,
            confirm_link: None,
            mailed: moved.mailed,
        },
    )
    .await?;
    Ok(true)
}

/// Writes `event_type` about the request with this id, as it is now in the
/// transaction on `conn` (with the reply it is about, if any), to the live
/// changes ([`crate::live::record`]) and to the outbox; reads it for the
/// outbox only when some webhook or mail will hear of it.
pub async fn announce(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    outbox: &Outbox,
    announced: Announced<'_>,
) -> Result<(), ApiError> {
    let Announced {
        event_type,
        request_id,
        reply,
        actor,
        by_filer,
        confirm_link,
        mailed,
    } = announced;
    crate::live::record(scope, conn, event_type, request_id, actor).await?;
    // The flags' webhooks and mail are the default partner's; another
    // partner's events go to its own, as its settings are now.
    let partners_own;
    let outbox = if scope.partner() == crate::partner::DEFAULT_PARTNER {
        outbox
    } else {
        partners_own = partner_outbox(scope, conn, outbox).await?;
        &partners_own
    };
    if outbox.is_empty() {
        return Ok(());
    }
    let request = find_request_in(scope, conn, request_id)
        .await?
        .ok_or_else(|| ApiError::Internal(format!("outbox: no request {request_id}")))?;
    let mails = match outbox.mail.as_ref().filter(|_| mailed) {
        Some(mail) => crate::mail::for_outbox(
            mail,
            crate::mail::Happened {
                service: service_name(conn, &request).await?.as_deref(),
                event_type,
                request: &request,
                reply,
                by_filer,
                contact_confirmed: crate::mail::confirmations::contact_confirmed(
                    scope,
                    conn,
                    &request.id,
                )
                .await?,
                confirm_link,
            },
        )?,
        None => Vec::new(),
    };
    outbox::enqueue(scope, conn, outbox, event_type, &request, reply, &mails).await
}

/// Where the events of the scope's partner (not the default one) go: its
/// own settings, read in the transaction, over the flags' `outbox`.
async fn partner_outbox(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    outbox: &Outbox,
) -> Result<Outbox, ApiError> {
    use crate::partner::store::{find_in, StoreError};
    let partner = find_in(conn, scope.partner())
        .await
        .map_err(|error| match error {
            StoreError::Database(error) => error.into(),
            error => ApiError::Internal(format!("outbox: {error}")),
        })?;
    Ok(match partner {
        Some(partner) => outbox.of_partner(&partner.name, &partner.settings),
        None => Outbox::default(),
    })
}

/// The catalogue's name of the request's service, for its mail.
async fn service_name(
    conn: &mut AnyConnection,
    request: &StoredRequest,
) -> Result<Option<String>, ApiError> {
    let Some(id) = request.request.service_id() else {
        return Ok(None);
    };
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM services WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(name,)| name))
}

/// What [`announce`] tells of.
pub struct Announced<'a> {
    pub event_type: EventType,
    pub request_id: &'a str,
    /// The reply, on a reply.
    pub reply: Option<&'a Reply>,
    /// Who did it (a token's subject), if anyone signed in: what they did
    /// is not new to them.
    pub actor: Option<&'a str>,
    /// Whether the request's own filer did it.
    pub by_filer: bool,
    /// On a visitor's new request, the link that confirms their address.
    pub confirm_link: Option<&'a str>,
    /// Whether mail tells of it (the webhooks and the live changes always
    /// do): not where another event's mail, in the same transaction,
    /// already does.
    pub mailed: bool,
}

/// How a lookup of its partner names a request.
#[derive(Clone, Copy, Debug)]
pub enum Named<'a> {
    /// By its id (in any case).
    Id(&'a str),
    /// By its reference (in any case).
    Reference(&'a str),
    /// By either: the operator's commands name a request so. References
    /// are numbered across partners, so one names one request.
    IdOrReference(&'a str),
}

/// Among whose requests a lookup of their partner looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Among {
    /// Every partner's.
    Every,
    /// Those of the partners other than the default one that 21Vianet's
    /// desk works on ([`desk::KINDS`]): the desk's own partner's need no
    /// lookup.
    Desk,
}

/// The partner whose request `named` names, if it is `among` those
/// looked at. Reads across partners, naming every partner for
/// PostgreSQL's row-level security: for those who name a request, not its
/// partner (the operator's commands, the desk).
pub async fn partner_of(
    db: &Db,
    named: Named<'_>,
    among: Among,
) -> Result<Option<String>, sqlx::Error> {
    let (Named::Id(wanted) | Named::Reference(wanted) | Named::IdOrReference(wanted)) = named;
    if !crate::db::can_be_id(wanted) {
        return Ok(None);
    }
    let (condition, mut binds) = match named {
        Named::Id(id) => ("id = $1", vec![id.to_ascii_lowercase()]),
        Named::Reference(reference) => ("UPPER(reference) = UPPER($1)", vec![reference.to_owned()]),
        Named::IdOrReference(wanted) => (
            "(id = $1 OR UPPER(reference) = UPPER($2))",
            vec![wanted.to_ascii_lowercase(), wanted.to_owned()],
        ),
    };
    let among = match among {
        Among::Every => String::new(),
        Among::Desk => {
            let first = binds.len() + 1;
            binds.push(DEFAULT_PARTNER.to_owned());
            binds.extend(desk::KINDS.map(|kind| kind.as_str().to_owned()));
            let kinds = (1..=desk::KINDS.len()).map(|n| format!("${}", first + n));
            let kinds = kinds.collect::<Vec<_>>().join(", ");
            format!(" AND partner_id <> ${first} AND kind IN ({kinds})")
        }
    };
    let sql = format!(
        "SELECT partner_id FROM support_requests WHERE {condition}{among} ORDER BY seq LIMIT 1"
    );
    let mut query = sqlx::query_as(&sql);
    for bind in binds {
        query = query.bind(bind);
    }
    let row: Option<(String,)> = query
        .fetch_optional(&mut *db.read_as(ALL_PARTNERS).await?)
        .await?;
    Ok(row.map(|(partner,)| partner))
}

/// Who filed the request with this id: `None` if there is no such request,
/// `Some(None)` if it was filed without a token.
pub async fn filed_by(scope: &PartnerScope, id: &str) -> Result<Option<Option<String>>, ApiError> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let row: Option<(Option<String>,)> =
        sqlx::query_as("SELECT filed_by FROM support_requests WHERE partner_id = $2 AND id = $1")
            .bind(id.to_ascii_lowercase())
            .bind(scope.partner())
            .fetch_optional(&mut *scope.acquire().await?)
            .await?;
    Ok(row.map(|(filer,)| filer))
}

/// The kind of the request with this id, if there is one.
pub async fn kind(scope: &PartnerScope, id: &str) -> Result<Option<RequestKind>, ApiError> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let row: Option<(String,)> =
        sqlx::query_as("SELECT kind FROM support_requests WHERE partner_id = $2 AND id = $1")
            .bind(id.to_ascii_lowercase())
            .bind(scope.partner())
            .fetch_optional(&mut *scope.acquire().await?)
            .await?;
    row.map(|(kind,)| {
        RequestKind::parse(&kind)
            .ok_or_else(|| ApiError::Internal(format!("request {id}: stored kind does not parse")))
    })
    .transpose()
}

/// A request found by its reference: what decides who may find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByReference {
    pub id: String,
    pub filed_by: Option<String>,
    pub kind: RequestKind,
}

/// The request with this reference (`SR-000012`, in any case), if any.
pub async fn by_reference(
    scope: &PartnerScope,
    reference: &str,
) -> Result<Option<ByReference>, ApiError> {
    if !crate::db::can_be_id(reference) {
        return Ok(None);
    }
    let row: Option<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, filed_by, kind FROM support_requests
             WHERE partner_id = $2 AND reference = $1",
    )
    .bind(reference.to_ascii_uppercase())
    .bind(scope.partner())
    .fetch_optional(&mut *scope.acquire().await?)
    .await?;
    row.map(|(id, filed_by, kind)| {
        let kind = RequestKind::parse(&kind).ok_or_else(|| {
            ApiError::Internal(format!("request {id}: stored kind does not parse"))
        })?;
        Ok(ByReference { id, filed_by, kind })
    })
    .transpose()
}

/// Which requests a page of `GET /support-requests?kind=…` lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Submitted or in progress: still to be answered.
    Open,
    /// Resolved or closed.
    Resolved,
}

impl Standing {
    pub fn parse(value: &str) -> Option<Standing> {
        match value {
            "open" => Some(Standing::Open),
            "resolved" => Some(Standing::Resolved),
            _ => None,
        }
    }

    /// The two statuses of `standing`, for SQL's `status = $n OR status =
    /// $m`; without a standing, none (any status).
    pub fn pair(standing: Option<Standing>) -> (Option<&'static str>, Option<&'static str>) {
        let mut statuses = standing
            .into_iter()
            .flat_map(Standing::statuses)
            .map(RequestStatus::as_str);
        (statuses.next(), statuses.next())
    }

    /// The statuses of this standing.
    fn statuses(self) -> impl Iterator<Item = RequestStatus> {
        let finished = self == Standing::Resolved;
        RequestStatus::ALL
            .into_iter()
            .filter(move |status| status.is_finished() == finished)
    }
}

/// The ids of the requests of `kind` (only those `standing` if given),
/// newest first, after the one with the id `before` (if given), at most
/// `limit`; and whether more follow.
pub async fn of_kind(
    scope: &PartnerScope,
    kind: RequestKind,
    standing: Option<Standing>,
    before: Option<&str>,
    limit: usize,
) -> Result<(Vec<String>, bool), ApiError> {
    let fetch = i64::try_from(limit).unwrap_or(i64::MAX).saturating_add(1);
    if before.is_some_and(|id| !crate::db::can_be_id(id)) {
        return Ok((Vec::new(), false));
    }
    let (first, second) = Standing::pair(standing);
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM support_requests
         WHERE partner_id = $6 AND kind = $1
           AND ($2 IS NULL OR status = $2 OR status = $3)
           AND ($4 IS NULL OR seq < (SELECT seq FROM support_requests
                                     WHERE partner_id = $6 AND id = $4))
         ORDER BY seq DESC
         LIMIT $5",
    )
    .bind(kind.as_str())
    .bind(first)
    .bind(second)
    .bind(before.map(str::to_ascii_lowercase))
    .bind(fetch)
    .bind(scope.partner())
    .fetch_all(&mut *scope.acquire().await?)
    .await?;
    Ok(page(rows, limit))
}

/// The first `limit` ids of `rows`, fetched one more than `limit` (the
/// page's size, at most), and whether more follow.
fn page(rows: Vec<(String,)>, limit: usize) -> (Vec<String>, bool) {
    let mut ids: Vec<String> = rows.into_iter().map(|(id,)| id).collect();
    let more = ids.len() > limit;
    ids.truncate(limit);
    (ids, more)
}

/// The ids of the requests `filer` filed, newest first, after the one with
/// the id `before` (if given), at most `limit`; and whether more follow.
pub async fn filed_by_user(
    scope: &PartnerScope,
    filer: &str,
    before: Option<&str>,
    limit: usize,
) -> Result<(Vec<String>, bool), ApiError> {
    let fetch = i64::try_from(limit).unwrap_or(i64::MAX).saturating_add(1);
    // A `before` that names no request of the filer's starts nowhere: an
    // empty page, rather than the first one again. One that cannot be an
    // id (PostgreSQL text cannot hold NUL) names none without asking.
    if before.is_some_and(|id| !crate::db::can_be_id(id)) {
        return Ok((Vec::new(), false));
    }
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM support_requests
         WHERE partner_id = $4 AND filed_by = $1
           AND ($2 IS NULL OR seq < (SELECT seq FROM support_requests
                                     WHERE partner_id = $4 AND id = $2 AND filed_by = $1))
         ORDER BY seq DESC
         LIMIT $3",
    )
    .bind(filer)
    .bind(before.map(str::to_ascii_lowercase))
    .bind(fetch)
    .bind(scope.partner())
    .fetch_all(&mut *scope.acquire().await?)
    .await?;
    Ok(page(rows, limit))
}
