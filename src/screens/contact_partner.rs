use leptos::prelude::*;

use crate::{
    components::{offered, BackButton, RequestForm, RequestFormState, ScreenHeading},
    context::{Connection, Navigation, Words},
};
use support_rules::{help_journey::HelpStep, i18n::id, request_fields::RequestTarget};

/// The message to the partner, with the articles the customer looked at.
#[component]
pub fn ContactPartner(state: RequestFormState) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    // The articles the message names, in the order seen.
    let seen = Memo::new(move |_| nav.help.with(|help| help.articles_seen.clone()));
    // Loaded for the screen, and again after the backend refused the service
    // chosen: the form's select shows them, and the target sends a chosen
    // service only if it is one of them.
    let refused = state.services_refused();
    // Read, not only tracked: a memo never read computes nothing.
    let services = crate::services::services_when(connection, move || {
        _ = refused.get();
        true
    });
    let target = Signal::derive(move || RequestTarget::ContactPartner {
        articles_seen: seen.with(|seen| seen.iter().map(|article| article.id.clone()).collect()),
        services_offered: offered(services)
            .map(|services| services.into_iter().map(|service| service.id).collect())
            .unwrap_or_default(),
    });
    state.show_in(nav.help.with_untracked(|help| help.visit));
    view! {
        <section class="sw-screen" data-testid="contact-partner">
            <BackButton on_back=Callback::new(move |()| nav.go_help(HelpStep::Back))/>
            <ScreenHeading>{words.text(id::CONTACT_HEADING)}</ScreenHeading>
            <p class="sw-intro" hidden=move || state.is_filed()>
                // Only articles a search showed are named to the partner.
                {move || {
                    let intro = if seen.with(Vec::is_empty) { id::CONTACT_INTRO_NO_ARTICLES } else { id::CONTACT_INTRO_SEEN };
                    words.text(intro)()
                }}
            </p>
            {move || {
                // Once sent, the confirmation says what comes next instead.
                let seen = seen.get();
                (!seen.is_empty() && !state.is_filed()).then(|| view! {
                    <div class="sw-note" data-testid="articles-seen">
                        <h3 class="sw-note-title">{words.text(id::CONTACT_SEEN_HEADING)}</h3>
                        <ul>{seen.into_iter().map(|article| view! { <li>{article.title}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <RequestForm state target services/>
        </section>
    }
}
