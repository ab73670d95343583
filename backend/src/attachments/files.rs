//! Uploaded files, outside the database: in a folder, Azure Blob Storage or
//! S3 ([`Location`]), through one client (`object_store`). Each is named by
//! its attachment id, a random UUID, and never by the name the user gave
//! it, which is only shown. A file appears under its id only once whole: a
//! small one in one write, a large one as parts that the store joins at
//! the end.

mod location;

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Bytes;
use futures_util::stream::{BoxStream, StreamExt};
use object_store::buffered::BufWriter;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

pub use location::Location;

/// How many parts of one upload may be on their way at once: with the part
/// size, what an upload holds in memory.
const PARTS_IN_FLIGHT: usize = 2;

/// Why the store cannot be used; the backend does not start.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the attachments folder {dir}: {source}")]
    Folder { dir: String, source: io::Error },
    #[error("cannot write to the attachments folder: {0}")]
    FolderUnwritable(crate::writable::Unwritable),
    #[error("cannot use the attachments store {location}: {source}")]
    Client {
        location: String,
        source: object_store::Error,
    },
    #[error(
        "cannot write to the attachments store {location} (does the container or bucket \
         exist, and may these credentials write to it?): {source}"
    )]
    Unwritable {
        location: String,
        source: object_store::Error,
    },
}

/// The store of uploaded files.
#[derive(Clone, Debug)]
pub struct FileStore {
    store: Arc<dyn ObjectStore>,
    /// The folder inside the store the files go in (empty for its root).
    prefix: ObjectPath,
    location: Arc<Location>,
    part_size: usize,
}

/// A file in the store, as the sweep of orphans sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredFile {
    pub id: Uuid,
    pub written: SystemTime,
}

/// A copy [`FileStore::copy`] wrote: its id, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopiedFile {
    pub id: Uuid,
    pub size: u64,
    pub sha256: String,
}

/// A file's bytes, as they come from the store.
pub type ByteStream = BoxStream<'static, io::Result<Bytes>>;

impl FileStore {
    /// Connects to the store at `location` and checks that a file can be
    /// written there and deleted again, so that a missing container, a
    /// typo or a read-only key stop the start rather than the first upload.
    /// A folder is created (readable by this user only) if missing.
    pub async fn open(location: &Location) -> Result<FileStore, OpenError> {
        if let Location::Folder(dir) = location {
            let mut folder = tokio::fs::DirBuilder::new();
            folder.recursive(true);
            // Listed by the backend only: an id is all a download needs,
            // and the files may hold personal data.
            #[cfg(unix)]
            folder.mode(0o700);
            folder
                .create(dir)
                .await
                .map_err(|source| OpenError::Folder {
                    dir: dir.display().to_string(),
                    source,
                })?;
            crate::writable::check(dir).map_err(OpenError::FolderUnwritable)?;
        }
        let (store, prefix) = location.client().map_err(|source| OpenError::Client {
            location: location.to_string(),
            source,
        })?;
        let files = FileStore {
            store,
            prefix,
            location: Arc::new(location.clone()),
            part_size: location.part_size(),
        };
        files
            .check_writable()
            .await
            .map_err(|source| OpenError::Unwritable {
                location: location.to_string(),
                source,
            })?;
        Ok(files)
    }

    /// Writes a small file and deletes it again: whether uploads can be
    /// stored now (at start, and for the readiness probe).
    pub async fn check_writable(&self) -> object_store::Result<()> {
        // Not a UUID: the sweep of orphans leaves it alone, should the
        // delete not come.
        let probe = self
            .prefix
            .clone()
            .join(format!(".write-check-{}", Uuid::new_v4()));
        self.store
            .put(&probe, PutPayload::from_static(b"support-backend"))
            .await?;
        self.store.delete(&probe).await
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The folder of the files, when they are in one on this host.
    pub fn folder(&self) -> Option<&Path> {
        match self.location.as_ref() {
            Location::Folder(dir) => Some(dir),
            _ => None,
        }
    }

    /// Where the file of attachment `id` is. Only ever a UUID's text, so
    /// nothing from a request becomes part of a path.
    fn object(&self, id: Uuid) -> ObjectPath {
        self.prefix.clone().join(id.hyphenated().to_string())
    }

    /// Starts writing a new file with a fresh id.
    pub fn create(&self) -> NewFile {
        let id = Uuid::new_v4();
        let writer = BufWriter::with_capacity(self.store.clone(), self.object(id), self.part_size)
            .with_max_concurrency(PARTS_IN_FLIGHT);
        NewFile {
            id,
            writer: Some(writer),
            size: 0,
            hash: Sha256::new(),
        }
    }

    /// The bytes of attachment `id` as they arrive from the store, and how
    /// many there are; `None` when there is no such file.
    pub async fn read(&self, id: Uuid) -> io::Result<Option<(u64, ByteStream)>> {
        match self.store.get(&self.object(id)).await {
            Ok(found) => {
                let size = found.meta.size;
                let bytes = found
                    .into_stream()
                    .map(|bytes| bytes.map_err(io::Error::from));
                Ok(Some((size, bytes.boxed())))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Writes a copy of attachment `id`'s file under a fresh id, as an
    /// upload is written; `None` when there is no such file. The copy is a
    /// file of its own: deleting either leaves the other.
    ///
    /// The bytes pass through here rather than the store's own copy: in a
    /// folder that is a hard link, which keeps the original's time, and the
    /// sweep would take a copy whose row is not committed yet for an old
    /// file that no row names. A file is at most 10 MiB.
    pub async fn copy(&self, id: Uuid) -> io::Result<Option<CopiedFile>> {
        let Some((_, mut bytes)) = self.read(id).await? else {
            return Ok(None);
        };
        let mut copy = self.create();
        while let Some(chunk) = bytes.next().await {
            // Dropped on an error, the copy discards what it wrote.
            copy.write(chunk?).await?;
        }
        let copied = CopiedFile {
            id: copy.id(),
            size: copy.size(),
            sha256: copy.sha256(),
        };
        copy.finish().await?;
        Ok(Some(copied))
    }

    /// Deletes the file of attachment `id`; a file already gone is fine.
    pub async fn remove(&self, id: Uuid) -> io::Result<()> {
        match self.store.delete(&self.object(id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }

    /// Every file in the store's folder named by an attachment id (not in
    /// folders below it: another deployment's, say), as the store lists it.
    pub fn stored(&self) -> BoxStream<'static, io::Result<StoredFile>> {
        let prefix = self.prefix.clone();
        let listed = match prefix.as_ref() {
            "" => self.store.list(None),
            _ => self.store.list(Some(&prefix)),
        };
        listed
            .filter_map(move |meta| {
                let file = match meta {
                    Err(error) => Some(Err(io::Error::from(error))),
                    Ok(meta) => {
                        let mut parts = meta.location.prefix_match(&prefix).into_iter().flatten();
                        let name = parts.next().filter(|_| parts.next().is_none());
                        name.and_then(|name| attachment_id(name.as_ref()))
                            .map(|id| {
                                Ok(StoredFile {
                                    id,
                                    written: meta.last_modified.into(),
                                })
                            })
                    }
                };
                std::future::ready(file)
            })
            .boxed()
    }

    /// In a folder, deletes the partial files last written at or before
    /// `cutoff`: left by a backend process that stopped mid-upload. Returns
    /// how many. Elsewhere the store keeps no such files in sight: an
    /// unfinished upload's parts are dropped by Azure after a week, and by
    /// an S3 bucket's lifecycle rule.
    pub async fn remove_partial_files(&self, cutoff: SystemTime) -> io::Result<usize> {
        let Some(dir) = self.folder() else {
            return Ok(0);
        };
        let mut entries = match tokio::fs::read_dir(dir).await {
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(0),
            entries => entries?,
        };
        let mut removed = 0;
        while let Some(entry) = entries.next_entry().await? {
            let modified = entry.metadata().await.and_then(|m| m.modified());
            if is_partial(&entry.file_name()) && modified.is_ok_and(|at| at <= cutoff) {
                tokio::fs::remove_file(entry.path()).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// The id a file in the store is named by; `None` for any other name.
fn attachment_id(name: &str) -> Option<Uuid> {
    Uuid::try_parse(name)
        .ok()
        .filter(|id| id.hyphenated().to_string() == name)
}

/// A file an upload left unfinished in a folder: `ID#N`, as the folder
/// client stages a file, or `.ID.part`, as earlier versions did.
fn is_partial(name: &std::ffi::OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let staged = name.split_once('#').is_some_and(|(id, suffix)| {
        attachment_id(id).is_some() && suffix.bytes().all(|b| b.is_ascii_digit())
    });
    let earlier = name
        .strip_prefix('.')
        .and_then(|name| name.strip_suffix(".part"))
        .is_some_and(|id| attachment_id(id).is_some());
    staged || earlier
}

/// A file being written. Dropped before [`NewFile::finish`] (a failed or
/// abandoned upload), it discards what it wrote.
#[derive(Debug)]
pub struct NewFile {
    id: Uuid,
    /// `None` once finished.
    writer: Option<BufWriter>,
    size: u64,
    hash: Sha256,
}

impl NewFile {
    /// The id the file will be stored under.
    pub fn id(&self) -> Uuid {
        self.id
    }

    /// Bytes written so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The SHA-256 of the bytes written so far, in lowercase hex.
    pub fn sha256(&self) -> String {
        format!("{:x}", self.hash.clone().finalize())
    }

    /// Adds `bytes`; they go to the store a part at a time, so no more than
    /// a few parts of an upload are ever held here.
    pub async fn write(&mut self, bytes: Bytes) -> io::Result<()> {
        let writer = self.writer.as_mut().ok_or(io::ErrorKind::BrokenPipe)?;
        self.hash.update(&bytes);
        self.size += bytes.len() as u64;
        writer.put(bytes).await.map_err(io::Error::from)
    }

    /// Discards what was sent, now rather than when dropped.
    pub async fn discard(mut self) {
        if let Some(mut writer) = self.writer.take() {
            discard(&mut writer).await;
        }
    }

    /// Sends what is left and makes the file appear, whole, under its id.
    pub async fn finish(mut self) -> io::Result<()> {
        match self.writer.take() {
            Some(mut writer) => writer.shutdown().await,
            None => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        let Some(mut writer) = self.writer.take() else {
            return;
        };
        // Dropped in a handler whose client hung up: the parts already
        // sent (a staged file in a folder, an unfinished upload in S3) go
        // in a task of their own.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move { discard(&mut writer).await });
        }
    }
}

/// Discards the parts an unfinished file sent; should that fail, the
/// folder's sweep or the store's own expiry of unfinished uploads gets them.
async fn discard(writer: &mut BufWriter) {
    if let Err(error) = writer.abort().await {
        tracing::warn!("cannot discard an unfinished upload: {error}");
    }
}

#[cfg(test)]
mod tests;
