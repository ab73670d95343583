//! The database: SQLite or PostgreSQL, chosen by the URL's scheme, opened
//! and migrated at start. The queries live in the submodules and are written
//! once for both (see [`Dialect`] for the few differences).

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::{MigrateDatabase, Migrator};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Executor, Sqlite, Transaction};

use crate::dialect::Dialect;

/// The SQLite migrations in `backend/migrations/sqlite`, embedded in the binary.
pub static SQLITE_MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");
/// The PostgreSQL migrations in `backend/migrations/postgres`, kept in step
/// with the SQLite ones (a test checks that both folders hold the same files).
pub static POSTGRES_MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Why the database could not be opened. URLs are shown without passwords.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("unsupported database URL {url:?}: use sqlite://… or postgres://…")]
    Unsupported { url: String },
    #[error("cannot open database {url:?}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("no database at {url:?}")]
    Missing { url: String },
    #[error("cannot create the folder {folder:?} for the database: {source}")]
    Folder {
        folder: String,
        source: std::io::Error,
    },
    #[error("cannot use the database {url:?}: {0}", url = .1)]
    Unwritable(crate::writable::Unwritable, String),
    #[error(
        "the database {url:?} lacks migrations of this backend, and its role may not apply \
         them ({source}): run `support-backend migrate --database-url URL` with the URL of \
         the tables' owner first"
    )]
    MigrateAsOwner {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
    #[error("cannot migrate database {url:?}: {source}")]
    Migrate {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
}

/// An open, migrated database and which kind it is.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    dialect: Dialect,
    /// How many callers are waiting for a connection now: the pool does not
    /// say, so every query takes its connection through [`Db::acquire`] or
    /// [`Db::begin_write`], which count.
    waiting: Arc<AtomicUsize>,
}

/// Counts one caller as waiting for as long as it lives.
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn on(count: &'a AtomicUsize) -> Self {
        count.fetch_add(1, Ordering::Relaxed);
        Waiting(count)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The partners whose rows a transaction sees and writes on PostgreSQL
/// (`app.partner_id`, which the row-level security of migration 0020
/// reads): one partner, or every one (`*`) for the work no caller asks for,
/// the desk's lookups and a confirmation link's.
pub const ALL_PARTNERS: &str = "*";

/// A connection whose queries see the rows of the partners it was opened
/// for ([`Db::read_as`], [`Db::write_as`]): on PostgreSQL a transaction that
/// named them first, on SQLite a plain connection (SQLite has no row-level
/// security; its queries alone keep partners apart). Use it as the
/// connection it derefs to.
pub enum Scoped {
    Connection(PoolConnection<Any>),
    Transaction(Transaction<'static, Any>),
}

impl Deref for Scoped {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match self {
            Scoped::Connection(connection) => connection,
            Scoped::Transaction(transaction) => transaction,
        }
    }
}

impl DerefMut for Scoped {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match self {
            Scoped::Connection(connection) => connection,
            Scoped::Transaction(transaction) => transaction,
        }
    }
}

impl Db {
    /// The connection pool, for its own figures (size, idle connections)
    /// and for migrations; queries take a connection with [`Db::acquire`]
    /// (shared tables) or [`Db::read_as`] and [`Db::write_as`] (partners').
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A connection for queries of the tables every partner shares, counted
    /// among the callers waiting until the pool gives one. On PostgreSQL a
    /// partner's table reads as empty through it: use [`Db::read_as`].
    pub async fn acquire(&self) -> Result<PoolConnection<Any>, sqlx::Error> {
        let _waiting = Waiting::on(&self.waiting);
        self.pool.acquire().await
    }

    /// How many callers are waiting for a connection now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// Begins a transaction that writes. On SQLite it takes the write lock
    /// at once (`BEGIN IMMEDIATE`, waiting up to busy_timeout for another
    /// writer). A deferred transaction that reads first would have to
    /// upgrade its read snapshot to write, and SQLite refuses that upgrade
    /// at once (SQLITE_BUSY_SNAPSHOT, busy_timeout does not help) whenever
    /// another write committed in between: catalogue imports failed with
    /// "database is locked" while requests were being filed.
    pub async fn begin_write(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        let _waiting = Waiting::on(&self.waiting);
        match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Dialect::Postgres => self.pool.begin().await,
        }
    }

    /// A connection for reading the rows of `partners` (a partner's id, or
    /// [`ALL_PARTNERS`]). On PostgreSQL it is a read-only transaction that
    /// names them and is rolled back when dropped: a write through it fails
    /// at once instead of being lost; write with [`Db::write_as`].
    pub async fn read_as(&self, partners: &str) -> Result<Scoped, sqlx::Error> {
        let _waiting = Waiting::on(&self.waiting);
        match self.dialect {
            Dialect::Sqlite => Ok(Scoped::Connection(self.pool.acquire().await?)),
            Dialect::Postgres => {
                let mut transaction = self.pool.begin_with("BEGIN READ ONLY").await?;
                name_partners(&mut transaction, partners).await?;
                Ok(Scoped::Transaction(transaction))
            }
        }
    }

    /// A transaction that writes the rows of `partners` (a partner's id, or
    /// [`ALL_PARTNERS`]), as [`Db::begin_write`] begins it; commit it.
    pub async fn write_as(&self, partners: &str) -> Result<Transaction<'static, Any>, sqlx::Error> {
        let mut transaction = self.begin_write().await?;
        if self.dialect == Dialect::Postgres {
            name_partners(&mut transaction, partners).await?;
        }
        Ok(transaction)
    }

    /// Which database this is, for the SQL that differs.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// How many of this binary's migrations the database lacks (or holds
    /// as failed): more than none when it was restored from an older
    /// backup, say, after this process migrated it.
    pub async fn unapplied_migrations(&self) -> Result<usize, sqlx::Error> {
        let applied = self.applied_migrations().await?;
        Ok(unapplied(self.migrator(), &applied))
    }

    /// This binary's migrations for this database.
    fn migrator(&self) -> &'static Migrator {
        match self.dialect {
            Dialect::Sqlite => &SQLITE_MIGRATOR,
            Dialect::Postgres => &POSTGRES_MIGRATOR,
        }
    }

    /// The migrations the database holds as applied, with their checksums:
    /// one read answers both what is missing ([`unapplied`]) and whether
    /// what is there is known ([`applied_as_known`]).
    async fn applied_migrations(&self) -> Result<Vec<(i64, Vec<u8>)>, sqlx::Error> {
        sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations WHERE success = TRUE")
            .fetch_all(&self.pool)
            .await
    }

    /// Waits for connections in use to be returned, then closes them all.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// How many of `migrator`'s migrations are not among `applied`.
fn unapplied(migrator: &Migrator, applied: &[(i64, Vec<u8>)]) -> usize {
    migrator
        .iter()
        .filter(|migration| !migration.migration_type.is_down_migration())
        .filter(|migration| !applied.iter().any(|(v, _)| *v == migration.version))
        .count()
}

/// Checks, as the migrator does before it runs, that every migration in
/// `applied` is one of `migrator`'s, unchanged: a database a newer backend
/// migrated, or a migration edited after it ran, is refused rather than
/// served.
fn applied_as_known(
    migrator: &Migrator,
    applied: &[(i64, Vec<u8>)],
) -> Result<(), sqlx::migrate::MigrateError> {
    use sqlx::migrate::MigrateError;
    for (version, checksum) in applied {
        let known = migrator
            .iter()
            .find(|migration| {
                migration.version == *version && !migration.migration_type.is_down_migration()
            })
            .ok_or(MigrateError::VersionMissing(*version))?;
        if *known.checksum != **checksum {
            return Err(MigrateError::VersionMismatch(*version));
        }
    }
    Ok(())
}

/// Names the partners whose rows `transaction` sees, for PostgreSQL's
/// row-level security: for this transaction only (`true`), never the
/// session, so that a pooled connection carries no partner into the next.
async fn name_partners(
    transaction: &mut Transaction<'static, Any>,
    partners: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT set_config('app.partner_id', $1, true)")
        .bind(partners)
        .execute(&mut **transaction)
        .await?;
    Ok(())
}

/// Opens and migrates the database at `url`: `sqlite://file.db` (the file is
/// created if missing) or `postgres://user:password@host:port/database` (the
/// database must exist). Several processes may start at once on one
/// PostgreSQL database: the migrator takes a lock, so exactly one migrates.
pub async fn connect(url: &str) -> Result<Db, ConnectError> {
    open(url, true).await
}

/// Opens and migrates the database at `url` as [`connect`] does, but never
/// creates one: for commands on a database that must already hold requests
/// (a mistyped SQLite path is an error, not a new empty file).
pub async fn connect_existing(url: &str) -> Result<Db, ConnectError> {
    open(url, false).await
}

async fn open(url: &str, create: bool) -> Result<Db, ConnectError> {
    install_default_drivers();
    let shown = redact(url);
    let open = |source| ConnectError::Open {
        url: shown.clone(),
        source,
    };
    let dialect =
        Dialect::from_url(url).ok_or_else(|| ConnectError::Unsupported { url: shown.clone() })?;
    let (options, migrator) = match dialect {
        Dialect::Sqlite => {
            if !Sqlite::database_exists(url).await.map_err(open)? {
                if !create {
                    return Err(ConnectError::Missing { url: shown });
                }
                let file = sqlite_file(url);
                if let Some(file) = &file {
                    create_folder_for(file)?;
                }
                if !file.as_deref().is_some_and(created_for_the_backend) {
                    Sqlite::create_database(url).await.map_err(open)?;
                }
            }
            // SQLite writes its file, the -wal and -shm beside it, and
            // creates those in its folder.
            if let Some(file) = sqlite_file(url) {
                let beside = |suffix: &str| {
                    let mut name = file.clone().into_os_string();
                    name.push(suffix);
                    PathBuf::from(name)
                };
                let folder = file.parent().filter(|f| !f.as_os_str().is_empty());
                let folder = folder.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                for path in [folder, file.clone(), beside("-wal"), beside("-shm")] {
                    crate::writable::check(&path).map_err(|unwritable| {
                        ConnectError::Unwritable(unwritable, shown.clone())
                    })?;
                }
            }
            let options = AnyPoolOptions::new()
                // One writer at a time in SQLite: more connections only wait.
                .max_connections(4)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        // WAL lets readers go on while a request is being stored.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        // Concurrent writers wait for each other instead of failing at once.
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        Ok(())
                    })
                });
            (options, &SQLITE_MIGRATOR)
        }
        Dialect::Postgres => {
            let options = AnyPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(Duration::from_secs(10));
            (options, &POSTGRES_MIGRATOR)
        }
    };
    let pool = options.connect(url).await.map_err(open)?;
    let db = Db {
        pool,
        dialect,
        waiting: Arc::default(),
    };
    // A database already migrated is left alone, so that the server can run
    // as a role that owns no table and may not create one (the row-level
    // security binds it then; see `support-backend migrate`).
    let applied = db.applied_migrations().await.ok();
    if let Some(applied) = applied.filter(|applied| unapplied(migrator, applied) == 0) {
        applied_as_known(migrator, &applied).map_err(|source| ConnectError::Migrate {
            url: shown.clone(),
            source,
        })?;
    } else {
        migrator.run(&db.pool).await.map_err(|source| {
            if denied(&source) {
                ConnectError::MigrateAsOwner {
                    url: shown.clone(),
                    source,
                }
            } else {
                ConnectError::Migrate {
                    url: shown.clone(),
                    source,
                }
            }
        })?;
    }
    Ok(db)
}

/// Whether a migration failed for want of a privilege (PostgreSQL's
/// SQLSTATE 42501: the role may not create in the schema, or does not own
/// what a migration alters).
fn denied(error: &sqlx::migrate::MigrateError) -> bool {
    let source = match error {
        sqlx::migrate::MigrateError::Execute(source)
        | sqlx::migrate::MigrateError::ExecuteMigration(source, _) => source,
        _ => return false,
    };
    source
        .as_database_error()
        .and_then(|error| error.code())
        .is_some_and(|code| code == "42501")
}

/// Lets `role` use the tables of `db` (opened as their owner) as the
/// server needs: read and write rows, take sequence
/// numbers, nothing else. The role then owns nothing, so the row-level
/// security binds it and it cannot turn it off; nor may it create tables
/// in the schema (a grant to the role itself is revoked; PostgreSQL 14
/// and older grant that to PUBLIC, which is the operator's to revoke).
/// PostgreSQL only. A role that is not the tables' owner grants nothing
/// and PostgreSQL only warns: [`ungranted_partner_tables`] says so.
pub async fn grant_to(db: &Db, role: &str) -> Result<(), sqlx::Error> {
    let role = quote_identifier(role);
    let mut transaction = db.pool.begin().await?;
    for grant in [
        format!("GRANT USAGE ON SCHEMA public TO {role}"),
        format!("REVOKE CREATE ON SCHEMA public FROM {role}"),
        format!("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"),
        format!("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"),
    ] {
        transaction.execute(grant.as_str()).await?;
    }
    transaction.commit().await
}

/// The partner tables (those with row-level security) whose rows `role`
/// may not select, insert, update and delete, each of them, by name.
/// PostgreSQL only.
pub async fn ungranted_partner_tables(db: &Db, role: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT c.relname::TEXT FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
           AND NOT (has_table_privilege($1::TEXT::NAME, c.oid, 'SELECT')
                AND has_table_privilege($1::TEXT::NAME, c.oid, 'INSERT')
                AND has_table_privilege($1::TEXT::NAME, c.oid, 'UPDATE')
                AND has_table_privilege($1::TEXT::NAME, c.oid, 'DELETE'))
         ORDER BY 1",
    )
    .bind(role)
    .fetch_all(&db.pool)
    .await
}

/// `name` as a PostgreSQL identifier, quoted, whatever it holds.
fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The file a SQLite URL names, if it names one.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    use std::str::FromStr;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).ok()?;
    Some(options.get_filename().to_path_buf())
}

/// Creates the folder a new SQLite file goes in, with its parents, as the
/// attachments folder is: readable by the backend's user only. SQLite
/// itself would only say that it cannot open the file.
fn create_folder_for(file: &Path) -> Result<(), ConnectError> {
    let Some(folder) = file.parent() else {
        return Ok(());
    };
    if folder.as_os_str().is_empty() || folder.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(folder)
        .map_err(|source| ConnectError::Folder {
            folder: folder.display().to_string(),
            source,
        })
}

/// Creates the empty SQLite `file` (SQLite takes one for a new database)
/// readable and writable by the backend's user only, from the start: it
/// holds people's names, addresses and phone numbers, and SQLite gives its
/// `-wal` and `-shm` files the same mode. False where that cannot be done
/// (not Unix), and SQLite creates it instead.
fn created_for_the_backend(file: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(file)
            .is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        false
    }
}

/// Whether `id` could name a row. PostgreSQL text cannot hold NUL, and a
/// query binding one fails (a 500 where "no such row" is the truth); no id
/// holds a control character, so those are answered without asking.
pub fn can_be_id(id: &str) -> bool {
    !id.chars().any(char::is_control)
}

/// The URL with its password replaced by `***`, fit for logs and errors.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    let Some((user_info, host)) = authority.rsplit_once('@') else {
        return url.to_owned();
    };
    match user_info.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}{path}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past the pool's size, callers wait for a connection, and are counted
    /// while they do (the metrics' `support_db_pool_waiting`).
    #[tokio::test]
    async fn callers_waiting_for_a_connection_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("waiting.db").display());
        let db = connect(&url).await.unwrap();
        let max = db.pool().options().get_max_connections() as usize;
        let mut held = Vec::new();
        for _ in 0..max {
            held.push(db.acquire().await.unwrap());
        }
        assert_eq!(db.waiting(), 0);
        let (reader, writer) = (db.clone(), db.clone());
        let read = tokio::spawn(async move { reader.acquire().await.map(drop) });
        let write = tokio::spawn(async move { writer.begin_write().await.map(drop) });
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while db.waiting() < 2 {
            assert!(
                std::time::Instant::now() < deadline,
                "waiting: {}",
                db.waiting()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        held.clear();
        read.await.unwrap().unwrap();
        write.await.unwrap().unwrap();
        assert_eq!(db.waiting(), 0);
    }

    #[test]
    fn ids_with_control_characters_name_nothing() {
        assert!(can_be_id("beijing-cloud"));
        assert!(can_be_id("北京"));
        assert!(!can_be_id("azure\u{0}"));
        assert!(!can_be_id("\u{1B}[31m"));
    }

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redact("postgres://app:s3cr%40t@db.internal:5432/support?sslmode=disable"),
            "postgres://app:***@db.internal:5432/support?sslmode=disable"
        );
        assert_eq!(
            redact("postgres://app@db.internal/support"),
            "postgres://app@db.internal/support"
        );
        assert_eq!(redact("sqlite://support.db"), "sqlite://support.db");
        assert_eq!(redact("sqlite:support.db"), "sqlite:support.db");
    }

    #[tokio::test]
    async fn other_databases_are_refused_before_connecting() {
        let error = connect("mysql://root:pw@127.0.0.1/db").await.unwrap_err();
        assert!(matches!(error, ConnectError::Unsupported { .. }));
        assert!(!error.to_string().contains("pw"), "{error}");
    }
}
