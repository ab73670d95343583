//! When a failed submit is sent again, and after how long.
//!
//! Every attempt carries the same `Idempotency-Key`, so sending again can
//! never file twice; the policy only decides how patient the widget is.
//!
//! ```
//! use std::time::Duration;
//! use support_rules::{request::SubmitError, retry::RetryPolicy};
//!
//! let policy = RetryPolicy::default();
//! let busy = SubmitError::Server { status: 429, retry_after: Some(3) };
//! // Full jitter would allow 0 to 1 s; the service asked for 3 s.
//! assert_eq!(policy.delay(1, &busy, 0.5), Some(Duration::from_secs(3)));
//! ```

use std::time::Duration;

use crate::request::SubmitError;

/// Capped exponential backoff with full jitter, honouring `Retry-After`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The ceiling of the first wait; it doubles with each attempt.
    pub base: Duration,
    /// No wait chosen by the widget is longer.
    pub cap: Duration,
    /// Attempts sent automatically (the first included); then the user
    /// decides, with "Try again".
    pub max_attempts: u32,
    /// A `Retry-After` longer than this stops the automatic retries rather
    /// than leaving the user watching a long countdown.
    pub longest_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(30),
            max_attempts: 6,
            longest_retry_after: Duration::from_secs(120),
        }
    }
}

/// A wait drawn with full jitter, applied after the cap: uniformly from 0
/// up to `base` doubled `exponent` times, or `cap` if that is less. So
/// many clients that failed together spread over the whole window rather
/// than come back together. `random` is a number in `[0, 1)`; one that is
/// not a number waits nothing rather than forever.
pub fn full_jitter(base: Duration, cap: Duration, exponent: u32, random: f64) -> Duration {
    let ceiling = base.saturating_mul(1u32 << exponent.min(31)).min(cap);
    let random = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.0
    };
    ceiling.mul_f64(random)
}

/// Whether sending the same request again may succeed: no answer at all, a
/// timeout, the same key still in flight (409), a rate limit, or a server
/// error. Refusals of the content (413, 422) would fail the same way again.
pub fn is_retryable(error: &SubmitError) -> bool {
    match error {
        SubmitError::Network => true,
        SubmitError::Server { status, .. } => matches!(status, 408 | 409 | 429 | 500..=599),
        SubmitError::Rejected(_)
        | SubmitError::TooLarge
        | SubmitError::BadResponse
        | SubmitError::NotFound => false,
    }
}

/// How long the service asked the user to wait before sending again, when
/// that is more than a minute, rounded up to what the user is told: whole
/// minutes below two hours, whole hours below two days, whole days from then
/// on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AskedWait {
    Minutes(u32),
    Hours(u32),
    Days(u32),
    /// More than `LONGEST_TOLD_DAYS`: a figure such as "49,711 days" reads
    /// as a fault, so the user is told that it is a long time.
    Longer,
}

/// The longest wait told in days; beyond it the service is taken to be
/// closed to the widget for now.
pub const LONGEST_TOLD_DAYS: u32 = 30;

impl AskedWait {
    pub fn of(error: &SubmitError) -> Option<AskedWait> {
        let SubmitError::Server {
            retry_after: Some(seconds @ 61..),
            ..
        } = *error
        else {
            return None;
        };
        let minutes = seconds.div_ceil(60);
        let hours = minutes.div_ceil(60);
        let days = hours.div_ceil(24);
        Some(if minutes < 120 {
            AskedWait::Minutes(minutes)
        } else if hours < 48 {
            AskedWait::Hours(hours)
        } else if days <= LONGEST_TOLD_DAYS {
            AskedWait::Days(days)
        } else {
            AskedWait::Longer
        })
    }
}

impl RetryPolicy {
    /// How long to wait after attempt number `attempt` (1 for the first)
    /// failed with `error`, or `None` to stop and let the user decide.
    /// `random` is a number in `[0, 1)`, injected so that tests are exact.
    pub fn delay(&self, attempt: u32, error: &SubmitError, random: f64) -> Option<Duration> {
        if !is_retryable(error) || attempt >= self.max_attempts {
            return None;
        }
        let jittered = full_jitter(self.base, self.cap, attempt.saturating_sub(1), random);
        if self.asks_too_long(error) {
            return None;
        }
        Some(jittered.max(asked(error)))
    }

    /// Whether the service asked for a longer wait than the widget waits by
    /// itself: then the user is told when to send again, and nothing (no
    /// countdown, no "Try again") invites them to send sooner.
    pub fn asks_too_long(&self, error: &SubmitError) -> bool {
        asked(error) > self.longest_retry_after
    }
}

/// The wait the service asked for with `Retry-After`, if any.
fn asked(error: &SubmitError) -> Duration {
    match error {
        SubmitError::Server {
            retry_after: Some(seconds),
            ..
        } => Duration::from_secs(u64::from(*seconds)),
        _ => Duration::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(status: u16) -> SubmitError {
        SubmitError::Server {
            status,
            retry_after: None,
        }
    }

    #[test]
    fn no_answer_timeouts_busy_rate_limits_and_server_errors_are_retried() {
        for error in [
            SubmitError::Network,
            server(408),
            server(409),
            server(429),
            server(500),
            server(503),
        ] {
            assert!(is_retryable(&error), "{error:?}");
        }
    }

    #[test]
    fn refusals_are_not_retried() {
        for error in [
            SubmitError::TooLarge,
            SubmitError::BadResponse,
            SubmitError::Rejected(Vec::new()),
            SubmitError::NotFound,
            server(400),
            server(403),
            server(404),
            server(422),
        ] {
            assert!(!is_retryable(&error), "{error:?}");
            assert_eq!(RetryPolicy::default().delay(1, &error, 0.5), None);
        }
    }

    #[test]
    fn the_ceiling_doubles_up_to_the_cap() {
        let policy = RetryPolicy {
            max_attempts: 100,
            ..RetryPolicy::default()
        };
        let almost_one = 0.999_999;
        let waits: Vec<u64> = (1..=7)
            .map(|attempt| {
                let wait = policy.delay(attempt, &SubmitError::Network, almost_one);
                wait.map(|w| w.as_secs_f64().round() as u64).unwrap_or(0)
            })
            .collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 30, 30]);
        assert_eq!(
            policy.delay(90, &SubmitError::Network, almost_one),
            policy.delay(7, &SubmitError::Network, almost_one),
            "no overflow on long runs"
        );
    }

    #[test]
    fn full_jitter_spreads_the_wait_from_zero_to_the_ceiling() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.delay(3, &server(502), 0.0), Some(Duration::ZERO));
        assert_eq!(
            policy.delay(3, &server(502), 0.25),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            policy.delay(3, &server(502), f64::NAN),
            Some(Duration::ZERO),
            "a broken random source cannot make the wait endless"
        );
    }

    #[test]
    fn retry_after_is_a_floor() {
        let policy = RetryPolicy::default();
        let busy = SubmitError::Server {
            status: 409,
            retry_after: Some(1),
        };
        assert_eq!(policy.delay(1, &busy, 0.1), Some(Duration::from_secs(1)));
        // A later attempt's jitter may wait longer than asked.
        assert_eq!(policy.delay(4, &busy, 0.5), Some(Duration::from_secs(4)));
        let limited = SubmitError::Server {
            status: 429,
            retry_after: Some(45),
        };
        assert_eq!(
            policy.delay(1, &limited, 0.0),
            Some(Duration::from_secs(45)),
            "honoured even above the cap"
        );
    }

    #[test]
    fn a_very_long_retry_after_or_the_last_attempt_hands_over_to_the_user() {
        let policy = RetryPolicy::default();
        let closed = SubmitError::Server {
            status: 503,
            retry_after: Some(3600),
        };
        assert_eq!(policy.delay(1, &closed, 0.5), None);
        assert!(policy.delay(5, &SubmitError::Network, 0.5).is_some());
        assert_eq!(policy.delay(6, &SubmitError::Network, 0.5), None);
    }

    #[test]
    fn only_a_wait_past_the_widgets_own_patience_is_left_to_the_user() {
        let policy = RetryPolicy::default();
        let asking = |seconds| SubmitError::Server {
            status: 503,
            retry_after: Some(seconds),
        };
        // Told in minutes, but still waited for by the widget itself: the
        // user who stops that wait may try again at once.
        assert!(!policy.asks_too_long(&asking(90)));
        assert!(policy.delay(1, &asking(90), 0.5).is_some());
        assert!(!policy.asks_too_long(&asking(120)));
        assert!(policy.asks_too_long(&asking(121)));
        assert_eq!(policy.delay(1, &asking(121), 0.5), None);
        assert!(!policy.asks_too_long(&SubmitError::Network));
    }

    #[test]
    fn a_wait_of_more_than_a_minute_is_told_in_minutes_then_hours_then_days() {
        let asked = |seconds| {
            AskedWait::of(&SubmitError::Server {
                status: 429,
                retry_after: Some(seconds),
            })
        };
        assert_eq!(asked(60), None, "a minute or less is a moment");
        assert_eq!(asked(61), Some(AskedWait::Minutes(2)));
        assert_eq!(asked(300), Some(AskedWait::Minutes(5)));
        assert_eq!(asked(119 * 60), Some(AskedWait::Minutes(119)));
        assert_eq!(asked(120 * 60), Some(AskedWait::Hours(2)));
        assert_eq!(asked(86_400), Some(AskedWait::Hours(24)));
        assert_eq!(asked(47 * 3600), Some(AskedWait::Hours(47)));
        assert_eq!(asked(47 * 3600 + 1), Some(AskedWait::Days(2)));
        assert_eq!(asked(7 * 86_400 - 1), Some(AskedWait::Days(7)));
        assert_eq!(asked(30 * 86_400), Some(AskedWait::Days(30)));
        assert_eq!(asked(30 * 86_400 + 1), Some(AskedWait::Longer));
        assert_eq!(asked(u32::MAX), Some(AskedWait::Longer));
        for status in [500, 502] {
            let error = SubmitError::Server {
                status,
                retry_after: Some(900),
            };
            assert_eq!(
                AskedWait::of(&error),
                Some(AskedWait::Minutes(15)),
                "{status}"
            );
        }
        assert_eq!(AskedWait::of(&server(503)), None);
        assert_eq!(AskedWait::of(&SubmitError::Network), None);
    }
}
