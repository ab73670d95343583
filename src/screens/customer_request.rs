use leptos::prelude::*;

use crate::{
    components::{BackButton, RequestForm, RequestFormState, ScreenHeading},
    context::use_widget,
    i18n::id,
};

/// The service request on behalf of a customer, with the customer and the
/// service chosen before shown at the top.
#[component]
pub fn CustomerRequest(state: RequestFormState) -> impl IntoView {
    let widget = use_widget();
    let context = widget.journey.with_untracked(|journey| journey.context());
    view! {
        <section class="sw-screen" data-testid="customer-request">
            <BackButton/>
            <ScreenHeading>{widget.text(id::CR_HEADING)}</ScreenHeading>
            <p class="sw-intro">{widget.text(id::CR_INTRO)}</p>
            {context.map(|context| {
                view! {
                    <dl class="sw-context" data-testid="request-context">
                        <div>
                            <dt>{widget.text(id::CR_CUSTOMER_LABEL)}</dt>
                            <dd>{context.customer.name.clone()}</dd>
                        </div>
                        <div>
                            <dt>{widget.text(id::CR_SERVICE_LABEL)}</dt>
                            <dd>{context.service.name.clone()}</dd>
                        </div>
                    </dl>
                    <RequestForm state context/>
                }
            })}
        </section>
    }
}
