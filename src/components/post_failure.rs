//! What the user reads when a post failed: a request from the form, a reply
//! on a request's thread (`reply_box.rs`), or a change of its status (the
//! status screen's "Mark resolved", and closing the loop).

use crate::context::Words;
use support_rules::{
    i18n::{self, id},
    request::{self, SubmitError},
    retry::{AskedWait, RetryPolicy},
};

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
pub(crate) fn failure_message(words: Words, error: SubmitError, posted: Posted) -> String {
    // Too large, or refused fields: the form says what to change instead.
    let kept = posted != Posted::StatusChange
        && !matches!(error, SubmitError::TooLarge | SubmitError::Rejected(_));
    let reason = failure_reason(words, error, posted);
    match kept {
        true => words.format(id::SUBMIT_KEPT, &i18n::args([("reason", reason.into())])),
        false => reason,
    }
}

/// Why a post failed, and what to do.
fn failure_reason(words: Words, error: SubmitError, posted: Posted) -> String {
    match error {
        SubmitError::Network => words.text(id::SUBMIT_ERROR_NETWORK)(),
        SubmitError::TooLarge => words.text(id::SUBMIT_ERROR_TOO_LARGE)(),
        // The page's sign-in (its request headers) was refused: trying
        // again alone will not help.
        SubmitError::Server {
            status: status @ 401,
            ..
        } => words.format(
            id::SUBMIT_ERROR_UNAUTHORIZED,
            &i18n::args([("status", status.into())]),
        ),
        // Signed in, but not as someone who may: trying again will not help.
        SubmitError::Server {
            status: status @ 403,
            ..
        } => words.format(
            id::SUBMIT_ERROR_FORBIDDEN,
            &i18n::args([("status", status.into())]),
        ),
        SubmitError::Server { status, .. } if request::no_service_at(status) => words.format(
            id::SUBMIT_ERROR_NOT_FOUND,
            &i18n::args([("status", status.into())]),
        ),
        SubmitError::Server { status, .. } => match told_wait(&error) {
            // A long Retry-After stopped the automatic retries: the user is
            // told how long, not "in a moment".
            Some(AskedWait::Minutes(minutes)) => words.format(
                id::SUBMIT_ERROR_WAIT_MINUTES,
                &i18n::args([("status", status.into()), ("minutes", minutes.into())]),
            ),
            Some(AskedWait::Hours(hours)) => words.format(
                id::SUBMIT_ERROR_WAIT_HOURS,
                &i18n::args([("status", status.into()), ("hours", hours.into())]),
            ),
            Some(AskedWait::Days(days)) => words.format(
                id::SUBMIT_ERROR_WAIT_DAYS,
                &i18n::args([("status", status.into()), ("days", days.into())]),
            ),
            Some(AskedWait::Longer) => words.format(
                id::SUBMIT_ERROR_WAIT_LONGER,
                &i18n::args([("status", status.into())]),
            ),
            None => words.format(
                id::SUBMIT_ERROR_SERVER,
                &i18n::args([("status", status.into())]),
            ),
        },
        SubmitError::Rejected(_) => words.text(id::ERROR_SUMMARY_TITLE)(),
        SubmitError::BadResponse => words.text(match posted {
            Posted::Request => id::SUBMIT_ERROR_UNREADABLE,
            Posted::Reply => id::REPLY_ERROR_UNREADABLE,
            Posted::StatusChange => id::STATUS_ERROR_UNREADABLE,
        })(),
        SubmitError::NotFound => words.text(id::SUBMIT_ERROR_REQUEST_GONE)(),
    }
}
