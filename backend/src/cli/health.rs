//! `health`: posts, updates or resolves a service-health item from an
//! operator's shell, through the same checks as an import.

use clap::Subcommand;

use super::CommandError;
use crate::catalogue::import::ImportError;
use crate::catalogue::{self, export, import, Format, Kind};
use crate::db;
use crate::outbox;
use crate::partner::PartnerScope;

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
pub async fn health(database_url: &str, command: &HealthCommand) -> Result<String, CommandError> {
    let db = db::connect_existing(database_url).await?;
    let result = health_on(&db, command).await;
    db.close().await;
    result
}

async fn health_on(db: &db::Db, command: &HealthCommand) -> Result<String, CommandError> {
    let now = outbox::rfc3339(outbox::now_ms());
    let (id, lines): (&str, Vec<String>) = match command {
        HealthCommand::Set {
            id,
            service,
            kind,
            status,
            title,
            summary,
            locale,
        } => {
            let started_at = export::health_started_at(db, id)
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
            (id, vec![catalogue::to_jsonl(&[item])])
        }
        HealthCommand::Resolve { id } => {
            let texts = export::health_texts(db, id).await?;
            if texts.is_empty() {
                return Err(CommandError::NoHealthItem(id.clone()));
            }
            // Resolving again would only move its update time.
            if texts.iter().all(|item| item.status == "resolved") {
                return Ok(format!(
                    "health: {id} was already resolved; nothing changed"
                ));
            }
            let lines = texts
                .into_iter()
                .map(|mut item| {
                    item.status = "resolved".into();
                    item.updated_at = now.clone();
                    catalogue::to_jsonl(&[item])
                })
                .collect();
            (id, lines)
        }
    };
    // The checks of an import, each problem said once and without the line
    // numbers of a file that the operator never wrote.
    let refused = |errors: Vec<catalogue::LineError>| {
        let mut problems: Vec<String> = Vec::new();
        for error in errors {
            if !problems.contains(&error.message) {
                problems.push(error.message);
            }
        }
        CommandError::HealthRefused {
            id: id.to_owned(),
            problems,
        }
    };
    let items = catalogue::parse(Kind::Health, Format::Jsonl, &lines.concat()).map_err(refused)?;
    let outcome = import::import(&PartnerScope::default_partner(db), &items)
        .await
        .map_err(|error| match error {
            ImportError::Refused(errors) => refused(errors),
            ImportError::Database(source) => source.into(),
        })?;
    Ok(format!("health: {outcome}"))
}
