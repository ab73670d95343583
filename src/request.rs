//! Requests to the backend as plain data, and what their answers mean.
//!
//! Building a request and reading its answer need no network, so both are
//! tested natively; `api.rs` only sends what is built here.

use support_contract::{
    limits, Article, ArticleList, CreatedRequest, Customer, CustomerList, ErrorBody, ErrorCode,
    FieldError, HealthIncident, HealthStatus, NewSupportRequest, Service, ServiceList,
    StoredRequest,
};
use thiserror::Error;

use crate::{host::BackendUrl, json::HealthAnswer, locale::Locale, web_url::WebUrl};

/// An HTTP request, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

/// `POST {backend}/support-requests`, keyed so that sending it again (after
/// a timeout, say) can never file the request twice.
pub fn create_support_request(
    backend: &BackendUrl,
    idempotency_key: &str,
    request: &NewSupportRequest,
) -> HttpRequest {
    HttpRequest {
        method: "POST",
        url: backend.endpoint("support-requests"),
        headers: vec![
            ("Content-Type", "application/json".to_owned()),
            ("Idempotency-Key", idempotency_key.to_owned()),
        ],
        body: Some(crate::json::to_string(request)),
    }
}

/// `GET {backend}/customers?query=`: the partner's customers matching a name
/// or a domain.
pub fn search_customers(backend: &BackendUrl, query: &str) -> HttpRequest {
    get(with_query(
        backend.endpoint("customers"),
        &[("query", &search_query(query))],
    ))
}

/// What a search sends of the text typed: as the field shows it (a pasted
/// control character or zero-width space is nothing, a tab or line break
/// a space), trimmed, and clipped to the longest query the backend takes (a
/// pasted error message can be longer), so that a long paste searches for
/// its start instead of failing.
fn search_query(query: &str) -> String {
    let shown: String = query
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !c.is_control() && !ZERO_WIDTH.contains(&c))
        .collect();
    let query = shown.trim();
    match query.char_indices().nth(support_contract::limits::NAME_MAX) {
        Some((end, _)) => query[..end].trim_end().to_owned(),
        None => query.to_owned(),
    }
}

/// Characters that take no room and change nothing a reader sees: the
/// zero-width space, the word joiner, the byte-order mark, the soft hyphen
/// and the Mongolian vowel separator. (The zero-width joiner and non-joiner
/// do change how some scripts and emoji look, and stay.)
const ZERO_WIDTH: [char; 5] = ['\u{200b}', '\u{2060}', '\u{feff}', '\u{00ad}', '\u{180e}'];

/// A request's reference as the user will quote it, less what would
/// reorder it on screen (a bidi control: `321000-RS`) or hide in what the
/// user copies (control characters and the invisible ones: zero-width
/// characters, joiners, variation selectors, line separators, tags). The
/// contract's are `SR-` and digits.
fn plain_reference(reference: String) -> String {
    let invisible = |c: char| {
        c.is_control()
            || matches!(c,
                '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
                | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
                | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}')
    };
    if reference.is_ascii() && !reference.chars().any(invisible) {
        return reference;
    }
    reference.chars().filter(|&c| !invisible(c)).collect()
}

/// `GET {backend}/services`: what a customer request can be about.
pub fn list_services(backend: &BackendUrl) -> HttpRequest {
    get(backend.endpoint("services"))
}

/// `GET {backend}/service-health?service=&locale=`: current incidents and
/// advisories, for one service or (without one) for every service.
pub fn service_health(backend: &BackendUrl, service: Option<&str>, locale: Locale) -> HttpRequest {
    let mut pairs = Vec::new();
    if let Some(service) = service {
        pairs.push(("service", service));
    }
    pairs.push(("locale", locale.tag()));
    get(with_query(backend.endpoint("service-health"), &pairs))
}

/// `GET {backend}/articles?query=&locale=`: help articles matching `query`.
pub fn search_articles(backend: &BackendUrl, query: &str, locale: Locale) -> HttpRequest {
    get(with_query(
        backend.endpoint("articles"),
        &[("query", &search_query(query)), ("locale", locale.tag())],
    ))
}

/// `GET {backend}/support-requests/{id}`: one request and its status.
pub fn request_status(backend: &BackendUrl, id: &str) -> HttpRequest {
    let mut url = backend.endpoint("support-requests/");
    if let Some(mut parsed) = WebUrl::parse(&url) {
        // One path segment, percent-encoded: an id can never reach another
        // endpoint, whatever it contains.
        parsed.push_path_segment(id);
        url = parsed.href();
    }
    get(url)
}

/// `url` with `pairs` appended to its query, each encoded.
pub(crate) fn with_query(url: String, pairs: &[(&str, &str)]) -> String {
    match WebUrl::parse(&url) {
        Some(mut parsed) => {
            parsed.append_query_pairs(pairs);
            parsed.href()
        }
        None => url,
    }
}

fn get(url: String) -> HttpRequest {
    HttpRequest {
        method: "GET",
        url,
        headers: vec![("Accept", "application/json".to_owned())],
        body: None,
    }
}

/// Why a list could not be loaded. Each variant picks a message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("the support service could not be reached")]
    Network,
    #[error("the support service answered with status {0}")]
    Server(u16),
    #[error("the support service's answer could not be read")]
    BadResponse,
    #[error("the support service does not know it")]
    NotFound,
}

/// Reads the answer to `GET /customers`: at most the contract's
/// [`limits::SEARCH_RESULTS_MAX`], the first ones, however many a backend
/// sends (as for articles).
pub fn read_customers(status: u16, body: &str) -> Result<Vec<Customer>, LoadError> {
    read_list(status, body).map(|list: CustomerList| {
        let mut customers = list.customers;
        customers.truncate(limits::SEARCH_RESULTS_MAX);
        customers
    })
}

/// Whether a search that listed `listed` customers or articles may have
/// left some out: it listed as many as a search lists at most.
pub fn may_have_more(listed: usize) -> bool {
    listed >= limits::SEARCH_RESULTS_MAX
}

/// Reads the answer to `GET /services`. Services whose admin-center address
/// is not a web address are left out rather than offered as a broken link.
pub fn read_services(status: u16, body: &str) -> Result<Vec<Service>, LoadError> {
    let list: ServiceList = read_list(status, body)?;
    Ok(list
        .services
        .into_iter()
        .filter(|s| web_link(&s.admin_center_url).is_some())
        .collect())
}

fn read_list<T: crate::json::FromJson>(status: u16, body: &str) -> Result<T, LoadError> {
    match status {
        200 => crate::json::from_str(body).map_err(|_| LoadError::BadResponse),
        _ => Err(LoadError::Server(status)),
    }
}

/// Reads the answer to `GET /service-health`, in the contract's order: by
/// service, incidents before advisories, the latest first. One resolved is
/// not current (the contract lists none), and is left out.
///
/// An answer with nothing current left to show, after items this version
/// cannot read were left out of it, cannot be read: shown as empty, it would
/// say that all is well, which the backend did not say.
pub fn read_health(status: u16, body: &str) -> Result<Vec<HealthIncident>, LoadError> {
    let HealthAnswer { health, listed } = read_list(status, body)?;
    let some_unreadable = listed > health.incidents.len();
    let mut incidents = health.incidents;
    incidents.retain(|incident| incident.status != HealthStatus::Resolved);
    if incidents.is_empty() && some_unreadable {
        return Err(LoadError::BadResponse);
    }
    Ok(incidents)
}

/// Reads the answer to `GET /articles`. Articles whose link is not a web
/// address, or that have no title to show as one, are left out rather than
/// offered as a broken or a blank link.
pub fn read_articles(status: u16, body: &str) -> Result<Vec<Article>, LoadError> {
    let list: ArticleList = read_list(status, body)?;
    Ok(list
        .articles
        .into_iter()
        .filter(|article| !article.title.trim().is_empty())
        .filter_map(|article| {
            let url = web_link(&article.url)?;
            Some(Article { url, ..article })
        })
        .take(limits::SEARCH_RESULTS_MAX)
        .collect())
}

/// Reads the answer to `GET /support-requests/{id}` for the request `id`; a
/// 404 says the backend does not know the request (any more), and an answer
/// about another request is one that cannot be read.
pub fn read_status(status: u16, body: &str, id: &str) -> Result<StoredRequest, LoadError> {
    match status {
        404 => Err(LoadError::NotFound),
        _ => read_list(status, body).and_then(|stored: StoredRequest| {
            // Ids are UUIDs, which a backend may write in either case.
            stored
                .id
                .eq_ignore_ascii_case(id)
                .then(|| StoredRequest {
                    reference: plain_reference(stored.reference.clone()),
                    ..stored
                })
                .ok_or(LoadError::BadResponse)
        }),
    }
}

/// A link the widget may open: an absolute `https:` or `http:` URL, never
/// `javascript:` or `data:` from a compromised or careless backend.
pub fn web_link(raw: &str) -> Option<String> {
    let url = WebUrl::parse(raw.trim())?;
    matches!(url.scheme().as_str(), "https" | "http").then(|| url.href())
}

/// Why a submission did not create a request. Each variant picks a message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SubmitError {
    #[error("the support service could not be reached")]
    Network,
    #[error("the support service refused some fields")]
    Rejected(Vec<FieldError>),
    #[error("the request body is too large")]
    TooLarge,
    /// `retry_after`: the seconds the service asked the widget to wait
    /// (`Retry-After`), when it said.
    #[error("the support service answered with status {status}")]
    Server {
        status: u16,
        retry_after: Option<u32>,
    },
    #[error("the support service's answer could not be read")]
    BadResponse,
}

impl SubmitError {
    /// The `code` of the `support-widget:error` event the page receives.
    pub fn code(&self) -> &'static str {
        match self {
            SubmitError::Network => "network",
            SubmitError::Rejected(_) => "rejected",
            SubmitError::TooLarge => "too_large",
            SubmitError::Server { .. } => "server",
            SubmitError::BadResponse => "bad_response",
        }
    }
}

/// Reads the answer to `POST /support-requests`, with its `Retry-After`
/// header if it had one.
pub fn read_created(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<CreatedRequest, SubmitError> {
    let server = || SubmitError::Server {
        status,
        retry_after: retry_after.and_then(parse_retry_after),
    };
    match status {
        // Filed, but only an answer with the request's id and reference
        // lets the widget confirm it; sent again under the same key, the
        // request is not filed twice, and the backend answers again.
        200..=299 => crate::json::from_str(body)
            .ok()
            .map(|created: CreatedRequest| CreatedRequest {
                reference: plain_reference(created.reference),
                ..created
            })
            .filter(|created: &CreatedRequest| {
                !created.id.trim().is_empty() && !created.reference.trim().is_empty()
            })
            .ok_or(SubmitError::BadResponse),
        413 => Err(SubmitError::TooLarge),
        // Busy (the same request still in flight) or rate limited: worth
        // trying again with the same key, never a problem with the fields.
        409 | 429 => Err(server()),
        400 | 422 => match crate::json::from_str::<ErrorBody>(body) {
            Ok(ErrorBody { errors })
                if errors.iter().any(|e| e.code == ErrorCode::BodyTooLarge) =>
            {
                Err(SubmitError::TooLarge)
            }
            Ok(ErrorBody { errors }) if !errors.is_empty() => {
                Err(SubmitError::Rejected(each_once(errors)))
            }
            _ => Err(server()),
        },
        _ => Err(server()),
    }
}

/// Each error the backend named once, however often the answer repeats it,
/// and no more than a request's fields could have (from an answer that
/// names hundreds): the summary lists each.
fn each_once(errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut kept: Vec<FieldError> = Vec::new();
    for error in errors {
        if kept.len() == ERRORS_NAMED_MAX {
            break;
        }
        if !kept.contains(&error) {
            kept.push(error);
        }
    }
    kept
}

/// More errors than a request's fields (its text, contact, choices and
/// files) could have.
const ERRORS_NAMED_MAX: usize = 20;

/// `Retry-After` in seconds (more than `u32` holds reads as the most it
/// holds: a wait far too long to retry after). The HTTP-date form is not
/// used by the contract and is ignored, as is anything unreadable.
pub fn parse_retry_after(header: &str) -> Option<u32> {
    let seconds = header.trim();
    if seconds.is_empty() || !seconds.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(seconds.parse().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
