//! A request form as plain data: what the user typed, and the request it
//! becomes. The Partner Center request and the customer request share it.

use serde::{Deserialize, Serialize};
use support_contract::{
    Attachment, Category, Contact, ContactLanguage, CustomerRef, Escalation, NewSupportRequest,
    RequestKind, Service, Severity,
};

use crate::{
    host_api::Prefill,
    i18n::{id, MessageId},
    locale::Locale,
};

/// The fields exactly as typed (nothing is trimmed away, so nothing the user
/// typed is lost between a failed submit and the next try). Serialized as a
/// draft (`drafts.rs`); a field missing from an older draft is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestFields {
    pub category: Option<Category>,
    pub severity: Option<Severity>,
    /// The service a customer's message to its partner is about, if the
    /// customer chose one (the customer request's is chosen before its form).
    /// Written only when chosen: a draft without one reads as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub title: String,
    pub description: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_language: ContactLanguage,
    /// The files uploaded for this request (the ones still uploading or
    /// failed are the form's business, not the request's).
    pub attachments: Vec<Attachment>,
}

/// Who and what a customer request is about, chosen before the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerContext {
    pub customer: CustomerRef,
    pub service: Service,
    /// What the escalation guide decided, when the partner went through it.
    pub escalation: Option<Escalation>,
    /// The customer's message the request escalates, if it does.
    pub related_request: Option<String>,
}

/// Which request a form files, with what was chosen before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RequestTarget {
    /// The partner's own problem with Partner Center.
    #[default]
    PartnerCenter,
    /// A service request on behalf of a customer.
    Customer(CustomerContext),
    /// A customer contacting its partner, with the help articles it saw and
    /// the ids of the services its form offers (none while the list is not
    /// here): a service is sent only if it is one of them.
    ContactPartner {
        articles_seen: Vec<String>,
        services_offered: Vec<String>,
    },
}

impl RequestFields {
    /// The request body for `target`.
    pub fn to_request(&self, target: &RequestTarget, locale: Locale) -> NewSupportRequest {
        let phone = visible(&ascii_forms(&self.contact_phone), false);
        let common = NewSupportRequest {
            title: visible(&self.title, false),
            description: visible(&self.description, true),
            contact: Contact {
                name: visible(&self.contact_name, false),
                email: visible(&ascii_forms(&self.contact_email), false),
                phone: (!phone.is_empty()).then_some(phone),
                language: self.contact_language,
            },
            locale,
            attachments: self.attachments.iter().map(|a| a.id.clone()).collect(),
            ..NewSupportRequest::default()
        };
        match target {
            RequestTarget::PartnerCenter => NewSupportRequest {
                kind: RequestKind::PartnerCenter,
                category: self.category,
                ..common
            },
            RequestTarget::Customer(context) => NewSupportRequest {
                kind: RequestKind::Customer,
                customer: Some(context.customer.clone()),
                service: Some(context.service.id.clone()),
                escalation: context.escalation.clone(),
                related_request: context.related_request.clone(),
                severity: self.severity,
                ..common
            },
            RequestTarget::ContactPartner {
                articles_seen,
                services_offered,
            } => NewSupportRequest {
                kind: RequestKind::CustomerSelfService,
                // A draft's or the page's service that the form could not
                // offer (the list not had, or without it) is not sent: the
                // customer could not see it, nor correct it if refused.
                service: self
                    .service
                    .clone()
                    .filter(|service| services_offered.contains(service)),
                articles_seen: articles_seen.clone(),
                ..common
            },
        }
    }

    /// Whether anything about the problem itself has been typed or chosen:
    /// the contact details carry over from one request to the next.
    pub fn describes_a_problem(&self) -> bool {
        self.category.is_some()
            || self.severity.is_some()
            || self.service.is_some()
            || !self.title.is_empty()
            || !self.description.is_empty()
            || !self.attachments.is_empty()
    }

    /// Whether nothing has been typed or chosen.
    pub fn is_blank(&self) -> bool {
        !self.describes_a_problem()
            && [&self.contact_name, &self.contact_email, &self.contact_phone]
                .iter()
                .all(|text| text.is_empty())
    }

    /// Whether these fields hold something besides what the page filled in
    /// (`page`): a field written or chosen, with another value than the
    /// page's. A field the user emptied holds nothing of theirs. The contact
    /// language counts on a form that holds something else (alone, it is no
    /// request begun).
    pub fn beyond(&self, page: &RequestFields) -> bool {
        let text = |mine: &String, page: &String| !mine.is_empty() && mine != page;
        self.category.is_some_and(|c| page.category != Some(c))
            || self.severity.is_some_and(|s| page.severity != Some(s))
            || self
                .service
                .as_ref()
                .is_some_and(|s| page.service.as_ref() != Some(s))
            || text(&self.title, &page.title)
            || text(&self.description, &page.description)
            || text(&self.contact_name, &page.contact_name)
            || text(&self.contact_email, &page.contact_email)
            || text(&self.contact_phone, &page.contact_phone)
            || !self.attachments.is_empty()
            || (self.contact_language != page.contact_language && !self.is_blank())
    }

    /// Empties what describes the problem; the contact details stay, as the
    /// same person usually files the next request too.
    pub fn for_next_request(&self) -> RequestFields {
        RequestFields {
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            contact_language: self.contact_language,
            ..RequestFields::default()
        }
    }

    /// These fields with `prefill`'s values where nothing is written or
    /// chosen yet (text of only spaces counts as nothing): a page that
    /// prefills on every load never overwrites what the user typed.
    /// `language_chosen`: whether a contact language is chosen, before and
    /// after.
    pub fn prefilled(mut self, language_chosen: bool, prefill: &Prefill) -> (RequestFields, bool) {
        let fill = |typed: &mut String, value: &Option<String>| {
            if let Some(value) = value.as_ref().filter(|_| typed.trim().is_empty()) {
                value.clone_into(typed);
            }
        };
        fill(&mut self.title, &prefill.title);
        self.category = self.category.or(prefill.category);
        self.service = self.service.or_else(|| prefill.service.clone());
        let mut chosen = language_chosen;
        if let Some(contact) = &prefill.contact {
            fill(&mut self.contact_name, &contact.name);
            fill(&mut self.contact_email, &contact.email);
            fill(&mut self.contact_phone, &contact.phone);
            if let Some(language) = contact.language.filter(|_| !chosen) {
                self.contact_language = language;
                chosen = true;
            }
        }
        (self, chosen)
    }
}

/// The message that names a category.
pub fn category_label(category: Category) -> MessageId {
    match category {
        Category::Technical => id::PC_CATEGORY_TECHNICAL,
        Category::Billing => id::PC_CATEGORY_BILLING,
        Category::CustomerSubscriptionManagement => {
            id::PC_CATEGORY_CUSTOMER_SUBSCRIPTION_MANAGEMENT
        }
    }
}

/// The messages that name a severity and explain it.
pub fn severity_label(severity: Severity) -> (MessageId, MessageId) {
    match severity {
        Severity::Critical => (id::SEVERITY_CRITICAL, id::SEVERITY_CRITICAL_HINT),
        Severity::Moderate => (id::SEVERITY_MODERATE, id::SEVERITY_MODERATE_HINT),
        Severity::Minimal => (id::SEVERITY_MINIMAL, id::SEVERITY_MINIMAL_HINT),
    }
}

/// The Submit button's words: waiting (for a retry, the connection or the
/// files), sending, or ready to send.
pub fn submit_label(sending: bool, waiting: bool) -> MessageId {
    match (sending, waiting) {
        (_, true) => id::SUBMIT_WAITING,
        (true, false) => id::SUBMIT_PENDING,
        (false, false) => id::SUBMIT_BUTTON,
    }
}

/// An address or a number typed in an input method's full-width mode (as
/// Chinese often is: １３８…, ＠, the ideographic full stop 。) in the ASCII
/// it is written in, and a dash of any kind as a hyphen: what the user meant,
/// in the form the contract checks.
pub fn ascii_forms(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{3002}' | '\u{FF61}' => '.',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
            c => c,
        })
        .collect()
}

/// The text as the user sees it, trimmed: without the control characters
/// that a field shows as nothing (a log pasted from a terminal brings its
/// colour codes' escapes), which the contract refuses and the user could
/// neither see nor remove. Line breaks and tabs stay where the field is
/// multi-line; on one line, a tab is the space it shows as.
pub fn visible(text: &str, multiline: bool) -> String {
    let kept = |c: &char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    let spaced = |c: char| if c == '\t' && !multiline { ' ' } else { c };
    text.chars()
        .map(spaced)
        .filter(kept)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests;
