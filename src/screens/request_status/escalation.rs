//! How a customer's message and its escalation to 21Vianet lead to each
//! other: the note on each that opens the other, and, once 21Vianet has
//! resolved the escalation, the way back to close the loop.

use leptos::prelude::*;
use support_contract::EscalatedAs;

use crate::{
    api,
    context::{Connection, FiledRequests, Navigation, Words},
    live::Live,
    loaded::Loaded,
};
use support_rules::{
    i18n::{self, id},
    journey::Step,
};

/// On a request that became an escalation: which one, with the way to it
/// for partner staff, who read 21Vianet's side there; a customer cannot open
/// it, and reads here only that it was escalated and whether it is resolved.
#[component]
pub(super) fn EscalatedAsNote(escalation: EscalatedAs, partner: bool) -> impl IntoView {
    let words = expect_context::<Words>();
    // Partner staff read the resolution on the escalation, and in the box
    // that closes the loop; a customer reads that it was escalated, and
    // resolved, without the reference, which is of no use to them.
    let text = match (partner, escalation.status.is_finished()) {
        (true, _) => words.format(
            id::STATUS_ESCALATED_AS,
            &i18n::args([("reference", escalation.reference.into())]),
        ),
        (false, false) => words.text(id::STATUS_ESCALATED_BY_PARTNER)(),
        (false, true) => words.text(id::STATUS_ESCALATED_BY_PARTNER_RESOLVED)(),
    };
    let opens = partner.then(|| Opens {
        request_id: escalation.id,
        label: words.text(id::STATUS_OPEN_ESCALATION)(),
        testid: "open-escalation",
    });
    view! { <LinkedNote text testid="status-escalated-as" opens/> }
}

/// On an escalation that began as a customer's message (`request_id`): the
/// way back to it; once the escalation is `resolved`, the way to close the
/// loop there.
#[component]
pub(super) fn FromMessage(
    request_id: String,
    reference: String,
    customer: String,
    resolved: bool,
) -> impl IntoView {
    let words = expect_context::<Words>();
    if resolved {
        return view! { <LoopToClose request_id reference customer/> }.into_any();
    }
    let customer = i18n::args([("customer", customer.into())]);
    let text = words.format(id::STATUS_FROM_MESSAGE, &customer);
    let label = words.text(id::STATUS_OPEN_MESSAGE)();
    let opens = Some(Opens {
        request_id,
        label,
        testid: "open-message",
    });
    view! { <LinkedNote text testid="escalated-from" opens/> }.into_any()
}

/// Where a note's button leads: the request it opens, the button's label
/// and its test id.
struct Opens {
    request_id: String,
    label: String,
    testid: &'static str,
}

/// A note on one request that leads to another: the escalation a customer's
/// request became, or the customer's request an escalation began as (once
/// 21Vianet resolved it, `strong`: the way to close the loop). Without
/// `opens`, for a reader who may not open the other request, it only tells.
#[component]
fn LinkedNote(
    text: String,
    testid: &'static str,
    #[prop(optional)] strong: bool,
    opens: Option<Opens>,
) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let button_class = match strong {
        true => "sw-button sw-button-primary",
        false => "sw-button sw-button-secondary",
    };
    view! {
        <div class="sw-note" class:sw-note-strong=strong data-testid=testid>
            <p>{text}</p>
            {opens.map(|Opens { request_id, label, testid }| view! {
                <button
                    type="button"
                    class=button_class
                    data-testid=testid
                    on:click=move |_| nav.go(Step::ViewStatus(request_id.clone()))
                >
                    {label}
                </button>
            })}
        </div>
    }
}

/// On an escalation of a customer's message (`request_id`) that 21Vianet
/// resolved: "Close the loop with CUSTOMER", which opens the message; or,
/// once the message is resolved too, that it is, with the way to it.
/// Nothing while the message's status is on its way, rather than a way to
/// close the loop that may go at once; if it cannot be had, the way to
/// close the loop.
#[component]
fn LoopToClose(request_id: String, reference: String, customer: String) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let filed = expect_context::<FiledRequests>();
    let message_id = request_id.clone();
    let live = expect_context::<Live>();
    let message_resolved = Loaded::new(move |abort| {
        // Read again when a change is heard live.
        live.heard.track();
        let backend = connection.backend.get();
        let transport = connection.transport_aborted_by(abort);
        let message_id = message_id.clone();
        async move {
            let asked_at = js_sys::Date::now();
            let stored = api::request_status(backend?, message_id, transport).await;
            if let Ok(stored) = &stored {
                filed.saw_request(stored, asked_at);
            }
            Some(stored.is_ok_and(|stored| stored.status.is_finished()))
        }
    });
    let reference = i18n::args([("reference", reference.into())]);
    let customer = i18n::args([("customer", customer.into())]);
    move || {
        let known = message_resolved.get()?;
        let request_id = request_id.clone();
        Some(if known == Some(true) {
            let text = words.format(id::STATUS_LOOP_CLOSED, &reference);
            let label = words.text(id::STATUS_OPEN_MESSAGE)();
            let opens = Some(Opens {
                request_id,
                label,
                testid: "open-message",
            });
            view! { <LinkedNote text testid="loop-closed" opens/> }.into_any()
        } else {
            let text = words.format(id::STATUS_ESCALATION_RESOLVED, &reference);
            let label = words.format(id::STATUS_CLOSE_LOOP_HEADING, &customer);
            let opens = Some(Opens {
                request_id,
                label,
                testid: "close-loop-open",
            });
            view! { <LinkedNote text testid="escalation-resolved" strong=true opens/> }.into_any()
        })
    }
}
