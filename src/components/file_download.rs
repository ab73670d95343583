//! The files of a request or a reply, each by name, that the user saves with a
//! click: fetched with the page's sign-in (a plain link could not carry
//! it), then handed to the browser's own download.

use std::time::Duration;

use leptos::prelude::*;
use support_contract::{download_name, Attachment, FileKind};
use wasm_bindgen::JsCast;
use web_sys::AbortController;

use super::{failure_text, tell_page};
use crate::{
    api,
    context::{Connection, Host, Words},
};
use support_rules::{
    i18n::{self, id},
    request::LoadError,
};

/// A request's or a reply's files, each downloaded by its name.
#[component]
pub fn AttachedFiles(files: Vec<Attachment>) -> impl IntoView {
    let items = files
        .into_iter()
        .map(|file| view! { <li><FileDownload file/></li> })
        .collect_view();
    view! { <ul class="sw-facts-files">{items}</ul> }
}

/// The file's name as a button that downloads it, and what went wrong when
/// it could not.
#[component]
fn FileDownload(file: Attachment) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let host = expect_context::<Host>();
    let Attachment {
        id,
        name,
        content_type,
        ..
    } = file;
    // Saved under the name the backend serves it under: with its kind's
    // extension, so that no name makes it something a system would run.
    let saved_as = FileKind::from_content_type(&content_type)
        .map_or_else(|| name.clone(), |kind| download_name(&name, kind));
    let label = {
        let name = name.clone();
        move || {
            words.format(
                id::ATTACHMENT_DOWNLOAD,
                &i18n::args([("name", name.clone().into())]),
            )
        }
    };
    // The download on its way goes with the button (a redraw, the screen
    // or the element leaving): its request is aborted.
    let on_its_way = StoredValue::new_local(None::<AbortController>);
    on_cleanup(move || {
        if let Some(Some(controller)) = on_its_way.try_update_value(Option::take) {
            controller.abort();
        }
    });
    // The user's command, as a write is: what went wrong, if anything.
    let download = Action::new_local(move |(): &()| {
        let backend = connection.backend.get_untracked();
        let controller = AbortController::new().ok();
        let transport =
            connection.transport_aborted_by(controller.as_ref().map(AbortController::signal));
        on_its_way.set_value(controller);
        let (id, name) = (id.clone(), saved_as.clone());
        async move {
            let answer = api::download_attachment(backend?, id, transport).await;
            // Gone meanwhile: nothing to say, and nothing to save.
            on_its_way.try_update_value(Option::take)?;
            match answer {
                Ok(blob) => {
                    save(&blob, &name);
                    None
                }
                Err(error) => {
                    tell_page(connection, host, &error);
                    Some(error)
                }
            }
        }
    });
    let busy = download.pending();
    let on_click = move |_| {
        if connection.backend.with_untracked(Option::is_some) && !busy.get_untracked() {
            download.dispatch_local(());
        }
    };
    let failure = move || {
        let failed = (!busy.get()).then(|| download.value().get().flatten());
        failed.flatten().map(|error| {
            let text = match error {
                LoadError::NotFound => words.text(id::ATTACHMENT_DOWNLOAD_GONE)(),
                error => failure_text(words, id::ATTACHMENT_DOWNLOAD_FAILED, &error),
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
            on:click=on_click
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
