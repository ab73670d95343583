//! The vocabulary of a request's `escalation`: why it was escalated and what
//! the partner checked first.

use serde::{Deserialize, Serialize};

/// Why a problem is escalated to 21Vianet: one of the five kinds of problem
/// to hand off to it (seed 002), or, for a problem of none of them,
/// that the partner lacks the training, documentation or support tools to
/// solve it (seed 003's definition of escalation support).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationReason {
    UndocumentedServiceProblem,
    UnavailableService,
    BugOrIrregularity,
    LargeScaleNetworkDisruption,
    RegionalMultiTenantIssue,
    LacksTrainingDocumentationTools,
}

impl EscalationReason {
    /// Every reason, the five categories first.
    pub const ALL: [EscalationReason; 6] = [
        EscalationReason::UndocumentedServiceProblem,
        EscalationReason::UnavailableService,
        EscalationReason::BugOrIrregularity,
        EscalationReason::LargeScaleNetworkDisruption,
        EscalationReason::RegionalMultiTenantIssue,
        EscalationReason::LacksTrainingDocumentationTools,
    ];

    /// The five escalable categories of problem, in the guide's order.
    pub const CATEGORIES: [EscalationReason; 5] = [
        EscalationReason::UndocumentedServiceProblem,
        EscalationReason::UnavailableService,
        EscalationReason::BugOrIrregularity,
        EscalationReason::LargeScaleNetworkDisruption,
        EscalationReason::RegionalMultiTenantIssue,
    ];

    /// The reason an `escalation.reason` names; `None` for anything else,
    /// `"none"` included.
    pub fn parse(reason: &str) -> Option<EscalationReason> {
        EscalationReason::ALL
            .into_iter()
            .find(|r| r.as_str() == reason)
    }

    /// The `escalation.reason` of the request body.
    pub const fn as_str(self) -> &'static str {
        match self {
            EscalationReason::UndocumentedServiceProblem => "undocumented_service_problem",
            EscalationReason::UnavailableService => "unavailable_service",
            EscalationReason::BugOrIrregularity => "bug_or_irregularity",
            EscalationReason::LargeScaleNetworkDisruption => "large_scale_network_disruption",
            EscalationReason::RegionalMultiTenantIssue => "regional_multi_tenant_issue",
            EscalationReason::LacksTrainingDocumentationTools => {
                "lacks_training_documentation_tools"
            }
        }
    }
}

/// The `escalation.reason` values.
pub const ESCALATION_REASONS: [&str; 6] = [
    EscalationReason::ALL[0].as_str(),
    EscalationReason::ALL[1].as_str(),
    EscalationReason::ALL[2].as_str(),
    EscalationReason::ALL[3].as_str(),
    EscalationReason::ALL[4].as_str(),
    EscalationReason::ALL[5].as_str(),
];

/// What the partner checks with admin privileges before escalating, in the
/// guide's order, which is `ALL`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TroubleshootingStep {
    Software,
    Settings,
    Configuration,
}

impl TroubleshootingStep {
    pub const ALL: [TroubleshootingStep; 3] = [
        TroubleshootingStep::Software,
        TroubleshootingStep::Settings,
        TroubleshootingStep::Configuration,
    ];

    /// The step an entry of `escalation.troubleshooting` names.
    pub fn parse(step: &str) -> Option<TroubleshootingStep> {
        TroubleshootingStep::ALL
            .into_iter()
            .find(|s| s.as_str() == step)
    }

    /// An entry of `escalation.troubleshooting` in the request body.
    pub const fn as_str(self) -> &'static str {
        match self {
            TroubleshootingStep::Software => "software",
            TroubleshootingStep::Settings => "settings",
            TroubleshootingStep::Configuration => "configuration",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_read_back_as_what_they_name() {
        for reason in EscalationReason::ALL {
            assert_eq!(EscalationReason::parse(reason.as_str()), Some(reason));
        }
        assert_eq!(EscalationReason::parse("none"), None);
        assert_eq!(
            EscalationReason::CATEGORIES,
            EscalationReason::ALL[..5],
            "the categories, then the reason for a problem of none of them"
        );
        for step in TroubleshootingStep::ALL {
            assert_eq!(TroubleshootingStep::parse(step.as_str()), Some(step));
        }
        assert_eq!(TroubleshootingStep::parse("restart"), None);
    }

    #[test]
    fn serde_names_them_as_the_request_body_does() {
        for reason in EscalationReason::ALL {
            assert_eq!(serde_json::to_value(reason).unwrap(), reason.as_str());
            let name = serde_json::Value::from(reason.as_str());
            assert_eq!(
                serde_json::from_value::<EscalationReason>(name).unwrap(),
                reason
            );
        }
        for step in TroubleshootingStep::ALL {
            assert_eq!(serde_json::to_value(step).unwrap(), step.as_str());
            let name = serde_json::Value::from(step.as_str());
            assert_eq!(
                serde_json::from_value::<TroubleshootingStep>(name).unwrap(),
                step
            );
        }
    }
}
