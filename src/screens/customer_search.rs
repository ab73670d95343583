use leptos::prelude::*;

use crate::{
    components::{BackButton, CustomerCombobox, ScreenHeading},
    context::{Navigation, Words},
};
use support_rules::{i18n::id, journey::Step};

/// Find the customer the request is for, with the search the journey keeps.
#[component]
pub fn CustomerSearch() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let query = nav.customer_query;
    let on_pick = Callback::new(move |customer| nav.go(Step::PickCustomer(customer)));
    view! {
        <section class="sw-screen" data-testid="customer-search">
            <BackButton/>
            <ScreenHeading>{words.text(id::CUSTOMER_SEARCH_HEADING)}</ScreenHeading>
            <CustomerCombobox query on_pick/>
        </section>
    }
}
