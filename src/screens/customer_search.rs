use leptos::prelude::*;

use crate::{
    components::{BackButton, CustomerCombobox, ScreenHeading},
    context::use_widget,
    rules::{i18n::id, journey::Step},
};

/// Find the customer the request is for, with the search the journey keeps.
#[component]
pub fn CustomerSearch() -> impl IntoView {
    let widget = use_widget();
    let query = widget.customer_query;
    let on_pick = Callback::new(move |customer| widget.go(Step::PickCustomer(customer)));
    view! {
        <section class="sw-screen" data-testid="customer-search">
            <BackButton/>
            <ScreenHeading>{widget.text(id::CUSTOMER_SEARCH_HEADING)}</ScreenHeading>
            <EscalationCaption/>
            <CustomerCombobox query on_pick/>
        </section>
    }
}

/// Under the heading of the screens before the escalation guide: what the
/// partner set out to do, as home offered it.
#[component]
pub fn EscalationCaption() -> impl IntoView {
    let widget = use_widget();
    move || {
        widget.journey.with(|j| j.escalating).then(|| {
            view! { <p class="sw-hint" data-testid="escalation-caption">{widget.text(id::HOME_ESCALATE_TITLE)}</p> }
        })
    }
}
