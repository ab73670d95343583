//! Files with a request: added by picker, drop or paste, checked before
//! upload, uploaded at once with progress, retried like a submit.

use std::time::Duration;

use leptos::{ev, prelude::*};
use support_contract::{
    Attachment, ErrorCode, FileKind, ATTACHMENTS_MAX_FILES, ATTACHMENTS_MAX_TOTAL_BYTES,
    ATTACHMENT_MAX_BYTES, SNIFF_LEN,
};

use crate::{
    api,
    attachments::{self, admit, human_size, Blocker, UploadState},
    context::{use_widget, WidgetContext},
    i18n::{self, id},
    locale::Locale,
    retry::RetryPolicy,
};

/// One attached file as the form shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    key: u32,
    name: String,
    size: u64,
    kind: FileKind,
    state: UploadState,
    /// An object URL of the image, for its thumbnail.
    preview: Option<String>,
}

/// A form's files. Created with the form's state, so it outlives screen
/// changes; the uploaded files also go into the draft.
#[derive(Clone, Copy)]
pub struct AttachmentsState {
    files: RwSignal<Vec<FileEntry>>,
    /// The files the last addition refused, and why.
    refused: RwSignal<Vec<(String, ErrorCode)>>,
    /// The browser's `File`s of the uploads not finished, with their keys.
    /// A form has a handful of files at most, so these are short lists
    /// rather than hash maps (whose hashing code the WebAssembly would carry).
    blobs: StoredValue<Vec<(u32, web_sys::File)>, LocalStorage>,
    /// Each file's try, by key: bumped when the file is removed or retried by
    /// hand, so that an upload loop running for it stops.
    tries: StoredValue<Vec<(u32, u32)>>,
    next_key: StoredValue<u32>,
}

impl AttachmentsState {
    pub fn new() -> AttachmentsState {
        AttachmentsState {
            files: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            blobs: StoredValue::new_local(Vec::new()),
            tries: StoredValue::new(Vec::new()),
            next_key: StoredValue::new(0),
        }
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

    /// Whether the request must wait for its files (tracked).
    pub fn blocker(&self) -> Option<Blocker> {
        self.files
            .with(|files| attachments::blocker(files.iter().map(|f| &f.state)))
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
    }

    fn take_key(&self) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    /// The try of `key`'s upload now running; `None` once the form's state
    /// is gone.
    fn this_try(&self, key: u32) -> Option<u32> {
        self.tries.try_with_value(|tries| {
            tries
                .iter()
                .find_map(|&(k, n)| (k == key).then_some(n))
                .unwrap_or(0)
        })
    }

    /// Stops `key`'s running upload, if any.
    fn next_try(&self, key: u32) {
        self.tries
            .update_value(|tries| match tries.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => tries.push((key, 1)),
            });
    }

    fn drop_blob(&self, key: u32) {
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
    pub fn add(self, widget: WidgetContext, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut refused = Vec::new();
            for file in files {
                let head = api::first_bytes(&file, SNIFF_LEN).await;
                let size = file.size() as u64;
                let sizes: Vec<u64> = self
                    .files
                    .with_untracked(|files| files.iter().map(|f| f.size).collect());
                let name = file.name();
                match admit(&sizes, &name, &file.type_(), size, &head) {
                    Err(code) => refused.push((name, code)),
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
                        self.upload(widget, key);
                    }
                }
            }
            _ = self.refused.try_set(refused);
        });
    }

    /// Uploads one file, trying again like a submit does until it is stored,
    /// refused, out of attempts, removed, or retried by hand.
    fn upload(self, widget: WidgetContext, key: u32) {
        let blob = self.blobs.with_value(|blobs| {
            blobs
                .iter()
                .find_map(|(k, file)| (*k == key).then(|| file.clone()))
        });
        let Some(file) = blob else {
            return;
        };
        let Some(kind) = self
            .files
            .with_untracked(|files| files.iter().find(|f| f.key == key).map(|f| f.kind))
        else {
            return;
        };
        let this_try = self.this_try(key);
        let current = move || this_try.is_some() && self.this_try(key) == this_try;
        let set_state = move |state: UploadState| {
            _ = self.files.try_update(|files| {
                if let Some(entry) = files.iter_mut().find(|f| f.key == key) {
                    entry.state = state;
                }
            });
        };
        leptos::task::spawn_local(async move {
            let policy = RetryPolicy::default();
            let mut attempt = 0;
            loop {
                let Some(backend) = widget.backend.get_untracked() else {
                    return;
                };
                set_state(UploadState::Uploading { sent: 0 });
                let progress = move |sent| {
                    if current() {
                        set_state(UploadState::Uploading { sent });
                    }
                };
                let result =
                    api::upload_file(backend, file.clone(), kind, widget.transport(), progress)
                        .await;
                if !current() {
                    return;
                }
                let error = match result {
                    Ok(attachment) => {
                        self.drop_blob(key);
                        set_state(UploadState::Uploaded(attachment));
                        return;
                    }
                    Err(error) => error,
                };
                set_state(UploadState::Failed(error.clone()));
                attempt += 1;
                let Some(wait) = policy.delay(attempt, &error, js_sys::Math::random()) else {
                    return;
                };
                sleep(wait).await;
                if !current() {
                    return;
                }
            }
        });
    }

    fn retry(self, widget: WidgetContext, key: u32) {
        self.next_try(key);
        self.upload(widget, key);
    }

    fn remove(self, key: u32) {
        self.forget(key);
        self.files.update(|files| files.retain(|f| f.key != key));
    }
}

async fn sleep(wait: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(wait.as_millis()).unwrap_or(i32::MAX),
            );
        }
    });
    _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The files of a drop or a paste.
pub fn transferred_files(data: Option<web_sys::DataTransfer>) -> Vec<web_sys::File> {
    data.and_then(|data| data.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// The message for a file the widget would not add.
fn refusal(locale: Locale, name: &str, code: ErrorCode) -> String {
    let size = human_size(ATTACHMENT_MAX_BYTES, locale);
    let total = human_size(ATTACHMENTS_MAX_TOTAL_BYTES, locale);
    let (message, args) = match code {
        ErrorCode::FileEmpty => (
            id::ATTACHMENT_ERROR_EMPTY,
            i18n::args([("name", name.into())]),
        ),
        ErrorCode::FileTooLarge => (
            id::ATTACHMENT_ERROR_TOO_LARGE,
            i18n::args([("name", name.into()), ("size", size.into())]),
        ),
        ErrorCode::FileTypeMismatch => (
            id::ATTACHMENT_ERROR_MISMATCH,
            i18n::args([("name", name.into())]),
        ),
        ErrorCode::TooManyFiles => (
            id::ATTACHMENT_ERROR_TOO_MANY,
            i18n::args([
                ("name", name.into()),
                ("count", ATTACHMENTS_MAX_FILES.into()),
            ]),
        ),
        ErrorCode::AttachmentsTooLarge => (
            id::ATTACHMENT_ERROR_TOTAL,
            i18n::args([("name", name.into()), ("total", total.into())]),
        ),
        _ => (
            id::ATTACHMENT_ERROR_TYPE,
            i18n::args([("name", name.into())]),
        ),
    };
    i18n::format(locale, message, Some(&args))
}

/// The files field of a request form.
#[component]
pub fn AttachmentsField(
    state: AttachmentsState,
    /// The backend's word on the request's files, after a submit.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let widget = use_widget();
    // The list follows only the files' keys: an upload's progress redraws
    // just that item's status. When files come or go, the items' elements
    // are patched in place by position (the list is not keyed): an added
    // file joins at the end and the others keep their elements, focus
    // included; removing a file sends focus to "Add files". Leptos's keyed
    // `For` would give each file elements of its own, at 4.6 KB of the
    // WebAssembly with brotli (README, "What each size choice saved").
    let keys = Memo::new(move |_| {
        state
            .files
            .with(|files| files.iter().map(|f| f.key).collect::<Vec<_>>())
    });
    let hint = move || {
        let locale = widget.locale.get();
        widget.format(
            id::ATTACHMENTS_HINT,
            &i18n::args([
                ("count", ATTACHMENTS_MAX_FILES.into()),
                ("size", human_size(ATTACHMENT_MAX_BYTES, locale).into()),
                (
                    "total",
                    human_size(ATTACHMENTS_MAX_TOTAL_BYTES, locale).into(),
                ),
            ]),
        )
    };
    let on_pick = move |event: ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let files = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // The same file can be picked again after it is removed.
        input.set_value("");
        state.add(widget, files);
    };
    let refused = move || {
        let locale = widget.locale.get();
        state.refused.with(|refused| {
            refused
                .iter()
                .map(|(name, code)| refusal(locale, name, *code))
                .collect::<Vec<_>>()
        })
    };

    view! {
        <fieldset
            class="sw-fieldset sw-attachments"
            class:sw-field-invalid=move || error.with(Option::is_some)
            data-testid="attachments"
            aria-describedby="sw-attachments-hint"
        >
            <legend class="sw-legend">{widget.text(id::ATTACHMENTS_LEGEND)}</legend>
            {move || error.get().map(|message| view! {
                <p class="sw-field-error" id="sw-attachments-error" data-testid="attachments-error">{message}</p>
            })}
            <p class="sw-hint" id="sw-attachments-hint">{hint}</p>
            <div class="sw-dropzone" data-testid="attachments-dropzone">
                <input
                    type="file"
                    id="sw-attachments-input"
                    class="sw-visually-hidden"
                    multiple
                    tabindex="-1"
                    aria-hidden="true"
                    accept=support_contract::accept_attribute()
                    data-testid="attachments-input"
                    on:change=on_pick
                />
                // The error summary's link for the request's files leads here.
                <button
                    type="button"
                    id="sw-attachments"
                    class="sw-button sw-button-secondary"
                    data-testid="attachments-add"
                    aria-describedby=move || {
                        if error.with(Option::is_some) {
                            "sw-attachments-error sw-attachments-hint"
                        } else {
                            "sw-attachments-hint"
                        }
                    }
                    on:click=move |_| {
                        if let Some(input) = widget.find("#sw-attachments-input") {
                            input.click();
                        }
                    }
                >
                    {widget.text(id::ATTACHMENTS_ADD)}
                </button>
                <p class="sw-hint">{widget.text(id::ATTACHMENTS_DROP)}</p>
            </div>
            <div role="alert" data-testid="attachments-refused">
                {move || {
                    let messages = refused();
                    (!messages.is_empty()).then(|| view! {
                        <ul class="sw-attachment-errors">
                            {messages.into_iter().map(|m| view! { <li class="sw-field-error">{m}</li> }).collect_view()}
                        </ul>
                    })
                }}
            </div>
            <ul class="sw-files" data-testid="attachment-list">
                {move || {
                    // Read, not only tracked: tracking alone never computes
                    // the memo, which would then never follow the files.
                    keys.with(|_| ());
                    state.files.with_untracked(|files| {
                        files.iter().cloned().map(|file| view! { <FileItem file state/> }).collect_view()
                    })
                }}
            </ul>
        </fieldset>
    }
}

#[component]
fn FileItem(file: FileEntry, state: AttachmentsState) -> impl IntoView {
    let widget = use_widget();
    let key = file.key;
    let name = file.name.clone();
    let size = file.size;
    let remove_label = {
        let name = name.clone();
        move || {
            widget.format(
                id::ATTACHMENT_REMOVE,
                &i18n::args([("name", name.clone().into())]),
            )
        }
    };
    let uploading_label = {
        let name = name.clone();
        move || {
            widget.format(
                id::ATTACHMENT_UPLOADING,
                &i18n::args([("name", name.clone().into())]),
            )
        }
    };
    // Only the status follows the upload: the rest of the item, and the
    // focus inside it, stay put while the progress moves.
    let upload = Memo::new(move |_| {
        state
            .files
            .with(|files| files.iter().find(|f| f.key == key).map(|f| f.state.clone()))
    });
    let status = move || {
        match upload.get() {
        Some(UploadState::Uploading { sent }) => view! {
            <progress
                class="sw-progress"
                data-testid="attachment-progress"
                max=size.max(1).to_string()
                value=sent.min(size).to_string()
                aria-label=uploading_label.clone()
            ></progress>
        }
        .into_any(),
        Some(UploadState::Uploaded(_)) => view! {
            <span class="sw-attachment-status" data-testid="attachment-uploaded">{widget.text(id::ATTACHMENT_UPLOADED)}</span>
        }
        .into_any(),
        Some(UploadState::Failed(_)) => view! {
            <span class="sw-field-error" data-testid="attachment-failed">{widget.text(id::ATTACHMENT_FAILED)}</span>
            <button
                type="button"
                class="sw-button sw-button-secondary"
                data-testid="attachment-retry"
                on:click=move |_| {
                    state.retry(widget, key);
                    // "Try again" goes away once the upload restarts: focus
                    // stays on the file, at its remove button, rather than
                    // falling back to the page.
                    widget.focus_when_drawn(&format!("#{}", remove_button_id(key)));
                }
            >
                {widget.text(id::ATTACHMENT_RETRY)}
            </button>
        }
        .into_any(),
        None => ().into_any(),
    }
    };
    let uploaded_id = move || match upload.get() {
        Some(UploadState::Uploaded(attachment)) => Some(attachment.id),
        _ => None,
    };
    view! {
        <li class="sw-file" data-testid="attachment" data-attachment-id=uploaded_id data-kind=file.kind.content_type()>
            {match file.preview.clone() {
                Some(url) => view! { <img class="sw-thumbnail" src=url alt="" data-testid="attachment-thumbnail"/> }.into_any(),
                None => view! { <span class="sw-thumbnail sw-file-icon" aria-hidden="true">"📄"</span> }.into_any(),
            }}
            <span class="sw-file-name">{name.clone()}</span>
            <span class="sw-file-size">{move || human_size(size, widget.locale.get())}</span>
            <span class="sw-file-status">{status}</span>
            <button
                type="button"
                class="sw-button sw-button-link sw-file-remove"
                data-testid="attachment-remove"
                aria-label=remove_label
                id=remove_button_id(key)
                on:click=move |_| {
                    state.remove(key);
                    // To "Add files", the button that brought it.
                    widget.focus_when_drawn("#sw-attachments");
                }
            >
                "✕"
            </button>
        </li>
    }
}

/// The id of `key`'s remove button, where focus goes when its "Try again"
/// goes away.
fn remove_button_id(key: u32) -> String {
    format!("sw-file-{key}-remove")
}

/// Reads the files of a paste, if it carried any; the paste then adds them
/// instead of pasting into the field.
pub fn on_paste(state: AttachmentsState, widget: WidgetContext, event: &ev::ClipboardEvent) {
    let files = transferred_files(event.clipboard_data());
    if !files.is_empty() {
        event.prevent_default();
        state.add(widget, files);
    }
}

/// Lets files be dropped anywhere on the form.
pub fn on_drop(state: AttachmentsState, widget: WidgetContext, event: &ev::DragEvent) {
    let files = transferred_files(event.data_transfer());
    if !files.is_empty() {
        event.prevent_default();
        state.add(widget, files);
    }
}

/// Accepts a drag of files over the form.
pub fn on_drag_over(event: &ev::DragEvent) {
    let carries_files = event
        .data_transfer()
        .map(|data| data.types().includes(&"Files".into(), 0))
        .unwrap_or(false);
    if carries_files {
        event.prevent_default();
    }
}
