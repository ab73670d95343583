//! Delivering the outbox to the partners' systems: each event is POSTed as
//! JSON to every webhook of its partner, signed as Stripe signs its
//! webhooks with that partner's secret (the flags' for the `default`
//! partner, the one `support-backend partners` set for another), and
//! retried with exponential backoff and full jitter until it is taken (any
//! 2xx) or [`retry::RETRY_FOR`] has passed. Every backend process on one
//! database delivers; each delivery is claimed by one of them at a time.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::{watch, Notify};

use crate::db::Db;
use crate::outbox::deliverer::{self, Deliverer};
use crate::outbox::{self, retry, Claimed};
use crate::partner::{store, DEFAULT_PARTNER};

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "Support-Signature";

/// The webhooks and how to call them.
#[derive(Clone)]
pub struct Webhooks {
    /// The flags' webhooks: the `default` partner's.
    pub endpoints: Vec<String>,
    /// The secret that signs the `default` partner's events; `None`
    /// without any flags' webhook.
    secret: Option<Arc<[u8]>>,
    /// How long one call may take.
    pub timeout: Duration,
    /// The first retry's largest wait; each later one doubles it.
    pub backoff_base: Duration,
    client: reqwest::Client,
    /// Woken when this process enqueues, so that a new event goes at once.
    pub wake: Arc<Notify>,
}

impl std::fmt::Debug for Webhooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhooks")
            .field("endpoints", &self.endpoints)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// Why the webhooks could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum WebhookConfigError {
    #[error("--webhook-url needs --webhook-secret-file, the secret that signs each event")]
    NoSecret,
    #[error("cannot read the webhook secret file {path}: {source}")]
    SecretFile {
        path: String,
        source: std::io::Error,
    },
    #[error("the webhook secret in {path} is shorter than 32 bytes")]
    SecretTooShort { path: String },
}

/// The secret that signs webhook events, from `path`: at least 32 bytes,
/// without the trailing white space.
pub fn read_secret(path: &std::path::Path) -> Result<Arc<[u8]>, WebhookConfigError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| WebhookConfigError::SecretFile {
        path: shown.clone(),
        source,
    })?;
    let secret = bytes.trim_ascii_end();
    if secret.len() < 32 {
        return Err(WebhookConfigError::SecretTooShort { path: shown });
    }
    Ok(secret.into())
}

impl Webhooks {
    /// The webhooks of the flags at `endpoints` (http(s) URLs, checked as
    /// `--webhook-url` was parsed), signing with the secret in
    /// `secret_file`, and those of the partners in the database.
    pub fn new(
        endpoints: &[String],
        secret_file: Option<&std::path::Path>,
        timeout: Duration,
        backoff_base: Duration,
    ) -> Result<Webhooks, WebhookConfigError> {
        let secret = match endpoints {
            [] => None,
            _ => Some(read_secret(
                secret_file.ok_or(WebhookConfigError::NoSecret)?,
            )?),
        };
        Ok(Webhooks {
            endpoints: endpoints.to_vec(),
            secret,
            timeout,
            backoff_base,
            client: reqwest::Client::builder()
                .timeout(timeout)
                .build()
                .unwrap_or_default(),
            wake: Arc::new(Notify::new()),
        })
    }

    /// The outbox that filing a request and changing its status write to,
    /// for the `default` partner.
    pub fn outbox(&self) -> outbox::Outbox {
        outbox::Outbox {
            endpoints: self.endpoints.clone(),
            mail: None,
        }
    }
}

/// `t=UNIX_SECONDS,v1=HEX`, HEX the HMAC-SHA256 of `t + "." + body`.
pub fn signature(secret: &[u8], unix_seconds: i64, body: &[u8]) -> String {
    // Any key length is valid for HMAC.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key");
    mac.update(unix_seconds.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={unix_seconds},v1={:x}", mac.finalize().into_bytes())
}

impl Deliverer for Webhooks {
    const NAME: &'static str = "webhook outbox";

    fn wake(&self) -> &Notify {
        &self.wake
    }

    /// Delivers what is due now; returns how many deliveries were tried. When
    /// `stop` turns true meanwhile, the calls are cut short and their
    /// deliveries handed back to the outbox, to be sent again.
    async fn deliver_due(
        &self,
        db: &Db,
        stop: &mut watch::Receiver<bool>,
    ) -> Result<usize, sqlx::Error> {
        let webhooks = self;
        let lease = outbox::lease_ms(webhooks.timeout);
        let claimed = outbox::claim_due(db, outbox::Channel::Webhooks, 16, lease).await?;
        let tried = claimed.len();
        let secrets = webhooks.secrets(db, &claimed).await;
        let calls = claimed.iter().cloned().map(|claim| {
            let secret = secrets.get(&claim.partner).cloned();
            async move {
                let result = match secret {
                    Some(Ok(secret)) => call(webhooks, &secret, &claim).await,
                    Some(Err(error)) => Err(error),
                    None => Err("no webhook secret".to_owned()),
                };
                (claim, result)
            }
        });
        let results = tokio::select! {
            results = futures_util::future::join_all(calls) => results,
            () = deliverer::stopped(stop) => {
                if !claimed.is_empty() {
                    tracing::info!(
                        "stopping: {} webhook deliveries under way handed back to the outbox",
                        claimed.len()
                    );
                }
                outbox::release(db, &claimed).await?;
                for _ in &claimed {
                    crate::meter::webhook_delivery("handed_back");
                }
                return Ok(0);
            }
        };
        for (claim, result) in results {
            match result {
                Ok(()) => {
                    outbox::delivered(db, &claim).await?;
                    crate::meter::webhook_delivery("delivered");
                }
                Err(error) => {
                    let retry_at = retry::next_attempt(webhooks.backoff_base, &claim);
                    // Every failure is logged, so that a receiver that refuses
                    // everything is noticed within minutes, not 72 hours.
                    match retry_at {
                        Some(at) => tracing::warn!(
                            "webhook {}: attempt {} at event {} failed: {error}; next attempt at {}",
                            claim.endpoint,
                            claim.attempts + 1,
                            claim.event_id,
                            outbox::rfc3339(at)
                        ),
                        None => tracing::error!(
                            "webhook {}: giving up on event {} after {} attempts: {error}",
                            claim.endpoint,
                            claim.event_id,
                            claim.attempts + 1
                        ),
                    }
                    outbox::failed(db, &claim, &error, retry_at).await?;
                    crate::meter::webhook_delivery(if retry_at.is_some() {
                        "failed"
                    } else {
                        "given_up"
                    });
                }
            }
        }
        Ok(tried)
    }
}

/// Why a partner's events cannot be signed now.
type NoSecret = String;

impl Webhooks {
    /// The secret that signs each partner's events among `claimed`: the
    /// flags' for the `default` partner, and for another the one in the
    /// file its settings name, read now, so that a secret replaced is used
    /// from its next delivery on.
    async fn secrets(
        &self,
        db: &Db,
        claimed: &[Claimed],
    ) -> HashMap<String, Result<Arc<[u8]>, NoSecret>> {
        let mut secrets = HashMap::new();
        for claim in claimed {
            if secrets.contains_key(&claim.partner) {
                continue;
            }
            let secret = if claim.partner == DEFAULT_PARTNER {
                (self.secret.clone()).ok_or_else(|| "no --webhook-secret-file".to_owned())
            } else {
                partner_secret(db, &claim.partner).await
            };
            secrets.insert(claim.partner.clone(), secret);
        }
        secrets
    }
}

/// The secret in the webhook secret file of `partner`'s settings.
async fn partner_secret(db: &Db, partner: &str) -> Result<Arc<[u8]>, NoSecret> {
    let settings = match store::find(db, partner).await {
        Ok(Some(found)) => found.settings,
        Ok(None) => return Err(format!("no partner {partner:?}")),
        Err(error) => return Err(format!("partner {partner:?}: {error}")),
    };
    let path = (settings.webhook_secret_file)
        .ok_or_else(|| format!("partner {partner:?} has no webhook secret file"))?;
    read_secret(&path).map_err(|error| format!("partner {partner:?}: {error}"))
}

async fn call(webhooks: &Webhooks, secret: &[u8], claim: &Claimed) -> Result<(), String> {
    let now = outbox::now_ms() / 1000;
    let body = claim.payload.clone().into_bytes();
    let response = webhooks
        .client
        .post(&claim.endpoint)
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, signature(secret, now, &body))
        .body(body)
        .send()
        .await
        .map_err(|error| crate::error::with_causes(&error))?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("answered {}", response.status()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_stripes_scheme() {
        // RFC 4231 test case 2's key and data, as t and body.
        let header = signature(b"Jefe", 1, b"what do ya want for nothing?");
        assert!(header.starts_with("t=1,v1="));
        assert_eq!(header.len(), "t=1,v1=".len() + 64);
        assert_ne!(
            header,
            signature(b"Jefe", 2, b"what do ya want for nothing?")
        );
    }
}
