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
            <CustomerCombobox query on_pick/>
        </section>
    }
}
