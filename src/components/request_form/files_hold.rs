//! A request held back by its files: why, as the form says it, and, while
//! files still upload, the request as it was at Submit, which goes by itself
//! once they are all in.

use leptos::prelude::*;

use super::RequestFormState;

use support_rules::{request_fields::RequestFields, uploads::Blocker};

#[derive(Clone, Copy)]
pub struct FilesHold {
    /// Why the request waits (shown under the form).
    pub blocked: Memo<Option<Blocker>>,
    /// Where the request held at the last Submit stands, as its files go.
    stands: Memo<(u32, Stands)>,
    /// What the last Submit held back, if anything; each Submit counted.
    submitted: RwSignal<(u32, Option<Submitted>)>,
}

/// A Submit that files held back.
#[derive(Clone)]
struct Submitted {
    state: RequestFormState,
    /// The text and the files' keys at Submit, while files still upload:
    /// only then is the form's text watched.
    held: Option<(RequestFields, Vec<u32>)>,
}

/// Where a request held back at Submit stands.
#[derive(Clone, Copy, PartialEq)]
enum Stands {
    /// Nothing to say: no hold, or the user has changed the request since.
    Free,
    /// Waiting for its files to upload.
    Waiting,
    /// A file failed: the user decides, and the message stays until no file
    /// has failed.
    Failed,
    /// Its files are all in and the request is as it was: it goes.
    Ready,
}

impl FilesHold {
    pub fn new() -> FilesHold {
        let submitted = RwSignal::new((0_u32, None::<Submitted>));
        // Derived from the Submit and the files now, and from where the same
        // Submit stood before: a failure, a change or the send ends a hold
        // for good.
        let stands = Memo::new(move |before: Option<&(u32, Stands)>| {
            submitted.with(|(count, submitted)| {
                let before = before.filter(|(at, _)| at == count).map(|(_, s)| *s);
                (*count, stands(before, submitted.as_ref()))
            })
        });
        let blocked = Memo::new(move |_| match stands.get().1 {
            Stands::Waiting => Some(Blocker::StillUploading),
            Stands::Failed => Some(Blocker::UploadFailed),
            Stands::Free | Stands::Ready => None,
        });
        FilesHold {
            blocked,
            stands,
            submitted,
        }
    }

    /// At Submit, once the form is valid: whether its files hold the request
    /// back (still uploading, or failed), remembering the request as it is.
    pub fn holds_back(self, state: RequestFormState) -> bool {
        let blocker = untrack(|| state.attachments.blocker());
        let submitted = blocker.map(|blocker| Submitted {
            state,
            held: (blocker == Blocker::StillUploading).then(|| untrack(|| as_held(state))),
        });
        self.submitted.update(|(count, at)| {
            *count = count.wrapping_add(1);
            *at = submitted;
        });
        blocker.is_some()
    }

    /// No hold, and no promise to send (a Submit that found errors).
    pub fn release(self) {
        self.submitted.update(|(count, at)| {
            *count = count.wrapping_add(1);
            *at = None;
        });
    }

    /// Calls `send` once the held request's files are all in, while the form
    /// is shown; a file that fails on the way says so instead, and the user
    /// decides. Anything changed since Submit (the text, a file removed, the
    /// draft discarded) leaves the request for the user to send again. A
    /// failure's message lifts once no file has failed. The form is the one
    /// each Submit gave (`holds_back`).
    pub fn send_when_in(self, _form: RequestFormState, send: impl Fn() + 'static) {
        // Sends the request: the one thing the hold does outside the form.
        Effect::new(move |_| {
            if self.stands.with(|(_, stands)| *stands == Stands::Ready) {
                untrack(&send);
            }
        });
    }
}

/// Where a Submit's hold stands now, from where it stood `before` (`None`
/// right after Submit) and the files and form now (tracked).
fn stands(before: Option<Stands>, submitted: Option<&Submitted>) -> Stands {
    let Some(submitted) = submitted else {
        return Stands::Free;
    };
    let now = submitted.state.attachments.blocker();
    match (before, &submitted.held) {
        (Some(Stands::Free | Stands::Ready), _) => before.unwrap_or(Stands::Free),
        (Some(Stands::Failed), _) | (_, None) => match now {
            Some(Blocker::UploadFailed) => Stands::Failed,
            _ => Stands::Free,
        },
        (None | Some(Stands::Waiting), Some((held_fields, held_keys))) => {
            let (fields, keys) = as_held(submitted.state);
            if fields != *held_fields || held_keys.iter().any(|key| !keys.contains(key)) {
                return Stands::Free;
            }
            match now {
                Some(Blocker::StillUploading) => Stands::Waiting,
                Some(Blocker::UploadFailed) => Stands::Failed,
                None => Stands::Ready,
            }
        }
    }
}

/// The form's text, without the uploads' progress, and its files (tracked).
fn as_held(state: RequestFormState) -> (RequestFields, Vec<u32>) {
    let fields = RequestFields {
        attachments: Vec::new(),
        ..state.current_draft().fields
    };
    (fields, state.attachments.keys())
}
