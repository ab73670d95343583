use leptos::prelude::*;

use crate::{
    context::use_widget,
    i18n::{id, MessageId},
};

/// A lookup that failed: what could not be loaded, and "Try again".
#[component]
pub fn LoadFailure(
    /// The message saying what failed.
    message: MessageId,
    on_retry: Callback<()>,
    /// What takes focus when "Try again" goes with the notice (the screen's
    /// heading unless told), so that focus stays in the widget.
    #[prop(default = "h2.sw-heading")]
    focus: &'static str,
) -> impl IntoView {
    let widget = use_widget();
    let retry = move |_| {
        widget.focus_when_drawn(focus);
        on_retry.run(());
    };
    view! {
        <div class="sw-submit-error" role="alert">
            <p>{widget.text(message)}</p>
            <button type="button" class="sw-button sw-button-secondary" on:click=retry>
                {widget.text(id::LOAD_RETRY)}
            </button>
        </div>
    }
}
