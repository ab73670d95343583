//! The form's attachments field: files added by picker, drop or paste,
//! checked before upload, uploaded at once with progress, retried like a
//! submit. The files' state and uploads are in `attachments_field/state.rs`;
//! reading the files of a picker, a drop or a paste in
//! `attachments_field/transfer.rs`; each file's item in the list in
//! `attachments_field/file_item.rs`. The rules it wires are in
//! `rules/src/uploads.rs`, the contract's limits in `support_contract`.

mod file_item;
mod state;
mod transfer;

use leptos::{ev, prelude::*};
use support_contract::{ATTACHMENTS_MAX_FILES, ATTACHMENTS_MAX_TOTAL_BYTES, ATTACHMENT_MAX_BYTES};

use self::file_item::FileItem;
pub use self::{
    state::AttachmentsState,
    transfer::{on_drag_over, on_drop, on_paste},
};
use crate::context::{Connection, Host, Words};
use support_rules::{
    i18n::{self, id},
    uploads::{human_size, refusal_message},
};

/// The files field of a request form.
#[component]
pub fn AttachmentsField(
    state: AttachmentsState,
    /// The backend's word on the request's files, after a submit.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let host = expect_context::<Host>();
    // The list follows only the files' keys: an upload's progress redraws
    // just that item's status, and each file keeps its elements (focus
    // included) while others come and go.
    let keys = Memo::new(move |_| {
        state
            .files
            .with(|files| files.iter().map(|f| f.key).collect::<Vec<_>>())
    });
    let hint = move || {
        let locale = words.locale.get();
        words.format(
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
    let picker = NodeRef::<leptos::html::Input>::new();
    let on_pick = move |event: ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let files = transfer::files_of(input.files());
        // The same file can be picked again after it is removed.
        input.set_value("");
        state.add(connection, host, files);
    };
    let refused = move || {
        let locale = words.locale.get();
        state.refused.with(|refused| {
            refused
                .iter()
                .map(|(name, code)| refusal_message(locale, name, *code))
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
            <legend class="sw-legend">{words.text(id::ATTACHMENTS_LEGEND)}</legend>
            {move || error.get().map(|message| view! {
                <p class="sw-field-error" id="sw-attachments-error" data-testid="attachments-error">{message}</p>
            })}
            <p class="sw-hint" id="sw-attachments-hint">{hint}</p>
            <div class="sw-dropzone" data-testid="attachments-dropzone">
                <input
                    node_ref=picker
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
                        if let Some(input) = picker.get_untracked() {
                            input.click();
                        }
                    }
                >
                    {words.text(id::ATTACHMENTS_ADD)}
                </button>
                <p class="sw-hint sw-drop-hint">{words.text(id::ATTACHMENTS_DROP)}</p>
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
            <p class="sw-visually-hidden" role="status" data-testid="attachments-news">
                // One element per file's news: a screen reader speaks each
                // one added, not the whole region again.
                {move || state.news.with(|told| {
                    told.iter()
                        .enumerate()
                        .map(|(n, (_, news, name))| view! {
                            <span>
                                {(n > 0).then_some(" ")}
                                {words.format(*news, &i18n::args([("name", name.as_str().into())]))}
                            </span>
                        })
                        .collect_view()
                })}
            </p>
            <ul class="sw-files" data-testid="attachment-list">
                <For each=move || keys.get() key=|key| *key let:key>
                    {state.files.with_untracked(|files| {
                        files.iter().find(|f| f.key == key).cloned().map(|file| view! { <FileItem file state/> })
                    })}
                </For>
            </ul>
        </fieldset>
    }
}
