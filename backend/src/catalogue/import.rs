//! Writing a checked catalogue file into the database in one transaction.
//! Items are upserted by id (articles and health items by id and locale);
//! new ones are listed after the existing ones, in the file's order. Reading
//! the catalogue back out as such a file is `catalogue/export.rs`.

use sqlx::AnyConnection;

use crate::catalogue::{
    ArticleItem, CustomerItem, HealthItem, Items, LineError, Lined, ServiceItem,
};
use crate::partner::PartnerScope;

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new, {} changed, {} unchanged",
            self.new, self.changed, self.unchanged
        )
    }
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Lines that the database refuses (a health item of an unknown
    /// service, an article without an en-US text).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Refused(Vec<LineError>),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

/// Writes every item, or none: customers as the partner's, the rest into
/// the catalogue every partner shares.
pub async fn import(scope: &PartnerScope, items: &Items) -> Result<Outcome, ImportError> {
    let mut tx = scope.begin_write().await?;
    let outcome = match items {
        Items::Customers(items) => customers(scope, &mut tx, items).await?,
        Items::Services(items) => services(&mut tx, items).await?,
        Items::Articles(items) => articles(&mut tx, items).await?,
        Items::Health(items) => health(&mut tx, items).await?,
    };
    tx.commit().await?;
    Ok(outcome)
}

fn count(outcome: &mut Outcome, before: Option<bool>) {
    match before {
        None => outcome.new += 1,
        Some(true) => outcome.unchanged += 1,
        Some(false) => outcome.changed += 1,
    }
}

async fn customers(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    items: &[Lined<CustomerItem>],
) -> Result<Outcome, ImportError> {
    let mut outcome = Outcome::default();
    for Lined { item, .. } in items {
        let before: Option<(String, String)> =
            sqlx::query_as("SELECT name, domain FROM customers WHERE partner_id = $2 AND id = $1")
                .bind(&item.id)
                .bind(scope.partner())
                .fetch_optional(&mut *conn)
                .await?;
        count(
            &mut outcome,
            before.map(|b| b == (item.name.clone(), item.domain.clone())),
        );
        sqlx::query(
            "INSERT INTO customers (partner_id, id, name, domain) VALUES ($4, $1, $2, $3)
             ON CONFLICT (partner_id, id) DO UPDATE SET name = excluded.name, domain = excluded.domain",
        )
        .bind(&item.id)
        .bind(&item.name)
        .bind(&item.domain)
        .bind(scope.partner())
        .execute(&mut *conn)
        .await?;
    }
    Ok(outcome)
}

async fn services(
    conn: &mut AnyConnection,
    items: &[Lined<ServiceItem>],
) -> Result<Outcome, ImportError> {
    let mut outcome = Outcome::default();
    for Lined { item, .. } in items {
        let before: Option<(String, String)> =
            sqlx::query_as("SELECT name, admin_center_url FROM services WHERE id = $1")
                .bind(&item.id)
                .fetch_optional(&mut *conn)
                .await?;
        count(
            &mut outcome,
            before.map(|b| b == (item.name.clone(), item.admin_center_url.clone())),
        );
        sqlx::query(
            "INSERT INTO services (id, name, admin_center_url, position)
             VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM services))
             ON CONFLICT (id) DO UPDATE
             SET name = excluded.name, admin_center_url = excluded.admin_center_url",
        )
        .bind(&item.id)
        .bind(&item.name)
        .bind(&item.admin_center_url)
        .execute(&mut *conn)
        .await?;
    }
    Ok(outcome)
}

async fn articles(
    conn: &mut AnyConnection,
    items: &[Lined<ArticleItem>],
) -> Result<Outcome, ImportError> {
    let mut outcome = Outcome::default();
    for Lined { item, .. } in items {
        sqlx::query(
            "INSERT INTO articles (id, position)
             VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM articles))
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(&item.id)
        .execute(&mut *conn)
        .await?;
        let before: Option<(String, String, String)> = sqlx::query_as(
            "SELECT title, summary, url FROM article_texts WHERE article_id = $1 AND locale = $2",
        )
        .bind(&item.id)
        .bind(&item.locale)
        .fetch_optional(&mut *conn)
        .await?;
        count(
            &mut outcome,
            before.map(|b| b == (item.title.clone(), item.summary.clone(), item.url.clone())),
        );
        sqlx::query(
            "INSERT INTO article_texts (article_id, locale, title, summary, url)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (article_id, locale) DO UPDATE
             SET title = excluded.title, summary = excluded.summary, url = excluded.url",
        )
        .bind(&item.id)
        .bind(&item.locale)
        .bind(&item.title)
        .bind(&item.summary)
        .bind(&item.url)
        .execute(&mut *conn)
        .await?;
    }
    let missing = without_english(conn, "articles", "article_texts", "article_id").await?;
    refuse_untranslated(items.iter().map(|l| (l.line, l.item.id.as_str())), &missing)?;
    Ok(outcome)
}

async fn health(
    conn: &mut AnyConnection,
    items: &[Lined<HealthItem>],
) -> Result<Outcome, ImportError> {
    let mut refused = Vec::new();
    for Lined { line, item } in items {
        let (known,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM services WHERE id = $1")
            .bind(&item.service)
            .fetch_one(&mut *conn)
            .await?;
        if known == 0 {
            refused.push(LineError {
                line: *line,
                message: format!(
                    "service {:?} is not a service (import it with the services first)",
                    item.service
                ),
            });
        }
    }
    if !refused.is_empty() {
        return Err(ImportError::Refused(refused));
    }
    let mut outcome = Outcome::default();
    for Lined { item, .. } in items {
        type Before = (String, String, String, String, String, String, String);
        let before: Option<Before> = sqlx::query_as(
            "SELECT i.service_id, i.kind, i.status, i.started_at, i.updated_at, t.title, t.summary
             FROM service_health_items i
             JOIN service_health_texts t ON t.item_id = i.id AND t.locale = $2
             WHERE i.id = $1",
        )
        .bind(&item.id)
        .bind(&item.locale)
        .fetch_optional(&mut *conn)
        .await?;
        let now = (
            item.service.clone(),
            item.kind.clone(),
            item.status.clone(),
            item.started_at.clone(),
            item.updated_at.clone(),
            item.title.clone(),
            item.summary.clone(),
        );
        count(&mut outcome, before.map(|b| b == now));
        sqlx::query(
            "INSERT INTO service_health_items (id, service_id, kind, status, started_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE
             SET service_id = excluded.service_id, kind = excluded.kind,
                 status = excluded.status, started_at = excluded.started_at,
                 updated_at = excluded.updated_at",
        )
        .bind(&item.id)
        .bind(&item.service)
        .bind(&item.kind)
        .bind(&item.status)
        .bind(&item.started_at)
        .bind(&item.updated_at)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO service_health_texts (item_id, locale, title, summary)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (item_id, locale) DO UPDATE
             SET title = excluded.title, summary = excluded.summary",
        )
        .bind(&item.id)
        .bind(&item.locale)
        .bind(&item.title)
        .bind(&item.summary)
        .execute(&mut *conn)
        .await?;
    }
    let missing = without_english(
        conn,
        "service_health_items",
        "service_health_texts",
        "item_id",
    )
    .await?;
    refuse_untranslated(items.iter().map(|l| (l.line, l.item.id.as_str())), &missing)?;
    Ok(outcome)
}

/// The ids in `items` (a table of this module's) that have no en-US text
/// in `texts`.
async fn without_english(
    conn: &mut AnyConnection,
    items: &'static str,
    texts: &'static str,
    key: &'static str,
) -> Result<Vec<String>, sqlx::Error> {
    let sql = format!(
        "SELECT id FROM {items} i
         WHERE NOT EXISTS (SELECT 1 FROM {texts} t WHERE t.{key} = i.id AND t.locale = 'en-US')"
    );
    let rows: Vec<(String,)> = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Every item needs an en-US text, which other locales fall back to.
fn refuse_untranslated<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    missing: &[String],
) -> Result<(), ImportError> {
    let mut refused = Vec::new();
    for (line, id) in lines {
        if missing.iter().any(|m| m == id)
            && !refused.iter().any(|e: &LineError| e.message.contains(id))
        {
            refused.push(LineError {
                line,
                message: format!("{id:?} has no en-US text, which other locales fall back to"),
            });
        }
    }
    if refused.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Refused(refused))
    }
}
