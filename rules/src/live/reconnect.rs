//! When the stream is tried again after it ends, so that no two clients
//! come back together (after a deploy, every client's stream ends at once).
//!
//! Every wait is drawn with full jitter, applied after the cap
//! ([`full_jitter`]): uniformly from 0 up to `min(cap, base × 2ⁿ)`, where
//! `n` counts the tries since the stream was last held.
//!
//! - A stream that was held, then ended, or one that could not be reached,
//!   is tried again from a base of 1 s, up to 15 s: low enough that ten
//!   thousand clients are all back within 30 s of a restart of a few
//!   seconds (`scripts/bench-load`), whose tail the cap sets.
//! - The server's `retry:` field is honoured as the base, never below the
//!   widget's own 1 s (a smaller window would only bunch the clients
//!   together) and raising the cap with it: a backend that asks for 10 s
//!   spreads its clients' first tries over 10 s.
//! - A stream that was refused (a proxy's 502, an answer that is not a
//!   stream, one that a proxy buffers) is not worth trying often: the widget
//!   looks again at what the screens show instead, and tries the stream
//!   once more, from a base of 30 s up to 5 minutes.
//!
//! ```
//! use std::time::Duration;
//! use support_rules::live::reconnect::{Ended, Reconnect};
//!
//! let mut reconnect = Reconnect::default();
//! // Held, then ended: back within the first second, anywhere in it.
//! let next = reconnect.after(Ended::Held, true, 0.5);
//! assert_eq!(next.wait, Duration::from_millis(500));
//! ```

use std::time::Duration;

use crate::retry::full_jitter;

/// The first window of a stream tried again, unless the server asks for a
/// longer one.
pub const STREAM_BASE: Duration = Duration::from_secs(1);
/// The longest window of a stream tried again, unless the server's
/// `retry:` is longer.
pub const STREAM_CAP: Duration = Duration::from_secs(15);
/// The first window after a refused stream.
pub const POLL_BASE: Duration = Duration::from_secs(30);
/// The longest window after refused streams.
pub const POLL_CAP: Duration = Duration::from_secs(300);

/// How a stream ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// It was held (bytes came), then ended: the token expired, the backend
    /// stopped, the connection went.
    Held,
    /// No answer: the backend could not be reached, or the connection went
    /// before anything came.
    Cut,
    /// Answered, but not with a stream (a refusal, a proxy's error page), or
    /// silent for too long (a proxy that buffers it).
    Refused,
}

/// What to do before the next try.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Next {
    pub wait: Duration,
    /// Whether the screens read again what they show, once the wait is
    /// over: the stream cannot tell them what changed meanwhile.
    pub look_again: bool,
}

/// The tries since the stream was last held, and the server's `retry:`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reconnect {
    tries: u32,
    asked: Option<Duration>,
}

impl Reconnect {
    /// The server's `retry:`, if the stream that ended carried one: it
    /// stays until another replaces it.
    pub fn asked(&mut self, retry: Option<Duration>) {
        self.asked = retry.or(self.asked);
    }

    /// When to try again after a stream `ended`; `resumable` if it can be
    /// picked up after an event heard (`Last-Event-ID`), and `random` a
    /// number in `[0, 1)`.
    pub fn after(&mut self, ended: Ended, resumable: bool, random: f64) -> Next {
        if ended == Ended::Held {
            self.tries = 0;
        }
        let n = self.tries;
        self.tries = self.tries.saturating_add(1);
        match ended {
            Ended::Held | Ended::Cut => {
                let base = STREAM_BASE.max(self.asked.unwrap_or_default());
                Next {
                    wait: full_jitter(base, STREAM_CAP.max(base), n, random),
                    // With no event heard there is nothing to resume after.
                    look_again: !resumable,
                }
            }
            Ended::Refused => Next {
                wait: full_jitter(POLL_BASE, POLL_CAP, n, random),
                look_again: true,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALMOST_ONE: f64 = 1.0 - f64::EPSILON;

    fn ceilings(ended: &[Ended]) -> Vec<u64> {
        let mut reconnect = Reconnect::default();
        let ms = |next: Next| (next.wait.as_secs_f64() * 1000.0).round() as u64;
        ended
            .iter()
            .map(|&ended| ms(reconnect.after(ended, true, ALMOST_ONE)))
            .collect()
    }

    #[test]
    fn tries_double_their_window_up_to_15_seconds_and_a_held_stream_starts_over() {
        use Ended::*;
        let tries = [Held, Cut, Cut, Cut, Cut, Cut, Cut, Cut, Held, Cut];
        assert_eq!(
            ceilings(&tries),
            [1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000, 1_000, 2_000]
        );
    }

    #[test]
    fn the_jitter_is_drawn_after_the_cap_over_the_whole_window() {
        let mut reconnect = Reconnect::default();
        for _ in 0..10 {
            reconnect.after(Ended::Cut, true, 0.0);
        }
        // Past the cap, a half draw is half the cap, not half of 2¹⁰ s.
        let next = reconnect.after(Ended::Cut, true, 0.5);
        assert_eq!(next.wait, Duration::from_millis(7_500));
        assert_eq!(reconnect.after(Ended::Cut, true, 0.0).wait, Duration::ZERO);
    }

    #[test]
    fn a_broken_random_source_never_waits_forever() {
        let mut reconnect = Reconnect::default();
        for random in [f64::NAN, f64::INFINITY, -1.0, 2.0] {
            assert!(reconnect.after(Ended::Cut, true, random).wait <= STREAM_CAP);
        }
    }

    #[test]
    fn the_servers_retry_is_the_base_never_below_a_second_and_may_pass_the_cap() {
        let mut reconnect = Reconnect::default();
        reconnect.asked(Some(Duration::from_secs(10)));
        assert_eq!(
            reconnect.after(Ended::Held, true, 0.5).wait,
            Duration::from_secs(5)
        );
        // Doubled to 20 s, within the 15 s cap.
        assert_eq!(
            reconnect.after(Ended::Cut, true, 0.5).wait,
            Duration::from_millis(7_500)
        );
        // A stream that ends without one keeps the last asked for.
        reconnect.asked(None);
        assert_eq!(
            reconnect.after(Ended::Held, true, 0.5).wait,
            Duration::from_secs(5)
        );
        // Asking for less than the widget's own base bunches nobody.
        reconnect.asked(Some(Duration::from_millis(10)));
        assert_eq!(
            reconnect.after(Ended::Held, true, 0.5).wait,
            Duration::from_millis(500)
        );
        // Asking for more than the cap is heard in full.
        reconnect.asked(Some(Duration::from_secs(60)));
        for _ in 0..5 {
            reconnect.after(Ended::Cut, true, 0.0);
        }
        assert_eq!(
            reconnect.after(Ended::Cut, true, 0.5).wait,
            Duration::from_secs(30)
        );
    }

    #[test]
    fn a_refused_stream_is_tried_from_30_seconds_to_5_minutes_and_the_screens_look_again() {
        use Ended::*;
        assert_eq!(
            ceilings(&[Refused, Refused, Refused, Refused, Refused, Refused]),
            [30_000, 60_000, 120_000, 240_000, 300_000, 300_000]
        );
        let mut reconnect = Reconnect::default();
        reconnect.asked(Some(Duration::from_secs(120)));
        let next = reconnect.after(Refused, true, 0.5);
        assert_eq!(
            (next.wait, next.look_again),
            (Duration::from_secs(15), true)
        );
    }

    #[test]
    fn only_a_stream_with_nothing_to_resume_after_looks_again() {
        let mut reconnect = Reconnect::default();
        assert!(!reconnect.after(Ended::Held, true, 0.5).look_again);
        assert!(!reconnect.after(Ended::Cut, true, 0.5).look_again);
        assert!(reconnect.after(Ended::Cut, false, 0.5).look_again);
    }
}
