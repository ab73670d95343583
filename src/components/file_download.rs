//! A file of a request or a reply, by name, that the user saves with a
//! click: fetched with the page's sign-in (a plain link could not carry
//! it), then handed to the browser's own download.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local_scoped};
use support_contract::Attachment;
use wasm_bindgen::JsCast;

use super::{failure_text, tell_page};
use crate::{
    api,
    context::use_widget,
    rules::{
        i18n::{self, id},
        request::LoadError,
    },
};

/// The file's name as a button that downloads it, and what went wrong when
/// it could not.
#[component]
pub fn FileDownload(file: Attachment) -> impl IntoView {
    let widget = use_widget();
    let Attachment { id, name, .. } = file;
    let failed = RwSignal::new(None::<LoadError>);
    let busy = RwSignal::new(false);
    let label = {
        let name = name.clone();
        move || {
            widget.format(
                id::ATTACHMENT_DOWNLOAD,
                &i18n::args([("name", name.clone().into())]),
            )
        }
    };
    let saved_as = name.clone();
    let download = move |_| {
        let Some(backend) = widget.backend.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let (id, name, transport) = (id.clone(), saved_as.clone(), widget.transport());
        spawn_local_scoped(async move {
            match api::download_attachment(backend, id, transport).await {
                Ok(blob) => save(&blob, &name),
                Err(error) => {
                    tell_page(widget, &error);
                    failed.set(Some(error));
                }
            }
            busy.set(false);
        });
    };
    let failure = move || {
        failed.get().map(|error| {
            let text = match error {
                LoadError::NotFound => widget.text(id::ATTACHMENT_DOWNLOAD_GONE)(),
                error => failure_text(widget, id::ATTACHMENT_DOWNLOAD_FAILED, &error),
            };
            view! { <span class="sw-field-error" data-testid="attachment-download-failed">{text}</span> }
        })
    };
    view! {
        <button
            type="button"
            class="sw-button sw-button-link sw-file-download"
            data-testid="attachment-download"
            aria-label=label
            aria-disabled=move || busy.get().to_string()
            on:click=download
        >
            {name}
        </button>
        <span role="alert">{failure}</span>
    }
}

/// Saves `blob` as `name` through a link the browser follows as a download.
/// Its address lasts a minute: long enough for the browser to begin.
fn save(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    let link = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    set_timeout(
        move || _ = web_sys::Url::revoke_object_url(&url),
        Duration::from_secs(60),
    );
}
