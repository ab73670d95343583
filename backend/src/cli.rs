//! The command line: serving (the default); `set-status`, which changes a
//! request's status from an operator's shell; the partner's catalogue in
//! and out of files (`import`, `export`); and `seed-demo`, the demo's
//! catalogue.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use support_contract::RequestStatus;

use crate::catalogue::{self, Format, Kind};
use crate::config::Config;
use crate::db::import::Outcome;
use crate::db::{self, StatusSet};
use crate::error::ApiError;

/// The reference backend of the support widget: stores support requests in
/// SQLite or PostgreSQL and answers the widget's JSON API.
#[derive(Clone, Debug, Parser)]
#[command(name = "support-backend", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    /// Without a command, the backend serves the API.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of serving.
#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    /// Change a request's status and add the change to its history (for
    /// demos and tests).
    ///
    /// Example: support-backend set-status --database-url
    /// sqlite://support-widget.db SR-000001 in_progress --note "Looking into it".
    SetStatus(SetStatus),
    /// Adds or updates catalogue items from a file: JSON Lines (one object
    /// a line, shaped as the matching GET answers it) or CSV (a header row
    /// of the same field names). The whole file is checked first: on any
    /// bad line nothing is written.
    ///
    /// Example: support-backend import customers customers.jsonl
    Import(Import),
    /// Writes a catalogue as JSON Lines (to FILE, or standard output), as
    /// `import` takes it back.
    Export(Export),
    /// Loads the demo catalogue (customers, services, service health,
    /// articles). For the demo and tests: a partner's database holds only
    /// what the partner imports.
    SeedDemo,
    /// Posts, updates or resolves a service-health incident or advisory.
    ///
    /// Example: support-backend health set azure-vm-east2 --service azure
    /// --status investigating --title "VMs may fail to start" --summary
    /// "Starting VMs in China East 2 may fail."; then: support-backend
    /// health resolve azure-vm-east2
    #[command(subcommand)]
    Health(HealthCommand),
    /// Lists the webhook deliveries not made yet (failing, or given up on
    /// after 72 hours), or makes one event due again.
    Deliveries(Deliveries),
}

/// What `health` does.
#[derive(Clone, Debug, Subcommand)]
pub enum HealthCommand {
    /// Posts an item, or updates it (its start time stays): shown to
    /// everyone at once unless its status is resolved.
    Set {
        /// The item's id, of your choosing (letters, digits, dashes).
        #[arg(value_name = "ID")]
        id: String,
        /// The service it is about (an id from GET /services).
        #[arg(long)]
        service: String,
        /// incident or advisory.
        #[arg(long, default_value = "incident")]
        kind: String,
        /// investigating, identified, monitoring or resolved.
        #[arg(long, default_value = "investigating")]
        status: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        summary: String,
        /// The language of the title and summary; an item needs an en-US
        /// text, which other locales fall back to.
        #[arg(long, default_value = "en-US")]
        locale: String,
    },
    /// Marks an item resolved: it is no longer listed.
    Resolve {
        #[arg(value_name = "ID")]
        id: String,
    },
}

/// Applies a `health` command; returns what to print.
pub async fn health(database_url: &str, command: &HealthCommand) -> Result<String, CatalogueError> {
    let db = db::connect_existing(database_url).await?;
    let result = health_on(&db, command).await;
    db.close().await;
    result
}

async fn health_on(db: &db::Db, command: &HealthCommand) -> Result<String, CatalogueError> {
    let now = db::outbox::rfc3339(db::outbox::now_ms());
    let refused = |errors| CatalogueError::Invalid {
        path: "the health item".into(),
        errors,
    };
    let lines: Vec<String> = match command {
        HealthCommand::Set {
            id,
            service,
            kind,
            status,
            title,
            summary,
            locale,
        } => {
            let started_at = db::import::health_started_at(db, id)
                .await?
                .unwrap_or_else(|| now.clone());
            let item = catalogue::HealthItem {
                id: id.clone(),
                service: service.clone(),
                kind: kind.clone(),
                status: status.clone(),
                locale: locale.clone(),
                title: title.clone(),
                summary: summary.clone(),
                started_at,
                updated_at: now,
            };
            vec![catalogue::to_jsonl(&[item])]
        }
        HealthCommand::Resolve { id } => {
            let texts = db::import::health_texts(db, id).await?;
            if texts.is_empty() {
                return Ok(format!("no health item {id}"));
            }
            texts
                .into_iter()
                .map(|mut item| {
                    item.status = "resolved".into();
                    item.updated_at = now.clone();
                    catalogue::to_jsonl(&[item])
                })
                .collect()
        }
    };
    let items = catalogue::parse(Kind::Health, Format::Jsonl, &lines.concat()).map_err(refused)?;
    let outcome =
        db::import::import(db, &items)
            .await
            .map_err(|source| CatalogueError::Refused {
                path: "the health item".into(),
                source,
            })?;
    Ok(format!("health: {outcome}"))
}

/// The arguments of `deliveries`.
#[derive(Clone, Debug, Args)]
pub struct Deliveries {
    /// `retry EVENT_ID` makes the event due now, given up on or not: a
    /// serving backend sends it within a second.
    #[command(subcommand)]
    pub action: Option<DeliveriesAction>,
}

/// What `deliveries` does besides listing.
#[derive(Clone, Debug, Subcommand)]
pub enum DeliveriesAction {
    /// Makes an event due now, with a fresh retry window and backoff, for
    /// every webhook that has not taken it; a serving backend sends it.
    Retry {
        #[arg(value_name = "EVENT_ID")]
        event_id: String,
    },
}

/// Lists the pending deliveries, or retries one event; returns what to print.
pub async fn deliveries(database_url: &str, args: &Deliveries) -> Result<String, CatalogueError> {
    let db = db::connect_existing(database_url).await?;
    let result = match &args.action {
        Some(DeliveriesAction::Retry { event_id }) => {
            db::outbox::retry_now(&db, event_id).await.map(|n| match n {
                0 => format!("no undelivered event {event_id}"),
                n => format!(
                    "event {event_id}: {n} deliveries due now; a serving backend sends them"
                ),
            })
        }
        None => db::outbox::pending(&db).await.map(|pending| {
            if pending.is_empty() {
                return "every event was delivered".to_owned();
            }
            pending
                .iter()
                .map(|p| {
                    let state = if p.failed {
                        "given up".to_owned()
                    } else {
                        format!("next {}", db::outbox::rfc3339(p.next_attempt_at))
                    };
                    format!(
                        "{} {} {} -> {}: {} attempts, {state}, last error: {}",
                        p.event_id,
                        p.reference,
                        p.event_type,
                        p.endpoint,
                        p.attempts,
                        p.last_error.as_deref().unwrap_or("none")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        }),
    };
    db.close().await;
    Ok(result?)
}

/// The arguments of `import`.
#[derive(Clone, Debug, Args)]
pub struct Import {
    /// What the file holds.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The file; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The file's format; by default CSV for a name ending in .csv, else
    /// JSON Lines.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// The arguments of `export`.
#[derive(Clone, Debug, Args)]
pub struct Export {
    /// What to write.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The file to write; standard output without one.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Why `import`, `export` or `seed-demo` failed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error(transparent)]
    Database(#[from] db::ConnectError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: nothing was imported:\n{}", lines(.errors))]
    Invalid {
        path: String,
        errors: Vec<crate::catalogue::LineError>,
    },
    #[error("{path}: nothing was imported: {source}")]
    Refused {
        path: String,
        source: crate::db::import::ImportError,
    },
    #[error("{0}")]
    Export(#[from] sqlx::Error),
}

fn lines(errors: &[crate::catalogue::LineError]) -> String {
    errors
        .iter()
        .map(|error| format!("  {error}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Imports `args.file` into the database at `database_url` (created and
/// migrated if it is a new SQLite file).
pub async fn import(database_url: &str, args: &Import) -> Result<Outcome, CatalogueError> {
    let path = args.file.display().to_string();
    let text = if args.file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(&args.file)
    }
    .map_err(|source| CatalogueError::Read {
        path: path.clone(),
        source,
    })?;
    let format = args.format.unwrap_or_else(|| Format::of_path(&args.file));
    let items =
        catalogue::parse(args.kind, format, &text).map_err(|errors| CatalogueError::Invalid {
            path: path.clone(),
            errors,
        })?;
    let db = db::connect(database_url).await?;
    let outcome = db::import::import(&db, &items).await;
    db.close().await;
    outcome.map_err(|source| CatalogueError::Refused { path, source })
}

/// Writes the catalogue of `args.kind` from the database at `database_url`.
pub async fn export(database_url: &str, args: &Export) -> Result<usize, CatalogueError> {
    let db = db::connect_existing(database_url).await?;
    let text = db::import::export(&db, args.kind).await;
    db.close().await;
    let text = text?;
    match &args.file {
        Some(file) => std::fs::write(file, &text).map_err(|source| CatalogueError::Write {
            path: file.display().to_string(),
            source,
        })?,
        None => print!("{text}"),
    }
    Ok(text.lines().count())
}

/// Loads the demo catalogue into the database at `database_url`.
pub async fn seed_demo(database_url: &str) -> Result<Vec<(Kind, Outcome)>, CatalogueError> {
    let db = db::connect(database_url).await?;
    let outcomes = crate::demo::seed(&db).await;
    db.close().await;
    outcomes.map_err(|source| CatalogueError::Refused {
        path: "the demo catalogue".into(),
        source,
    })
}

/// The arguments of `set-status`.
#[derive(Clone, Debug, Args)]
pub struct SetStatus {
    /// The request's reference (SR-000001, in any case) or its id.
    #[arg(value_name = "REFERENCE_OR_ID")]
    pub request: String,

    /// The new status: submitted, in_progress, resolved or closed. Any
    /// status may follow any other.
    #[arg(value_name = "STATUS", value_parser = parse_status)]
    pub status: RequestStatus,

    /// A note kept with the change and shown in the request's history
    /// (at most 1000 characters).
    #[arg(long, value_parser = parse_note)]
    pub note: Option<String>,
}

pub use crate::request_rules::NOTE_MAX;

/// Every status, as the command line and the JSON spell them.
pub const STATUSES: [RequestStatus; 4] = [
    RequestStatus::Submitted,
    RequestStatus::InProgress,
    RequestStatus::Resolved,
    RequestStatus::Closed,
];

fn parse_status(value: &str) -> Result<RequestStatus, String> {
    RequestStatus::parse(value).ok_or_else(|| {
        let names: Vec<&str> = STATUSES.iter().map(|s| s.as_str()).collect();
        format!("{value:?} is not a status; use one of {}", names.join(", "))
    })
}

fn parse_note(value: &str) -> Result<String, String> {
    match crate::request_rules::check_note(value) {
        Ok(()) => Ok(value.to_owned()),
        Err(support_contract::ErrorCode::TooLong) => {
            Err(format!("a note has at most {NOTE_MAX} characters"))
        }
        Err(_) => Err("a note cannot contain control characters".into()),
    }
}

/// Why `set-status` failed.
#[derive(Debug, thiserror::Error)]
pub enum SetStatusError {
    #[error(transparent)]
    Database(#[from] db::ConnectError),
    #[error("no request has the reference or id {0:?}")]
    NotFound(String),
    #[error("cannot change the status: {0}")]
    Failed(#[from] ApiError),
}

/// Opens (and migrates) the database at `config.database_url`, which must
/// exist, and applies `args`; the change goes to the configured webhooks'
/// outbox, which a serving backend delivers.
pub async fn set_status(config: &Config, args: &SetStatus) -> Result<StatusSet, SetStatusError> {
    let outbox = config.outbox();
    let db = db::connect_existing(&config.database_url).await?;
    let result = db::set_status(
        &db,
        &outbox,
        &args.request,
        args.status,
        args.note.as_deref(),
    )
    .await;
    db.close().await;
    result?.ok_or_else(|| SetStatusError::NotFound(args.request.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serving_stays_the_default_with_the_same_flags() {
        let cli = Cli::try_parse_from(["support-backend", "--listen", "127.0.0.1:0"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.config.listen, "127.0.0.1:0");
    }

    #[test]
    fn the_database_url_may_come_before_or_after_the_command() {
        for args in [
            &[
                "support-backend",
                "--database-url",
                "sqlite://x.db",
                "set-status",
                "SR-000001",
                "closed",
            ][..],
            &[
                "support-backend",
                "set-status",
                "--database-url",
                "sqlite://x.db",
                "SR-000001",
                "closed",
            ][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.config.database_url, "sqlite://x.db", "{args:?}");
            let Some(Command::SetStatus(set)) = cli.command else {
                panic!("{args:?}");
            };
            assert_eq!(set.request, "SR-000001");
            assert_eq!(set.status, RequestStatus::Closed);
            assert_eq!(set.note, None);
        }
    }

    #[test]
    fn only_the_contract_statuses_and_sane_notes_are_taken() {
        let parse = |status: &str, note: &str| {
            Cli::try_parse_from([
                "support-backend",
                "set-status",
                "SR-000001",
                status,
                "--note",
                note,
            ])
        };
        assert!(parse("in_progress", "Looking into it.\nCalled the customer.").is_ok());
        assert!(parse("done", "").is_err());
        assert!(parse("In_Progress", "").is_err());
        assert!(parse("resolved", "\u{1b}[31m").is_err());
        assert!(parse("resolved", &"x".repeat(NOTE_MAX + 1)).is_err());
        for status in STATUSES {
            assert!(parse(status.as_str(), "ok").is_ok());
        }
    }
}
