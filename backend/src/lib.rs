//! The reference backend of the support widget.
//!
//! It implements the backend contract of `openapi.yaml` (support requests,
//! their attachments, customers, services, service health, articles) on top
//! of SQLite or PostgreSQL, chosen by the database URL, with uploaded files
//! in a folder, Azure Blob Storage or S3 ([`attachments::files`]), and the `set-status`
//! command that changes a request's status ([`cli`]). Tests and `main` use
//! the same entry points:
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use clap::Parser;
//! let config = support_backend::Config::parse_from(["support-backend", "--listen", "127.0.0.1:0"]);
//! let server = support_backend::Server::bind(&config).await?;
//! println!("listening on {}", server.local_addr());
//! server.run(support_backend::shutdown_signal()).await?;
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]

pub mod attachments;
pub mod catalogue;
pub mod cli;
pub mod client_address;
pub mod config;
pub mod db;
pub mod dialect;
pub mod error;
pub mod identity;
pub mod live;
pub mod locale;
pub mod mail;
pub mod meter;
pub mod outbox;
pub mod partner;
pub mod probes;
pub mod query;
pub mod rate_limit;
pub mod request_body;
pub mod request_log;
pub mod requests;
pub mod server;
pub mod webhooks;
pub mod writable;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, FromRef};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use support_contract::{paths, route};
use tower_http::cors::{AllowOrigin, CorsLayer};

pub use config::Config;
use error::ApiError;
pub use server::{shutdown_signal, Server, StartError};

/// `POST` here creates a support request; `GET` lists the caller's own.
pub const SUPPORT_REQUESTS: &str = route!(paths::SUPPORT_REQUESTS);
/// `GET` here reads one support request.
pub const SUPPORT_REQUEST: &str = route!(paths::SUPPORT_REQUESTS, "{id}");
/// `PUT` here imports, and `GET` exports, one kind of catalogue (admins).
pub const CATALOGUE: &str = route!(paths::CATALOGUE, "{kind}");
/// `POST` here changes a request's status (agents).
pub const SUPPORT_REQUEST_STATUS: &str = route!(paths::SUPPORT_REQUESTS, "{id}", paths::STATUS);
/// `POST` here replies on a support request.
pub const SUPPORT_REQUEST_REPLIES: &str = route!(paths::SUPPORT_REQUESTS, "{id}", paths::REPLIES);
/// `GET` here searches the partner's customers.
pub const CUSTOMERS: &str = route!(paths::CUSTOMERS);
/// `GET` here reads one of the partner's customers by id.
pub const CUSTOMER: &str = route!(paths::CUSTOMERS, "{id}");
/// `GET` here lists the services.
pub const SERVICES: &str = route!(paths::SERVICES);
/// `GET` here lists current incidents and advisories.
pub const SERVICE_HEALTH: &str = route!(paths::SERVICE_HEALTH);
/// `GET` here searches the self-help articles.
pub const ARTICLES: &str = route!(paths::ARTICLES);
/// `POST` here uploads a file for a request.
pub const ATTACHMENTS: &str = route!(paths::ATTACHMENTS);
/// `GET` here downloads an uploaded file.
pub const ATTACHMENT: &str = route!(paths::ATTACHMENTS, "{id}");
/// `GET` here streams the caller's live changes.
pub const EVENTS: &str = route!(paths::EVENTS);
/// `POST` here marks a support request seen by the caller.
pub const SUPPORT_REQUEST_SEEN: &str = route!(paths::SUPPORT_REQUESTS, "{id}", paths::SEEN);
/// `GET` here counts and lists the caller's unread requests.
pub const UNREAD: &str = route!(paths::UNREAD);

/// The operations this backend implements, as `(method, path)` in OpenAPI's
/// template syntax (which axum shares); the OpenAPI test checks them.
pub const ROUTES: &[(&str, &str)] = &[
    ("POST", SUPPORT_REQUESTS),
    ("GET", SUPPORT_REQUESTS),
    ("GET", SUPPORT_REQUEST),
    ("POST", SUPPORT_REQUEST_STATUS),
    ("POST", SUPPORT_REQUEST_REPLIES),
    ("POST", SUPPORT_REQUEST_SEEN),
    ("GET", UNREAD),
    ("PUT", CATALOGUE),
    ("GET", CATALOGUE),
    ("GET", CUSTOMERS),
    ("GET", CUSTOMER),
    ("GET", SERVICES),
    ("GET", SERVICE_HEALTH),
    ("GET", ARTICLES),
    ("POST", ATTACHMENTS),
    ("GET", ATTACHMENT),
    ("GET", EVENTS),
    ("GET", probes::HEALTHZ),
    ("GET", probes::READYZ),
];

/// What every handler shares.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: db::Db,
    /// Origins allowed by CORS; empty means no CORS headers at all.
    pub allowed_origins: Vec<HeaderValue>,
    /// The page's own request headers allowed by CORS, beyond those the
    /// widget sends.
    pub allowed_headers: Vec<HeaderName>,
    /// The per-client limit on posts (requests and uploads), each
    /// partner's clients apart; `None` for no limit (no flags' limit, and
    /// no partners who may have their own).
    pub rate_limit: Option<Arc<rate_limit::RateLimiter>>,
    /// Where uploaded files are kept.
    pub files: attachments::files::FileStore,
    /// Who is asking: how tokens are verified.
    pub auth: Arc<identity::Auth>,
    /// The partner's webhooks, which hear of new requests and status
    /// changes through the outbox; `None` without any.
    pub webhooks: Option<webhooks::Webhooks>,
    /// The mail that the same events send, through the same outbox; `None`
    /// without `--smtp-url`.
    pub mailer: Option<mail::Mailer>,
    /// Set when a stop begins, for `/readyz`.
    pub stopping: probes::Stopping,
    /// The proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: client_address::TrustedProxies,
    /// The live changes this process hands to its streams.
    pub live: live::Live,
    /// The streams of `GET /events` open in this process, by user.
    pub streams: live::admission::Admission,
}

impl AppState {
    /// Where events are written, in the transaction that causes them.
    pub fn outbox(&self) -> outbox::Outbox {
        outbox::Outbox {
            mail: self.mailer.as_ref().map(|mailer| mailer.outbox.clone()),
            ..self
                .webhooks
                .as_ref()
                .map(webhooks::Webhooks::outbox)
                .unwrap_or_default()
        }
    }

    /// Tells this process's deliverer, mailer and live streams, after the
    /// commit, that an event is waiting.
    pub fn wake_after_commit(&self) {
        self.live.wake();
        if let Some(webhooks) = &self.webhooks {
            webhooks.wake.notify_one();
        }
        if let Some(mailer) = &self.mailer {
            mailer.wake.notify_one();
        }
    }
}

/// What [`identity::Caller`] reads to tell who is asking.
impl FromRef<AppState> for Arc<identity::Auth> {
    fn from_ref(state: &AppState) -> Self {
        state.auth.clone()
    }
}

/// What [`partner::PartnerScope`] binds to the caller's partner.
impl FromRef<AppState> for db::Db {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// The whole HTTP API.
pub fn router(state: AppState) -> Router {
    let cors = cors_layer(&state.allowed_origins, &state.allowed_headers, &state.auth);
    let mut create = post(requests::routes::create).layer(axum::middleware::from_fn(
        request_body::refuse_announced_oversize,
    ));
    let mut upload = post(attachments::routes::upload);
    let mut reply = post(requests::replies::post);
    if let Some(limiter) = &state.rate_limit {
        // One bucket for all: an upload or a reply costs what a request does.
        let limits = rate_limit::Limits {
            limiter: limiter.clone(),
            auth: state.auth.clone(),
        };
        let limit = || axum::middleware::from_fn_with_state(limits.clone(), rate_limit::limit);
        create = create.layer(limit());
        upload = upload.layer(limit());
        reply = reply.layer(limit());
    }
    let api = Router::new()
        .route(SUPPORT_REQUESTS, create.get(requests::routes::list))
        .route(SUPPORT_REQUEST, get(requests::routes::get))
        .route(SUPPORT_REQUEST_STATUS, post(requests::status::set))
        .route(SUPPORT_REQUEST_REPLIES, reply)
        .route(SUPPORT_REQUEST_SEEN, post(requests::unread::seen))
        .route(UNREAD, get(requests::unread::count))
        // A catalogue file may be larger than a request.
        .route(
            CATALOGUE,
            axum::routing::put(catalogue::routes::put)
                .get(catalogue::routes::get)
                .layer(DefaultBodyLimit::max(catalogue::routes::BODY_MAX_BYTES)),
        )
        .route(CUSTOMERS, get(catalogue::customers::search))
        .route(CUSTOMER, get(catalogue::customers::one))
        .route(SERVICES, get(catalogue::services::list))
        .route(SERVICE_HEALTH, get(catalogue::service_health::current))
        .route(ARTICLES, get(catalogue::articles::search))
        // Uploads read their body as a stream, with their own limit.
        .route(ATTACHMENTS, upload)
        .route(ATTACHMENT, get(attachments::routes::download))
        .route(EVENTS, get(live::stream::follow))
        // The link a visitor's address is confirmed with (mail, --public-url).
        .route(
            mail::confirmations::ROUTE,
            get(mail::confirmations::show).post(mail::confirmations::confirm),
        )
        // For the balancer or Kubernetes: no token, no rate limit.
        .route(probes::HEALTHZ, get(probes::live))
        .route(probes::READYZ, get(probes::ready))
        .fallback(|| async { ApiError::NotFound { field: "" } })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        // The body extractor refuses anything larger; the handler turns that
        // refusal into the contract's 413 JSON.
        .layer(DefaultBodyLimit::max(
            support_contract::limits::BODY_MAX_BYTES,
        ))
        // A body that stops arriving ends its request (the handlers answer
        // as for a broken body) rather than holding it open.
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            server::connections::BODY_FRAMES_WITHIN,
        ))
        // A bug must not take a connection down without an answer: a panic
        // becomes the contract's JSON 500, and the server keeps serving.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                use axum::response::IntoResponse;
                ApiError::Internal("a handler panicked".into()).into_response()
            },
        ))
        // Around all of the above, inside the routing (which it reads the
        // route's template from): a panic's 500 is logged too.
        .layer(axum::middleware::from_fn(request_log::log))
        // Outside it: the log names the client this finds.
        .layer(axum::middleware::from_fn_with_state(
            state.trusted_proxies.clone(),
            client_address::resolve,
        ))
        .with_state(state);
    let api = match cors {
        Some(cors) => api.layer(cors),
        None => api,
    };
    // Outermost: every answer, preflights and a panic's 500 included.
    api.layer(axum::middleware::map_response(no_sniffing))
}

/// Browsers must take every answer for the JSON it says it is, never sniff
/// it as HTML: request text (which may hold markup) is then never rendered.
async fn no_sniffing(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// CORS for the configured origins only: the widget runs on partner portals,
/// and no other page should be able to post requests from a user's browser.
/// With partners ([`origin_allowed`]), each partner's pages read the
/// answers to its own users' requests only.
fn cors_layer(
    origins: &[HeaderValue],
    page_headers: &[HeaderName],
    auth: &Arc<identity::Auth>,
) -> Option<CorsLayer> {
    let allow_origin = if auth.partners.is_some() {
        let (origins, auth) = (Arc::new(origins.to_vec()), auth.clone());
        AllowOrigin::async_predicate(move |origin, parts| {
            let preflight = parts.method == Method::OPTIONS;
            let token = parts.headers.get(header::AUTHORIZATION).cloned();
            async move { origin_allowed(&auth, &origins, &origin, preflight, token).await }
        })
    } else if origins.is_empty() {
        return None;
    } else {
        AllowOrigin::list(origins.iter().cloned())
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow_origin)
            .allow_methods([Method::GET, Method::POST, Method::PUT])
            // Authorization: the bearer token that the page's token
            // provider (or setRequestHeaders) gives the widget; then what
            // else the page adds with setRequestHeaders (--allowed-header).
            .allow_headers(
                [
                    header::CONTENT_TYPE,
                    header::AUTHORIZATION,
                    HeaderName::from_static(requests::idempotency::HEADER),
                    // The live stream picks up where it was cut.
                    HeaderName::from_static(live::stream::LAST_EVENT_ID),
                ]
                .into_iter()
                .chain(page_headers.iter().cloned())
                .collect::<Vec<_>>(),
            )
            .expose_headers([
                header::LOCATION,
                header::WWW_AUTHENTICATE,
                header::CONTENT_DISPOSITION,
                header::RETRY_AFTER,
                HeaderName::from_static(requests::routes::REPLAYED_HEADER),
                request_log::HEADER,
            ])
            // Browsers may keep a preflight's answer this long (Chromium
            // at most 2 hours), instead of asking again before every submit
            // and upload: one round trip less each.
            .max_age(PREFLIGHT_KEPT),
    )
}

/// Whether a page at `origin` may read the answer: a preflight (which
/// carries no token) where the flags (`origins`) or any partner served
/// allows it, as it may precede any partner's request; a request with a
/// partner's token where that partner allows it; any other request (the
/// operator's tokens, the `default` partner's) where the flags do; one
/// without a token (a visitor, who is the partner's whose page it is on)
/// where the flags or any partner served do.
async fn origin_allowed(
    auth: &identity::Auth,
    origins: &[HeaderValue],
    origin: &HeaderValue,
    preflight: bool,
    authorization: Option<HeaderValue>,
) -> bool {
    let Some(partners) = &auth.partners else {
        return origins.contains(origin);
    };
    let Ok(origin_text) = origin.to_str() else {
        return false;
    };
    if preflight {
        return origins.contains(origin) || partners.any_allows(origin_text).await;
    }
    let token = (authorization.as_ref()).and_then(|value| identity::bearer_token(value.as_bytes()));
    let partners_own = match token {
        Some(token) => partners.origins_for(token).await,
        // A visitor without a token is the partner's whose page it is on.
        None => return origins.contains(origin) || partners.any_allows(origin_text).await,
    };
    match partners_own {
        Some(own) => own.iter().any(|allowed| allowed == origin_text),
        None => origins.contains(origin),
    }
}

/// How long browsers may keep the answer to a CORS preflight.
pub const PREFLIGHT_KEPT: Duration = Duration::from_secs(2 * 60 * 60);
