//! Every table holds either one partner's rows, each naming its partner
//! (`partner_id`, never null), or reference data that every partner shares
//! ([`SHARED`]). A new table must take one side: this test fails on a table
//! with neither. On PostgreSQL, `partner_id` also leads the primary key and
//! every unique constraint of a partner's table, and every reference from
//! one partner table to another names it on both sides, so that no row can
//! point at another partner's row, and so that the tables can be
//! distributed by partner (docs/partners.md).

mod common;

use sqlx::AnyPool;
use support_backend::dialect::Dialect;

/// The tables every partner shares, and why.
const SHARED: &[(&str, &str)] = &[
    ("partners", "the partners themselves"),
    (
        "services",
        "the catalogue of services, the same for every partner",
    ),
    (
        "service_health_items",
        "the catalogue: the services' health",
    ),
    (
        "service_health_texts",
        "the catalogue: the health items' texts",
    ),
    ("articles", "the catalogue: self-help articles"),
    ("article_texts", "the catalogue: the articles' texts"),
    (
        "request_event_counter",
        "one number that orders every event; it holds nothing of anyone",
    ),
    ("_sqlx_migrations", "the migrator's record of the schema"),
];

/// Every table of the database and whether its `partner_id` is a
/// non-null column (`None`: it has none).
async fn tables(pool: &AnyPool, dialect: Dialect) -> Vec<(String, Option<bool>)> {
    let names: Vec<(String,)> = match dialect {
        Dialect::Sqlite => {
            sqlx::query_as(
                "SELECT name FROM sqlite_master
                 WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .fetch_all(pool)
            .await
        }
        Dialect::Postgres => {
            sqlx::query_as(
                "SELECT table_name::TEXT FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
            )
            .fetch_all(pool)
            .await
        }
    }
    .unwrap();
    let mut tables = Vec::new();
    for (name,) in names {
        let partner_id: Option<(i64,)> = match dialect {
            Dialect::Sqlite => sqlx::query_as(
                "SELECT \"notnull\" FROM pragma_table_info($1) WHERE name = 'partner_id'",
            ),
            Dialect::Postgres => sqlx::query_as(
                "SELECT CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END::BIGINT
                 FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'partner_id'",
            ),
        }
        .bind(&name)
        .fetch_optional(pool)
        .await
        .unwrap();
        tables.push((name, partner_id.map(|(not_null,)| not_null == 1)));
    }
    tables
}

/// What is wrong with the tables' split between partners and shared data,
/// one line each.
fn misplaced(tables: &[(String, Option<bool>)]) -> Vec<String> {
    let shared = |name: &str| SHARED.iter().any(|(table, _)| *table == name);
    let mut wrong = Vec::new();
    for (name, partner_id) in tables {
        match (partner_id, shared(name)) {
            (None, false) => wrong.push(format!(
                "{name} has no partner_id and is not among the shared tables"
            )),
            (Some(false), _) => wrong.push(format!("{name}.partner_id may be null")),
            (Some(true), true) => {
                wrong.push(format!("{name} has a partner_id but is listed as shared"))
            }
            (None, true) | (Some(true), false) => {}
        }
    }
    for (table, _) in SHARED {
        if !tables.iter().any(|(name, _)| name == table) {
            wrong.push(format!("the shared table {table} does not exist"));
        }
    }
    wrong
}

async fn migrated() -> (common::TestDatabase, support_backend::db::Db) {
    let database = common::fresh_database().await;
    let db = support_backend::db::connect(&database.url).await.unwrap();
    (database, db)
}

#[tokio::test]
async fn every_table_is_a_partners_or_shared() {
    let (_database, db) = migrated().await;
    let tables = tables(db.pool(), db.dialect()).await;
    assert!(tables.len() > SHARED.len(), "{tables:?}");
    assert_eq!(misplaced(&tables), Vec::<String>::new());
    db.close().await;
}

#[tokio::test]
async fn a_new_table_that_is_neither_is_named() {
    let (_database, db) = migrated().await;
    sqlx::query("CREATE TABLE request_notes (request_id TEXT NOT NULL, note TEXT NOT NULL)")
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("CREATE TABLE request_tags (partner_id TEXT, tag TEXT NOT NULL)")
        .execute(db.pool())
        .await
        .unwrap();
    let tables = tables(db.pool(), db.dialect()).await;
    assert_eq!(
        misplaced(&tables),
        [
            "request_notes has no partner_id and is not among the shared tables",
            "request_tags.partner_id may be null",
        ]
    );
    db.close().await;
}

/// On PostgreSQL, what keeps a partner table from being distributed by
/// `partner_id`, or lets a row point across partners, one line each.
async fn undistributable(pool: &AnyPool) -> Vec<String> {
    // Primary keys and unique constraints or indexes whose first column
    // is not partner_id, on tables that have one.
    let keys: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.relname::TEXT, i.indexrelid::regclass::TEXT
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         WHERE (i.indisunique OR i.indisprimary)
           AND EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'partner_id' AND NOT a.attisdropped)
           AND (SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum = i.indkey[0]) IS DISTINCT FROM 'partner_id'
         ORDER BY 1, 2",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    // References from a partner table to a partner table that do not pair
    // partner_id with partner_id.
    let references: Vec<(String, String)> = sqlx::query_as(
        "SELECT f.conrelid::regclass::TEXT, f.conname::TEXT
         FROM pg_constraint f
         JOIN pg_namespace n ON n.oid = f.connamespace AND n.nspname = 'public'
         WHERE f.contype = 'f'
           AND f.confrelid <> 'partners'::regclass
           AND EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = f.confrelid AND a.attname = 'partner_id')
           AND NOT EXISTS (
               SELECT 1 FROM generate_subscripts(f.conkey, 1) k
               JOIN pg_attribute fa ON fa.attrelid = f.conrelid AND fa.attnum = f.conkey[k]
               JOIN pg_attribute pa ON pa.attrelid = f.confrelid AND pa.attnum = f.confkey[k]
               WHERE fa.attname = 'partner_id' AND pa.attname = 'partner_id')
         ORDER BY 1, 2",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    keys.into_iter()
        .map(|(table, index)| format!("{table}: {index} does not begin with partner_id"))
        .chain(references.into_iter().map(|(table, constraint)| {
            format!("{table}: {constraint} does not pair partner_id with partner_id")
        }))
        .collect()
}

#[tokio::test]
async fn on_postgres_partner_id_leads_every_key_and_every_reference_names_it() {
    let (_database, db) = migrated().await;
    if db.dialect() != Dialect::Postgres {
        eprintln!("on SQLite the keys are not checked: run under scripts/with-postgres");
        db.close().await;
        return;
    }
    assert_eq!(undistributable(db.pool()).await, Vec::<String>::new());

    // And the check names what breaks the rule: a key without partner_id,
    // and a reference that points across partners.
    sqlx::query("CREATE UNIQUE INDEX attachments_unique_id ON attachments (id)")
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query(
        "CREATE TABLE request_tags (
             partner_id TEXT NOT NULL, id TEXT PRIMARY KEY, request_id TEXT,
             FOREIGN KEY (partner_id, request_id) REFERENCES support_requests (partner_id, id),
             FOREIGN KEY (request_id) REFERENCES attachments (id)
         )",
    )
    .execute(db.pool())
    .await
    .unwrap();
    let found = undistributable(db.pool()).await;
    assert_eq!(
        found,
        [
            "attachments: attachments_unique_id does not begin with partner_id",
            "request_tags: request_tags_pkey does not begin with partner_id",
            "request_tags: request_tags_request_id_fkey does not pair partner_id with partner_id",
        ]
    );
    db.close().await;
}

/// The one policy of every partner table, as PostgreSQL prints it back.
const POLICY: &str = "((partner_id = current_setting('app.partner_id'::text, true)) OR \
     (current_setting('app.partner_id'::text, true) = '*'::text))";

/// On PostgreSQL, each partner table that row-level security does not keep
/// to the transaction's partner, one line each: security off, not forced
/// (the owner would pass), or without the `partner_rows` policy.
async fn unguarded(pool: &AnyPool) -> Vec<String> {
    let rows: Vec<(String, bool, bool, bool)> = sqlx::query_as(
        "SELECT c.relname::TEXT, c.relrowsecurity, c.relforcerowsecurity,
                (SELECT COUNT(*) = 1 AND BOOL_AND(
                            p.polname = 'partner_rows' AND p.polpermissive AND p.polcmd = '*'
                            AND pg_get_expr(p.polqual, p.polrelid) = $1
                            AND pg_get_expr(p.polwithcheck, p.polrelid) = $1)
                 FROM pg_policy p WHERE p.polrelid = c.oid)
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         WHERE c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'partner_id' AND NOT a.attisdropped)
         ORDER BY 1",
    )
    .bind(POLICY)
    .fetch_all(pool)
    .await
    .unwrap();
    let mut wrong = Vec::new();
    for (table, enabled, forced, policy) in rows {
        if !enabled {
            wrong.push(format!("{table}: row-level security is off"));
        } else if !forced {
            wrong.push(format!("{table}: row-level security is not forced"));
        }
        if !policy {
            wrong.push(format!("{table}: not exactly the one partner_rows policy"));
        }
    }
    wrong
}

#[tokio::test]
async fn on_postgres_every_partner_table_has_forced_row_level_security() {
    let (_database, db) = migrated().await;
    if db.dialect() != Dialect::Postgres {
        eprintln!("SQLite has no row-level security: run under scripts/with-postgres");
        db.close().await;
        return;
    }
    assert_eq!(unguarded(db.pool()).await, Vec::<String>::new());

    // And the check names a table left open, and one the owner could read.
    sqlx::query("CREATE TABLE request_tags (partner_id TEXT NOT NULL, tag TEXT NOT NULL)")
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("ALTER TABLE request_seen NO FORCE ROW LEVEL SECURITY")
        .execute(db.pool())
        .await
        .unwrap();
    // And a second policy that would let more through.
    sqlx::query("CREATE POLICY everything ON support_requests FOR SELECT USING (true)")
        .execute(db.pool())
        .await
        .unwrap();
    assert_eq!(
        unguarded(db.pool()).await,
        [
            "request_seen: row-level security is not forced",
            "request_tags: row-level security is off",
            "request_tags: not exactly the one partner_rows policy",
            "support_requests: not exactly the one partner_rows policy",
        ]
    );
    db.close().await;
}

/// Filing waits on nothing of its partner's row in `partners`. Every
/// partner table used to refer to it, so that each write took a share
/// lock on that one row, and many of one partner's writes at once slowed
/// that partner down the more it filed. Here the row is locked outright
/// while a request is filed: its key, the request, its history and its
/// event are written all the same.
#[tokio::test]
async fn filing_takes_no_lock_on_the_partners_row() {
    if common::postgres_server().is_none() {
        return;
    }
    let server = common::start().await;
    let mut locked = server.db.begin().await.unwrap();
    sqlx::query("SELECT id FROM partners WHERE id = 'default' FOR UPDATE")
        .execute(&mut *locked)
        .await
        .unwrap();
    let (key, body) = (common::key(), common::valid());
    // Only a filing that waits for the lock runs into this.
    let filing = server.post_json(&key, &body);
    let filed = tokio::time::timeout(std::time::Duration::from_secs(30), filing).await;
    locked.rollback().await.unwrap();
    let response = filed.expect("filing waited for the partner's row");
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
}
