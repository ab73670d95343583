//! 21Vianet's desk. The operator's agents (`agent` tokens of the issuer
//! the backend is started with) work on what every partner sends to
//! 21Vianet, its Partner Center requests and its escalations on behalf of
//! customers, and on nothing else of a partner's: not its customers'
//! messages to it, not its customers. An agent is the default partner's
//! user; for another partner's request or file that the desk works on,
//! its handlers get that partner's scope (the `PartnerScope` extractor in
//! `identity.rs` asks
//! [`crate::requests::stored::partner_of`] or [`partner_of_file`]), and
//! the lists of those kinds hold every partner's ([`requests_of_kind`]).
//! Everything here reads across partners, and names every partner for
//! PostgreSQL's row-level security, to find which one's a row is.

use support_contract::RequestKind;

use crate::db::{Db, ALL_PARTNERS};
use crate::partner::DEFAULT_PARTNER;

/// The kinds of request that go to 21Vianet: the desk's, whoever's they are.
pub const KINDS: [RequestKind; 2] = [RequestKind::PartnerCenter, RequestKind::Customer];

/// Whether the desk works on requests of `kind`.
pub fn works_on(kind: RequestKind) -> bool {
    KINDS.contains(&kind)
}

/// Whether the desk hears of the events of a request of `partner`'s of
/// `kind`: of every request of the default partner's, whose user the
/// desk is, and of every partner's requests it works on.
pub fn hears(partner: &str, kind: RequestKind) -> bool {
    partner == DEFAULT_PARTNER || works_on(kind)
}

/// The partner, other than the default one, of the file with this id if
/// it belongs to a request the desk works on.
pub async fn partner_of_file(db: &Db, id: &str) -> Result<Option<String>, sqlx::Error> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT a.partner_id FROM attachments a
         JOIN support_requests r ON r.partner_id = a.partner_id AND r.id = a.request_id
         WHERE a.id = $1 AND a.partner_id <> $2 AND r.kind IN ($3, $4)",
    )
    .bind(id.to_ascii_lowercase())
    .bind(DEFAULT_PARTNER)
    .bind(KINDS[0].as_str())
    .bind(KINDS[1].as_str())
    .fetch_optional(&mut *db.read_as(ALL_PARTNERS).await?)
    .await?;
    Ok(row.map(|(partner,)| partner))
}

/// Every partner's requests of `kind` (one of [`KINDS`]) with one of
/// `statuses` (any if none), newest first, after the one with the id
/// `before` (if given), at most `limit`: each as its partner and id, and
/// whether more follow.
pub async fn requests_of_kind(
    db: &Db,
    kind: RequestKind,
    statuses: (Option<&str>, Option<&str>),
    before: Option<&str>,
    limit: usize,
) -> Result<(Vec<(String, String)>, bool), sqlx::Error> {
    debug_assert!(works_on(kind));
    if before.is_some_and(|id| !crate::db::can_be_id(id)) {
        return Ok((Vec::new(), false));
    }
    let fetch = i64::try_from(limit).unwrap_or(i64::MAX).saturating_add(1);
    let mut rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT partner_id, id FROM support_requests
         WHERE kind = $1
           AND ($2 IS NULL OR status = $2 OR status = $3)
           AND ($4 IS NULL OR seq < (SELECT MIN(seq) FROM support_requests
                                     WHERE id = $4 AND kind = $1))
         ORDER BY seq DESC
         LIMIT $5",
    )
    .bind(kind.as_str())
    .bind(statuses.0)
    .bind(statuses.1)
    .bind(before.map(str::to_ascii_lowercase))
    .bind(fetch)
    .fetch_all(&mut *db.read_as(ALL_PARTNERS).await?)
    .await?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    Ok((rows, more))
}
