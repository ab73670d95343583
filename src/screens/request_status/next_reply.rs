//! The box under the thread: a reply, or the reply that closes the loop
//! with the customer once 21Vianet has resolved the escalation of their
//! message.

use leptos::prelude::*;
use support_contract::{EscalatedAs, RequestKind, StoredRequest};

use super::status_change::{failure_since_drawn, MarkResolved};
use crate::{
    api,
    components::{Closing, ReplyBox, SendReply},
    context::{Connection, FiledRequests, Words},
    live::Live,
    loaded::Loaded,
};
use support_rules::{
    escalation,
    i18n::{self, id},
    request::LoadError,
    session::Session,
    thread::{self, ReplyReader},
};

/// Which box the status screen has under the thread.
#[derive(Clone, PartialEq)]
pub(super) enum BoxKind {
    /// A reply, with who will read it.
    Reply(ReplyReader),
    /// `replied_since`: when the partner last replied on the request.
    Closing {
        escalation: EscalatedAs,
        customer: String,
        replied_since: Option<String>,
    },
}

/// The box for the request as last read (`stored`): a reply, or the reply
/// that closes the loop once 21Vianet resolved the escalation of a
/// customer's request the partner has not closed yet; none for a visitor,
/// who reads back what they sent, and no more. The last answer's, while
/// another is loading or has failed.
pub(super) fn box_kind(
    stored: Loaded<(Result<StoredRequest, LoadError>, String)>,
    partner: bool,
) -> Memo<Option<BoxKind>> {
    let connection = expect_context::<Connection>();
    Memo::new(move |before: Option<&Option<BoxKind>>| {
        let Some((Ok(stored), _)) = stored.get() else {
            return before.cloned().flatten();
        };
        let signed_in = connection
            .session
            .with(|s| matches!(s, Session::SignedIn(_)));
        let message = stored.request.kind == RequestKind::CustomerSelfService;
        let closing = (stored.escalated_as).filter(|e| {
            partner && message && !stored.status.is_finished() && e.status.is_finished()
        });
        match closing {
            Some(escalation) => Some(BoxKind::Closing {
                escalation,
                customer: stored.request.customer.map(|c| c.name).unwrap_or_default(),
                replied_since: (stored.replies.iter().rev())
                    .find(|reply| reply.author.role == "partner")
                    .map(|reply| reply.created_at.clone()),
            }),
            None => (partner || signed_in).then(|| {
                let audience = connection.audience.get_untracked();
                BoxKind::Reply(thread::reply_reader(stored.request.kind, audience))
            }),
        }
    })
}

/// On a customer's message whose escalation 21Vianet resolved: "Close the
/// loop with CUSTOMER", a reply that begins with 21Vianet's resolution note
/// and, once sent, marks the message resolved (`loop_reply` then dispatches
/// `close_loop`, both the screen's).
/// Once the partner has replied since the resolution (a closing reply whose
/// mark failed), the box is a plain reply, and "Mark resolved" above
/// finishes the loop: the note is not offered to be sent twice.
#[component]
pub(super) fn ClosingReply(
    message_id: String,
    escalation: EscalatedAs,
    customer: String,
    /// When the partner last replied on the message.
    replied_since: Option<String>,
    close_loop: MarkResolved,
    /// A plain reply, the screen's.
    replied: SendReply,
    /// The reply that closes the loop.
    loop_reply: SendReply,
    #[prop(into)] refreshes: Signal<u32>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let filed = expect_context::<FiledRequests>();
    let escalation_id = escalation.id.clone();
    // The note 21Vianet resolved it with, and when: the escalation's latest.
    let live = expect_context::<Live>();
    let resolution = Loaded::new(move |abort| {
        // Read again when a change is heard live.
        live.heard.track();
        let backend = connection.backend.get();
        let transport = connection.transport_aborted_by(abort);
        let escalation_id = escalation_id.clone();
        async move {
            let asked_at = js_sys::Date::now();
            let stored = api::request_status(backend?, escalation_id, transport)
                .await
                .ok()?;
            filed.saw_request(&stored, asked_at);
            let change = stored
                .history
                .into_iter()
                .rev()
                .find(|c| c.status.is_finished())?;
            Some((change.note.unwrap_or_default(), change.changed_at))
        }
    });
    let text = words.format(
        id::STATUS_ESCALATION_RESOLVED,
        &i18n::args([("reference", escalation.reference.into())]),
    );
    let heading = words.format(
        id::STATUS_CLOSE_LOOP_HEADING,
        &i18n::args([("customer", customer.into())]),
    );
    let message_id = StoredValue::new(message_id);
    // Once the closing reply is stored, the message is marked resolved and
    // the screen reads it again. A failed mark is said, and "Mark resolved"
    // stays.
    let failure = failure_since_drawn(close_loop, words);
    view! {
        <p class="sw-note sw-note-strong" data-testid="escalation-resolved">{text}</p>
        <p class="sw-field-error" role="alert" data-testid="close-loop-failure">{failure}</p>
        {move || resolution.with(|loaded| loaded.clone()).map(|resolution| {
            let closed_before = resolution.as_ref().is_some_and(|(_, resolved_at)| {
                escalation::answered_since_resolved(replied_since.as_deref(), resolved_at)
            });
            if closed_before {
                return view! { <ReplyBox request_id=message_id.get_value() reader=ReplyReader::TheCustomer send_reply=replied refreshes/> }.into_any();
            }
            let closing = Closing {
                heading: heading.clone(),
                prefill: resolution.map(|(note, _)| note).unwrap_or_default(),
            };
            view! { <ReplyBox request_id=message_id.get_value() reader=ReplyReader::TheCustomer send_reply=loop_reply closing refreshes/> }.into_any()
        })}
    }
}
