//! What the host page's scripts may ask of the widget (`element.open()`,
//! `element.open("request", id)`,
//! `element.prefill({...})`, `element.setRequestHeaders({...})`,
//! `element.setTokenProvider(provider)`), parsed and
//! checked as plain data. Anything malformed is refused with a message the
//! page's developer can act on, and nothing is half applied.

use std::collections::BTreeMap;

use serde::Deserialize;
use support_contract::{Category, ContactLanguage, CustomerRef};
use thiserror::Error;

use crate::json;

/// Why a call from the host page was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum HostApiError {
    #[error(
        "unknown flow \"{0}\": use \"home\", \"partner-center\", \"customer\", \"escalation\", \"customer-messages\" or \"request\""
    )]
    UnknownFlow(String),
    #[error("open: the flow is a name such as \"partner-center\", or nothing")]
    FlowNotText,
    #[error("open: \"request\" needs the request's id, as in open(\"request\", id)")]
    RequestIdMissing,
    #[error("open: the request's id is text, such as the id in a mail's link")]
    RequestIdNotText,
    #[error("open: only \"request\" takes an id, not \"{0}\"")]
    IdWithoutRequest(String),
    #[error("setLocale: the locale is a language tag such as \"zh-TW\", or nothing")]
    LocaleNotText,
    #[error("prefill: {0}")]
    Prefill(String),
    #[error("setRequestHeaders: {0}")]
    Headers(String),
    #[error("setTokenProvider: the provider is a function that gives a token, or nothing")]
    TokenProviderNotFunction,
}

/// Where `open(flow)` takes the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flow {
    Home,
    PartnerCenter,
    /// The one path to a request on a customer's behalf, which is the
    /// escalation to 21Vianet.
    Customer,
    /// `"escalation"`: the same path as `Customer`, under the name of what
    /// it ends in.
    Escalation,
    /// `"customer-messages"`: the partner's inbox of what its customers sent.
    /// `"customer-requests"`, its name before, is read as it: pages written
    /// then keep working.
    CustomerMessages,
    /// `open("request", id)` and the `open-request` attribute: one request's
    /// status, by its id (a mail's link names it). The id is the backend's
    /// to know: one it does not show this user is said so on screen.
    Request(String),
}

impl Flow {
    /// The flow `open(flow, id)` names; only `"request"` takes an id, and
    /// needs one.
    pub fn parse(flow: Option<&str>, id: Option<&str>) -> Result<Flow, HostApiError> {
        let name = flow.map_or("", str::trim);
        let flow = match name {
            "" | "home" => Flow::Home,
            "partner-center" => Flow::PartnerCenter,
            "customer" => Flow::Customer,
            "escalation" => Flow::Escalation,
            "customer-messages" | "customer-requests" => Flow::CustomerMessages,
            "request" => {
                let id = id.map(str::trim).filter(|id| !id.is_empty());
                return id
                    .map(|id| Flow::Request(id.to_owned()))
                    .ok_or(HostApiError::RequestIdMissing);
            }
            other => return Err(HostApiError::UnknownFlow(other.to_owned())),
        };
        match id {
            Some(_) => Err(HostApiError::IdWithoutRequest(
                if name.is_empty() { "home" } else { name }.to_owned(),
            )),
            None => Ok(flow),
        }
    }
}

/// Values a portal already knows, to spare the user typing them. A field
/// the widget does not know (a misspelt one) is refused by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prefill {
    pub contact: Option<PrefillContact>,
    pub customer: Option<CustomerRef>,
    pub service: Option<String>,
    pub category: Option<Category>,
    pub title: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrefillContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: Option<ContactLanguage>,
}

impl Prefill {
    /// Reads `JSON.stringify` of the page's object.
    pub fn parse(json: &str) -> Result<Prefill, HostApiError> {
        let prefill: Prefill =
            json::from_str(json).map_err(|error| HostApiError::Prefill(error.to_string()))?;
        // A customer is named by its id: a blank one names none.
        if (prefill.customer.as_ref()).is_some_and(|c| c.id.trim().is_empty()) {
            return Err(HostApiError::Prefill(
                "the value of \"customer.id\" is blank".into(),
            ));
        }
        Ok(prefill)
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
    let map: BTreeMap<String, String> = json::from_str(json)
        .map_err(|error| bad(format!("expected an object of strings: {error}")))?;
    map.into_iter()
        .map(|(name, value)| {
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
mod tests;
