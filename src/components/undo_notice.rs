//! "… was discarded" or "… is empty now", with Undo: the notice that lets
//! the user take back what a button just took away.

use leptos::prelude::*;

use crate::{context::use_widget, i18n::id};

/// Undo calls `on_undo`, then focus goes to the screen's heading.
#[component]
pub fn UndoNotice(
    #[prop(into)] text: Signal<String>,
    testid: &'static str,
    undo_testid: &'static str,
    on_undo: Callback<()>,
) -> impl IntoView {
    let widget = use_widget();
    view! {
        <div class="sw-notice" data-testid=testid>
            <p>{text}</p>
            <button
                type="button"
                class="sw-button sw-button-secondary"
                data-testid=undo_testid
                on:click=move |_| {
                    on_undo.run(());
                    widget.focus_when_drawn(".sw-heading");
                }
            >
                {widget.text(id::DRAFT_UNDO)}
            </button>
        </div>
    }
}
