//! Uploads that no request took: a user who added a file and then left, or
//! removed it from the form. After the orphan time (`--orphan-upload-hours`,
//! 24 by default) their rows and files are deleted, at start and then every
//! [`SWEEP_EVERY`], so an orphan goes between that time and an hour later.
//! Files that no row names go too (a process stopped between writing a
//! file and recording it, or between deleting a row and its file), and
//! partial files in a folder.

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use futures_util::{StreamExt, TryStreamExt};
use uuid::Uuid;

use super::files::{FileStore, StoredFile};
use super::metadata;
use crate::db::{Db, ALL_PARTNERS};

/// How many files' ids one query looks up.
const LOOKUP_BATCH: usize = 200;

/// How often the backend looks for orphans while it serves.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60 * 60);

/// What one sweep deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Uploads (row and file) attached to no request in time.
    pub uploads: usize,
    /// Files whose row never came or went before them.
    pub unrecorded_files: usize,
    /// Partial files of uploads that never finished.
    pub partial_files: usize,
}

/// Why a sweep stopped.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    #[error("cannot delete orphaned uploads: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot sweep the attachments store: {0}")]
    Files(#[from] std::io::Error),
}

/// Deletes the uploads attached to no request that are older than
/// `max_age` at `now`, rows then files, then the files as old that no row
/// names, and partial files as old. `now` is a parameter so tests can look
/// a day ahead instead of waiting one.
///
/// A request attaching an upload while this runs either takes it first
/// (the delete then skips the row it has locked and changed) or finds it
/// gone and is refused with 422, never a request listing a missing file.
pub async fn sweep(
    db: &Db,
    files: &FileStore,
    now: SystemTime,
    max_age: Duration,
) -> Result<Swept, SweepError> {
    let Some(cutoff) = now.checked_sub(max_age) else {
        return Ok(Swept::default());
    };
    let cutoff_text = humantime::format_rfc3339_seconds(cutoff).to_string();
    let ids = metadata::delete_orphans(db, &cutoff_text).await?;
    for id in &ids {
        let removed = match uuid::Uuid::try_parse(id) {
            Ok(uuid) => files.remove(uuid).await,
            Err(_) => Ok(()),
        };
        if let Err(error) = removed {
            tracing::warn!("cannot delete the file of orphaned upload {id}: {error}");
        }
    }
    let unrecorded_files = remove_unrecorded(db, files, cutoff).await?;
    let partial_files = files.remove_partial_files(cutoff).await?;
    Ok(Swept {
        uploads: ids.len(),
        unrecorded_files,
        partial_files,
    })
}

/// Deletes the files written at or before `cutoff` that no row names.
/// Every file is written before its row, moments before, so a file that
/// old without one will never get it. The store is read as a stream and
/// looked up in batches: a large store is never listed whole in memory.
async fn remove_unrecorded(
    db: &Db,
    files: &FileStore,
    cutoff: SystemTime,
) -> Result<usize, SweepError> {
    let mut old = files
        .stored()
        .try_filter(|file| std::future::ready(file.written <= cutoff))
        .map_ok(|file: StoredFile| file.id)
        .try_chunks(LOOKUP_BATCH);
    let mut removed = 0;
    while let Some(batch) = old.next().await {
        let batch = batch.map_err(|error| error.1)?;
        let recorded = recorded(db, &batch).await?;
        for id in batch.iter().filter(|id| !recorded.contains(*id)) {
            files.remove(*id).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Which of `ids` have a row.
async fn recorded(db: &Db, ids: &[Uuid]) -> Result<HashSet<Uuid>, sqlx::Error> {
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT id FROM attachments WHERE id IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String,)>(&sql);
    for id in ids {
        query = query.bind(id.hyphenated().to_string());
    }
    let rows = query
        .fetch_all(&mut *db.read_as(ALL_PARTNERS).await?)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id,)| Uuid::try_parse(&id).ok())
        .collect())
}

/// Sweeps now, logging what went; failures are logged, not fatal (the
/// next sweep tries again).
pub async fn sweep_and_log(db: &Db, files: &FileStore, max_age: Duration) {
    match sweep(db, files, SystemTime::now(), max_age).await {
        Ok(swept) if swept != Swept::default() => tracing::info!(
            "deleted {} orphaned upload(s), {} unrecorded file(s) and {} partial file(s)",
            swept.uploads,
            swept.unrecorded_files,
            swept.partial_files
        ),
        Ok(_) => {}
        Err(error) => tracing::warn!("{error}"),
    }
}

/// The periodic sweep; it stops when dropped, with the server that
/// started it (even one whose task was aborted).
#[derive(Debug)]
pub struct Sweeper(tokio::task::JoinHandle<()>);

impl Drop for Sweeper {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sweeps every [`SWEEP_EVERY`], the first time one period from now
/// (the server sweeps once at start itself), until the [`Sweeper`] is
/// dropped.
pub fn spawn_sweeper(db: Db, files: FileStore, max_age: Duration) -> Sweeper {
    Sweeper(tokio::spawn(async move {
        let start = tokio::time::Instant::now() + SWEEP_EVERY;
        let mut ticks = tokio::time::interval_at(start, SWEEP_EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            sweep_and_log(&db, &files, max_age).await;
        }
    }))
}
