//! Marking the shown request resolved, from its message's actions or once a
//! reply has closed the loop: a Leptos `Action`, after whose stored changes
//! the screen reads the request again.

use leptos::prelude::*;
use support_contract::{RequestStatus as Status, StoredRequest};

use crate::{
    api,
    components::{failure_message, Posted},
    context::{Connection, Host, Words},
    sending::new_key,
};
use support_rules::request::SubmitError;

/// A change of the shown request's status to resolved: `None` without a
/// backend.
pub(super) type MarkResolved = Action<(), Option<Result<StoredRequest, SubmitError>>>;

/// Marks `request_id` resolved. One change, however often it is tried: a
/// retry after a lost answer is not a second change; once one is stored,
/// the next goes under a new key. Once the backend has stored it, focus goes
/// to the screen's heading, as the button that had it goes with the open
/// status; with `unless_away`, not if the user went elsewhere meanwhile (a
/// reply that waited to go).
pub(super) fn mark_resolved(request_id: String, unless_away: bool) -> MarkResolved {
    let connection = expect_context::<Connection>();
    let host = expect_context::<Host>();
    let key = StoredValue::new(new_key());
    Action::new_local(move |(): &()| {
        let backend = connection.backend.get_untracked();
        let transport = connection.transport();
        let (request_id, idempotency_key) = (request_id.clone(), key.get_value());
        async move {
            let answer = api::set_status(
                backend?,
                request_id,
                Status::Resolved,
                idempotency_key,
                transport,
            )
            .await;
            // The screen went while the answer was on its way: nothing to focus.
            if answer.is_ok() && key.try_set_value(new_key()).is_none() {
                match unless_away {
                    true => host.focus_when_drawn_unless_away("h2.sw-heading"),
                    false => host.focus_when_drawn("h2.sw-heading"),
                }
            }
            Some(answer)
        }
    })
}

/// What the last try of `mark` failed with, to say where it was tried: none
/// while another try is on its way, and none from before the caller was
/// drawn (drawn again with each answer, it would say it again).
pub(super) fn failure_since_drawn(
    mark: MarkResolved,
    words: Words,
) -> impl Fn() -> Option<String> + Copy {
    let (trying, answer) = (mark.pending(), mark.value());
    let drawn_at = mark.version().get_untracked();
    move || match answer.get() {
        Some(Some(Err(error))) if !trying.get() && mark.version().get() != drawn_at => {
            Some(failure_message(words, error, Posted::StatusChange))
        }
        _ => None,
    }
}

/// How many changes `action` has had stored (`stored` says which answer
/// is one): it moves only when the backend has stored one, so that the
/// screen reads the request again then, and not after a failure, which
/// leaves the request as it was shown.
pub(super) fn stored_changes<I: 'static, O: 'static>(
    action: Action<I, O>,
    stored: fn(&O) -> bool,
) -> Memo<usize> {
    Memo::new(move |before: Option<&usize>| {
        let version = action.version().get();
        let stored = action
            .value()
            .with(|answer| answer.as_ref().is_some_and(stored));
        match (stored, before) {
            (false, Some(before)) => *before,
            _ => version,
        }
    })
}
