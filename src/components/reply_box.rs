//! The box under a request's thread for the next reply. What is typed, and
//! the files uploaded for it, are kept on this device with the key it goes
//! with until the backend has stored it (`reply_box/kept.rs`): a reload, a
//! failure or the connection dropping loses nothing, and a reply sent again
//! is stored once.

mod kept;
mod notices;

use leptos::prelude::*;
use support_contract::{ErrorCode, FieldError, NewReply};

use self::{
    kept::{has_unsent_reply, TypedReply},
    notices::ReplyNotices,
};
use super::{AttachmentsField, TextField};
use crate::{
    api,
    context::{Connection, Host, Words},
    sending::Sender,
};
use support_rules::{
    field_errors::{self, ServiceFrom},
    host::BackendUrl,
    i18n::{id, MessageId},
    request::SubmitError,
    thread::ReplyReader,
    uploads::Blocker,
};

/// In a list of requests, the mark of one with a reply typed and not sent
/// yet, kept on this device: the user finds where they left it.
#[component]
pub fn UnsentReplyMark(request_id: String) -> impl IntoView {
    let words = expect_context::<Words>();
    has_unsent_reply(&request_id).then(|| {
        view! {
            <span class="sw-badge" data-testid="unsent-reply">{words.text(id::LIST_UNSENT_REPLY)}</span>
        }
    })
}

/// In a list of requests, the mark of one that someone else replied on or
/// moved since this user last opened it (`unread`, from the backend).
#[component]
pub fn UnreadMark(#[prop(into)] unread: Signal<bool>) -> impl IntoView {
    let words = expect_context::<Words>();
    move || {
        unread.get().then(|| {
            view! {
                <span class="sw-badge sw-badge-unread" data-testid="unread-mark">{words.text(id::LIST_UNREAD)}</span>
            }
        })
    }
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

/// A reply with files, sent through `send_reply` (the screen's, which
/// reads the request again, thread and all, once the backend has stored
/// one). Offline, or while the backend fails, it waits and goes again with
/// the same key, as a request does. With `closing`, the reply closes the
/// loop with the customer: it begins with the resolution note, and its
/// button says that sending it marks the request resolved (`send_reply`
/// does).
#[component]
pub fn ReplyBox(
    request_id: String,
    /// Who will read the reply, said above the box.
    reader: ReplyReader,
    send_reply: SendReply,
    /// How many times the user has pressed Refresh on the screen: "Your
    /// reply was sent." is news until the thread is read again at their
    /// asking, then it goes.
    #[prop(into)]
    refreshes: Signal<u32>,
    #[prop(optional)] closing: Option<Closing>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let host = expect_context::<Host>();
    let prefill = closing
        .as_ref()
        .map(|c| c.prefill.clone())
        .unwrap_or_default();
    let typed = TypedReply::kept_or(&request_id, prefill);
    let (body, files) = (typed.body, typed.files);
    // The Refresh the last reply was stored after.
    let sent_after = StoredValue::new(0_u32);
    let sender = Sender::new();
    // What the reply's own text lacks, under the field; what holds it back
    // here, under the button. Kept as what they are, and said in the
    // widget's language of the moment.
    let field_error = RwSignal::new(None::<FieldError>);
    let failure = RwSignal::new(None::<MessageId>);
    let field_error_text = Signal::derive(move || {
        let locale = words.locale.get();
        field_error.with(|error| {
            (error.as_ref())
                .map(|error| field_errors::message(locale, error, ServiceFrom::BeforeTheForm))
        })
    });

    Effect::new(move |_| typed.keep(body.get(), files.uploaded()));

    let (sending, answer) = (send_reply.pending(), send_reply.value());
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
            host.focus_when_drawn(&format!("#{REPLY_FIELD}"));
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
        if let Some(backend) = connection.backend.get_untracked() {
            send_reply.dispatch_local(ReplyToSend {
                backend,
                reply,
                typed,
                sender,
                sent_after,
            });
        }
    };
    let closes = closing.is_some();
    let send_label = move || {
        let label = match (sending.get(), closes) {
            (true, _) => id::STATUS_REPLY_SENDING,
            (false, true) => id::STATUS_CLOSE_LOOP_SEND,
            (false, false) => id::STATUS_REPLY_SEND,
        };
        words.text(label)()
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
                <p class="sw-hint">{words.text(id::STATUS_CLOSE_LOOP_HINT)}</p>
            })}
            <p class="sw-hint" data-testid="reply-reader">{words.text(match reader {
                ReplyReader::TheCustomer => id::REPLY_READER_CUSTOMER,
                ReplyReader::Support => id::REPLY_READER_SUPPORT,
                ReplyReader::ThePartner => id::REPLY_READER_PARTNER,
            })}</p>
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
            <ReplyNotices send_reply sender failure refreshes sent_after/>
        </form>
    }
}

/// A reply as the box sends it, with what of the box its sending updates.
pub struct ReplyToSend {
    backend: BackendUrl,
    reply: NewReply,
    typed: TypedReply,
    sender: Sender,
    /// Takes the Refresh the reply was stored after.
    sent_after: StoredValue<u32>,
}

/// The replies sent on a request's screen, by whichever box it shows: the
/// screen reads the request again after each one stored (its `version`).
pub type SendReply = Action<ReplyToSend, Result<support_contract::Reply, SubmitError>>;

/// Sends a reply on `request_id` under the key of its box's `typed` until
/// the backend has stored it (`Sender::send`: again after failures that may
/// pass, and once the connection or the sign-in is back). Once stored, and
/// the box is done with it, its `sent_after` takes the last of
/// `refreshes`, and `then_stored` runs (a reply that closes the loop then
/// marks the request resolved).
pub fn send_reply(
    request_id: String,
    refreshes: Signal<u32>,
    then_stored: impl Fn() + 'static,
) -> SendReply {
    let connection = expect_context::<Connection>();
    let request_id = StoredValue::new(request_id);
    let then_stored = std::rc::Rc::new(then_stored);
    Action::new_local(move |to_send: &ReplyToSend| {
        let ReplyToSend {
            backend,
            reply,
            typed,
            sender,
            sent_after,
        } = to_send;
        let (backend, reply, typed, sender, sent_after) =
            (backend.clone(), reply.clone(), *typed, *sender, *sent_after);
        let (body, key) = (typed.body, typed.key);
        let then_stored = then_stored.clone();
        let (request_id, idempotency_key) = (request_id.get_value(), key.get_value());
        let (sent_body, sent_files) = (reply.body.clone(), reply.attachments.clone());
        let same_backend = backend.clone();
        // Each attempt goes with the headers of its time, to the backend the
        // reply was typed for, while its user is still the one signed in.
        let owner = connection.storage_owner.get_untracked();
        let transport_now = move || {
            let same = connection.backend.try_get_untracked().flatten().as_ref()
                == Some(&same_backend)
                && connection.storage_owner.try_get_untracked() == Some(owner.clone());
            same.then(|| connection.try_transport()).flatten()
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
            // The box went while the answer was on its way (its signals
            // with it): the reply stays kept, and is sent again from there.
            if body.try_get_untracked().is_none() {
                return answer;
            }
            match &answer {
                Ok(_) => {
                    sent_after.set_value(refreshes.try_get_untracked().unwrap_or_default());
                    typed.stored(&sent_body, &sent_files);
                    then_stored();
                }
                Err(SubmitError::Rejected(errors))
                    if errors
                        .iter()
                        .any(|e| e.code == ErrorCode::IdempotencyKeyReused) =>
                {
                    typed.key_refused();
                }
                Err(_) => {}
            }
            answer
        }
    })
}
