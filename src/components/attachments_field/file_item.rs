//! One attached file in the field's list.

use leptos::prelude::*;

use super::state::{AttachmentsState, FileEntry};
use crate::context::{Connection, Host, Words};
use support_rules::{
    i18n::{self, id},
    request::SubmitError,
    uploads::{human_size, refusal_reason, UploadFailure, UploadState},
};

/// One file in the list: its name, size and upload, with Remove, and Try
/// again when its upload failed.
#[component]
pub(super) fn FileItem(file: FileEntry, state: AttachmentsState) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let host = expect_context::<Host>();
    let key = file.key;
    let name = file.name.clone();
    let size = file.size;
    let remove_label = {
        let name = name.clone();
        move || {
            words.format(
                id::ATTACHMENT_REMOVE,
                &i18n::args([("name", name.clone().into())]),
            )
        }
    };
    let uploading_label = {
        let name = name.clone();
        move || {
            words.format(
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
            <span class="sw-attachment-status" data-testid="attachment-uploaded">{words.text(id::ATTACHMENT_UPLOADED)}</span>
        }
        .into_any(),
        Some(UploadState::Offline) => view! {
            <span class="sw-attachment-status" data-testid="attachment-offline">{words.text(id::ATTACHMENT_OFFLINE)}</span>
        }
        .into_any(),
        Some(UploadState::Failed { error, again }) => view! {
            <span class="sw-field-error" data-testid="attachment-failed">{move || failed_text(words, &error, again)}</span>
            <button
                type="button"
                class="sw-button sw-button-secondary"
                data-testid="attachment-retry"
                on:click=move |_| {
                    state.retry(connection, host, key);
                    // "Try again" goes away once the upload restarts: focus
                    // stays on the file (not on its remove button, where a
                    // second Enter would remove it) rather than falling back
                    // to the page.
                    host.focus_when_drawn(&format!("#{}", file_item_id(key)));
                }
            >
                {words.text(id::ATTACHMENT_RETRY)}
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
        <li class="sw-file" id=file_item_id(key) tabindex="-1" data-testid="attachment" data-attachment-id=uploaded_id data-kind=file.kind.content_type()>
            {match file.preview.clone() {
                Some(url) => view! { <img class="sw-thumbnail" src=url alt="" data-testid="attachment-thumbnail"/> }.into_any(),
                None => view! { <span class="sw-thumbnail sw-file-icon" aria-hidden="true"></span> }.into_any(),
            }}
            <span class="sw-file-name">{name.clone()}</span>
            <span class="sw-file-meta">
                <span class="sw-file-size">{move || human_size(size, words.locale.get())}</span>
                <span class="sw-file-status">{status}</span>
            </span>
            <button
                type="button"
                class="sw-button sw-button-link sw-file-remove"
                data-testid="attachment-remove"
                aria-label=remove_label
                on:click=move |_| {
                    state.remove(key);
                    // To "Add files", the button that brought it.
                    host.focus_when_drawn("#sw-attachments");
                }
            >
                "✕"
            </button>
        </li>
    }
}

/// The id of `key`'s item, where focus goes when its "Try again" goes away.
fn file_item_id(key: u32) -> String {
    format!("sw-file-{key}")
}

/// Why a file did not upload, and what happens next.
fn failed_text(words: Words, error: &SubmitError, again: bool) -> String {
    let message = match UploadFailure::of(error, again) {
        UploadFailure::TriedAgain => id::ATTACHMENT_FAILED,
        UploadFailure::SignIn => {
            let status = i18n::args([("status", 401.into())]);
            return words.format(id::ATTACHMENT_UNAUTHORIZED, &status);
        }
        UploadFailure::Forbidden => {
            let status = i18n::args([("status", 403.into())]);
            return words.format(id::ATTACHMENT_FORBIDDEN, &status);
        }
        UploadFailure::Stopped => id::ATTACHMENT_FAILED_STOPPED,
        UploadFailure::Refused => {
            let reason = i18n::args([("reason", refusal_reason(error).into())]);
            return words.format(id::ATTACHMENT_REFUSED, &reason);
        }
    };
    words.text(message)()
}
