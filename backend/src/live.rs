//! Live changes: each event of a request (filed, a reply, a status change)
//! is stored in `request_events` by the transaction that makes it happen,
//! and reaches the streams of `GET /events` ([`stream`]) held on every
//! backend process. On PostgreSQL that transaction also sends a `NOTIFY`,
//! which PostgreSQL delivers at its commit to each process's one listener;
//! on SQLite, whose writers are one process, the handler wakes the process
//! after the commit, and a look every few seconds finds what the
//! `set-status` command wrote. Either way each process reads the new
//! events once and hands each to the streams that may read it only (the
//! staff's, and its filer's): an event wakes one task per reader, not
//! every stream the process holds.

pub mod admission;
pub mod stream;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;
use sqlx::AnyConnection;
use support_contract::{RequestKind, RequestStatus};
use tokio::sync::{mpsc, watch, Notify};

use crate::db::{Db, ALL_PARTNERS};
use crate::dialect::Dialect;
use crate::error::ApiError;
use crate::identity::access::Readable;
use crate::outbox::EventType;
use crate::partner::{desk, PartnerScope, DEFAULT_PARTNER};

/// The PostgreSQL channel that tells of a new event; its payload is the
/// event's number.
pub const CHANNEL: &str = "support_request_events";

/// How many events a process keeps for each stream's task to take: a task
/// that falls further behind reads what it missed from the database.
pub const BUFFERED: usize = 64;

/// How many events are read from the database at once.
pub const PAGE: i64 = 100;

/// How often a process on SQLite looks for events another process wrote
/// (the `set-status` command): it is woken at once for its own.
const SQLITE_LOOK_EVERY: Duration = Duration::from_secs(5);

/// How long a process waits before it listens again when the listener
/// could not be had (PostgreSQL restarting), looking for events meanwhile
/// at the same pace.
const LISTEN_AGAIN_AFTER: Duration = Duration::from_secs(5);

/// One event as the streams send it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Happened {
    /// Its number: the stream's event `id`, the `Last-Event-ID` to resume
    /// after.
    pub seq: i64,
    /// `request.created`, `request.reply_added` or `request.status_changed`.
    pub event_type: String,
    /// Its data.
    pub request: ChangedRequest,
    /// Who filed the request: who may read it is decided by that.
    pub filed_by: Option<String>,
    /// Whose request it is: only that partner's streams hear of it.
    pub partner: String,
}

/// What an event tells of its request: enough for a list to show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangedRequest {
    pub id: String,
    pub reference: String,
    pub kind: RequestKind,
    pub status: RequestStatus,
}

/// A process's side of the live changes: its streams, by whose requests
/// they read, and what wakes it.
#[derive(Clone, Debug, Default)]
pub struct Live {
    followers: Arc<Mutex<Followers>>,
    wake: Arc<Notify>,
}

/// The streams' tasks that take the process's events, by partner.
#[derive(Debug, Default)]
struct Followers {
    /// The next one's number.
    next: u64,
    /// Those that read every request of a partner.
    every: HashMap<String, Vec<Slot>>,
    /// Those that read what one subject filed (`None`: without a token),
    /// by partner and subject.
    by_filer: HashMap<(String, Option<String>), Vec<Slot>>,
    /// 21Vianet's desk's ([`Readable::Desk`]).
    desk: Vec<Slot>,
}

/// Which slots a stream's task is among: every request of a partner's, or
/// one subject's of a partner's.
#[derive(Debug)]
enum FollowerKey {
    Every(String),
    FiledBy((String, Option<String>)),
    Desk,
}

/// Where one stream's task takes its events from.
#[derive(Debug)]
struct Slot {
    number: u64,
    events: mpsc::Sender<Arc<Happened>>,
    /// Set when an event did not fit: the task then reads the database.
    behind: Arc<AtomicBool>,
}

/// The events a stream's task may read, from its subscription on: those
/// the process handed on, and whether one did not fit. Ends the
/// subscription when dropped.
#[derive(Debug)]
pub struct Heard {
    pub events: mpsc::Receiver<Arc<Happened>>,
    behind: Arc<AtomicBool>,
    live: Live,
    key: FollowerKey,
    number: u64,
}

impl Heard {
    /// Whether an event was left out since the last call: everything
    /// handed on until now is in the database, and what is still waiting
    /// may be dropped.
    pub fn fell_behind(&mut self) -> bool {
        let behind = self.behind.swap(false, Ordering::AcqRel);
        if behind {
            while self.events.try_recv().is_ok() {}
        }
        behind
    }
}

impl Drop for Heard {
    fn drop(&mut self) {
        let mut followers = self.live.followers();
        let slots = match &self.key {
            FollowerKey::Every(partner) => followers.every.get_mut(partner),
            FollowerKey::FiledBy(filer) => followers.by_filer.get_mut(filer),
            FollowerKey::Desk => Some(&mut followers.desk),
        };
        if let Some(slots) = slots {
            slots.retain(|slot| slot.number != self.number);
            if slots.is_empty() {
                match &self.key {
                    FollowerKey::Every(partner) => followers.every.remove(partner),
                    FollowerKey::FiledBy(filer) => followers.by_filer.remove(filer),
                    FollowerKey::Desk => None,
                };
            }
        }
    }
}

impl Live {
    /// Tells this process that an event was committed.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    fn followers(&self) -> MutexGuard<'_, Followers> {
        // A panic while the lock was held left nothing half-done: a slot
        // is pushed or removed whole.
        self.followers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The events of the requests of `partner`'s that `readable` names,
    /// handed on from now on; `None` for a reader who reads nothing.
    pub fn subscribe(&self, partner: &str, readable: Readable<'_>) -> Option<Heard> {
        let partner = partner.to_owned();
        let key = match readable {
            Readable::Every => FollowerKey::Every(partner),
            Readable::FiledBy(filer) => FollowerKey::FiledBy((partner, filer.map(str::to_owned))),
            Readable::Desk => FollowerKey::Desk,
            Readable::Nothing => return None,
        };
        let (sender, events) = mpsc::channel(BUFFERED);
        let behind = Arc::new(AtomicBool::new(false));
        let mut followers = self.followers();
        let number = followers.next;
        followers.next += 1;
        let slot = Slot {
            number,
            events: sender,
            behind: behind.clone(),
        };
        match &key {
            FollowerKey::Every(partner) => followers
                .every
                .entry(partner.clone())
                .or_default()
                .push(slot),
            FollowerKey::FiledBy(filer) => followers
                .by_filer
                .entry(filer.clone())
                .or_default()
                .push(slot),
            FollowerKey::Desk => followers.desk.push(slot),
        }
        drop(followers);
        Some(Heard {
            events,
            behind,
            live: self.clone(),
            key,
            number,
        })
    }

    /// Hands `happened` to the streams of its partner's that may read it.
    fn hand(&self, followers: &Followers, happened: &Arc<Happened>) {
        // One key per event: the lookup needs owned strings.
        let filer = (happened.partner.clone(), happened.filed_by.clone());
        let every = followers.every.get(&happened.partner);
        let filers = followers.by_filer.get(&filer);
        let for_the_desk = desk::hears(&happened.partner, happened.request.kind);
        let desk_slots = for_the_desk.then_some(&followers.desk);
        let slots = every.into_iter().flatten();
        let slots = slots.chain(filers.into_iter().flatten());
        for slot in slots.chain(desk_slots.into_iter().flatten()) {
            if let Err(mpsc::error::TrySendError::Full(_)) = slot.events.try_send(happened.clone())
            {
                slot.behind.store(true, Ordering::Release);
            }
        }
    }

    /// Reads the events written after the last one handed on, whenever
    /// woken (by this process, by PostgreSQL's listener or by the clock),
    /// and hands them to the streams, until `stop` turns true.
    /// `database_url` is for the listener on PostgreSQL.
    pub fn spawn(
        &self,
        db: Db,
        database_url: String,
        mut stop: watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        let live = self.clone();
        tokio::spawn(async move {
            let listener = (db.dialect() == Dialect::Postgres)
                .then(|| tokio::spawn(listen(database_url, live.wake.clone())));
            let look_every = match db.dialect() {
                Dialect::Sqlite => SQLITE_LOOK_EVERY,
                // The listener wakes it, and on losing its connection too.
                Dialect::Postgres => Duration::MAX,
            };
            let mut last = match latest(&db).await {
                Ok(last) => last,
                Err(error) => {
                    tracing::warn!("live changes: {error}");
                    0
                }
            };
            while !*stop.borrow() {
                match live.hand_on(&db, last).await {
                    Ok(handed) => last = handed,
                    Err(error) => tracing::warn!("live changes: {error}"),
                }
                tokio::select! {
                    () = live.wake.notified() => {}
                    () = tokio::time::sleep(look_every) => {}
                    _ = stop.changed() => {}
                }
            }
            if let Some(listener) = listener {
                listener.abort();
            }
        })
    }

    /// Hands the events after `last` to the streams; the number of the
    /// last one handed on.
    async fn hand_on(&self, db: &Db, mut last: i64) -> Result<i64, sqlx::Error> {
        loop {
            let page = after_every_partners(db, last).await?;
            let full = page.len() == PAGE as usize;
            let followers = self.followers();
            for happened in page {
                last = happened.seq;
                self.hand(&followers, &Arc::new(happened));
            }
            drop(followers);
            if !full {
                return Ok(last);
            }
        }
    }
}

/// The process's one PostgreSQL listener: wakes the process at each
/// notification, and when the connection was lost and made again (what
/// was notified meanwhile is in the table all the same).
async fn listen(database_url: String, wake: Arc<Notify>) {
    use sqlx::postgres::PgListener;
    loop {
        let listening: Result<std::convert::Infallible, sqlx::Error> = async {
            let mut listener = PgListener::connect(&database_url).await?;
            listener.listen(CHANNEL).await?;
            // Anything written while nobody listened.
            wake.notify_one();
            loop {
                // `None`: the connection was lost and is made again.
                listener.try_recv().await?;
                wake.notify_one();
            }
        }
        .await;
        let error = match listening {
            Ok(never) => match never {},
            Err(error) => error,
        };
        tracing::warn!("live changes: cannot listen to PostgreSQL: {error}");
        tokio::time::sleep(LISTEN_AGAIN_AFTER).await;
        wake.notify_one();
    }
}

/// Stores `event_type` about the request with this id, as it is now in the
/// transaction on `conn`, caused by `actor` (a token's subject), notes
/// whether it awaits a reply (`awaiting_reply_seq`, which the unread count
/// reads), and on PostgreSQL notifies every process at the commit. The event takes the
/// next number and holds the counter until the transaction ends, so events
/// commit in the order of their numbers.
pub async fn record(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    event_type: EventType,
    request_id: &str,
    actor: Option<&str>,
) -> Result<(), ApiError> {
    let (seq,): (i64,) = sqlx::query_as(
        "UPDATE request_event_counter SET last = last + 1 WHERE id = 1 RETURNING last",
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO request_events
             (partner_id, seq, request_id, event_type, status, actor, created_at)
         SELECT partner_id, $1, id, $2, status, $3, $4 FROM support_requests
         WHERE partner_id = $6 AND id = $5",
    )
    .bind(seq)
    .bind(event_type.as_str())
    .bind(actor)
    .bind(crate::outbox::now_ms())
    .bind(request_id)
    .bind(scope.partner())
    .execute(&mut *conn)
    .await?;
    // Whose turn it is: the filer's event awaits a reply until someone
    // else acts (an event without an actor is the filer's only on a
    // request filed without a token).
    sqlx::query(
        "UPDATE support_requests SET awaiting_reply_seq =
             CASE WHEN COALESCE(filed_by, '') = COALESCE($2, '') THEN $1 ELSE NULL END
         WHERE partner_id = $4 AND id = $3",
    )
    .bind(seq)
    .bind(actor)
    .bind(request_id)
    .bind(scope.partner())
    .execute(&mut *conn)
    .await?;
    if scope.db().dialect() == Dialect::Postgres {
        // A number, so nothing to quote: NOTIFY takes no parameters.
        sqlx::query(&format!("NOTIFY {CHANNEL}, '{seq}'"))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The number of the newest event (0 before any).
pub async fn latest(db: &Db) -> Result<i64, sqlx::Error> {
    let (last,): (i64,) = sqlx::query_as("SELECT last FROM request_event_counter WHERE id = 1")
        .fetch_one(&mut *db.acquire().await?)
        .await?;
    Ok(last)
}

/// The columns of an event as [`happened`] reads them.
const COLUMNS: &str =
    "e.seq, e.event_type, e.status, r.id, r.reference, r.kind, r.filed_by, r.partner_id";

/// Up to a page of every partner's events after `seq`, oldest first: what
/// a process hands on to its streams, each to its own partner's.
async fn after_every_partners(db: &Db, seq: i64) -> Result<Vec<Happened>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&every_partners_sql())
        .bind(seq)
        .fetch_all(&mut *db.read_as(ALL_PARTNERS).await?)
        .await?;
    rows.into_iter().map(happened).collect()
}

/// The statement of [`after_every_partners`], its `seq` `$1`. Every
/// process runs it each time events are written, so it must find the new
/// events through an index on `seq`, never read the whole table.
pub fn every_partners_sql() -> String {
    format!(
        "SELECT {COLUMNS}
         FROM request_events e
         JOIN support_requests r ON r.partner_id = e.partner_id AND r.id = e.request_id
         WHERE e.seq > $1 ORDER BY e.seq LIMIT {PAGE}"
    )
}

/// Up to a page of the events after `seq` of the partner's requests that
/// `readable` names, oldest first.
pub async fn after(
    scope: &PartnerScope,
    seq: i64,
    readable: Readable<'_>,
) -> Result<Vec<Happened>, sqlx::Error> {
    let filer = match readable {
        Readable::Every => "TRUE",
        Readable::FiledBy(Some(_)) => "r.filed_by = $3",
        Readable::FiledBy(None) => "r.filed_by IS NULL",
        Readable::Desk => return after_for_the_desk(scope.db(), seq).await,
        Readable::Nothing => return Ok(Vec::new()),
    };
    // The plain filtered page. (A page from each of the filer's requests
    // in a correlated subquery read as fast on SQLite, but PostgreSQL ran
    // it once per event of the request: a second a page for a request of
    // 80,000 events.)
    let theirs = format!(
        "SELECT {COLUMNS}
         FROM request_events e
         JOIN support_requests r ON r.partner_id = e.partner_id AND r.id = e.request_id
         WHERE e.partner_id = $2 AND {filer} AND e.seq > $1
         ORDER BY e.seq LIMIT {PAGE}"
    );
    let mut query = sqlx::query_as(&theirs).bind(seq).bind(scope.partner());
    if let Readable::FiledBy(Some(filer)) = readable {
        query = query.bind(filer);
    }
    let rows: Vec<Row> = query.fetch_all(&mut *scope.acquire().await?).await?;
    rows.into_iter().map(happened).collect()
}

/// Up to a page of the events after `seq` that 21Vianet's desk reads:
/// every event of the default partner's, and of every partner's requests
/// to 21Vianet, oldest first.
async fn after_for_the_desk(db: &Db, seq: i64) -> Result<Vec<Happened>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS}
         FROM request_events e
         JOIN support_requests r ON r.partner_id = e.partner_id AND r.id = e.request_id
         WHERE (e.partner_id = $2 OR r.kind IN ($3, $4)) AND e.seq > $1
         ORDER BY e.seq LIMIT {PAGE}"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(seq)
        .bind(DEFAULT_PARTNER)
        .bind(desk::KINDS[0].as_str())
        .bind(desk::KINDS[1].as_str())
        .fetch_all(&mut *db.read_as(ALL_PARTNERS).await?)
        .await?;
    rows.into_iter().map(happened).collect()
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
);

/// An event as read.
fn happened(row: Row) -> Result<Happened, sqlx::Error> {
    let (seq, event_type, status, id, reference, kind, filed_by, partner) = row;
    let broken = || sqlx::Error::Decode(format!("event {seq} does not parse").into());
    Ok(Happened {
        seq,
        event_type,
        request: ChangedRequest {
            kind: RequestKind::parse(&kind).ok_or_else(broken)?,
            status: RequestStatus::parse(&status).ok_or_else(broken)?,
            id,
            reference,
        },
        filed_by,
        partner,
    })
}
