//! When a failed delivery is tried again, webhook call or mail alike:
//! exponential backoff with full jitter, for [`RETRY_FOR`].

use std::time::Duration;

use super::{now_ms, Claimed};

/// How long a delivery is retried before it is given up on (then
/// `support-backend deliveries` shows it, and can send it again).
pub const RETRY_FOR: Duration = Duration::from_secs(72 * 60 * 60);

/// The longest wait between two attempts.
pub const BACKOFF_CAP: Duration = Duration::from_secs(60 * 60);

/// When `claim`, which failed just now, is tried again (Unix ms): a
/// random time up to `base * 2^attempts` from now; `None` once it has
/// waited [`RETRY_FOR`] since it was written, and is given up on.
pub fn next_attempt(base: Duration, claim: &Claimed) -> Option<i64> {
    let now = now_ms();
    let window = i64::try_from(RETRY_FOR.as_millis()).unwrap_or(i64::MAX);
    if now - claim.created_at >= window {
        return None;
    }
    let wait = backoff(base, claim.attempts, rand_unit());
    Some(now + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX))
}

/// The wait before the next attempt after `attempts` failed ones: a random
/// time up to `base * 2^attempts`, at most [`BACKOFF_CAP`] ("full jitter").
pub fn backoff(base: Duration, attempts: i64, random: f64) -> Duration {
    let exponent = u32::try_from(attempts.clamp(0, 30)).unwrap_or(30);
    let ceiling = base
        .saturating_mul(2u32.saturating_pow(exponent))
        .min(BACKOFF_CAP);
    ceiling.mul_f64(random.clamp(0.0, 1.0))
}

/// A random number in [0, 1), from a fresh UUID's random bits.
fn rand_unit() -> f64 {
    let bits = uuid::Uuid::new_v4().as_u128() as u64 >> 11;
    bits as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_full_jitter_up_to_the_cap() {
        let base = Duration::from_secs(1);
        assert_eq!(backoff(base, 0, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(base, 3, 1.0), Duration::from_secs(8));
        assert_eq!(backoff(base, 3, 0.5), Duration::from_secs(4));
        assert_eq!(backoff(base, 3, 0.0), Duration::ZERO);
        assert_eq!(backoff(base, 40, 1.0), BACKOFF_CAP);
        let r = rand_unit();
        assert!((0.0..1.0).contains(&r));
    }
}
