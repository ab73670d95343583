//! When a form begins a new request: shown in a later visit, or for another
//! customer or service, after a filed one; "Submit another request"; and
//! "Discard draft" (`discarded.rs`); and another user signing in.

use leptos::prelude::*;

use super::RequestFormState;
use crate::sending::new_key;
use support_rules::{
    drafts::DraftSubject, journey::Escalating, locale::Locale, request_fields::RequestFields,
};

impl RequestFormState {
    /// The form is shown in the journey's `visit`. Its confirmation stays
    /// while the user is on the visit that filed it (a language switch, its
    /// status and back); a later visit begins a new request (`start_over`)
    /// rather than open on this one's confirmation.
    pub fn show_in(&self, visit: u32) {
        let before = self.shown_in.get_value();
        self.shown_in.set_value(visit);
        if before != visit && untrack(|| self.is_filed()) {
            self.start_over();
        }
    }

    /// The form is shown for `subject`'s customer and service. Text typed for
    /// others stays (nothing typed is lost) and the form says for whom it was
    /// typed, until it is shown for them again. The guide's decision alone
    /// changing (the partner went through it from the form) is the same
    /// customer and service. A request filed for another customer or service
    /// gives way to a new one.
    pub fn show_for(&self, subject: DraftSubject) {
        let before = self.about.get_untracked();
        let same_target = before.as_ref().is_some_and(|b| b.same_target(&subject));
        if !same_target && untrack(|| self.is_filed()) {
            self.start_over();
        }
        // What was discarded was for the customer and service before.
        if !same_target {
            self.discarded.set(None);
        }
        let typed = untrack(|| self.current_draft().fields.describes_a_problem());
        // Whom the text was typed for: whom the form already said, else whom
        // it was shown for until now.
        let typed_for = self.typed_for.get_untracked().or(before);
        self.typed_for
            .set(typed_for.filter(|typed_for| !typed_for.same_target(&subject) && typed));
        self.about.set(Some(subject));
    }

    /// The form is shown for an escalation of the customer's message
    /// `from`: it begins with the message's title, description and files,
    /// once per message, for the partner to edit. A problem the partner had
    /// typed and not filed stays as it is (nothing typed is lost), and the
    /// form says for whom it was typed.
    pub fn carry_over(&self, from: &Escalating) {
        if self.carried_from.get_value().as_deref() == Some(from.id.as_str()) {
            return;
        }
        // What the partner typed stays; the form says for whom (`show_for`).
        if untrack(|| self.unsent()) {
            return;
        }
        self.carried_from.set_value(Some(from.id.clone()));
        let chosen = self.contact_language.get_untracked().is_some();
        let next = RequestFields {
            title: from.title.clone(),
            description: from.description.clone(),
            attachments: from.attachments.clone(),
            ..self.typed(Locale::default()).for_next_request()
        };
        self.begin_anew(next, chosen);
    }

    /// "Submit another request": a new request with what
    /// `RequestFields::for_next_request` keeps, which is not worth a draft.
    /// The escalation guide's decision, where a customer request had one,
    /// was the filed request's: the form is no longer about it.
    pub(in crate::components::request_form) fn another_request(&self) {
        self.forget_decision();
        self.start_over();
    }

    /// The escalation guide's decision no longer holds for this form (the
    /// partner went back into the guide, or files another request): its
    /// draft, resumed later, goes through the guide again.
    pub fn forget_decision(&self) {
        if self
            .about
            .with_untracked(|about| about.as_ref().is_some_and(|a| a.escalation.is_some()))
        {
            self.about.update(|about| {
                if let Some(about) = about {
                    about.escalation = None;
                }
            });
        }
    }

    /// Starts a new request with what `RequestFields::for_next_request`
    /// keeps; that much is not worth a draft.
    pub(super) fn start_over(&self) {
        let chosen = self.contact_language.get_untracked().is_some();
        let next = self.typed(Locale::default()).for_next_request();
        self.begin_anew(next, chosen);
    }

    /// Empties the form for another user, leaving the stored draft to the
    /// user who typed it. It begins with what the page prefilled, not with
    /// the contact details the last user lent from their other form.
    pub(super) fn clear_for_next_user(&self) {
        self.prefilled.set_value(self.page_prefilled.get_value());
        let (fields, language_chosen) = self.fresh_fields();
        self.set_fields(fields, language_chosen);
        self.discarded.set(None);
        self.local_errors.set(Vec::new());
        self.about.set(None);
        self.typed_for.set(None);
        self.idempotency_key.set(new_key());
        self.submit.value.set(None);
        self.submit.pending.set(false);
        self.sent_as.set_value(None);
        self.draft.forget_read();
    }

    /// Throws the draft away: an empty form and a new request.
    pub(super) fn begin_anew(&self, fields: RequestFields, language_chosen: bool) {
        self.set_fields(fields, language_chosen);
        self.discarded.set(None);
        self.local_errors.set(Vec::new());
        self.typed_for.set(None);
        self.idempotency_key.set(new_key());
        self.submit.value.set(None);
        self.draft.forget(self.current_draft_untracked());
    }
}
