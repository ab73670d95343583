//! Verifying a bearer token: its signature (a shared secret, or the portal's
//! OpenID Connect keys), its algorithm, issuer, audience and times. The
//! cryptography is `jsonwebtoken`'s.

use std::collections::HashSet;
use std::path::Path;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use super::jwks::Jwks;
#[cfg(test)]
use super::jwks::REFETCH_AFTER;
use super::{Identity, Role};

/// How far a token's `exp` and `nbf` may be off: clocks of the portal and
/// of this backend are rarely a minute apart.
pub const LEEWAY_SECS: u64 = 60;

/// The shortest shared secret taken: HS256 is as strong as its key, and a
/// short one can be guessed offline from any token.
pub const SECRET_MIN_BYTES: usize = 32;

/// Why a token was refused (all of them answer 401).
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the Authorization header is not `Bearer <token>`")]
    Malformed,
    #[error("the token does not verify: {0}")]
    Invalid(#[from] jsonwebtoken::errors::Error),
    #[error("the token's algorithm {0:?} is not one this backend takes")]
    Algorithm(Algorithm),
    #[error("no signing key {0:?} at the JWKS URL")]
    UnknownKey(String),
    #[error("the token's sub is blank")]
    BlankSubject,
    #[error("the signing keys could not be had: {0}")]
    Keys(String),
    #[error("the token names partner {0:?}, not the partner whose key verified it")]
    OtherPartner(String),
    #[error("partner {0:?} is disabled, or its key cannot be had")]
    PartnerRefused(String),
}

impl TokenError {
    /// The reason as a metric's label: a few fixed words.
    pub fn reason(&self) -> &'static str {
        use jsonwebtoken::errors::ErrorKind;
        match self {
            TokenError::Malformed => "malformed",
            TokenError::Invalid(error) => match error.kind() {
                ErrorKind::ExpiredSignature => "expired",
                ErrorKind::ImmatureSignature => "not_yet_valid",
                ErrorKind::InvalidSignature => "signature",
                ErrorKind::InvalidIssuer => "issuer",
                ErrorKind::InvalidAudience => "audience",
                _ => "invalid",
            },
            TokenError::Algorithm(_) => "algorithm",
            TokenError::UnknownKey(_) => "unknown_key",
            TokenError::BlankSubject => "blank_subject",
            TokenError::Keys(_) => "keys_unavailable",
            TokenError::OtherPartner(_) => "other_partner",
            TokenError::PartnerRefused(_) => "partner_refused",
        }
    }
}

/// Why the verifier could not be set up (the backend does not start).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("cannot read the JWT secret file {path}: {source}")]
    SecretFile {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "the JWT secret in {path} is {len} bytes long; use at least {SECRET_MIN_BYTES} \
         random bytes (for example: openssl rand -base64 48 > {path})"
    )]
    SecretTooShort { path: String, len: usize },
    #[error("--jwks-url {0:?} is not an http(s) URL")]
    JwksUrl(String),
}

/// Where the signing keys come from.
enum Keys {
    Secret(DecodingKey),
    Jwks(Jwks),
}

/// Verifies tokens as configured.
pub struct Verifier {
    keys: Keys,
    issuer: Option<String>,
    audience: Option<String>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys = match &self.keys {
            Keys::Secret(_) => "secret".to_owned(),
            Keys::Jwks(jwks) => jwks.url().to_owned(),
        };
        f.debug_struct("Verifier")
            .field("keys", &keys)
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .finish()
    }
}

/// The claims this backend reads.
#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    exp: u64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    customer_id: Option<String>,
}

impl Verifier {
    /// HS256 with the secret in `path` (trailing whitespace is not part of it).
    pub fn with_secret_file(path: &Path) -> Result<Verifier, SetupError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| SetupError::SecretFile {
            path: shown.clone(),
            source,
        })?;
        let secret = bytes.trim_ascii_end();
        if secret.len() < SECRET_MIN_BYTES {
            return Err(SetupError::SecretTooShort {
                path: shown,
                len: secret.len(),
            });
        }
        Ok(Verifier::new(Keys::Secret(DecodingKey::from_secret(
            secret,
        ))))
    }

    /// RS256 and ES256 with the keys at `url` (an OpenID Connect provider's
    /// `jwks_uri`).
    pub fn with_jwks_url(url: &str) -> Result<Verifier, SetupError> {
        let parsed = url::Url::parse(url).map_err(|_| SetupError::JwksUrl(url.to_owned()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(SetupError::JwksUrl(url.to_owned()));
        }
        Ok(Verifier::new(Keys::Jwks(Jwks::new(parsed.to_string()))))
    }

    fn new(keys: Keys) -> Verifier {
        Verifier {
            keys,
            issuer: None,
            audience: None,
        }
    }

    /// Refuses tokens from another issuer (`iss`).
    pub fn issuer(mut self, issuer: Option<String>) -> Verifier {
        self.issuer = issuer;
        self
    }

    /// Refuses tokens for another audience (`aud`).
    pub fn audience(mut self, audience: Option<String>) -> Verifier {
        self.audience = audience;
        self
    }

    /// The algorithms a token may be signed with.
    pub fn algorithms(&self) -> &'static [Algorithm] {
        match self.keys {
            Keys::Secret(_) => &[Algorithm::HS256],
            Keys::Jwks(_) => &[Algorithm::RS256, Algorithm::ES256],
        }
    }

    /// Fetches the signing keys now, so that the first user does not wait
    /// for them; a provider that is down is tried again on first use.
    pub async fn warm_up(&self) {
        if let Keys::Jwks(jwks) = &self.keys {
            if let Err(error) = jwks.refresh().await {
                tracing::warn!("cannot fetch the signing keys yet: {error}");
            }
        }
    }

    /// The user a token names, if it verifies.
    pub async fn verify(&self, token: &str) -> Result<Identity, TokenError> {
        // `alg: none` and unknown algorithms do not even parse as a header.
        let header = jsonwebtoken::decode_header(token)?;
        if !self.algorithms().contains(&header.alg) {
            return Err(TokenError::Algorithm(header.alg));
        }
        let fetched;
        let key = match &self.keys {
            Keys::Secret(key) => key,
            Keys::Jwks(jwks) => {
                fetched = jwks.key(header.kid.as_deref()).await?;
                &fetched
            }
        };
        let claims: Claims = jsonwebtoken::decode(token, key, &self.validation(header.alg))?.claims;
        if claims.sub.trim().is_empty() {
            return Err(TokenError::BlankSubject);
        }
        Ok(Identity {
            sub: claims.sub,
            name: claims.name.filter(|name| !name.trim().is_empty()),
            email: claims.email.filter(|email| !email.trim().is_empty()),
            role: claims.role.as_deref().and_then(Role::parse),
            customer_id: claims.customer_id.filter(|id| !id.trim().is_empty()),
            expires_at: claims.exp,
            partner: crate::partner::DEFAULT_PARTNER.to_owned(),
        })
    }

    fn validation(&self, algorithm: Algorithm) -> Validation {
        let mut validation = Validation::new(algorithm);
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        // A claim that is checked must also be there.
        let mut required = HashSet::from(["exp".to_owned(), "sub".to_owned()]);
        match &self.audience {
            Some(audience) => {
                validation.set_audience(&[audience]);
                required.insert("aud".to_owned());
            }
            None => validation.validate_aud = false,
        }
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
            required.insert("iss".to_owned());
        }
        validation.required_spec_claims = required;
        validation
    }
}

#[cfg(test)]
mod tests;
