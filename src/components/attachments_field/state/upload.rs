//! A form's uploads: each file sent at once with its progress, tried again
//! like a submit, held while the browser is offline, and stopped when the
//! file is removed or retried by hand.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::AttachmentsState;
use crate::{
    api,
    components::tell_page,
    context::{Connection, Host},
    sending::is_offline,
    sleep::sleep,
};
use support_rules::{
    i18n::{id, MessageId},
    request::{LoadError, SubmitError},
    retry::RetryPolicy,
    uploads::UploadState,
};

impl AttachmentsState {
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

    /// Stops `key`'s running upload, if any, and ends its wait for the
    /// connection.
    pub(super) fn next_try(&self, key: u32) {
        self.tries
            .update_value(|tries| match tries.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => tries.push((key, 1)),
            });
        let mut waiting = None;
        self.offline.update_value(|waits| {
            if let Some(at) = waits.iter().position(|(k, _)| *k == key) {
                waiting = Some(waits.swap_remove(at).1);
            }
        });
        if let Some(resolve) = waiting {
            _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// Waits until the browser is online again, or `key`'s upload stops.
    async fn back_online(self, key: u32) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let mut wake = None;
        let promise = js_sys::Promise::new(&mut |resolve, _| wake = Some(resolve));
        let Some(wake) = wake else {
            return;
        };
        _ = window.add_event_listener_with_callback("online", &wake);
        self.offline
            .update_value(|waits| waits.push((key, wake.clone())));
        _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        _ = window.remove_event_listener_with_callback("online", &wake);
        _ = self
            .offline
            .try_update_value(|waits| waits.retain(|(_, f)| f != &wake));
    }

    /// Uploads one file, trying again like a submit does until it is stored,
    /// refused, out of attempts, removed, or retried by hand.
    pub(super) fn upload(self, connection: Connection, host: Host, key: u32) {
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
        let tell = move |news: MessageId| self.tell(news, key);
        // A write, but not an `Action`: each file's progress and state is its
        // own entry in `files`, which one action's value could not hold. Not
        // scoped: dropped mid-upload, it would drop the closures that the
        // request and its watchdog still call. It ends itself once the form
        // goes (`current`), and the widget's removal aborts the request.
        leptos::task::spawn_local(async move {
            let policy = RetryPolicy::default();
            let mut attempt = 0;
            loop {
                // Offline, the file waits for the connection without
                // spending its attempts, as a submit does.
                if is_offline() {
                    set_state(UploadState::Offline);
                    tell(id::ATTACHMENT_NEWS_OFFLINE);
                    self.back_online(key).await;
                    if !current() {
                        return;
                    }
                }
                let Some(backend) = connection.backend.get_untracked() else {
                    return;
                };
                set_state(UploadState::Uploading { sent: 0 });
                let progress = move |sent| {
                    if current() {
                        set_state(UploadState::Uploading { sent });
                    }
                };
                let result = api::upload_file(
                    backend,
                    file.clone(),
                    kind,
                    connection.transport(),
                    progress,
                )
                .await;
                if !current() {
                    return;
                }
                let error = match result {
                    Ok(attachment) => {
                        self.drop_blob(key);
                        set_state(UploadState::Uploaded(attachment));
                        tell(id::ATTACHMENT_NEWS_UPLOADED);
                        return;
                    }
                    Err(error) => error,
                };
                tell(id::ATTACHMENT_NEWS_FAILED);
                // So that the page can renew what it gave setRequestHeaders.
                if let SubmitError::Server { status: 401, .. } = error {
                    tell_page(connection, host, &LoadError::Server(401));
                }
                if error == SubmitError::Network && is_offline() {
                    continue;
                }
                attempt += 1;
                let wait = policy.delay(attempt, &error, js_sys::Math::random());
                let again = wait.is_some();
                set_state(UploadState::Failed { error, again });
                let Some(wait) = wait else {
                    return;
                };
                sleep(wait).await;
                if !current() {
                    return;
                }
            }
        });
    }

    pub(in crate::components::attachments_field) fn retry(
        self,
        connection: Connection,
        host: Host,
        key: u32,
    ) {
        self.next_try(key);
        // What screen readers were told, the file's failure among it, no
        // longer holds; a failure of this try is news again.
        self.news.set(Vec::new());
        self.upload(connection, host, key);
    }
}
