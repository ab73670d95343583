//! The box under a request's thread for the next reply. What is typed, and
//! the files uploaded for it, are kept on this device with the key it goes
//! with until the backend has stored it: a reload, a failure or the
//! connection dropping loses nothing, and a reply sent again is stored
//! once.

use leptos::prelude::*;
use support_contract::{Attachment, ErrorCode, FieldError, NewReply};

use super::{
    failure_message, request_form::new_key, AttachmentsField, AttachmentsState, Posted, TextField,
};
use crate::{
    api,
    context::use_widget,
    effects::effect,
    rules::{
        drafts::ReplyDraft,
        field_errors::{self, ServiceFrom},
        host::BackendUrl,
        i18n::{id, MessageId},
        request::SubmitError,
        uploads::Blocker,
    },
    sending::{held_through_attempts, Holding, Sender},
    storage,
};

/// Where the reply on `request_id` is kept: the backend's, the request's
/// and the signed-in user's.
fn kept_at(request_id: &str) -> Option<String> {
    let widget = use_widget();
    match (
        widget.backend.get_untracked(),
        widget.keeper.get_untracked(),
    ) {
        (Some(backend), Some(keeper)) => {
            Some(ReplyDraft::storage_key(&backend, request_id, &keeper))
        }
        _ => None,
    }
}

fn kept_reply(at: &str) -> Option<ReplyDraft> {
    storage::read(at)
        .ok()
        .flatten()
        .and_then(|text| ReplyDraft::decode(&text))
}

/// In a list of requests, the mark of one with a reply typed and not sent
/// yet, kept on this device: the user finds where they left it.
#[component]
pub fn UnsentReplyMark(request_id: String) -> impl IntoView {
    let widget = use_widget();
    kept_at(&request_id)
        .and_then(|at| kept_reply(&at))
        .map(|_| {
            view! {
                <span class="sw-badge" data-testid="unsent-reply">{widget.text(id::LIST_UNSENT_REPLY)}</span>
            }
        })
}

/// The control's id inside the widget.
const REPLY_FIELD: &str = "sw-reply";

/// How a reply closes the loop with the customer: what it says first (21Vianet's
/// resolution note), and the heading above it.
#[derive(Clone)]
pub struct Closing {
    pub heading: String,
    pub prefill: String,
}

/// A reply to the request `request_id`, with files; `on_sent` runs once the
/// backend has stored one (the screen then reads the request again, thread
/// and all). Offline, or while the backend fails, it waits and goes again
/// with the same key, as a request does. With `closing`, the reply closes
/// the loop with the customer: it begins with the resolution note, and its
/// button says that sending it marks the request resolved (`on_sent` does).
#[component]
pub fn ReplyBox(
    request_id: String,
    #[prop(into)] on_sent: Callback<()>,
    /// How many times the user has pressed Refresh on the screen: "Your
    /// reply was sent." is news until the thread is read again at their
    /// asking, then it goes.
    #[prop(into)]
    refreshes: Signal<u32>,
    #[prop(optional)] closing: Option<Closing>,
) -> impl IntoView {
    let widget = use_widget();
    let kept_at = StoredValue::new(kept_at(&request_id));
    let kept = (kept_at.get_value()).and_then(|at| kept_reply(&at));
    let prefill = closing
        .as_ref()
        .map(|c| c.prefill.clone())
        .unwrap_or_default();
    let body = RwSignal::new(kept.as_ref().map_or(prefill.clone(), |d| d.body.clone()));
    // The note the box began with is no reply of the user's until they
    // change it: nothing is kept, and no list marks it unsent.
    let untouched = StoredValue::new(prefill);
    let files = AttachmentsState::new();
    if let Some(kept) = &kept {
        files.restore(kept.attachments.clone());
    }
    let key = StoredValue::new(kept.map_or_else(new_key, |d| d.idempotency_key));
    // The Refresh the last reply was stored after.
    let sent_after = StoredValue::new(0_u32);
    let sender = Sender::new();
    // What the reply's own text lacks, under the field; what holds it back
    // here, under the button. Kept as what they are, and said in the
    // widget's language of the moment.
    let field_error = RwSignal::new(None::<FieldError>);
    let failure = RwSignal::new(None::<MessageId>);
    let field_error_text = Signal::derive(move || {
        let locale = widget.locale.get();
        field_error.with(|error| {
            (error.as_ref())
                .map(|error| field_errors::message(locale, error, ServiceFrom::BeforeTheForm))
        })
    });

    let keep = move |text: String, attachments: Vec<Attachment>| {
        let Some(at) = kept_at.get_value() else {
            return;
        };
        let unchanged = text.trim().is_empty() || untouched.with_value(|begun| text == *begun);
        if unchanged && attachments.is_empty() {
            _ = storage::remove(&at);
        } else {
            let draft = ReplyDraft {
                body: text,
                idempotency_key: key.get_value(),
                attachments,
            };
            _ = storage::write(&at, &draft.encode());
        }
    };
    effect(move |_| keep(body.get(), files.uploaded()));

    let request_id = StoredValue::new(request_id);
    // Sends `reply` under the box's key until the backend has stored it
    // (`Sender::send`: again after failures that may pass, and once the
    // connection or the sign-in is back).
    let send_reply = Action::new_local(move |(backend, reply): &(BackendUrl, NewReply)| {
        let backend = backend.clone();
        let (request_id, idempotency_key) = (request_id.get_value(), key.get_value());
        let reply = reply.clone();
        let (sent_body, sent_files) = (reply.body.clone(), reply.attachments.clone());
        let same_backend = backend.clone();
        // Each attempt goes with the headers of its time, to the backend the
        // reply was typed for, while its user is still the one signed in.
        let keeper = widget.keeper.get_untracked();
        let transport_now = move || {
            let same = widget.backend.try_get_untracked().flatten().as_ref() == Some(&same_backend)
                && widget.keeper.try_get_untracked() == Some(keeper.clone());
            same.then(|| widget.try_transport()).flatten()
        };
        let attempt = move |transport| {
            api::reply(
                backend.clone(),
                request_id.clone(),
                idempotency_key.clone(),
                reply.clone(),
                transport,
            )
        };
        async move {
            let answer = sender.send(transport_now, attempt).await;
            // The screen went while the answer was on its way (its signals
            // with it): the reply stays kept, and is sent again from there.
            if body.try_get_untracked().is_none() {
                return answer;
            }
            match &answer {
                Ok(_) => {
                    sent_after.set_value(refreshes.try_get_untracked().unwrap_or_default());
                    // What was sent goes; what was typed or added while it
                    // was on its way stays, for the next reply.
                    key.set_value(new_key());
                    if body.get_untracked() == sent_body {
                        body.set(String::new());
                    }
                    let files_now: Vec<String> = untrack(|| files.uploaded())
                        .into_iter()
                        .map(|a| a.id)
                        .collect();
                    if files_now == sent_files {
                        files.clear();
                    }
                    keep(body.get_untracked(), untrack(|| files.uploaded()));
                    // The box is done with it: the screen reads the
                    // request again, thread and all.
                    on_sent.run(());
                }
                // The key went with other words before: the next send is a
                // new reply, under a new key.
                Err(SubmitError::Rejected(errors))
                    if errors
                        .iter()
                        .any(|e| e.code == ErrorCode::IdempotencyKeyReused) =>
                {
                    key.set_value(new_key());
                    keep(body.get_untracked(), untrack(|| files.uploaded()));
                }
                Err(_) => {}
            }
            answer
        }
    });
    let (sending, answer) = (send_reply.pending(), send_reply.value());
    // What went wrong in sending it, once it is no longer on its way.
    let send_failure = move || {
        if sending.get() {
            return None;
        }
        answer.with(|answer| match answer {
            Some(Err(SubmitError::Rejected(errors))) => {
                let locale = widget.locale.get();
                let said = errors
                    .iter()
                    .map(|error| field_errors::message(locale, error, ServiceFrom::BeforeTheForm))
                    .collect::<Vec<_>>();
                Some(said.join(" "))
            }
            Some(Err(error)) => Some(failure_message(widget, error.clone(), Posted::Reply)),
            _ => None,
        })
    };
    let send = move || {
        // Double clicks and repeated Enter send once.
        if sending.get_untracked() {
            return;
        }
        let reply = NewReply {
            body: body.get_untracked(),
            attachments: untrack(|| files.uploaded())
                .into_iter()
                .map(|a| a.id)
                .collect(),
        };
        let problem = reply.validate().into_iter().next();
        let invalid = problem.is_some();
        field_error.set(problem);
        failure.set(None);
        answer.set(None);
        if invalid {
            widget.focus_when_drawn(&format!("#{REPLY_FIELD}"));
            return;
        }
        // The reply goes with its files, once every one has uploaded.
        if let Some(blocker) = untrack(|| files.blocker()) {
            let text = match blocker {
                Blocker::StillUploading => id::STATUS_REPLY_WAIT_FILES,
                Blocker::UploadFailed => id::ATTACHMENTS_FAILED,
            };
            failure.set(Some(text));
            return;
        }
        if let Some(backend) = widget.backend.get_untracked() {
            send_reply.dispatch_local((backend, reply));
        }
    };
    // Once the backend has stored the last reply sent, until the next goes
    // or the user refreshes the thread: the thread shows it above, and
    // this says so to whoever cannot see it.
    let sent = move || {
        let news = refreshes.get() == sent_after.get_value();
        (news && !sending.get() && answer.with(|answer| matches!(answer, Some(Ok(_)))))
            .then(|| widget.text(id::STATUS_REPLY_SENT)())
    };
    // While the reply waits to go again: why, without a countdown, through
    // the attempts that follow until the reply is stored or given up on.
    let waiting = held_through_attempts(
        move || sending.get(),
        move || {
            sender.holding.with(|holding| {
                holding.as_ref().map(|holding| match holding {
                    Holding::Offline => widget.text(id::STATUS_REPLY_OFFLINE)(),
                    Holding::SignedOut => widget.text(id::SUBMIT_SESSION_ENDED)(),
                    Holding::Retrying { .. } => widget.text(id::STATUS_REPLY_RETRYING)(),
                })
            })
        },
    );
    let closes = closing.is_some();
    let send_label = move || {
        let label = match (sending.get(), closes) {
            (true, _) => id::STATUS_REPLY_SENDING,
            (false, true) => id::STATUS_CLOSE_LOOP_SEND,
            (false, false) => id::STATUS_REPLY_SEND,
        };
        widget.text(label)()
    };

    view! {
        <form
            class="sw-form sw-reply-box"
            novalidate
            data-testid=if closes { "close-loop-box" } else { "reply-box" }
            on:submit=move |event| {
                event.prevent_default();
                send();
            }
        >
            {closing.map(|closing| view! {
                <h3 class="sw-subheading">{closing.heading}</h3>
                <p class="sw-hint">{widget.text(id::STATUS_CLOSE_LOOP_HINT)}</p>
            })}
            <TextField
                id=REPLY_FIELD.to_owned()
                label=id::STATUS_REPLY_LABEL
                hint=id::STATUS_REPLY_KEPT
                multiline=true
                value=body
                counted_as="body"
                error=field_error_text
            />
            <AttachmentsField state=files error=Signal::derive(|| None::<String>)/>
            <div class="sw-actions">
                <button
                    type="submit"
                    class="sw-button sw-button-primary"
                    aria-disabled=move || sending.get().to_string()
                    data-testid="reply-send"
                >
                    {send_label}
                </button>
            </div>
            // Always there, so that screen readers hear it when it starts.
            <p class=move || waiting.get().map(|_| "sw-notice") role="status" data-testid="reply-waiting">
                {move || waiting.get().or_else(sent)}
            </p>
            <p class="sw-field-error" role="alert" data-testid="reply-failure">{move || failure.get().map(|text| widget.text(text)()).or_else(send_failure)}</p>
        </form>
    }
}
