use leptos::prelude::*;

use crate::{
    context::use_widget,
    rules::{i18n::id, journey::Step},
};

/// A screen's heading. After the user moves to a new screen it takes focus,
/// which tells screen-reader users the step changed and puts keyboard users
/// at its top.
#[component]
pub fn ScreenHeading(children: Children) -> impl IntoView {
    let widget = use_widget();
    if widget.navigated.get_untracked() {
        widget.focus_when_drawn("h2.sw-heading");
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
    let widget = use_widget();
    let back = move |_| match on_back {
        Some(on_back) => on_back.run(()),
        None => widget.go(Step::Back),
    };
    view! {
        <button
            type="button"
            class="sw-back"
            data-testid="back"
            on:click=back
        >
            <span aria-hidden="true">"← "</span>
            {widget.text(id::NAV_BACK)}
        </button>
    }
}

/// Back from an escalation to the customer's message it started from.
#[component]
pub fn BackToMessage() -> impl IntoView {
    let widget = use_widget();
    view! {
        <button
            type="button"
            class="sw-button sw-button-secondary"
            data-testid="back-to-message"
            on:click=move |_| widget.go(Step::BackToMessage)
        >
            {widget.text(id::ESCALATION_BACK_TO_MESSAGE)}
        </button>
    }
}
