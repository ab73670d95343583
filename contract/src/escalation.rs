//! The vocabulary of a request's `escalation`: why it was escalated and what
//! the partner checked first.

/// The five kinds of problem 21Vianet takes as escalations (seed 002).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EscalationReason {
    UndocumentedServiceProblem,
    UnavailableService,
    BugOrIrregularity,
    LargeScaleNetworkDisruption,
    RegionalMultiTenantIssue,
}

impl EscalationReason {
    pub const ALL: [EscalationReason; 5] = [
        EscalationReason::UndocumentedServiceProblem,
        EscalationReason::UnavailableService,
        EscalationReason::BugOrIrregularity,
        EscalationReason::LargeScaleNetworkDisruption,
        EscalationReason::RegionalMultiTenantIssue,
    ];

    /// The reason an `escalation.reason` names; `None` for [`NO_ESCALATION_REASON`]
    /// or anything else.
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
        }
    }
}

/// The `escalation.reason` of a problem that is one of the partner's own
/// support duties (seed 003), filed anyway once the partner acknowledged it.
pub const NO_ESCALATION_REASON: &str = "none";

/// The `escalation.reason` values: the five escalable categories of
/// problem, and [`NO_ESCALATION_REASON`].
pub const ESCALATION_REASONS: [&str; 6] = [
    EscalationReason::ALL[0].as_str(),
    EscalationReason::ALL[1].as_str(),
    EscalationReason::ALL[2].as_str(),
    EscalationReason::ALL[3].as_str(),
    EscalationReason::ALL[4].as_str(),
    NO_ESCALATION_REASON,
];

/// What the partner checks with admin privileges before escalating, in the
/// guide's order, which is `ALL`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    pub fn as_str(self) -> &'static str {
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
        assert_eq!(EscalationReason::parse(NO_ESCALATION_REASON), None);
        for step in TroubleshootingStep::ALL {
            assert_eq!(TroubleshootingStep::parse(step.as_str()), Some(step));
        }
        assert_eq!(TroubleshootingStep::parse("restart"), None);
    }
}
