//! `partners`: the partners one backend serves, each with its own token
//! keys, origins, mail and webhooks; adding one, listing them, changing
//! one's settings, disabling one.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, Args, Subcommand};

use crate::config::{
    parse_address, parse_origin, parse_portal_url, parse_webhook_url, PartnerLocale,
};
use crate::db;
use crate::partner::settings::{self, PartnerSettings, SettingsError};
use crate::partner::store::{self, Disabled, Partner, StoreError};

/// What `partners` does.
#[derive(Clone, Debug, Subcommand)]
pub enum PartnersCommand {
    /// Adds a partner, with the keys of its tokens and its issuer (the
    /// server knows a token's partner by its `iss`). The database is
    /// created if missing.
    ///
    /// Example: support-backend partners add contoso --name "Contoso Cloud"
    /// --jwt-secret-file contoso.key --jwt-issuer
    /// https://portal.contoso.example --allowed-origin
    /// https://portal.contoso.example --support-email support@contoso.example
    Add(AddPartner),
    /// Lists every partner, one a line: id, name, issuer, and since when it
    /// is disabled if it is.
    List {
        /// Prints a JSON array instead: each partner's id, name,
        /// created_at, disabled_at and settings (the secrets' files by
        /// path, never their contents).
        #[arg(long)]
        json: bool,
    },
    /// Changes a partner's name or settings: each flag given replaces that
    /// setting (a list flag, the whole list), the others stay; an empty
    /// value clears an optional setting (but --locale: en-US is the
    /// default). --jwt-secret-file and --jwks-url
    /// replace each other.
    ///
    /// Example: support-backend partners set contoso --jwks-url
    /// https://login.contoso.example/keys --allowed-origin
    /// https://portal.contoso.example --allowed-origin https://contoso.example
    Set(SetPartner),
    /// Stops serving a partner; its data stays.
    Disable {
        #[arg(value_name = "ID")]
        id: String,
    },
}

/// The arguments of `partners add`.
#[derive(Clone, Debug, Args)]
pub struct AddPartner {
    /// The partner's id: 1 to 63 of a-z, 0-9 and -, starting with a letter
    /// or digit.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The partner's name, as operators read it.
    #[arg(long, value_parser = parse_name)]
    pub name: String,
    #[command(flatten)]
    pub settings: SettingFlags,
}

/// The arguments of `partners set`.
#[derive(Clone, Debug, Args)]
pub struct SetPartner {
    #[arg(value_name = "ID")]
    pub id: String,
    /// The partner's new name.
    #[arg(long, value_parser = parse_name)]
    pub name: Option<String>,
    #[command(flatten)]
    pub settings: SettingFlags,
}

/// A partner's settings as `add` and `set` take them, each the
/// counterpart of the server's flag for its one partner.
// The flags the server also has as global flags (--webhook-url,
// --webhook-secret-file, --portal-url...) keep the same ids, so that
// these take their place here; see `PartnersCommand::keep_only_typed`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct SettingFlags {
    /// The `iss` of the partner's tokens; no other partner may have it.
    #[arg(long, value_name = "ISSUER", value_parser = parse_issuer)]
    pub jwt_issuer: Option<String>,
    /// The file holding the HS256 secret of the partner's tokens (at least
    /// 32 bytes), checked now and read by the server.
    #[arg(long, value_name = "PATH", conflicts_with = "jwks_url")]
    pub jwt_secret_file: Option<PathBuf>,
    /// The partner's OpenID Connect signing keys (its `jwks_uri`), for
    /// RS256 and ES256 tokens.
    #[arg(long, value_name = "URL", value_parser = parse_jwks_url)]
    pub jwks_url: Option<String>,
    /// The `aud` the partner's tokens must have.
    #[arg(long, value_name = "AUDIENCE", value_parser = trimmed)]
    pub jwt_audience: Option<String>,
    /// An origin of the partner's pages that may call the API from a
    /// browser (CORS), such as https://portal.contoso.example. Repeat the
    /// flag for several.
    #[arg(long = "allowed-origin", value_name = "ORIGIN", value_parser = parse_allowed_origin)]
    pub allowed_origins: Option<Vec<String>>,
    /// The partner's support address, mailed when a customer writes.
    #[arg(
        id = "partner_support_email",
        long = "support-email",
        alias = "partner-support-email",
        value_name = "ADDRESS",
        value_parser = parse_address
    )]
    pub support_email: Option<String>,
    /// The language of the mail to the partner's support address and
    /// staff: en-US, zh-CN, zh-TW or es-ES.
    #[arg(
        id = "partner_locale",
        long = "locale",
        alias = "partner-locale",
        value_name = "TAG"
    )]
    pub locale: Option<PartnerLocale>,
    /// The portal's page of one request, with {id} or {reference} where
    /// the request goes, as the server's --portal-url.
    #[arg(long, value_name = "URL", value_parser = parse_portal_url)]
    pub portal_url: Option<String>,
    /// The page of one request on the partner's portal, for its staff.
    #[arg(long, value_name = "URL", value_parser = parse_portal_url)]
    pub portal_url_partner: Option<String>,
    /// The page of one request on the customers' portal, for a customer.
    #[arg(long, value_name = "URL", value_parser = parse_portal_url)]
    pub portal_url_customer: Option<String>,
    /// A URL the partner's new requests, replies and status changes are
    /// POSTed to, signed. Repeat the flag for several.
    #[arg(long = "webhook-url", value_name = "URL", value_parser = parse_webhook_url)]
    pub webhook_urls: Option<Vec<String>>,
    /// The file holding the secret that signs the partner's webhook events
    /// (at least 32 bytes), checked now and read by the server.
    #[arg(long, value_name = "PATH")]
    pub webhook_secret_file: Option<PathBuf>,
    /// Requests one client may create per minute for this partner; 0 turns
    /// the limit off. Without it, the server's --rate-limit-per-minute.
    #[arg(long, value_name = "N", value_parser = parse_rate_limit)]
    pub rate_limit_per_minute: Option<String>,
}

/// The server's global flags that a partner's flag takes the place of
/// (`--partner-support-email` and `--partner-locale` as aliases of
/// `--support-email` and `--locale`). Clap hands a global flag's value to
/// every command, including the server's variable
/// (SUPPORT_BACKEND_WEBHOOK_URLS...) and its default: a partner takes only
/// what its own command line says.
const ALSO_THE_SERVERS: [&str; 7] = [
    "partner_support_email",
    "partner_locale",
    "webhook_urls",
    "webhook_secret_file",
    "portal_url",
    "portal_url_partner",
    "portal_url_customer",
];

impl PartnersCommand {
    /// Forgets the settings that the server's variables, not the command
    /// line, gave (`matches` are those of `partners`).
    pub(crate) fn keep_only_typed(&mut self, matches: &ArgMatches) {
        let (flags, Some((_, leaf))) = (
            match self {
                PartnersCommand::Add(add) => &mut add.settings,
                PartnersCommand::Set(set) => &mut set.settings,
                _ => return,
            },
            matches.subcommand(),
        ) else {
            return;
        };
        let typed = |id: &str| leaf.value_source(id) == Some(ValueSource::CommandLine);
        for id in ALSO_THE_SERVERS.into_iter().filter(|id| !typed(id)) {
            match id {
                "partner_support_email" => flags.support_email = None,
                "partner_locale" => flags.locale = None,
                "webhook_urls" => flags.webhook_urls = None,
                "webhook_secret_file" => flags.webhook_secret_file = None,
                "portal_url" => flags.portal_url = None,
                "portal_url_partner" => flags.portal_url_partner = None,
                _ => flags.portal_url_customer = None,
            }
        }
    }
}

impl SettingFlags {
    /// The flags with the files they name checked as the server will read
    /// them, and named from the root, as the server runs elsewhere.
    fn checked(mut self) -> Result<SettingFlags, SettingsError> {
        if let Some(path) = &self.jwt_secret_file {
            self.jwt_secret_file = Some(settings::jwt_secret_file(path)?);
        }
        if let Some(path) = self.webhook_secret_file.as_ref().filter(|p| !is_empty(p)) {
            self.webhook_secret_file = Some(settings::webhook_secret_file(path)?);
        }
        Ok(self)
    }

    /// Replaces the settings given; an empty value clears one.
    fn apply(self, to: &mut PartnerSettings) {
        let given = |value: String| (!value.is_empty()).then_some(value);
        let items = |list: Vec<String>| list.into_iter().filter(|v| !v.is_empty()).collect();
        if let Some(issuer) = self.jwt_issuer {
            to.jwt_issuer = Some(issuer);
        }
        if let Some(path) = self.jwt_secret_file {
            to.jwt_secret_file = Some(path);
            to.jwks_url = None;
        }
        if let Some(url) = self.jwks_url {
            to.jwks_url = Some(url);
            to.jwt_secret_file = None;
        }
        if let Some(audience) = self.jwt_audience {
            to.jwt_audience = given(audience);
        }
        if let Some(origins) = self.allowed_origins {
            to.allowed_origins = items(origins);
        }
        if let Some(address) = self.support_email {
            to.support_email = given(address);
        }
        if let Some(locale) = self.locale {
            to.locale = Some(locale.0);
        }
        if let Some(url) = self.portal_url {
            to.portal_url = given(url);
        }
        if let Some(url) = self.portal_url_partner {
            to.portal_url_partner = given(url);
        }
        if let Some(url) = self.portal_url_customer {
            to.portal_url_customer = given(url);
        }
        if let Some(urls) = self.webhook_urls {
            to.webhook_urls = items(urls);
        }
        if let Some(path) = self.webhook_secret_file {
            to.webhook_secret_file = (!is_empty(&path)).then_some(path);
        }
        if let Some(n) = self.rate_limit_per_minute {
            to.rate_limit_per_minute = n.parse().ok();
        }
    }
}

fn is_empty(path: &std::path::Path) -> bool {
    path.as_os_str().is_empty()
}

/// Why `partners` changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum PartnersError {
    #[error(transparent)]
    Database(#[from] db::ConnectError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("cannot write the partners as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "partner {0:?}: nothing to change; give --name or the flags of the settings to change"
    )]
    NothingToSet(String),
}

/// Runs `partners`; returns what to print.
pub async fn partners(
    database_url: &str,
    command: &PartnersCommand,
) -> Result<String, PartnersError> {
    match command {
        PartnersCommand::Add(add) => {
            // Checked before the database is opened, and so made.
            store::check_id(&add.id)?;
            let flags = add.settings.clone().checked()?;
            let mut settings = PartnerSettings::default();
            flags.apply(&mut settings);
            settings.check()?;
            let db = db::connect(database_url).await?;
            let added = store::add(&db, &add.id, &add.name, &settings).await;
            db.close().await;
            Ok(format!("added {}", line(&added?)))
        }
        PartnersCommand::List { json } => {
            let db = db::connect_existing(database_url).await?;
            let partners = store::list(&db).await;
            db.close().await;
            let partners = partners?;
            if *json {
                return Ok(serde_json::to_string_pretty(&partners)?);
            }
            Ok(partners.iter().map(line).collect::<Vec<_>>().join("\n"))
        }
        PartnersCommand::Set(set) => {
            store::check_id(&set.id)?;
            if set.name.is_none() && set.settings == SettingFlags::default() {
                return Err(PartnersError::NothingToSet(set.id.clone()));
            }
            let flags = set.settings.clone().checked()?;
            let db = db::connect_existing(database_url).await?;
            let changed = store::set(&db, &set.id, set.name.as_deref(), |settings| {
                flags.apply(settings)
            })
            .await;
            db.close().await;
            Ok(format!("changed {}", line(&changed?)))
        }
        PartnersCommand::Disable { id } => {
            store::check_id(id)?;
            let db = db::connect_existing(database_url).await?;
            let disabled = store::disable(&db, id).await;
            db.close().await;
            Ok(match disabled? {
                Disabled::Now { at } => format!("{id}: disabled at {at}; its data stays"),
                Disabled::Already { since } => {
                    format!("{id}: already disabled since {since}; nothing was changed")
                }
            })
        }
    }
}

/// A partner as `list` shows it: `contoso (Contoso Cloud): issuer
/// https://portal.contoso.example`, and `, disabled since …` if it is.
fn line(partner: &Partner) -> String {
    let issuer = match (&partner.settings.jwt_issuer, partner.id.as_str()) {
        (Some(issuer), _) => format!("issuer {issuer}"),
        (None, crate::partner::DEFAULT_PARTNER) => "the backend's own flags".to_owned(),
        (None, _) => "no issuer".to_owned(),
    };
    let disabled = partner
        .disabled_at
        .as_ref()
        .map(|since| format!(", disabled since {since}"))
        .unwrap_or_default();
    format!("{} ({}): {issuer}{disabled}", partner.id, partner.name)
}

/// A name operators read: not empty, on one line.
fn parse_name(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("the name is empty".to_owned());
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{value:?} is not a name on one line"));
    }
    Ok(value.to_owned())
}

/// An issuer as tokens carry it in `iss`: compared as it is, so without
/// white space.
fn parse_issuer(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{value:?} is not an issuer, such as https://portal.contoso.example"
        ));
    }
    Ok(value.to_owned())
}

fn parse_jwks_url(value: &str) -> Result<String, String> {
    settings::jwks_url(value.trim()).map_err(|error| error.to_string())
}

fn trimmed(value: &str) -> Result<String, String> {
    Ok(value.trim().to_owned())
}

/// An origin as browsers send it, or nothing for an empty value.
fn parse_allowed_origin(value: &str) -> Result<String, String> {
    parse_origin(value).map(|origin| origin.as_str().unwrap_or_default().to_owned())
}

/// A count, or nothing for an empty value.
fn parse_rate_limit(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    value
        .parse::<u32>()
        .map(|n| n.to_string())
        .map_err(|_| format!("{value:?} is not a number of requests (0 turns the limit off)"))
}
