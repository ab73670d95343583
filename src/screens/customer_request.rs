use leptos::prelude::*;

use crate::{
    components::{BackButton, RequestForm, RequestFormState, ScreenHeading},
    context::{Navigation, Words},
};
use support_rules::{
    drafts::DraftSubject, escalation, i18n::id, journey::Step, request_fields::RequestTarget,
};

/// The service request on behalf of a customer, with the customer, the
/// service and the escalation reason the guide decided shown at the top.
#[component]
pub fn CustomerRequest(state: RequestFormState) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let context = nav.journey.with_untracked(|journey| journey.context());
    let subject = nav.journey.with_untracked(|journey| {
        Some(DraftSubject {
            customer: journey.customer.clone()?,
            service: journey.service.clone()?,
            escalation: context.as_ref()?.escalation.clone(),
            related_request: journey.escalating.as_ref().map(|from| from.id.clone()),
        })
    });
    state.show_in(nav.journey.with_untracked(|journey| journey.visit));
    if let Some(subject) = subject {
        state.show_for(subject);
    }
    if let Some(from) = nav
        .journey
        .with_untracked(|journey| journey.escalating.clone())
    {
        state.carry_over(&from);
    }
    view! {
        <section class="sw-screen" data-testid="customer-request">
            // Once the request is filed, Back skips its self-help or guide,
            // which can change nothing of it (`Step::BackFromFiled`). Back
            // into the guide undoes its decision, and the draft's with it: a
            // draft resumed later is escalated only if the guide decides again.
            <BackButton on_back=Callback::new(move |()| {
                if state.is_filed() {
                    nav.go(Step::BackFromFiled);
                } else {
                    state.forget_decision();
                    nav.go(Step::Back);
                }
            })/>
            // Once filed, the request is no longer new.
            <ScreenHeading>
                {move || words.text(if state.is_filed() { id::CR_HEADING_FILED } else { id::CR_HEADING })()}
            </ScreenHeading>
            <p class="sw-intro" hidden=move || state.is_filed()>{words.text(id::CR_INTRO)}</p>
            {context.map(|context| {
                let reason = context
                    .escalation
                    .as_ref()
                    .and_then(|escalation| escalation::reason_label_of(&escalation.reason));
                view! {
                    <dl class="sw-context" data-testid="request-context">
                        <div>
                            <dt>{words.text(id::CR_CUSTOMER_LABEL)}</dt>
                            <dd>{context.customer.name.clone()}</dd>
                        </div>
                        <div>
                            <dt>{words.text(id::CR_SERVICE_LABEL)}</dt>
                            <dd>{context.service.name.clone()}</dd>
                        </div>
                        {reason.map(|reason| view! {
                            <div>
                                <dt>{words.text(id::CR_ESCALATION_LABEL)}</dt>
                                <dd data-testid="request-escalation">{words.text(reason)}</dd>
                            </div>
                        })}
                    </dl>
                    <RequestForm state target=RequestTarget::Customer(context)/>
                }
            })}
        </section>
    }
}
