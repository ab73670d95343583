//! A reply as the box holds it (its text, its files and the key it goes
//! with), kept on this device until the backend has stored it, so that a
//! reload, a failure or the connection dropping loses nothing.

use leptos::prelude::*;
use support_contract::Attachment;

use super::super::AttachmentsState;
use crate::sending::new_key;
use crate::{context::Connection, storage};
use support_rules::drafts::ReplyDraft;

/// Where the reply on `request_id` is kept: the backend's, the request's
/// and the signed-in user's.
fn kept_at(request_id: &str) -> Option<String> {
    let connection = expect_context::<Connection>();
    match (
        connection.backend.get_untracked(),
        connection.storage_owner.get_untracked(),
    ) {
        (Some(backend), Some(owner)) => Some(ReplyDraft::storage_key(&backend, request_id, &owner)),
        _ => None,
    }
}

fn kept_reply(at: &str) -> Option<ReplyDraft> {
    storage::read(at)
        .ok()
        .flatten()
        .and_then(|text| ReplyDraft::decode(&text))
}

/// Whether a reply on `request_id` is typed and not sent yet, kept on this
/// device.
pub(super) fn has_unsent_reply(request_id: &str) -> bool {
    kept_at(request_id).and_then(|at| kept_reply(&at)).is_some()
}

/// The reply the box holds.
#[derive(Clone, Copy)]
pub(super) struct TypedReply {
    pub(super) body: RwSignal<String>,
    pub(super) files: AttachmentsState,
    /// The key it goes with: the same for every attempt at one reply.
    pub(super) key: StoredValue<String>,
    at: StoredValue<Option<String>>,
    /// The note the box began with, which is no reply of the user's until
    /// they change it: nothing is kept, and no list marks it unsent.
    untouched: StoredValue<String>,
}

impl TypedReply {
    /// The reply kept for `request_id`, or one that begins with `prefill`.
    pub(super) fn kept_or(request_id: &str, prefill: String) -> Self {
        let at = kept_at(request_id);
        let kept = at.as_deref().and_then(kept_reply);
        let body = RwSignal::new(kept.as_ref().map_or(prefill.clone(), |d| d.body.clone()));
        let files = AttachmentsState::new();
        if let Some(kept) = &kept {
            files.restore(kept.attachments.clone());
        }
        TypedReply {
            body,
            files,
            key: StoredValue::new(kept.map_or_else(new_key, |d| d.idempotency_key)),
            at: StoredValue::new(at),
            untouched: StoredValue::new(prefill),
        }
    }

    /// Keeps `text` and `attachments` as the reply, or forgets it when
    /// nothing of the user's is left.
    pub(super) fn keep(self, text: String, attachments: Vec<Attachment>) {
        let Some(at) = self.at.get_value() else {
            return;
        };
        let unchanged = text.trim().is_empty() || self.untouched.with_value(|begun| text == *begun);
        if unchanged && attachments.is_empty() {
            _ = storage::remove(&at);
        } else {
            let draft = ReplyDraft {
                body: text,
                idempotency_key: self.key.get_value(),
                attachments,
            };
            _ = storage::write(&at, &draft.encode());
        }
    }

    /// Keeps what the box holds now.
    fn keep_now(self) {
        self.keep(self.body.get_untracked(), untrack(|| self.files.uploaded()));
    }

    /// The backend stored `sent_body` with `sent_files`: what was sent goes;
    /// what was typed or added while it was on its way stays, for the next
    /// reply, under a new key.
    pub(super) fn stored(self, sent_body: &str, sent_files: &[String]) {
        self.key.set_value(new_key());
        if self.body.get_untracked() == sent_body {
            self.body.set(String::new());
        }
        let files_now: Vec<String> = untrack(|| self.files.uploaded())
            .into_iter()
            .map(|a| a.id)
            .collect();
        if files_now == sent_files {
            self.files.clear();
        }
        self.keep_now();
    }

    /// The key went with other words before: the next send is a new reply,
    /// under a new key.
    pub(super) fn key_refused(self) {
        self.key.set_value(new_key());
        self.keep_now();
    }
}
