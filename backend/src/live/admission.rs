//! Who may open a stream of `GET /events`, so that no one user can hold the
//! process's connections, and the process holds no more than its open-file
//! limit allows.
//!
//! A user (a token's subject) holds at most [`Limits::per_user`] streams:
//! one per browser needs no more. A new one ends that user's oldest, rather
//! than being refused: a browser whose connection died without a word (a
//! phone gone to sleep) leaves a stream that looks open for many minutes,
//! and the user's new browser must not wait for it. The stream ended hears
//! [`REPLACED_RETRY`] as its `retry:`, so its browser waits (polling
//! meanwhile) before it comes back, and two browsers of one user over the
//! cap take turns once a minute rather than ending each other's stream at
//! every reconnect. An open backend (`--no-auth`) knows no users: only the
//! process's cap holds there.
//!
//! Beyond [`Limits::total`] streams in the process, a new one is refused
//! with 503 and `Retry-After`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::oneshot;

use crate::error::ApiError;

/// The streams one user may hold by default.
pub const DEFAULT_PER_USER: u32 = 4;

/// The `retry:` a stream ended for a newer one of its user hears: its
/// browser comes back after this long, and then ends the user's next
/// oldest stream, if any, so a user over the cap loses one stream a minute.
pub const REPLACED_RETRY: Duration = Duration::from_secs(60);

/// The `Retry-After` of a stream refused because the process holds
/// [`Limits::total`] already.
pub const BUSY_RETRY_AFTER_SECS: u64 = 10;

/// The share of the open-file limit that streams may take by default: the
/// rest is for the database's connections, the other requests, uploads and
/// the log.
const SHARE_OF_OPEN_FILES: (u64, u64) = (3, 4);

/// How many streams may be open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// By one user.
    pub per_user: usize,
    /// In this process.
    pub total: usize,
}

/// The default of [`Limits::total`]: three quarters of the open-file limit
/// (`RLIMIT_NOFILE`'s soft limit) the process has now, each stream being a
/// connection and so a file.
pub fn default_total() -> usize {
    let (share, of) = SHARE_OF_OPEN_FILES;
    let open_files = open_file_limit().unwrap_or(1024);
    usize::try_from(open_files.saturating_mul(share) / of).unwrap_or(usize::MAX)
}

/// The process's open-file limit, if it has one.
pub fn open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        rustix::process::getrlimit(rustix::process::Resource::Nofile).current
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The streams open in this process, by user. Cloned, it is the same.
#[derive(Clone, Debug)]
pub struct Admission {
    limits: Limits,
    held: Arc<Mutex<Held>>,
}

#[derive(Debug, Default)]
struct Held {
    /// All open streams.
    total: usize,
    /// Each user's, oldest first.
    by_user: HashMap<String, Vec<Holder>>,
    /// The number of the next ticket.
    next: u64,
}

/// A user's open stream, and how to end it.
#[derive(Debug)]
struct Holder {
    ticket: u64,
    end: oneshot::Sender<()>,
}

/// One admitted stream: counted until dropped.
#[derive(Debug)]
pub struct Ticket {
    held: Arc<Mutex<Held>>,
    user: Option<String>,
    number: u64,
    /// `None` for a stream of no user, which nothing replaces.
    replaced: Option<oneshot::Receiver<()>>,
}

impl Admission {
    pub fn new(limits: Limits) -> Admission {
        Admission {
            limits,
            held: Arc::default(),
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Admits a stream of `user` (`None` on an open backend), ending that
    /// user's oldest stream if they hold [`Limits::per_user`] already; 503
    /// when the process holds [`Limits::total`].
    pub fn admit(&self, user: Option<&str>) -> Result<Ticket, ApiError> {
        let mut held = lock(&self.held);
        let Held {
            total,
            by_user,
            next,
        } = &mut *held;
        let mut replacing = false;
        if let Some(user) = user {
            let per_user = self.limits.per_user;
            if let Some(streams) = by_user
                .get_mut(user)
                .filter(|streams| streams.len() >= per_user)
            {
                for oldest in streams.drain(..=streams.len() - per_user) {
                    // Its stream may have ended on its own meanwhile.
                    let _ = oldest.end.send(());
                }
                replacing = true;
            }
        }
        // Ending one's own oldest frees a place: the process's cap does not
        // refuse that (the stream ended counts until its task lets it go).
        if !replacing && *total >= self.limits.total {
            crate::meter::event_stream_refused("process");
            return Err(ApiError::TooManyStreams {
                retry_after_secs: BUSY_RETRY_AFTER_SECS,
            });
        }
        let number = *next;
        *next += 1;
        *total += 1;
        let replaced = user.map(|user| {
            let (end, replaced) = oneshot::channel();
            let holder = Holder {
                ticket: number,
                end,
            };
            by_user.entry(user.to_owned()).or_default().push(holder);
            replaced
        });
        Ok(Ticket {
            held: self.held.clone(),
            user: user.map(str::to_owned),
            number,
            replaced,
        })
    }

    /// How many streams are open.
    pub fn open(&self) -> usize {
        lock(&self.held).total
    }
}

/// The lock, even if a thread panicked while holding it: the counts stay
/// whole, as each change is one statement.
fn lock(held: &Mutex<Held>) -> MutexGuard<'_, Held> {
    held.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Ticket {
    /// Completes when a newer stream of the same user took this one's
    /// place.
    pub async fn replaced(&mut self) {
        match &mut self.replaced {
            // An error too: the sender went with its holder, at a
            // replacement.
            Some(replaced) => {
                let _ = replaced.await;
            }
            None => std::future::pending().await,
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut held = lock(&self.held);
        held.total -= 1;
        let Some(user) = &self.user else {
            return;
        };
        if let Some(streams) = held.by_user.get_mut(user) {
            streams.retain(|holder| holder.ticket != self.number);
            if streams.is_empty() {
                held.by_user.remove(user);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    use super::*;

    fn admission(per_user: usize, total: usize) -> Admission {
        Admission::new(Limits { per_user, total })
    }

    /// Whether the ticket was replaced, without waiting.
    fn replaced(ticket: &mut Ticket) -> bool {
        let mut context = Context::from_waker(Waker::noop());
        let waiting = std::pin::pin!(ticket.replaced());
        waiting.poll(&mut context) == Poll::Ready(())
    }

    #[test]
    fn a_users_new_stream_beyond_the_cap_replaces_their_oldest() {
        let streams = admission(2, 10);
        let mut first = streams.admit(Some("u1")).unwrap();
        let mut second = streams.admit(Some("u1")).unwrap();
        let mut other = streams.admit(Some("u2")).unwrap();
        assert!(!replaced(&mut first));
        let mut third = streams.admit(Some("u1")).unwrap();
        assert!(replaced(&mut first));
        assert!(![&mut second, &mut third, &mut other]
            .into_iter()
            .any(replaced));
        // The one replaced counts until it lets go.
        assert_eq!(streams.open(), 4);
        drop(first);
        assert_eq!(streams.open(), 3);
        let _fourth = streams.admit(Some("u1")).unwrap();
        assert!(replaced(&mut second));
    }

    #[test]
    fn the_process_refuses_beyond_its_cap_but_for_a_replacement() {
        let streams = admission(2, 2);
        let _open = streams.admit(None).unwrap();
        let first = streams.admit(Some("u1")).unwrap();
        assert!(matches!(
            streams.admit(Some("u2")),
            Err(ApiError::TooManyStreams { .. })
        ));
        assert!(streams.admit(None).is_err());
        assert!(streams.admit(Some("u1")).is_err());
        // Nothing is held for a refused user.
        assert!(!lock(&streams.held).by_user.contains_key("u2"));
        drop(first);
        streams.admit(Some("u2")).unwrap();
    }

    #[test]
    fn a_stream_of_no_user_is_never_replaced() {
        let streams = admission(1, 10);
        let mut open = streams.admit(None).unwrap();
        let _more = [streams.admit(None).unwrap(), streams.admit(None).unwrap()];
        assert!(!replaced(&mut open));
        assert_eq!(streams.open(), 3);
    }
}
