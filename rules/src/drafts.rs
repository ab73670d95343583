//! A form's draft: what the user typed and the request's `Idempotency-Key`,
//! kept in localStorage so that a reload, a crash or a closed tab loses
//! nothing, and a request sent again after a reload is still filed once.
//!
//! ```
//! use support_rules::{drafts::{self, Draft, FormFlow}, host::{Audience, BackendUrl}, session::StorageOwner};
//!
//! let backend = BackendUrl::parse(Some("https://portal.example.com/api")).unwrap();
//! assert_eq!(
//!     drafts::storage_key(&backend, Audience::Partner, FormFlow::Customer, &StorageOwner::Device),
//!     "support-widget:v1:draft:https://portal.example.com/api/:partner:customer",
//! );
//! // A signed-in user's own, which another user of the browser never reads.
//! assert_eq!(
//!     drafts::storage_key(&backend, Audience::Partner, FormFlow::Customer, &StorageOwner::User("5e1c".into())),
//!     "support-widget:v1:draft:https://portal.example.com/api/:partner:customer:user-5e1c",
//! );
//! assert_eq!(Draft::decode("not json"), None);
//! ```

use serde::{Deserialize, Serialize};
use support_contract::{Attachment, Customer, Escalation, Service};

use crate::{
    help_journey::SeenArticle,
    host::{Audience, BackendUrl},
    i18n, json,
    locale::Locale,
    request_fields::RequestFields,
    session::StorageOwner,
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

/// Where a form's draft lives: one key per backend, audience, flow and
/// signed-in user, so that widgets of different backends or audiences on a
/// page, two portals on one origin, or two users of one browser never share
/// one (two widgets of the same backend and audience do: they are the same
/// user's forms).
pub fn storage_key(
    backend: &BackendUrl,
    audience: Audience,
    flow: FormFlow,
    owner: &StorageOwner,
) -> String {
    format!(
        "support-widget:v1:draft:{}:{}:{}{}",
        backend.as_str(),
        audience.as_str(),
        flow.as_str(),
        owner.key_suffix()
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
/// chosen before the form, what the escalation guide decided if the
/// partner went through it, and the customer's request it escalates if it
/// does, so that the partner can pick up where they left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSubject {
    pub customer: Customer,
    pub service: Service,
    pub escalation: Option<Escalation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_request: Option<String>,
}

impl DraftSubject {
    /// Whether the two are for the same customer and service, and escalate
    /// the same customer's request if either does, whatever the guide
    /// decided: the same ids (a customer the page prefilled comes without
    /// the domain the search found it with).
    pub fn same_target(&self, other: &DraftSubject) -> bool {
        self.customer.id == other.customer.id
            && self.service.id == other.service.id
            && self.related_request == other.related_request
    }

    /// `$customer` and `$service` for the messages that name them.
    pub fn message_args(&self) -> i18n::Args<'static> {
        i18n::args([
            ("customer", self.customer.name.clone().into()),
            ("service", self.service.name.clone().into()),
        ])
    }
}

/// One form's draft. A member missing from an older draft reads as empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub fields: RequestFields,
    /// Whether the user picked the contact language; if not, it keeps
    /// following the widget's language.
    #[serde(default)]
    pub contact_language_chosen: bool,
    /// The key every attempt of this request is sent with.
    pub idempotency_key: String,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub saved_at: u64,
    /// The customer and service of a customer request.
    pub about: Option<DraftSubject>,
    /// The customer and service its text was typed for, when the partner
    /// has since opened the form for others (`about`): the form keeps
    /// saying so after a reload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed_for: Option<DraftSubject>,
    /// The help articles a customer looked at before its message to the
    /// partner, which the message names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles_seen: Vec<SeenArticle>,
}

/// A draft as stored, with the version of its format.
#[derive(Serialize, Deserialize)]
struct Stored<D> {
    version: u32,
    draft: D,
}

impl Draft {
    /// The draft as stored while the widget shows `shown`: the contact
    /// language the form shows, picked or following the widget's language,
    /// is kept as chosen, so that a reload, which may come back in another
    /// language (the page's), brings back the one the user saw and would
    /// have sent, as if picked.
    pub fn as_stored(mut self, shown: Locale) -> Draft {
        if !self.contact_language_chosen {
            self.fields.contact_language = shown;
            self.contact_language_chosen = true;
        }
        self
    }

    /// `{"version":1,"draft":{…}}`.
    pub fn encode(&self) -> String {
        let stored = Stored {
            version: VERSION,
            draft: self,
        };
        json::to_string(&stored).unwrap_or_default()
    }

    /// Reads a stored draft. Anything else (another version, a broken or
    /// edited entry, a key that is not a UUID) is no draft.
    pub fn decode(text: &str) -> Option<Draft> {
        let Stored { version, draft } = json::from_str::<Stored<Draft>>(text).ok()?;
        (version == VERSION && is_uuid(&draft.idempotency_key)).then_some(draft)
    }
}

/// A reply being written on a request's thread, with the key it is (or
/// will be) sent with: kept as a form's draft is, so that a reload loses
/// nothing and a reply sent again after a reload is stored once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyDraft {
    pub body: String,
    pub idempotency_key: String,
    /// The files uploaded for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl ReplyDraft {
    /// Where the reply on the request `request_id` is kept: one key per
    /// backend, request and signed-in user.
    pub fn storage_key(backend: &BackendUrl, request_id: &str, owner: &StorageOwner) -> String {
        format!(
            "support-widget:v1:reply:{}:{}{}",
            backend.as_str(),
            request_id,
            owner.key_suffix()
        )
    }

    /// `{"version":1,"draft":{…}}`, as a form's draft.
    pub fn encode(&self) -> String {
        let stored = Stored {
            version: VERSION,
            draft: self,
        };
        json::to_string(&stored).unwrap_or_default()
    }

    /// Reads a kept reply; anything else is none.
    pub fn decode(text: &str) -> Option<ReplyDraft> {
        let Stored { version, draft } = json::from_str::<Stored<ReplyDraft>>(text).ok()?;
        (version == VERSION && is_uuid(&draft.idempotency_key)).then_some(draft)
    }
}

/// Whether `key` is a UUID as the form writes them (hyphenated).
fn is_uuid(key: &str) -> bool {
    key.len() == 36
        && key.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests;
