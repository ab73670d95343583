//! The backend contract's bodies as the widget reads and writes them: the
//! same JSON as their serde derives in `support-contract` (which the
//! backend uses), checked against them by the tests below. Here a request,
//! the answers about it and the errors that refuse it; the lookups that
//! lead to it (customers, services, service health, help articles) are in
//! `contract/lookups.rs`.

use support_contract::{
    Attachment, Category, Contact, ContactLanguage, CreatedRequest, CustomerRef, ErrorBody,
    ErrorCode, Escalation, FieldError, HealthKind, HealthStatus, NewSupportRequest, RequestKind,
    RequestStatus, Severity, StatusChange, StoredRequest,
};

use super::{FromJson, Invalid, Object, ToJson, Value};

mod lookups;

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
mod tests {
    use std::fmt::Debug;

    use serde::{de::DeserializeOwned, Serialize};

    use super::*;
    use crate::json;

    /// The widget reads what serde writes, and (`writes`) writes what serde
    /// writes, byte for byte.
    pub(super) fn agrees_with_serde<T>(value: &T, writes: Option<fn(&T) -> String>)
    where
        T: FromJson + Serialize + DeserializeOwned + PartialEq + Debug,
    {
        let text = serde_json::to_string(value).unwrap();
        assert_eq!(json::from_str::<T>(&text).as_ref(), Ok(value), "{text}");
        if let Some(write) = writes {
            assert_eq!(write(value), text);
        }
    }

    pub(super) fn written<T: ToJson>(value: &T) -> String {
        json::to_string(value)
    }

    fn attachment(sha256: Option<&str>) -> Attachment {
        Attachment {
            id: "0b7c4f7e-8a1d-4c1e-9d0b-3c1f5e2a9d10".into(),
            name: "screen.png".into(),
            size: 48_213,
            content_type: "image/png".into(),
            sha256: sha256.map(str::to_owned),
        }
    }

    fn requests() -> Vec<NewSupportRequest> {
        let contact = Contact {
            name: "陳怡君".into(),
            email: "chen@contoso.tw".into(),
            phone: Some("+886 2 5555 0100".into()),
            language: ContactLanguage::ZhTw,
        };
        vec![
            NewSupportRequest {
                kind: RequestKind::PartnerCenter,
                category: Some(Category::CustomerSubscriptionManagement),
                title: "Invoice\ttab".into(),
                description: "Line one\nline two \u{1} \\ \u{202e}".into(),
                contact: Contact {
                    phone: None,
                    ..contact.clone()
                },
                locale: ContactLanguage::EsEs,
                ..NewSupportRequest::default()
            },
            NewSupportRequest {
                kind: RequestKind::Customer,
                customer: Some(CustomerRef {
                    id: "c-1".into(),
                    name: "Fabrikam".into(),
                }),
                service: Some("azure".into()),
                escalation: Some(Escalation {
                    reason: "unavailable_service".into(),
                    health_checked: true,
                    troubleshooting: vec!["restart".into(), "settings".into()],
                }),
                title: "VM down".into(),
                description: "It stopped.".into(),
                severity: Some(Severity::Critical),
                contact: contact.clone(),
                locale: ContactLanguage::ZhCn,
                attachments: vec!["a-1".into(), "a-2".into()],
                ..NewSupportRequest::default()
            },
            NewSupportRequest {
                kind: RequestKind::CustomerSelfService,
                title: "Sign-in".into(),
                description: "I can't sign in.".into(),
                contact,
                articles_seen: vec!["office365-reset-password".into()],
                ..NewSupportRequest::default()
            },
        ]
    }

    #[test]
    fn requests_are_written_and_read_as_the_backend_reads_them() {
        for request in requests() {
            agrees_with_serde(&request, Some(written));
        }
    }

    #[test]
    fn the_backends_answers_are_read_as_it_writes_them() {
        agrees_with_serde(&attachment(None), Some(written));
        agrees_with_serde(&attachment(Some("ab12")), Some(written));
        let created = CreatedRequest {
            id: "r-1".into(),
            reference: "SR-2026-000123".into(),
            status: RequestStatus::Submitted,
            created_at: "2026-11-23T10:00:00Z".into(),
        };
        agrees_with_serde(&created, None);
        for request in requests() {
            agrees_with_serde(
                &StoredRequest {
                    id: "r-1".into(),
                    reference: "SR-2026-000123".into(),
                    status: RequestStatus::InProgress,
                    created_at: "2026-11-23T10:00:00Z".into(),
                    request,
                    history: vec![
                        StatusChange {
                            status: RequestStatus::Submitted,
                            changed_at: "2026-11-23T10:00:00Z".into(),
                            note: None,
                        },
                        StatusChange {
                            status: RequestStatus::InProgress,
                            changed_at: "2026-11-23T11:00:00Z".into(),
                            note: Some("Looking into it".into()),
                        },
                    ],
                    attachments: vec![attachment(Some("ab12"))],
                },
                None,
            );
        }
        agrees_with_serde(
            &ErrorBody {
                errors: vec![
                    FieldError::new("contact.email", ErrorCode::InvalidEmail),
                    FieldError::new("", ErrorCode::RateLimited),
                ],
            },
            None,
        );
    }

    #[test]
    fn an_older_backends_answer_without_history_or_files_reads() {
        let text = r#"{"id":"r-1","reference":"SR-1","status":"closed","created_at":"2026-01-01T00:00:00Z",
            "request":{"kind":"partner_center","category":"billing","title":"t","description":"d",
            "contact":{"name":"n","email":"e@x.cn"}}}"#;
        let stored: StoredRequest = json::from_str(text).unwrap();
        assert_eq!(stored, serde_json::from_str::<StoredRequest>(text).unwrap());
        assert!(stored.history.is_empty() && stored.attachments.is_empty());
        assert_eq!(stored.request.contact.language, ContactLanguage::EnUs);
    }

    #[test]
    fn an_unknown_error_code_reads_as_unknown_and_a_wrong_name_is_refused() {
        let body: ErrorBody =
            json::from_str(r#"{"errors":[{"field":"x","code":"from_the_future"}]}"#).unwrap();
        assert_eq!(body.errors[0].code, ErrorCode::Unknown);
        for text in [
            r#"{"errors":[{"field":"x","code":1}]}"#,
            r#"{"errors":{}}"#,
            r#"{"error":[]}"#,
        ] {
            assert!(json::from_str::<ErrorBody>(text).is_err(), "{text}");
            assert!(serde_json::from_str::<ErrorBody>(text).is_err(), "{text}");
        }
        // A filed request's status that this version does not know reads as
        // submitted, where serde refuses the answer.
        for text in [
            r#"{"id":"r","reference":"S","status":"lost","created_at":"t"}"#,
            r#"{"id":"r","reference":"S","status":"Submitted","created_at":"t"}"#,
            r#"{"id":"r","reference":"S","created_at":"t"}"#,
        ] {
            let created = json::from_str::<CreatedRequest>(text).unwrap();
            assert_eq!(created.status, RequestStatus::Submitted, "{text}");
            assert!(
                serde_json::from_str::<CreatedRequest>(text).is_err(),
                "{text}"
            );
        }
        for text in [
            r#"{"id":7,"reference":"S","status":"submitted","created_at":"t"}"#,
            r#"{"id":"r","status":"submitted","created_at":"t"}"#,
        ] {
            assert!(json::from_str::<CreatedRequest>(text).is_err(), "{text}");
            assert!(
                serde_json::from_str::<CreatedRequest>(text).is_err(),
                "{text}"
            );
        }
    }
}
