//! What the page prefills (`element.prefill`): filled in where the user has
//! written nothing, and not the user's draft.

use leptos::prelude::*;

use super::RequestFormState;
use support_rules::{
    host_api::{Prefill, PrefillContact},
    request_fields::RequestFields,
};

impl RequestFormState {
    /// Fills in what the page already knows (`element.prefill`), where the
    /// user has not (`RequestFields::prefilled`), and remembers it as what
    /// the form begins with.
    pub fn prefill(&self, prefill: &Prefill) {
        let chosen = self.contact_language.get_untracked().is_some();
        let current = self.current_draft_untracked().fields;
        let (filled, chosen_now) = current.clone().prefilled(chosen, prefill);
        let set = |signal: RwSignal<String>, before: &String, after: String| {
            if *before != after {
                signal.set(after);
            }
        };
        set(self.title, &current.title, filled.title);
        set(
            self.contact_name,
            &current.contact_name,
            filled.contact_name,
        );
        set(
            self.contact_email,
            &current.contact_email,
            filled.contact_email,
        );
        set(
            self.contact_phone,
            &current.contact_phone,
            filled.contact_phone,
        );
        if current.category != filled.category {
            self.category.set(filled.category);
        }
        if current.service != filled.service {
            self.service.set(filled.service);
        }
        if chosen_now && !chosen {
            self.contact_language.set(Some(filled.contact_language));
        }
        let (fresh, fresh_chosen) = self.fresh_fields();
        self.prefilled
            .set_value(Some(fresh.prefilled(fresh_chosen, prefill)));
        let (page, page_chosen) = self.page_prefilled.get_value().unwrap_or_default();
        self.page_prefilled
            .set_value(Some(page.prefilled(page_chosen, prefill)));
    }

    /// Once this form's request is filed, its contact details fill in
    /// `other`'s when it has none (all or nothing: a name typed there is
    /// someone's, whom another's email would not reach), as the page's
    /// prefill does, and so not as a draft: staff filing several kinds of
    /// request type them once. (`send` lends them when the answer comes.)
    pub fn lend_contact_once_filed(self, other: RequestFormState) {
        self.lends_contact_to.set_value(Some(other));
    }

    /// Fills in the form this one lends its contact details to, if it has
    /// none; nothing once the forms are gone (the element left the page).
    pub(super) fn lend_contact(self) {
        let Some(Some(other)) = self.lends_contact_to.try_get_value() else {
            return;
        };
        let blank = |signal: RwSignal<String>| signal.with_untracked(|text| text.trim().is_empty());
        let has_none = [other.contact_name, other.contact_email, other.contact_phone]
            .into_iter()
            .all(blank);
        if !has_none {
            return;
        }
        let given = |signal: RwSignal<String>| {
            Some(signal.get_untracked().trim().to_owned()).filter(|text| !text.is_empty())
        };
        let contact = PrefillContact {
            name: given(self.contact_name),
            email: given(self.contact_email),
            phone: given(self.contact_phone),
            language: self.contact_language.get_untracked(),
        };
        // Lent by its user, not given by the page: theirs alone.
        let page = other.page_prefilled.get_value();
        other.prefill(&Prefill {
            contact: Some(contact),
            ..Prefill::default()
        });
        other.page_prefilled.set_value(page);
    }

    /// Whether `fields` hold something of the user's: not blank, and not only
    /// what the page prefilled, even after the user emptied some of it.
    pub(super) fn holds_the_users(&self, fields: &RequestFields) -> bool {
        self.prefilled.with_value(|prefilled| match prefilled {
            Some((page, _)) => fields.beyond(page),
            None => !fields.is_blank(),
        })
    }

    /// The form as it begins with nothing of the user's: empty, but for what
    /// the page prefilled; and whether that chose the contact language.
    pub(super) fn fresh_fields(&self) -> (RequestFields, bool) {
        self.prefilled.get_value().unwrap_or_default()
    }
}
