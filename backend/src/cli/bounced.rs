//! `bounced`: the addresses no mail goes to since an SMTP server refused
//! them for good, and letting one be mailed again.

use clap::{Args, Subcommand};

use super::catalogue::served_partner;
use super::CommandError;
use crate::db;
use crate::mail::bounces;
use crate::outbox;
use crate::partner::DEFAULT_PARTNER;

/// The arguments of `bounced`.
#[derive(Clone, Debug, Args)]
pub struct Bounced {
    /// `clear ADDRESS` lets the address be mailed again.
    #[command(subcommand)]
    pub action: Option<BouncedAction>,
    /// The partner whose addresses to list or clear: each partner's mail
    /// bounces on its own.
    #[arg(long, value_name = "ID", default_value = DEFAULT_PARTNER, global = true)]
    pub partner: String,
}

/// What `bounced` does besides listing.
#[derive(Clone, Debug, Subcommand)]
pub enum BouncedAction {
    /// Lets an address be mailed again, once it is fixed (mail given up on
    /// meanwhile goes again with `deliveries retry EVENT_ID`).
    Clear {
        #[arg(value_name = "ADDRESS")]
        address: String,
    },
}

/// Lists the addresses that bounced, or clears one; returns what to print.
pub async fn bounced(database_url: &str, args: &Bounced) -> Result<String, CommandError> {
    let db = db::connect_existing(database_url).await?;
    let result = match served_partner(&db, &args.partner).await {
        Ok(scope) => act(&scope, args).await,
        Err(error) => Err(error),
    };
    db.close().await;
    result
}

async fn act(scope: &crate::partner::PartnerScope, args: &Bounced) -> Result<String, CommandError> {
    match &args.action {
        Some(BouncedAction::Clear { address }) => match bounces::clear(scope, address).await {
            Ok(true) => Ok(format!("{address}: cleared; mail goes to it again")),
            Ok(false) => Err(CommandError::NotBounced(address.clone())),
            Err(error) => Err(error.into()),
        },
        None => bounces::list(scope)
            .await
            .map(|bounced| {
                if bounced.is_empty() {
                    return "no address bounced".to_owned();
                }
                bounced
                    .iter()
                    .map(|b| {
                        format!(
                            "{} since {}: {}",
                            b.address,
                            outbox::rfc3339(b.since),
                            b.reason
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .map_err(CommandError::from),
    }
}
