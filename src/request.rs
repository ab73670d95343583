//! Requests to the backend as plain data, and what their answers mean.
//!
//! Building a request and reading its answer need no network, so both are
//! tested natively; `api.rs` only sends what is built here.

use support_contract::{
    Article, ArticleList, CreatedRequest, Customer, CustomerList, ErrorBody, ErrorCode, FieldError,
    HealthIncident, NewSupportRequest, Service, ServiceHealth, ServiceList, StoredRequest,
};
use thiserror::Error;

use crate::{host::BackendUrl, locale::Locale, web_url::WebUrl};

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
        &[("query", search_query(query))],
    ))
}

/// What a search sends of the text typed: trimmed, and clipped to the
/// longest query the backend takes (a pasted error message can be longer),
/// so that a long paste searches for its start instead of failing.
fn search_query(query: &str) -> &str {
    let query = query.trim();
    match query.char_indices().nth(support_contract::limits::NAME_MAX) {
        Some((end, _)) => query[..end].trim_end(),
        None => query,
    }
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
        &[("query", search_query(query)), ("locale", locale.tag())],
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

/// Reads the answer to `GET /customers`.
pub fn read_customers(status: u16, body: &str) -> Result<Vec<Customer>, LoadError> {
    read_list(status, body).map(|list: CustomerList| list.customers)
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
/// service, incidents before advisories, the latest first.
pub fn read_health(status: u16, body: &str) -> Result<Vec<HealthIncident>, LoadError> {
    read_list(status, body).map(|health: ServiceHealth| health.incidents)
}

/// Reads the answer to `GET /articles`. Articles whose link is not a web
/// address are left out rather than offered as a broken link.
pub fn read_articles(status: u16, body: &str) -> Result<Vec<Article>, LoadError> {
    let list: ArticleList = read_list(status, body)?;
    Ok(list
        .articles
        .into_iter()
        .filter_map(|article| {
            let url = web_link(&article.url)?;
            Some(Article { url, ..article })
        })
        .collect())
}

/// Reads the answer to `GET /support-requests/{id}`; a 404 says the backend
/// does not know the request (any more).
pub fn read_status(status: u16, body: &str) -> Result<StoredRequest, LoadError> {
    match status {
        404 => Err(LoadError::NotFound),
        _ => read_list(status, body),
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
        200 | 201 => crate::json::from_str(body).map_err(|_| SubmitError::BadResponse),
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
            Ok(ErrorBody { errors }) if !errors.is_empty() => Err(SubmitError::Rejected(errors)),
            _ => Err(server()),
        },
        _ => Err(server()),
    }
}

/// `Retry-After` in seconds. The HTTP-date form is not used by the contract
/// and is ignored, as is anything unreadable.
pub fn parse_retry_after(header: &str) -> Option<u32> {
    header.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    // These run in the browser too (scripts/test-browser), where JSON and
    // URLs are the browser's own: see `crate::json` and `crate::web_url`.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use support_contract::{RequestKind, RequestStatus};

    use super::*;

    fn backend() -> BackendUrl {
        BackendUrl::parse(Some("https://portal.example.com/api/support")).unwrap()
    }

    #[test]
    fn creating_a_request_posts_json_with_the_idempotency_key() {
        let body = NewSupportRequest {
            title: "标题".into(),
            ..NewSupportRequest::default()
        };
        let request =
            create_support_request(&backend(), "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11", &body);
        assert_eq!(request.method, "POST");
        assert_eq!(
            request.url,
            "https://portal.example.com/api/support/support-requests"
        );
        assert!(request
            .headers
            .contains(&("Content-Type", "application/json".into())));
        assert!(request.headers.contains(&(
            "Idempotency-Key",
            "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11".into()
        )));
        let sent: NewSupportRequest =
            serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
        assert_eq!(sent, body);
        assert_eq!(sent.kind, RequestKind::PartnerCenter);
    }

    #[test]
    fn customer_searches_encode_the_query() {
        let request = search_customers(&backend(), " 北京 & co ");
        assert_eq!(request.method, "GET");
        assert_eq!(
            request.url,
            "https://portal.example.com/api/support/customers?query=%E5%8C%97%E4%BA%AC+%26+co"
        );
        assert_eq!(
            list_services(&backend()).url,
            "https://portal.example.com/api/support/services"
        );
    }

    #[test]
    fn lists_are_read_and_failures_are_errors() {
        let customers = r#"{"customers":[{"id":"c1","name":"台北雲端服務股份有限公司","domain":"taipei.partner.onmschina.cn"}]}"#;
        assert_eq!(
            read_customers(200, customers).unwrap()[0].name,
            "台北雲端服務股份有限公司"
        );
        assert_eq!(read_customers(200, "[]"), Err(LoadError::BadResponse));
        assert_eq!(read_customers(502, ""), Err(LoadError::Server(502)));
    }

    #[test]
    fn services_with_unsafe_admin_center_links_are_left_out() {
        let body = r#"{"services":[
            {"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"},
            {"id":"evil","name":"Evil","admin_center_url":"javascript:alert(1)"},
            {"id":"data","name":"Data","admin_center_url":"data:text/html,<script>1</script>"}
        ]}"#;
        let ids: Vec<_> = read_services(200, body)
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, ["azure"]);
    }

    #[test]
    fn a_201_gives_the_reference() {
        let body = r#"{"id":"a1","reference":"SR-000001","status":"submitted","created_at":"2026-11-22T10:00:00Z"}"#;
        let created = read_created(201, None, body).unwrap();
        assert_eq!(created.reference, "SR-000001");
        assert_eq!(created.status, RequestStatus::Submitted);
    }

    #[test]
    fn a_422_gives_the_field_errors() {
        let body = r#"{"errors":[{"field":"contact.email","code":"invalid_email"}]}"#;
        assert_eq!(
            read_created(422, None, body),
            Err(SubmitError::Rejected(vec![FieldError::new(
                "contact.email",
                ErrorCode::InvalidEmail
            )]))
        );
    }

    #[test]
    fn unreadable_or_failed_answers_are_errors_not_panics() {
        let server = |status| SubmitError::Server {
            status,
            retry_after: None,
        };
        assert_eq!(
            read_created(201, None, "<html>"),
            Err(SubmitError::BadResponse)
        );
        assert_eq!(read_created(422, None, "oops"), Err(server(422)));
        assert_eq!(read_created(503, Some("soon"), ""), Err(server(503)));
        assert_eq!(read_created(413, None, ""), Err(SubmitError::TooLarge));
        let in_flight =
            r#"{"errors":[{"field":"Idempotency-Key","code":"idempotency_key_in_flight"}]}"#;
        assert_eq!(
            read_created(409, Some("1"), in_flight),
            Err(SubmitError::Server {
                status: 409,
                retry_after: Some(1)
            })
        );
        assert_eq!(
            read_created(429, Some(" 17 "), ""),
            Err(SubmitError::Server {
                status: 429,
                retry_after: Some(17)
            })
        );
    }

    #[test]
    fn a_long_search_sends_as_much_as_the_backend_takes() {
        let pasted = format!("  {}", "错".repeat(300));
        let sent = search_query(&pasted);
        assert_eq!(sent.chars().count(), support_contract::limits::NAME_MAX);
        assert!(search_customers(&backend(), &pasted)
            .url
            .ends_with(&"%E9%94%99".repeat(200)));
        let articles = search_articles(&backend(), &pasted, Locale::ZhCn).url;
        assert!(articles.contains(&format!("query={}&locale", "%E9%94%99".repeat(200))));
        assert_eq!(search_query(" short "), "short");
    }

    #[test]
    fn self_service_lookups_carry_the_locale_and_encode_the_query() {
        let health = service_health(&backend(), Some("azure"), Locale::ZhCn);
        assert_eq!(
            health.url,
            "https://portal.example.com/api/support/service-health?service=azure&locale=zh-CN"
        );
        let every = service_health(&backend(), None, Locale::EnUs);
        assert_eq!(
            every.url,
            "https://portal.example.com/api/support/service-health?locale=en-US"
        );
        let articles = search_articles(&backend(), " 重置 密码&x=1 ", Locale::ZhTw);
        assert_eq!(
            articles.url,
            "https://portal.example.com/api/support/articles?query=%E9%87%8D%E7%BD%AE+%E5%AF%86%E7%A0%81%26x%3D1&locale=zh-TW"
        );
    }

    #[test]
    fn a_status_lookup_keeps_the_id_in_one_path_segment() {
        let request = request_status(&backend(), "../customers?query=a#b");
        assert_eq!(
            request.url,
            "https://portal.example.com/api/support/support-requests/..%2Fcustomers%3Fquery=a%23b"
        );
        // No URL keeps ".." as a segment: it is left out rather than climbed.
        assert_eq!(
            request_status(&backend(), "..").url,
            "https://portal.example.com/api/support/support-requests"
        );
        assert_eq!(request.method, "GET");
    }

    #[test]
    fn health_keeps_the_contracts_order_and_articles_only_with_web_links() {
        // An incident comes before a newer advisory, as the backend sends it.
        let body = r#"{"incidents":[
            {"id":"a","service":"azure","kind":"incident","status":"investigating","title":"Old","summary":"","locale":"en-US","started_at":"2026-11-01T08:00:00Z","updated_at":"2026-11-01T08:00:00Z"},
            {"id":"b","service":"azure","kind":"advisory","status":"monitoring","title":"New","summary":"","locale":"en-US","started_at":"2026-11-20T08:00:00Z","updated_at":"2026-11-20T08:00:00Z"}
        ]}"#;
        let incidents = read_health(200, body).unwrap();
        assert_eq!(
            incidents.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(read_health(500, body), Err(LoadError::Server(500)));
        assert_eq!(read_health(200, "{}"), Err(LoadError::BadResponse));

        let articles = read_articles(
            200,
            r#"{"articles":[
                {"id":"ok","title":"T","summary":"S","url":"https://docs.example.cn/a","locale":"zh-CN"},
                {"id":"bad","title":"T","summary":"S","url":"javascript:alert(1)","locale":"zh-CN"}
            ]}"#,
        )
        .unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].id, "ok");
    }

    #[test]
    fn a_missing_request_is_not_found_rather_than_a_failure() {
        assert_eq!(read_status(404, "{}"), Err(LoadError::NotFound));
        assert_eq!(read_status(503, ""), Err(LoadError::Server(503)));
        let stored = read_status(
            200,
            r#"{"id":"1","reference":"SR-1","status":"resolved","created_at":"2026-11-20T08:00:00Z",
                "request":{"kind":"customer","title":"t","description":"d","contact":{"name":"n","email":"e@x.cn"}},
                "history":[{"status":"submitted","changed_at":"2026-11-20T08:00:00Z"},{"status":"resolved","changed_at":"2026-11-21T08:00:00Z","note":"fixed"}]}"#,
        )
        .unwrap();
        assert_eq!(stored.status, RequestStatus::Resolved);
        assert_eq!(stored.history.len(), 2);
    }
}
