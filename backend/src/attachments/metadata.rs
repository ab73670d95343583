//! Uploaded files' metadata: recording an upload, attaching uploads (and
//! the copies an escalation carries) to a request in the request's
//! transaction, listing a request's files, and deleting uploads that no
//! request took. The bytes are in [`super::files`].

use sqlx::AnyConnection;
use support_contract::Attachment;

use crate::db::{Db, ALL_PARTNERS};
use crate::partner::{PartnerScope, DEFAULT_PARTNER};

/// A file of the message an escalation escalates, copied for the
/// escalation ([`super::carried`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    /// The id the escalation lists (the message's file), in lowercase.
    pub from: String,
    /// The copy, as the escalation will list it.
    pub copy: Attachment,
}

/// The columns of an [`Attachment`], in its field order.
const COLUMNS: &str = "id, name, size, content_type, sha256";

type Row = (String, String, i64, String, String);

fn from_row((id, name, size, content_type, sha256): Row) -> Attachment {
    Attachment {
        id,
        name,
        // Written from a u64 file size, which a file never takes past i64.
        size: u64::try_from(size).unwrap_or_default(),
        content_type,
        sha256: Some(sha256),
    }
}

/// Records an upload by `uploaded_by` (none without a token), attached to
/// no request yet.
pub async fn insert(
    scope: &PartnerScope,
    attachment: &Attachment,
    uploaded_by: Option<&str>,
) -> Result<(), sqlx::Error> {
    let mut transaction = scope.begin_write().await?;
    sqlx::query(
        "INSERT INTO attachments (id, name, size, content_type, sha256, uploaded_by, partner_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&attachment.id)
    .bind(&attachment.name)
    .bind(i64::try_from(attachment.size).unwrap_or(i64::MAX))
    .bind(&attachment.content_type)
    .bind(attachment.sha256.as_deref().unwrap_or_default())
    .bind(uploaded_by)
    .bind(scope.partner())
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// The upload with this id, attached or not.
pub async fn find(scope: &PartnerScope, id: &str) -> Result<Option<Attachment>, sqlx::Error> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let sql = format!("SELECT {COLUMNS} FROM attachments WHERE partner_id = $2 AND id = $1");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(id)
        .bind(scope.partner())
        .fetch_optional(&mut *scope.acquire().await?)
        .await?;
    Ok(row.map(from_row))
}

/// Who may see an upload: its uploader, and the filer of the request that
/// took it (if one did). `None` if there is no such upload.
pub struct Owners {
    pub uploaded_by: Option<String>,
    pub request_filed_by: Option<Option<String>>,
}

/// The [`Owners`] of the upload with this id.
pub async fn owners(scope: &PartnerScope, id: &str) -> Result<Option<Owners>, sqlx::Error> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT a.uploaded_by, a.request_id, r.filed_by
         FROM attachments a
         LEFT JOIN support_requests r ON r.partner_id = a.partner_id AND r.id = a.request_id
         WHERE a.partner_id = $2 AND a.id = $1",
    )
    .bind(id)
    .bind(scope.partner())
    .fetch_optional(&mut *scope.acquire().await?)
    .await?;
    Ok(row.map(|(uploaded_by, request_id, filed_by)| Owners {
        uploaded_by,
        request_filed_by: request_id.map(|_| filed_by),
    }))
}

/// The bytes of `uploaded_by`'s uploads that no request took yet.
pub async fn unattached_bytes(scope: &PartnerScope, uploaded_by: &str) -> Result<u64, sqlx::Error> {
    let (bytes,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM attachments
         WHERE partner_id = $2 AND uploaded_by = $1 AND request_id IS NULL",
    )
    .bind(uploaded_by)
    .bind(scope.partner())
    .fetch_one(&mut *scope.acquire().await?)
    .await?;
    Ok(u64::try_from(bytes).unwrap_or_default())
}

/// The sizes of these files, in order, if each is one the request may
/// take: an upload of `owner` (none: without a token) attached to no
/// request, or (with `related`) a file of that request itself, which an
/// escalation carries as a copy ([`super::carried`]); `None` otherwise.
/// Ids are UUIDs, stored in lowercase: their case does not count.
pub async fn attachable_sizes(
    scope: &PartnerScope,
    ids: &[String],
    owner: Option<&str>,
    related: Option<&str>,
) -> Result<Option<Vec<u64>>, sqlx::Error> {
    let mut sizes = Vec::with_capacity(ids.len());
    for id in ids {
        if !crate::db::can_be_id(id) {
            return Ok(None);
        }
        let size: Option<(i64,)> = sqlx::query_as(
            "SELECT size FROM attachments
             WHERE partner_id = $4 AND id = $1
               AND ((request_id IS NULL AND uploaded_by IS NOT DISTINCT FROM $2)
                    OR (request_id = $3 AND reply_id IS NULL))",
        )
        .bind(id.to_ascii_lowercase())
        .bind(owner)
        .bind(related)
        .bind(scope.partner())
        .fetch_optional(&mut *scope.acquire().await?)
        .await?;
        let Some((size,)) = size else {
            return Ok(None);
        };
        sizes.push(u64::try_from(size).unwrap_or_default());
    }
    Ok(Some(sizes))
}

/// Gives `owner`'s uploads among `ids` that are not attached yet to the
/// partner of `to`, where `owner` is known as `owner_there`: 21Vianet's
/// desk uploads as the default partner's, and attaches its files to its
/// replies on other partners' requests ([`crate::partner::desk`]). Others'
/// uploads, and attached ones, stay.
pub async fn hand_over(
    to: &PartnerScope,
    ids: &[String],
    owner: Option<&str>,
    owner_there: Option<&str>,
) -> Result<(), sqlx::Error> {
    let mut transaction = to.db().write_as(ALL_PARTNERS).await?;
    for id in ids.iter().filter(|id| crate::db::can_be_id(id)) {
        sqlx::query(
            "UPDATE attachments SET partner_id = $1, uploaded_by = $5
             WHERE partner_id = $2 AND id = $3 AND request_id IS NULL
               AND uploaded_by IS NOT DISTINCT FROM $4",
        )
        .bind(to.partner())
        .bind(DEFAULT_PARTNER)
        .bind(id.to_ascii_lowercase())
        .bind(owner)
        .bind(owner_there)
        .execute(&mut *transaction)
        .await?;
    }
    transaction.commit().await
}

/// The file `id` of the request `request_id` itself (not of a reply).
pub async fn file_of_request(
    scope: &PartnerScope,
    request_id: &str,
    id: &str,
) -> Result<Option<Attachment>, sqlx::Error> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments
         WHERE partner_id = $3 AND id = $1 AND request_id = $2 AND reply_id IS NULL"
    );
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(id.to_ascii_lowercase())
        .bind(request_id)
        .bind(scope.partner())
        .fetch_optional(&mut *scope.acquire().await?)
        .await?;
    Ok(row.map(from_row))
}

/// Attaches these uploads to the request (and to one of its replies, with
/// `reply_id`), in this order, inside the transaction that stores the
/// request or the reply; an id that `carried` lists gets its copy's row
/// instead, in its place. `false` when one of the uploads is gone or was
/// attached elsewhere meanwhile; the caller then rolls back.
///
/// Each update locks its row (on SQLite the transaction holds the write
/// lock already), so of two requests naming one upload only one gets it,
/// and the cleanup of orphans cannot delete it halfway.
pub async fn attach(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    request_id: &str,
    reply_id: Option<&str>,
    ids: &[String],
    carried: &[Carried],
    owner: Option<&str>,
) -> Result<bool, sqlx::Error> {
    for (position, id) in ids.iter().enumerate() {
        let position = i64::try_from(position).unwrap_or(i64::MAX);
        let id = id.to_ascii_lowercase();
        if let Some(carried) = carried.iter().find(|carried| carried.from == id) {
            let copy = &carried.copy;
            sqlx::query(
                "INSERT INTO attachments (id, name, size, content_type, sha256, uploaded_by,
                     request_id, reply_id, position, partner_id)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(&copy.id)
            .bind(&copy.name)
            .bind(i64::try_from(copy.size).unwrap_or(i64::MAX))
            .bind(&copy.content_type)
            .bind(copy.sha256.as_deref().unwrap_or_default())
            .bind(owner)
            .bind(request_id)
            .bind(reply_id)
            .bind(position)
            .bind(scope.partner())
            .execute(&mut *conn)
            .await?;
            continue;
        }
        let updated = sqlx::query(
            "UPDATE attachments SET request_id = $1, reply_id = $5, position = $2
             WHERE partner_id = $6 AND id = $3 AND request_id IS NULL
               AND uploaded_by IS NOT DISTINCT FROM $4",
        )
        .bind(request_id)
        .bind(position)
        .bind(id)
        .bind(owner)
        .bind(reply_id)
        .bind(scope.partner())
        .execute(&mut *conn)
        .await?;
        if updated.rows_affected() != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The files of one request, in the order the request listed them, less
/// those of its replies.
pub async fn of_request(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    request_id: &str,
) -> Result<Vec<Attachment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments
         WHERE partner_id = $2 AND request_id = $1 AND reply_id IS NULL ORDER BY position"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(request_id)
        .bind(scope.partner())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// The files of one reply, in the order the reply listed them.
pub async fn of_reply(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    reply_id: &str,
) -> Result<Vec<Attachment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments
         WHERE partner_id = $2 AND reply_id = $1 ORDER BY position"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(reply_id)
        .bind(scope.partner())
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// Deletes the rows of every partner's uploads attached to no request and uploaded at or
/// before `cutoff` (RFC 3339 UTC text, as `created_at`), and returns their
/// ids, whose files the caller deletes.
pub async fn delete_orphans(db: &Db, cutoff: &str) -> Result<Vec<String>, sqlx::Error> {
    let mut transaction = db.write_as(ALL_PARTNERS).await?;
    let rows: Vec<(String,)> = sqlx::query_as(
        "DELETE FROM attachments WHERE request_id IS NULL AND created_at <= $1 RETURNING id",
    )
    .bind(cutoff)
    .fetch_all(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
