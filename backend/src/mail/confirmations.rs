//! Confirming an address that a visitor typed (`--anonymous-customers`):
//! a visitor's new request records a token here and its first mail carries
//! the link with it ([`super::compose`]); until someone follows the link,
//! the request's contact is mailed nothing more. The link opens a page
//! with one button, so that a mail scanner that fetches links confirms
//! nothing; the button's POST confirms.

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sqlx::AnyConnection;
use support_contract::ContactLanguage;
use uuid::Uuid;

use super::message;
use crate::db::ALL_PARTNERS;
use crate::error::ApiError;
use crate::outbox::now_ms;
use crate::partner::PartnerScope;
use crate::AppState;

/// How many days a link lasts.
pub const LASTS_DAYS: u64 = 7;
const LASTS: Duration = Duration::from_secs(LASTS_DAYS * 24 * 60 * 60);

/// The route of a link, below `--public-url`.
pub const ROUTE: &str = "/contact-confirmations/{token}";

/// A new token: two random UUIDs' worth of bits, as hex.
pub fn new_token() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

/// What the table keeps of a token: its SHA-256, in hex.
fn token_sha256(token: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// The link that confirms with `token`, below the backend's public address
/// (`--public-url`, kept without its trailing `/`).
pub fn link(public_url: &str, token: &str) -> String {
    format!("{public_url}/contact-confirmations/{token}")
}

/// Whether a visitor's address was asked to confirm, as [`record`] tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    /// Its link is to be mailed now.
    Now,
    /// A link mailed for an earlier message is still waiting, and confirms
    /// this one too: no new one is mailed.
    Already,
    /// Not at all (mail is off): it stays unconfirmed.
    Not,
}

/// Records that the contact of `request_id` (at `address`) awaits
/// confirmation by `token`; with `mail_on`, whether its link is to be
/// mailed. One address has one link waiting at a time: while a link mailed
/// to it is neither followed nor expired, a further message is recorded
/// to be confirmed by that link, and no new one is mailed, so that nobody
/// can flood an address with links from the partner's domain.
pub async fn record(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    request_id: &str,
    token: &str,
    address: &str,
    mail_on: bool,
) -> Result<Asked, ApiError> {
    let lasts = i64::try_from(LASTS.as_millis()).unwrap_or(i64::MAX);
    let now = now_ms();
    let waiting: Option<(String,)> = sqlx::query_as(
        "SELECT c.token_sha256 FROM contact_confirmations c
         JOIN support_requests r ON r.partner_id = c.partner_id AND r.id = c.request_id
         WHERE c.partner_id = $3 AND LOWER(r.contact_email) = LOWER($1) AND c.expires_at > $2
           AND c.link_mailed = 1 AND c.confirmed_at IS NULL
         ORDER BY c.expires_at DESC LIMIT 1",
    )
    .bind(address.trim())
    .bind(now)
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    let asked = match (&waiting, mail_on) {
        (_, false) => Asked::Not,
        (Some(_), true) => Asked::Already,
        (None, true) => Asked::Now,
    };
    sqlx::query(
        "INSERT INTO contact_confirmations
             (request_id, token_sha256, expires_at, link_mailed, waits_on, partner_id)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(request_id)
    .bind(token_sha256(token))
    .bind(now + lasts)
    .bind(i64::from(asked == Asked::Now))
    .bind(waiting.filter(|_| mail_on).map(|(sha256,)| sha256))
    .bind(scope.partner())
    .execute(&mut *conn)
    .await?;
    Ok(asked)
}

/// Whether the contact of `request_id` may be mailed what the request
/// says: yes unless a visitor typed it and nobody has confirmed it yet.
pub async fn contact_confirmed(
    scope: &PartnerScope,
    conn: &mut AnyConnection,
    request_id: &str,
) -> Result<bool, ApiError> {
    let row: Option<(Option<i64>,)> = sqlx::query_as(
        "SELECT confirmed_at FROM contact_confirmations WHERE partner_id = $2 AND request_id = $1",
    )
    .bind(request_id)
    .bind(scope.partner())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(!matches!(row, Some((None,))))
}

/// What a link found.
enum Found {
    /// A link that is not known, or no longer lasts.
    Gone,
    /// The request's partner, reference and contact's language, and
    /// whether it was confirmed already.
    Request {
        partner: PartnerScope,
        reference: String,
        language: ContactLanguage,
        confirmed: bool,
    },
}

/// The link's request, whichever partner's it is: a link names no
/// partner, and its token, which only its mail held, is the proof.
async fn find(state: &AppState, token: &str) -> Result<Found, ApiError> {
    let row: Option<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT c.partner_id, r.reference, r.contact_language, c.expires_at, c.confirmed_at
         FROM contact_confirmations c
         JOIN support_requests r ON r.partner_id = c.partner_id AND r.id = c.request_id
         WHERE c.token_sha256 = $1",
    )
    .bind(token_sha256(token))
    .fetch_optional(&mut *state.db.read_as(ALL_PARTNERS).await?)
    .await?;
    Ok(match row {
        Some((partner, reference, language, _, Some(_))) => Found::Request {
            partner: PartnerScope::of(&state.db, &partner),
            reference,
            language: ContactLanguage::parse(&language).unwrap_or_default(),
            confirmed: true,
        },
        Some((partner, reference, language, expires_at, None)) if expires_at > now_ms() => {
            Found::Request {
                partner: PartnerScope::of(&state.db, &partner),
                reference,
                language: ContactLanguage::parse(&language).unwrap_or_default(),
                confirmed: false,
            }
        }
        _ => Found::Gone,
    })
}

/// `GET`: the page that asks to confirm, with its one button.
pub async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    Ok(match find(&state, &token).await? {
        Found::Gone => gone(),
        Found::Request {
            reference,
            language,
            confirmed: true,
            ..
        } => done(language, &reference),
        Found::Request {
            reference,
            language,
            confirmed: false,
            ..
        } => page(
            StatusCode::OK,
            language,
            &message(language, "confirm-page-ask", &[("reference", &reference)]),
            Some(&message(language, "confirm-page-button", &[])),
        ),
    })
}

/// `POST`: confirms, once; the same link again only says so again.
pub async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let found = find(&state, &token).await?;
    let Found::Request {
        partner,
        reference,
        language,
        confirmed,
    } = found
    else {
        return Ok(gone());
    };
    if !confirmed {
        // The link confirms its own message and those that waited on it.
        let mut transaction = partner.begin_write().await?;
        sqlx::query(
            "UPDATE contact_confirmations SET confirmed_at = $2
             WHERE partner_id = $3 AND (token_sha256 = $1 OR waits_on = $1)
               AND confirmed_at IS NULL",
        )
        .bind(token_sha256(&token))
        .bind(now_ms())
        .bind(partner.partner())
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
        tracing::info!(reference, "a visitor confirmed their address");
    }
    Ok(done(language, &reference))
}

fn done(language: ContactLanguage, reference: &str) -> Response {
    page(
        StatusCode::OK,
        language,
        &message(language, "confirm-page-done", &[("reference", reference)]),
        None,
    )
}

/// An unknown or expired link: in English, as nothing tells the language.
fn gone() -> Response {
    let language = ContactLanguage::EnUs;
    page(
        StatusCode::NOT_FOUND,
        language,
        &message(language, "confirm-page-gone", &[]),
        None,
    )
}

/// A page of the backend's own words, with a button that posts to the same
/// address when there is one.
fn page(
    status: StatusCode,
    language: ContactLanguage,
    said: &str,
    button: Option<&str>,
) -> Response {
    let title = message(language, "confirm-page-title", &[]);
    let form = button.map_or(String::new(), |label| {
        format!(
            "<form method=\"post\"><button type=\"submit\">{}</button></form>\n",
            html_escape::encode_text(label)
        )
    });
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title></head>\n\
         <body style=\"font-family: sans-serif; max-width: 36em; margin: 2em auto\">\n\
         <h1>{}</h1>\n<p>{}</p>\n{form}</body></html>\n",
        language.as_str(),
        html_escape::encode_text(&title),
        html_escape::encode_text(&title),
        html_escape::encode_text(said),
    );
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
             frame-ancestors 'none'",
        ),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
