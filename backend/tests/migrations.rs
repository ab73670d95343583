//! The SQLite and PostgreSQL migrations are kept in step: the same files,
//! applied in the same order, so one schema version means the same tables
//! on both.

mod common;

use std::path::Path;

use support_backend::db::{POSTGRES_MIGRATOR, SQLITE_MIGRATOR};

fn file_names(dialect: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(dialect);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn both_folders_hold_the_same_migration_files() {
    let sqlite = file_names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, file_names("postgres"));
    assert!(
        sqlite.iter().all(|name| name.ends_with(".sql")),
        "{sqlite:?}"
    );
}

#[test]
fn both_migrators_have_the_same_versions_and_descriptions() {
    let steps = |migrator: &sqlx::migrate::Migrator| {
        migrator
            .iter()
            .map(|m| (m.version, m.description.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(steps(&SQLITE_MIGRATOR), steps(&POSTGRES_MIGRATOR));
}

/// The demo data is the same SQL in both: what a deployer sees in the demo
/// on SQLite is what a PostgreSQL deployment starts with.
#[test]
fn the_demo_data_is_identical() {
    for name in [
        "0002_customers_and_services.sql",
        "0003_request_customer_and_service.sql",
        "0005_service_health_and_articles.sql",
    ] {
        let read = |dialect: &str| {
            std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("migrations")
                    .join(dialect)
                    .join(name),
            )
            .unwrap()
        };
        assert_eq!(read("sqlite"), read("postgres"), "{name}");
    }
}

/// A database that an earlier version filled with the demo catalogue loses
/// the demo rows at its next start, but keeps those its requests name.
#[tokio::test]
async fn an_earlier_databases_demo_rows_go_unless_a_request_names_them() {
    use sqlx::{AnyPool, Connection};
    use support_backend::dialect::Dialect;

    let database = common::fresh_database().await;
    sqlx::any::install_default_drivers();
    let full = match Dialect::from_url(&database.url) {
        Some(Dialect::Postgres) => &POSTGRES_MIGRATOR,
        _ => &SQLITE_MIGRATOR,
    };
    // The migrations of the version before, which seeded the demo data.
    let earlier = sqlx::migrate::Migrator {
        migrations: std::borrow::Cow::Owned(
            full.iter().filter(|m| m.version < 9).cloned().collect(),
        ),
        ..sqlx::migrate::Migrator::DEFAULT
    };
    if database.url.starts_with("sqlite:") {
        std::fs::File::create(database.url.trim_start_matches("sqlite://")).unwrap();
    }
    let mut conn = sqlx::AnyConnection::connect(&database.url).await.unwrap();
    earlier.run(&mut conn).await.unwrap();
    sqlx::query(
        "INSERT INTO support_requests (id, seq, reference, kind, title, description,
             contact_name, contact_email, contact_language, locale, body, customer_id, service_id)
         VALUES ('r1', 1, 'SR-000001', 'customer', 't', 'd', 'n', 'e@x.cn', 'en-US', 'en-US', '{}',
                 'beijing-cloud', 'azure')",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();

    let db = support_backend::db::connect(&database.url).await.unwrap();
    let pool: &AnyPool = db.pool();
    let ids = |table: &'static str| async move {
        let rows: Vec<(String,)> = sqlx::query_as(&format!("SELECT id FROM {table} ORDER BY id"))
            .fetch_all(pool)
            .await
            .unwrap();
        rows.into_iter().map(|(id,)| id).collect::<Vec<_>>()
    };
    assert_eq!(ids("customers").await, ["beijing-cloud"]);
    assert_eq!(ids("services").await, ["azure"]);
    assert!(ids("articles").await.is_empty());
    assert!(ids("service_health_items").await.is_empty());
    db.close().await;
}

/// A new SQLite database's folder is made with it, readable by the
/// backend's user only, as the attachments folder is.
#[tokio::test]
async fn a_new_sqlite_database_gets_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("var/lib/support/support.db");
    support_backend::db::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    assert!(file.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(file.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    }
    // A folder that cannot be made is named.
    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let url = format!("sqlite://{}", blocked.join("support.db").display());
    let error = support_backend::db::connect(&url)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("cannot create the folder") && error.contains("a-file"),
        "{error}"
    );
}

/// A database that a newer backend migrated is refused, not served with
/// tables this binary does not know, though it has nothing to migrate.
#[tokio::test]
async fn a_database_a_newer_backend_migrated_is_refused() {
    let database = common::fresh_database().await;
    let db = support_backend::db::connect(&database.url).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99990101, 'from a newer backend', TRUE, $1, 1)",
    )
    .bind(vec![0u8; 48])
    .execute(db.pool())
    .await
    .unwrap();
    db.close().await;
    let error = support_backend::db::connect(&database.url)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("99990101"), "{error}");
}
