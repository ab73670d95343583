use leptos::prelude::*;

use crate::{
    components::{BackButton, RequestForm, RequestFormState, ScreenHeading},
    context::{Navigation, Words},
};
use support_rules::{i18n::id, request_fields::RequestTarget};

/// The Partner Center request: the partner's own problem with the portal.
#[component]
pub fn PartnerCenterRequest(state: RequestFormState) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    state.show_in(nav.journey.with_untracked(|journey| journey.visit));
    view! {
        <section class="sw-screen" data-testid="partner-center-request">
            <BackButton/>
            // Once filed, the request is no longer new.
            <ScreenHeading>
                {move || words.text(if state.is_filed() { id::PC_HEADING_FILED } else { id::PC_HEADING })()}
            </ScreenHeading>
            <p class="sw-intro" hidden=move || state.is_filed()>{words.text(id::PC_INTRO)}</p>
            <RequestForm state target=RequestTarget::PartnerCenter/>
        </section>
    }
}
