//! The box under a request's thread for the next reply. What is typed is
//! kept on this device, with the key it goes with, until the backend has
//! stored it: a reload, a failure or the connection dropping loses nothing,
//! and a reply sent again is stored once.

use leptos::{prelude::*, task::spawn_local};
use support_contract::{ErrorCode, NewReply};

use super::{
    request_form::{failure_message, new_key},
    TextField,
};
use crate::{
    api,
    context::use_widget,
    effects::effect,
    rules::{
        drafts::ReplyDraft,
        field_errors::{self, ServiceFrom},
        i18n::id,
        request::SubmitError,
    },
    storage,
};

/// The control's id inside the widget.
const REPLY_FIELD: &str = "sw-reply";

/// A reply to the request `request_id`; `on_sent` runs once the backend has
/// stored one (the screen then reads the request again, thread and all).
#[component]
pub fn ReplyBox(request_id: String, #[prop(into)] on_sent: Callback<()>) -> impl IntoView {
    let widget = use_widget();
    // Where the reply is kept: the backend's, the request's and the user's.
    let kept_at = StoredValue::new(
        match (
            widget.backend.get_untracked(),
            widget.keeper.get_untracked(),
        ) {
            (Some(backend), Some(keeper)) => {
                Some(ReplyDraft::storage_key(&backend, &request_id, &keeper))
            }
            _ => None,
        },
    );
    let kept = (kept_at.get_value())
        .and_then(|at| storage::read(&at).ok().flatten())
        .and_then(|text| ReplyDraft::decode(&text));
    let body = RwSignal::new(kept.as_ref().map(|d| d.body.clone()).unwrap_or_default());
    let key = StoredValue::new(kept.map_or_else(new_key, |d| d.idempotency_key));
    let sending = RwSignal::new(false);
    // What the reply's own text lacks, under the field; what went wrong in
    // sending it, under the button.
    let field_error = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);

    let keep = move |text: String| {
        let Some(at) = kept_at.get_value() else {
            return;
        };
        if text.trim().is_empty() {
            _ = storage::remove(&at);
        } else {
            let draft = ReplyDraft {
                body: text,
                idempotency_key: key.get_value(),
            };
            _ = storage::write(&at, &draft.encode());
        }
    };
    effect(move |_| keep(body.get()));

    let request_id = StoredValue::new(request_id);
    let send = move || {
        if sending.get_untracked() {
            return;
        }
        let reply = NewReply {
            body: body.get_untracked(),
            attachments: Vec::new(),
        };
        let locale = widget.locale.get_untracked();
        let problem = reply
            .validate()
            .first()
            .map(|error| field_errors::message(locale, error, ServiceFrom::BeforeTheForm));
        field_error.set(problem.clone());
        failure.set(None);
        if problem.is_some() {
            widget.focus_when_drawn(&format!("#{REPLY_FIELD}"));
            return;
        }
        let Some(backend) = widget.backend.get_untracked() else {
            return;
        };
        sending.set(true);
        let transport = widget.transport();
        let (request_id, idempotency_key) = (request_id.get_value(), key.get_value());
        spawn_local(async move {
            let answer = api::reply(backend, request_id, idempotency_key, reply, transport).await;
            // The screen went while the answer was on its way (its signals
            // with it): the reply stays kept, and is sent again from there.
            if sending.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(_) => {
                    key.set_value(new_key());
                    body.set(String::new());
                    on_sent.run(());
                }
                Err(SubmitError::Rejected(errors)) => {
                    // The key went with other words before: the next send
                    // is a new reply, under a new key.
                    if errors
                        .iter()
                        .any(|e| e.code == ErrorCode::IdempotencyKeyReused)
                    {
                        key.set_value(new_key());
                        keep(body.get_untracked());
                    }
                    let locale = widget.locale.get_untracked();
                    let said = errors
                        .iter()
                        .map(|error| {
                            field_errors::message(locale, error, ServiceFrom::BeforeTheForm)
                        })
                        .collect::<Vec<_>>();
                    failure.set(Some(said.join(" ")));
                }
                Err(error) => failure.set(Some(failure_message(widget, error))),
            }
        });
    };

    view! {
        <form
            class="sw-form sw-reply-box"
            novalidate
            data-testid="reply-box"
            on:submit=move |event| {
                event.prevent_default();
                send();
            }
        >
            <TextField
                id=REPLY_FIELD.to_owned()
                label=id::STATUS_REPLY_LABEL
                hint=id::STATUS_REPLY_KEPT
                multiline=true
                value=body
                counted_as="body"
                error=field_error
            />
            <div class="sw-actions">
                <button
                    type="submit"
                    class="sw-button sw-button-primary"
                    aria-disabled=move || sending.get().to_string()
                    data-testid="reply-send"
                >
                    {move || widget.text(if sending.get() { id::STATUS_REPLY_SENDING } else { id::STATUS_REPLY_SEND })()}
                </button>
            </div>
            <p class="sw-field-error" role="alert" data-testid="reply-failure">{move || failure.get()}</p>
        </form>
    }
}
