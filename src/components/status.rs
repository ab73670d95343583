//! A request's status as the status screen and the confirmation show it.

use leptos::prelude::*;
use support_contract::RequestStatus as Status;

use crate::context::Words;
use support_rules::i18n::{id, MessageId};

/// "Status: …", as the status screen and the confirmation show it.
#[component]
pub fn CurrentStatus(#[prop(into)] status: Signal<Status>, testid: &'static str) -> impl IntoView {
    let words = expect_context::<Words>();
    view! {
        <dl class="sw-context">
            <div>
                <dt>{words.text(id::STATUS_LABEL)}</dt>
                <dd data-testid=testid data-status=move || status.get().as_str()>
                    {move || words.text(status_label(status.get()))()}
                </dd>
            </div>
        </dl>
    }
}

/// The reminder, for a request on a customer's behalf, to close the loop
/// with the customer: `strong` once there is a result to tell them.
#[component]
pub fn CloseTheLoop(strong: bool) -> impl IntoView {
    let words = expect_context::<Words>();
    view! {
        <aside class="sw-note" class:sw-note-strong=strong data-testid="close-the-loop">
            <p>{words.text(id::STATUS_CLOSE_LOOP)}</p>
        </aside>
    }
}

/// The message that names a request status.
pub fn status_label(status: Status) -> MessageId {
    match status {
        Status::Submitted => id::STATUS_SUBMITTED,
        Status::InProgress => id::STATUS_IN_PROGRESS,
        Status::Resolved => id::STATUS_RESOLVED,
        Status::Closed => id::STATUS_CLOSED,
    }
}
