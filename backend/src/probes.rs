//! What a load balancer or Kubernetes asks before it sends traffic:
//! `GET /healthz`, whether the process answers at all, and `GET /readyz`,
//! whether it can serve now (the database answers with every migration
//! applied, the attachments store takes a write, and no stop has begun).
//! Neither needs a token, and neither tells more than what is not ready:
//! why goes to the log.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use tokio::sync::watch;

use crate::attachments::files::FileStore;
use crate::db::Db;
use crate::AppState;

/// `GET` here answers 200 while the process runs.
pub const HEALTHZ: &str = "/healthz";
/// `GET` here answers 200 when the process can serve, 503 otherwise.
pub const READYZ: &str = "/readyz";

/// How long each check may take: a probe's own timeout (Kubernetes's
/// default is 1 s, often raised to a few) should not be the one that ends it.
pub const CHECK_WITHIN: Duration = Duration::from_secs(3);

/// Set once a stop has begun: from then on the process is not ready, so
/// that a balancer takes it out while its requests in flight finish, and
/// the webhook deliverer hands back what it is sending.
#[derive(Clone, Debug)]
pub struct Stopping(Arc<watch::Sender<bool>>);

impl Default for Stopping {
    fn default() -> Self {
        Stopping(Arc::new(watch::Sender::new(false)))
    }
}

impl Stopping {
    pub fn begin(&self) {
        self.0.send_replace(true);
    }

    pub fn has_begun(&self) -> bool {
        *self.0.borrow()
    }

    /// Turns true when the stop begins.
    pub fn watch(&self) -> watch::Receiver<bool> {
        self.0.subscribe()
    }
}

/// What may keep the process from serving, as `/readyz` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotReady {
    /// The database does not answer.
    Database,
    /// It answers, but lacks migrations this binary needs.
    Migrations,
    /// A file cannot be written to the attachments store.
    Attachments,
    /// A stop has begun.
    Stopping,
}

#[derive(Debug, Serialize)]
struct Readiness {
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_ready: Vec<NotReady>,
}

/// `GET /healthz`: the process answers.
pub async fn live() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

/// `GET /readyz`: 200 `{"status":"ready"}`, or 503 naming what is not.
pub async fn ready(State(state): State<AppState>) -> Response {
    let not_ready = check(&state.db, &state.files, &state.stopping).await;
    if not_ready.is_empty() {
        let ready = Readiness {
            status: "ready",
            not_ready,
        };
        return (StatusCode::OK, Json(ready)).into_response();
    }
    let not_ready = Readiness {
        status: "not_ready",
        not_ready,
    };
    (StatusCode::SERVICE_UNAVAILABLE, Json(not_ready)).into_response()
}

/// What is not ready, each part checked within [`CHECK_WITHIN`], the
/// database and the store side by side.
pub async fn check(db: &Db, files: &FileStore, stopping: &Stopping) -> Vec<NotReady> {
    let (database, attachments) = tokio::join!(check_database(db), check_attachments(files));
    let mut not_ready: Vec<NotReady> = database.into_iter().chain(attachments).collect();
    if stopping.has_begun() {
        not_ready.push(NotReady::Stopping);
    }
    not_ready
}

async fn check_database(db: &Db) -> Option<NotReady> {
    let checked = tokio::time::timeout(CHECK_WITHIN, async {
        sqlx::query("SELECT 1")
            .execute(&mut *db.acquire().await?)
            .await?;
        db.unapplied_migrations().await
    })
    .await;
    match checked {
        Ok(Ok(0)) => None,
        Ok(Ok(missing)) => {
            tracing::warn!("not ready: the database lacks {missing} migration(s)");
            Some(NotReady::Migrations)
        }
        Ok(Err(error)) => {
            tracing::warn!("not ready: the database: {error}");
            Some(NotReady::Database)
        }
        Err(_) => {
            tracing::warn!(
                "not ready: the database did not answer within {} s",
                CHECK_WITHIN.as_secs()
            );
            Some(NotReady::Database)
        }
    }
}

async fn check_attachments(files: &FileStore) -> Option<NotReady> {
    match tokio::time::timeout(CHECK_WITHIN, files.check_writable()).await {
        Ok(Ok(())) => None,
        Ok(Err(error)) => {
            tracing::warn!("not ready: the attachments store: {error}");
            Some(NotReady::Attachments)
        }
        Err(_) => {
            tracing::warn!(
                "not ready: the attachments store took no write within {} s",
                CHECK_WITHIN.as_secs()
            );
            Some(NotReady::Attachments)
        }
    }
}
