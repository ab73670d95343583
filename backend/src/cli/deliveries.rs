//! `deliveries`: the webhook deliveries and mail not made yet, and making one event
//! due again.

use clap::{Args, Subcommand};

use super::CommandError;
use crate::db;
use crate::outbox;

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
pub async fn deliveries(database_url: &str, args: &Deliveries) -> Result<String, CommandError> {
    let db = db::connect_existing(database_url).await?;
    let result = match &args.action {
        Some(DeliveriesAction::Retry { event_id }) => {
            match outbox::retry_now(&db, event_id).await {
                Ok(0) => Err(CommandError::NoUndelivered(event_id.clone())),
                Ok(n) => Ok(format!(
                    "event {event_id}: {n} deliveries due now; a serving backend sends them"
                )),
                Err(error) => Err(error.into()),
            }
        }
        None => outbox::pending(&db)
            .await
            .map(|pending| {
                if pending.is_empty() {
                    return "every event was delivered".to_owned();
                }
                pending
                    .iter()
                    .map(|p| {
                        let state = if p.failed {
                            "given up".to_owned()
                        } else {
                            format!("next {}", outbox::rfc3339(p.next_attempt_at))
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
            })
            .map_err(CommandError::from),
    };
    db.close().await;
    result
}
