//! `GET /services`: the services requests can be about.

use axum::extract::State;
use axum::Json;
use support_contract::ServiceList;

use super::lookups;
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::AppState;

/// Answers every service with its admin-center URL, in the order to list them.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ServiceList>, ApiError> {
    caller.may(Action::ReadHelp)?;
    let services = lookups::services(&state.db).await?;
    Ok(Json(ServiceList { services }))
}
