//! The command line: every flag also reads an environment variable, so the
//! backend can be configured either way (a container prefers variables).

use std::path::PathBuf;
use std::str::FromStr;

use axum::http::{HeaderName, HeaderValue};
use clap::builder::BoolishValueParser;
use clap::Parser;
use sqlx::sqlite::SqliteConnectOptions;

use crate::attachments::files::Location;
use crate::dialect::Dialect;

/// The reference backend of the support widget: stores support requests in
/// SQLite or PostgreSQL and answers the widget's JSON API.
#[derive(Clone, Debug, Parser)]
#[command(name = "support-backend", version, about, long_about = None)]
pub struct Config {
    /// Address and port to listen on (port 0 picks a free port).
    #[arg(
        long,
        env = "SUPPORT_BACKEND_LISTEN",
        default_value = "127.0.0.1:8787",
        value_name = "HOST:PORT"
    )]
    pub listen: String,

    /// Database URL: sqlite://FILE (created if missing) or
    /// postgres://USER:PASSWORD@HOST:PORT/DATABASE (must exist; several
    /// backend processes may share it). Migrated at start.
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        default_value = "sqlite://support-widget.db",
        value_name = "URL"
    )]
    pub database_url: String,

    /// Origin allowed to call the API from a browser (CORS), such as
    /// https://portal.example.com. Repeat the flag for several origins; the
    /// environment variable takes a comma-separated list (empty items are
    /// skipped). Without any, no CORS headers are sent and browsers on other
    /// origins are refused.
    #[arg(
        long = "allowed-origin",
        env = "SUPPORT_BACKEND_ALLOWED_ORIGINS",
        value_delimiter = ',',
        value_name = "ORIGIN",
        value_parser = parse_origin
    )]
    pub allowed_origins: Vec<AllowedOrigin>,

    /// A request header that pages may add to the widget's requests
    /// (setRequestHeaders), such as X-Portal-Tenant, beyond Authorization
    /// and those the widget sends itself: browsers ask before they send
    /// one to another origin (CORS), and only those named here are allowed.
    /// Repeat the flag for several; the environment variable takes a
    /// comma-separated list (empty items are skipped).
    #[arg(
        long = "allowed-header",
        env = "SUPPORT_BACKEND_ALLOWED_HEADERS",
        value_delimiter = ',',
        value_name = "NAME",
        value_parser = parse_header_name
    )]
    pub allowed_headers: Vec<AllowedHeader>,

    /// Requests one client (IP address; IPv6 by /64) may create per minute:
    /// a burst of this many, then one every 60/N seconds; beyond that the
    /// answer is 429 with Retry-After. 0 turns the limit off. Counted per
    /// process, by the client's address: the peer's, or the one a trusted
    /// proxy forwarded for (--trusted-proxy).
    #[arg(
        long,
        env = "SUPPORT_BACKEND_RATE_LIMIT_PER_MINUTE",
        default_value_t = DEFAULT_RATE_LIMIT_PER_MINUTE,
        value_name = "N"
    )]
    pub rate_limit_per_minute: u32,

    /// A proxy (an address or a CIDR range, such as 10.0.0.0/24) whose
    /// X-Forwarded-For names the client, for the rate limit and the log:
    /// the right-most address in it that is not a trusted proxy. Repeat
    /// the flag for several; the environment variable takes a
    /// comma-separated list. Without any, X-Forwarded-For is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "SUPPORT_BACKEND_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "CIDR",
        value_parser = parse_range
    )]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Live streams (GET /events) one user, a token's subject, may hold at
    /// once: one per browser needs no more. A new one beyond this ends
    /// that user's oldest, whose browser is told to come back after a
    /// minute. Counted per process; an open backend (--no-auth) knows no
    /// users, and only --event-streams-max holds there.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_EVENT_STREAMS_PER_USER",
        default_value_t = crate::live::admission::DEFAULT_PER_USER,
        value_name = "N",
        value_parser = clap::value_parser!(u32).range(1..=1000)
    )]
    pub event_streams_per_user: u32,

    /// Live streams (GET /events) this process may hold in all; beyond
    /// that a new one is answered 503 with Retry-After. Each is an open
    /// connection, and so a file. Default: three quarters of the process's
    /// open-file limit (the soft RLIMIT_NOFILE it starts with; `ulimit -n`).
    #[arg(
        long,
        env = "SUPPORT_BACKEND_EVENT_STREAMS_MAX",
        value_name = "N",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub event_streams_max: Option<u64>,

    /// Where uploaded files are kept: file:///DIR (a folder, created if
    /// missing), azure://CONTAINER/PREFIX (Azure Blob Storage; the account
    /// and its credentials from AZURE_STORAGE_ACCOUNT_NAME,
    /// AZURE_STORAGE_ACCOUNT_KEY and the other AZURE_* settings,
    /// AZURE_STORAGE_USE_EMULATOR=true for Azurite) or s3://BUCKET/PREFIX
    /// (from the AWS_* settings). Checked with a small write at start.
    /// Default: the folder `attachments` beside the SQLite database file, or
    /// in the working directory with PostgreSQL. Several backend processes
    /// on one PostgreSQL database must share one store, and one database
    /// one prefix.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_ATTACHMENTS_URL",
        value_name = "URL",
        conflicts_with = "attachments_dir"
    )]
    pub attachments_url: Option<Location>,

    /// The same as --attachments-url file:///DIR, for a relative DIR too.
    #[arg(long, env = "SUPPORT_BACKEND_ATTACHMENTS_DIR", value_name = "DIR")]
    pub attachments_dir: Option<PathBuf>,

    /// Hours after which an upload that no request refers to is deleted,
    /// its row and its file. Checked at start and every hour.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_ORPHAN_UPLOAD_HOURS",
        default_value_t = DEFAULT_ORPHAN_UPLOAD_HOURS,
        value_name = "HOURS",
        value_parser = clap::value_parser!(u64).range(1..=24 * 365)
    )]
    pub orphan_upload_hours: u64,

    /// The portal's shared secret for HS256 tokens, in a file (at least 32
    /// bytes; trailing whitespace is not part of it). Every request then
    /// needs `Authorization: Bearer <JWT>`.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_JWT_SECRET_FILE",
        value_name = "PATH",
        conflicts_with = "jwks_url"
    )]
    pub jwt_secret_file: Option<PathBuf>,

    /// The portal's OpenID Connect signing keys (its `jwks_uri`), for RS256
    /// and ES256 tokens. Every request then needs `Authorization: Bearer
    /// <JWT>`.
    #[arg(long, env = "SUPPORT_BACKEND_JWKS_URL", value_name = "URL")]
    pub jwks_url: Option<String>,

    /// The `iss` every token must have.
    #[arg(long, env = "SUPPORT_BACKEND_JWT_ISSUER", value_name = "ISSUER")]
    pub jwt_issuer: Option<String>,

    /// The `aud` every token must have.
    #[arg(long, env = "SUPPORT_BACKEND_JWT_AUDIENCE", value_name = "AUDIENCE")]
    pub jwt_audience: Option<String>,

    /// Serves without tokens: anyone may read the customer list and file
    /// as anyone. For local experiments only.
    // Checked against the keys at start (`Config::auth`), not by clap, for
    // which a variable set to "off" beside a JWT secret would conflict.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_NO_AUTH",
        value_parser = BoolishValueParser::new()
    )]
    pub no_auth: bool,

    /// Lets visitors without a token use a public help page: read services,
    /// service health and articles, and send their partner a message with
    /// their contact typed in (under the rate limit).
    #[arg(
        long,
        env = "SUPPORT_BACKEND_ANONYMOUS_CUSTOMERS",
        value_parser = BoolishValueParser::new()
    )]
    pub anonymous_customers: bool,

    /// A URL that each new request, reply and status change is POSTed to,
    /// as a signed JSON event (see docs/backend.md). Repeat the flag for
    /// several; the environment variable takes a comma-separated list.
    #[arg(
        long = "webhook-url",
        global = true,
        env = "SUPPORT_BACKEND_WEBHOOK_URLS",
        value_delimiter = ',',
        value_name = "URL",
        value_parser = parse_webhook_url
    )]
    pub webhook_urls: Vec<String>,

    /// The secret that signs webhook events (at least 32 bytes), in a file.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_WEBHOOK_SECRET_FILE",
        value_name = "PATH"
    )]
    pub webhook_secret_file: Option<PathBuf>,

    /// Seconds one webhook call may take.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_WEBHOOK_TIMEOUT_SECS",
        default_value_t = 10,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(1..=300)
    )]
    pub webhook_timeout_secs: u64,

    /// The longest wait, in milliseconds, before the first retry of a
    /// failed webhook call; each later retry may wait twice as long (up to
    /// an hour), a random part of it.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_WEBHOOK_BACKOFF_MS",
        default_value_t = 1000,
        value_name = "MS"
    )]
    pub webhook_backoff_ms: u64,

    /// The SMTP server that sends the transactional mail, as lettre reads
    /// it: smtps://USER:PASSWORD@HOST:465, or
    /// smtp://USER:PASSWORD@HOST:587?tls=required; plain smtp://HOST:PORT
    /// only for a relay on the same host. Without it no mail is sent (see
    /// docs/backend.md for what is sent to whom).
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_SMTP_URL",
        value_name = "URL",
        value_parser = trimmed
    )]
    pub smtp_url: Option<String>,

    /// Who the mail is from, such as "Support <support@partner.example>".
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_MAIL_FROM",
        value_name = "MAILBOX",
        value_parser = parse_mailbox
    )]
    pub mail_from: Option<String>,

    /// The partner's support address, mailed when a customer sends a new
    /// message or replies on one.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_PARTNER_SUPPORT_EMAIL",
        value_name = "ADDRESS",
        value_parser = parse_address
    )]
    pub partner_support_email: Option<String>,

    /// The portal's page of one request, with `{id}` where its id goes or
    /// `{reference}` where its reference goes
    /// (https://portal.example/support/{reference}): each mail links to it,
    /// unless --portal-url-partner or --portal-url-customer names its
    /// reader's own.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_PORTAL_URL",
        value_name = "URL",
        value_parser = parse_portal_url
    )]
    pub portal_url: Option<String>,

    /// The page of one request on the partner's portal, as
    /// --portal-url: the link in the mail to the partner's support address
    /// and to partner staff.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_PORTAL_URL_PARTNER",
        value_name = "URL",
        value_parser = parse_portal_url
    )]
    pub portal_url_partner: Option<String>,

    /// The page of one request on the customers' self-service portal, as
    /// --portal-url: the link in the mail to a customer about their
    /// message.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_PORTAL_URL_CUSTOMER",
        value_name = "URL",
        value_parser = parse_portal_url
    )]
    pub portal_url_customer: Option<String>,

    /// The language of the mail to the partner's support address and to
    /// partner staff: en-US, zh-CN, zh-TW or es-ES. A customer's mail is in
    /// the customer's own language.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_PARTNER_LOCALE",
        default_value = "en-US",
        value_name = "TAG"
    )]
    pub partner_locale: PartnerLocale,

    /// The backend's own address as people reach it from outside
    /// (https://portal.example/api/support): the link that confirms a
    /// visitor's typed address goes there. Needed with
    /// --anonymous-customers and --smtp-url.
    #[arg(
        long,
        global = true,
        env = "SUPPORT_BACKEND_PUBLIC_URL",
        value_name = "URL",
        value_parser = parse_public_url
    )]
    pub public_url: Option<String>,

    /// The longest wait, in milliseconds, before the first retry of a mail
    /// the SMTP server did not take; each later retry may wait twice as
    /// long (up to an hour), a random part of it.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_MAIL_BACKOFF_MS",
        default_value_t = 1000,
        value_name = "MS"
    )]
    pub mail_backoff_ms: u64,

    /// Seconds one SMTP exchange (connecting, sending one mail) may take.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_MAIL_TIMEOUT_SECS",
        default_value_t = 30,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(1..=300)
    )]
    pub mail_timeout_secs: u64,

    /// Seconds a mail waits before it is sent: whatever else happens on
    /// the same request meanwhile (a reply, then its status changed) goes
    /// in the same mail to each person. 0 sends each at once.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_MAIL_COALESCE_SECS",
        default_value_t = 60,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(0..=3600)
    )]
    pub mail_coalesce_secs: u64,

    /// Seconds a stop (SIGTERM, SIGINT) waits for the requests and uploads
    /// in flight before it closes them. Give the orchestrator's own limit
    /// (Kubernetes' terminationGracePeriodSeconds, docker stop's --time) a
    /// few seconds more.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_SHUTDOWN_GRACE_SECS",
        default_value_t = DEFAULT_SHUTDOWN_GRACE_SECS,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(0..=3600)
    )]
    pub shutdown_grace_secs: u64,

    /// Address and port to serve Prometheus metrics on, at /metrics (such
    /// as 127.0.0.1:9187). Off by default: keep it off the public port and
    /// away from the internet.
    #[arg(long, env = "SUPPORT_BACKEND_METRICS_LISTEN", value_name = "HOST:PORT")]
    pub metrics_listen: Option<String>,

    /// How the log on stderr is written: `text`, for a person, or `json`,
    /// one object a line, for a log collector.
    #[arg(
        long,
        env = "SUPPORT_BACKEND_LOG_FORMAT",
        default_value = "text",
        value_name = "FORMAT"
    )]
    pub log_format: LogFormat,
}

/// How the log is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// How long a stop waits for requests in flight: Kubernetes' default
/// grace before it kills.
pub const DEFAULT_SHUTDOWN_GRACE_SECS: u64 = 30;

impl Config {
    /// How many live streams may be open: `--event-streams-max`, or a
    /// share of the open-file limit.
    pub fn event_stream_limits(&self) -> crate::live::admission::Limits {
        use crate::live::admission::{default_total, Limits};
        let total = match self.event_streams_max {
            Some(most) => usize::try_from(most).unwrap_or(usize::MAX),
            None => default_total(),
        };
        Limits {
            per_user: self.event_streams_per_user as usize,
            total,
        }
    }

    /// Where events are written, as configured: a command such as
    /// `set-status` writes them (and a serving backend delivers them) with
    /// the webhook URLs alone, no secret.
    pub fn outbox(&self) -> crate::outbox::Outbox {
        crate::outbox::Outbox {
            endpoints: self.webhook_endpoints(),
            mail: self.mail_outbox(),
        }
    }

    /// Who hears by mail, with `--smtp-url`; `None` without it.
    pub fn mail_outbox(&self) -> Option<crate::mail::MailOutbox> {
        given(&self.smtp_url)?;
        Some(crate::mail::MailOutbox {
            partner_support: given(&self.partner_support_email).map(str::to_owned),
            partner_portal_url: given(&self.portal_url_partner)
                .or(given(&self.portal_url))
                .map(str::to_owned),
            customer_portal_url: given(&self.portal_url_customer)
                .or(given(&self.portal_url))
                .map(str::to_owned),
            public_url: given(&self.public_url).map(str::to_owned),
            partner_language: self.partner_locale.0,
            sender: None,
        })
    }

    /// The mailer, as configured; `None` without `--smtp-url`.
    /// Mail settings without `--smtp-url` would do nothing, and stop the
    /// start instead of being ignored.
    // Checked here rather than by clap's `requires`: an empty variable
    // (`SUPPORT_BACKEND_PORTAL_URL=`) is a setting left out, which clap
    // would count as given; and the commands take these flags without
    // needing them.
    pub fn mailer(&self) -> Result<Option<crate::mail::Mailer>, crate::mail::MailConfigError> {
        use crate::mail::MailConfigError;
        let (Some(smtp_url), Some(outbox)) = (given(&self.smtp_url), self.mail_outbox()) else {
            let without = [
                ("--mail-from", &self.mail_from),
                ("--partner-support-email", &self.partner_support_email),
                ("--portal-url", &self.portal_url),
                ("--portal-url-partner", &self.portal_url_partner),
                ("--portal-url-customer", &self.portal_url_customer),
                ("--public-url", &self.public_url),
            ];
            return match without
                .into_iter()
                .find(|(_, value)| given(value).is_some())
            {
                Some((flag, _)) => Err(MailConfigError::WithoutSmtp(flag)),
                None => Ok(None),
            };
        };
        if self.anonymous_customers && outbox.public_url.is_none() {
            return Err(MailConfigError::NoPublicUrl);
        }
        let from = given(&self.mail_from).ok_or(MailConfigError::NoFrom)?;
        crate::mail::Mailer::new(
            smtp_url,
            from,
            outbox,
            crate::mail::Timing {
                timeout: std::time::Duration::from_secs(self.mail_timeout_secs),
                backoff_base: std::time::Duration::from_millis(self.mail_backoff_ms),
                hold: std::time::Duration::from_secs(self.mail_coalesce_secs),
            },
        )
        .map(Some)
    }

    fn webhook_endpoints(&self) -> Vec<String> {
        self.webhook_urls
            .iter()
            .filter(|url| !url.is_empty())
            .cloned()
            .collect()
    }

    /// The webhooks: the flags' (none without `--webhook-url`), and the
    /// partners'.
    pub fn webhooks(
        &self,
    ) -> Result<crate::webhooks::Webhooks, crate::webhooks::WebhookConfigError> {
        crate::webhooks::Webhooks::new(
            &self.webhook_endpoints(),
            self.webhook_secret_file.as_deref(),
            std::time::Duration::from_secs(self.webhook_timeout_secs),
            std::time::Duration::from_millis(self.webhook_backoff_ms),
        )
    }
}

/// What `Config` says of tokens.
#[derive(Debug, thiserror::Error)]
pub enum AuthConfigError {
    #[error(
        "no way to verify who is asking. Give the portal's token keys with \
         --jwt-secret-file PATH (HS256) or --jwks-url URL (its OpenID Connect \
         provider's keys), or run an open backend for local experiments with --no-auth"
    )]
    Missing,
    #[error(
        "--no-auth serves without tokens, so it cannot go with --jwt-secret-file \
         or --jwks-url: give one or the other"
    )]
    OpenWithKeys,
    #[error(transparent)]
    Setup(#[from] crate::identity::verify::SetupError),
}

impl Config {
    /// How callers are told apart, as configured.
    pub fn auth(&self) -> Result<crate::identity::Auth, AuthConfigError> {
        use crate::identity::{Auth, Verifier};
        let verifier = match (&self.jwt_secret_file, &self.jwks_url, self.no_auth) {
            (Some(_), _, true) | (_, Some(_), true) => return Err(AuthConfigError::OpenWithKeys),
            (Some(path), _, _) => Some(Verifier::with_secret_file(path)?),
            (None, Some(url), _) => Some(Verifier::with_jwks_url(url)?),
            (None, None, true) => None,
            (None, None, false) => return Err(AuthConfigError::Missing),
        };
        let verifier = verifier.map(|verifier| {
            verifier
                .issuer(self.jwt_issuer.clone())
                .audience(self.jwt_audience.clone())
        });
        Ok(Auth {
            verifier,
            anonymous_customers: self.anonymous_customers,
            partners: None,
        })
    }
}

/// How long an upload may wait for its request: a user who adds a file and
/// leaves the form open overnight still sends it the next morning.
pub const DEFAULT_ORPHAN_UPLOAD_HOURS: u64 = 24;

impl Config {
    /// Where uploaded files go: `--attachments-url`, else the folder
    /// [`Config::attachments_dir`].
    pub fn attachments(&self) -> Location {
        match &self.attachments_url {
            Some(location) => location.clone(),
            None => Location::Folder(self.attachments_dir()),
        }
    }

    /// The folder for uploaded files: `--attachments-dir`, else
    /// `attachments` beside a SQLite database file, else `attachments` in
    /// the working directory.
    pub fn attachments_dir(&self) -> PathBuf {
        if let Some(dir) = &self.attachments_dir {
            return dir.clone();
        }
        let beside_database = (Dialect::from_url(&self.database_url) == Some(Dialect::Sqlite))
            .then(|| SqliteConnectOptions::from_str(&self.database_url).ok())
            .flatten()
            .and_then(|options| {
                let file = options.get_filename();
                // An in-memory database has no folder of its own.
                (!file.as_os_str().is_empty() && file != std::path::Path::new(":memory:"))
                    .then(|| file.with_file_name("attachments"))
            });
        beside_database.unwrap_or_else(|| PathBuf::from("attachments"))
    }
}

/// The default rate limit: far above what a person filing requests needs
/// (and above the end-to-end tests' few dozen posts from one address), far
/// below what would fill the database.
pub const DEFAULT_RATE_LIMIT_PER_MINUTE: u32 = 120;

impl Config {
    /// The origins allowed to call the API from a browser, as browsers send
    /// them in `Origin`.
    pub fn allowed_origins(&self) -> Vec<HeaderValue> {
        self.allowed_origins
            .iter()
            .filter_map(|origin| origin.0.clone())
            .collect()
    }

    /// The page's own request headers that browsers may send from the
    /// allowed origins.
    pub fn allowed_headers(&self) -> Vec<HeaderName> {
        self.allowed_headers
            .iter()
            .filter_map(|name| name.0.clone())
            .collect()
    }
}

/// One item of `--trusted-proxy`: a range, or one address as a range of
/// one.
/// A locale the backend writes mail in, as `--partner-locale` takes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartnerLocale(pub support_contract::ContactLanguage);

impl FromStr for PartnerLocale {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        support_contract::ContactLanguage::parse(value.trim())
            .map(PartnerLocale)
            .ok_or_else(|| format!("{value:?} is not one of en-US, zh-CN, zh-TW, es-ES"))
    }
}

fn parse_range(value: &str) -> Result<ipnet::IpNet, String> {
    let value = value.trim();
    value
        .parse::<ipnet::IpNet>()
        .or_else(|_| value.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map(|range| range.trunc())
        .map_err(|_| format!("{value:?} is not an address or a range like 10.0.0.0/24"))
}

/// One item of `--allowed-origin`: an origin, or nothing for an empty item
/// (`SUPPORT_BACKEND_ALLOWED_ORIGINS=` or a trailing comma).
#[derive(Clone, Debug)]
pub struct AllowedOrigin(Option<HeaderValue>);

impl AllowedOrigin {
    /// The origin as browsers send it in `Origin`; `None` for an empty item.
    pub fn as_str(&self) -> Option<&str> {
        self.0.as_ref().and_then(|origin| origin.to_str().ok())
    }
}

impl std::str::FromStr for AllowedOrigin {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        parse_origin(value)
    }
}

/// Accepts `scheme://host[:port]` and writes it as a browser sends it in
/// `Origin` (the host in lowercase, without the scheme's default
/// port, without a trailing slash), so that `https://Portal.Example.com:443`
/// still matches. A path, a wildcard or a user name is refused at start: CORS
/// would otherwise fail silently in the browser.
pub(crate) fn parse_origin(value: &str) -> Result<AllowedOrigin, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(AllowedOrigin(None));
    }
    let refused =
        || format!("{value:?} must be an origin like https://portal.example.com (no path)");
    if value.contains('*') {
        return Err(format!(
            "{value:?}: a wildcard allows no origin; list each portal's origin, \
             such as https://portal.example.com"
        ));
    }
    if !value.contains("://") {
        // The origin it most likely means: the host, without a path.
        let host = value.split(['/', '?', '#']).next().unwrap_or(value);
        return Err(format!(
            "{value:?} must start with http:// or https://, as https://{host}"
        ));
    }
    let url = url::Url::parse(value).map_err(|_| refused())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{value:?} must start with http:// or https://"));
    }
    // A wildcard is no host a browser names (the url crate lets `*` by).
    let only_origin = url.path() == "/"
        && url.host_str().is_some_and(|host| !host.contains('*'))
        && url.query().is_none()
        && url.fragment().is_none()
        && url.username().is_empty()
        && url.password().is_none();
    if !only_origin {
        return Err(refused());
    }
    HeaderValue::from_str(&url.origin().ascii_serialization())
        .map(|origin| AllowedOrigin(Some(origin)))
        .map_err(|error| format!("{value:?}: {error}"))
}

/// One item of `--allowed-header`: a header's name, or nothing for an
/// empty item.
#[derive(Clone, Debug)]
pub struct AllowedHeader(Option<HeaderName>);

impl std::str::FromStr for AllowedHeader {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        parse_header_name(value)
    }
}

/// Accepts a header's name as HTTP spells it (`X-Portal-Tenant`), in any
/// case; a value (`X-Tenant: a`) or a wildcard is refused at start, as the
/// browser would otherwise refuse the header without a word.
fn parse_header_name(value: &str) -> Result<AllowedHeader, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(AllowedHeader(None));
    }
    HeaderName::from_bytes(value.as_bytes())
        .ok()
        .filter(|_| value != "*")
        .map(|name| AllowedHeader(Some(name)))
        .ok_or_else(|| format!("{value:?} must be a header's name, like X-Portal-Tenant"))
}

/// A flag's value as its parser left it, or `None` when it is empty (a
/// variable set to nothing): a setting left out.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|value| !value.is_empty())
}

/// The value without the white space around it. Each flag's parser below
/// trims it so, and takes an empty one as a setting left out ([`given`]).
fn trimmed(value: &str) -> Result<String, String> {
    Ok(value.trim().to_owned())
}

fn is_http(url: &url::Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// A webhook's URL: http or https.
pub(crate) fn parse_webhook_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() || url::Url::parse(value).is_ok_and(|url| is_http(&url)) {
        Ok(value.to_owned())
    } else {
        Err(format!("{value:?} is not an http(s) URL"))
    }
}

/// Who the mail is from, as lettre takes it.
fn parse_mailbox(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() || value.parse::<lettre::message::Mailbox>().is_ok() {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "{value:?} is not a mailbox such as \"Support <support@partner.example>\""
        ))
    }
}

/// An e-mail address, as lettre takes it.
pub(crate) fn parse_address(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() || value.parse::<lettre::Address>().is_ok() {
        Ok(value.to_owned())
    } else {
        Err(format!("{value:?} is not an e-mail address"))
    }
}

/// The placeholders of a portal URL, each filled with the request's own,
/// URL-encoded (`crate::mail::compose`).
const PORTAL_PLACEHOLDERS: [&str; 2] = ["{id}", "{reference}"];

/// The portal's page of a request: http(s), with `{id}` or `{reference}`
/// in it, and no other `{...}`, which would reach the mail as it is.
pub(crate) fn parse_portal_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    if !url::Url::parse(value).is_ok_and(|url| is_http(&url)) {
        return Err(format!("{value:?} is not an http(s) URL"));
    }
    let rest = PORTAL_PLACEHOLDERS
        .iter()
        .fold(value.to_owned(), |rest, placeholder| {
            rest.replace(placeholder, "")
        });
    if let Some(at) = rest.find(['{', '}']) {
        let unknown = match rest[at..].find('}') {
            Some(end) if rest[at..].starts_with('{') => &rest[at..=at + end],
            _ => &rest[at..at + 1],
        };
        return Err(format!(
            "{value:?} has {unknown}, which is neither {{id}} nor {{reference}}"
        ));
    }
    if rest.len() == value.len() {
        return Err(format!(
            "{value:?} has neither {{id}} nor {{reference}} where the request goes"
        ));
    }
    Ok(value.to_owned())
}

/// The backend's own address: http(s), with no query, fragment or
/// credentials, and without a trailing `/` (paths are added to it).
fn parse_public_url(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let value = value.trim_end_matches('/');
    let usable = url::Url::parse(value).is_ok_and(|url| {
        is_http(&url)
            && url.query().is_none()
            && url.fragment().is_none()
            && url.username().is_empty()
            && url.password().is_none()
    });
    if usable {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "{value:?} is not an http(s) URL without a query or fragment"
        ))
    }
}

#[cfg(test)]
mod tests;
