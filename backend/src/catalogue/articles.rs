//! `GET /articles?query=&locale=`: self-help articles.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use support_contract::{ArticleList, ErrorCode, FieldError};

use super::article_texts;
use crate::catalogue::article_search::{self, QUERY_MAX};
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::query::Params;
use crate::AppState;

/// The query string; both parameters may be left out.
#[derive(Debug, Deserialize)]
pub struct ArticleQuery {
    #[serde(default)]
    query: String,
    #[serde(default)]
    locale: Option<String>,
}

/// Answers the articles matching `query` (see [`article_search`]) in
/// `locale`, each falling back to en-US where it has no translation.
pub async fn search(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Params<ArticleQuery>, ApiError>,
) -> Result<Json<ArticleList>, ApiError> {
    caller.may(Action::ReadHelp)?;
    let Params(ArticleQuery { query, locale }) = params?;
    if query.chars().count() > QUERY_MAX {
        return Err(ApiError::BadQuery(FieldError::new(
            "query",
            ErrorCode::TooLong,
        )));
    }
    let locale = crate::locale::requested(locale.as_deref());
    let all = article_texts::all(&state.db, locale).await?;
    Ok(Json(ArticleList {
        articles: article_search::search(all, &query),
    }))
}
