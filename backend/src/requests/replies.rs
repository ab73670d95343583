//! `POST /support-requests/{id}/replies`: the thread on a request. Whoever
//! may read a request may reply on it: its filer, the partner's staff, and
//! the support representatives (agents and admins). A reply is sent with an
//! `Idempotency-Key`, and is stored once however often it is sent; its
//! files are uploads of its author's, as a request's are; it goes to the
//! webhooks' outbox (`request.reply_added`) in the transaction that stores
//! it. The thread is read with the request ([`stored::replies`]).

use std::borrow::Cow;

use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use support_contract::{ErrorCode, FieldError, NewReply, Reply, ReplyAuthor};
use uuid::Uuid;

use super::extract::{Keyed, KeyedBody, RequestId};
use super::idempotency::{self, Once};
use super::routes::REPLAYED_HEADER;
use super::rules::ATTACHMENTS_FIELD;
use super::status_change;
use super::stored::{self, announce, Announced};
use crate::attachments::metadata;
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::outbox::EventType;
use crate::partner::{PartnerScope, DEFAULT_PARTNER};
use crate::AppState;

/// A reply may be sent by whoever may reply at all; on which request is
/// [`super::routes::filer_if_readable`]'s to say, once the request is read.
impl KeyedBody for NewReply {
    const MAY: Option<Action> = Some(Action::Reply);
}

/// Adds a reply to the request's thread, and answers it with 201; a repeat
/// of a reply already stored under its key answers the same reply again.
/// The checks run in the order of the contract: those of [`Keyed`] (the
/// token, the right to reply at all, the body, the key), then the request
/// (404 where the caller may not read it), the key's earlier use with
/// another reply (422), the fields (422).
pub async fn post(
    State(state): State<AppState>,
    RequestId(id): RequestId,
    scope: PartnerScope,
    Keyed {
        caller,
        body: reply,
        key,
        hash,
    }: Keyed<NewReply>,
) -> Result<Response, ApiError> {
    let filer = super::routes::filer_if_readable(&scope, &caller, &id).await?;
    let author_sub = caller.subject_in(&scope).map(Cow::into_owned);
    // Visitors of the public help page do not reply; a reply without a
    // token (`--no-auth`) is nobody's in particular.
    let by_filer = author_sub.is_some() && author_sub.as_deref() == filer.as_deref();
    let id = id.to_ascii_lowercase();
    let (state, scope, id) = (&state, &scope, id.as_str());
    let (key, hash) = (key.as_str(), hash.as_str());
    let (reply, caller, author_sub) = (&reply, &caller, author_sub.as_deref());
    let once = idempotency::once_per_key(
        hash,
        move || by_key(scope, id, key),
        move || async move {
            let errors = reply.validate();
            if !errors.is_empty() {
                return Err(ApiError::Invalid(errors));
            }
            let new = NewStored {
                request_id: id,
                reply,
                author: author(caller),
                author_sub,
                key,
                hash,
                by_filer,
            };
            if caller.is_desk() && scope.partner() != DEFAULT_PARTNER {
                let uploader = caller.filed_by();
                metadata::hand_over(scope, &reply.attachments, uploader, author_sub).await?;
            }
            store(state, scope, new).await
        },
    )
    .await?;
    Ok(match once {
        Once::Stored(stored) => {
            state.wake_after_commit();
            created(&stored, false)
        }
        Once::Replayed(stored) => created(&stored, true),
    })
}

/// The author as the thread shows them: the token's name (or e-mail, when
/// it has no name) and role; on a backend without sign-in, nobody in
/// particular.
fn author(caller: &Caller) -> ReplyAuthor {
    match caller {
        Caller::User(identity) => ReplyAuthor {
            name: (identity.name.clone())
                .or_else(|| identity.email.clone())
                .unwrap_or_default(),
            role: identity.role.map(|r| r.as_str()).unwrap_or_default().into(),
        },
        _ => ReplyAuthor::default(),
    }
}

/// A reply to store, with who wrote it and the key it came with.
struct NewStored<'a> {
    request_id: &'a str,
    reply: &'a NewReply,
    author: ReplyAuthor,
    author_sub: Option<&'a str>,
    key: &'a str,
    hash: &'a str,
    /// Whether the request's filer wrote it.
    by_filer: bool,
}

/// Stores the reply, takes its files and writes its event, in one
/// transaction. Its first statement touches the request, which locks it
/// (its row on PostgreSQL; on SQLite the transaction holds the write lock),
/// so replies to one request are numbered one after the other.
async fn store(
    state: &AppState,
    scope: &PartnerScope,
    new: NewStored<'_>,
) -> Result<Reply, ApiError> {
    let mut tx = scope.begin_write().await?;
    let locked = sqlx::query(
        "UPDATE support_requests SET status = status WHERE partner_id = $2 AND id = $1",
    )
    .bind(new.request_id)
    .bind(scope.partner())
    .execute(&mut *tx)
    .await?;
    if locked.rows_affected() != 1 {
        tx.rollback().await?;
        return Err(ApiError::NotFound { field: "id" });
    }
    let reply_id = Uuid::new_v4().to_string();
    let (created_at,): (String,) = sqlx::query_as(
        "INSERT INTO support_request_replies (
             id, request_id, seq, body, author_sub, author_name, author_role,
             idempotency_key, body_sha256, partner_id)
         VALUES ($1, $2,
             (SELECT COALESCE(MAX(seq), 0) + 1 FROM support_request_replies
              WHERE partner_id = $9 AND request_id = $2),
             $3, $4, $5, $6, $7, $8, $9)
         RETURNING created_at",
    )
    .bind(&reply_id)
    .bind(new.request_id)
    .bind(&new.reply.body)
    .bind(new.author_sub)
    .bind(&new.author.name)
    .bind(&new.author.role)
    .bind(new.key)
    .bind(new.hash)
    .bind(scope.partner())
    .fetch_one(&mut *tx)
    .await?;
    let ids = &new.reply.attachments;
    if !metadata::attach(
        scope,
        &mut tx,
        new.request_id,
        Some(&reply_id),
        ids,
        &[],
        new.author_sub,
    )
    .await?
    {
        tx.rollback().await?;
        return Err(ApiError::Invalid(vec![FieldError::new(
            ATTACHMENTS_FIELD,
            ErrorCode::InvalidValue,
        )]));
    }
    let reply = Reply {
        attachments: metadata::of_reply(scope, &mut tx, &reply_id).await?,
        id: reply_id,
        body: new.reply.body.clone(),
        author: new.author,
        created_at,
    };
    let outbox = state.outbox();
    announce(
        scope,
        &mut tx,
        &outbox,
        Announced {
            event_type: EventType::ReplyAdded,
            request_id: new.request_id,
            reply: Some(&reply),
            actor: new.author_sub,
            by_filer: new.by_filer,
            confirm_link: None,
            mailed: true,
        },
    )
    .await?;
    let id = new.request_id;
    if new.by_filer {
        status_change::reopen_on_reply(scope, &mut tx, &outbox, id, new.author_sub).await?;
    } else {
        status_change::take_up_on_reply(scope, &mut tx, &outbox, id, new.author_sub).await?;
    }
    tx.commit().await?;
    Ok(reply)
}

/// The reply stored on this request under this key, with the hash of what
/// was sent with it.
async fn by_key(
    scope: &PartnerScope,
    request_id: &str,
    key: &str,
) -> Result<Option<(Reply, String)>, ApiError> {
    let mut conn = scope.acquire().await?;
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT id, body_sha256 FROM support_request_replies
         WHERE partner_id = $3 AND request_id = $1 AND idempotency_key = $2",
    )
    .bind(request_id)
    .bind(key)
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((reply_id, hash)) = row else {
        return Ok(None);
    };
    let reply = stored::replies(scope, &mut conn, request_id)
        .await?
        .into_iter()
        .find(|reply| reply.id == reply_id)
        .ok_or_else(|| ApiError::Internal(format!("reply {reply_id} went missing")))?;
    Ok(Some((reply, hash)))
}

/// The 201 answer with the reply, marked as a replay when it repeats one.
fn created(reply: &Reply, replayed: bool) -> Response {
    let mut response = (StatusCode::CREATED, Json(reply)).into_response();
    if replayed {
        response.headers_mut().insert(
            HeaderName::from_static(REPLAYED_HEADER),
            HeaderValue::from_static("true"),
        );
    }
    response
}
