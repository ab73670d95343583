//! Self-help articles, for `GET /articles`.

use support_contract::{Article, ContactLanguage};

use crate::db::Db;

/// Every article with its text in `locale` or else in en-US, in the order
/// to list them. Matching happens in Rust (see [`crate::catalogue::article_search`]),
/// as for customers, so that both databases match alike.
pub async fn all(db: &Db, locale: ContactLanguage) -> Result<Vec<Article>, sqlx::Error> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT a.id, COALESCE(t.locale, e.locale), COALESCE(t.title, e.title),
                COALESCE(t.summary, e.summary), COALESCE(t.url, e.url)
         FROM articles a
         JOIN article_texts e ON e.article_id = a.id AND e.locale = 'en-US'
         LEFT JOIN article_texts t ON t.article_id = a.id AND t.locale = $1
         ORDER BY a.position, a.id",
    )
    .bind(locale.as_str())
    .fetch_all(&mut *db.acquire().await?)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, locale, title, summary, url)| Article {
            id,
            title,
            summary,
            url,
            locale: crate::locale::stored(&locale),
        })
        .collect())
}
