use leptos::prelude::*;

use crate::context::{Host, Navigation, Words};
use support_rules::{i18n::id, journey::Step};

/// A screen's heading. After the user moves to a new screen it takes focus,
/// which tells screen-reader users the step changed and puts keyboard users
/// at its top.
#[component]
pub fn ScreenHeading(children: Children) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let host = expect_context::<Host>();
    if nav.navigated.get_untracked() {
        host.focus_when_drawn("h2.sw-heading");
    }
    view! {
        <h2 class="sw-heading" tabindex="-1">
            {children()}
        </h2>
    }
}

/// Goes one screen back; everything typed or chosen stays.
#[component]
pub fn BackButton(
    /// Where "Back" leads, when not one step back in the partner's journey.
    #[prop(optional)]
    on_back: Option<Callback<()>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let back = move |_| match on_back {
        Some(on_back) => on_back.run(()),
        None => nav.go(Step::Back),
    };
    view! {
        <button
            type="button"
            class="sw-back"
            data-testid="back"
            on:click=back
        >
            <span aria-hidden="true">"← "</span>
            {words.text(id::NAV_BACK)}
        </button>
    }
}

/// Back from an escalation to the customer's message it started from.
#[component]
pub fn BackToMessage() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    view! {
        <button
            type="button"
            class="sw-button sw-button-secondary"
            data-testid="back-to-message"
            on:click=move |_| nav.go(Step::BackToMessage)
        >
            {words.text(id::ESCALATION_BACK_TO_MESSAGE)}
        </button>
    }
}
