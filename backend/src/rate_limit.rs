//! A per-client rate limit for creating requests: a client (an IP address,
//! or an IPv6 /64, which one subscriber usually holds whole) may send
//! `per_minute` requests in a burst, then one every `60 / per_minute`
//! seconds. Beyond that it gets 429 `rate_limited` with `Retry-After`.
//! Each partner's clients are counted apart, under the partner's own limit
//! (`partners add --rate-limit-per-minute`, else `--rate-limit-per-minute`):
//! one partner's noisy clients never use up another partner's buckets.
//!
//! It is the generic cell rate algorithm, a token bucket that keeps one
//! instant per client (when its bucket will be full again) instead of a
//! count and a clock. Clients whose bucket is full are forgotten, so memory
//! follows the clients active in the last minute. The limit is per process:
//! behind a load balancer each process counts on its own. Behind a reverse
//! proxy, the client is the one the proxy forwarded for when the proxy is
//! trusted (`--trusted-proxy`, [`crate::client_address`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::client_address::ClientAddr;
use crate::error::ApiError;
use crate::identity::{bearer_token, Auth};
use crate::partner::DEFAULT_PARTNER;

/// How many clients are remembered before the full buckets are swept out.
const SWEEP_ABOVE: usize = 10_000;

/// The limit shared by every connection of one server.
#[derive(Debug)]
pub struct RateLimiter {
    /// Requests a client may create per minute, 0 for no limit: the
    /// flags' (`--rate-limit-per-minute`), for a partner without its own.
    per_minute: u32,
    /// When each partner's client's bucket is full again.
    full_at: Mutex<HashMap<(String, IpAddr), Instant>>,
}

impl RateLimiter {
    /// A limit of `per_minute` requests per client, 0 for none but the
    /// partners' own.
    pub fn new(per_minute: u32) -> Arc<RateLimiter> {
        Arc::new(RateLimiter {
            per_minute,
            full_at: Mutex::new(HashMap::new()),
        })
    }

    /// A limit of `per_minute` requests per client; `None` for 0 (no limit).
    pub fn per_minute(per_minute: u32) -> Option<Arc<RateLimiter>> {
        (per_minute > 0).then(|| RateLimiter::new(per_minute))
    }

    /// Takes one request from the `default` partner's `client`'s bucket at
    /// `now` under the limit's own rate, or says how long until there is
    /// one.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        self.check_in(DEFAULT_PARTNER, self.per_minute, client, now)
    }

    /// Takes one request from `client`'s bucket among `partner`'s clients
    /// at `now`, `per_minute` being that partner's limit (0: none), or says
    /// how long until there is one.
    pub fn check_in(
        &self,
        partner: &str,
        per_minute: u32,
        client: IpAddr,
        now: Instant,
    ) -> Result<(), Duration> {
        let Some(interval) = Duration::from_secs(60).checked_div(per_minute) else {
            return Ok(());
        };
        // How far ahead of now a client's bucket may run: the burst, less one.
        let tolerance = interval * (per_minute - 1);
        let mut full_at = self.full_at.lock().unwrap_or_else(PoisonError::into_inner);
        if full_at.len() > SWEEP_ABOVE {
            full_at.retain(|_, at| *at > now);
        }
        let key = (partner.to_owned(), client_key(client));
        let at = full_at.get(&key).copied().unwrap_or(now);
        let allowed_until = now + tolerance;
        if at > allowed_until {
            return Err(at - allowed_until);
        }
        full_at.insert(key, at.max(now) + interval);
        Ok(())
    }

    /// How many clients are remembered (for tests).
    pub fn tracked(&self) -> usize {
        self.full_at
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// Who counts as one client: the address, with IPv4-mapped IPv6 addresses
/// as IPv4, and IPv6 addresses by their /64 network.
fn client_key(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(network.into())
        }
        v4 => v4,
    }
}

/// The limit and how to tell a request's partner.
#[derive(Clone, Debug)]
pub struct Limits {
    pub limiter: Arc<RateLimiter>,
    pub auth: Arc<Auth>,
}

impl Limits {
    /// The partner whose clients a request with these headers counts
    /// among, and its limit: a partner's token's (by its `iss`, not yet
    /// verified: a forged one only spends its own client's bucket, and is
    /// refused after), else the `default` partner's, the flags'.
    async fn of(&self, headers: &axum::http::HeaderMap) -> (String, u32) {
        let flags = self.limiter.per_minute;
        let token = (headers.get(axum::http::header::AUTHORIZATION))
            .and_then(|value| bearer_token(value.as_bytes()));
        let partners_own = match (&self.auth.partners, token) {
            (Some(partners), Some(token)) => partners.rate_limit_for(token).await,
            _ => None,
        };
        match partners_own {
            Some((partner, own)) => (partner, own.unwrap_or(flags)),
            None => (DEFAULT_PARTNER.to_owned(), flags),
        }
    }
}

/// Middleware: answers 429 when the client ([`ClientAddr`], else the
/// connection's peer) is over its partner's limit. Without either (a
/// router served without connect info) there is no client to count, and
/// the request passes.
pub async fn limit(State(limits): State<Limits>, request: Request, next: Next) -> Response {
    let peer = ClientAddr::of(&request);
    if let Some(peer) = peer {
        let (partner, per_minute) = limits.of(request.headers()).await;
        let checked = (limits.limiter).check_in(&partner, per_minute, peer, Instant::now());
        if let Err(wait) = checked {
            // Rounded up: coming back a fraction early would be refused again.
            let retry_after_secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            return ApiError::RateLimited { retry_after_secs }.into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const B: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2));

    #[test]
    fn zero_means_no_limit() {
        assert!(RateLimiter::per_minute(0).is_none());
    }

    #[test]
    fn a_burst_of_the_limit_passes_then_one_per_interval() {
        let limiter = RateLimiter::per_minute(3).unwrap();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.check(A, start), Ok(()));
        }
        assert_eq!(limiter.check(A, start), Err(Duration::from_secs(20)));
        assert_eq!(
            limiter.check(A, start + Duration::from_secs(5)),
            Err(Duration::from_secs(15))
        );
        let later = start + Duration::from_secs(20);
        assert_eq!(limiter.check(A, later), Ok(()));
        assert!(limiter.check(A, later).is_err(), "one token per 20 s");
        let much_later = start + Duration::from_secs(120);
        for _ in 0..3 {
            assert_eq!(limiter.check(A, much_later), Ok(()), "the bucket refilled");
        }
    }

    #[test]
    fn clients_have_their_own_buckets() {
        let limiter = RateLimiter::per_minute(1).unwrap();
        let now = Instant::now();
        assert_eq!(limiter.check(A, now), Ok(()));
        assert!(limiter.check(A, now).is_err());
        assert_eq!(limiter.check(B, now), Ok(()));
    }

    #[test]
    fn an_ipv6_subscriber_is_one_client_and_mapped_ipv4_is_ipv4() {
        let limiter = RateLimiter::per_minute(1).unwrap();
        let now = Instant::now();
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let same_network: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let other_network: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(limiter.check(one, now), Ok(()));
        assert!(limiter.check(same_network, now).is_err());
        assert_eq!(limiter.check(other_network, now), Ok(()));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(limiter.check(A, now), Ok(()));
        assert!(limiter.check(mapped, now).is_err());
    }

    #[test]
    fn clients_with_full_buckets_are_forgotten() {
        let limiter = RateLimiter::per_minute(60).unwrap();
        let now = Instant::now();
        for n in 0..=SWEEP_ABOVE as u32 {
            let client = IpAddr::V4(std::net::Ipv4Addr::from(n));
            assert_eq!(limiter.check(client, now), Ok(()));
        }
        assert_eq!(limiter.tracked(), SWEEP_ABOVE + 1);
        // A second later every bucket is full again, and the next check sweeps.
        limiter.check(A, now + Duration::from_secs(1)).unwrap();
        assert_eq!(limiter.tracked(), 1);
    }
}
