//! Requests to the backend as plain data, and what their answers mean.
//!
//! Building a request and reading its answer need no network, so both are
//! tested natively; `api.rs` only sends what is built here. The answers to
//! the lookups are read in `lookups.rs`, the answer to a submission in
//! `submission.rs`.

mod lookups;
mod submission;

pub use lookups::{
    may_have_more, read_articles, read_customer, read_customers, read_download, read_filed_by_me,
    read_health, read_services, read_status, web_link, LoadError, Unreadable,
};
pub use submission::{parse_retry_after, read_created, read_reply, read_status_set, SubmitError};

use support_contract::{limits, paths, NewReply, NewSupportRequest, RequestKind, RequestStatus};

use crate::{host::BackendUrl, json, locale::Locale, web_url::WebUrl};

/// Whether an answer's `status` says that no support service is at the
/// backend's address: no such path (404), or nothing there that takes the
/// request's method (405). The page's `backend` attribute is then wrong,
/// which trying again will not mend. (A status lookup's 404 says instead
/// that the backend does not know the request: `read_status`.)
pub fn no_service_at(status: u16) -> bool {
    matches!(status, 404 | 405)
}

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
    keyed_post(
        backend.endpoint(paths::SUPPORT_REQUESTS),
        idempotency_key,
        json::to_string(request).ok(),
    )
}

/// `POST {backend}/support-requests/{id}/replies`, keyed as a filing is:
/// sent again, the reply is stored once.
pub fn post_reply(
    backend: &BackendUrl,
    request_id: &str,
    idempotency_key: &str,
    reply: &NewReply,
) -> HttpRequest {
    let url = endpoint_at(
        backend,
        paths::SUPPORT_REQUESTS,
        &[request_id, paths::REPLIES],
    );
    keyed_post(url, idempotency_key, json::to_string(reply).ok())
}

/// `POST {backend}/support-requests/{id}/status`: the request moved on to
/// `status`, as the partner moves a customer's message it has answered.
/// Sent again (after a lost answer, say) with the same `idempotency_key`,
/// the backend makes the change once.
pub fn set_status(
    backend: &BackendUrl,
    request_id: &str,
    status: RequestStatus,
    idempotency_key: &str,
) -> HttpRequest {
    let url = endpoint_at(
        backend,
        paths::SUPPORT_REQUESTS,
        &[request_id, paths::STATUS],
    );
    // The status is one of the contract's own words: nothing to escape.
    let body = format!(r#"{{"status":"{}"}}"#, status.as_str());
    keyed_post(url, idempotency_key, Some(body))
}

/// A JSON `POST` to `url` under `idempotency_key`: sent again, the backend
/// acts on it once.
fn keyed_post(url: String, idempotency_key: &str, body: Option<String>) -> HttpRequest {
    HttpRequest {
        method: "POST",
        url,
        headers: vec![
            ("Content-Type", "application/json".to_owned()),
            ("Idempotency-Key", idempotency_key.to_owned()),
        ],
        body,
    }
}

/// `GET {backend}/customers?query=`: the partner's customers matching a name
/// or a domain.
pub fn search_customers(backend: &BackendUrl, query: &str) -> HttpRequest {
    get(with_query(
        backend.endpoint(paths::CUSTOMERS),
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
    match query.char_indices().nth(limits::NAME_MAX) {
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
    get(backend.endpoint(paths::SERVICES))
}

/// `GET {backend}/service-health?service=&locale=`: current incidents and
/// advisories, for one service or (without one) for every service.
pub fn service_health(backend: &BackendUrl, service: Option<&str>, locale: Locale) -> HttpRequest {
    let mut pairs = Vec::new();
    if let Some(service) = service {
        pairs.push(("service", service));
    }
    pairs.push(("locale", locale.as_str()));
    get(with_query(backend.endpoint(paths::SERVICE_HEALTH), &pairs))
}

/// `GET {backend}/articles?query=&locale=`: help articles matching `query`.
pub fn search_articles(backend: &BackendUrl, query: &str, locale: Locale) -> HttpRequest {
    get(with_query(
        backend.endpoint(paths::ARTICLES),
        &[("query", &search_query(query)), ("locale", locale.as_str())],
    ))
}

/// `GET {backend}/support-requests/{id}`: one request and its status.
pub fn request_status(backend: &BackendUrl, id: &str) -> HttpRequest {
    get(endpoint_at(backend, paths::SUPPORT_REQUESTS, &[id]))
}

/// `GET {backend}/customers/{id}`: the partner's customer whose id is
/// exactly `id`, to check a customer the page prefilled.
pub fn customer(backend: &BackendUrl, id: &str) -> HttpRequest {
    get(endpoint_at(backend, paths::CUSTOMERS, &[id]))
}

/// `GET {backend}/attachments/{id}`: a stored file, to save.
pub fn download_attachment(backend: &BackendUrl, id: &str) -> HttpRequest {
    get(endpoint_at(backend, paths::ATTACHMENTS, &[id]))
}

/// `GET {backend}/events`: the changes to the requests the caller may
/// read, as Server-Sent Events, after `last_id` (the last event heard, so
/// that a stream picked up again misses nothing).
pub fn events(backend: &BackendUrl, last_id: Option<&str>) -> HttpRequest {
    let mut headers = vec![("Accept", "text/event-stream".to_owned())];
    headers.extend(last_id.map(|id| ("Last-Event-ID", id.to_owned())));
    HttpRequest {
        method: "GET",
        url: backend.endpoint(paths::EVENTS),
        headers,
        body: None,
    }
}

/// `GET {backend}/unread`: the requests with something new to the caller
/// (`live::unread::read` reads its answer).
pub fn unread(backend: &BackendUrl) -> HttpRequest {
    HttpRequest {
        method: "GET",
        url: backend.endpoint(paths::UNREAD),
        headers: Vec::new(),
        body: None,
    }
}

/// `POST {backend}/support-requests/{id}/seen`: the caller opened the
/// request, whose changes until now are no longer new to them.
pub fn seen(backend: &BackendUrl, id: &str) -> HttpRequest {
    HttpRequest {
        method: "POST",
        url: endpoint_at(backend, paths::SUPPORT_REQUESTS, &[id, paths::SEEN]),
        headers: Vec::new(),
        body: None,
    }
}

/// The backend's endpoint `path`, then `segments`, each one path segment,
/// percent-encoded: an id can never reach another endpoint, whatever it
/// contains.
fn endpoint_at(backend: &BackendUrl, path: &str, segments: &[&str]) -> String {
    let url = backend.endpoint(path);
    let Some(mut parsed) = WebUrl::parse(&url) else {
        return url;
    };
    for segment in segments {
        parsed.push_path_segment(segment);
    }
    parsed.href()
}

/// `GET {backend}/support-requests?filed_by=me&before=`: a page of the
/// signed-in user's own requests, the first or (`before`, the previous
/// page's `next`) the one after.
pub fn filed_by_me(backend: &BackendUrl, before: Option<&str>) -> HttpRequest {
    let mut pairs = vec![("filed_by", "me")];
    pairs.extend(before.map(|before| ("before", before)));
    get(with_query(
        backend.endpoint(paths::SUPPORT_REQUESTS),
        &pairs,
    ))
}

/// `GET {backend}/support-requests?kind=customer_self_service&status=`: a
/// page of the messages the partner's customers sent it, open or resolved,
/// newest first; the first, or the one `before` the last page's `next`.
/// Pages are the backend's length unless `longest` asks for the longest.
pub fn customer_messages(
    backend: &BackendUrl,
    open: bool,
    before: Option<&str>,
    longest: bool,
) -> HttpRequest {
    let status = if open { "open" } else { "resolved" };
    let longest_page = limits::LIST_PAGE_MAX.to_string();
    let mut pairs = vec![
        ("kind", RequestKind::CustomerSelfService.as_str()),
        ("status", status),
    ];
    pairs.extend(before.map(|before| ("before", before)));
    pairs.extend(longest.then_some(("limit", longest_page.as_str())));
    get(with_query(
        backend.endpoint(paths::SUPPORT_REQUESTS),
        &pairs,
    ))
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

#[cfg(test)]
mod tests;
