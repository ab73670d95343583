//! The storage layer on its own, on the database the run asks for (SQLite,
//! or PostgreSQL under `scripts/with-postgres`): numbering, idempotency keys
//! and their expiry, migrations.

mod common;

use support_backend::db;
use support_backend::dialect::Dialect;
use support_backend::partner::PartnerScope;
use support_backend::requests::idempotency;
use support_backend::requests::idempotency::keys::{self, KeyState};
use support_backend::requests::{create_request, find_request, Created};
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

async fn open() -> (PartnerScope, common::TestDatabase) {
    let database = common::fresh_database().await;
    let db = db::connect(&database.url).await.unwrap();
    (PartnerScope::default_partner(&db), database)
}

/// Claims `key` and files `request` under it, as the handler does.
async fn file(db: &PartnerScope, key: &str, hash: &str, request: &NewSupportRequest) -> Created {
    let claim = keys::claim(db, key, hash)
        .await
        .unwrap()
        .expect("the key is free");
    create_request(db, &claim, request, &[], None, &Default::default(), None)
        .await
        .unwrap()
}

/// The live state of `key`.
async fn state(db: &PartnerScope, key: &str) -> Option<KeyState> {
    keys::find(db, key).await.unwrap()
}

/// Dates the key's row `seconds` back, as if it had been claimed then.
async fn age(db: &PartnerScope, key: &str, seconds: u64) {
    let sql = format!(
        "UPDATE idempotency_keys SET created_at = {} WHERE key = $1",
        db.db().dialect().timestamp_seconds_ago(seconds)
    );
    sqlx::query(&sql)
        .bind(key)
        .execute(db.db().pool())
        .await
        .unwrap();
}

async fn count(db: &db::Db, table: &str) -> i64 {
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
    assert_eq!(db.db().dialect(), expected);
}

#[tokio::test]
async fn references_count_up_and_rows_round_trip() {
    let (db, _database) = open().await;
    let mut ids = Vec::new();
    for n in 1..=2 {
        let key = Uuid::new_v4().to_string();
        let Created::New(stored) = file(&db, &key, "h", &request("t")).await else {
            panic!("claim lost");
        };
        assert_eq!(
            (stored.status_code, stored.body_sha256.as_str()),
            (201, "h")
        );
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

/// The key's state machine: absent, claimed (in flight), completed; a second
/// claim of a held key fails whatever its state.
#[tokio::test]
async fn a_claimed_key_is_in_flight_until_its_request_is_filed() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    assert_eq!(state(&db, &key).await, None);
    let claim = keys::claim(&db, &key, "h").await.unwrap().unwrap();
    assert_eq!(claim.key(), key);
    assert_eq!(
        state(&db, &key).await,
        Some(KeyState::InFlight {
            body_sha256: "h".into(),
            stale: false
        })
    );
    assert_eq!(keys::claim(&db, &key, "h").await.unwrap(), None, "held");
    assert_eq!(keys::claim(&db, &key, "other").await.unwrap(), None);
    assert_eq!(
        count(db.db(), "support_requests").await,
        0,
        "nothing filed yet"
    );

    let Created::New(stored) = create_request(
        &db,
        &claim,
        &request("a"),
        &[],
        None,
        &Default::default(),
        None,
    )
    .await
    .unwrap() else {
        panic!("claim lost");
    };
    assert_eq!(state(&db, &key).await, Some(KeyState::Completed(stored)));
    assert_eq!(keys::claim(&db, &key, "h").await.unwrap(), None);
    assert!(
        matches!(
            create_request(
                &db,
                &claim,
                &request("a"),
                &[],
                None,
                &Default::default(),
                None
            )
            .await
            .unwrap(),
            Created::ClaimLost
        ),
        "a completed claim files nothing more"
    );
    assert_eq!(count(db.db(), "support_requests").await, 1);
    assert_eq!(count(db.db(), "idempotency_keys").await, 1);
}

#[tokio::test]
async fn a_released_claim_leaves_the_key_free_for_a_retry() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    let claim = keys::claim(&db, &key, "h").await.unwrap().unwrap();
    keys::release(&db, &claim).await.unwrap();
    assert_eq!(state(&db, &key).await, None);
    assert!(matches!(
        create_request(
            &db,
            &claim,
            &request("a"),
            &[],
            None,
            &Default::default(),
            None
        )
        .await
        .unwrap(),
        Created::ClaimLost
    ));
    assert!(matches!(
        file(&db, &key, "h2", &request("b")).await,
        Created::New(_)
    ));
    assert_eq!(count(db.db(), "support_requests").await, 1);
}

/// A claim left by a process that stopped goes stale and is taken over by a
/// retry with the same body; should the old holder wake up, it can no longer
/// file, so the key still files exactly one request.
#[tokio::test]
async fn a_stale_claim_is_taken_over_and_its_old_holder_files_nothing() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    let abandoned = keys::claim(&db, &key, "h").await.unwrap().unwrap();
    age(
        &db,
        &key,
        idempotency::IN_FLIGHT_TAKEOVER_AFTER.as_secs() - 5,
    )
    .await;
    assert_eq!(
        keys::claim(&db, &key, "h").await.unwrap(),
        None,
        "not stale yet"
    );
    age(
        &db,
        &key,
        idempotency::IN_FLIGHT_TAKEOVER_AFTER.as_secs() + 5,
    )
    .await;
    assert_eq!(
        state(&db, &key).await,
        Some(KeyState::InFlight {
            body_sha256: "h".into(),
            stale: true
        })
    );
    assert_eq!(
        keys::claim(&db, &key, "other body").await.unwrap(),
        None,
        "only the same body takes over"
    );
    let taken = keys::claim(&db, &key, "h").await.unwrap().unwrap();
    assert_ne!(taken, abandoned);
    assert_eq!(
        state(&db, &key).await,
        Some(KeyState::InFlight {
            body_sha256: "h".into(),
            stale: false
        }),
        "the takeover restarts the clock"
    );
    assert!(matches!(
        create_request(
            &db,
            &abandoned,
            &request("old"),
            &[],
            None,
            &Default::default(),
            None
        )
        .await
        .unwrap(),
        Created::ClaimLost
    ));
    keys::release(&db, &abandoned).await.unwrap();
    assert!(
        state(&db, &key).await.is_some(),
        "not the old holder's to release"
    );
    assert!(matches!(
        create_request(
            &db,
            &taken,
            &request("new"),
            &[],
            None,
            &Default::default(),
            None
        )
        .await
        .unwrap(),
        Created::New(_)
    ));
    assert_eq!(count(db.db(), "support_requests").await, 1);
}

#[tokio::test]
async fn keys_expire_after_a_day_and_can_then_be_used_again() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    file(&db, &key, "h", &request("a")).await;
    assert!(matches!(
        state(&db, &key).await,
        Some(KeyState::Completed(_))
    ));
    sqlx::query("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00Z'")
        .execute(db.db().pool())
        .await
        .unwrap();
    assert_eq!(
        state(&db, &key).await,
        None,
        "expired keys are not replayed"
    );
    assert!(matches!(
        file(&db, &key, "h2", &request("b")).await,
        Created::New(_)
    ));
    assert_eq!(
        count(db.db(), "idempotency_keys").await,
        1,
        "the expired row was purged"
    );
    assert_eq!(count(db.db(), "support_requests").await, 2);
}

#[tokio::test]
async fn expired_keys_are_purged_answered_or_abandoned() {
    let (db, _database) = open().await;
    let answered = Uuid::new_v4().to_string();
    file(&db, &answered, "h", &request("a")).await;
    let abandoned = Uuid::new_v4().to_string();
    keys::claim(&db, &abandoned, "h").await.unwrap().unwrap();
    let live = Uuid::new_v4().to_string();
    file(&db, &live, "h", &request("b")).await;
    let ttl = idempotency::KEY_TTL.as_secs();
    age(&db, &answered, ttl + 1).await;
    age(&db, &abandoned, ttl + 1).await;
    assert_eq!(keys::purge_expired(&db).await.unwrap(), 2);
    assert_eq!(count(db.db(), "idempotency_keys").await, 1);
    assert!(state(&db, &live).await.is_some());
    assert_eq!(count(db.db(), "support_requests").await, 2, "requests stay");
}

#[tokio::test]
async fn a_day_old_key_is_still_live_a_minute_before_it_expires() {
    let (db, _database) = open().await;
    let key = Uuid::new_v4().to_string();
    file(&db, &key, "h", &request("a")).await;
    age(&db, &key, idempotency::KEY_TTL.as_secs() - 60).await;
    assert!(matches!(
        state(&db, &key).await,
        Some(KeyState::Completed(_))
    ));
}

#[tokio::test]
async fn opening_a_migrated_database_again_changes_nothing() {
    let (db, database) = open().await;
    support_backend::catalogue::demo::seed(db.db())
        .await
        .unwrap();
    file(&db, &Uuid::new_v4().to_string(), "h", &request("a")).await;
    db.db().close().await;
    let again = db::connect(&database.url).await.unwrap();
    assert_eq!(count(&again, "support_requests").await, 1);
    assert_eq!(count(&again, "customers").await, 12);
    assert_eq!(count(&again, "services").await, 4);
}
