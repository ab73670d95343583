//! Which key verifies a token, and so whose partner's data its user sees.
//! Each partner configured with `support-backend partners` has its own
//! issuer and key; a token whose `iss` names a partner's issuer is verified
//! with that partner's key alone, and its user is that partner's. Any other
//! token is the operator's, verified with the key of the flags the backend
//! starts with, as a backend without partners verifies every token.
//!
//! The issuer is read from the token before it is verified, only to choose
//! the key, and before any signing keys are fetched: a token that names a
//! partner's issuer and does not verify with that partner's key is refused,
//! never tried with another, and so is every token of a partner that is
//! disabled, or whose key cannot be had. A `partner_id` claim is not
//! needed; where a token carries one, it must name the partner whose key
//! verified it. A partner's key grants its own roles only: an `agent` works
//! for 21Vianet's desk, whose tokens are the operator's, so a partner's
//! `agent` token may do nothing.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Deserialize;
use tokio::sync::{RwLock, RwLockReadGuard};

use super::verify::{TokenError, Verifier};
use super::{Identity, Role};
use crate::db::Db;
use crate::partner::settings::PartnerSettings;
use crate::partner::{store, DEFAULT_PARTNER};

/// How long the partners read last are taken as they are: a partner
/// added, changed or disabled while the backend runs is served so from the
/// first token this long after, and tokens read the database at most this
/// often.
pub const READ_AGAIN_AFTER: Duration = Duration::from_secs(5);

/// A partner's issuer: its key, and whose it is.
struct PartnerKey {
    partner: String,
    /// Whether the partner is served (not disabled).
    enabled: bool,
    /// `None` where the partner's tokens are refused: disabled, its key
    /// not to be had, or its issuer the operator's.
    verifier: Option<Verifier>,
    /// What the key was made from: kept while it stays the same, so that
    /// a provider's keys are not fetched again at each read.
    settings: PartnerSettings,
}

/// The partners' issuers as last read.
struct Known {
    by_issuer: HashMap<String, Arc<PartnerKey>>,
    read_at: Instant,
}

/// The issuers of the partners configured in the database.
pub struct Issuers {
    db: Db,
    /// The operator's issuer (`--jwt-issuer`), which no partner may take.
    operator: Option<String>,
    known: RwLock<Known>,
}

impl std::fmt::Debug for Issuers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issuers")
            .field("operator", &self.operator)
            .finish_non_exhaustive()
    }
}

/// What a token says before it is verified: which key to verify it with.
#[derive(Debug, Default, Deserialize)]
struct Unverified {
    #[serde(default)]
    iss: Option<String>,
    #[serde(default)]
    partner_id: Option<String>,
}

impl Issuers {
    /// The issuers of the enabled partners in `db`; `operator` is the
    /// operator's own issuer.
    pub async fn load(db: Db, operator: Option<String>) -> Result<Issuers, store::StoreError> {
        let by_issuer = read(&db, operator.as_deref(), &HashMap::new()).await?;
        Ok(Issuers {
            db,
            operator,
            known: RwLock::new(Known {
                by_issuer,
                read_at: Instant::now(),
            }),
        })
    }

    /// The partners as last read, read again first when they were read
    /// long enough ago.
    async fn current(&self) -> RwLockReadGuard<'_, Known> {
        {
            let known = self.known.read().await;
            if known.read_at.elapsed() < READ_AGAIN_AFTER {
                return known;
            }
        }
        let mut known = self.known.write().await;
        // Another caller may have read them while this one waited.
        if known.read_at.elapsed() >= READ_AGAIN_AFTER {
            match read(&self.db, self.operator.as_deref(), &known.by_issuer).await {
                Ok(by_issuer) => known.by_issuer = by_issuer,
                // The partners as last read go on being served.
                Err(error) => tracing::warn!("cannot read the partners again: {error}"),
            }
            known.read_at = Instant::now();
        }
        known.downgrade()
    }

    /// The key of the partner whose issuer is `issuer`.
    async fn key_for(&self, issuer: &str) -> Option<Arc<PartnerKey>> {
        self.current().await.by_issuer.get(issuer).cloned()
    }

    /// The origins whose pages may read the answers to `token` (CORS): its
    /// partner's `allowed_origins` (none for a partner disabled) when its
    /// `iss` is a partner's issuer; `None` for the operator's tokens, whose
    /// origins are the flags'. The token is not verified here: the request
    /// itself is refused when it does not verify, and the origins only
    /// decide whether the page may read the answer.
    pub async fn origins_for(&self, token: &str) -> Option<Vec<String>> {
        let claims = jsonwebtoken::dangerous::insecure_decode::<Unverified>(token)
            .map(|data| data.claims)
            .unwrap_or_default();
        let key = self.key_for(claims.iss.as_deref()?).await?;
        Some(match key.enabled {
            true => key.settings.allowed_origins.clone(),
            false => Vec::new(),
        })
    }

    /// The partner whose issuer `token`'s `iss` names, and its own rate
    /// limit if it has one; `None` for the operator's tokens. The token is
    /// not verified here: a forged one spends its own client's bucket only.
    pub async fn rate_limit_for(&self, token: &str) -> Option<(String, Option<u32>)> {
        let claims = jsonwebtoken::dangerous::insecure_decode::<Unverified>(token)
            .map(|data| data.claims)
            .unwrap_or_default();
        let key = self.key_for(claims.iss.as_deref()?).await?;
        Some((key.partner.clone(), key.settings.rate_limit_per_minute))
    }

    /// The served partner whose `allowed_origins` list `origin`, if one
    /// does: the partner of a visitor without a token on that page.
    pub async fn partner_of_origin(&self, origin: &str) -> Option<String> {
        let known = self.current().await;
        (known.by_issuer.values())
            .find(|key| key.enabled && key.settings.allowed_origins.iter().any(|own| own == origin))
            .map(|key| key.partner.clone())
    }

    /// Whether any partner that is served lists `origin` among its
    /// `allowed_origins`: what a preflight, which carries no token, allows.
    pub async fn any_allows(&self, origin: &str) -> bool {
        let known = self.current().await;
        (known.by_issuer.values())
            .any(|key| key.enabled && key.settings.allowed_origins.iter().any(|own| own == origin))
    }

    /// The user of `token`, verified with its partner's key when its `iss`
    /// is a partner's, else with `operator`'s.
    pub async fn verify(&self, operator: &Verifier, token: &str) -> Result<Identity, TokenError> {
        let claims = jsonwebtoken::dangerous::insecure_decode::<Unverified>(token)
            .map(|data| data.claims)
            // A token that does not even parse is the operator verifier's
            // to refuse, with its reason.
            .unwrap_or_default();
        let partner_key = match &claims.iss {
            Some(issuer) => self.key_for(issuer).await,
            None => None,
        };
        let (mut identity, partner) = match &partner_key {
            Some(key) => {
                let verifier = (key.verifier.as_ref())
                    .ok_or_else(|| TokenError::PartnerRefused(key.partner.clone()))?;
                let mut identity = verifier.verify(token).await?;
                if identity.role == Some(Role::Agent) {
                    identity.role = None;
                }
                (identity, key.partner.as_str())
            }
            None => (operator.verify(token).await?, DEFAULT_PARTNER),
        };
        if let Some(claimed) = claims.partner_id.filter(|claimed| claimed != partner) {
            return Err(TokenError::OtherPartner(claimed));
        }
        identity.partner = partner.to_owned();
        Ok(identity)
    }
}

/// The partners' issuers and keys; a provider's keys are kept from
/// `before` while the partner's settings are the same (a secret file is
/// read again each time). A partner that is disabled, whose key cannot be
/// had (its secret file gone, say), or whose issuer is the operator's, is
/// kept with no key, with a warning: its tokens are refused, and every
/// other partner's still verify.
async fn read(
    db: &Db,
    operator: Option<&str>,
    before: &HashMap<String, Arc<PartnerKey>>,
) -> Result<HashMap<String, Arc<PartnerKey>>, store::StoreError> {
    let mut by_issuer = HashMap::new();
    for partner in store::list(db).await? {
        if partner.id == DEFAULT_PARTNER {
            continue;
        }
        let settings = &partner.settings;
        let Some(issuer) = settings.jwt_issuer.clone() else {
            tracing::warn!(partner = %partner.id, "partner {} has no issuer: its tokens are the operator's to verify", partner.id);
            continue;
        };
        let kept = (before.get(&issuer)).filter(|kept| {
            kept.partner == partner.id
                && kept.settings == *settings
                && kept.verifier.is_some()
                && settings.jwt_secret_file.is_none()
        });
        let verifier = if partner.disabled_at.is_some() {
            None
        } else if let Some(kept) = kept {
            by_issuer.insert(issuer, kept.clone());
            continue;
        } else if Some(issuer.as_str()) == operator {
            tracing::warn!(partner = %partner.id, "partner {}'s issuer is the operator's: its tokens are refused", partner.id);
            None
        } else {
            match key_of(settings) {
                Ok(verifier) => Some(
                    verifier
                        .issuer(Some(issuer.clone()))
                        .audience(settings.jwt_audience.clone()),
                ),
                Err(error) => {
                    tracing::warn!(partner = %partner.id, "partner {}'s key: {error}; its tokens are refused", partner.id);
                    None
                }
            }
        };
        let key = PartnerKey {
            partner: partner.id.clone(),
            enabled: partner.disabled_at.is_none(),
            verifier,
            settings: settings.clone(),
        };
        by_issuer.insert(issuer, Arc::new(key));
    }
    Ok(by_issuer)
}

/// The verifier of a partner's key, as its settings name it.
fn key_of(settings: &PartnerSettings) -> Result<Verifier, String> {
    match (&settings.jwt_secret_file, &settings.jwks_url) {
        (Some(path), _) => Verifier::with_secret_file(path).map_err(|error| error.to_string()),
        (None, Some(url)) => Verifier::with_jwks_url(url).map_err(|error| error.to_string()),
        (None, None) => Err("no secret file and no JWKS URL".to_owned()),
    }
}
