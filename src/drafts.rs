//! A form's draft: what the user typed and the request's `Idempotency-Key`,
//! kept in localStorage so that a reload, a crash or a closed tab loses
//! nothing, and a request sent again after a reload is still filed once.
//!
//! ```
//! use support_widget::{drafts::{self, Draft, FormFlow}, host::{Audience, BackendUrl}};
//!
//! let backend = BackendUrl::parse(Some("https://portal.example.com/api")).unwrap();
//! assert_eq!(
//!     drafts::storage_key(&backend, Audience::Partner, FormFlow::Customer),
//!     "support-widget:v1:draft:https://portal.example.com/api/:partner:customer",
//! );
//! assert_eq!(Draft::decode("not json"), None);
//! ```

use support_contract::{Customer, Escalation, Service};

use crate::{
    host::{Audience, BackendUrl},
    i18n,
    json::{FromJson, Invalid, Object, ToJson, Value},
    request_form::RequestFields,
    self_service::SeenArticle,
};

/// The format of a stored draft; a draft of another version is ignored.
const VERSION: u32 = 1;

/// The forms that keep a draft, one draft each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormFlow {
    /// The partner's own Partner Center request.
    PartnerCenter,
    /// A service request on behalf of a customer.
    Customer,
    /// A customer contacting its partner after self-service.
    ContactPartner,
}

impl FormFlow {
    pub fn as_str(self) -> &'static str {
        match self {
            FormFlow::PartnerCenter => "partner-center",
            FormFlow::Customer => "customer",
            FormFlow::ContactPartner => "contact-partner",
        }
    }
}

/// Where a form's draft lives: one key per backend, audience and flow, so
/// that widgets of different backends or audiences on a page, or two portals
/// on one origin, never share one (two widgets of the same backend and
/// audience do: they are the same user's forms).
pub fn storage_key(backend: &BackendUrl, audience: Audience, flow: FormFlow) -> String {
    format!(
        "support-widget:v1:draft:{}:{}:{}",
        backend.as_str(),
        audience.as_str(),
        flow.as_str()
    )
}

/// Whether `stored`, the draft in storage, is another form's to keep: one
/// saved at another time than `own`, the draft this form last wrote or
/// loaded (none when it wrote none). Another widget of the same backend and
/// audience, or the same form in another tab, shares the storage key. A
/// draft that is missing or cannot be read is nobody's.
pub fn is_theirs(stored: Option<&Draft>, own: Option<u64>) -> bool {
    stored.is_some_and(|stored| Some(stored.saved_at) != own)
}

/// Whom a customer request's draft is for: the customer and the service
/// chosen before the form, and what the escalation guide decided if the
/// partner went through it, so that the partner can pick up where they left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSubject {
    pub customer: Customer,
    pub service: Service,
    pub escalation: Option<Escalation>,
}

impl DraftSubject {
    /// Whether the two are for the same customer and service, whatever the
    /// guide decided.
    pub fn same_target(&self, other: &DraftSubject) -> bool {
        self.customer == other.customer && self.service == other.service
    }

    /// `$customer` and `$service` for the messages that name them.
    pub fn message_args(&self) -> i18n::Args<'static> {
        i18n::args([
            ("customer", self.customer.name.clone().into()),
            ("service", self.service.name.clone().into()),
        ])
    }
}

/// One form's draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub fields: RequestFields,
    /// Whether the user picked the contact language; if not, it keeps
    /// following the widget's language.
    pub contact_language_chosen: bool,
    /// The key every attempt of this request is sent with.
    pub idempotency_key: String,
    /// Milliseconds since the Unix epoch.
    pub saved_at: u64,
    /// The customer and service of a customer request.
    pub about: Option<DraftSubject>,
    /// The help articles a customer looked at before its message to the
    /// partner, which the message names.
    pub articles_seen: Vec<SeenArticle>,
}

impl Draft {
    /// `{"version":1,"draft":{…}}`.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        Object::new(&mut out)
            .field("version", &VERSION)
            .field("draft", self)
            .end();
        out
    }

    /// Reads a stored draft. Anything else (another version, a broken or
    /// edited entry, a key that is not a UUID) is no draft.
    pub fn decode(text: &str) -> Option<Draft> {
        let stored = Value::parse(text)?;
        if stored.field::<u32>("version").ok()? != VERSION {
            return None;
        }
        let draft: Draft = stored.field("draft").ok()?;
        uuid::Uuid::parse_str(&draft.idempotency_key).ok()?;
        Some(draft)
    }
}

impl FromJson for DraftSubject {
    fn from_json(value: &Value) -> Result<DraftSubject, Invalid> {
        Ok(DraftSubject {
            customer: value.field("customer")?,
            service: value.field("service")?,
            escalation: value.field("escalation")?,
        })
    }
}

impl ToJson for DraftSubject {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("customer", &self.customer)
            .field("service", &self.service)
            .field("escalation", &self.escalation)
            .end();
    }
}

impl FromJson for Draft {
    fn from_json(value: &Value) -> Result<Draft, Invalid> {
        Ok(Draft {
            fields: value.field("fields")?,
            contact_language_chosen: value.field_or_default("contact_language_chosen")?,
            idempotency_key: value.field("idempotency_key")?,
            saved_at: value.field_or_default("saved_at")?,
            about: value.field("about")?,
            articles_seen: value.field_or_default("articles_seen")?,
        })
    }
}

impl ToJson for Draft {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("fields", &self.fields)
            .field("contact_language_chosen", &self.contact_language_chosen)
            .field("idempotency_key", &self.idempotency_key)
            .field("saved_at", &self.saved_at)
            .field("about", &self.about)
            .non_empty("articles_seen", &self.articles_seen)
            .end();
    }
}

#[cfg(test)]
mod tests {
    // These run in the browser too (scripts/test-browser), where JSON is the
    // browser's own: see `crate::json`.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use support_contract::{Category, ContactLanguage};

    use super::*;

    #[test]
    fn only_the_draft_this_form_stored_last_is_its_own_to_remove() {
        let saved_at = |saved_at| Draft {
            saved_at,
            ..draft()
        };
        // Stored by this form, or loaded by it and not changed since.
        assert!(!is_theirs(Some(&saved_at(10)), Some(10)));
        // Another tab or widget stored a newer one, after loading this one's
        // or while this form had stored none.
        assert!(is_theirs(Some(&saved_at(11)), Some(10)));
        assert!(is_theirs(Some(&saved_at(11)), None));
        // Nothing stored, or an entry that cannot be read: nobody's.
        assert!(!is_theirs(None, Some(10)));
        assert!(!is_theirs(None, None));
    }

    fn backend(url: &str) -> BackendUrl {
        BackendUrl::parse(Some(url)).unwrap()
    }

    fn draft() -> Draft {
        Draft {
            fields: RequestFields {
                category: Some(Category::Billing),
                title: "<script>alert(1)</script> \u{202e}gnp.exe \u{200b}😀".into(),
                description: "第一行\n\tsegunda línea\u{0007}".repeat(5_000),
                contact_name: "  陳怡君 ".into(),
                contact_language: ContactLanguage::ZhTw,
                ..RequestFields::default()
            },
            contact_language_chosen: true,
            idempotency_key: "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11".into(),
            saved_at: 1_795_000_000_000,
            about: None,
            articles_seen: Vec::new(),
        }
    }

    #[test]
    fn a_draft_comes_back_exactly_as_typed() {
        assert_eq!(Draft::decode(&draft().encode()), Some(draft()));
    }

    #[test]
    fn a_customer_request_draft_remembers_whom_it_is_for_and_the_guides_decision() {
        let about = DraftSubject {
            customer: Customer {
                id: "c-1".into(),
                name: "Fabrikam 北京".into(),
                domain: "fabrikam.partner.onmschina.cn".into(),
            },
            service: Service {
                id: "azure".into(),
                name: "Azure".into(),
                admin_center_url: "https://portal.azure.cn/".into(),
            },
            escalation: Some(Escalation {
                reason: "none".into(),
                health_checked: true,
                troubleshooting: vec!["settings".into()],
            }),
        };
        let draft = Draft {
            about: Some(about),
            ..draft()
        };
        assert_eq!(Draft::decode(&draft.encode()), Some(draft));
    }

    #[test]
    fn a_message_to_the_partner_keeps_the_articles_seen_before_it() {
        let seen = |id: &str, title: &str| SeenArticle {
            id: id.into(),
            title: title.into(),
        };
        let draft = Draft {
            articles_seen: vec![
                seen("office365-reset-password", "重設使用者的密碼"),
                seen("azure-vm-start", "Azure VM won't \"start\""),
            ],
            ..draft()
        };
        let text = draft.encode();
        assert!(text.contains(r#""articles_seen":[{"id":"office365-reset-password""#));
        assert_eq!(Draft::decode(&text), Some(draft));
        // A form without any writes none.
        assert!(!self::draft().encode().contains("articles_seen"));
    }

    #[test]
    fn each_backend_audience_and_flow_has_its_own_key() {
        let a = backend("https://a.example/api/support");
        let b = backend("https://b.example/api/support");
        let keys = [
            storage_key(&a, Audience::Partner, FormFlow::PartnerCenter),
            storage_key(&a, Audience::Partner, FormFlow::Customer),
            storage_key(&b, Audience::Partner, FormFlow::PartnerCenter),
        ];
        assert_eq!(
            keys[0],
            "support-widget:v1:draft:https://a.example/api/support/:partner:partner-center"
        );
        assert_ne!(keys[0], keys[1]);
        assert_ne!(keys[0], keys[2]);
        // The same backend written two ways is one backend.
        assert_eq!(
            storage_key(
                &backend(" https://a.example/api/support/?x=1 "),
                Audience::Partner,
                FormFlow::PartnerCenter
            ),
            keys[0]
        );
    }

    #[test]
    fn garbage_is_no_draft() {
        let good = draft().encode();
        let other_version = good.replace("\"version\":1", "\"version\":2");
        let bad_key = good.replace("6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11", "<img src=x>");
        for text in [
            "",
            "null",
            "[]",
            "{\"version\":1}",
            "{\"version\":1,\"draft\":{\"fields\":42}}",
            &good[..40],
            &other_version,
            &bad_key,
        ] {
            assert_eq!(Draft::decode(text), None, "{text:.80}");
        }
    }

    #[test]
    fn a_draft_stored_by_the_previous_format_reads_and_is_written_the_same() {
        // As serde's derives, through the browser's JSON.stringify, wrote it.
        let stored = concat!(
            r#"{"version":1,"draft":{"fields":{"category":null,"severity":"critical","#,
            r#""title":"VM down","description":"It \"stopped\".\n","contact_name":"陳怡君","#,
            r#""contact_email":"chen@contoso.tw","contact_phone":"+886 2 5555 0100","#,
            r#""contact_language":"zh-TW","attachments":[{"id":"a-1","name":"screen.png","#,
            r#""size":48213,"content_type":"image/png"},{"id":"a-2","name":"log.txt","size":12,"#,
            r#""content_type":"text/plain","sha256":"ab12"}]},"contact_language_chosen":true,"#,
            r#""idempotency_key":"6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11","saved_at":1795000000000,"#,
            r#""about":{"customer":{"id":"c-1","name":"Fabrikam","domain":"fabrikam.cn"},"#,
            r#""service":{"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"},"#,
            r#""escalation":{"reason":"none","health_checked":true,"troubleshooting":["settings"]}},"#,
            r#""articles_seen":[{"id":"office365-reset-password","title":"重設密碼"}]}}"#
        );
        let draft = Draft::decode(stored).expect("reads");
        let fields = &draft.fields;
        assert_eq!(fields.category, None);
        assert_eq!(fields.severity, Some(support_contract::Severity::Critical));
        assert_eq!(fields.description, "It \"stopped\".\n");
        assert_eq!(fields.contact_email, "chen@contoso.tw");
        assert_eq!(fields.contact_phone, "+886 2 5555 0100");
        assert_eq!(fields.contact_language, ContactLanguage::ZhTw);
        assert_eq!(fields.attachments.len(), 2);
        assert_eq!(fields.attachments[0].size, 48_213);
        assert_eq!(fields.attachments[1].sha256.as_deref(), Some("ab12"));
        assert!(draft.contact_language_chosen);
        assert_eq!(draft.saved_at, 1_795_000_000_000);
        let about = draft.about.as_ref().unwrap();
        assert_eq!(about.service.admin_center_url, "https://portal.azure.cn/");
        assert_eq!(
            about.escalation.as_ref().unwrap().troubleshooting,
            ["settings"]
        );
        assert_eq!(draft.articles_seen[0].title, "重設密碼");
        assert_eq!(draft.encode(), stored);
    }

    #[test]
    fn a_draft_missing_newer_fields_still_loads() {
        let text = r#"{"version":1,"draft":{"fields":{"title":"Invoice"},"idempotency_key":"6F1C0C3E-8F5E-4C55-9A0F-0C6F8F1D2B11"}}"#;
        let draft = Draft::decode(text).unwrap();
        assert_eq!(draft.fields.title, "Invoice");
        assert_eq!(draft.fields.description, "");
        assert!(!draft.contact_language_chosen);
        let about = r#"{"customer":{"id":"c-1","name":"Fabrikam","domain":"fabrikam.cn"},"service":{"id":"azure","name":"Azure","admin_center_url":"https://portal.azure.cn/"}}"#;
        let text = text.replace(
            r#""idempotency_key""#,
            &format!(r#""about":{about},"idempotency_key""#),
        );
        let about = Draft::decode(&text).unwrap().about.unwrap();
        assert_eq!(about.customer.name, "Fabrikam");
        assert_eq!(about.escalation, None);
        assert!(Draft::decode(&text).unwrap().articles_seen.is_empty());
    }
}
