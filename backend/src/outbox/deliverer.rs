//! The loop each serving process runs for each way out of the outbox (the
//! webhooks, the mail): it delivers what is due, waits for more, and when a
//! stop begins hands back what it was delivering and ends.

use std::future::Future;
use std::time::Duration;

use tokio::sync::{watch, Notify};

use crate::db::Db;

/// How often a deliverer looks for due deliveries when nothing woke it.
const POLL_EVERY: Duration = Duration::from_secs(1);

/// One way out of the outbox. Its two, mail (`crate::mail::Mailer`) and
/// webhooks (`crate::webhooks::Webhooks`), read alike: claim what is due,
/// race the sending against `stop`, hand back what was cut short, record
/// each result. They stay two impls because what lies between differs in
/// every step that matters: a mail goes one at a time, with what followed
/// it for the same address, and a bounce refuses its address for good;
/// webhook calls go at once, and each failure is tried again on its
/// endpoint's schedule. The steps they share are this module's and
/// `outbox`'s functions ([`stopped`], `claim_due`, `release`).
pub trait Deliverer: Send + Sync + 'static {
    /// What the log calls its part of the outbox.
    const NAME: &'static str;

    /// Woken when this process enqueues, so that a new event goes at once.
    fn wake(&self) -> &Notify;

    /// Delivers what is due now; returns how many deliveries were tried.
    /// When `stop` turns true meanwhile, what is under way is handed back
    /// to the outbox, to be sent again.
    fn deliver_due(
        &self,
        db: &Db,
        stop: &mut watch::Receiver<bool>,
    ) -> impl Future<Output = Result<usize, sqlx::Error>> + Send;
}

/// Completes once `stop` turns true: what a deliverer races its deliveries
/// against, to hand them back. The guard `wait_for` returns is dropped at
/// once: it must not be held across the hand-back that follows.
pub async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopping| *stopping).await.is_ok();
}

/// Delivers until `stop` turns true, then hands back what it was sending
/// and ends.
pub fn spawn<D: Deliverer>(
    db: Db,
    deliverer: D,
    mut stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while !*stop.borrow() {
            match deliverer.deliver_due(&db, &mut stop).await {
                Ok(0) => {
                    tokio::select! {
                        () = deliverer.wake().notified() => {}
                        () = tokio::time::sleep(POLL_EVERY) => {}
                        _ = stop.changed() => {}
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!("{}: {error}", D::NAME);
                    tokio::select! {
                        () = tokio::time::sleep(POLL_EVERY) => {}
                        _ = stop.changed() => {}
                    }
                }
            }
        }
    })
}
