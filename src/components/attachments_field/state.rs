//! A form's files: each one checked, then uploaded (`upload.rs`); the
//! uploaded ones also go into the draft.

mod upload;

use leptos::prelude::*;
use support_contract::{Attachment, FileKind, SNIFF_LEN};
use wasm_bindgen::JsValue;

use crate::{
    api,
    context::{Connection, Host},
};
use support_rules::{
    i18n::{id, MessageId},
    uploads::{self, admit, Blocker, Refusal, UploadState},
};

/// One attached file as the form shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    pub(super) key: u32,
    pub(super) name: String,
    pub(super) size: u64,
    pub(super) kind: FileKind,
    pub(super) state: UploadState,
    /// An object URL of the image, for its thumbnail.
    pub(super) preview: Option<String>,
}

/// A form's files. Created with the form's state, so it outlives screen
/// changes; the uploaded files also go into the draft.
#[derive(Clone, Copy)]
pub struct AttachmentsState {
    pub(super) files: RwSignal<Vec<FileEntry>>,
    /// The files the last addition refused, and why.
    pub(super) refused: RwSignal<Vec<(String, Refusal)>>,
    /// The browser's `File`s of the uploads not finished, with their keys.
    /// A form has a handful of files at most, so these are short lists
    /// rather than hash maps (whose hashing code the WebAssembly would carry).
    blobs: StoredValue<Vec<(u32, web_sys::File)>, LocalStorage>,
    /// Each file's try, by key: bumped when the file is removed or retried by
    /// hand, so that an upload loop running for it stops.
    tries: StoredValue<Vec<(u32, u32)>>,
    /// The uploads waiting for the connection, by key: what ends the wait
    /// early (the file removed or retried, the form gone).
    offline: StoredValue<Vec<(u32, js_sys::Function)>, LocalStorage>,
    next_key: StoredValue<u32>,
    /// What happened to the files since the user last added, removed or
    /// retried one, for screen readers, oldest first: each file's key, the
    /// message that says it (uploaded, failed, removed, waiting to go) and
    /// the file's name. A list, so that files uploaded together are each
    /// told of rather than each replacing the last.
    pub(super) news: RwSignal<Vec<(u32, MessageId, String)>>,
}

impl AttachmentsState {
    pub fn new() -> AttachmentsState {
        let state = AttachmentsState {
            files: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            blobs: StoredValue::new_local(Vec::new()),
            tries: StoredValue::new(Vec::new()),
            offline: StoredValue::new_local(Vec::new()),
            next_key: StoredValue::new(0),
            news: RwSignal::new(Vec::new()),
        };
        // A file not yet stored by the backend lives only in this page:
        // closing or reloading it would lose the file, where a draft keeps
        // everything typed. The browser asks the user first. The listener is
        // on the page's window only while such a file is in the form: a
        // `beforeunload` listener keeps some browsers from caching the host
        // page for Back and Forward. (A return value as well as
        // `preventDefault`: browsers before Chromium 119 ask only for the
        // former.)
        let unstored = Memo::new(move |_| state.blocker().is_some());
        let leaving = StoredValue::new(None::<WindowListenerHandle>);
        let stop_listening = move || {
            if let Some(listener) = leaving.try_update_value(Option::take).flatten() {
                listener.remove();
            }
        };
        Effect::new(move |_| {
            if !unstored.get() {
                stop_listening();
            } else if leaving.with_value(Option::is_none) {
                let listener = window_event_listener(leptos::ev::beforeunload, |event| {
                    event.prevent_default();
                    event.set_return_value("unstored");
                });
                leaving.set_value(Some(listener));
            }
        });
        on_cleanup(stop_listening);
        // Uploads waiting for the connection stop with the form, and take
        // their `online` listeners with them.
        on_cleanup(move || {
            let waits = state.offline.try_update_value(std::mem::take);
            for (_, resolve) in waits.into_iter().flatten() {
                _ = resolve.call0(&JsValue::NULL);
            }
        });
        state
    }

    /// The uploaded files, in the order added (tracked).
    pub fn uploaded(&self) -> Vec<Attachment> {
        self.files.with(|files| {
            files
                .iter()
                .filter_map(|file| match &file.state {
                    UploadState::Uploaded(attachment) => Some(attachment.clone()),
                    _ => None,
                })
                .collect()
        })
    }

    /// Whether no file is attached, uploaded or not (tracked).
    pub fn is_empty(&self) -> bool {
        self.files.with(Vec::is_empty)
    }

    /// The attached files, by key (tracked).
    pub fn keys(&self) -> Vec<u32> {
        self.files
            .with(|files| files.iter().map(|f| f.key).collect())
    }

    /// Whether the request must wait for its files (tracked).
    pub fn blocker(&self) -> Option<Blocker> {
        self.files
            .with(|files| uploads::blocker(files.iter().map(|f| &f.state)))
    }

    /// Whether a file waits for the connection (tracked).
    pub fn waits_for_connection(&self) -> bool {
        self.files
            .with(|files| uploads::waits_for_connection(files.iter().map(|f| &f.state)))
    }

    /// Shows files uploaded before (from a draft) as uploaded.
    pub fn restore(&self, uploaded: Vec<Attachment>) {
        self.clear();
        let entries = uploaded
            .into_iter()
            .filter_map(|attachment| {
                let kind = FileKind::from_content_type(&attachment.content_type)?;
                Some(FileEntry {
                    key: self.take_key(),
                    name: attachment.name.clone(),
                    size: attachment.size,
                    kind,
                    state: UploadState::Uploaded(attachment),
                    preview: None,
                })
            })
            .collect();
        self.files.set(entries);
    }

    /// No files: a new request, or a discarded draft.
    pub fn clear(&self) {
        let keys: Vec<u32> = self
            .files
            .with_untracked(|f| f.iter().map(|f| f.key).collect());
        for key in keys {
            self.forget(key);
        }
        self.files.set(Vec::new());
        self.refused.set(Vec::new());
        self.news.set(Vec::new());
    }

    fn take_key(&self) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    pub(super) fn drop_blob(&self, key: u32) {
        self.blobs
            .update_value(|blobs| blobs.retain(|(k, _)| *k != key));
    }

    fn forget(&self, key: u32) {
        self.next_try(key);
        self.drop_blob(key);
        let preview = self.files.with_untracked(|files| {
            files
                .iter()
                .find(|f| f.key == key)
                .and_then(|f| f.preview.clone())
        });
        if let Some(url) = preview {
            _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// Checks each file and uploads the ones that may go.
    pub fn add(self, connection: Connection, host: Host, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        // What screen readers were told of earlier files is old news.
        self.news.set(Vec::new());
        // Neither a read nor a write: the chosen files' first bytes, read
        // here; each upload then goes on its own (`upload.rs`). Not scoped:
        // begun in an event handler, outside the form's owner; a form gone
        // meanwhile is found gone below, and nothing is added.
        leptos::task::spawn_local(async move {
            let mut refused = Vec::new();
            for file in files {
                let head = api::first_bytes(&file, SNIFF_LEN).await;
                let size = file.size() as u64;
                let name = file.name();
                // The form may be gone while the file was read (the element
                // left the page): then there is nothing to add it to.
                let Some((sizes, already)) = self.files.try_with_untracked(|files| {
                    let same = files.iter().any(|f| f.name == name && f.size == size);
                    (files.iter().map(|f| f.size).collect::<Vec<u64>>(), same)
                }) else {
                    return;
                };
                let admitted = if already {
                    Err(Refusal::AlreadyAttached)
                } else {
                    admit(&sizes, &name, &file.type_(), size, &head).map_err(Refusal::Contract)
                };
                match admitted {
                    Err(refusal) => refused.push((name, refusal)),
                    Ok(kind) => {
                        let key = self.take_key();
                        let preview = (kind.content_type().starts_with("image/"))
                            .then(|| web_sys::Url::create_object_url_with_blob(&file).ok())
                            .flatten();
                        self.blobs.update_value(|blobs| blobs.push((key, file)));
                        _ = self.files.try_update(|files| {
                            files.push(FileEntry {
                                key,
                                name,
                                size,
                                kind,
                                state: UploadState::Uploading { sent: 0 },
                                preview,
                            })
                        });
                        self.upload(connection, host, key);
                    }
                }
            }
            _ = self.refused.try_set(refused);
        });
    }

    /// Tells screen readers what happened to the file `key`.
    pub(super) fn tell(self, news: MessageId, key: u32) {
        let Some(name) = self
            .files
            .with_untracked(|files| files.iter().find(|f| f.key == key).map(|f| f.name.clone()))
        else {
            return;
        };
        // Told again only when it changes: a failed upload's next attempt
        // failing too is not news.
        let last = self.news.with_untracked(|told| {
            told.iter()
                .rev()
                .find(|(k, ..)| *k == key)
                .map(|(_, news, _)| *news)
        });
        if last != Some(news) {
            _ = self.news.try_update(|told| told.push((key, news, name)));
        }
    }

    pub(super) fn remove(self, key: u32) {
        self.news.set(Vec::new());
        self.tell(id::ATTACHMENT_NEWS_REMOVED, key);
        self.forget(key);
        self.files.update(|files| files.retain(|f| f.key != key));
    }
}
