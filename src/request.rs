//! Requests to the backend as plain data, and what their answers mean.
//!
//! Building a request and reading its answer need no network, so both are
//! tested natively; `api.rs` only sends what is built here.

use serde::Deserialize;
use support_contract::{
    CreatedRequest, Customer, ErrorBody, ErrorCode, FieldError, NewSupportRequest, Service,
};
use thiserror::Error;
use url::Url;

use crate::host::BackendUrl;

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
        body: serde_json::to_string(request).ok(),
    }
}

/// `GET {backend}/customers?query=`: the partner's customers matching a name
/// or a domain.
pub fn search_customers(backend: &BackendUrl, query: &str) -> HttpRequest {
    let mut url = backend.endpoint("customers");
    if let Ok(mut parsed) = Url::parse(&url) {
        parsed.query_pairs_mut().append_pair("query", query.trim());
        url = parsed.into();
    }
    get(url)
}

/// `GET {backend}/services`: what a customer request can be about.
pub fn list_services(backend: &BackendUrl) -> HttpRequest {
    get(backend.endpoint("services"))
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
}

#[derive(Deserialize)]
struct CustomerList {
    customers: Vec<Customer>,
}

#[derive(Deserialize)]
struct ServiceList {
    services: Vec<Service>,
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

fn read_list<T: for<'de> Deserialize<'de>>(status: u16, body: &str) -> Result<T, LoadError> {
    match status {
        200 => serde_json::from_str(body).map_err(|_| LoadError::BadResponse),
        _ => Err(LoadError::Server(status)),
    }
}

/// A link the widget may open: an absolute `https:` or `http:` URL, never
/// `javascript:` or `data:` from a compromised or careless backend.
pub fn web_link(raw: &str) -> Option<String> {
    let url = Url::parse(raw.trim()).ok()?;
    matches!(url.scheme(), "https" | "http").then(|| url.into())
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
        200 | 201 => serde_json::from_str(body).map_err(|_| SubmitError::BadResponse),
        413 => Err(SubmitError::TooLarge),
        // Busy (the same request still in flight) or rate limited: worth
        // trying again with the same key, never a problem with the fields.
        409 | 429 => Err(server()),
        400 | 422 => match serde_json::from_str::<ErrorBody>(body) {
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
}
