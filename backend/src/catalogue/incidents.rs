//! Incidents and advisories, for `GET /service-health`.

use support_contract::{ContactLanguage, HealthIncident, HealthKind, HealthStatus};

use crate::db::Db;
use crate::error::ApiError;

/// The current (not resolved) items, of one service or of all, with their
/// text in `locale` or else in en-US: by the services' order, incidents
/// before advisories, newest first, then by id.
pub async fn current(
    db: &Db,
    service: Option<&str>,
    locale: ContactLanguage,
) -> Result<Vec<HealthIncident>, ApiError> {
    let sql = format!(
        "SELECT i.id, i.service_id, i.kind, i.status, i.started_at, i.updated_at,
                COALESCE(t.locale, e.locale), COALESCE(t.title, e.title),
                COALESCE(t.summary, e.summary)
         FROM service_health_items i
         JOIN services s ON s.id = i.service_id
         JOIN service_health_texts e ON e.item_id = i.id AND e.locale = 'en-US'
         LEFT JOIN service_health_texts t ON t.item_id = i.id AND t.locale = $1
         WHERE i.status <> 'resolved' {only}
         ORDER BY s.position, CASE i.kind WHEN 'incident' THEN 0 ELSE 1 END,
                  i.started_at DESC, i.id",
        only = if service.is_some() {
            "AND i.service_id = $2"
        } else {
            ""
        },
    );
    let mut query = sqlx::query_as(&sql).bind(locale.as_str());
    if let Some(service) = service {
        query = query.bind(service);
    }
    type Row = (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
    );
    let rows: Vec<Row> = query.fetch_all(&mut *db.acquire().await?).await?;
    rows.into_iter()
        .map(
            |(id, service, kind, status, started_at, updated_at, locale, title, summary)| {
                let broken = |what: &str| {
                    ApiError::Internal(format!("health item {id}: stored {what} does not parse"))
                };
                Ok(HealthIncident {
                    kind: HealthKind::parse(&kind).ok_or_else(|| broken("kind"))?,
                    status: HealthStatus::parse(&status).ok_or_else(|| broken("status"))?,
                    locale: crate::locale::stored(&locale),
                    id,
                    service,
                    title,
                    summary,
                    started_at,
                    updated_at,
                })
            },
        )
        .collect()
}
