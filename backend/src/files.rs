//! Uploaded files on disk, outside the database. Each is named by its
//! attachment id, a random UUID, and never by the name the user gave it,
//! which is only shown. A file is written under a temporary name and
//! renamed when complete, so a file under an id is always whole.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

/// The ending of a file still being written.
const PARTIAL: &str = ".part";

/// The folder of uploaded files.
#[derive(Clone, Debug)]
pub struct FileStore {
    dir: Arc<PathBuf>,
}

impl FileStore {
    /// The files in `dir`, which is created when the first file comes.
    pub fn new(dir: PathBuf) -> FileStore {
        FileStore { dir: Arc::new(dir) }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the file of attachment `id` is. Only ever a UUID's text, so
    /// nothing from a request becomes part of a path.
    pub fn path(&self, id: Uuid) -> PathBuf {
        self.dir.join(id.hyphenated().to_string())
    }

    /// Starts writing a new file with a fresh id.
    pub async fn create(&self) -> io::Result<NewFile> {
        let mut folder = tokio::fs::DirBuilder::new();
        folder.recursive(true);
        // Listed by the backend only: an id is all a download needs.
        #[cfg(unix)]
        folder.mode(0o700);
        folder.create(self.dir.as_path()).await?;
        let id = Uuid::new_v4();
        let partial = self.dir.join(format!(".{}{PARTIAL}", id.hyphenated()));
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // Only the backend reads the files; they may hold personal data.
        #[cfg(unix)]
        options.mode(0o600);
        let file = options.open(&partial).await?;
        Ok(NewFile {
            id,
            file,
            partial: Some(partial),
            size: 0,
            hash: Sha256::new(),
        })
    }

    /// Opens the file of attachment `id` for reading.
    pub async fn open(&self, id: Uuid) -> io::Result<tokio::fs::File> {
        tokio::fs::File::open(self.path(id)).await
    }

    /// Deletes the file of attachment `id`; a file already gone is fine.
    pub async fn remove(&self, id: Uuid) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(id)).await {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }

    /// Deletes the partial files last written at or before `cutoff`: left
    /// by a backend process that stopped mid-upload. Returns how many.
    pub async fn remove_partial_files(&self, cutoff: SystemTime) -> io::Result<usize> {
        let mut entries = match tokio::fs::read_dir(self.dir.as_path()).await {
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(0),
            entries => entries?,
        };
        let mut removed = 0;
        while let Some(entry) = entries.next_entry().await? {
            let name = entry.file_name();
            let is_partial = name
                .to_str()
                .is_some_and(|name| name.starts_with('.') && name.ends_with(PARTIAL));
            let modified = entry.metadata().await.and_then(|m| m.modified());
            if is_partial && modified.is_ok_and(|at| at <= cutoff) {
                tokio::fs::remove_file(entry.path()).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// A file being written. Dropped before [`NewFile::finish`] (a failed or
/// abandoned upload), it deletes what it wrote.
#[derive(Debug)]
pub struct NewFile {
    id: Uuid,
    file: tokio::fs::File,
    /// `None` once the file has its final name.
    partial: Option<PathBuf>,
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
        hex(&self.hash.clone().finalize())
    }

    pub async fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes).await?;
        self.hash.update(bytes);
        self.size += bytes.len() as u64;
        Ok(())
    }

    /// Flushes the bytes to disk, then gives the file its final name.
    pub async fn finish(mut self, store: &FileStore) -> io::Result<()> {
        self.file.flush().await?;
        self.file.sync_all().await?;
        if let Some(partial) = &self.partial {
            tokio::fs::rename(partial, store.path(self.id)).await?;
        }
        self.partial = None;
        Ok(())
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        if let Some(partial) = self.partial.take() {
            // A quick unlink; should it fail, the periodic cleanup
            // deletes the partial file later.
            let _ = std::fs::remove_file(partial);
        }
    }
}

/// Bytes in lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_finished_file_has_its_id_for_a_name_and_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path().join("attachments"));
        let mut file = store.create().await.unwrap();
        file.write(b"a").await.unwrap();
        file.write(b"bc").await.unwrap();
        assert_eq!(file.size(), 3);
        let id = file.id();
        assert_eq!(
            file.sha256(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        file.finish(&store).await.unwrap();
        assert_eq!(std::fs::read(store.path(id)).unwrap(), b"abc");
        let names: Vec<_> = std::fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, [id.to_string()]);
        store.remove(id).await.unwrap();
        store.remove(id).await.unwrap();
        assert!(!store.path(id).exists());
    }

    #[tokio::test]
    async fn an_abandoned_file_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path().to_owned());
        let mut file = store.create().await.unwrap();
        file.write(b"half").await.unwrap();
        assert_eq!(std::fs::read_dir(store.dir()).unwrap().count(), 1);
        drop(file);
        assert_eq!(std::fs::read_dir(store.dir()).unwrap().count(), 0);
    }

    #[tokio::test]
    async fn old_partial_files_are_swept_and_other_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path().to_owned());
        assert_eq!(
            FileStore::new(dir.path().join("missing"))
                .remove_partial_files(SystemTime::now())
                .await
                .unwrap(),
            0
        );
        let partial = dir.path().join(format!(".{}{PARTIAL}", Uuid::new_v4()));
        std::fs::write(&partial, b"left by a crash").unwrap();
        let kept = dir.path().join("README");
        std::fs::write(&kept, b"a deployer's note").unwrap();
        let before = SystemTime::UNIX_EPOCH;
        assert_eq!(store.remove_partial_files(before).await.unwrap(), 0);
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        assert_eq!(store.remove_partial_files(later).await.unwrap(), 1);
        assert!(!partial.exists());
        assert!(kept.exists());
    }
}
