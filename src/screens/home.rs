use leptos::prelude::*;

use crate::{
    api,
    components::{tell_page, FiledRequestsLink, RequestFormState, ScreenHeading},
    context::{Connection, Host, Navigation, Words},
    live::Live,
    loaded::Loaded,
};
use support_rules::{
    i18n::{self, id, MessageId},
    journey::Step,
};

/// What the partner needs help with: the choice of flows, and the requests
/// left unsent: the customer request to go back to, and the Partner Center
/// request marked as a draft.
#[component]
pub fn Home(partner_center: RequestFormState, customer_request: RequestFormState) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let host = expect_context::<Host>();
    let resume = move || {
        customer_request.resumable().map(|subject| {
            let text = words.format(id::HOME_RESUME, &subject.message_args());
            let step = Step::ResumeCustomerRequest(subject);
            view! {
                <p>
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="resume-customer-request"
                        on:click=move |_| nav.go(step.clone())
                    >
                        {text}
                    </button>
                </p>
            }
        })
    };
    // How many of the customers' messages are open: one longest page
    // counts them, and says "50+" when there are more. Nothing while, or
    // if, the count cannot be had; the page hears why as of any lookup, so
    // that a backend address with no support service shows in the console
    // as the widget loads, not once a user opens a flow.
    let live = expect_context::<Live>();
    let open = Loaded::new(move |abort| {
        // Read again when a change is heard live.
        live.heard.track();
        connection.session.track();
        let backend = connection.backend.get();
        let transport = connection.transport_aborted_by(abort);
        async move {
            let page = api::customer_messages(backend?, true, None, true, transport).await;
            Some(page.map(|page| (page.requests.len(), page.next.is_some())))
        }
    });
    Effect::new(move |_| {
        if let Some(Some(Err(error))) = open.get() {
            tell_page(connection, host, &error);
        }
    });
    let open_count = move || {
        let (count, more) = open.get().flatten()?.ok()?;
        let count = if more {
            format!("{count}+")
        } else {
            count.to_string()
        };
        Some(words.format(id::HOME_INBOX_OPEN, &i18n::args([("count", count.into())])))
    };
    // `draft`: the form the flow opens, marked while it holds an unsent
    // request, or one waiting to be sent again.
    let choice = move |step: Step,
                       title: MessageId,
                       text: MessageId,
                       testid: &'static str,
                       draft: Option<RequestFormState>| {
        let mark = move || draft.and_then(|form| form.mark());
        view! {
            <li>
                <button
                    type="button"
                    class="sw-choice"
                    data-testid=testid
                    on:click=move |_| nav.go(step.clone())
                >
                    <span class="sw-choice-title">{words.text(title)}</span>
                    <span class="sw-choice-text">{words.text(text)}</span>
                    {move || mark().map(|(text, testid)| view! {
                        <span class="sw-badge" data-testid=testid>{words.text(text)}</span>
                    })}
                </button>
            </li>
        }
    };
    view! {
        <section class="sw-screen" data-testid="home">
            <ScreenHeading>{words.text(id::HOME_HEADING)}</ScreenHeading>
            {resume}
            <ul class="sw-choices">
                {choice(
                    Step::OpenPartnerCenterRequest,
                    id::HOME_PARTNER_CENTER_TITLE,
                    id::HOME_PARTNER_CENTER_TEXT,
                    "open-partner-center-request",
                    Some(partner_center),
                )}
                {choice(
                    Step::OpenCustomerRequest,
                    id::HOME_CUSTOMER_TITLE,
                    id::HOME_CUSTOMER_TEXT,
                    "open-customer-request",
                    None,
                )}
                <li>
                    <button
                        type="button"
                        class="sw-choice"
                        data-testid="open-inbox"
                        on:click=move |_| nav.go(Step::OpenInbox)
                    >
                        <span class="sw-choice-title">{words.text(id::HOME_INBOX_TITLE)}</span>
                        <span class="sw-choice-text">{words.text(id::HOME_INBOX_TEXT)}</span>
                        {move || open_count().map(|count| view! {
                            <span class="sw-badge" data-testid="inbox-open-count">{count}</span>
                        })}
                    </button>
                </li>
            </ul>
            <FiledRequestsLink label=id::HOME_FILED/>
            // A complementary landmark, named by its heading.
            <aside class="sw-note" data-testid="escalation-note" aria-labelledby="sw-escalation-note-title">
                <h3 class="sw-note-title" id="sw-escalation-note-title">{words.text(id::HOME_ESCALATION_TITLE)}</h3>
                <p>{words.text(id::HOME_ESCALATION_TEXT)}</p>
            </aside>
        </section>
    }
}
