//! What the answers to the widget's lookups (customers, services, service
//! health, articles, a request's status, the user's requests) mean.

use serde::de::DeserializeOwned;
use support_contract::{
    limits, Article, ArticleList, Customer, CustomerList, ErrorBody, ErrorCode, HealthIncident,
    HealthStatus, RequestList, Service, ServiceHealth, ServiceList, StoredRequest,
};
use thiserror::Error;

use super::plain_reference;
use crate::{json, web_url::WebUrl};

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
    read_list::<_, Customer>(status, body, "customers").map(|(list, _): (CustomerList, _)| {
        let mut customers = list.customers;
        customers.truncate(limits::SEARCH_RESULTS_MAX);
        customers
    })
}

/// Reads the answer to `GET /customers/{id}` for the customer `id`. Only
/// a 404 in the contract's own words (`not_found` on `id`) says that the
/// catalogue holds no such customer: a 404 without them is no support
/// service (or none that reads one customer) at the address, which says
/// nothing of the customer. An answer about another customer is one that
/// cannot be read.
pub fn read_customer(status: u16, body: &str, id: &str) -> Result<Customer, LoadError> {
    match status {
        404 if says_not_found(body) => Err(LoadError::NotFound),
        _ => read(status, body).and_then(|customer: Customer| {
            (customer.id == id)
                .then_some(customer)
                .ok_or(LoadError::BadResponse)
        }),
    }
}

/// Whether an error body says, in the contract's words, that the backend
/// does not know the thing its path names (`not_found` on `id`).
pub(super) fn says_not_found(body: &str) -> bool {
    json::from_str::<ErrorBody>(body).is_ok_and(|ErrorBody { errors }| {
        (errors.iter()).any(|e| e.code == ErrorCode::NotFound && e.field == "id")
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
    let (list, _): (ServiceList, _) = read_list::<_, Service>(status, body, "services")?;
    Ok(list
        .services
        .into_iter()
        .filter(|s| web_link(&s.admin_center_url).is_some())
        .collect())
}

/// Reads a 200 answer.
fn read<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, LoadError> {
    match status {
        200 => json::from_str(body).map_err(|_| LoadError::BadResponse),
        _ => Err(LoadError::Server(status)),
    }
}

/// Reads a 200 answer that lists `Item`s in its array `key`, less those
/// this version cannot read (`json::readable`), with how many it listed.
fn read_list<T: DeserializeOwned, Item: DeserializeOwned>(
    status: u16,
    body: &str,
    key: &str,
) -> Result<(T, usize), LoadError> {
    match status {
        200 => json::readable::<T, Item>(body, key).map_err(|_| LoadError::BadResponse),
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
    let (health, listed): (ServiceHealth, _) =
        read_list::<_, HealthIncident>(status, body, "incidents")?;
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
    let (list, _): (ArticleList, _) = read_list::<_, Article>(status, body, "articles")?;
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
        _ => read(status, body).and_then(|stored: StoredRequest| {
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

/// Why the request a page opened (`open("request", id)`) cannot be shown
/// to its user: the backend has no such request for them (404: none, or
/// another user's, which the contract answers alike), or refuses them the
/// read (403). Either way the link led nowhere for this user, which they
/// read on screen and the page hears by `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    NotFound,
    Forbidden,
}

impl Unreadable {
    /// What a failed read of the opened request's status says of it; other
    /// failures (the network, the service) are tried again as any read.
    pub fn of(error: &LoadError) -> Option<Unreadable> {
        match error {
            LoadError::NotFound => Some(Unreadable::NotFound),
            LoadError::Server(403) => Some(Unreadable::Forbidden),
            _ => None,
        }
    }

    /// The `code` of the page's `support-widget:error` event.
    pub fn code(self) -> &'static str {
        match self {
            Unreadable::NotFound => "request_not_found",
            Unreadable::Forbidden => "request_forbidden",
        }
    }

    /// The event's `message`, in English for the page's developer.
    pub fn message(self, id: &str) -> String {
        match self {
            Unreadable::NotFound => {
                format!("open: the support service has no request \"{id}\" that this user may read")
            }
            Unreadable::Forbidden => {
                format!("open: the support service does not let this user read request \"{id}\"")
            }
        }
    }
}

/// Reads the status of the answer to `GET /attachments/{id}`, whose body is
/// the file: 404 is a file the backend no longer has (or no longer lets the
/// user read), not a missing support service.
pub fn read_download(status: u16) -> Result<(), LoadError> {
    match status {
        200..=299 => Ok(()),
        404 => Err(LoadError::NotFound),
        _ => Err(LoadError::Server(status)),
    }
}

/// Reads the answer to `GET /support-requests?filed_by=me`, each
/// reference as `read_status` gives it.
pub fn read_filed_by_me(status: u16, body: &str) -> Result<RequestList, LoadError> {
    let (mut list, _): (RequestList, _) = read_list::<_, StoredRequest>(status, body, "requests")?;
    for stored in &mut list.requests {
        stored.reference = plain_reference(std::mem::take(&mut stored.reference));
    }
    Ok(list)
}

/// A link the widget may open: an absolute `https:` or `http:` URL, never
/// `javascript:` or `data:` from a compromised or careless backend.
pub fn web_link(raw: &str) -> Option<String> {
    let url = WebUrl::parse(raw.trim())?;
    matches!(url.scheme().as_str(), "https" | "http").then(|| url.href())
}
