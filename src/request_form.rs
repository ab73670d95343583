//! A request form as plain data: what the user typed, and the request it
//! becomes. The Partner Center request and the customer request share it.

use support_contract::{
    Attachment, Category, Contact, ContactLanguage, CustomerRef, Escalation, NewSupportRequest,
    RequestKind, Service, Severity,
};

use crate::{
    host_api::Prefill,
    i18n::{id, MessageId},
    json::{FromJson, Invalid, Object, ToJson, Value},
    locale::Locale,
};

/// The fields exactly as typed (nothing is trimmed away, so nothing the user
/// typed is lost between a failed submit and the next try). Serialized as a
/// draft (`drafts.rs`); a field missing from an older draft is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestFields {
    pub category: Option<Category>,
    pub severity: Option<Severity>,
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

impl FromJson for RequestFields {
    /// A field missing from an older draft is empty.
    fn from_json(value: &Value) -> Result<RequestFields, Invalid> {
        let value = value.object()?;
        Ok(RequestFields {
            category: value.field("category")?,
            severity: value.field("severity")?,
            title: value.field_or_default("title")?,
            description: value.field_or_default("description")?,
            contact_name: value.field_or_default("contact_name")?,
            contact_email: value.field_or_default("contact_email")?,
            contact_phone: value.field_or_default("contact_phone")?,
            contact_language: value.field_or_default("contact_language")?,
            attachments: value.field_or_default("attachments")?,
        })
    }
}

impl ToJson for RequestFields {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("category", &self.category)
            .field("severity", &self.severity)
            .field("title", &self.title)
            .field("description", &self.description)
            .field("contact_name", &self.contact_name)
            .field("contact_email", &self.contact_email)
            .field("contact_phone", &self.contact_phone)
            .field("contact_language", &self.contact_language)
            .field("attachments", &self.attachments)
            .end();
    }
}

/// Who and what a customer request is about, chosen before the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerContext {
    pub customer: CustomerRef,
    pub service: Service,
    /// What the escalation guide decided, when the partner went through it.
    pub escalation: Option<Escalation>,
}

/// Which request a form files, with what was chosen before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RequestTarget {
    /// The partner's own problem with Partner Center.
    #[default]
    PartnerCenter,
    /// A service request on behalf of a customer.
    Customer(CustomerContext),
    /// A customer contacting its partner, with the help articles it saw.
    ContactPartner { articles_seen: Vec<String> },
}

impl RequestFields {
    /// The request body for `target`.
    pub fn to_request(&self, target: &RequestTarget, locale: Locale) -> NewSupportRequest {
        let phone = visible(&self.contact_phone, false);
        let common = NewSupportRequest {
            title: visible(&self.title, false),
            description: visible(&self.description, true),
            contact: Contact {
                name: visible(&self.contact_name, false),
                email: visible(&self.contact_email, false),
                phone: (!phone.is_empty()).then_some(phone),
                language: self.contact_language,
            },
            locale: locale.contact_language(),
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
                severity: self.severity,
                ..common
            },
            RequestTarget::ContactPartner { articles_seen } => NewSupportRequest {
                kind: RequestKind::CustomerSelfService,
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

/// The text as the user sees it, trimmed: without the control characters
/// that a field shows as nothing (a log pasted from a terminal brings its
/// colour codes' escapes), which the contract refuses and the user could
/// neither see nor remove. Line breaks and tabs stay where the field is
/// multi-line; on one line, a tab is the space it shows as.
fn visible(text: &str, multiline: bool) -> String {
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
mod tests {
    use super::*;
    use crate::host_api::PrefillContact;

    fn portal_prefill() -> Prefill {
        Prefill {
            title: Some("The portal's title".into()),
            category: Some(Category::Technical),
            contact: Some(PrefillContact {
                name: Some("Portal User".into()),
                email: Some("user@contoso.com".into()),
                phone: None,
                language: Some(ContactLanguage::ZhTw),
            }),
            ..Prefill::default()
        }
    }

    #[test]
    fn a_prefill_fills_only_what_is_empty_and_chooses_no_language_twice() {
        let (blank, chosen) = RequestFields::default().prefilled(false, &portal_prefill());
        assert_eq!(blank.title, "The portal's title");
        assert_eq!(blank.category, Some(Category::Technical));
        assert_eq!(blank.contact_email, "user@contoso.com");
        assert_eq!(blank.contact_phone, "");
        assert_eq!(blank.contact_language, ContactLanguage::ZhTw);
        assert!(chosen);

        let (typed, chosen) = typed().prefilled(true, &portal_prefill());
        assert_eq!(typed.title, "  Factura duplicada ");
        assert_eq!(typed.category, Some(Category::Billing));
        assert_eq!(typed.contact_name, " Lucía Pérez ");
        assert_eq!(typed.contact_language, ContactLanguage::EsEs);
        assert!(chosen);

        // Spaces are nothing typed; a second prefill adds to the first.
        let spaces = RequestFields {
            title: "   ".into(),
            ..RequestFields::default()
        };
        let (filled, _) = spaces.prefilled(false, &portal_prefill());
        assert_eq!(filled.title, "The portal's title");
        let phone = Prefill {
            contact: Some(PrefillContact {
                phone: Some("02 2555 0100".into()),
                ..PrefillContact::default()
            }),
            ..Prefill::default()
        };
        let (both, _) = blank.prefilled(true, &phone);
        assert_eq!(both.contact_phone, "02 2555 0100");
        assert_eq!(both.contact_email, "user@contoso.com");
    }

    fn typed() -> RequestFields {
        RequestFields {
            category: Some(Category::Billing),
            severity: Some(Severity::Critical),
            title: "  Factura duplicada ".into(),
            description: "\nLa factura de octubre aparece dos veces.\n".into(),
            contact_name: " Lucía Pérez ".into(),
            contact_email: " lucia@fabrikam.es ".into(),
            contact_phone: "  ".into(),
            contact_language: ContactLanguage::EsEs,
            attachments: Vec::new(),
        }
    }

    fn context() -> CustomerContext {
        CustomerContext {
            customer: CustomerRef {
                id: "c-7".into(),
                name: "Núñez y Asociados S.L.".into(),
            },
            service: Service {
                id: "azure".into(),
                name: "Azure".into(),
                admin_center_url: "https://portal.azure.cn/".into(),
            },
            escalation: None,
        }
    }

    #[test]
    fn an_empty_form_of_each_kind_says_what_to_do_for_each_field_it_needs() {
        use support_contract::{ErrorCode, FieldError};

        use crate::{field_errors, i18n};
        let targets = [
            RequestTarget::PartnerCenter,
            RequestTarget::Customer(context()),
            RequestTarget::ContactPartner {
                articles_seen: Vec::new(),
            },
        ];
        for target in targets {
            let errors = RequestFields::default()
                .to_request(&target, Locale::EnUs)
                .validate();
            assert!(!errors.is_empty(), "{target:?}");
            for locale in Locale::ALL {
                for error in &errors {
                    assert_eq!(error.code, ErrorCode::Required, "{error:?}");
                    let label = field_errors::field_label(&error.field).unwrap();
                    // What a field without an instruction of its own says:
                    // that the backend did not accept it.
                    let refused = i18n::format(
                        locale,
                        id::ERROR_NOT_ACCEPTED,
                        Some(&i18n::args([(
                            "field",
                            i18n::message(locale, label).into(),
                        )])),
                    );
                    let said = field_errors::message(locale, error);
                    assert_ne!(said, refused, "{locale:?} {error:?}");
                    let other = FieldError::new(error.field.as_str(), ErrorCode::InvalidValue);
                    assert_ne!(said, field_errors::message(locale, &other));
                }
            }
        }
    }

    #[test]
    fn a_partner_center_request_trims_text_and_leaves_out_an_empty_phone() {
        let request = typed().to_request(&RequestTarget::PartnerCenter, Locale::EsEs);
        assert_eq!(request.kind, RequestKind::PartnerCenter);
        assert_eq!(request.category, Some(Category::Billing));
        assert_eq!(
            request.severity, None,
            "severity belongs to customer requests"
        );
        assert_eq!(request.customer, None);
        assert_eq!(request.title, "Factura duplicada");
        assert_eq!(
            request.description,
            "La factura de octubre aparece dos veces."
        );
        assert_eq!(request.contact.name, "Lucía Pérez");
        assert_eq!(request.contact.email, "lucia@fabrikam.es");
        assert_eq!(request.contact.phone, None);
        assert_eq!(request.locale, ContactLanguage::EsEs);
        assert!(request.validate().is_empty());
    }

    #[test]
    fn submit_says_whether_the_request_waits_is_on_its_way_or_can_go() {
        assert_eq!(submit_label(false, false), id::SUBMIT_BUTTON);
        assert_eq!(submit_label(true, false), id::SUBMIT_PENDING);
        // A retry's wait or the connection's, while sending.
        assert_eq!(submit_label(true, true), id::SUBMIT_WAITING);
        // Files still uploading, before the request goes.
        assert_eq!(submit_label(false, true), id::SUBMIT_WAITING);
    }

    #[test]
    fn invisible_control_characters_are_left_out_and_line_breaks_kept() {
        let pasted = RequestFields {
            title: "bell\u{7} and\ttab".into(),
            description: "\u{1b}[31mERROR\u{1b}[0m timeout\r\n\tat step 2\u{0}".into(),
            contact_name: "\u{1b}Ana".into(),
            contact_email: "ana@contoso.com\u{0}".into(),
            contact_phone: "\u{7}+1 425 555 0100".into(),
            ..typed()
        };
        let request = pasted.to_request(&RequestTarget::PartnerCenter, Locale::EnUs);
        assert_eq!(request.title, "bell and tab");
        assert_eq!(request.description, "[31mERROR[0m timeout\r\n\tat step 2");
        assert_eq!(request.contact.name, "Ana");
        assert_eq!(request.contact.email, "ana@contoso.com");
        assert_eq!(request.contact.phone.as_deref(), Some("+1 425 555 0100"));
        assert!(request.validate().is_empty());
    }

    #[test]
    fn a_customer_request_carries_the_customer_and_the_service() {
        let request = typed().to_request(&RequestTarget::Customer(context()), Locale::ZhTw);
        assert_eq!(request.kind, RequestKind::Customer);
        assert_eq!(
            request.category, None,
            "categories belong to Partner Center requests"
        );
        assert_eq!(request.customer, Some(context().customer));
        assert_eq!(request.service.as_deref(), Some("azure"));
        assert_eq!(request.severity, Some(Severity::Critical));
        assert!(request.validate().is_empty());
    }

    #[test]
    fn an_escalated_request_carries_what_the_guide_decided() {
        let escalation = Escalation {
            reason: "unavailable_service".into(),
            health_checked: true,
            troubleshooting: vec!["settings".into()],
        };
        let target = RequestTarget::Customer(CustomerContext {
            escalation: Some(escalation.clone()),
            ..context()
        });
        let request = typed().to_request(&target, Locale::EnUs);
        assert_eq!(request.escalation, Some(escalation));
        assert!(request.validate().is_empty());
    }

    #[test]
    fn contacting_the_partner_lists_the_articles_seen_and_needs_no_category() {
        let target = RequestTarget::ContactPartner {
            articles_seen: vec!["reset-password".into()],
        };
        let request = typed().to_request(&target, Locale::ZhCn);
        assert_eq!(request.kind, RequestKind::CustomerSelfService);
        assert_eq!(request.articles_seen, ["reset-password"]);
        assert_eq!(request.category, None);
        assert_eq!(request.severity, None);
        assert!(request.validate().is_empty());
    }

    #[test]
    fn an_untouched_form_fails_validation_on_every_required_field() {
        let errors = RequestFields::default()
            .to_request(&RequestTarget::PartnerCenter, Locale::EnUs)
            .validate();
        assert_eq!(errors.len(), 5);
        let customer =
            RequestFields::default().to_request(&RequestTarget::Customer(context()), Locale::EnUs);
        let fields: Vec<_> = customer.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "severity",
                "title",
                "description",
                "contact.name",
                "contact.email"
            ]
        );
    }

    #[test]
    fn a_request_refers_to_its_uploaded_files_by_id() {
        let fields = RequestFields {
            attachments: vec![Attachment {
                id: "u-1".into(),
                name: "screen.png".into(),
                size: 2048,
                content_type: "image/png".into(),
                sha256: None,
            }],
            ..typed()
        };
        let request = fields.to_request(&RequestTarget::PartnerCenter, Locale::EnUs);
        assert_eq!(request.attachments, ["u-1"]);
        assert!(!RequestFields {
            attachments: fields.attachments.clone(),
            ..RequestFields::default()
        }
        .is_blank());
        assert!(fields.for_next_request().attachments.is_empty());
    }

    #[test]
    fn the_next_request_keeps_only_the_contact_details() {
        let next = typed().for_next_request();
        assert_eq!(next.title, "");
        assert_eq!(next.category, None);
        assert_eq!(next.severity, None);
        assert_eq!(next.contact_email, " lucia@fabrikam.es ");
        assert_eq!(next.contact_language, ContactLanguage::EsEs);
        // What carries over is no problem described, though not blank.
        assert!(!next.is_blank() && !next.describes_a_problem());
        assert!(typed().describes_a_problem());
    }
}
