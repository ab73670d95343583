//! The one thin transport: sends an `HttpRequest` built in `request.rs`.

use gloo_net::http::{Method, RequestBuilder};
use support_contract::{CreatedRequest, Customer, NewSupportRequest, Service};
use web_sys::AbortSignal;

use crate::{
    host::BackendUrl,
    request::{self, HttpRequest, LoadError, SubmitError},
};

/// How one widget's requests are sent: the page's extra headers (a session
/// token, say) and the signal that aborts everything when the element goes.
#[derive(Clone, Default)]
pub struct Transport {
    pub headers: Vec<(String, String)>,
    pub abort: Option<AbortSignal>,
}

/// The transport failed: no answer arrived (offline, refused, aborted).
struct NoAnswer;

/// An answer: its status, its `Retry-After` header and its body.
struct Answer {
    status: u16,
    retry_after: Option<String>,
    body: String,
}

/// Sends a request and returns the answer.
async fn send(request: HttpRequest, transport: &Transport) -> Result<Answer, NoAnswer> {
    let method = match request.method {
        "POST" => Method::POST,
        _ => Method::GET,
    };
    let mut builder = RequestBuilder::new(&request.url)
        .method(method)
        .abort_signal(transport.abort.as_ref());
    // The page's headers first, so that the widget's own always win.
    for (name, value) in &transport.headers {
        builder = builder.header(name, value);
    }
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let ready = match request.body {
        Some(body) => builder.body(body),
        None => builder.build(),
    };
    let response = ready
        .map_err(|_| NoAnswer)?
        .send()
        .await
        .map_err(|_| NoAnswer)?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    // An unreadable body is judged by its status alone.
    let body = response.text().await.unwrap_or_default();
    Ok(Answer {
        status,
        retry_after,
        body,
    })
}

/// Files a support request; the same key always files it at most once.
pub async fn submit_request(
    backend: BackendUrl,
    idempotency_key: String,
    body: NewSupportRequest,
    transport: Transport,
) -> Result<CreatedRequest, SubmitError> {
    let request = request::create_support_request(&backend, &idempotency_key, &body);
    let answer = send(request, &transport)
        .await
        .map_err(|NoAnswer| SubmitError::Network)?;
    request::read_created(answer.status, answer.retry_after.as_deref(), &answer.body)
}

/// The partner's customers matching `query`.
pub async fn search_customers(
    backend: BackendUrl,
    query: String,
    transport: Transport,
) -> Result<Vec<Customer>, LoadError> {
    let request = request::search_customers(&backend, &query);
    let answer = send(request, &transport)
        .await
        .map_err(|NoAnswer| LoadError::Network)?;
    request::read_customers(answer.status, &answer.body)
}

/// The services a customer request can be about.
pub async fn list_services(
    backend: BackendUrl,
    transport: Transport,
) -> Result<Vec<Service>, LoadError> {
    let request = request::list_services(&backend);
    let answer = send(request, &transport)
        .await
        .map_err(|NoAnswer| LoadError::Network)?;
    request::read_services(answer.status, &answer.body)
}
