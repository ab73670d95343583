//! The JSON bodies of the backend contract (see `openapi.yaml`) that make
//! up a request: its kind, category, severity, contact and escalation, and
//! the errors that refuse it.

use serde::{Deserialize, Serialize};

/// Which flow filed a request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// The partner's own problem with Partner Center.
    #[default]
    PartnerCenter,
    /// A partner's request on behalf of one of its customers.
    Customer,
    /// A customer contacting its partner from the self-service pages.
    CustomerSelfService,
}

impl RequestKind {
    pub const ALL: [RequestKind; 3] = [
        RequestKind::PartnerCenter,
        RequestKind::Customer,
        RequestKind::CustomerSelfService,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::PartnerCenter => "partner_center",
            RequestKind::Customer => "customer",
            RequestKind::CustomerSelfService => "customer_self_service",
        }
    }

    pub fn parse(value: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// What a Partner Center request is about (seed 000).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    #[default]
    Technical,
    Billing,
    CustomerSubscriptionManagement,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::Technical,
        Category::Billing,
        Category::CustomerSubscriptionManagement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Technical => "technical",
            Category::Billing => "billing",
            Category::CustomerSubscriptionManagement => "customer_subscription_management",
        }
    }

    pub fn parse(value: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == value)
    }
}

/// How badly a problem hurts the customer's business.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Critical business impact: a service is down or unusable for many.
    Critical,
    /// Moderate business impact: work goes on, with difficulty.
    #[default]
    Moderate,
    /// Minimal business impact: a question or a small inconvenience.
    Minimal,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Critical, Severity::Moderate, Severity::Minimal];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Moderate => "moderate",
            Severity::Minimal => "minimal",
        }
    }

    pub fn parse(value: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// A customer of the signed-in partner, as `GET /customers` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: String,
    pub name: String,
    /// The customer's primary domain, such as `contoso.partner.onmschina.cn`.
    pub domain: String,
}

/// A service a request can be about, as `GET /services` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    /// Where the customer's admin center for this service is.
    pub admin_center_url: String,
}

/// The answer to `GET /customers?query=`: the matching customers, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerList {
    pub customers: Vec<Customer>,
}

/// The answer to `GET /services`: every service, in the order to list them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceList {
    pub services: Vec<Service>,
}

/// The four locales: the languages a support representative can contact
/// someone in, which are the widget's and those of the self-service texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactLanguage {
    #[default]
    #[serde(rename = "en-US")]
    EnUs,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "es-ES")]
    EsEs,
}

impl ContactLanguage {
    pub const ALL: [ContactLanguage; 4] = [
        ContactLanguage::EnUs,
        ContactLanguage::ZhCn,
        ContactLanguage::ZhTw,
        ContactLanguage::EsEs,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactLanguage::EnUs => "en-US",
            ContactLanguage::ZhCn => "zh-CN",
            ContactLanguage::ZhTw => "zh-TW",
            ContactLanguage::EsEs => "es-ES",
        }
    }

    pub fn parse(value: &str) -> Option<ContactLanguage> {
        ContactLanguage::ALL
            .into_iter()
            .find(|l| l.as_str() == value)
    }

    /// The locale a tag names exactly, in any case and with `-` or `_`.
    pub fn from_tag(tag: &str) -> Option<ContactLanguage> {
        let tag = tag.trim();
        ContactLanguage::ALL.into_iter().find(|l| {
            l.as_str().len() == tag.len()
                && l.as_str()
                    .bytes()
                    .zip(tag.bytes())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&b) || (a, b) == (b'-', b'_'))
        })
    }
}

/// How the support representative reaches the person who filed the request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default)]
    pub language: ContactLanguage,
}

/// The customer a partner files a request for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerRef {
    pub id: String,
    pub name: String,
}

/// The body of `POST /support-requests`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSupportRequest {
    pub kind: RequestKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Escalation>,
    pub title: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    pub contact: Contact,
    #[serde(default)]
    pub locale: ContactLanguage,
    /// The help articles a customer opened or was shown before contacting
    /// the partner (`customer_self_service` requests): their ids from
    /// `GET /articles`, so the partner knows what was already tried.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles_seen: Vec<String>,
    /// The files that go with the request: the `id`s of uploads
    /// (`POST /attachments`) not yet attached to any request, at most
    /// [`crate::ATTACHMENTS_MAX_FILES`], in the order to list them. An
    /// escalation may also list the files of the message it escalates
    /// (`related_request`); it gets a copy of each, under a new id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// On an escalation (`customer`): the `id` of the customer's message it
    /// escalates, so that the message shows what became of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_request: Option<String>,
}

impl NewSupportRequest {
    /// The customer's id, if the request names one: a blank one names none.
    pub fn customer_id(&self) -> Option<&str> {
        named(self.customer.as_ref().map(|c| c.id.as_str()))
    }

    /// The service's id, if the request names one: a blank one names none.
    pub fn service_id(&self) -> Option<&str> {
        named(self.service.as_deref())
    }
}

fn named(id: Option<&str>) -> Option<&str> {
    id.filter(|id| !id.trim().is_empty())
}

/// What the escalation guidance found before a request was escalated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// One of [`ESCALATION_REASONS`](crate::ESCALATION_REASONS).
    pub reason: String,
    pub health_checked: bool,
    #[serde(default)]
    pub troubleshooting: Vec<String>,
}

/// The body of every 4xx answer: one entry per problem.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub errors: Vec<crate::FieldError>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RequestStatus;

    /// Each enum's names are the ones serde writes and reads.
    fn names_match_serde<T>(all: &[T], as_str: fn(T) -> &'static str, parse: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
    {
        for &value in all {
            assert_eq!(serde_json::to_value(value).unwrap(), as_str(value));
            let name = serde_json::Value::from(as_str(value));
            assert_eq!(serde_json::from_value::<T>(name).unwrap(), value);
            assert_eq!(parse(as_str(value)), Some(value));
        }
        assert_eq!(parse("Unknown"), None);
    }

    #[test]
    fn a_locale_is_found_by_its_tag_in_any_case_and_either_separator() {
        assert_eq!(
            ContactLanguage::from_tag("zh_tw"),
            Some(ContactLanguage::ZhTw)
        );
        assert_eq!(
            ContactLanguage::from_tag(" es-es "),
            Some(ContactLanguage::EsEs)
        );
        for other in ["", "zh", "zh-Hant", "en-US-x-foo", "en_U"] {
            assert_eq!(ContactLanguage::from_tag(other), None, "{other}");
        }
    }

    #[test]
    fn the_enums_read_back_what_they_write() {
        names_match_serde(&RequestKind::ALL, RequestKind::as_str, RequestKind::parse);
        names_match_serde(&Category::ALL, Category::as_str, Category::parse);
        names_match_serde(&Severity::ALL, Severity::as_str, Severity::parse);
        names_match_serde(
            &ContactLanguage::ALL,
            ContactLanguage::as_str,
            ContactLanguage::parse,
        );
        names_match_serde(
            &RequestStatus::ALL,
            RequestStatus::as_str,
            RequestStatus::parse,
        );
    }
}
