//! The customers and services requests can name: listing them, and checking
//! that a request names ones that exist.

use support_contract::{Customer, ErrorCode, FieldError, NewSupportRequest, Service};

use crate::db::Db;
use crate::partner::PartnerScope;

/// Every customer of the partner. Matching happens in Rust (see
/// [`crate::catalogue::customer_search`]) so that both databases match alike; one
/// partner's customers are few enough to read in one go.
pub async fn customers(scope: &PartnerScope) -> Result<Vec<Customer>, sqlx::Error> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, domain FROM customers WHERE partner_id = $1")
            .bind(scope.partner())
            .fetch_all(&mut *scope.acquire().await?)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, domain)| Customer { id, name, domain })
        .collect())
}

/// The customer with exactly this id, if there is one.
pub async fn customer(scope: &PartnerScope, id: &str) -> Result<Option<Customer>, sqlx::Error> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, name, domain FROM customers WHERE partner_id = $2 AND id = $1")
            .bind(id)
            .bind(scope.partner())
            .fetch_optional(&mut *scope.acquire().await?)
            .await?;
    Ok(row.map(|(id, name, domain)| Customer { id, name, domain }))
}

/// Every service, in the order the widget lists them.
pub async fn services(db: &Db) -> Result<Vec<Service>, sqlx::Error> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, admin_center_url FROM services ORDER BY position, id")
            .fetch_all(&mut *db.acquire().await?)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, admin_center_url)| Service {
            id,
            name,
            admin_center_url,
        })
        .collect())
}

/// `invalid_value` for a customer or service that the request names and that
/// does not exist. Blank ones are left to the contract's rules (`required`
/// where the kind of request needs them).
pub async fn unknown_references(
    scope: &PartnerScope,
    request: &NewSupportRequest,
) -> Result<Vec<FieldError>, sqlx::Error> {
    let mut errors = Vec::new();
    if let Some(customer) = request.customer_id() {
        if customer_name(scope, customer).await?.is_none() {
            errors.push(FieldError::new("customer", ErrorCode::InvalidValue));
        }
    }
    if let Some(service) = request.service_id() {
        if !service_exists(scope.db(), service).await? {
            errors.push(FieldError::new("service", ErrorCode::InvalidValue));
        }
    }
    Ok(errors)
}

/// The name of the customer with this id, if the partner has one.
pub async fn customer_name(scope: &PartnerScope, id: &str) -> Result<Option<String>, sqlx::Error> {
    if !crate::db::can_be_id(id) {
        return Ok(None);
    }
    let row: Option<(String,)> =
        sqlx::query_as("SELECT name FROM customers WHERE partner_id = $2 AND id = $1")
            .bind(id)
            .bind(scope.partner())
            .fetch_optional(&mut *scope.acquire().await?)
            .await?;
    Ok(row.map(|(name,)| name))
}

/// Whether a service has this id.
pub async fn service_exists(db: &Db, id: &str) -> Result<bool, sqlx::Error> {
    exists(db, "services", id).await
}

/// Whether the shared table `table` has a row with this `id`. `table` is
/// one of this module's constants, never input.
async fn exists(db: &Db, table: &'static str, id: &str) -> Result<bool, sqlx::Error> {
    if !crate::db::can_be_id(id) {
        return Ok(false);
    }
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE id = $1");
    let (count,): (i64,) = sqlx::query_as(&sql)
        .bind(id)
        .fetch_one(&mut *db.acquire().await?)
        .await?;
    Ok(count > 0)
}
