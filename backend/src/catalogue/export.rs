//! Reading the catalogue back out of the database as the file `import`
//! takes, whole (`export`) or one health item's texts (the `health`
//! command, which writes them back changed).

use crate::catalogue::{ArticleItem, CustomerItem, HealthItem, Kind, ServiceItem};
use crate::db::Db;
use crate::partner::PartnerScope;

/// The whole catalogue of `kind` as JSON Lines, in the order the widget
/// lists it: what `import` takes back unchanged. Customers are the
/// partner's; the rest every partner's.
pub async fn export(scope: &PartnerScope, kind: Kind) -> Result<String, sqlx::Error> {
    let mut conn = scope.acquire().await?;
    Ok(match kind {
        Kind::Customers => {
            let rows: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT id, name, domain FROM customers WHERE partner_id = $1 ORDER BY id",
            )
            .bind(scope.partner())
            .fetch_all(&mut *conn)
            .await?;
            let items: Vec<CustomerItem> = rows
                .into_iter()
                .map(|(id, name, domain)| CustomerItem { id, name, domain })
                .collect();
            crate::catalogue::to_jsonl(&items)
        }
        Kind::Services => {
            let rows: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT id, name, admin_center_url FROM services ORDER BY position, id",
            )
            .fetch_all(&mut *conn)
            .await?;
            let items: Vec<ServiceItem> = rows
                .into_iter()
                .map(|(id, name, admin_center_url)| ServiceItem {
                    id,
                    name,
                    admin_center_url,
                })
                .collect();
            crate::catalogue::to_jsonl(&items)
        }
        Kind::Articles => {
            let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
                "SELECT a.id, t.locale, t.title, t.summary, t.url
                 FROM articles a JOIN article_texts t ON t.article_id = a.id
                 ORDER BY a.position, a.id,
                          CASE t.locale WHEN 'en-US' THEN 0 ELSE 1 END, t.locale",
            )
            .fetch_all(&mut *conn)
            .await?;
            let items: Vec<ArticleItem> = rows
                .into_iter()
                .map(|(id, locale, title, summary, url)| ArticleItem {
                    id,
                    locale,
                    title,
                    summary,
                    url,
                })
                .collect();
            crate::catalogue::to_jsonl(&items)
        }
        Kind::Health => crate::catalogue::to_jsonl(&health_items(scope.db(), None).await?),
    })
}

/// When the health item `id` started, if there is one.
pub async fn health_started_at(db: &Db, id: &str) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT started_at FROM service_health_items WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *db.acquire().await?)
            .await?;
    Ok(row.map(|(at,)| at))
}

/// Every text of the health item `id`, as items to import again.
pub async fn health_texts(db: &Db, id: &str) -> Result<Vec<HealthItem>, sqlx::Error> {
    health_items(db, Some(id)).await
}

/// The health items (one per text), of one item or of all, oldest first
/// and en-US first within each.
async fn health_items(db: &Db, only: Option<&str>) -> Result<Vec<HealthItem>, sqlx::Error> {
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
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT i.id, i.service_id, i.kind, i.status, t.locale, t.title, t.summary,
                i.started_at, i.updated_at
         FROM service_health_items i JOIN service_health_texts t ON t.item_id = i.id
         WHERE $1 IS NULL OR i.id = $1
         ORDER BY i.started_at, i.id,
                  CASE t.locale WHEN 'en-US' THEN 0 ELSE 1 END, t.locale",
    )
    .bind(only)
    .fetch_all(&mut *db.acquire().await?)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, service, kind, status, locale, title, summary, started_at, updated_at)| {
                HealthItem {
                    id,
                    service,
                    kind,
                    status,
                    locale,
                    title,
                    summary,
                    started_at,
                    updated_at,
                }
            },
        )
        .collect())
}
