//! What the reply box says under its button: why a reply waits to go
//! again, that it was sent, or what went wrong.

use leptos::prelude::*;

use super::{
    super::{failure_message, Posted},
    SendReply,
};
use crate::{
    context::Words,
    sending::{held_through_attempts, Holding, Sender},
};
use support_rules::{
    field_errors::{self, ServiceFrom},
    i18n::{id, MessageId},
    request::SubmitError,
};

/// `send_reply`: the reply's `Action`; `failure`: what held it back in the
/// box; `sent_after`: the Refresh the last reply was stored after, of
/// `refreshes`.
#[component]
pub(super) fn ReplyNotices(
    send_reply: SendReply,
    sender: Sender,
    failure: RwSignal<Option<MessageId>>,
    refreshes: Signal<u32>,
    sent_after: StoredValue<u32>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let (sending, answer) = (send_reply.pending(), send_reply.value());
    // The screen's replies, sent from the boxes it showed before: an answer
    // from before this box was drawn is not said again.
    let drawn_at = send_reply.version().get_untracked();
    let answered_here = move || send_reply.version().get() != drawn_at;
    // What went wrong in sending it, once it is no longer on its way.
    let send_failure = move || {
        if sending.get() || !answered_here() {
            return None;
        }
        answer.with(|answer| match answer {
            Some(Err(SubmitError::Rejected(errors))) => {
                let locale = words.locale.get();
                let said = errors
                    .iter()
                    .map(|error| field_errors::message(locale, error, ServiceFrom::BeforeTheForm))
                    .collect::<Vec<_>>();
                Some(said.join(" "))
            }
            Some(Err(error)) => Some(failure_message(words, error.clone(), Posted::Reply)),
            _ => None,
        })
    };
    // Once the backend has stored the last reply sent, until the next goes
    // or the user refreshes the thread: the thread shows it above, and
    // this says so to whoever cannot see it.
    let sent = move || {
        let news = refreshes.get() == sent_after.get_value();
        (news
            && !sending.get()
            && answered_here()
            && answer.with(|answer| matches!(answer, Some(Ok(_)))))
        .then(|| words.text(id::STATUS_REPLY_SENT)())
    };
    // While the reply waits to go again: why, without a countdown, through
    // the attempts that follow until the reply is stored or given up on.
    let waiting = held_through_attempts(
        move || sending.get(),
        move || {
            sender.holding.with(|holding| {
                holding.as_ref().map(|holding| match holding {
                    Holding::Offline => words.text(id::STATUS_REPLY_OFFLINE)(),
                    Holding::SignedOut => words.text(id::SUBMIT_SESSION_ENDED)(),
                    Holding::Retrying { .. } => words.text(id::STATUS_REPLY_RETRYING)(),
                })
            })
        },
    );
    view! {
        // Always there, so that screen readers hear it when it starts.
        <p class=move || waiting.get().map(|_| "sw-notice") role="status" data-testid="reply-waiting">
            {move || waiting.get().or_else(sent)}
        </p>
        <p class="sw-field-error" role="alert" data-testid="reply-failure">{move || failure.get().map(|text| words.text(text)()).or_else(send_failure)}</p>
    }
}
