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
) -> impl IntoView {
    let widget = use_widget();
    view! {
        <div class="sw-submit-error" role="alert">
            <p>{widget.text(message)}</p>
            <button type="button" class="sw-button sw-button-secondary" on:click=move |_| on_retry.run(())>
                {widget.text(id::LOAD_RETRY)}
            </button>
        </div>
    }
}
