//! `GET /service-health?service=&locale=`: current incidents and advisories.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use support_contract::{ErrorCode, FieldError, ServiceHealth};

use super::{incidents, lookups};
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::query::Params;
use crate::AppState;

/// The query string; both parameters may be left out.
#[derive(Debug, Deserialize)]
pub struct HealthQuery {
    #[serde(default)]
    service: Option<String>,
    #[serde(default)]
    locale: Option<String>,
}

/// Answers the current items of `service` (every service when it is missing
/// or blank), with texts in `locale` or else en-US. An unknown service is
/// 422 `invalid_value`, as in a request body.
pub async fn current(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Params<HealthQuery>, ApiError>,
) -> Result<Json<ServiceHealth>, ApiError> {
    caller.may(Action::ReadHelp)?;
    let Params(HealthQuery { service, locale }) = params?;
    let service = service.filter(|s| !s.trim().is_empty());
    if let Some(service) = &service {
        if !lookups::service_exists(&state.db, service).await? {
            return Err(ApiError::Invalid(vec![FieldError::new(
                "service",
                ErrorCode::InvalidValue,
            )]));
        }
    }
    let locale = crate::locale::requested(locale.as_deref());
    let incidents = incidents::current(&state.db, service.as_deref(), locale).await?;
    Ok(Json(ServiceHealth { service, incidents }))
}
