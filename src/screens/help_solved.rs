use leptos::prelude::*;

use super::ArticleSearch;
use crate::{
    components::{BackButton, ScreenHeading},
    context::{Navigation, Words},
};
use support_rules::{help_journey::HelpStep, i18n::id};

/// The friendly close when self-service solved it: nothing was sent. "Back
/// to start" starts the journey again, without the last search.
#[component]
pub fn SelfServiceSolved(search: ArticleSearch) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let start_again = move |_| {
        search.clear();
        nav.go_help(HelpStep::StartAgain);
    };
    view! {
        <section class="sw-screen" data-testid="help-solved-screen">
            <BackButton on_back=Callback::new(move |()| nav.go_help(HelpStep::Back))/>
            <ScreenHeading>{words.text(id::HELP_SOLVED_HEADING)}</ScreenHeading>
            <p>{words.text(id::HELP_SOLVED_TEXT)}</p>
            <button type="button" class="sw-button sw-button-secondary" data-testid="start-again" on:click=start_again>
                {words.text(id::NAV_START_AGAIN)}
            </button>
        </section>
    }
}
