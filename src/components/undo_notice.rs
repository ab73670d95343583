//! "… was discarded" or "… is empty now", with Undo: the notice that lets
//! the user take back what a button just took away.

use leptos::prelude::*;

use crate::context::{Host, Words};
use support_rules::i18n::id;

/// Undo calls `on_undo`, then focus goes to the screen's heading. `testid`
/// also names the text's id (`sw-{testid}`), unique in the widget.
#[component]
pub fn UndoNotice(
    #[prop(into)] text: Signal<String>,
    testid: &'static str,
    undo_testid: &'static str,
    on_undo: Callback<()>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    // Undo, which takes focus, is described by what it undoes: a notice
    // drawn with its screen is in no live region that was there before it,
    // and so may not be announced.
    let text_id = format!("sw-{testid}");
    view! {
        <div class="sw-notice" data-testid=testid>
            <p id=text_id.clone()>{text}</p>
            <button
                type="button"
                class="sw-button sw-button-secondary"
                aria-describedby=text_id
                data-testid=undo_testid
                on:click=move |_| {
                    on_undo.run(());
                    host.focus_when_drawn(".sw-heading");
                }
            >
                {words.text(id::DRAFT_UNDO)}
            </button>
        </div>
    }
}
