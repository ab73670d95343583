//! The backend contract's bodies as the widget reads and writes them: the
//! same JSON as their serde derives in `support-contract` (which the
//! backend uses), checked against them by the tests below. Here a request,
//! the answers about it and the errors that refuse it; the lookups that
//! lead to it (customers, services, service health, help articles) are in
//! `contract/lookups.rs`.

use support_contract::{
    Attachment, Category, Contact, ContactLanguage, CreatedRequest, CustomerRef, ErrorBody,
    ErrorCode, Escalation, FieldError, HealthKind, HealthStatus, NewSupportRequest, RequestKind,
    RequestList, RequestStatus, Severity, StatusChange, StoredRequest,
};

use super::{FromJson, Invalid, Object, ToJson, Value};

mod lookups;

pub use lookups::HealthAnswer;

/// Enums written as their names (`as_str`) and read with `parse`.
macro_rules! by_name {
    ($($kind:ty),*) => {$(
        impl FromJson for $kind {
            fn from_json(value: &Value) -> Result<$kind, Invalid> {
                value.parse_str(<$kind>::parse)
            }
        }

        impl ToJson for $kind {
            fn to_json(&self, out: &mut String) {
                self.as_str().to_json(out);
            }
        }
    )*};
}

by_name!(
    RequestKind,
    Category,
    Severity,
    ContactLanguage,
    RequestStatus,
    HealthKind,
    HealthStatus
);

impl FromJson for ErrorCode {
    /// Any name this version does not know is `Unknown`.
    fn from_json(value: &Value) -> Result<ErrorCode, Invalid> {
        value.parse_str(|name| Some(ErrorCode::parse(name)))
    }
}

impl FromJson for Contact {
    fn from_json(value: &Value) -> Result<Contact, Invalid> {
        Ok(Contact {
            name: value.field("name")?,
            email: value.field("email")?,
            phone: value.field("phone")?,
            language: value.field_or_default("language")?,
        })
    }
}

impl ToJson for Contact {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("name", &self.name)
            .field("email", &self.email)
            .some("phone", &self.phone)
            .field("language", &self.language)
            .end();
    }
}

impl FromJson for CustomerRef {
    fn from_json(value: &Value) -> Result<CustomerRef, Invalid> {
        Ok(CustomerRef {
            id: value.field("id")?,
            name: value.field("name")?,
        })
    }
}

impl ToJson for CustomerRef {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("name", &self.name)
            .end();
    }
}

impl FromJson for Escalation {
    fn from_json(value: &Value) -> Result<Escalation, Invalid> {
        Ok(Escalation {
            reason: value.field("reason")?,
            health_checked: value.field("health_checked")?,
            troubleshooting: value.field_or_default("troubleshooting")?,
        })
    }
}

impl ToJson for Escalation {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("reason", &self.reason)
            .field("health_checked", &self.health_checked)
            .field("troubleshooting", &self.troubleshooting)
            .end();
    }
}

impl FromJson for NewSupportRequest {
    fn from_json(value: &Value) -> Result<NewSupportRequest, Invalid> {
        Ok(NewSupportRequest {
            kind: value.field("kind")?,
            category: value.field("category")?,
            customer: value.field("customer")?,
            service: value.field("service")?,
            escalation: value.field("escalation")?,
            title: value.field("title")?,
            description: value.field("description")?,
            severity: value.field("severity")?,
            contact: value.field("contact")?,
            locale: value.field_or_default("locale")?,
            articles_seen: value.field_or_default("articles_seen")?,
            attachments: value.field_or_default("attachments")?,
        })
    }
}

impl ToJson for NewSupportRequest {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("kind", &self.kind)
            .some("category", &self.category)
            .some("customer", &self.customer)
            .some("service", &self.service)
            .some("escalation", &self.escalation)
            .field("title", &self.title)
            .field("description", &self.description)
            .some("severity", &self.severity)
            .field("contact", &self.contact)
            .field("locale", &self.locale)
            .non_empty("articles_seen", &self.articles_seen)
            .non_empty("attachments", &self.attachments)
            .end();
    }
}

impl FromJson for CreatedRequest {
    /// A status this version does not know (a newer backend's) reads as
    /// submitted: the answer says the request was filed, which is what
    /// matters, and a refusal here would have the user send it again.
    fn from_json(value: &Value) -> Result<CreatedRequest, Invalid> {
        Ok(CreatedRequest {
            id: value.field("id")?,
            reference: value.field("reference")?,
            status: value.field("status").unwrap_or_default(),
            created_at: value.field("created_at")?,
        })
    }
}

impl FromJson for StoredRequest {
    fn from_json(value: &Value) -> Result<StoredRequest, Invalid> {
        Ok(StoredRequest {
            id: value.field("id")?,
            reference: value.field("reference")?,
            status: value.field("status")?,
            created_at: value.field("created_at")?,
            request: value.field("request")?,
            history: value.field_or_default("history")?,
            attachments: value.field_or_default("attachments")?,
        })
    }
}

impl FromJson for RequestList {
    /// A request this version cannot read (a newer backend's status) is
    /// left out of the page rather than refusing the rest of it.
    fn from_json(value: &Value) -> Result<RequestList, Invalid> {
        Ok(RequestList {
            requests: value.readable_items("requests")?,
            next: value.field("next")?,
        })
    }
}

impl FromJson for StatusChange {
    fn from_json(value: &Value) -> Result<StatusChange, Invalid> {
        Ok(StatusChange {
            status: value.field("status")?,
            changed_at: value.field("changed_at")?,
            note: value.field("note")?,
        })
    }
}

impl FromJson for ErrorBody {
    fn from_json(value: &Value) -> Result<ErrorBody, Invalid> {
        Ok(ErrorBody {
            errors: value.field("errors")?,
        })
    }
}

impl FromJson for FieldError {
    fn from_json(value: &Value) -> Result<FieldError, Invalid> {
        Ok(FieldError {
            field: value.field("field")?,
            code: value.field("code")?,
        })
    }
}

impl FromJson for Attachment {
    fn from_json(value: &Value) -> Result<Attachment, Invalid> {
        Ok(Attachment {
            id: value.field("id")?,
            name: value.field("name")?,
            size: value.field("size")?,
            content_type: value.field("content_type")?,
            sha256: value.field("sha256")?,
        })
    }
}

impl ToJson for Attachment {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("size", &self.size)
            .field("content_type", &self.content_type)
            .some("sha256", &self.sha256)
            .end();
    }
}

/// Natively only: serde_json and the contract's derives are what the
/// backend speaks, and the widget must read and write exactly that.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
