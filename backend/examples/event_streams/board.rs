//! What the bench knows of every stream: the replies posted to its user's
//! request and those heard on it, every event's number (none twice, none
//! of another user's requests), whether it is open, and the time from each
//! reply's `201` to its event.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::reader::Event;

/// One stream's count.
#[derive(Default)]
struct Tally {
    /// When each reply posted and not heard yet was answered `201`.
    waiting: VecDeque<Instant>,
    /// Replies heard before their `201` came back.
    early: usize,
    posted: u64,
    heard: u64,
    /// Events heard again (a number not above the last one heard).
    twice: u64,
    /// Events of a request that is not this user's.
    foreign: u64,
    last_id: Option<i64>,
}

/// Every stream's count, shared by the readers and the posters.
pub struct Board {
    /// The request each stream's user filed.
    requests: Vec<String>,
    tallies: Vec<Mutex<Tally>>,
    open: AtomicUsize,
    refused: AtomicUsize,
    latencies: Mutex<Vec<Duration>>,
}

/// What the board found wrong, summed over the streams.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Faults {
    /// Replies posted but not heard yet.
    pub missing: u64,
    pub twice: u64,
    pub foreign: u64,
}

impl Board {
    pub fn new(requests: Vec<String>) -> Board {
        let tallies = requests.iter().map(|_| Mutex::default()).collect();
        Board {
            requests,
            tallies,
            open: AtomicUsize::new(0),
            refused: AtomicUsize::new(0),
            latencies: Mutex::new(Vec::new()),
        }
    }

    fn tally(&self, index: usize) -> std::sync::MutexGuard<'_, Tally> {
        self.tallies[index]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn request(&self, index: usize) -> &str {
        &self.requests[index]
    }

    pub fn streams(&self) -> usize {
        self.requests.len()
    }

    /// How many streams are open now.
    pub fn open(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }

    /// How many openings were refused so far.
    pub fn refusals(&self) -> usize {
        self.refused.load(Ordering::SeqCst)
    }

    pub fn last_id(&self, index: usize) -> Option<i64> {
        self.tally(index).last_id
    }

    pub fn opened(&self) {
        self.open.fetch_add(1, Ordering::SeqCst);
    }

    pub fn closed(&self) {
        self.open.fetch_sub(1, Ordering::SeqCst);
    }

    pub fn refused(&self, index: usize, status: u16) {
        let count = self.refused.fetch_add(1, Ordering::SeqCst);
        if count < 5 {
            eprintln!("  stream {index}: GET /events answered {status}");
        }
    }

    /// A reply to stream `index`'s request was answered `201`.
    pub fn posted(&self, index: usize) {
        let now = Instant::now();
        let mut tally = self.tally(index);
        tally.posted += 1;
        if tally.early > 0 {
            tally.early -= 1;
            drop(tally);
            self.latency(Duration::ZERO);
        } else {
            tally.waiting.push_back(now);
        }
    }

    /// An event came on stream `index`.
    pub fn heard(&self, index: usize, event: Event) {
        let now = Instant::now();
        let request = serde_json::from_str::<Value>(&event.data)
            .ok()
            .and_then(|data| data["id"].as_str().map(str::to_owned));
        let mut tally = self.tally(index);
        let id = event.id.as_deref().and_then(|id| id.parse::<i64>().ok());
        if event.data.is_empty() {
            // Where the stream stands: nothing heard.
            tally.last_id = tally.last_id.max(id);
            return;
        }
        if let Some(id) = id {
            if tally.last_id.is_some_and(|last| id <= last) {
                tally.twice += 1;
                return;
            }
            tally.last_id = Some(id);
        }
        if request.as_deref() != Some(self.requests[index].as_str()) {
            tally.foreign += 1;
            return;
        }
        if event.kind != "request.reply_added" {
            return;
        }
        tally.heard += 1;
        match tally.waiting.pop_front() {
            Some(answered) => {
                drop(tally);
                self.latency(now.saturating_duration_since(answered));
            }
            None => tally.early += 1,
        }
    }

    fn latency(&self, took: Duration) {
        self.latencies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(took);
    }

    /// The latencies recorded since the last call, sorted.
    pub fn take_latencies(&self) -> Vec<Duration> {
        let mut taken = std::mem::take(
            &mut *self
                .latencies
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        taken.sort();
        taken
    }

    /// What is wrong now, over all streams.
    pub fn faults(&self) -> Faults {
        let mut faults = Faults::default();
        for index in 0..self.streams() {
            let tally = self.tally(index);
            faults.missing += tally.posted.saturating_sub(tally.heard);
            faults.twice += tally.twice + tally.heard.saturating_sub(tally.posted);
            faults.foreign += tally.foreign;
        }
        faults
    }
}
