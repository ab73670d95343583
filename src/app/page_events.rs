//! What the page hears from the widget as `support-widget:` events: that it
//! is ready, and its errors (a backend attribute set up wrongly, a sign-in
//! that ended, a locale's messages that cannot be had), in English for the
//! page's developers.

use leptos::prelude::*;

use crate::{
    api::Tokens,
    context::{Host, Words},
};
use support_rules::{
    host::{BackendError, BackendUrl},
    session::SessionEnd,
};

/// Tells the page each of these as it happens.
pub fn tell_the_page(
    words: Words,
    host: Host,
    tokens: &Tokens,
    backend: Memo<Result<BackendUrl, BackendError>>,
) {
    // The page hears that its sign-in ended, to sign the user in again. A
    // page whose refused request carried no sign-in at all, to a backend
    // that wants one, most likely forgot its token provider: its developer
    // reads that in the console.
    tokens.when_ended(move |end| {
        if end == SessionEnd::NoSignIn {
            let said = format!("<support-widget>: {}", end.message());
            web_sys::console::warn_1(&said.into());
        }
        host.emit(
            "error",
            &[
                ("code", end.code().into()),
                ("message", end.message().into()),
            ],
        )
    });

    // The one console message a deployer needs when the page set the widget
    // up wrongly, and the same as an event; the user sees the localized error
    // in the widget itself.
    Effect::new(move |_| {
        if let Err(error) = backend.get() {
            web_sys::console::error_1(
                &format!("<support-widget>: {error}; no request will be sent.").into(),
            );
            let code = match error {
                BackendError::Missing => "missing_backend",
                BackendError::Invalid(_) | BackendError::Credentials => "invalid_backend",
            };
            host.emit(
                "error",
                &[("code", code.into()), ("message", error.to_string().into())],
            );
        }
    });

    // Ready once the widget shows its first words (`settled` turns true
    // once and stays); an error when a locale's messages cannot be had.
    let locales = words.locales;
    Effect::new(move |_| {
        if locales.settled.get() {
            host.emit(
                "ready",
                &[("locale", words.locale.get_untracked().as_str().into())],
            );
        }
    });
    Effect::new(move |_| {
        if let Some(failed) = locales.unavailable() {
            let message = format!("the {} messages could not be loaded", failed.as_str());
            host.emit(
                "error",
                &[
                    ("code", "messages_unavailable".into()),
                    ("message", message.into()),
                ],
            );
        }
    });
}
