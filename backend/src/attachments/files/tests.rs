use std::path::PathBuf;
use std::time::Duration;

use futures_util::TryStreamExt;

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

async fn folder(dir: PathBuf) -> FileStore {
    FileStore::open(&Location::Folder(dir)).await.unwrap()
}

async fn read_all(files: &FileStore, id: Uuid) -> Vec<u8> {
    let (size, bytes) = files.read(id).await.unwrap().unwrap();
    let bytes: Vec<Bytes> = bytes.try_collect().await.unwrap();
    let bytes = bytes.concat();
    assert_eq!(size, bytes.len() as u64);
    bytes
}

#[tokio::test]
async fn a_finished_file_has_its_id_for_a_name_and_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let files = folder(dir.path().join("attachments")).await;
    let mut file = files.create();
    file.write(Bytes::from_static(b"a")).await.unwrap();
    file.write(Bytes::from_static(b"bc")).await.unwrap();
    assert_eq!(file.size(), 3);
    let id = file.id();
    assert_eq!(
        file.sha256(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert!(files.read(id).await.unwrap().is_none(), "not before finish");
    file.finish().await.unwrap();
    assert_eq!(read_all(&files, id).await, b"abc");
    assert_eq!(names(files.folder().unwrap()), [id.to_string()]);
    files.remove(id).await.unwrap();
    files.remove(id).await.unwrap();
    assert!(files.read(id).await.unwrap().is_none());
}

#[tokio::test]
async fn a_large_file_goes_in_parts_and_an_abandoned_one_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files = folder(dir.path().to_owned()).await;
    let chunk = Bytes::from(vec![7u8; 300 * 1024]);
    let mut file = files.create();
    for _ in 0..10 {
        file.write(chunk.clone()).await.unwrap();
    }
    let id = file.id();
    file.finish().await.unwrap();
    assert_eq!(read_all(&files, id).await, vec![7u8; 3000 * 1024]);

    let mut abandoned = files.create();
    for _ in 0..10 {
        abandoned.write(chunk.clone()).await.unwrap();
    }
    assert_eq!(names(dir.path()).len(), 2, "a part on its way");
    drop(abandoned);
    for _ in 0..100 {
        if names(dir.path()).len() == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(names(dir.path()), [id.to_string()]);
}

#[tokio::test]
async fn a_copy_is_a_new_file_written_now_that_outlives_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let files = folder(dir.path().to_owned()).await;
    let mut file = files.create();
    file.write(Bytes::from_static(b"abc")).await.unwrap();
    let id = file.id();
    file.finish().await.unwrap();
    // The original as the sweep would find it a week on.
    let week_ago = SystemTime::now() - Duration::from_secs(7 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(dir.path().join(id.to_string()))
        .unwrap()
        .set_modified(week_ago)
        .unwrap();

    let copy = files.copy(id).await.unwrap().unwrap();
    assert_ne!(copy.id, id);
    assert_eq!(
        (copy.size, copy.sha256.as_str()),
        (
            3,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    );
    let stored: Vec<StoredFile> = files.stored().try_collect().await.unwrap();
    let written = stored.iter().find(|f| f.id == copy.id).unwrap().written;
    assert!(written > week_ago, "the copy is as new as an upload");
    files.remove(id).await.unwrap();
    assert_eq!(read_all(&files, copy.id).await, b"abc");
    assert!(files.copy(id).await.unwrap().is_none());
}

#[tokio::test]
async fn the_store_lists_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = folder(dir.path().to_owned()).await;
    let mut file = files.create();
    file.write(Bytes::from_static(b"log")).await.unwrap();
    let id = file.id();
    file.finish().await.unwrap();
    std::fs::write(dir.path().join("README"), b"a deployer's note").unwrap();
    let upper = Uuid::new_v4().to_string().to_uppercase();
    std::fs::write(dir.path().join(upper), b"not a name the backend gives").unwrap();
    std::fs::create_dir(dir.path().join("other")).unwrap();
    let below = Uuid::new_v4().to_string();
    std::fs::write(dir.path().join("other").join(below), b"another's").unwrap();
    let stored: Vec<StoredFile> = files.stored().try_collect().await.unwrap();
    assert_eq!(stored.iter().map(|f| f.id).collect::<Vec<_>>(), [id]);
    let age = SystemTime::now().duration_since(stored[0].written).unwrap();
    assert!(age < Duration::from_secs(60), "{age:?}");
}

#[tokio::test]
async fn old_partial_files_are_swept_and_other_files_kept() {
    let dir = tempfile::tempdir().unwrap();
    let files = folder(dir.path().to_owned()).await;
    let staged = dir.path().join(format!("{}#3", Uuid::new_v4()));
    let earlier = dir.path().join(format!(".{}.part", Uuid::new_v4()));
    for partial in [&staged, &earlier] {
        std::fs::write(partial, b"left by a crash").unwrap();
    }
    let kept = dir.path().join("README#1");
    std::fs::write(&kept, b"a deployer's note").unwrap();
    let before = SystemTime::UNIX_EPOCH;
    assert_eq!(files.remove_partial_files(before).await.unwrap(), 0);
    let later = SystemTime::now() + Duration::from_secs(60);
    assert_eq!(files.remove_partial_files(later).await.unwrap(), 2);
    assert!(!staged.exists() && !earlier.exists());
    assert!(kept.exists());
}

#[tokio::test]
async fn a_folder_that_cannot_be_made_stops_the_start_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    let inside = file.join("attachments");
    let error = FileStore::open(&Location::Folder(inside.clone()))
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains(&inside.display().to_string()),
        "{error}"
    );
}
