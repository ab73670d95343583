//! The page's localStorage, for drafts and the list of filed requests. Browsers refuse it in many ways
//! (privacy modes, sandboxed frames, blocked third-party storage, a full
//! quota): every refusal is a value here, never a panic, and the form works
//! on without drafts.

use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::{DomException, Storage};

/// Why drafts cannot be kept. Both pick the same "drafts are off" note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("localStorage is not available to this page")]
    Unavailable,
    #[error("localStorage is full")]
    Full,
}

fn local_storage() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|error| {
        let name = error.dyn_ref::<DomException>().map(DomException::name);
        match name.as_deref() {
            Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
            _ => StorageError::Unavailable,
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// The tab's sessionStorage, for what a reload should find and a new tab
/// should not (the way to a request, part-walked). Best effort: without it,
/// a reload starts from home.
pub mod session {
    use web_sys::Storage;

    fn storage() -> Option<Storage> {
        web_sys::window().and_then(|window| window.session_storage().ok().flatten())
    }

    pub fn read(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn write(key: &str, value: &str) {
        if let Some(storage) = storage() {
            _ = storage.set_item(key, value);
        }
    }

    pub fn remove(key: &str) {
        if let Some(storage) = storage() {
            _ = storage.remove_item(key);
        }
    }
}
