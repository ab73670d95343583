//! What the form says about its draft and its sending, besides the fields
//! (a wait to send again is `sending_notice.rs`'s).

use leptos::prelude::*;

use super::{
    draft_keeper::DraftKeeper,
    files_hold::FilesHold,
    state::{RequestFormState, SubmitOutput},
    SUBMIT,
};
use crate::{
    components::{failure_message, HideButton, Posted, UndoNotice},
    context::{Host, Words},
};
use support_rules::{i18n::id, request::SubmitError, retry::RetryPolicy, uploads::Blocker};

/// At the top of the form: the draft came back, or the text was typed for
/// another customer or service (both with "Discard draft"), or drafts are off
/// in this browser. Each can be hidden.
#[component]
pub fn DraftNotice(state: RequestFormState) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
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
                words.format(id::DRAFT_TYPED_FOR, &subject.message_args()),
                "draft-typed-for",
            ),
            None => (words.text(id::DRAFT_RESTORED)(), "draft-restored"),
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
                            host.focus_when_drawn("[data-testid=undo-discard]");
                        }
                    >
                        {words.text(id::DRAFT_DISCARD)}
                    </button>
                    <HideButton testid="hide-draft-notice" hide=move || {
                        keeper.restored.set(false);
                        state.typed_for.set(None);
                    }/>
                </div>
            </div>
        })
    };
    let off = move || {
        (keeper.off.get() && !keeper.off_dismissed.get()).then(|| {
            view! {
                <div class="sw-notice" role="status" data-testid="drafts-off">
                    <p>{words.text(id::DRAFTS_OFF)}</p>
                    <HideButton hide=move || keeper.off_dismissed.set(true)/>
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
                    <UndoNotice text=Signal::derive(words.text(id::DRAFT_DISCARDED)) testid="draft-discarded" undo_testid="undo-discard" on_undo/>
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
    let words = expect_context::<Words>();
    let slow = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(Some(timer)) = timer.try_update_value(Option::take) {
            timer.clear();
        }
    };
    Effect::new(move |_| {
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
            {move || slow.get().then(words.text(id::SUBMIT_SLOW))}
        </p>
    }
}

/// What holds the request, or slows it, in one box, which takes no room of
/// its own in the form while it says nothing: files still uploading, or
/// failed (`hold`), or an answer slow to come.
#[component]
pub fn HeldOrSlow(state: RequestFormState, hold: FilesHold) -> impl IntoView {
    let words = expect_context::<Words>();
    let pending = state.submit.pending;
    let blocked = hold.blocked;
    let waits_for_files = move || blocked.get() == Some(Blocker::StillUploading);
    view! {
        <div>
            <SlowAnswer on_its_way=Signal::derive(move || {
                pending.get() && state.sender.holding.with(Option::is_none) && !waits_for_files()
            })/>
            // Files still uploading hold the request, which goes by
            // itself: a notice, as a retry's wait is; a failed file
            // is an error the user must act on.
            <div data-testid="attachments-blocked">
                <p class=move || waits_for_files().then_some("sw-notice") role="status">
                    {move || waits_for_files().then(|| {
                        // Offline, the connection is what it waits for.
                        let offline = state.attachments.waits_for_connection();
                        words.text(if offline { id::ATTACHMENTS_WAIT_OFFLINE } else { id::ATTACHMENTS_WAIT })()
                    })}
                </p>
                <p class="sw-field-error" role="alert">
                    {move || {
                        (blocked.get() == Some(Blocker::UploadFailed)).then(words.text(id::ATTACHMENTS_FAILED))
                    }}
                </p>
            </div>
        </div>
    }
}

/// Why the last submit failed, when the user can do nothing but try again.
#[component]
pub fn SubmitFailure(
    result: Signal<Option<SubmitOutput>>,
    pending: Signal<bool>,
    send: Callback<()>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    // After a wait the service asked for, longer than the widget waits by
    // itself, no "Try again": the text says when, and Submit is there.
    let failure = move || match result.get() {
        _ if pending.get() => None,
        Some(Err(SubmitError::Rejected(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some((
            !RetryPolicy::default().asks_too_long(&error),
            failure_message(words, error, Posted::Request),
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
                                host.focus_when_drawn(SUBMIT);
                                send.run(());
                            }
                        >
                            {words.text(id::SUBMIT_RETRY)}
                        </button>
                    })}
                </div>
            }
        })
    }
}
