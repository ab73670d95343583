//! The OpenID Connect provider's signing keys (its JWKS), cached. A token
//! signed with a key not in the cache (the provider rotated its keys) makes
//! the cache fetch them again, at most once a minute, so that tokens with
//! made-up key ids cannot turn this backend against the provider.

use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::DecodingKey;
use tokio::sync::Mutex;

use super::TokenError;

/// The least time between two fetches of the keys.
pub const REFETCH_AFTER: Duration = Duration::from_secs(60);

/// How long a fetch of the keys may take.
const FETCH_WITHIN: Duration = Duration::from_secs(10);

/// The keys at one URL.
pub struct Jwks {
    url: String,
    client: reqwest::Client,
    cache: Mutex<Cache>,
}

struct Cache {
    keys: JwkSet,
    fetched_at: Option<Instant>,
}

impl Jwks {
    pub fn new(url: String) -> Jwks {
        let client = reqwest::Client::builder()
            .timeout(FETCH_WITHIN)
            .build()
            .unwrap_or_default();
        Jwks {
            url,
            client,
            cache: Mutex::new(Cache {
                keys: JwkSet { keys: Vec::new() },
                fetched_at: None,
            }),
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The key with this id (or the only key, for a token that names none),
    /// fetching the keys again if it is unknown and the last fetch is at
    /// least [`REFETCH_AFTER`] old.
    pub async fn key(&self, kid: Option<&str>) -> Result<DecodingKey, TokenError> {
        let mut cache = self.cache.lock().await;
        if let Some(key) = find(&cache.keys, kid) {
            return key;
        }
        let due = cache
            .fetched_at
            .is_none_or(|at| at.elapsed() >= REFETCH_AFTER);
        if due {
            self.fetch_into(&mut cache).await?;
            if let Some(key) = find(&cache.keys, kid) {
                return key;
            }
        }
        Err(TokenError::UnknownKey(kid.unwrap_or_default().to_owned()))
    }

    /// Fetches the keys now.
    pub async fn refresh(&self) -> Result<(), TokenError> {
        let mut cache = self.cache.lock().await;
        self.fetch_into(&mut cache).await
    }

    /// Makes the last fetch `by` older, as if that time had passed.
    #[cfg(test)]
    pub async fn age_cache(&self, by: Duration) {
        let mut cache = self.cache.lock().await;
        cache.fetched_at = cache.fetched_at.and_then(|at| at.checked_sub(by));
    }

    async fn fetch_into(&self, cache: &mut Cache) -> Result<(), TokenError> {
        // A failed fetch counts too: a provider that is down is not asked
        // again with every request.
        cache.fetched_at = Some(Instant::now());
        let failed = |error: reqwest::Error| TokenError::Keys(format!("{}: {error}", self.url));
        let fetched = async {
            self.client
                .get(&self.url)
                .send()
                .await
                .and_then(reqwest::Response::error_for_status)?
                .json::<JwkSet>()
                .await
        }
        .await;
        crate::meter::jwks_fetched(fetched.is_ok());
        cache.keys = fetched.map_err(failed)?;
        Ok(())
    }
}

fn find(keys: &JwkSet, kid: Option<&str>) -> Option<Result<DecodingKey, TokenError>> {
    let jwk = match kid {
        Some(kid) => keys.find(kid)?,
        None => match keys.keys.as_slice() {
            [only] => only,
            _ => return None,
        },
    };
    Some(DecodingKey::from_jwk(jwk).map_err(TokenError::Invalid))
}
