//! Near the submit button, while a request waits to be sent again (after a
//! failed attempt), for the connection or for the user to sign in again:
//! why, the countdown, "Retry now" and "Stop".

use leptos::prelude::*;

use super::{state::RequestFormState, SUBMIT};
use crate::{
    context::{page_has_focus, Host, Words},
    sending::{held_through_attempts, Holding},
};
use support_rules::{
    i18n::{self, id},
    request::SubmitError,
};

/// Where focus goes when "Stop" removes itself: "Try again".
const TRY_AGAIN: &str = "[data-testid=submit-error] button";
const RETRY_NOW: &str = "[data-testid=retry-now]";
const STOP: &str = "[data-testid=stop-retrying]";

/// Near the submit button: waiting to retry, or holding while offline. Only
/// the text follows the countdown: the buttons stay put, and keep focus. It
/// stays one component of about 150 lines because its words, what screen
/// readers hear and where focus goes all follow the one `holding` and the
/// button that had focus.
#[component]
pub fn SendingNotice(state: RequestFormState) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    let sender = state.sender;
    let holding = Memo::new(move |_| sender.holding.with(Option::is_some));
    // While the request waits to be sent again, why: the service answered
    // that it could not take it yet (true), or no answer came (false).
    let retrying = Memo::new(move |_| {
        sender.holding.with(|h| match h {
            Some(Holding::Retrying { error, .. }) => {
                Some(matches!(error, SubmitError::Server { .. }))
            }
            _ => None,
        })
    });
    let signed_out = Memo::new(move |_| sender.holding.with(|h| *h == Some(Holding::SignedOut)));
    let describe = move |holding: Option<Holding>| match holding {
        Some(Holding::Offline) => words.text(id::SUBMIT_OFFLINE)(),
        Some(Holding::SignedOut) => words.text(id::SUBMIT_SESSION_ENDED)(),
        Some(Holding::Retrying { seconds, error }) => match error {
            SubmitError::Server { status, .. } => words.format(
                id::SUBMIT_RETRYING_BUSY,
                &i18n::args([("seconds", seconds.into()), ("status", status.into())]),
            ),
            _ => words.format(
                id::SUBMIT_RETRYING_UNREACHED,
                &i18n::args([("seconds", seconds.into())]),
            ),
        },
        None => String::new(),
    };
    let text = move || describe(sender.holding.get());
    // Screen readers hear the notice when it starts (or changes from offline
    // to retrying, or its reason changes), not every second of the
    // countdown, and without a figure that would be out of date when it is
    // read again.
    let announcement = move || match (holding.get(), retrying.get()) {
        (_, Some(true)) => words.text(id::SUBMIT_RETRYING_BUSY_ANNOUNCED)(),
        (_, Some(false)) => words.text(id::SUBMIT_RETRYING_UNREACHED_ANNOUNCED)(),
        (true, None) if signed_out.get() => words.text(id::SUBMIT_SESSION_ENDED)(),
        (true, None) => words.text(id::SUBMIT_OFFLINE)(),
        (false, None) => String::new(),
    };
    // The notice goes while an attempt is on its way between two waits, but
    // its words stay, in a region of their own.
    let pending = state.submit.pending;
    let announced = held_through_attempts(
        move || pending.get(),
        move || Some(announcement()).filter(|said| !said.is_empty()),
    );
    // The notice goes whenever an attempt starts and when the last one
    // fails: focus inside it then moves to Submit, busy while the request
    // is on its way, instead of falling back to the page; and back to the
    // button it was on when the next wait begins, unless the user has moved
    // on meanwhile (Submit, "Waiting to send…", does nothing then).
    let focus_inside = StoredValue::new(None::<&'static str>);
    let moved_from = StoredValue::new(None::<&'static str>);
    Effect::new(move |_| {
        let shown = holding.get();
        let sending = state.submit.pending.get();
        if !sending {
            moved_from.set_value(None);
        }
        if shown {
            if let Some(button) = moved_from.try_update_value(Option::take).flatten() {
                // After the frame that focused Submit, if it did; to Stop if
                // the wait is now one for the connection, without Retry now.
                request_animation_frame(move || {
                    let offline = retrying.try_get_untracked().flatten().is_none();
                    let button = if button == RETRY_NOW && offline {
                        STOP
                    } else {
                        button
                    };
                    if host.has_focus(SUBMIT) {
                        if let Some(button) = host.find(button) {
                            _ = button.focus();
                        }
                    }
                });
            }
        } else if let Some(button) = focus_inside.try_update_value(Option::take).flatten() {
            // Only an attempt on its way brings a next wait to come back to.
            if sending {
                moved_from.set_value(Some(button));
            }
            host.focus_when_drawn_if_lost(SUBMIT);
        }
    });
    // "Retry now" goes when the wait turns into one for the connection:
    // focus on it moves to "Stop" beside it.
    Effect::new(move |_| {
        let offline = holding.get() && retrying.get().is_none();
        if offline && focus_inside.get_value() == Some(RETRY_NOW) {
            focus_inside.set_value(Some(STOP));
            host.focus_when_drawn(STOP);
        }
    });
    let notice = move || {
        holding.get().then(|| {
            view! {
                <div
                    class="sw-notice"
                    data-testid="sending-notice"
                    on:focusout=move |event| {
                        // Moved on, to another control or to nothing (a
                        // click on the page), while the notice stays: not
                        // removed with it, nor away with the window (another
                        // tab or app), where the button keeps focus. Also as
                        // the widget's screen changes, after its signals.
                        let shown = holding.try_get_untracked().unwrap_or(false);
                        if event.related_target().is_some() || (shown && page_has_focus()) {
                            focus_inside.try_set_value(None);
                        }
                    }
                >
                    <p aria-hidden="true">{text}</p>
                    <div class="sw-notice-actions">
                        <button
                            type="button"
                            class="sw-button sw-button-secondary"
                            data-testid="retry-now"
                            hidden=move || retrying.get().is_none()
                            on:focus=move |_| focus_inside.set_value(Some(RETRY_NOW))
                            on:click=move |_| sender.retry_now()
                        >
                            {words.text(id::SUBMIT_RETRY_NOW)}
                        </button>
                        <button
                            type="button"
                            class="sw-button sw-button-secondary"
                            data-testid="stop-retrying"
                            on:focus=move |_| focus_inside.set_value(Some(STOP))
                            on:click=move |_| {
                                focus_inside.set_value(None);
                                sender.stop();
                                host.focus_when_drawn(TRY_AGAIN);
                            }
                        >
                            {words.text(id::SUBMIT_RETRY_STOP)}
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <p class="sw-visually-hidden" role="status" data-testid="sending-announced">
            {move || announced.get().unwrap_or_default()}
        </p>
        {notice}
    }
}
