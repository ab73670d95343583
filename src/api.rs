//! The one thin transport: sends an `HttpRequest` built in `request.rs`;
//! files go through `api/uploads.rs`, for their progress.

use support_contract::{
    Article, CreatedRequest, Customer, HealthIncident, NewReply, NewSupportRequest, Reply,
    RequestList, RequestStatus, Service, StoredRequest,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use support_rules::{
    host::BackendUrl,
    live::unread::{self, Unread},
    locale::Locale,
    request::{self, HttpRequest, LoadError, SubmitError},
    session::{self, Authorizing, Identity, Next},
};

mod events;
mod tokens;
mod uploads;
pub use events::{events, Listener};
use tokens::Token;
pub use tokens::Tokens;
pub use uploads::{first_bytes, upload_file};

/// How one widget's requests are sent: the page's extra headers, its
/// token provider's tokens, and the signal that aborts everything when the
/// element goes.
#[derive(Clone, Default)]
pub struct Transport {
    pub headers: Vec<(String, String)>,
    pub tokens: Tokens,
    pub abort: Option<AbortSignal>,
    /// The signed-in user whose request this is (`Identity::user`): a token
    /// that names another user does not carry it.
    pub user: Option<String>,
}

impl Transport {
    /// The headers of every request (see
    /// [`request_headers`](support_rules::session::request_headers)).
    fn page_headers(&self, bearer: Option<&str>) -> Vec<(&str, String)> {
        support_rules::session::request_headers(&self.headers, bearer)
    }
}

/// Sends with the current token, and through a 401 as `Authorizing` says:
/// `attempt` sends once with the token it is given.
async fn authorized<F>(
    transport: &Transport,
    attempt: impl Fn(Option<String>) -> F,
) -> Result<Answer, NoAnswer>
where
    F: std::future::Future<Output = Result<Answer, NoAnswer>>,
{
    let tokens = &transport.tokens;
    let mut authorizing = Authorizing::default();
    let sign_in = tokens.sign_in();
    let mut token = tokens.current().await;
    // Another user signed in meanwhile: the request waits for its own user,
    // as for a sign-in that ended (their form goes with them).
    let another = |token: &Token| {
        let user = transport.user.as_deref();
        let named = token
            .bearer
            .as_deref()
            .map(|bearer| Identity::of_token(bearer).user);
        user.zip(named).is_some_and(|(user, named)| user != named)
    };
    let refused = || Answer {
        status: 401,
        retry_after: None,
        body: String::new(),
        file: None,
    };
    loop {
        if another(&token) {
            return Ok(refused());
        }
        // Whether this attempt signs in, which the page hears if its
        // refusal ends the session.
        let carried = session::carries_sign_in(&transport.page_headers(token.bearer.as_deref()));
        let answer = attempt(token.bearer.clone()).await?;
        let mut next = authorizing.answered(answer.status);
        if next == Next::Renew {
            token = tokens.renew(token).await;
            if another(&token) {
                return Ok(refused());
            }
            next = authorizing.renewed(token.bearer.as_deref());
        }
        match next {
            Next::SendAgain => {}
            // The page signed in anew while this request went with the last
            // sign-in: the refusal is the last one's, not the new one's.
            Next::Ended if tokens.sign_in() != sign_in => return Ok(answer),
            Next::Ended => {
                tokens.end(carried);
                return Ok(answer);
            }
            Next::Answered if (200..300).contains(&answer.status) => {
                tokens.accepted(sign_in);
                return Ok(answer);
            }
            _ => return Ok(answer),
        }
    }
}

/// The transport failed: no answer arrived (offline, refused, aborted).
struct NoAnswer;

/// An answer: its status, its `Retry-After` header and its body, as text
/// or, for a file, as the browser's blob.
struct Answer {
    status: u16,
    retry_after: Option<String>,
    body: String,
    file: Option<web_sys::Blob>,
}

/// How an answer's body is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Text,
    /// A file of up to the contract's largest, which may take longer than
    /// an answer's deadline on a slow link: it has [`FILE_WITHIN_MS`].
    File,
}

/// How long a file's download may take: 10 MiB at about 300 kbit/s, and a
/// download that stalls still ends.
const FILE_WITHIN_MS: u32 = 300_000;

/// How long a request and its answer may take before the request counts as
/// lost, and is tried again like one: ample for a slow link, and a backend
/// that never answers does not keep the user waiting for ever.
const ANSWER_WITHIN_MS: u32 = 30_000;

/// The element's abort signal, ending also after `within_ms`.
/// Browsers without `AbortSignal.any` (before 2024) wait as long as the
/// connection lasts.
fn with_deadline(abort: Option<&AbortSignal>, within_ms: u32) -> Option<AbortSignal> {
    let class = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into()).ok()?;
    if !js_sys::Reflect::has(&class, &"any".into()).unwrap_or(false) {
        return abort.cloned();
    }
    let signals = js_sys::Array::of1(&AbortSignal::timeout_with_u32(within_ms));
    if let Some(abort) = abort {
        signals.push(abort);
    }
    Some(AbortSignal::any(&signals))
}

/// Sends a request and returns the answer, its body as text.
async fn send(request: HttpRequest, transport: &Transport) -> Result<Answer, NoAnswer> {
    authorized(transport, |bearer| {
        send_once(&request, transport, bearer, Reading::Text)
    })
    .await
}

/// Sends a request once, with `bearer` if any.
async fn send_once(
    request: &HttpRequest,
    transport: &Transport,
    bearer: Option<String>,
    reading: Reading,
) -> Result<Answer, NoAnswer> {
    let within_ms = match reading {
        Reading::Text => ANSWER_WITHIN_MS,
        Reading::File => FILE_WITHIN_MS,
    };
    let signal = with_deadline(transport.abort.as_ref(), within_ms);
    let ready = browser_request(request, transport, bearer, signal.as_ref())?;
    let response = gloo_net::http::Request::from(ready)
        .send()
        .await
        .map_err(|_| NoAnswer)?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    let succeeded = (200..300).contains(&status);
    // A success whose body was lost on the way (the connection, or the
    // deadline) is an answer lost: asked again, under the same key for a
    // submit. A failure's lost body is judged by its status alone.
    if reading == Reading::File && succeeded {
        let blob = web_sys::Response::from(response)
            .blob()
            .map_err(|_| NoAnswer)?;
        let file = JsFuture::from(blob).await.map_err(|_| NoAnswer)?;
        return Ok(Answer {
            status,
            retry_after,
            body: String::new(),
            file: Some(file.unchecked_into()),
        });
    }
    let body = match response.text().await {
        Ok(body) => body,
        Err(_) if succeeded => return Err(NoAnswer),
        Err(_) => String::new(),
    };
    Ok(Answer {
        status,
        retry_after,
        body,
        file: None,
    })
}

/// `request` as the browser's own `Request`, with the page's headers and
/// `bearer`, ended by `signal`. Built so rather than with gloo-net's
/// builder, which writes a stray `&` after a URL's query (`?query=a&`).
fn browser_request(
    request: &HttpRequest,
    transport: &Transport,
    bearer: Option<String>,
    signal: Option<&AbortSignal>,
) -> Result<web_sys::Request, NoAnswer> {
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    let headers = web_sys::Headers::new().map_err(|_| NoAnswer)?;
    // The page's headers first, so that the widget's own always win.
    let own = request
        .headers
        .iter()
        .map(|(name, value)| (*name, value.clone()));
    for (name, value) in transport
        .page_headers(bearer.as_deref())
        .into_iter()
        .chain(own)
    {
        headers.set(name, &value).map_err(|_| NoAnswer)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&body.into());
    }
    web_sys::Request::new_with_str_and_init(&request.url, &init).map_err(|_| NoAnswer)
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

/// Replies on a request's thread; the same key always stores it at most
/// once.
pub async fn reply(
    backend: BackendUrl,
    request_id: String,
    idempotency_key: String,
    body: NewReply,
    transport: Transport,
) -> Result<Reply, SubmitError> {
    let request = request::post_reply(&backend, &request_id, &idempotency_key, &body);
    let answer = send(request, &transport)
        .await
        .map_err(|NoAnswer| SubmitError::Network)?;
    request::read_reply(answer.status, answer.retry_after.as_deref(), &answer.body)
}

/// The partner's customers matching `query`.
pub async fn search_customers(
    backend: BackendUrl,
    query: String,
    transport: Transport,
) -> Result<Vec<Customer>, LoadError> {
    let request = request::search_customers(&backend, &query);
    load(request, &transport, request::read_customers).await
}

/// The partner's customer whose id is exactly `id`.
pub async fn customer(
    backend: BackendUrl,
    id: String,
    transport: Transport,
) -> Result<Customer, LoadError> {
    let request = request::customer(&backend, &id);
    load(request, &transport, |status, body| {
        request::read_customer(status, body, &id)
    })
    .await
}

/// The services a customer request can be about.
pub async fn list_services(
    backend: BackendUrl,
    transport: Transport,
) -> Result<Vec<Service>, LoadError> {
    let request = request::list_services(&backend);
    load(request, &transport, request::read_services).await
}

/// Sends a GET and reads its answer with `read`.
async fn load<T>(
    request: HttpRequest,
    transport: &Transport,
    read: impl FnOnce(u16, &str) -> Result<T, LoadError>,
) -> Result<T, LoadError> {
    let answer = send(request, transport)
        .await
        .map_err(|NoAnswer| LoadError::Network)?;
    read(answer.status, &answer.body)
}

/// Current incidents and advisories, for one service or for all.
pub async fn service_health(
    backend: BackendUrl,
    service: Option<String>,
    locale: Locale,
    transport: Transport,
) -> Result<Vec<HealthIncident>, LoadError> {
    let request = request::service_health(&backend, service.as_deref(), locale);
    load(request, &transport, request::read_health).await
}

/// Help articles matching `query`, in `locale` where translated.
pub async fn search_articles(
    backend: BackendUrl,
    query: String,
    locale: Locale,
    transport: Transport,
) -> Result<Vec<Article>, LoadError> {
    let request = request::search_articles(&backend, &query, locale);
    load(request, &transport, request::read_articles).await
}

/// Records that the user opened request `id`: its changes until now are
/// no longer new to them, on any device.
pub async fn seen(backend: BackendUrl, id: String, transport: Transport) -> Result<(), LoadError> {
    let request = request::seen(&backend, &id);
    load(request, &transport, |status, _| match status {
        200..=299 => Ok(()),
        status => Err(LoadError::Server(status)),
    })
    .await
}

/// What is new to the signed-in user.
pub async fn unread(backend: BackendUrl, transport: Transport) -> Result<Unread, LoadError> {
    load(request::unread(&backend), &transport, unread::read).await
}

/// One filed request and its status history.
pub async fn request_status(
    backend: BackendUrl,
    id: String,
    transport: Transport,
) -> Result<StoredRequest, LoadError> {
    let request = request::request_status(&backend, &id);
    load(request, &transport, |status, body| {
        request::read_status(status, body, &id)
    })
    .await
}

/// A page of the signed-in user's own requests: the first, or the one
/// `before` the previous page's `next`.
pub async fn filed_by_me(
    backend: BackendUrl,
    before: Option<String>,
    transport: Transport,
) -> Result<RequestList, LoadError> {
    let request = request::filed_by_me(&backend, before.as_deref());
    load(request, &transport, request::read_filed_by_me).await
}

/// A page of the messages the partner's customers sent it, open or
/// resolved: the first, or the one `before` the previous page's `next`;
/// the longest the backend gives, with `longest`.
pub async fn customer_messages(
    backend: BackendUrl,
    open: bool,
    before: Option<String>,
    longest: bool,
    transport: Transport,
) -> Result<RequestList, LoadError> {
    let request = request::customer_messages(&backend, open, before.as_deref(), longest);
    load(request, &transport, request::read_filed_by_me).await
}

/// A stored file, as the browser's blob, to save under its name.
pub async fn download_attachment(
    backend: BackendUrl,
    id: String,
    transport: Transport,
) -> Result<web_sys::Blob, LoadError> {
    let request = request::download_attachment(&backend, &id);
    let answer = authorized(&transport, |bearer| {
        send_once(&request, &transport, bearer, Reading::File)
    })
    .await
    .map_err(|NoAnswer| LoadError::Network)?;
    request::read_download(answer.status)?;
    answer.file.ok_or(LoadError::BadResponse)
}

/// Moves a request on to `status`, under `idempotency_key` (the same for
/// every attempt of one change): the request as it now stands.
pub async fn set_status(
    backend: BackendUrl,
    request_id: String,
    status: RequestStatus,
    idempotency_key: String,
    transport: Transport,
) -> Result<StoredRequest, SubmitError> {
    let request = request::set_status(&backend, &request_id, status, &idempotency_key);
    let answer = send(request, &transport)
        .await
        .map_err(|NoAnswer| SubmitError::Network)?;
    request::read_status_set(answer.status, answer.retry_after.as_deref(), &answer.body)
}
