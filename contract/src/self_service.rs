//! The bodies of the self-service lookups: service health and help articles
//! (`GET /service-health`, `GET /articles` in `openapi.yaml`).

use serde::{Deserialize, Serialize};

use crate::ContactLanguage;

/// Whether a health item is a problem or a heads-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthKind {
    /// Something is broken for some users: do not escalate it again.
    #[default]
    Incident,
    /// Something users may notice (a delay, a degradation, a planned change).
    Advisory,
}

impl HealthKind {
    pub const ALL: [HealthKind; 2] = [HealthKind::Incident, HealthKind::Advisory];

    pub fn as_str(self) -> &'static str {
        match self {
            HealthKind::Incident => "incident",
            HealthKind::Advisory => "advisory",
        }
    }

    pub fn parse(value: &str) -> Option<HealthKind> {
        HealthKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// How far the work on a health item has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Reported; the cause is not known yet.
    #[default]
    Investigating,
    /// The cause is known and a fix is under way.
    Identified,
    /// A fix is in place and being watched.
    Monitoring,
    /// Over. Not current: `GET /service-health` does not list it.
    Resolved,
}

impl HealthStatus {
    pub const ALL: [HealthStatus; 4] = [
        HealthStatus::Investigating,
        HealthStatus::Identified,
        HealthStatus::Monitoring,
        HealthStatus::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HealthStatus::Investigating => "investigating",
            HealthStatus::Identified => "identified",
            HealthStatus::Monitoring => "monitoring",
            HealthStatus::Resolved => "resolved",
        }
    }

    pub fn parse(value: &str) -> Option<HealthStatus> {
        HealthStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// One current incident or advisory, its text in one locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthIncident {
    pub id: String,
    /// A service id from `GET /services`.
    pub service: String,
    pub kind: HealthKind,
    pub status: HealthStatus,
    pub title: String,
    pub summary: String,
    /// The locale `title` and `summary` are in: the one asked for, or
    /// en-US when the item has no text in it.
    pub locale: ContactLanguage,
    /// RFC 3339 in UTC, to the second.
    pub started_at: String,
    pub updated_at: String,
}

/// The answer to `GET /service-health`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceHealth {
    /// The service asked about; absent when every service was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Current items only; empty when all is well.
    pub incidents: Vec<HealthIncident>,
}

/// A self-help article, its text in one locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// An `https` link to the article in `locale`.
    pub url: String,
    /// The locale the text and link are in: the one asked for, or en-US
    /// when the article has no translation in it.
    pub locale: ContactLanguage,
}

/// The answer to `GET /articles`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleList {
    pub articles: Vec<Article>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_enums_read_back_what_they_write() {
        for kind in HealthKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.as_str());
            assert_eq!(HealthKind::parse(kind.as_str()), Some(kind));
        }
        for status in HealthStatus::ALL {
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(json, status.as_str());
            assert_eq!(HealthStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(HealthStatus::parse("fixed"), None);
    }

    #[test]
    fn all_services_leave_the_service_out() {
        let all = ServiceHealth::default();
        assert_eq!(
            serde_json::to_value(&all).unwrap(),
            serde_json::json!({"incidents": []})
        );
        let back: ServiceHealth = serde_json::from_str(r#"{"incidents":[]}"#).unwrap();
        assert_eq!(back, all);
    }
}
