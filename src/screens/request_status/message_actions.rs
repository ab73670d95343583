//! What partner staff do with a customer's message: mark it resolved, or
//! escalate it to 21Vianet on the customer's behalf.

use leptos::prelude::*;
use support_contract::{Customer, RequestStatus as Status, Service, StoredRequest};

use super::is_resolved;
use crate::{
    api,
    components::{failure_message, new_key, Posted},
    context::use_widget,
    effects::effect,
    loaded::Loaded,
    rules::{
        i18n::id,
        journey::{Escalating, Step},
        request::LoadError,
    },
};

/// What partner staff do with a customer's message: mark it resolved once
/// answered, or escalate it to 21Vianet on the customer's behalf (the one
/// path, with the customer, service, words and files of the message
/// carried over).
#[component]
pub(super) fn MessageActions(
    stored: StoredRequest,
    services: Loaded<Result<Vec<Service>, LoadError>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let widget = use_widget();
    let request_id = StoredValue::new(stored.id.clone());
    // One change, however often it is tried: a retry after a lost answer
    // is not a second change.
    let key = StoredValue::new(new_key());
    let mark_resolved = Action::new_local(move |(): &()| {
        let backend = widget.backend.get_untracked();
        let transport = widget.transport();
        let (request_id, key) = (request_id.get_value(), key.get_value());
        async move {
            Some(api::set_status(backend?, request_id, Status::Resolved, key, transport).await)
        }
    });
    let (marking, answer) = (mark_resolved.pending(), mark_resolved.value());
    // Once the backend has stored it, the button goes with the open status:
    // focus goes to the screen's heading, and the screen reads the request
    // again, announcing its new status.
    effect(move |_| {
        if answer.with(|answer| matches!(answer, Some(Some(Ok(_))))) {
            widget.focus_when_drawn("h2.sw-heading");
            untrack(|| on_changed.run(()));
        }
    });
    let failure = move || match answer.get() {
        Some(Some(Err(error))) if !marking.get() => {
            Some(failure_message(widget, error, Posted::StatusChange))
        }
        _ => None,
    };
    let escalated = stored.escalated_as.is_some();
    let open = !is_resolved(stored.status);
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
        widget.go(Step::Escalate {
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
                    {widget.text(id::STATUS_ESCALATE)}
                </button>
            })}
            {open.then(|| view! {
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    aria-disabled=move || marking.get().to_string()
                    data-testid="message-mark-resolved"
                    on:click=move |_| {
                        // A second click while it is on its way marks once.
                        if !marking.get_untracked() {
                            mark_resolved.dispatch_local(());
                        }
                    }
                >
                    {move || widget.text(if marking.get() { id::STATUS_MARKING_RESOLVED } else { id::STATUS_MARK_RESOLVED })()}
                </button>
            })}
        </div>
        <p class="sw-field-error" role="alert" data-testid="message-failure">{failure}</p>
    }
}
