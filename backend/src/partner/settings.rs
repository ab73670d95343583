//! What `support-backend partners` configures for one partner, kept as
//! JSON in `partners.settings`: how its tokens are verified, which pages
//! may call the API, who hears of its requests and in which language.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use support_contract::ContactLanguage;

use crate::identity::verify::SetupError;
use crate::identity::Verifier;
use crate::webhooks::{self, WebhookConfigError};

/// One partner's settings, each the counterpart of the server's flag of
/// the same name. Every field has a default and fields this binary does not
/// know are ignored, so that a row a newer backend wrote still reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerSettings {
    /// The `iss` of the partner's tokens, by which the server knows whose a
    /// token is.
    pub jwt_issuer: Option<String>,
    /// The file holding the HS256 secret of the partner's tokens.
    pub jwt_secret_file: Option<PathBuf>,
    /// The partner's OpenID Connect signing keys (its `jwks_uri`), for
    /// RS256 and ES256 tokens.
    pub jwks_url: Option<String>,
    /// The `aud` the partner's tokens must have, if any.
    pub jwt_audience: Option<String>,
    /// The origins of the partner's pages that may call the API from a
    /// browser (CORS), as browsers send them.
    pub allowed_origins: Vec<String>,
    /// The partner's support address, mailed when a customer writes.
    pub support_email: Option<String>,
    /// The language of the mail to the partner's support address and staff.
    pub locale: Option<ContactLanguage>,
    /// The portal's page of one request, with `{id}` or `{reference}`: the
    /// link in each mail, unless the reader's own below is set.
    pub portal_url: Option<String>,
    /// The page of one request on the partner's portal, for its staff.
    pub portal_url_partner: Option<String>,
    /// The page of one request on the customers' portal, for a customer.
    pub portal_url_customer: Option<String>,
    /// The URLs each new request, reply and status change is POSTed to.
    pub webhook_urls: Vec<String>,
    /// The file holding the secret that signs the partner's webhook events.
    pub webhook_secret_file: Option<PathBuf>,
    /// Requests one client may create per minute (0: no limit); the
    /// server's `--rate-limit-per-minute` without one.
    pub rate_limit_per_minute: Option<u32>,
}

/// Why settings would not make a partner the server can serve.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("a partner needs --jwt-issuer, the `iss` of its tokens: the server tells partners apart by it")]
    NoIssuer,
    #[error(
        "a partner needs the keys of its tokens: --jwt-secret-file PATH (HS256) \
         or --jwks-url URL (its OpenID Connect provider's keys)"
    )]
    NoKeys,
    #[error("--jwt-secret-file and --jwks-url: give one or the other")]
    BothKeys,
    #[error(transparent)]
    Token(#[from] SetupError),
    #[error(transparent)]
    Webhook(#[from] WebhookConfigError),
    #[error("cannot name {path} from here: {source}")]
    Path {
        path: String,
        source: std::io::Error,
    },
}

impl PartnerSettings {
    /// Whether the server can serve a partner with these settings: an
    /// issuer, exactly one source of keys, and a secret for any webhook.
    /// The files are checked where they are given ([`jwt_secret_file`],
    /// [`webhook_secret_file`]).
    pub fn check(&self) -> Result<(), SettingsError> {
        if self.jwt_issuer.is_none() {
            return Err(SettingsError::NoIssuer);
        }
        match (&self.jwt_secret_file, &self.jwks_url) {
            (None, None) => return Err(SettingsError::NoKeys),
            (Some(_), Some(_)) => return Err(SettingsError::BothKeys),
            _ => {}
        }
        if !self.webhook_urls.is_empty() && self.webhook_secret_file.is_none() {
            return Err(WebhookConfigError::NoSecret.into());
        }
        Ok(())
    }
}

/// `path` as the server is to find it, once it holds an HS256 secret the
/// server would take: the server reads it later, from its own folder.
pub fn jwt_secret_file(path: &Path) -> Result<PathBuf, SettingsError> {
    Verifier::with_secret_file(path)?;
    absolute(path)
}

/// `path` as the server is to find it, once it holds a secret the server
/// would sign webhook events with.
pub fn webhook_secret_file(path: &Path) -> Result<PathBuf, SettingsError> {
    webhooks::read_secret(path)?;
    absolute(path)
}

/// `url`, once it is one the server would fetch keys from.
pub fn jwks_url(url: &str) -> Result<String, SettingsError> {
    Verifier::with_jwks_url(url)?;
    Ok(url.to_owned())
}

/// The path from the root, links kept: a secret rotated by pointing a
/// link elsewhere is still found.
fn absolute(path: &Path) -> Result<PathBuf, SettingsError> {
    std::path::absolute(path).map_err(|source| SettingsError::Path {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served() -> PartnerSettings {
        PartnerSettings {
            jwt_issuer: Some("https://portal.contoso.example".into()),
            jwks_url: Some("https://login.contoso.example/keys".into()),
            ..PartnerSettings::default()
        }
    }

    #[test]
    fn a_partner_needs_an_issuer_and_one_source_of_keys() {
        assert!(served().check().is_ok());
        let no_issuer = PartnerSettings {
            jwt_issuer: None,
            ..served()
        };
        assert!(matches!(no_issuer.check(), Err(SettingsError::NoIssuer)));
        let no_keys = PartnerSettings {
            jwks_url: None,
            ..served()
        };
        assert!(matches!(no_keys.check(), Err(SettingsError::NoKeys)));
        let both = PartnerSettings {
            jwt_secret_file: Some("contoso.key".into()),
            ..served()
        };
        assert!(matches!(both.check(), Err(SettingsError::BothKeys)));
        let unsigned = PartnerSettings {
            webhook_urls: vec!["https://hooks.contoso.example".into()],
            ..served()
        };
        assert!(matches!(
            unsigned.check(),
            Err(SettingsError::Webhook(WebhookConfigError::NoSecret))
        ));
    }

    /// A row written by a newer backend, with a setting this one does not
    /// know, still reads; one written before a setting existed too.
    #[test]
    fn settings_read_across_versions() {
        let newer: PartnerSettings = serde_json::from_str(
            r#"{"jwt_issuer": "https://portal.contoso.example", "brand_colour": "teal"}"#,
        )
        .unwrap();
        assert_eq!(
            newer.jwt_issuer.as_deref(),
            Some("https://portal.contoso.example")
        );
        let empty: PartnerSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, PartnerSettings::default());
        let locale: PartnerSettings = serde_json::from_str(r#"{"locale": "zh-TW"}"#).unwrap();
        assert_eq!(locale.locale, Some(ContactLanguage::ZhTw));
    }
}
