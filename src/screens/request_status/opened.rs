//! A request the page opened (`open("request", id)`, the `open-request`
//! attribute), which no list led to: Back leads to the list it is in, and
//! one the backend will not show this user is said so plainly, on screen
//! and to the page.

use leptos::prelude::*;
use support_contract::{RequestKind, StoredRequest};

use super::kept::{Kept, KeptFacts};
use crate::{
    context::{Host, Navigation, Words},
    loaded::Loaded,
};
use support_rules::{
    i18n::id,
    journey::Step,
    request::{LoadError, Unreadable},
};

/// The status as read, with the time it was read.
pub(super) type Read = Loaded<(Result<StoredRequest, LoadError>, String)>;

/// Back from a status, told where the request belongs: a customer's
/// message that partner staff read is in their inbox, anything else in the
/// list of filed requests (`Step::BackFromStatus`, which only the request
/// the page opened needs).
pub(super) fn back(stored: Read, partner: bool) -> Callback<()> {
    let nav = expect_context::<Navigation>();
    Callback::new(move |()| {
        let inbox = stored.with(|answer| match answer {
            Some((Ok(stored), _))
                if partner && stored.request.kind == RequestKind::CustomerSelfService =>
            {
                Some(stored.status.is_finished())
            }
            _ => None,
        });
        nav.go(Step::BackFromStatus { inbox });
    })
}

/// Tells the page, once, that the request it opened cannot be read by this
/// user (`support-widget:error`, with `Unreadable::code` and the id).
pub(super) fn tell_the_page_if_unreadable(stored: Read, request_id: String) {
    let host = expect_context::<Host>();
    let told = StoredValue::new(false);
    Effect::new(move |_| {
        let why = stored.with(|answer| match answer {
            Some((Err(error), _)) => Unreadable::of(error),
            _ => None,
        });
        let Some(why) = why.filter(|_| !told.get_value()) else {
            return;
        };
        told.set_value(true);
        host.emit(
            "error",
            &[
                ("code", why.code().into()),
                ("message", why.message(&request_id).into()),
                ("id", request_id.as_str().into()),
            ],
        );
    });
}

/// On screen, in the user's words: the link led to no request they may
/// read. What this device kept of it, if it filed it, stays in view.
#[component]
pub(super) fn UnreadableRequest(kept: Option<Kept>) -> impl IntoView {
    let words = expect_context::<Words>();
    view! {
        <KeptFacts kept/>
        <p role="alert" data-testid="status-unreadable">{words.text(id::OPENED_REQUEST_UNREADABLE)}</p>
    }
}
