//! `GET /metrics` on an address of its own (`--metrics-listen`), never on
//! the API's: what [`crate::meter`] counts, in Prometheus's text format as
//! `metrics-exporter-prometheus` renders it, with the outbox and the
//! database pool read at each scrape.

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::db::Db;
use crate::{meter, outbox};

/// How often histograms are drained between scrapes, so that memory stays
/// bounded however rarely Prometheus asks.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// The process's one recorder, installed by the first server that serves
/// metrics (a process has one global recorder).
fn recorder() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full(meter::HTTP_DURATION.to_owned()),
                meter::DURATION_BUCKETS,
            )
            .expect("the duration buckets are not empty");
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // Fails only when another recorder is installed already, which
        // then records instead.
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder is installed; /metrics shows only its own");
        }
        meter::build_info();
        handle
    })
}

/// The metrics' listener, bound at start.
pub struct Metrics {
    listener: TcpListener,
    handle: PrometheusHandle,
}

#[derive(Clone)]
struct Scraped {
    handle: PrometheusHandle,
    db: Db,
}

impl Metrics {
    /// Binds `address` and installs the recorder.
    pub async fn bind(address: &str) -> std::io::Result<Metrics> {
        let listener = TcpListener::bind(address).await?;
        Ok(Metrics {
            listener,
            handle: recorder().clone(),
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `stop` turns true.
    pub fn spawn(self, db: Db, mut stop: watch::Receiver<bool>) -> tokio::task::JoinHandle<()> {
        let upkeep = self.handle.clone();
        let app = Router::new()
            .route("/metrics", get(scrape))
            .with_state(Scraped {
                handle: self.handle,
                db,
            });
        tokio::spawn(async move {
            let drained = async {
                let mut ticks = tokio::time::interval(UPKEEP_EVERY);
                loop {
                    ticks.tick().await;
                    upkeep.run_upkeep();
                }
            };
            let served = axum::serve(self.listener, app).with_graceful_shutdown(async move {
                let _ = stop.wait_for(|stopping| *stopping).await.is_ok();
            });
            tokio::select! {
                result = served => {
                    if let Err(error) = result {
                        tracing::warn!("metrics: {error}");
                    }
                }
                () = drained => {}
            }
        })
    }
}

/// Reads what is a state rather than an event (the outbox, the pool), then
/// renders everything.
async fn scrape(State(scraped): State<Scraped>) -> String {
    match outbox::backlog(&scraped.db).await {
        Ok((pending, oldest, given_up)) => {
            let age_ms = oldest.map_or(0, |at| outbox::now_ms().saturating_sub(at));
            meter::outbox(
                u64::try_from(pending).unwrap_or_default(),
                Duration::from_millis(u64::try_from(age_ms).unwrap_or_default()),
                u64::try_from(given_up).unwrap_or_default(),
            );
        }
        Err(error) => tracing::warn!("metrics: cannot read the outbox: {error}"),
    }
    let pool = scraped.db.pool();
    let size = pool.size();
    let idle = u32::try_from(pool.num_idle()).unwrap_or(size);
    meter::db_pool(
        size.saturating_sub(idle),
        idle,
        pool.options().get_max_connections(),
        scraped.db.waiting(),
    );
    scraped.handle.run_upkeep();
    scraped.handle.render()
}
