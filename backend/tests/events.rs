//! `GET /events`: who may follow, which changes each caller hears (those of
//! the requests they may read), the pick-up after `Last-Event-ID` with
//! nothing lost or twice, the end at the token's expiry, the keep-alive,
//! the `retry:`, how many streams a user and the process may hold, and a
//! reader that does not read dropped rather than buffered for.

mod common;

use std::time::{Duration, Instant};

use common::events::{self, Next};
use common::{
    customer, json_of, key, one_error, partner, start_signed, start_signed_with, token, TestServer,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A user of another customer than [`customer`]'s.
fn other_customer() -> Value {
    json!({"sub": "customer-9", "name": "Lin Hui", "email": "lin.hui@shanghai-data.cn",
           "role": "customer", "customer_id": "shanghai-data"})
}

fn message(title: &str) -> Value {
    json!({
        "kind": "customer_self_service",
        "service": "azure",
        "title": title,
        "description": "从今天早上开始，所有用户都无法登录。",
        "contact": {"name": "Chen Jie", "email": "chen.jie@beijing-cloud.cn", "language": "zh-CN"},
        "locale": "zh-CN"
    })
}

/// Files a customer's message as `claims`: its id and reference.
async fn file(server: &TestServer, claims: &Value, title: &str) -> (String, String) {
    let created = common::file_as(server, claims, &message(title)).await;
    let field = |name: &str| created[name].as_str().unwrap().to_owned();
    (field("id"), field("reference"))
}

async fn reply(server: &TestServer, claims: &Value, id: &str, text: &str) {
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{id}/replies")))
        .bearer_auth(token(claims))
        .header("Idempotency-Key", key())
        .json(&json!({"body": text}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

async fn set_status(server: &TestServer, claims: &Value, id: &str, status: &str) {
    let response = server
        .client
        .post(server.url(&format!("/support-requests/{id}/status")))
        .bearer_auth(token(claims))
        .json(&json!({"status": status}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{:?}",
        response.text().await
    );
}

async fn follow(server: &TestServer, claims: &Value) -> events::Stream {
    events::open(&server.base, Some(&token(claims)), None).await
}

#[tokio::test]
async fn a_stream_needs_a_user_whose_role_is_known() {
    // Even where visitors without a token may file and read back.
    let server = start_signed(true).await;
    let response = events::request(&server.base, None, None).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        json_of(response).await.1,
        one_error("Authorization", "invalid_token")
    );
    let stranger = json!({"sub": "someone", "role": "auditor"});
    let response = events::request(&server.base, Some(&token(&stranger)), None).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A token past its `exp`, within the leeway that other calls give:
    // its stream would end at once.
    let mut expired = customer();
    expired["exp"] = json!(jsonwebtoken::get_current_timestamp() - 5);
    let response = events::request(&server.base, Some(&token(&expired)), None).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = events::request(&server.base, Some(&token(&customer())), Some("SR-1")).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        json_of(response).await.1,
        one_error("Last-Event-ID", "invalid_value")
    );
}

#[tokio::test]
async fn a_partners_reply_reaches_its_customer_and_no_other() {
    let server = start_signed(false).await;
    let mut staff = follow(&server, &partner()).await;
    let mut filer = follow(&server, &customer()).await;
    let mut other = follow(&server, &other_customer()).await;
    let (id, reference) = file(&server, &customer(), "无法登录管理门户").await;

    // The partner's staff hear of the new message; its filer too.
    let created = staff.event().await;
    assert_eq!(created.event, "request.created");
    let expected = json!({"id": id, "reference": reference,
                          "kind": "customer_self_service", "status": "submitted"});
    assert_eq!(created.data, expected);
    assert_eq!(filer.event().await, created);

    reply(&server, &partner(), &id, "请清除浏览器缓存后再试。").await;
    let replied = filer.event().await;
    assert_eq!(replied.event, "request.reply_added");
    assert_eq!(replied.data, expected);
    assert!(replied.id.parse::<i64>().unwrap() > created.id.parse::<i64>().unwrap());
    assert_eq!(staff.event().await, replied);
    // The partner's first reply took the message up.
    let taken_up = filer.event().await;
    assert_eq!(taken_up.event, "request.status_changed");
    assert_eq!(taken_up.data["status"], "in_progress");
    assert_eq!(staff.event().await, taken_up);

    set_status(&server, &partner(), &id, "resolved").await;
    let resolved = filer.event().await;
    assert_eq!(resolved.event, "request.status_changed");
    assert_eq!(resolved.data["status"], "resolved");

    // The other customer heard none of it: the first thing they hear is
    // their own message.
    let (own, _) = file(&server, &other_customer(), "账单有误").await;
    let first = other.event().await;
    assert_eq!(
        (first.event.as_str(), &first.data["id"]),
        ("request.created", &json!(own))
    );
    // And the first customer does not hear of theirs.
    assert_eq!(filer.next(Duration::from_millis(500)).await, Next::Quiet);
}

#[tokio::test]
async fn a_stream_picks_up_after_the_last_event_heard() {
    let server = start_signed(false).await;
    let mut filer = follow(&server, &customer()).await;
    let (id, _) = file(&server, &customer(), "无法登录管理门户").await;
    reply(&server, &partner(), &id, "第一条回复").await;
    // The message, the reply, and the message taken up by it.
    let heard = [
        filer.event().await,
        filer.event().await,
        filer.event().await,
    ];
    assert_eq!(heard[1].event, "request.reply_added");
    assert_eq!(heard[2].event, "request.status_changed");
    // Cut; meanwhile two replies and a status change, and another's
    // message the filer may not read.
    drop(filer);
    reply(&server, &partner(), &id, "第二条回复").await;
    file(&server, &other_customer(), "账单有误").await;
    set_status(&server, &partner(), &id, "in_progress").await;
    reply(&server, &partner(), &id, "第三条回复").await;

    let mut again = events::open(&server.base, Some(&token(&customer())), Some(&heard[2].id)).await;
    let missed: Vec<_> = [
        again.event().await,
        again.event().await,
        again.event().await,
    ]
    .into_iter()
    .map(|heard| heard.event)
    .collect();
    assert_eq!(
        missed,
        [
            "request.reply_added",
            "request.status_changed",
            "request.reply_added"
        ]
    );
    // Then on, as it happens, and nothing twice.
    reply(&server, &partner(), &id, "第四条回复").await;
    let live = again.event().await;
    assert_eq!(live.event, "request.reply_added");
    assert_eq!(again.next(Duration::from_millis(500)).await, Next::Quiet);

    // From an earlier id, everything after it, in order.
    let mut from_start =
        events::open(&server.base, Some(&token(&customer())), Some(&heard[0].id)).await;
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(from_start.event().await.id.parse::<i64>().unwrap());
    }
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "{ids:?}");
    assert_eq!(ids.last().unwrap().to_string(), live.id);
    assert_eq!(
        from_start.next(Duration::from_millis(500)).await,
        Next::Quiet
    );

    // An id past the newest (a restored database) starts from now.
    let mut ahead = events::open(&server.base, Some(&token(&customer())), Some("999999")).await;
    reply(&server, &partner(), &id, "第五条回复").await;
    assert_eq!(ahead.event().await.event, "request.reply_added");
}

#[tokio::test]
async fn the_stream_ends_when_the_token_expires() {
    let server = start_signed(false).await;
    let mut claims = customer();
    claims["exp"] = json!(jsonwebtoken::get_current_timestamp() + 3);
    let opened = Instant::now();
    let mut stream = events::open(&server.base, Some(&token(&claims)), None).await;
    assert_eq!(stream.next(Duration::from_secs(10)).await, Next::Ended);
    assert!(
        opened.elapsed() >= Duration::from_secs(1),
        "{:?}",
        opened.elapsed()
    );
}

#[tokio::test]
async fn a_quiet_stream_hears_a_keep_alive_comment() {
    let server = start_signed(false).await;
    let mut stream = follow(&server, &customer()).await;
    let within = support_backend::live::stream::KEEP_ALIVE + Duration::from_secs(5);
    let deadline = Instant::now() + within;
    while stream.comments == 0 {
        assert!(Instant::now() < deadline, "no keep-alive within {within:?}");
        assert_eq!(stream.next(Duration::from_millis(500)).await, Next::Quiet);
    }
}

#[tokio::test]
async fn browsers_may_send_the_token_and_last_event_id() {
    let server = start_signed(false).await;
    let response = server
        .client
        .request(reqwest::Method::OPTIONS, server.url("/events"))
        .header("Origin", common::ALLOWED)
        .header("Access-Control-Request-Method", "GET")
        .header(
            "Access-Control-Request-Headers",
            "authorization,last-event-id",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let allowed = response.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(allowed.contains("authorization"), "{allowed}");
    assert!(allowed.contains("last-event-id"), "{allowed}");
}

/// A reader that stops reading while many events pass: its stream ends
/// (after what the connection had taken already) rather than holding them
/// for it, and it picks up after the last one it read with nothing lost or
/// twice.
#[tokio::test]
#[ignore = "depends on the kernel's socket buffers: on loopback they grow to 32 MiB here and hold every event, so the backend never waits for the reader (see docs/development.md)"]
async fn a_reader_that_does_not_read_is_dropped_and_picks_up_again() {
    let server = start_signed(false).await;
    let (id, _) = file(&server, &customer(), "无法登录管理门户").await;
    let mut slow = follow(&server, &customer()).await;
    // A reader who hears none of them, and so tells when all were handed
    // on: they come in order, before its own.
    let mut bystander = follow(&server, &other_customer()).await;

    let last = busy_day(&server, &id).await;
    // A reply wakes the backend, which reads them all.
    reply(&server, &partner(), &id, "最后一条回复").await;
    let (own, _) = file(&server, &other_customer(), "账单有误").await;
    assert_eq!(bystander.event().await.data["id"], json!(own));
    // The stream's task kept up with the process and found the reader's
    // events untaken, or fell behind and reads them from the database as
    // the reader takes them: either way it gives up on a reader who takes
    // nothing for this long.
    tokio::time::sleep(support_backend::live::stream::SLOW_READER + Duration::from_secs(1)).await;

    // The slow reader reads now: what was on its way, then the end.
    let heard = read_until_dropped(&mut slow, last - BUSY_DAY + 1, last).await;

    // It picks up after the last it heard: the rest, the reply and the
    // message taken up by it, once.
    let resume = heard.to_string();
    let mut again = events::open(&server.base, Some(&token(&customer())), Some(&resume)).await;
    for expected in heard + 1..=last + 2 {
        let next = again.next(Duration::from_secs(10)).await;
        let Next::Event(event) = next else {
            panic!("{next:?} before {expected} (heard {heard}, last {last})");
        };
        assert_eq!(event.id, expected.to_string());
    }
    assert_eq!(again.next(Duration::from_millis(500)).await, Next::Quiet);
}

#[tokio::test]
#[ignore = "depends on the kernel's socket buffers: on loopback they grow to 32 MiB here and hold every event, so the backend never waits for the reader (see docs/development.md)"]
async fn a_reader_that_stops_reading_while_catching_up_is_dropped() {
    let server = start_signed(false).await;
    let (id, _) = file(&server, &customer(), "无法登录管理门户").await;
    let last = busy_day(&server, &id).await;
    let first = last - BUSY_DAY + 1;
    // A resume from before all of them: the stream reads them from the
    // database, a page at a time, and waits for its reader, who reads
    // nothing for longer than the backend waits.
    let before = (first - 1).to_string();
    let mut slow = events::open(&server.base, Some(&token(&customer())), Some(&before)).await;
    tokio::time::sleep(support_backend::live::stream::SLOW_READER + Duration::from_secs(1)).await;

    read_until_dropped(&mut slow, first, last).await;
}

/// How many events [`busy_day`] writes: more than the kernel's socket
/// buffers hold, so the backend must keep them or drop the reader.
const BUSY_DAY: i64 = 80_000;

/// Writes [`BUSY_DAY`] events on request `id` as the backend writes them,
/// without waking it; the number of the last.
async fn busy_day(server: &TestServer, id: &str) -> i64 {
    let mut tx = server.db.begin().await.unwrap();
    let (last,): (i64,) = sqlx::query_as(
        "UPDATE request_event_counter SET last = last + $1 WHERE id = 1 RETURNING last",
    )
    .bind(BUSY_DAY)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO request_events (seq, request_id, event_type, status, actor, created_at)
         SELECT $2 + i, $3, 'request.reply_added', 'submitted', NULL, 0 FROM n",
    )
    .bind(BUSY_DAY)
    .bind(last - BUSY_DAY)
    .bind(id)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    last
}

/// Reads `stream` to its end: the events from `first` on, in order, and
/// fewer than reach `last` (the reader was dropped). The last one heard.
async fn read_until_dropped(stream: &mut events::Stream, first: i64, last: i64) -> i64 {
    let mut ids = Vec::new();
    loop {
        match stream.next(Duration::from_secs(10)).await {
            Next::Event(heard) => ids.push(heard.id.parse::<i64>().unwrap()),
            Next::Ended => break,
            Next::Quiet => panic!("the stream neither ended nor went on after {}", ids.len()),
        }
    }
    assert_eq!(ids.first(), Some(&first));
    assert!(ids.windows(2).all(|pair| pair[1] == pair[0] + 1));
    let heard = *ids.last().unwrap();
    assert!(heard < last, "all {} heard: nothing was dropped", ids.len());
    heard
}

#[tokio::test]
async fn a_stream_says_when_to_come_back() {
    let server = start_signed(false).await;
    let mut stream = follow(&server, &customer()).await;
    // Before any event: the `retry:` a cut stream's reader waits.
    assert_eq!(stream.next(Duration::from_millis(500)).await, Next::Quiet);
    let retry = support_backend::live::stream::RETRY.as_millis() as u64;
    assert_eq!(stream.retry, Some(retry));
}

/// `--event-streams-per-user`: a user's new stream beyond it ends their
/// oldest, which is told to come back after a minute, and touches nobody
/// else's; `--event-streams-max`: beyond it, 503 with `Retry-After`, except
/// for a user who replaces their own.
#[tokio::test]
async fn one_user_holds_a_few_streams_and_the_process_a_bounded_number() {
    let server = start_signed_with(|config| {
        config.event_streams_per_user = 2;
        config.event_streams_max = Some(4);
    })
    .await;
    let mut first = follow(&server, &customer()).await;
    let mut second = follow(&server, &customer()).await;
    let mut staff = follow(&server, &partner()).await;
    let mut third = follow(&server, &customer()).await;
    // The oldest of the customer's ends, and comes back after a minute.
    assert_eq!(first.next(Duration::from_secs(10)).await, Next::Ended);
    let replaced = support_backend::live::admission::REPLACED_RETRY.as_millis() as u64;
    assert_eq!(first.retry, Some(replaced));
    // The others hear what happens.
    let (id, _) = file(&server, &customer(), "无法登录管理门户").await;
    for stream in [&mut second, &mut third, &mut staff] {
        assert_eq!(stream.event().await.data["id"], json!(id));
    }

    // Four in the process: another user is refused, for a while.
    let mut other = follow(&server, &other_customer()).await;
    let response = events::request(&server.base, Some(&token(&partner())), None).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "10");
    assert_eq!(
        json_of(response).await.1,
        json!({"errors": [{"field": "", "code": "service_unavailable"}]})
    );
    // A user at their own cap replaces their oldest even so.
    let mut fourth = follow(&server, &customer()).await;
    assert_eq!(second.next(Duration::from_secs(10)).await, Next::Ended);
    reply(&server, &partner(), &id, "请清除浏览器缓存后再试。").await;
    for stream in [&mut third, &mut fourth, &mut staff] {
        assert_eq!(stream.event().await.event, "request.reply_added");
    }
    assert_eq!(other.next(Duration::from_millis(200)).await, Next::Quiet);

    // A stream that closes makes room.
    drop(other);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let response = events::request(&server.base, Some(&token(&partner())), None).await;
        if response.status() == StatusCode::OK {
            break;
        }
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(Instant::now() < deadline, "no room after a stream closed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A proxy must pass each event on as it comes: the stream tells nginx not
/// to buffer it, and nothing compresses it (a compressor would hold events
/// back until its buffer fills), whatever the reader accepts.
#[tokio::test]
async fn a_stream_is_neither_buffered_nor_compressed() {
    let server = start_signed(false).await;
    let response = events::client()
        .get(server.url("/events"))
        .bearer_auth(token(&customer()))
        .header("Accept", "text/event-stream")
        .header("Accept-Encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-accel-buffering"], "no");
    assert_eq!(response.headers().get("content-encoding"), None);
    let mut stream = events::Stream::of(response);
    let (id, _) = file(&server, &customer(), "无法登录管理门户").await;
    assert_eq!(stream.event().await.data["id"], json!(id));
}

/// Each process reads every partner's new events after the last one it
/// handed on, each time events are written, so that page must find them
/// through an index on `seq`: reading every event and joining every
/// request made each page cost more the longer the backend ran. Checked
/// on PostgreSQL as the server runs it (its role, every partner named),
/// on a table that grew since it was last analyzed, as a running
/// backend's does; SQLite keys the events by `seq`.
#[tokio::test]
async fn the_page_of_new_events_reads_the_new_ones_alone() {
    let server = start_signed(false).await;
    let Some(runtime) = common::as_runtime_role(server.database_url()).await else {
        return;
    };
    let (id, _) = file(&server, &customer(), "Many events").await;
    // 15,000 requests like that one, each with an event, numbered from
    // `first`.
    let add = |first: i64| {
        format!(
            "INSERT INTO support_requests
             SELECT (jsonb_populate_record(r, jsonb_build_object(
                 'id', 'bulk-' || n, 'seq', n, 'reference', 'SR-B' || n))).*
             FROM support_requests r, generate_series({first}, {first} + 14999) AS n
             WHERE r.id = '{id}';
             INSERT INTO request_events
                 (partner_id, seq, request_id, event_type, status, created_at)
             SELECT 'default', n, 'bulk-' || n, 'created', 'submitted', 0
             FROM generate_series({first}, {first} + 14999) AS n"
        )
    };
    for sql in [add(1001), "ANALYZE".to_owned(), add(16001)] {
        sqlx::raw_sql(&sql).execute(&server.db).await.unwrap();
    }
    let db = support_backend::db::connect(&runtime).await.unwrap();
    let page = support_backend::live::every_partners_sql();
    let mut read = db.read_as(support_backend::db::ALL_PARTNERS).await.unwrap();
    let plan: Vec<(String,)> =
        sqlx::query_as(&format!("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {page}"))
            .bind(30995_i64)
            .fetch_all(&mut *read)
            .await
            .unwrap();
    let plan: Vec<String> = plan.into_iter().map(|(line,)| line).collect();
    // Five events after 30995, each with its request: a few pages of
    // each index and table, not every entry of an index of 30,000.
    let pages = common::plans::pages_read(&plan);
    assert!(pages < 40, "{pages} pages: {plan:#?}");
}
