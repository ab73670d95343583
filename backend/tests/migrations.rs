//! The SQLite and PostgreSQL migrations are kept in step: the same files,
//! applied in the same order, so one schema version means the same tables
//! on both.

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
