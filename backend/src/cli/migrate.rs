//! `migrate`: brings a database to this backend's schema, as the tables'
//! owner, and lets the server's own role use it (`--grant-to`). The server
//! then runs as that role, which owns nothing: PostgreSQL's row-level
//! security binds it, and it cannot turn that off (docs/partners.md).

use clap::Args;

use super::CommandError;
use crate::db;
use crate::dialect::Dialect;

/// The arguments of `migrate`.
#[derive(Clone, Debug, Args)]
pub struct Migrate {
    /// The PostgreSQL role the server runs as: it may then read and write
    /// rows and take sequence numbers, nothing else. Given again after each
    /// migration, for the tables a migration adds.
    #[arg(long, value_name = "ROLE")]
    pub grant_to: Option<String>,
}

/// Migrates the database at `database_url` (created if it is a new SQLite
/// file) and grants `--grant-to` its use; returns what to print.
pub async fn migrate(database_url: &str, args: &Migrate) -> Result<String, CommandError> {
    let db = db::connect(database_url).await?;
    let said = match &args.grant_to {
        None => Ok("migrated".to_owned()),
        Some(_) if db.dialect() == Dialect::Sqlite => Err(CommandError::GrantOnSqlite),
        Some(role) if role.trim().is_empty() => Err(CommandError::NoRole),
        Some(role) => grant(&db, role).await,
    };
    db.close().await;
    said
}

/// Grants `role` the use of the tables, then checks that it may read and
/// write every partner table: a grant by a role that does not own them
/// grants nothing, and PostgreSQL only warns.
async fn grant(db: &db::Db, role: &str) -> Result<String, CommandError> {
    let failed = |source| CommandError::Grant {
        role: role.to_owned(),
        source,
    };
    db::grant_to(db, role).await.map_err(failed)?;
    let ungranted = db::ungranted_partner_tables(db, role)
        .await
        .map_err(failed)?;
    if !ungranted.is_empty() {
        return Err(CommandError::NotGranted {
            role: role.to_owned(),
            tables: ungranted,
        });
    }
    Ok(format!(
        "migrated; {role} may read and write the rows, and owns nothing"
    ))
}
