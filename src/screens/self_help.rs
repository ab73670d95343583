use leptos::prelude::*;

use crate::{
    components::{AdminCenterLink, BackButton, BackToMessage, ScreenHeading},
    context::{Navigation, Words},
};
use support_rules::{
    i18n::{self, id},
    journey::Step,
};

/// Self-help first (seeds 001 and 004): the customer's admin center for the
/// service may solve the problem without a request.
#[component]
pub fn SelfHelp() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let names = move || {
        nav.journey.with(|j| {
            let customer = j
                .customer
                .as_ref()
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let service = j
                .service
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default();
            (customer, service)
        })
    };
    let text = move || {
        let (customer, service) = names();
        words.format(
            id::SELF_HELP_TEXT,
            &i18n::args([("customer", customer.into()), ("service", service.into())]),
        )
    };
    view! {
        <section class="sw-screen" data-testid="self-help">
            <BackButton/>
            <ScreenHeading>{words.text(id::SELF_HELP_HEADING)}</ScreenHeading>
            <p>{text}</p>
            <AdminCenterLink/>
            <fieldset class="sw-fieldset">
                <legend class="sw-legend">{words.text(id::SELF_HELP_QUESTION)}</legend>
                <div class="sw-actions">
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="solved"
                        on:click=move |_| nav.go(Step::Solved)
                    >
                        {words.text(id::SELF_HELP_SOLVED)}
                    </button>
                    <button
                        type="button"
                        class="sw-button sw-button-primary"
                        data-testid="still-needs-help"
                        on:click=move |_| nav.go(Step::StillNeedsHelp)
                    >
                        {words.text(id::SELF_HELP_STILL_NEEDS_HELP)}
                    </button>
                </div>
            </fieldset>
        </section>
    }
}

/// The friendly close when the admin center solved it: nothing was sent.
#[component]
pub fn Solved() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    view! {
        <section class="sw-screen" data-testid="solved">
            <BackButton/>
            <ScreenHeading>{words.text(id::SOLVED_HEADING)}</ScreenHeading>
            <p>{words.text(id::SOLVED_TEXT)}</p>
            {if nav.journey.with_untracked(|j| j.escalating.is_some()) {
                view! { <BackToMessage/> }.into_any()
            } else {
                view! {
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="start-again"
                        on:click=move |_| nav.go(Step::Home)
                    >
                        {words.text(id::NAV_START_AGAIN)}
                    </button>
                }
                .into_any()
            }}
        </section>
    }
}
