//! What partner staff do with a customer's message: mark it resolved, or
//! escalate it to 21Vianet on the customer's behalf.

use leptos::prelude::*;
use support_contract::{Customer, Service, StoredRequest};

use super::status_change::{failure_since_drawn, MarkResolved};
use crate::{
    context::{Host, Navigation, Words},
    loaded::Loaded,
};
use support_rules::{
    i18n::id,
    journey::{Escalating, Step},
    request::LoadError,
    thread,
};

/// Mark it resolved once answered (`mark_resolved`, the screen's; asked
/// first while the customer waits for an answer), or
/// escalate it (the one path, with the customer, service, words and files
/// of the message carried over).
#[component]
pub(super) fn MessageActions(
    stored: StoredRequest,
    services: Loaded<Result<Vec<Service>, LoadError>>,
    mark_resolved: MarkResolved,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let marking = mark_resolved.pending();
    let failure = failure_since_drawn(mark_resolved, words);
    let host = expect_context::<Host>();
    let escalated = stored.escalated_as.is_some();
    // Marked resolved while the customer's last words have no answer, the
    // customer would hear nothing more: the partner is asked first.
    let waits = thread::customer_waits(&stored.replies);
    let asking = RwSignal::new(false);
    let mark = move || {
        // A second click while it is on its way marks once.
        if !marking.get_untracked() {
            asking.set(false);
            mark_resolved.dispatch_local(());
        }
    };
    let open = !stored.status.is_finished();
    let request = stored.request;
    let service_id = request.service.clone();
    let customer = request.customer.map(|customer| Customer {
        id: customer.id,
        name: customer.name,
        domain: String::new(),
    });
    let message = Escalating {
        id: stored.id,
        title: request.title,
        description: request.description,
        attachments: stored.attachments,
        entry: None,
    };
    let escalate = move |_| {
        if marking.get_untracked() {
            return;
        }
        // The service as the catalogue names it, when it still has it.
        let service = match (&service_id, services.get()) {
            (Some(id), Some(Ok(services))) => services.into_iter().find(|s| &s.id == id),
            _ => None,
        };
        nav.go(Step::Escalate {
            message: message.clone(),
            customer: customer.clone(),
            service,
        });
    };
    view! {
        <div class="sw-actions" data-testid="message-actions">
            {(!escalated).then(|| view! {
                <button
                    type="button"
                    class="sw-button sw-button-primary"
                    aria-disabled=move || marking.get().to_string()
                    data-testid="message-escalate"
                    on:click=escalate
                >
                    {words.text(id::STATUS_ESCALATE)}
                </button>
            })}
            {open.then(|| view! {
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    aria-disabled=move || marking.get().to_string()
                    data-testid="message-mark-resolved"
                    aria-expanded=move || waits.then(|| asking.get().to_string())
                    on:click=move |_| match waits {
                        true => asking.set(true),
                        false => mark(),
                    }
                >
                    {move || words.text(if marking.get() { id::STATUS_MARKING_RESOLVED } else { id::STATUS_MARK_RESOLVED })()}
                </button>
            })}
        </div>
        <Show when=move || asking.get()>
            <div class="sw-ask" role="group" data-testid="mark-resolved-ask">
                <p>{words.text(id::STATUS_MARK_RESOLVED_ASK)}</p>
                <div class="sw-actions">
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="mark-resolved-confirm"
                        on:click=move |_| mark()
                    >
                        {words.text(id::STATUS_MARK_RESOLVED_CONFIRM)}
                    </button>
                    <button
                        type="button"
                        class="sw-button sw-button-primary"
                        data-testid="mark-resolved-reply-first"
                        on:click=move |_| {
                            asking.set(false);
                            host.focus_when_drawn("#sw-reply");
                        }
                    >
                        {words.text(id::STATUS_MARK_RESOLVED_REPLY_FIRST)}
                    </button>
                </div>
            </div>
        </Show>
        <p class="sw-field-error" role="alert" data-testid="message-failure">{failure}</p>
    }
}
