//! What the host page's scripts may ask of the widget (`element.open()`,
//! `element.prefill({...})`, `element.setRequestHeaders({...})`), parsed and
//! checked as plain data. Anything malformed is refused with a message the
//! page's developer can act on, and nothing is half applied.

use support_contract::{Category, ContactLanguage, CustomerRef};
use thiserror::Error;

use crate::json::{FromJson, Invalid, Value};

/// Why a call from the host page was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum HostApiError {
    #[error(
        "unknown flow \"{0}\": use \"home\", \"partner-center\", \"customer\" or \"escalation\""
    )]
    UnknownFlow(String),
    #[error("open: the flow is a name such as \"partner-center\", or nothing")]
    FlowNotText,
    #[error("setLocale: the locale is a language tag such as \"zh-TW\", or nothing")]
    LocaleNotText,
    #[error("prefill: {0}")]
    Prefill(String),
    #[error("setRequestHeaders: {0}")]
    Headers(String),
}

/// Where `open(flow)` takes the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Home,
    PartnerCenter,
    Customer,
    Escalation,
}

impl Flow {
    pub fn parse(flow: Option<&str>) -> Result<Flow, HostApiError> {
        match flow.map(str::trim) {
            None | Some("") | Some("home") => Ok(Flow::Home),
            Some("partner-center") => Ok(Flow::PartnerCenter),
            Some("customer") => Ok(Flow::Customer),
            Some("escalation") => Ok(Flow::Escalation),
            Some(other) => Err(HostApiError::UnknownFlow(other.to_owned())),
        }
    }
}

/// Values a portal already knows, to spare the user typing them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefill {
    pub contact: Option<PrefillContact>,
    pub customer: Option<CustomerRef>,
    pub service: Option<String>,
    pub category: Option<Category>,
    pub title: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrefillContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: Option<ContactLanguage>,
}

impl Prefill {
    const FIELDS: [&str; 5] = ["contact", "customer", "service", "category", "title"];

    /// Reads `JSON.stringify` of the page's object. A field the widget does
    /// not know (a misspelt one) is refused by name.
    pub fn parse(json: &str) -> Result<Prefill, HostApiError> {
        let value = Value::parse(json).ok_or_else(|| HostApiError::Prefill("not JSON".into()))?;
        let only = |value: &Value, known: &[&str]| value.only(known).map_err(HostApiError::Prefill);
        only(&value, &Prefill::FIELDS)?;
        only(&value.get("contact"), &PrefillContact::FIELDS)?;
        Prefill::from_json(&value).map_err(|invalid| HostApiError::Prefill(invalid.to_string()))
    }
}

impl FromJson for Prefill {
    fn from_json(value: &Value) -> Result<Prefill, Invalid> {
        let value = value.object()?;
        Ok(Prefill {
            contact: value.field("contact")?,
            customer: value.field("customer")?,
            service: value.field("service")?,
            category: value.field("category")?,
            title: value.field("title")?,
        })
    }
}

impl PrefillContact {
    const FIELDS: [&str; 4] = ["name", "email", "phone", "language"];
}

impl FromJson for PrefillContact {
    fn from_json(value: &Value) -> Result<PrefillContact, Invalid> {
        let value = value.object()?;
        Ok(PrefillContact {
            name: value.field("name")?,
            email: value.field("email")?,
            phone: value.field("phone")?,
            language: value.field("language")?,
        })
    }
}

/// Headers that only the widget sets, or that browsers do not let pages set
/// (fetch drops them without a word): the Fetch standard's forbidden names,
/// and those starting with `proxy-` or `sec-`.
const RESERVED: [&str; 24] = [
    "accept",
    "content-type",
    "idempotency-key",
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Headers that ask the backend for another method than the request's.
const METHOD_OVERRIDES: [&str; 3] = [
    "x-http-method",
    "x-http-method-override",
    "x-method-override",
];

/// Methods that fetch does not send, nor lets a method override name.
const FORBIDDEN_METHODS: [&str; 3] = ["CONNECT", "TRACE", "TRACK"];

/// Reads `JSON.stringify` of `{ "Authorization": "Bearer …" }`: extra headers
/// for every request to the backend, such as the portal's session token,
/// which must not sit in a page attribute.
pub fn request_headers(json: &str) -> Result<Vec<(String, String)>, HostApiError> {
    let bad = |message: String| HostApiError::Headers(message);
    let Some(map) = Value::parse(json).and_then(|value| value.entries()) else {
        return Err(bad("expected an object of strings".into()));
    };
    map.into_iter()
        .map(|(name, value)| {
            let Some(value) = value.as_str() else {
                return Err(bad(format!("the value of \"{name}\" is not a string")));
            };
            let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
            if name.is_empty() || !name.chars().all(token) {
                return Err(bad(format!("\"{name}\" is not a header name")));
            }
            let lower = name.to_ascii_lowercase();
            if RESERVED.contains(&lower.as_str())
                || lower.starts_with("proxy-")
                || lower.starts_with("sec-")
            {
                return Err(bad(format!(
                    "\"{name}\" is set by the widget or the browser"
                )));
            }
            // A method override naming a method fetch may not send is a
            // forbidden header too.
            if METHOD_OVERRIDES.contains(&lower.as_str())
                && value.split(',').any(|method| {
                    let method = method.trim_matches([' ', '\t']).to_ascii_uppercase();
                    FORBIDDEN_METHODS.contains(&method.as_str())
                })
            {
                return Err(bad(format!(
                    "the value of \"{name}\" names a method browsers do not send"
                )));
            }
            if value.chars().any(|c| c.is_control() && c != '\t') {
                return Err(bad(format!(
                    "the value of \"{name}\" has control characters"
                )));
            }
            // What fetch can send: a header value is bytes, one per
            // character up to U+00FF (encode anything else, e.g. as base64).
            if value.chars().any(|c| c > '\u{ff}') {
                return Err(bad(format!(
                    "the value of \"{name}\" has characters beyond Latin-1"
                )));
            }
            Ok((name, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    // These run in the browser too (scripts/test-browser), where JSON is the
    // browser's own: see `crate::json`.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn flows_by_name() {
        assert_eq!(Flow::parse(None), Ok(Flow::Home));
        assert_eq!(Flow::parse(Some("customer")), Ok(Flow::Customer));
        assert_eq!(Flow::parse(Some("partner-center")), Ok(Flow::PartnerCenter));
        assert_eq!(Flow::parse(Some("escalation")), Ok(Flow::Escalation));
        assert_eq!(
            Flow::parse(Some("escalate")),
            Err(HostApiError::UnknownFlow("escalate".into()))
        );
    }

    #[test]
    fn a_prefill_takes_what_the_portal_knows() {
        let prefill = Prefill::parse(
            r#"{"contact":{"name":"王芳","email":"wang@contoso.cn","language":"zh-CN"},
                "customer":{"id":"contoso","name":"Contoso Ltd"},"service":"azure",
                "category":"billing","title":"发票"}"#,
        )
        .unwrap();
        let contact = prefill.contact.unwrap();
        assert_eq!(contact.name.as_deref(), Some("王芳"));
        assert_eq!(contact.language, Some(ContactLanguage::ZhCn));
        assert_eq!(prefill.customer.unwrap().id, "contoso");
        assert_eq!(prefill.category, Some(Category::Billing));
        assert_eq!(Prefill::parse("{}"), Ok(Prefill::default()));
    }

    #[test]
    fn the_field_lists_name_every_field() {
        for name in Prefill::FIELDS {
            let json = format!(r#"{{"{name}":null}}"#);
            assert_eq!(Prefill::parse(&json), Ok(Prefill::default()), "{name}");
        }
        for name in PrefillContact::FIELDS {
            let json = format!(r#"{{"contact":{{"{name}":null}}}}"#);
            assert!(Prefill::parse(&json).is_ok(), "{name}");
        }
        assert!(matches!(
            Prefill::parse(r#"{"contact":{"mail":"x"}}"#),
            Err(HostApiError::Prefill(_))
        ));
    }

    #[test]
    fn a_malformed_prefill_is_refused_whole() {
        for json in [
            r#"{"category":"urgent"}"#,
            r#"{"titel":"typo"}"#,
            r#"{"contact":{"email":42}}"#,
            "null",
            "not json",
        ] {
            assert!(
                matches!(Prefill::parse(json), Err(HostApiError::Prefill(_))),
                "{json}"
            );
        }
    }

    #[test]
    fn request_headers_are_checked() {
        assert_eq!(
            request_headers(r#"{"Authorization":"Bearer abc","X-Portal-Tenant":"t1"}"#).unwrap(),
            vec![
                ("Authorization".to_owned(), "Bearer abc".to_owned()),
                ("X-Portal-Tenant".to_owned(), "t1".to_owned())
            ]
        );
        assert_eq!(request_headers("{}").unwrap(), vec![]);
        // A method override is the backend's business, unless it names a
        // method browsers do not send.
        assert_eq!(
            request_headers(r#"{"X-HTTP-Method-Override":"PATCH"}"#).unwrap(),
            vec![("X-HTTP-Method-Override".to_owned(), "PATCH".to_owned())]
        );
        // Latin-1 is what a header value can carry.
        assert_eq!(
            request_headers(r#"{"X-Portal-User":"Zoë"}"#).unwrap(),
            vec![("X-Portal-User".to_owned(), "Zoë".to_owned())]
        );
        for json in [
            r#"{"Idempotency-Key":"x"}"#,
            r#"{"content-type":"text/plain"}"#,
            r#"{"Accept":"text/html"}"#,
            r#"{"Referer":"https://elsewhere.example"}"#,
            r#"{"Sec-Fetch-Site":"none"}"#,
            r#"{"Proxy-Authorization":"Basic x"}"#,
            r#"{"Set-Cookie":"a=b"}"#,
            r#"{"X-HTTP-Method-Override":"TRACE"}"#,
            r#"{"x-method-override":"get, track"}"#,
            r#"{"Bad Name":"x"}"#,
            r#"{"X-A":"line\nbreak"}"#,
            r#"{"X-Portal-User":"Zoë 令牌"}"#,
            r#"{"X-A":1}"#,
            "[]",
        ] {
            assert!(
                matches!(request_headers(json), Err(HostApiError::Headers(_))),
                "{json}"
            );
        }
    }
}
