//! The Partner Center request form as plain data: what the user typed, and
//! the request it becomes.

use support_contract::{Category, Contact, ContactLanguage, NewSupportRequest, RequestKind};

use crate::{i18n::id, locale::Locale};

/// The form's fields exactly as typed (nothing is trimmed away, so nothing
/// the user typed is lost between a failed submit and the next try).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnerCenterFields {
    pub category: Option<Category>,
    pub title: String,
    pub description: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_language: ContactLanguage,
}

impl PartnerCenterFields {
    /// The request body for these fields, in the user's locale.
    pub fn to_request(&self, locale: Locale) -> NewSupportRequest {
        let phone = self.contact_phone.trim();
        NewSupportRequest {
            kind: RequestKind::PartnerCenter,
            category: self.category,
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            contact: Contact {
                name: self.contact_name.trim().to_owned(),
                email: self.contact_email.trim().to_owned(),
                phone: (!phone.is_empty()).then(|| phone.to_owned()),
                language: self.contact_language,
            },
            locale: locale.contact_language(),
            ..NewSupportRequest::default()
        }
    }
}

/// The message that names a category.
pub fn category_label(category: Category) -> &'static str {
    match category {
        Category::Technical => id::PC_CATEGORY_TECHNICAL,
        Category::Billing => id::PC_CATEGORY_BILLING,
        Category::CustomerSubscriptionManagement => {
            id::PC_CATEGORY_CUSTOMER_SUBSCRIPTION_MANAGEMENT
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_trims_text_and_leaves_out_an_empty_phone() {
        let fields = PartnerCenterFields {
            category: Some(Category::Billing),
            title: "  Factura duplicada ".into(),
            description: "\nLa factura de octubre aparece dos veces.\n".into(),
            contact_name: " Lucía Pérez ".into(),
            contact_email: " lucia@fabrikam.es ".into(),
            contact_phone: "  ".into(),
            contact_language: ContactLanguage::EsEs,
        };
        let request = fields.to_request(Locale::EsEs);
        assert_eq!(request.kind, RequestKind::PartnerCenter);
        assert_eq!(request.category, Some(Category::Billing));
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
    fn an_untouched_form_fails_validation_on_every_required_field() {
        let errors = PartnerCenterFields::default()
            .to_request(Locale::EnUs)
            .validate();
        assert_eq!(errors.len(), 5);
    }
}
