//! On PostgreSQL the database itself keeps partners apart, even where a
//! query forgets to: every partner table has row-level security, enabled
//! and forced (migration 0020), and the server runs as a role that owns no
//! table ([`common::RUNTIME_ROLE`], as `support-backend migrate --grant-to`
//! makes it). These tests connect as that role. SQLite has no row-level
//! security: there they say so and pass.

mod common;

use common::{file_as, partner, start_signed, valid_for_customer, TestServer};
use sqlx::{AnyConnection, Connection, Executor, PgConnection};

/// Every table of a partner's data (the schema test keeps this list true:
/// it fails on a partner table without forced row-level security).
const PARTNER_TABLES: [&str; 11] = [
    "customers",
    "support_requests",
    "support_request_replies",
    "support_request_status_history",
    "attachments",
    "idempotency_keys",
    "webhook_outbox",
    "mail_bounces",
    "contact_confirmations",
    "request_events",
    "request_seen",
];

/// A server on PostgreSQL holding one request of the default partner, and a
/// connection to its database as the server's role; `None` on SQLite.
async fn one_request_and_the_runtime_role() -> Option<(TestServer, PgConnection)> {
    if common::postgres_server().is_none() {
        eprintln!("SQLite has no row-level security: run under scripts/with-postgres");
        return None;
    }
    let server = start_signed(false).await;
    file_as(&server, &partner(), &valid_for_customer()).await;
    let url = common::as_runtime_role(server.database_url())
        .await
        .unwrap();
    let runtime = PgConnection::connect(&url).await.unwrap();
    Some((server, runtime))
}

async fn count(conn: &mut PgConnection, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(conn)
        .await
        .unwrap()
}

/// Counts `table`'s rows in a transaction that names `partner`.
async fn count_as(conn: &mut PgConnection, partner: &str, table: &str) -> i64 {
    let mut transaction = conn.begin().await.unwrap();
    sqlx::query("SELECT set_config('app.partner_id', $1, true)")
        .bind(partner)
        .execute(&mut *transaction)
        .await
        .unwrap();
    let rows = count(&mut transaction, table).await;
    transaction.rollback().await.unwrap();
    rows
}

/// Adds the partner `other`, which has no rows.
async fn add_other(server: &TestServer) {
    sqlx::query("INSERT INTO partners (id, name) VALUES ('other', 'Other')")
        .execute(&server.db)
        .await
        .unwrap();
}

/// The partner `conn` names to PostgreSQL, and how many requests it sees
/// by a query that names none.
async fn named_and_seen(conn: &mut AnyConnection) -> (String, i64) {
    let named = "SELECT current_setting('app.partner_id', true)";
    let named = sqlx::query_scalar(named).fetch_one(&mut *conn).await;
    let unfiltered = "SELECT COUNT(*) FROM support_requests";
    let seen = sqlx::query_scalar(unfiltered).fetch_one(conn).await;
    (named.unwrap(), seen.unwrap())
}

#[tokio::test]
async fn naming_no_partner_the_server_role_sees_no_row() {
    let Some((server, mut runtime)) = one_request_and_the_runtime_role().await else {
        return;
    };
    let mut owner = PgConnection::connect(server.database_url()).await.unwrap();
    // The request left rows in these: the check below is not of empty tables.
    for table in ["customers", "support_requests", "request_events"] {
        assert!(count(&mut owner, table).await > 0, "{table} is empty");
    }
    for table in PARTNER_TABLES {
        assert_eq!(count(&mut runtime, table).await, 0, "{table}");
        assert_eq!(count_as(&mut runtime, "other", table).await, 0, "{table}");
    }
    // Its own partner, or every partner ("*", as the desk and the
    // operator's commands name them), sees the request.
    for partner in ["default", "*"] {
        let requests = count_as(&mut runtime, partner, "support_requests").await;
        assert_eq!(requests, 1, "{partner}");
    }

    // The setting lasts as long as its transaction: a pooled connection
    // carries no partner into the next request.
    count_as(&mut runtime, "default", "support_requests").await;
    assert_eq!(count(&mut runtime, "support_requests").await, 0);
}

#[tokio::test]
async fn the_server_role_cannot_write_another_partners_rows() {
    let Some((server, mut runtime)) = one_request_and_the_runtime_role().await else {
        return;
    };
    add_other(&server).await;
    let mut transaction = runtime.begin().await.unwrap();
    transaction
        .execute("SELECT set_config('app.partner_id', 'other', true)")
        .await
        .unwrap();
    // Rows it cannot see, it can neither change nor delete.
    let changed = transaction
        .execute("UPDATE support_requests SET title = 'taken'")
        .await
        .unwrap();
    assert_eq!(changed.rows_affected(), 0);
    let deleted = transaction
        .execute("DELETE FROM request_events")
        .await
        .unwrap();
    assert_eq!(deleted.rows_affected(), 0);
    // And a row it writes must be its own partner's.
    let error = transaction
        .execute(
            "INSERT INTO customers (partner_id, id, name, domain)
             VALUES ('default', 'planted', 'Planted', 'planted.example')",
        )
        .await
        .unwrap_err();
    assert!(error.to_string().contains("row-level security"), "{error}");
    drop(transaction);

    let title: String = sqlx::query_scalar("SELECT title FROM support_requests")
        .fetch_one(&server.db)
        .await
        .unwrap();
    assert_eq!(title, "虚拟机无法启动");
}

#[tokio::test]
async fn the_server_role_cannot_turn_row_level_security_off() {
    let Some((_server, mut runtime)) = one_request_and_the_runtime_role().await else {
        return;
    };
    for statement in [
        "ALTER TABLE support_requests DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE support_requests NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY partner_rows ON support_requests",
        "CREATE POLICY everything ON support_requests USING (true)",
    ] {
        let error = runtime.execute(statement).await.unwrap_err();
        assert!(
            error.to_string().contains("must be owner"),
            "{statement}: {error}"
        );
    }
    // Without row-level security, a query it would filter fails instead.
    runtime.execute("SET row_security = off").await.unwrap();
    let error = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM support_requests")
        .fetch_one(&mut runtime)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("row-level security"), "{error}");
}

/// As an operator sets it up: `migrate --grant-to` as the owner, then the
/// server's role runs the commands and serves; a database not migrated yet
/// is refused to that role with what to do.
#[tokio::test]
async fn the_owner_migrates_and_grants_and_the_role_serves() {
    if common::postgres_server().is_none() {
        return;
    }
    let database = common::fresh_database().await;
    let role = "support_operator_app";
    sqlx::raw_sql(&format!(
        "DO $$ BEGIN CREATE ROLE {role} LOGIN;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    ))
    .execute(&mut PgConnection::connect(&database.url).await.unwrap())
    .await
    .unwrap();
    let mut runtime_url = reqwest::Url::parse(&database.url).unwrap();
    runtime_url.set_username(role).unwrap();
    let runtime_url = runtime_url.to_string();

    // Not migrated: the role may not create the tables, and is told who may.
    let refused = common::command(&runtime_url, &["bounced"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("support-backend migrate --database-url"),
        "{said}"
    );

    let migrated = common::command(&database.url, &["migrate", "--grant-to", role]);
    assert!(migrated.status.success(), "{migrated:?}");
    assert!(
        String::from_utf8_lossy(&migrated.stdout).contains("owns nothing"),
        "{migrated:?}"
    );
    // Its commands work on the partners' tables, under their security.
    let listed = common::command(&runtime_url, &["bounced"]);
    assert!(listed.status.success(), "{listed:?}");
    let owner: String = sqlx::query_scalar(
        "SELECT tableowner::TEXT FROM pg_tables WHERE tablename = 'support_requests'",
    )
    .fetch_one(&mut PgConnection::connect(&database.url).await.unwrap())
    .await
    .unwrap();
    assert_ne!(owner, role);
}

/// The server's scopes name their partner to PostgreSQL, and only it: a
/// query through a partner's scope that forgot its `partner_id = $n` sees
/// that partner's rows and no other's.
#[tokio::test]
async fn a_partners_scope_names_that_partner_and_sees_its_rows_alone() {
    let Some((server, _runtime)) = one_request_and_the_runtime_role().await else {
        return;
    };
    add_other(&server).await;
    let url = common::as_runtime_role(server.database_url())
        .await
        .unwrap();
    let db = support_backend::db::connect(&url).await.unwrap();
    for (partner, requests) in [("default", 1), ("other", 0)] {
        let scope = support_backend::partner::PartnerScope::of(&db, partner);
        let expected = (partner.to_owned(), requests);
        let mut read = scope.acquire().await.unwrap();
        assert_eq!(named_and_seen(&mut read).await, expected, "{partner} reads");
        drop(read);
        let mut write = scope.begin_write().await.unwrap();
        assert_eq!(
            named_and_seen(&mut write).await,
            expected,
            "{partner} writes"
        );
        write.rollback().await.unwrap();
    }
    db.close().await;
}

/// `migrate --grant-to` takes back the role's own right to create tables
/// in the schema, and checks that the role may read and write every
/// partner table: run by a role that does not own them, whose grants
/// PostgreSQL only warns are not made, it fails and says what to do.
#[tokio::test]
async fn a_grant_that_grants_nothing_fails_and_says_by_whom_to_grant() {
    if common::postgres_server().is_none() {
        return;
    }
    let database = common::fresh_database().await;
    let mut owner = PgConnection::connect(&database.url).await.unwrap();
    let (not_owner, app) = ("support_grant_not_owner", "support_grant_app");
    for role in [not_owner, app] {
        sqlx::raw_sql(&format!(
            "DO $$ BEGIN CREATE ROLE {role} LOGIN;
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        ))
        .execute(&mut owner)
        .await
        .unwrap();
    }
    let may_create = format!("SELECT has_schema_privilege('{app}', 'public', 'CREATE')");
    owner
        .execute(format!("GRANT CREATE ON SCHEMA public TO {app}").as_str())
        .await
        .unwrap();
    let migrated = common::command(&database.url, &["migrate", "--grant-to", app]);
    assert!(migrated.status.success(), "{migrated:?}");
    let creates: bool = sqlx::query_scalar(&may_create)
        .fetch_one(&mut owner)
        .await
        .unwrap();
    assert!(!creates, "{app} may still create tables in public");

    // A role that uses the tables but owns none grants nothing.
    let granted = common::command(&database.url, &["migrate", "--grant-to", not_owner]);
    assert!(granted.status.success(), "{granted:?}");
    let mut not_owner_url = reqwest::Url::parse(&database.url).unwrap();
    not_owner_url.set_username(not_owner).unwrap();
    owner
        .execute(format!("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {app}").as_str())
        .await
        .unwrap();
    let refused = common::command(not_owner_url.as_str(), &["migrate", "--grant-to", app]);
    assert!(!refused.status.success(), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stderr);
    for needle in [
        "still may not select, insert, update and delete the rows of",
        "support_requests",
        "grant it as the tables' owner",
    ] {
        assert!(said.contains(needle), "{needle} not in {said}");
    }
}
