//! "Discard draft" and its undo: one click must not cost everything typed.

use leptos::prelude::*;

use super::RequestFormState;
use support_rules::drafts::{Draft, DraftSubject};

/// What the form held before "Discard draft", and for whom it said the text
/// was typed.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Discarded {
    draft: Draft,
    typed_for: Option<DraftSubject>,
}

impl RequestFormState {
    /// Empties the form (but for what the page prefilled) and forgets its
    /// stored draft; `undo_discard` brings both back while the form is still
    /// as the discard left it.
    pub(in crate::components::request_form) fn discard_draft(&self) {
        let discarded = Discarded {
            draft: self.current_draft_untracked(),
            typed_for: self.typed_for.get_untracked(),
        };
        let (fields, language_chosen) = self.fresh_fields();
        self.begin_anew(fields, language_chosen);
        self.discarded.set(Some(discarded));
    }

    /// Whether "Undo" is offered (tracked): something was discarded and
    /// nothing typed or attached since, which the undo would overwrite.
    pub(in crate::components::request_form) fn can_undo_discard(&self) -> bool {
        self.discarded.with(Option::is_some)
            && self.attachments.is_empty()
            && self.current_draft().fields == self.fresh_fields().0
    }

    /// Puts the discarded text back, with its idempotency key (an attempt
    /// sent before may still be filed under it), and stores it again.
    pub(in crate::components::request_form) fn undo_discard(&self) {
        if !untrack(|| self.can_undo_discard()) {
            return;
        }
        if let Some(Discarded { draft, typed_for }) = self.discarded.get_untracked() {
            self.load(draft);
            self.typed_for.set(typed_for);
        }
        self.discarded.set(None);
    }
}
