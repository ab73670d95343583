//! The server's life: opening the database, sweeping orphaned uploads and
//! binding the socket (`Server::bind`), serving with the outbox's
//! deliverers (webhooks, mail) and the upload sweeper beside it until a
//! shutdown signal (`Server::run`), with the reader of the live changes
//! ([`crate::live`]),
//! then closing. The connections themselves are [`connections`]'s; the
//! routes are `lib.rs`'s.

pub mod connections;
pub mod metrics;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::attachments::{files, orphans};
use crate::identity::Issuers;
use crate::outbox::deliverer;
use crate::{config, db, rate_limit, router, webhooks, AppState, Config};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Auth(#[from] config::AuthConfigError),
    #[error(transparent)]
    Webhooks(#[from] webhooks::WebhookConfigError),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailConfigError),
    #[error(transparent)]
    Database(#[from] db::ConnectError),
    #[error(transparent)]
    Attachments(#[from] files::OpenError),
    #[error("cannot read the partners: {0}")]
    Partners(crate::partner::store::StoreError),
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: String,
        source: std::io::Error,
    },
    #[error(
        "--metrics-listen {address} is where the API listens (--listen): \
         give the metrics an address of their own, such as 127.0.0.1:9464"
    )]
    MetricsOnTheApi { address: String },
}

/// A server with its database open and its socket bound, not yet serving.
pub struct Server {
    listener: TcpListener,
    local_addr: SocketAddr,
    state: AppState,
    database_url: String,
    orphan_after: Duration,
    shutdown_grace: Duration,
    metrics: Option<metrics::Metrics>,
}

impl Server {
    /// Opens and migrates the database, deletes orphaned uploads, then
    /// binds the listening socket.
    pub async fn bind(config: &Config) -> Result<Server, StartError> {
        let mut auth = config.auth()?;
        // Partners' tokens need keys: without them, only the flags' webhooks
        // are delivered, if any.
        let webhooks = Some(config.webhooks()?)
            .filter(|webhooks| auth.verifier.is_some() || !webhooks.endpoints.is_empty());
        let mailer = config.mailer()?;
        if let Some(mailer) = &mailer {
            tracing::info!(
                smtp = %mailer.server,
                "mail on: sent through {} from {}",
                mailer.server,
                mailer.from()
            );
        }
        match &auth.verifier {
            Some(verifier) => verifier.warm_up().await,
            None => tracing::warn!(
                "--no-auth: anyone can read the customer list and file requests as anyone; \
                 for local experiments only"
            ),
        }
        let db = db::connect(&config.database_url).await?;
        if auth.verifier.is_some() {
            let operator = config.jwt_issuer.clone();
            let partners = Issuers::load(db.clone(), operator)
                .await
                .map_err(StartError::Partners)?;
            auth.partners = Some(partners);
        }
        let files = files::FileStore::open(&config.attachments()).await?;
        let orphan_after = Duration::from_secs(config.orphan_upload_hours * 60 * 60);
        orphans::sweep_and_log(&db, &files, orphan_after).await;
        let listen_error = |source| StartError::Listen {
            address: config.listen.clone(),
            source,
        };
        let listener = TcpListener::bind(&config.listen)
            .await
            .map_err(listen_error)?;
        let local_addr = listener.local_addr().map_err(listen_error)?;
        let metrics = match &config.metrics_listen {
            Some(address) => Some(metrics::Metrics::bind(address).await.map_err(|source| {
                // The same address, or the same port where either listens on
                // every address (0.0.0.0 takes 127.0.0.1's port too).
                let metrics_addr = address.parse::<std::net::SocketAddr>().ok();
                let on_the_api = address.trim() == config.listen.trim()
                    || metrics_addr.is_some_and(|metrics| {
                        metrics == local_addr
                            || (metrics.port() == local_addr.port()
                                && (metrics.ip().is_unspecified()
                                    || local_addr.ip().is_unspecified()))
                    });
                if on_the_api && source.kind() == std::io::ErrorKind::AddrInUse {
                    StartError::MetricsOnTheApi {
                        address: address.clone(),
                    }
                } else {
                    StartError::Listen {
                        address: address.clone(),
                        source,
                    }
                }
            })?),
            None => None,
        };
        let stream_limits = config.event_stream_limits();
        tracing::info!(
            "live streams: at most {} a user, {} in all (open-file limit {})",
            stream_limits.per_user,
            stream_limits.total,
            crate::live::admission::open_file_limit()
                .map_or_else(|| "none".to_owned(), |limit| limit.to_string())
        );
        let state = AppState {
            db,
            allowed_origins: config.allowed_origins(),
            allowed_headers: config.allowed_headers(),
            // Partners may have limits of their own.
            rate_limit: (config.rate_limit_per_minute > 0 || auth.partners.is_some())
                .then(|| rate_limit::RateLimiter::new(config.rate_limit_per_minute)),
            files,
            auth: Arc::new(auth),
            webhooks,
            mailer,
            stopping: Default::default(),
            trusted_proxies: crate::client_address::TrustedProxies::new(&config.trusted_proxies),
            live: Default::default(),
            streams: crate::live::admission::Admission::new(stream_limits),
        };
        Ok(Server {
            listener,
            local_addr,
            state,
            database_url: config.database_url.clone(),
            orphan_after,
            shutdown_grace: Duration::from_secs(config.shutdown_grace_secs),
            metrics,
        })
    }

    /// The bound address (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Where metrics are served, with `--metrics-listen`.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics
            .as_ref()
            .and_then(|metrics| metrics.local_addr().ok())
    }

    /// What `/readyz` reads to tell that a stop has begun; [`Server::run`]
    /// sets it when `shutdown` completes.
    pub fn stopping(&self) -> crate::probes::Stopping {
        self.state.stopping.clone()
    }

    /// Serves until `shutdown` completes. Then the stop begins: `/readyz`
    /// answers 503, no connection is accepted, the webhooks' and the mail's
    /// deliverers hand what they are sending back to the outbox, and the requests and
    /// uploads in flight get the configured grace to finish. Then the
    /// database is closed. Orphaned uploads are swept every hour meanwhile.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let db = self.state.db.clone();
        let sweeper =
            orphans::spawn_sweeper(db.clone(), self.state.files.clone(), self.orphan_after);
        let stopping = self.state.stopping.clone();
        let deliverer = self
            .state
            .webhooks
            .clone()
            .map(|webhooks| deliverer::spawn(db.clone(), webhooks, stopping.watch()));
        let mailer = self
            .state
            .mailer
            .clone()
            .map(|mailer| deliverer::spawn(db.clone(), mailer, stopping.watch()));
        let metrics = self
            .metrics
            .map(|metrics| metrics.spawn(db.clone(), stopping.watch()));
        let live = (self.state.live).spawn(db.clone(), self.database_url, stopping.watch());
        let shutdown = async move {
            shutdown.await;
            stopping.begin();
        };
        connections::serve(
            self.listener,
            router(self.state),
            shutdown,
            self.shutdown_grace,
        )
        .await;
        drop(sweeper);
        live.abort();
        if let Some(metrics) = metrics {
            let _ = tokio::time::timeout(HAND_BACK_WITHIN, metrics).await;
        }
        // Each ends as soon as its deliveries are handed back; a database
        // that no longer answers must not hold the stop.
        for (task, name) in [(deliverer, "the webhook deliverer"), (mailer, "the mailer")] {
            let Some(mut task) = task else {
                continue;
            };
            if tokio::time::timeout(HAND_BACK_WITHIN, &mut task)
                .await
                .is_err()
            {
                tracing::warn!("{name} did not end; its claims lapse by themselves");
                task.abort();
            }
        }
        db.close().await;
        Ok(())
    }
}

/// How long a stop waits for the deliverer to hand back its deliveries.
const HAND_BACK_WITHIN: Duration = Duration::from_secs(5);

/// Completes on Ctrl-C or, on Unix, SIGTERM (what `docker stop` and
/// systemd send).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
