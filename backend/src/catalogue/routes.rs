//! `PUT /catalogue/{kind}` and `GET /catalogue/{kind}`: the partner's
//! catalogue through the API, as `support-backend import` and `export` do
//! it, for an admin's token (a portal that syncs its customer list every
//! night, an operator who posts an incident).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::import::{self, ImportError, Outcome};
use crate::catalogue::{self, Format, Kind, LineError};
use crate::error::ApiError;
use crate::identity::{Action, Caller};
use crate::partner::{PartnerScope, DEFAULT_PARTNER};

/// The largest catalogue file taken in one call.
pub const BODY_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The media type of JSON Lines.
pub const JSONL: &str = "application/x-ndjson";

#[derive(Serialize)]
struct Counts {
    new: usize,
    changed: usize,
    unchanged: usize,
}

#[derive(Serialize)]
struct LineProblem {
    field: String,
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Problems {
    errors: Vec<LineProblem>,
}

fn kind_of(kind: Result<Path<String>, PathRejection>) -> Result<Kind, ApiError> {
    kind.ok()
        .and_then(|Path(kind)| Kind::parse(&kind))
        .ok_or(ApiError::NotFound { field: "kind" })
}

/// Imports the body (JSON Lines, or CSV sent as `text/csv`) whole or not
/// at all; 422 names each bad line.
pub async fn put(
    caller: Caller,
    scope: PartnerScope,
    kind: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    caller.may(Action::ManageCatalogue)?;
    let kind = kind_of(kind)?;
    // Customers are the partner's own; services, health and articles are
    // every partner's, and only the operator's admins change them.
    if kind != Kind::Customers && scope.partner() != DEFAULT_PARTNER {
        return Err(ApiError::Forbidden);
    }
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::BodyTooLarge,
        _ => crate::error::broken_body(&rejection),
    })?;
    let media = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let format = match media.as_str() {
        JSONL | "application/jsonl" | "application/json" => Format::Jsonl,
        "text/csv" => Format::Csv,
        _ => return Err(ApiError::UnsupportedMediaType),
    };
    let text = match catalogue::text_of(&bytes) {
        Ok(text) => text,
        Err(error) => return Ok(refused(vec![error])),
    };
    let items = match catalogue::parse(kind, format, text) {
        Ok(items) => items,
        Err(errors) => return Ok(refused(errors)),
    };
    match import::import(&scope, &items).await {
        Ok(Outcome {
            new,
            changed,
            unchanged,
        }) => Ok(Json(Counts {
            new,
            changed,
            unchanged,
        })
        .into_response()),
        Err(ImportError::Refused(errors)) => Ok(refused(errors)),
        Err(ImportError::Database(error)) => Err(error.into()),
    }
}

fn refused(errors: Vec<LineError>) -> Response {
    let errors = errors
        .into_iter()
        .map(|error| LineProblem {
            field: format!("line {}", error.line),
            code: "invalid_line",
            message: error.message,
        })
        .collect();
    (StatusCode::UNPROCESSABLE_ENTITY, Json(Problems { errors })).into_response()
}

/// The catalogue of `kind` as JSON Lines, as `PUT` takes it back.
pub async fn get(
    caller: Caller,
    scope: PartnerScope,
    kind: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    caller.may(Action::ManageCatalogue)?;
    let kind = kind_of(kind)?;
    let text = crate::catalogue::export::export(&scope, kind).await?;
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static(JSONL))],
        text,
    )
        .into_response())
}
