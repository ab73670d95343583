//! A request held back by its files: why, as the form says it, and, while
//! files still upload, the request as it was at Submit, which goes by itself
//! once they are all in.

use leptos::prelude::*;

use super::RequestFormState;
use crate::{
    effects::effect,
    rules::{request_fields::RequestFields, uploads::Blocker},
};

#[derive(Clone, Copy)]
pub struct FilesHold {
    /// Why the request waits (shown under the form).
    pub blocked: RwSignal<Option<Blocker>>,
    /// The text and the files' keys at Submit, while files still upload
    /// (a signal: only while it holds something is the form's text watched).
    held: RwSignal<Option<(RequestFields, Vec<u32>)>>,
}

impl FilesHold {
    pub fn new() -> FilesHold {
        FilesHold {
            blocked: RwSignal::new(None),
            held: RwSignal::new(None),
        }
    }

    /// At Submit, once the form is valid: whether its files hold the request
    /// back (still uploading, or failed), remembering the request as it is.
    pub fn holds_back(self, state: RequestFormState) -> bool {
        let blocker = state.attachments.blocker();
        self.blocked.set(blocker);
        self.held
            .set((blocker == Some(Blocker::StillUploading)).then(|| untrack(|| as_held(state))));
        blocker.is_some()
    }

    /// No hold, and no promise to send (a Submit that found errors).
    pub fn release(self) {
        self.held.set(None);
        self.blocked.set(None);
    }

    /// Calls `send` once the held request's files are all in, while the form
    /// is shown; a file that fails on the way says so instead, and the user
    /// decides. Anything changed since Submit (the text, a file removed, the
    /// draft discarded) leaves the request for the user to send again. A
    /// failure's message lifts once no file has failed.
    pub fn send_when_in(self, state: RequestFormState, send: impl Fn() + 'static) {
        effect(move |_| {
            let now = state.attachments.blocker();
            let Some((held_fields, held_keys)) = self.held.get() else {
                if self.blocked.get_untracked() == Some(Blocker::UploadFailed)
                    && now != Some(Blocker::UploadFailed)
                {
                    self.blocked.set(None);
                }
                return;
            };
            let (fields, keys) = as_held(state);
            if fields != held_fields || held_keys.iter().any(|key| !keys.contains(key)) {
                self.release();
                return;
            }
            match now {
                Some(Blocker::StillUploading) => {}
                Some(Blocker::UploadFailed) => {
                    self.held.set(None);
                    self.blocked.set(now);
                }
                None => {
                    self.release();
                    send();
                }
            }
        });
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
