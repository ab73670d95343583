use leptos::prelude::*;
use support_contract::CreatedRequest;

use crate::{
    components::{BackToMessage, CloseTheLoop, CurrentStatus},
    context::{FiledRequests, Host, Navigation, Words},
};
use support_rules::{
    i18n,
    i18n::{id, MessageId},
    journey::Step,
};

/// The reference's element, which describes the confirmation's heading
/// (one form is shown at a time in a widget's shadow root).
const REFERENCE_ID: &str = "sw-confirmation-reference";

/// What the user sees once the backend has stored the request: its
/// reference and status, who gets in touch next, for a visitor whose
/// address the backend mailed a link to confirm, where to read the replies
/// meanwhile, and for a request on behalf of a customer the reminder to
/// close the loop with the customer.
#[component]
pub fn Confirmation(
    created: CreatedRequest,
    /// Who will get in touch: the support representative, or the partner.
    next: MessageId,
    /// Filed on behalf of a customer (with or without the escalation guide).
    for_customer: bool,
    on_new_request: Callback<()>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    let host = expect_context::<Host>();
    // Moving focus to the new step's heading tells screen-reader users that
    // the step changed, and puts keyboard users at its top.
    host.focus_when_drawn_unless_away(".sw-confirmation .sw-heading");
    let request_id = created.id.clone();
    let escalating = nav.journey.with_untracked(|j| j.escalating.is_some());
    // As filed, until the user has seen a newer status (its status screen).
    let status = {
        let (id, filed_as) = (created.id.clone(), created.status);
        Signal::derive(move || filed.status_seen(&id).unwrap_or(filed_as))
    };
    // The reference in an element of its own, without the isolation marks
    // a formatted message puts around it: copied, it is the reference alone.
    let around = Memo::new(move |_| {
        i18n::format_around(
            words.locale.get(),
            id::CONFIRM_REFERENCE,
            i18n::Args::default(),
            "reference",
        )
    });
    view! {
        <section class="sw-confirmation" data-testid="confirmation" data-request-id=created.id.clone()>
            // Under the screen's own heading, which names the request. The
            // heading takes focus, and describes itself by the reference, so
            // that screen readers say it too.
            <h3 class="sw-heading" tabindex="-1" aria-describedby=REFERENCE_ID>
                {words.text(id::CONFIRM_HEADING)}
            </h3>
            <p
                class="sw-reference"
                id=REFERENCE_ID
                data-testid="reference"
                data-reference=created.reference.clone()
            >
                {move || around.with(|(before, _)| before.clone())}
                <bdi class="sw-reference-id">{created.reference.clone()}</bdi>
                {move || around.with(|(_, after)| after.clone())}
            </p>
            <CurrentStatus status=status testid="confirm-status"/>
            <p>{words.text(next)}</p>
            // A visitor's typed address hears nothing of the request until
            // they confirm it: meanwhile the replies are read here.
            {created.confirmation_mailed.then(|| view! {
                <p data-testid="address-link-sent">{words.text(id::CONFIRM_ADDRESS_LINK_SENT)}</p>
            })}
            {for_customer.then(|| view! { <CloseTheLoop strong=false/> })}
            <div class="sw-actions">
                <button
                    type="button"
                    class="sw-button sw-button-primary"
                    data-testid="view-status"
                    on:click=move |_| nav.go(Step::ViewStatus(request_id.clone()))
                >
                    {words.text(id::CONFIRM_VIEW_STATUS)}
                </button>
                // An escalation of a customer's message leads back to it.
                {escalating.then(|| view! { <BackToMessage/> })}
                <button type="button" class="sw-button sw-button-secondary" on:click=move |_| on_new_request.run(())>
                    {words.text(id::CONFIRM_NEW_REQUEST)}
                </button>
            </div>
        </section>
    }
}
