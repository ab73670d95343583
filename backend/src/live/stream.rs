//! `GET /events`: the changes to the requests the caller may read (by the
//! rules of `GET /support-requests/{id}`, [`access::may_read`]), as
//! Server-Sent Events, from the moment the stream opens or after the
//! `Last-Event-ID` the reader heard last. It starts with a `retry:`
//! ([`RETRY`]), and is admitted by [`admission`]. A comment keeps a quiet
//! stream open through proxies; the stream ends when the caller's token
//! expires, when a stop begins, when a newer stream of the same user takes
//! its place, and when its reader leaves [`WAITING`] events
//! untaken, or takes none for [`SLOW_READER`] while the stream catches up:
//! a slow reader is dropped rather than buffered for, and picks up again
//! from the database with `Last-Event-ID`.
//!
//! Each stream has a task that takes the process's events of the requests
//! the caller may read ([`access::readable`]) and hands them to the
//! stream. When that task falls behind the process (a burst of events), it
//! reads what it missed from the database, a page at a time, as fast as the
//! reader takes them: only the reader's own slowness ends a stream.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use futures_util::StreamExt;
use support_contract::{ErrorCode, FieldError};
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::sync::watch;
use tokio::time::Instant;

use super::admission::{self, Ticket};
use super::{Happened, Heard};
use crate::error::ApiError;
use crate::identity::access::{self, Readable};
use crate::identity::{Action, Caller};
use crate::partner::{desk, PartnerScope};
use crate::AppState;

/// The header a reader sends to pick up after the last event it heard.
pub const LAST_EVENT_ID: &str = "last-event-id";

/// How many events a stream holds that its reader has not taken: one who
/// leaves more is dropped.
pub const WAITING: usize = 64;

/// How long a stream that catches up from the database waits for its
/// reader to take an event: one who takes none for this long is dropped,
/// as one who leaves [`WAITING`] events untaken is.
pub const SLOW_READER: Duration = Duration::from_secs(5);

/// The `retry:` each stream starts with: how long a reader waits before
/// it opens the stream again after a cut (the widget backs off from it,
/// with jitter, so that a restart's readers do not all come back at once).
pub const RETRY: Duration = Duration::from_secs(5);

/// How often a quiet stream sends a comment: well within the minute after
/// which proxies and balancers commonly drop an idle connection.
pub const KEEP_ALIVE: Duration = Duration::from_secs(20);

/// Opens the caller's stream. The checks: the token (401, also for a token
/// already past its `exp`, which would end the stream at once), whether the
/// caller may follow requests at all (403), a `Last-Event-ID` that is no
/// event's number (400), room in the process (503, [`admission`]).
pub async fn follow(
    State(state): State<AppState>,
    caller: Caller,
    scope: PartnerScope,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    caller.may(Action::FollowRequests)?;
    let ends_at = match &caller {
        Caller::User(identity) => {
            let left = identity.expires_at.saturating_sub(unix_now());
            if left == 0 {
                return Err(ApiError::Unauthenticated);
            }
            Some(Instant::now() + Duration::from_secs(left))
        }
        _ => None,
    };
    let resume = last_event_id(&headers)?;
    // Subjects are the issuers': one partner's user is not another's.
    let user = (caller.filed_by()).map(|sub| format!("{}/{sub}", scope.partner()));
    let ticket = state.streams.admit(user.as_deref())?;
    // Listening before the newest is read: nothing falls in between. One
    // who reads nothing is refused by `may` above.
    let heard = state
        .live
        .subscribe(scope.partner(), access::readable(&caller))
        .ok_or(ApiError::Forbidden)?;
    let latest = super::latest(&state.db).await?;
    // An id past the newest (a database restored from a backup) starts at
    // the newest.
    let last = resume.filter(|&id| id <= latest).unwrap_or(latest);
    let follower = Follower {
        caller,
        scope,
        heard,
        last,
        catching_up: last < latest,
        ends_at,
        stop: state.stopping.watch(),
        ticket,
    };
    let (sender, waiting) = mpsc::channel(WAITING);
    tokio::spawn(follower.feed(sender));
    let events = futures_util::stream::unfold(waiting, |mut waiting| async move {
        loop {
            if let Some(event) = waiting.recv().await?.event() {
                return Some((Ok::<_, Infallible>(event), waiting));
            }
        }
    });
    // With where the stream starts, as an id without data: a reader who
    // hears nothing before it reconnects resumes from here, and hears what
    // happened while it was away.
    let start = Event::default().retry(RETRY).id(last.to_string());
    let events = futures_util::stream::once(std::future::ready(Ok(start))).chain(events);
    let stream =
        Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE).text("keep-alive"));
    // nginx passes each event on as it comes, whatever its configuration.
    Ok(([(ACCEL_BUFFERING, "no")], stream))
}

/// The header that tells nginx not to buffer a response.
const ACCEL_BUFFERING: &str = "x-accel-buffering";

/// The `Last-Event-ID` sent, if any: an event's number.
fn last_event_id(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(value) = headers.get(LAST_EVENT_ID) else {
        return Ok(None);
    };
    let bad = || ApiError::BadQuery(FieldError::new("Last-Event-ID", ErrorCode::InvalidValue));
    let text = value.to_str().map_err(|_| bad())?.trim();
    // An empty one is the standard's way to say "from now on".
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .filter(|id| *id >= 0)
        .map(Some)
        .ok_or_else(bad)
}

/// Now, in Unix seconds.
fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

/// What a stream's task hands to the stream: the caller's events, their
/// text written only as the stream sends them (what waits for a reader
/// holds no copy), or a new `retry:`.
enum Outgoing {
    Happened(Arc<Happened>),
    Retry(Duration),
}

impl Outgoing {
    /// The event to send: none if it cannot be written.
    fn event(self) -> Option<Event> {
        let happened = match self {
            Outgoing::Happened(happened) => happened,
            Outgoing::Retry(retry) => return Some(Event::default().retry(retry)),
        };
        let event = Event::default()
            .id(happened.seq.to_string())
            .event(&happened.event_type)
            .json_data(&happened.request);
        event
            .inspect_err(|error| tracing::warn!("live changes: event {}: {error}", happened.seq))
            .ok()
    }
}

/// Why a stream ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ended {
    /// The reader hung up, or a stop began.
    Gone,
    TokenExpired,
    /// A newer stream of the same user took its place.
    Replaced,
    SlowReader,
    /// The database failed.
    Error,
}

/// The task behind one open stream, and where it stands.
struct Follower {
    caller: Caller,
    scope: PartnerScope,
    heard: Heard,
    /// The number of the last event considered (sent, or not the caller's
    /// to read).
    last: i64,
    /// Whether events after `last` are to be read from the database rather
    /// than heard: a resume, or events that did not fit.
    catching_up: bool,
    ends_at: Option<Instant>,
    stop: watch::Receiver<bool>,
    /// Its place among the process's streams.
    ticket: Ticket,
}

impl Follower {
    /// Hands the caller's events to the stream until it ends.
    async fn feed(mut self, out: mpsc::Sender<Outgoing>) {
        let _open = Open::counted();
        let ended = self.follow(&out).await;
        let reason = match ended {
            Ended::Gone => return,
            Ended::TokenExpired => "token_expired",
            Ended::Replaced => {
                // Its browser comes back later, rather than ending the
                // user's next stream at once.
                let _ = out.try_send(Outgoing::Retry(admission::REPLACED_RETRY));
                "replaced"
            }
            Ended::SlowReader => "slow_reader",
            Ended::Error => "error",
        };
        crate::meter::event_stream_ended(reason);
    }

    async fn follow(&mut self, out: &mpsc::Sender<Outgoing>) -> Ended {
        loop {
            if *self.stop.borrow() {
                return Ended::Gone;
            }
            if self.heard.fell_behind() {
                self.catching_up = true;
            }
            if self.catching_up {
                if let Err(ended) = self.catch_up(out).await {
                    return ended;
                }
                continue;
            }
            let expiry = expiry(self.ends_at);
            tokio::select! {
                heard = self.heard.events.recv() => match heard {
                    // Read from the database already.
                    Some(happened) if happened.seq <= self.last => {}
                    Some(happened) => {
                        if !self.consider(&happened) {
                            continue;
                        }
                        match out.try_send(Outgoing::Happened(happened)) {
                            Ok(()) => {}
                            Err(TrySendError::Full(_)) => return Ended::SlowReader,
                            Err(TrySendError::Closed(_)) => return Ended::Gone,
                        }
                    }
                    None => return Ended::Gone,
                },
                () = expiry => return Ended::TokenExpired,
                () = self.ticket.replaced() => return Ended::Replaced,
                () = out.closed() => return Ended::Gone,
                _ = self.stop.changed() => return Ended::Gone,
            }
        }
    }

    /// Hands on a page of the events after `last` from the database, as
    /// fast as the reader takes them.
    async fn catch_up(&mut self, out: &mpsc::Sender<Outgoing>) -> Result<(), Ended> {
        // What is heard from now on follows the page; what was heard
        // until now is in it, or in the next.
        self.heard.fell_behind();
        let readable = access::readable(&self.caller);
        // Boxed: the query's state is held while it runs, not by every
        // stream's task all the time.
        let page = Box::pin(super::after(&self.scope, self.last, readable))
            .await
            .map_err(|error| {
                tracing::warn!("live changes: {error}");
                Ended::Error
            })?;
        self.catching_up = page.len() == super::PAGE as usize;
        for happened in page {
            if !self.consider(&happened) {
                continue;
            }
            let expiry = expiry(self.ends_at);
            tokio::select! {
                sent = out.send(Outgoing::Happened(Arc::new(happened))) => {
                    sent.map_err(|_| Ended::Gone)?;
                }
                () = tokio::time::sleep(SLOW_READER) => return Err(Ended::SlowReader),
                () = expiry => return Err(Ended::TokenExpired),
                () = self.ticket.replaced() => return Err(Ended::Replaced),
                _ = self.stop.changed() => return Err(Ended::Gone),
            }
        }
        Ok(())
    }

    /// Whether to send `happened`, the next one after `last`: not when
    /// the caller may not hear of it.
    fn consider(&mut self, happened: &Happened) -> bool {
        self.last = happened.seq;
        may_hear(&self.caller, self.scope.partner(), happened)
    }
}

/// Whether `caller`, whose stream is `partner`'s, may hear of `happened`:
/// of their own partner's requests only (21Vianet's desk, of those it
/// hears of, [`desk::hears`]), and of those they may read
/// ([`access::may_read`]). The process hands each stream, and the
/// database replays to it, only what it may hear of already; this holds
/// whatever they do.
fn may_hear(caller: &Caller, partner: &str, happened: &Happened) -> bool {
    let whose = match access::readable(caller) {
        Readable::Desk => desk::hears(&happened.partner, happened.request.kind),
        _ => happened.partner == partner,
    };
    whose && access::may_read(caller, happened.filed_by.as_deref())
}

/// Completes when the token expires, if it does.
async fn expiry(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Counts a stream among the open ones for as long as it lives.
struct Open;

impl Open {
    fn counted() -> Open {
        crate::meter::event_streams_open(1.0);
        Open
    }
}

impl Drop for Open {
    fn drop(&mut self) {
        crate::meter::event_streams_open(-1.0);
    }
}

#[cfg(test)]
mod tests {
    use support_contract::{RequestKind, RequestStatus};

    use super::*;
    use crate::identity::{Identity, Role};
    use crate::live::ChangedRequest;

    const KINDS: [RequestKind; 3] = [
        RequestKind::PartnerCenter,
        RequestKind::Customer,
        RequestKind::CustomerSelfService,
    ];

    fn user(role: Role, partner: &str) -> Caller {
        Caller::User(Identity {
            sub: "u1".into(),
            name: None,
            email: None,
            role: Some(role),
            customer_id: None,
            expires_at: u64::MAX,
            partner: partner.into(),
        })
    }

    /// An event of a request of `partner`'s of `kind` that someone else
    /// filed.
    fn event(partner: &str, kind: RequestKind) -> Happened {
        Happened {
            seq: 1,
            event_type: "request.created".into(),
            request: ChangedRequest {
                id: "r1".into(),
                reference: "SR-000001".into(),
                kind,
                status: RequestStatus::Submitted,
            },
            filed_by: Some("someone".into()),
            partner: partner.into(),
        }
    }

    /// The desk hears of every request of the default partner's and of
    /// every partner's requests to 21Vianet, never of a partner's
    /// customers' messages to it, whatever hands them to its stream.
    #[test]
    fn the_desk_hears_of_what_it_works_on_only() {
        let desk = user(Role::Agent, "default");
        assert!(desk.is_desk());
        for kind in KINDS {
            assert!(may_hear(&desk, "default", &event("default", kind)));
            let works_on = kind != RequestKind::CustomerSelfService;
            assert_eq!(
                may_hear(&desk, "default", &event("alpha", kind)),
                works_on,
                "{kind:?}"
            );
        }
    }

    /// Everyone else hears of their own partner's requests only: a
    /// partner's agent is not the desk.
    #[test]
    fn the_others_hear_of_their_own_partners_requests_only() {
        for caller in [user(Role::Partner, "alpha"), user(Role::Agent, "alpha")] {
            for kind in KINDS {
                assert!(may_hear(&caller, "alpha", &event("alpha", kind)));
                assert!(!may_hear(&caller, "alpha", &event("beta", kind)));
                assert!(!may_hear(&caller, "alpha", &event("default", kind)));
            }
        }
    }
}
