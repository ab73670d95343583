//! What the form says about its draft and its sending, besides the fields
//! (a wait to send again is `sending_notice.rs`'s).

use leptos::prelude::*;

use super::{
    draft_keeper::DraftKeeper,
    state::{RequestFormState, SubmitOutput},
    SUBMIT,
};
use crate::{
    components::UndoNotice,
    context::{use_widget, WidgetContext},
    effects::effect,
    rules::{
        i18n::{self, id},
        request::{self, SubmitError},
        retry::{AskedWait, RetryPolicy},
    },
};

/// At the top of the form: the draft came back, or the text was typed for
/// another customer or service (both with "Discard draft"), or drafts are off
/// in this browser. Each can be hidden.
#[component]
pub fn DraftNotice(state: RequestFormState) -> impl IntoView {
    let widget = use_widget();
    let keeper: DraftKeeper = state.draft;
    // The draft came back, or what the form holds was typed for another
    // customer and service: one notice, which says the latter when both hold.
    let kept = move || {
        let typed_for = state.typed_for.get();
        if typed_for.is_none() && !keeper.restored.get() {
            return None;
        }
        let (text, testid) = match typed_for {
            Some(subject) => (
                widget.format(id::DRAFT_TYPED_FOR, &subject.message_args()),
                "draft-typed-for",
            ),
            None => (widget.text(id::DRAFT_RESTORED)(), "draft-restored"),
        };
        Some(view! {
            <div class="sw-notice" role="status" data-testid=testid>
                <p>{text}</p>
                <div class="sw-notice-actions">
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="discard-draft"
                        // Not while the request is on its way: its answer
                        // belongs to the text it carries.
                        hidden=move || state.submit.pending.get()
                        on:click=move |_| {
                            state.discard_draft();
                            widget.focus_when_drawn("[data-testid=undo-discard]");
                        }
                    >
                        {widget.text(id::DRAFT_DISCARD)}
                    </button>
                    <button
                        type="button"
                        class="sw-button sw-button-link"
                        data-testid="hide-draft-notice"
                        on:click=move |_| {
                            keeper.restored.set(false);
                            state.typed_for.set(None);
                            widget.focus_when_drawn(".sw-heading");
                        }
                    >
                        {widget.text(id::NOTICE_HIDE)}
                    </button>
                </div>
            </div>
        })
    };
    let off = move || {
        (keeper.off.get() && !keeper.off_dismissed.get()).then(|| {
            view! {
                <div class="sw-notice" role="status" data-testid="drafts-off">
                    <p>{widget.text(id::DRAFTS_OFF)}</p>
                    <button
                        type="button"
                        class="sw-button sw-button-link"
                        on:click=move |_| {
                            keeper.off_dismissed.set(true);
                            widget.focus_when_drawn(".sw-heading");
                        }
                    >
                        {widget.text(id::NOTICE_HIDE)}
                    </button>
                </div>
            }
        })
    };
    // Until something is typed again, the discarded text can come back.
    let undo = move || {
        state.can_undo_discard().then(|| {
            let on_undo = Callback::new(move |()| state.undo_discard());
            view! {
                <div role="status">
                    <UndoNotice text=Signal::derive(widget.text(id::DRAFT_DISCARDED)) testid="draft-discarded" undo_testid="undo-discard" on_undo/>
                </div>
            }
        })
    };
    view! { {kept} {undo} {off} }
}

/// How long an attempt goes unanswered before the form says so.
const SLOW_AFTER: std::time::Duration = std::time::Duration::from_secs(8);

/// Near the submit button, while an attempt is `on_its_way`: once it has gone
/// unanswered for a few seconds, that the support service is slow (a status,
/// as a retry's wait is). Without a word, a slow answer looks like a stuck
/// form. The request itself is left alone: it is answered, or counts as
/// unanswered after 30 seconds and is tried again.
#[component]
pub fn SlowAnswer(#[prop(into)] on_its_way: Signal<bool>) -> impl IntoView {
    let widget = use_widget();
    let slow = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(Some(timer)) = timer.try_update_value(Option::take) {
            timer.clear();
        }
    };
    effect(move |_| {
        stop();
        slow.set(false);
        if on_its_way.get() {
            let started = set_timeout_with_handle(move || _ = slow.try_set(true), SLOW_AFTER);
            timer.set_value(started.ok());
        }
    });
    on_cleanup(stop);
    view! {
        <p class=move || slow.get().then_some("sw-notice") role="status" data-testid="slow-answer">
            {move || slow.get().then(widget.text(id::SUBMIT_SLOW))}
        </p>
    }
}

/// Why the last submit failed, when the user can do nothing but try again.
#[component]
pub fn SubmitFailure(
    result: Signal<Option<SubmitOutput>>,
    pending: Signal<bool>,
    send: Callback<()>,
) -> impl IntoView {
    let widget = use_widget();
    // After a wait the service asked for, longer than the widget waits by
    // itself, no "Try again": the text says when, and Submit is there.
    let failure = move || match result.get() {
        _ if pending.get() => None,
        Some(Err(SubmitError::Rejected(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some((
            !RetryPolicy::default().asks_too_long(&error),
            failure_message(widget, error, Posted::Request),
        )),
    };
    move || {
        failure().map(|(again, text)| {
            view! {
                <div class="sw-submit-error" role="alert" data-testid="submit-error">
                    <p>{text}</p>
                    {again.then(|| view! {
                        <button
                            type="button"
                            class="sw-button sw-button-secondary"
                            on:click=move |_| {
                                // First, so that the error summary's focus wins
                                // when the form turns out to need a change.
                                widget.focus_when_drawn(SUBMIT);
                                send.run(());
                            }
                        >
                            {widget.text(id::SUBMIT_RETRY)}
                        </button>
                    })}
                </div>
            }
        })
    }
}

/// The wait the user is told of: only one longer than the widget waits by
/// itself, which is why there is no "Try again". A shorter one was the
/// widget's to wait out; once the user stopped it, "Try again" may go at once.
fn told_wait(error: &SubmitError) -> Option<AskedWait> {
    RetryPolicy::default()
        .asks_too_long(error)
        .then(|| AskedWait::of(error))
        .flatten()
}

/// What a failed post was, which says what its failure leaves: a request
/// or a reply keeps what was typed; a status change has nothing typed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Posted {
    Request,
    Reply,
    StatusChange,
}

/// What the user reads when a post failed: why, what to do, and, for what
/// was typed, that it is kept.
pub(crate) fn failure_message(widget: WidgetContext, error: SubmitError, posted: Posted) -> String {
    // Too large, or refused fields: the form says what to change instead.
    let kept = posted != Posted::StatusChange
        && !matches!(error, SubmitError::TooLarge | SubmitError::Rejected(_));
    let reason = failure_reason(widget, error, posted);
    match kept {
        true => widget.format(id::SUBMIT_KEPT, &i18n::args([("reason", reason.into())])),
        false => reason,
    }
}

/// Why a post failed, and what to do.
fn failure_reason(widget: WidgetContext, error: SubmitError, posted: Posted) -> String {
    match error {
        SubmitError::Network => widget.text(id::SUBMIT_ERROR_NETWORK)(),
        SubmitError::TooLarge => widget.text(id::SUBMIT_ERROR_TOO_LARGE)(),
        // The page's sign-in (its request headers) was refused: trying
        // again alone will not help.
        SubmitError::Server {
            status: status @ 401,
            ..
        } => widget.format(
            id::SUBMIT_ERROR_UNAUTHORIZED,
            &i18n::args([("status", status.into())]),
        ),
        // Signed in, but not as someone who may: trying again will not help.
        SubmitError::Server {
            status: status @ 403,
            ..
        } => widget.format(
            id::SUBMIT_ERROR_FORBIDDEN,
            &i18n::args([("status", status.into())]),
        ),
        SubmitError::Server { status, .. } if request::no_service_at(status) => widget.format(
            id::SUBMIT_ERROR_NOT_FOUND,
            &i18n::args([("status", status.into())]),
        ),
        SubmitError::Server { status, .. } => match told_wait(&error) {
            // A long Retry-After stopped the automatic retries: the user is
            // told how long, not "in a moment".
            Some(AskedWait::Minutes(minutes)) => widget.format(
                id::SUBMIT_ERROR_WAIT_MINUTES,
                &i18n::args([("status", status.into()), ("minutes", minutes.into())]),
            ),
            Some(AskedWait::Hours(hours)) => widget.format(
                id::SUBMIT_ERROR_WAIT_HOURS,
                &i18n::args([("status", status.into()), ("hours", hours.into())]),
            ),
            Some(AskedWait::Days(days)) => widget.format(
                id::SUBMIT_ERROR_WAIT_DAYS,
                &i18n::args([("status", status.into()), ("days", days.into())]),
            ),
            Some(AskedWait::Longer) => widget.format(
                id::SUBMIT_ERROR_WAIT_LONGER,
                &i18n::args([("status", status.into())]),
            ),
            None => widget.format(
                id::SUBMIT_ERROR_SERVER,
                &i18n::args([("status", status.into())]),
            ),
        },
        SubmitError::Rejected(_) => widget.text(id::ERROR_SUMMARY_TITLE)(),
        SubmitError::BadResponse => widget.text(match posted {
            Posted::Request => id::SUBMIT_ERROR_UNREADABLE,
            Posted::Reply => id::REPLY_ERROR_UNREADABLE,
            Posted::StatusChange => id::STATUS_ERROR_UNREADABLE,
        })(),
        SubmitError::NotFound => widget.text(id::SUBMIT_ERROR_REQUEST_GONE)(),
    }
}
