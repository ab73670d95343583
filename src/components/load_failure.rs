use leptos::prelude::*;

use crate::context::{Connection, Host, Words};
use support_rules::{
    i18n::{self, id, MessageId},
    request::{self, LoadError},
};

/// A lookup that failed: what could not be loaded, and "Try again".
#[component]
pub fn LoadFailure(
    /// The message saying what failed.
    message: MessageId,
    error: LoadError,
    on_retry: Callback<()>,
    /// What takes focus when "Try again" goes with the notice (the screen's
    /// heading unless told), so that focus stays in the widget. `None` for
    /// a caller that places the focus itself once the lookup has answered
    /// (a list's next page: on what it brought).
    #[prop(into, default = Some("h2.sw-heading"))]
    focus: Option<&'static str>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let host = expect_context::<Host>();
    tell_page(connection, host, &error);
    // Gone without a press on "Try again" (the lookup went again by itself,
    // after the page signed the user in again), the notice hands on the
    // focus it may have had rather than dropping it to the page.
    on_cleanup(move || {
        if let Some(focus) = focus {
            host.focus_when_drawn_if_lost(focus);
        }
    });
    let retry = move |_| {
        if let Some(focus) = focus {
            host.focus_when_drawn(focus);
        }
        on_retry.run(());
    };
    view! {
        <div class="sw-submit-error" role="alert">
            <p>{move || failure_text(words, message, &error)}</p>
            <button type="button" class="sw-button sw-button-secondary" on:click=retry>
                {words.text(id::LOAD_RETRY)}
            </button>
        </div>
    }
}

/// What a failed lookup says: `message` (what could not be loaded), then
/// what to do, which depends on why: the connection, or the support
/// service (an error, or an answer the widget cannot read). A refused
/// sign-in (401) says instead that the user should sign in again, and a
/// sign-in that may not see it (403) that the site's administrator should
/// check the user's access, as a submit says them.
pub fn failure_text(words: Words, message: MessageId, error: &LoadError) -> String {
    let advice = match error {
        LoadError::Server(status @ 401) => {
            return words.format(
                id::LOAD_ERROR_UNAUTHORIZED,
                &i18n::args([("status", (*status).into())]),
            )
        }
        LoadError::Server(status @ 403) => {
            return words.format(
                id::LOAD_ERROR_FORBIDDEN,
                &i18n::args([("status", (*status).into())]),
            )
        }
        LoadError::Server(status) if request::no_service_at(*status) => {
            return words.format(
                id::LOAD_FAILED_NOT_FOUND,
                &i18n::args([
                    ("what", words.text(message)().into()),
                    ("status", (*status).into()),
                ]),
            )
        }
        LoadError::Network => id::LOAD_FAILED_NETWORK,
        _ => id::LOAD_FAILED_SERVICE,
    };
    words.format(
        advice,
        &i18n::args([("what", words.text(message)().into())]),
    )
}

/// A refused sign-in is told to the page as a submit's is (`server`, with
/// the `status`), so that it can renew what it gave `setRequestHeaders`; so
/// is a sign-in whose role may not (403), and a backend address with no
/// support service, which its developer also reads of in the console.
/// Other failures are the user's to retry, and are not told.
pub fn tell_page(connection: Connection, host: Host, error: &LoadError) {
    if let LoadError::Server(status) = error {
        if request::no_service_at(*status) {
            connection.tell_no_service_at(*status);
        } else if !matches!(status, 401 | 403) {
            return;
        }
        host.emit(
            "error",
            &[
                ("code", "server".into()),
                ("message", error.to_string().into()),
                ("status", (*status).into()),
            ],
        );
    }
}
