//! Telling people by e-mail: the mail a request's events send
//! ([`compose`]) is written to the outbox beside the webhooks' events, in
//! the transaction that makes it happen, and sent from there over SMTP by
//! lettre: retried with exponential backoff while the server is away or
//! refuses for now (4xx), given up on when it refuses for good (5xx), sent
//! by one process at a time however many share the database. A mail waits
//! `--mail-coalesce-secs` after what caused it, and whatever else happened
//! on the request meanwhile goes in the same mail. Each mail's Message-ID
//! is derived from its events, so a mail sent again (after a process died
//! mid-send) is known for the same mail. An address that bounced
//! ([`bounces`]) is not mailed again until an operator clears it.

pub mod bounces;
mod compose;
pub mod confirmations;
mod messages;

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{watch, Notify};

pub use crate::outbox::MailOutbox;
pub use compose::{compose, for_outbox, is_address, render, Composed, Happened, Rendered};
pub use messages::message;

use crate::db::Db;
use crate::outbox::deliverer::{self, Deliverer};
use crate::outbox::{self, retry, Channel, Claimed};
use crate::partner::PartnerScope;

/// The SMTP server and who the mail is from.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    /// The SMTP server's host and port, without credentials, for the log.
    pub server: String,
    from: Mailbox,
    /// How long one SMTP exchange may take.
    timeout: Duration,
    /// Who hears of what, for the outbox.
    pub outbox: MailOutbox,
    /// The first retry's largest wait; each later one doubles it.
    pub backoff_base: Duration,
    /// How long a mail waits for more to tell of the same request.
    pub hold: Duration,
    /// Woken when this process enqueues, so that a new mail goes as soon
    /// as its hold is over.
    pub wake: Arc<Notify>,
}

impl std::fmt::Debug for Mailer {
    // The transport holds the SMTP password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("outbox", &self.outbox)
            .finish_non_exhaustive()
    }
}

/// Why the mail could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "--smtp-url is not an SMTP URL lettre takes (smtps://USER:PASSWORD@HOST:465, \
         smtp://USER:PASSWORD@HOST:587?tls=required, smtp://HOST:PORT): {0}"
    )]
    Url(String),
    #[error("--smtp-url needs --mail-from, such as \"Support <support@partner.example>\"")]
    NoFrom,
    #[error("--mail-from {0:?} is not a mailbox such as \"Support <support@partner.example>\"")]
    From(String),
    #[error(
        "{0} is set, but no mail is sent without --smtp-url: add --smtp-url, \
         or leave {0} out"
    )]
    WithoutSmtp(&'static str),
    #[error(
        "--anonymous-customers with --smtp-url needs --public-url, the backend's address as \
         people reach it (https://portal.example/api/support): a visitor's typed address is \
         mailed nothing of their request until its owner follows a link there"
    )]
    NoPublicUrl,
}

/// How long the mailer waits, for what.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// How long one SMTP exchange may take.
    pub timeout: Duration,
    /// The first retry's largest wait.
    pub backoff_base: Duration,
    /// How long a mail waits for more to tell of the same request.
    pub hold: Duration,
}

impl Mailer {
    /// The mailer that sends through `smtp_url` from `from`, to whom
    /// `outbox` names (its flags checked as they were parsed, `config.rs`).
    pub fn new(
        smtp_url: &str,
        from: &str,
        outbox: MailOutbox,
        timing: Timing,
    ) -> Result<Mailer, MailConfigError> {
        let Timing {
            timeout,
            backoff_base,
            hold,
        } = timing;
        // lettre's error names the URL's part it could not take, never the
        // password.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|error| MailConfigError::Url(error.to_string()))?
            .timeout(Some(timeout))
            .build();
        let server = url::Url::parse(smtp_url)
            .ok()
            .and_then(|url| {
                let host = url.host_str()?.to_owned();
                Some(match url.port() {
                    Some(port) => format!("{host}:{port}"),
                    None => host,
                })
            })
            .unwrap_or_default();
        let from: Mailbox = from
            .parse()
            .map_err(|_| MailConfigError::From(from.to_owned()))?;
        Ok(Mailer {
            transport,
            server,
            from,
            timeout,
            outbox,
            backoff_base,
            hold,
            wake: Arc::new(Notify::new()),
        })
    }

    /// Who the mail is from, as the log names it.
    pub fn from(&self) -> String {
        self.from.to_string()
    }

    /// The Message-ID of the mail that tells of `claims` (their events,
    /// oldest first): the first event's id, and the last's when there are
    /// several, in the domain of the sender's address. The same on every
    /// attempt with the same events.
    pub fn message_id(&self, claims: &[Claimed]) -> String {
        let domain = self.from.email.domain();
        match claims {
            [] => format!("<{}@{domain}>", uuid::Uuid::new_v4()),
            [one] => format!("<{}@{domain}>", one.event_id),
            [first, .., last] => format!("<{}.{}@{domain}>", first.event_id, last.event_id),
        }
    }

    /// The mail as lettre sends it: a plain-text and an HTML part, from
    /// its partner's support address where it has one, else from
    /// `--mail-from`.
    fn message(&self, claims: &[Claimed], mails: &[Composed]) -> Result<Message, Failure> {
        let from = match mails.last().and_then(|mail| mail.sender.as_ref()) {
            Some(sender) => {
                let address = sender.address.parse().map_err(|error| {
                    Failure::permanent(format!("not a sender address lettre takes: {error}"))
                })?;
                Mailbox::new(Some(sender.name.clone()), address)
            }
            None => self.from.clone(),
        };
        let rendered = render(mails, from.name.as_deref())
            .ok_or_else(|| Failure::permanent("no mail".into()))?;
        let to = mails
            .last()
            .map(|mail| mail.to.as_str())
            .unwrap_or_default();
        let to: Mailbox = to
            .parse()
            .map_err(|error| Failure::permanent(format!("not an address lettre takes: {error}")))?;
        let mut builder = Message::builder()
            .from(from)
            .to(to)
            .subject(rendered.subject)
            .message_id(Some(self.message_id(claims)))
            .header(AutoSubmitted);
        // Every mail about one request follows the same (never sent) one,
        // which mail clients thread by.
        if let Some(id) = mails.last().and_then(|mail| mail.request_id.as_deref()) {
            let thread = format!("<request.{id}@{}>", self.from.email.domain());
            builder = builder.in_reply_to(thread.clone()).references(thread);
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ))
            .map_err(|error| Failure::permanent(error.to_string()))
    }

    /// Sends the mail that tells of `claims`, to one address.
    async fn send(&self, claims: &[Claimed]) -> Result<(), Failure> {
        let mails = claims
            .iter()
            .map(|claim| serde_json::from_str::<Composed>(&claim.payload))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| Failure::permanent(format!("unreadable mail: {error}")))?;
        let message = self.message(claims, &mails)?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(error) => Err(Failure {
                permanent: error.is_permanent(),
                code: error.status().map(|code| code.to_string()),
                error: crate::error::with_causes(&error),
            }),
        }
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834): the mail is the backend's,
/// whose replies nobody reads, so out-of-office and other automatic
/// answers are not sent back to it.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".into())
    }
}

/// Why a mail did not go.
#[derive(Debug)]
struct Failure {
    /// The server refused it for good (5xx), or it cannot be sent at all:
    /// recorded, never tried again. Otherwise the server is away, or
    /// refused for now (4xx): tried again.
    permanent: bool,
    /// The server's answer, such as `550`.
    code: Option<String>,
    /// All that is known, for `deliveries`.
    error: String,
}

impl Failure {
    fn permanent(error: String) -> Failure {
        Failure {
            permanent: true,
            code: None,
            error,
        }
    }

    /// What the log says: the server's code, never its text, which often
    /// repeats the address (the log holds no e-mail address).
    fn logged(&self) -> String {
        match &self.code {
            Some(code) => format!("the SMTP server answered {code}"),
            None => self.error.clone(),
        }
    }
}

impl Deliverer for Mailer {
    const NAME: &'static str = "mail outbox";

    fn wake(&self) -> &Notify {
        &self.wake
    }

    /// Sends the mail that is due now, one after the other, each with what
    /// followed it for the same request and address; returns how many mails
    /// were tried. A stop meanwhile hands the rest back to the outbox.
    async fn deliver_due(
        &self,
        db: &Db,
        stop: &mut watch::Receiver<bool>,
    ) -> Result<usize, sqlx::Error> {
        let mailer = self;
        let lease = outbox::lease_ms(mailer.timeout);
        let hold_ms = i64::try_from(mailer.hold.as_millis()).unwrap_or(i64::MAX);
        let heads = outbox::claim_due(db, Channel::Mail { hold_ms }, 16, lease).await?;
        let tried = heads.len();
        for (index, head) in heads.iter().enumerate() {
            let mut group = vec![head.clone()];
            group.extend(outbox::claim_followers(db, head).await?);
            let address = head.endpoint.trim_start_matches(outbox::MAILTO);
            // The mail's partner's: one partner's bounce stops no other's mail.
            let partner = PartnerScope::of(db, &head.partner);
            let result = match bounces::find(&partner, address).await? {
                Some(bounced) => Err(Failure::permanent(format!(
                    "not sent: the address bounced at {} ({}); \
                     `support-backend bounced clear` lets it be mailed again",
                    outbox::rfc3339(bounced.since),
                    bounced.reason
                ))),
                None => {
                    tokio::select! {
                        result = mailer.send(&group) => result,
                        () = deliverer::stopped(stop) => {
                            tracing::info!(
                                "stopping: {} mails handed back to the outbox",
                                heads.len() - index
                            );
                            outbox::release(db, &group).await?;
                            outbox::release(db, &heads[index + 1..]).await?;
                            for _ in index..heads.len() {
                                crate::meter::mail("handed_back");
                            }
                            return Ok(0);
                        }
                    }
                }
            };
            let events = group
                .iter()
                .map(|claim| claim.event_id.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            match result {
                Ok(()) => {
                    for claim in &group {
                        outbox::delivered(db, claim).await?;
                    }
                    crate::meter::mail("sent");
                }
                Err(failure) if failure.permanent => {
                    // The events name the mail; `deliveries` names its address.
                    tracing::error!(
                        "mail for events {events}: refused for good: {}",
                        failure.logged()
                    );
                    if (failure.code.as_deref()).is_some_and(bounces::refuses_the_address) {
                        bounces::record(&partner, address, &failure.error).await?;
                    }
                    for claim in &group {
                        outbox::failed(db, claim, &failure.error, None).await?;
                    }
                    crate::meter::mail("refused");
                }
                Err(failure) => {
                    let retry_at = retry::next_attempt(mailer.backoff_base, head);
                    match retry_at {
                        Some(at) => tracing::warn!(
                            "mail for events {events}: attempt {} failed: {}; next attempt at {}",
                            head.attempts + 1,
                            failure.logged(),
                            outbox::rfc3339(at)
                        ),
                        None => tracing::error!(
                            "mail for events {events}: giving up after {} attempts: {}",
                            head.attempts + 1,
                            failure.logged()
                        ),
                    }
                    for claim in &group {
                        outbox::failed(db, claim, &failure.error, retry_at).await?;
                    }
                    crate::meter::mail(if retry_at.is_some() {
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
