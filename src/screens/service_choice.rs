use leptos::prelude::*;

use crate::{
    components::{BackButton, LoadFailure, ScreenHeading},
    context::{Connection, Navigation, Words},
};
use support_rules::{
    i18n::{self, id},
    journey::Step,
};

/// Which service the customer needs help with.
#[component]
pub fn ServiceChoice() -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let services = crate::services::services(connection);
    let customer_name = move || {
        nav.journey
            .with(|j| j.customer.as_ref().map(|c| c.name.clone()))
    };
    let heading = move || {
        let name = customer_name().unwrap_or_default();
        words.format(
            id::SERVICE_HEADING,
            &i18n::args([("customer", name.into())]),
        )
    };
    // The service chosen before (when coming back) is marked as the current
    // one; before any choice, the one the page suggested with prefill says
    // so in words.
    let chosen = move || {
        nav.journey
            .with(|j| j.service.as_ref().map(|s| s.id.clone()))
    };
    let suggested = move || match chosen() {
        Some(_) => None,
        None => nav.suggested_service.get(),
    };

    // A suggested service the backend does not list is the page's mistake,
    // which the user cannot put right: the list simply marks none, and the
    // page's developer reads why in the console.
    Effect::new(move |_| {
        let Some(suggested) = nav.suggested_service.get() else {
            return;
        };
        let listed = services.with(|services| match services {
            Some(Ok(list)) => list.iter().any(|service| service.id == suggested),
            _ => true,
        });
        if !listed {
            let message = format!(
                "<support-widget>: prefill: the backend lists no service \"{suggested}\", so none is suggested"
            );
            web_sys::console::warn_1(&message.into());
        }
    });

    view! {
        <section class="sw-screen" data-testid="service-choice">
            <BackButton/>
            <ScreenHeading>{heading}</ScreenHeading>
            {move || match services.get() {
                None => view! { <p role="status">{words.text(id::SERVICE_LOADING)}</p> }.into_any(),
                Some(Err(error)) => view! { <LoadFailure message=id::SERVICE_FAILED error on_retry=Callback::new(move |()| services.reload())/> }
                .into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p role="alert">{words.text(id::SERVICE_EMPTY)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="sw-choices">
                        {list
                            .into_iter()
                            .map(|service| {
                                let was_chosen = chosen().as_deref() == Some(service.id.as_str());
                                let suggested = suggested().as_deref() == Some(service.id.as_str());
                                let name = service.name.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="sw-choice"
                                            data-testid="service-option"
                                            aria-current=was_chosen.then_some("true")
                                            on:click=move |_| nav.go(Step::PickService(service.clone()))
                                        >
                                            <span class="sw-choice-title">{name}</span>
                                            {suggested.then(|| view! {
                                                <span class="sw-badge" data-testid="service-suggested">{words.text(id::SERVICE_SUGGESTED)}</span>
                                            })}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}
