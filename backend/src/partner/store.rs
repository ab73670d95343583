//! The `partners` table, in SQL written once for SQLite and PostgreSQL:
//! adding a partner, listing them, changing one's settings, disabling one.

use serde::Serialize;
use sqlx::AnyConnection;

use super::settings::{PartnerSettings, SettingsError};
use super::DEFAULT_PARTNER;
use crate::db::Db;
use crate::outbox;

/// The longest partner id: a DNS label's length, so that an id can name a
/// host or a bucket.
pub const ID_MAX: usize = 63;

/// One row of `partners`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub id: String,
    pub name: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC; `None` while the partner is served.
    pub disabled_at: Option<String>,
    pub settings: PartnerSettings,
}

/// What [`disable`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disabled {
    /// Disabled now, at this RFC 3339 time.
    Now { at: String },
    /// Disabled before, since this time; nothing was changed.
    Already { since: String },
}

/// Why the partners were left as they were.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{0:?} is not a partner id: use 1 to {ID_MAX} of a-z, 0-9 and -, \
         starting with a letter or digit"
    )]
    BadId(String),
    #[error(
        "partner \"default\" is always there: it is the partner of the flags \
         the backend is started with"
    )]
    AddDefault,
    #[error(
        "partner \"default\" takes its settings from the flags the backend is \
         started with (--jwt-issuer, --allowed-origin and the others): change those"
    )]
    SetDefault,
    #[error(
        "partner \"default\" cannot be disabled: it is the partner of the flags \
         the backend is started with, and the data from before partners is its"
    )]
    DisableDefault,
    #[error("partner {0:?} exists already (`support-backend partners set {0}` changes it)")]
    Exists(String),
    #[error("no partner {0:?} (`support-backend partners list` lists them)")]
    NotFound(String),
    #[error(
        "issuer {issuer:?} is partner {holder:?}'s already: the server knows a \
         token's partner by its issuer, so each partner needs its own"
    )]
    IssuerTaken { issuer: String, holder: String },
    #[error("partner {0:?} was changed meanwhile; run the command again")]
    ChangedMeanwhile(String),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(
        "partner {id:?}: its settings in the database are not JSON this backend reads: {source}"
    )]
    Unreadable {
        id: String,
        source: serde_json::Error,
    },
    #[error("partner {id:?}: its settings cannot be written as JSON: {source}")]
    Unwritable {
        id: String,
        source: serde_json::Error,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Whether `id` may name a partner: 1 to [`ID_MAX`] of `a-z`, `0-9` and
/// `-`, starting with a letter or digit.
pub fn check_id(id: &str) -> Result<(), StoreError> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let valid = id.len() <= ID_MAX
        && id.chars().next().is_some_and(|c| c != '-' && allowed(c))
        && id.chars().all(allowed);
    if valid {
        Ok(())
    } else {
        Err(StoreError::BadId(id.to_owned()))
    }
}

/// Adds partner `id`, enabled, once its settings are ones the server can
/// serve and its issuer is no other partner's.
pub async fn add(
    db: &Db,
    id: &str,
    name: &str,
    settings: &PartnerSettings,
) -> Result<Partner, StoreError> {
    check_id(id)?;
    if id == DEFAULT_PARTNER {
        return Err(StoreError::AddDefault);
    }
    settings.check()?;
    let json = to_json(id, settings)?;
    let mut tx = db.begin_write().await?;
    if read(&mut tx, id).await?.is_some() {
        return Err(StoreError::Exists(id.to_owned()));
    }
    check_issuer(&mut tx, id, settings).await?;
    let inserted: Result<(String,), _> = sqlx::query_as(
        "INSERT INTO partners (id, name, settings) VALUES ($1, $2, $3) RETURNING created_at",
    )
    .bind(id)
    .bind(name)
    .bind(json)
    .fetch_one(&mut *tx)
    .await;
    let (created_at,) = match inserted {
        // Another `add` of this id came first, or of this issuer.
        Err(error) if taken_meanwhile(&error) => match find(db, id).await {
            Ok(Some(_)) => return Err(StoreError::Exists(id.to_owned())),
            _ => return Err(issuer_taken(db, id, settings).await),
        },
        inserted => inserted?,
    };
    tx.commit().await?;
    Ok(Partner {
        id: id.to_owned(),
        name: name.to_owned(),
        created_at,
        disabled_at: None,
        settings: settings.clone(),
    })
}

/// Every partner, disabled ones too, by id.
pub async fn list(db: &Db) -> Result<Vec<Partner>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} ORDER BY id"))
        .fetch_all(&mut *db.acquire().await?)
        .await?;
    rows.into_iter().map(from_row).collect()
}

/// Partner `id`, if there is one.
pub async fn find(db: &Db, id: &str) -> Result<Option<Partner>, StoreError> {
    find_in(&mut *db.acquire().await?, id).await
}

/// Partner `id`, if there is one, read on `conn` (in the caller's
/// transaction).
pub async fn find_in(conn: &mut AnyConnection, id: &str) -> Result<Option<Partner>, StoreError> {
    let row = read(conn, id).await?;
    row.map(from_row).transpose()
}

/// Renames partner `id` if `name` is given, and changes its settings as
/// `change` does; the others stay as they were. Refused, and nothing
/// changed, unless the result is one the server can serve with an issuer
/// no other partner has.
pub async fn set(
    db: &Db,
    id: &str,
    name: Option<&str>,
    change: impl FnOnce(&mut PartnerSettings),
) -> Result<Partner, StoreError> {
    check_id(id)?;
    if id == DEFAULT_PARTNER {
        return Err(StoreError::SetDefault);
    }
    let mut tx = db.begin_write().await?;
    let row = read(&mut tx, id)
        .await?
        .ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
    let before = row.2.clone();
    let mut partner = from_row(row)?;
    if let Some(name) = name {
        name.clone_into(&mut partner.name);
    }
    change(&mut partner.settings);
    partner.settings.check()?;
    check_issuer(&mut tx, id, &partner.settings).await?;
    // PostgreSQL lets another command change the row after it was read:
    // only the settings read are replaced, never another's change.
    let done =
        sqlx::query("UPDATE partners SET name = $2, settings = $3 WHERE id = $1 AND settings = $4")
            .bind(id)
            .bind(&partner.name)
            .bind(to_json(id, &partner.settings)?)
            .bind(before)
            .execute(&mut *tx)
            .await;
    let done = match done {
        Err(error) if taken_meanwhile(&error) => {
            return Err(issuer_taken(db, id, &partner.settings).await)
        }
        done => done?,
    };
    if done.rows_affected() == 0 {
        return Err(StoreError::ChangedMeanwhile(id.to_owned()));
    }
    tx.commit().await?;
    Ok(partner)
}

/// Stops serving partner `id`: its rows stay. Disabling a disabled
/// partner changes nothing and says since when it is.
pub async fn disable(db: &Db, id: &str) -> Result<Disabled, StoreError> {
    check_id(id)?;
    if id == DEFAULT_PARTNER {
        return Err(StoreError::DisableDefault);
    }
    let at = outbox::rfc3339(outbox::now_ms());
    let done =
        sqlx::query("UPDATE partners SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL")
            .bind(id)
            .bind(&at)
            .execute(&mut *db.acquire().await?)
            .await?;
    if done.rows_affected() == 1 {
        return Ok(Disabled::Now { at });
    }
    match find(db, id).await? {
        Some(Partner {
            disabled_at: Some(since),
            ..
        }) => Ok(Disabled::Already { since }),
        // Enabled again between the two statements: disabled by neither.
        Some(_) => Err(StoreError::ChangedMeanwhile(id.to_owned())),
        None => Err(StoreError::NotFound(id.to_owned())),
    }
}

/// A row as read: id, name, settings (JSON), disabled_at, created_at.
type Row = (String, String, String, Option<String>, String);

const SELECT: &str = "SELECT id, name, settings, disabled_at, created_at FROM partners";

async fn read(conn: &mut AnyConnection, id: &str) -> Result<Option<Row>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

fn from_row((id, name, settings, disabled_at, created_at): Row) -> Result<Partner, StoreError> {
    let settings = serde_json::from_str(&settings).map_err(|source| StoreError::Unreadable {
        id: id.clone(),
        source,
    })?;
    Ok(Partner {
        id,
        name,
        created_at,
        disabled_at,
        settings,
    })
}

fn to_json(id: &str, settings: &PartnerSettings) -> Result<String, StoreError> {
    serde_json::to_string(settings).map_err(|source| StoreError::Unwritable {
        id: id.to_owned(),
        source,
    })
}

/// Whether a write was refused by a unique key: another command added the
/// same id, or gave the issuer to another partner (migration 0021), between
/// the checks and the write.
fn taken_meanwhile(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|error| error.is_unique_violation())
}

/// The refusal of `settings`' issuer for partner `id`, naming the partner
/// that took it meanwhile.
async fn issuer_taken(db: &Db, id: &str, settings: &PartnerSettings) -> StoreError {
    let checked = match db.acquire().await {
        Ok(mut conn) => check_issuer(&mut conn, id, settings).await,
        Err(error) => Err(error.into()),
    };
    checked.err().unwrap_or_else(|| StoreError::IssuerTaken {
        issuer: settings.jwt_issuer.clone().unwrap_or_default(),
        holder: "another partner".to_owned(),
    })
}

/// Refuses an issuer that another partner has, disabled or not: a token
/// of that issuer could then be either's.
async fn check_issuer(
    conn: &mut AnyConnection,
    id: &str,
    settings: &PartnerSettings,
) -> Result<(), StoreError> {
    let Some(issuer) = &settings.jwt_issuer else {
        return Ok(());
    };
    let others: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE id <> $1"))
        .bind(id)
        .fetch_all(conn)
        .await?;
    for other in others {
        let other = from_row(other)?;
        if other.settings.jwt_issuer.as_ref() == Some(issuer) {
            return Err(StoreError::IssuerTaken {
                issuer: issuer.clone(),
                holder: other.id,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_lowercase_labels() {
        for id in ["contoso", "0xide", "a", "contoso-cn", &"a".repeat(ID_MAX)] {
            assert!(check_id(id).is_ok(), "{id}");
        }
        for id in [
            "",
            "-contoso",
            "Contoso",
            "contoso_cn",
            "contoso cn",
            "contoso.cn",
            "ß",
            &"a".repeat(ID_MAX + 1),
        ] {
            assert!(check_id(id).is_err(), "{id}");
        }
    }
}
