//! `GET /customers?query=`: the partner's customers matching a name or
//! domain; `GET /customers/{id}`: one of them, as a page's prefill names it.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::Json;
use serde::Deserialize;
use support_contract::{Customer, CustomerList, ErrorCode, FieldError};

use super::lookups;
use crate::catalogue::customer_search::{self, QUERY_MAX};
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::partner::PartnerScope;
use crate::query::Params;

/// The query string; `query` may be left out, which lists the first customers.
#[derive(Debug, Deserialize)]
pub struct CustomerQuery {
    #[serde(default)]
    query: String,
}

/// Answers the customers matching `query` (see [`customer_search`] for the
/// rules), at most [`customer_search::MAX_RESULTS`], by name then id.
pub async fn search(
    caller: Caller,
    scope: PartnerScope,
    params: Result<Params<CustomerQuery>, ApiError>,
) -> Result<Json<CustomerList>, ApiError> {
    caller.may(Action::SearchCustomers)?;
    let Params(CustomerQuery { query }) = params?;
    if query.chars().count() > QUERY_MAX {
        return Err(ApiError::BadQuery(FieldError::new(
            "query",
            ErrorCode::TooLong,
        )));
    }
    let customers = lookups::customers(&scope).await?;
    Ok(Json(CustomerList {
        customers: customer_search::search(customers, &query),
    }))
}

/// Answers the customer with exactly this id (as the catalogue holds it),
/// or 404: what the widget checks a page's prefilled customer with, before
/// the user fills in a form that filing would refuse.
pub async fn one(
    caller: Caller,
    scope: PartnerScope,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<Customer>, ApiError> {
    caller.may(Action::SearchCustomers)?;
    // An id that is not even UTF-8, or holds a control character (which
    // PostgreSQL refuses in text), names no customer.
    let Some(Path(id)) = id.ok().filter(|Path(id)| crate::db::can_be_id(id)) else {
        return Err(ApiError::NotFound { field: "id" });
    };
    lookups::customer(&scope, &id)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound { field: "id" })
}
