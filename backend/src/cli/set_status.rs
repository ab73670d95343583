//! `set-status`: changes a request's status from an operator's shell.

use clap::Args;
use support_contract::RequestStatus;

use crate::config::Config;
use crate::db;
use crate::error::ApiError;
use crate::partner::PartnerScope;
use crate::requests::{self, stored, StatusSet};

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

pub use crate::requests::rules::NOTE_MAX;

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
    match crate::requests::rules::check_note(value) {
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
    // The operator names a request, not its partner: the request says.
    let named = stored::Named::IdOrReference(args.request.trim());
    let partner = match stored::partner_of(&db, named, stored::Among::Every).await {
        Ok(partner) => partner,
        Err(error) => {
            db.close().await;
            return Err(ApiError::from(error).into());
        }
    };
    let Some(partner) = partner else {
        db.close().await;
        return Err(SetStatusError::NotFound(args.request.clone()));
    };
    let result = requests::set_status(
        &PartnerScope::of(&db, &partner),
        &outbox,
        None,
        &args.request,
        args.status,
        args.note.as_deref(),
        None,
    )
    .await;
    db.close().await;
    result?.ok_or_else(|| SetStatusError::NotFound(args.request.clone()))
}
