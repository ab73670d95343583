//! The storage layer on its own, on the database the run asks for (SQLite,
//! or PostgreSQL under `scripts/with-postgres`): numbering, idempotency keys
//! and their expiry, migrations.

mod common;

use support_backend::db::{self, create_request, find_request, Created, Db};
use support_backend::dialect::Dialect;
use support_backend::idempotency;
use support_contract::{Category, Contact, CreatedRequest, NewSupportRequest, RequestKind};
use uuid::Uuid;

fn request(title: &str) -> NewSupportRequest {
    NewSupportRequest {
        kind: RequestKind::PartnerCenter,
        category: Some(Category::Billing),
        title: title.into(),
        description: "d".into(),
        contact: Contact {
            name: "n".into(),
            email: "n@example.com".into(),
            ..Contact::default()
        },
        ..NewSupportRequest::default()
    }
}

async fn open() -> (Db, common::TestDatabase) {
    let database = common::fresh_database().await;
    let db = db::connect(&database.url).await.unwrap();
    (db, database)
}

async fn count(db: &Db, table: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db.pool())
        .await
        .unwrap();
    count
}

#[tokio::test]
async fn the_database_asked_for_is_the_one_used() {
    let (db, _database) = open().await;
    let expected = match common::postgres_server() {
        Some(_) => Dialect::Postgres,
        None => Dialect::Sqlite,
    };
    assert_eq!(db.dialect(), expected);
}

#[tokio::test]
async fn references_count_up_and_rows_round_trip() {
    let (db, _database) = open().await;
    let mut ids = Vec::new();
    for n in 1..=2 {
        let key = Uuid::new_v4().to_string();
        let Created::New(stored) = create_request(&db, &key, "h", &request("t")).await.unwrap()
        else {
            panic!("key taken");
        };
        let created: CreatedRequest = serde_json::from_str(&stored.response).unwrap();
        assert_eq!(created.reference, format!("SR-{n:06}"));
        assert!(created.created_at.ends_with('Z'), "{}", created.created_at);
        ids.push(created.id);
    }
    let found = find_request(&db, &ids[1]).await.unwrap().unwrap();
    assert_eq!(found.reference, "SR-000002");
    assert_eq!(found.request, request("t"));
    assert!(find_request(&db, "nope").await.unwrap().is_none());
}

#[tokio::test]
async fn a_taken_key_writes_nothing_and_uses_no_number() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    assert!(matches!(
        create_request(&db, &key, "h", &request("a")).await.unwrap(),
        Created::New(_)
    ));
    assert!(matches!(
        create_request(&db, &key, "h", &request("b")).await.unwrap(),
        Created::KeyTaken
    ));
    assert_eq!(count(&db, "support_requests").await, 1);
    let Created::New(next) = create_request(&db, &Uuid::new_v4().to_string(), "h", &request("c"))
        .await
        .unwrap()
    else {
        panic!("key taken");
    };
    let next: CreatedRequest = serde_json::from_str(&next.response).unwrap();
    assert_eq!(next.reference, "SR-000002", "no gap after a taken key");
}

#[tokio::test]
async fn keys_expire_after_a_day_and_can_then_be_used_again() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    create_request(&db, &key, "h", &request("a")).await.unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    let stored = idempotency::find(&mut conn, db.dialect(), &key)
        .await
        .unwrap()
        .expect("a live key is found");
    assert_eq!(
        (stored.status_code, stored.body_sha256.as_str()),
        (201, "h")
    );
    sqlx::query("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00Z'")
        .execute(&mut *conn)
        .await
        .unwrap();
    assert!(
        idempotency::find(&mut conn, db.dialect(), &key)
            .await
            .unwrap()
            .is_none(),
        "expired keys are not replayed"
    );
    drop(conn);
    assert!(matches!(
        create_request(&db, &key, "h2", &request("b"))
            .await
            .unwrap(),
        Created::New(_)
    ));
    assert_eq!(
        count(&db, "idempotency_keys").await,
        1,
        "the expired row was purged"
    );
    assert_eq!(count(&db, "support_requests").await, 2);
}

#[tokio::test]
async fn a_day_old_key_is_still_live_a_minute_before_it_expires() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    create_request(&db, &key, "h", &request("a")).await.unwrap();
    let almost = format!(
        "UPDATE idempotency_keys SET created_at = {}",
        db.dialect()
            .timestamp_seconds_ago(idempotency::KEY_TTL.as_secs() - 60)
    );
    sqlx::query(&almost).execute(db.pool()).await.unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    assert!(idempotency::find(&mut conn, db.dialect(), &key)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn opening_a_migrated_database_again_changes_nothing() {
    let (db, database) = open().await;
    create_request(&db, &Uuid::new_v4().to_string(), "h", &request("a"))
        .await
        .unwrap();
    db.close().await;
    let again = db::connect(&database.url).await.unwrap();
    assert_eq!(count(&again, "support_requests").await, 1);
    assert_eq!(count(&again, "customers").await, 12);
    assert_eq!(count(&again, "services").await, 4);
}
