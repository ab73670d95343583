//! "Hide", under a notice the user may put away: the filed-away notice, and
//! the form's notices of its draft. The widget's other buttons that look
//! like links (`sw-button-link`: a file's download, a file's removal, "My
//! requests") each do a thing of their own with attributes of their own
//! (`aria-label`, `aria-disabled`); what they share is the class, in
//! `style/widget.css`, and they stay plain buttons.

use leptos::prelude::*;

use crate::context::{Host, Words};
use support_rules::i18n::id;

/// Runs `hide`, which puts the notice away, then hands the focus to the
/// screen's heading, as the button that had it goes with the notice.
#[component]
pub fn HideButton(
    #[prop(optional)] testid: Option<&'static str>,
    hide: impl Fn() + 'static,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    view! {
        <button
            type="button"
            class="sw-button sw-button-link"
            data-testid=testid
            on:click=move |_| {
                hide();
                host.focus_when_drawn(".sw-heading");
            }
        >
            {words.text(id::NOTICE_HIDE)}
        </button>
    }
}
