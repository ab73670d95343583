//! When a partner may escalate a customer's problem to 21Vianet (seeds 002
//! and 003), as data: the checks before an escalation, the five escalable
//! categories, and the support partners give their customers themselves.
//! The escalation guide's screens only walk these rules.

use support_contract::Escalation;

use crate::i18n::{id, MessageId};

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

    /// The reason an `escalation.reason` names; `None` for `"none"` or
    /// anything else.
    pub fn parse(reason: &str) -> Option<EscalationReason> {
        EscalationReason::ALL
            .into_iter()
            .find(|r| r.as_str() == reason)
    }

    /// The `escalation.reason` of the request body.
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationReason::UndocumentedServiceProblem => "undocumented_service_problem",
            EscalationReason::UnavailableService => "unavailable_service",
            EscalationReason::BugOrIrregularity => "bug_or_irregularity",
            EscalationReason::LargeScaleNetworkDisruption => "large_scale_network_disruption",
            EscalationReason::RegionalMultiTenantIssue => "regional_multi_tenant_issue",
        }
    }

    /// How a request's `escalation.reason` reads: one of the five, or none
    /// of them (a partner's duty, acknowledged).
    pub fn label_of(reason: &str) -> MessageId {
        EscalationReason::parse(reason).map_or(id::ESCALATION_REASON_NONE, EscalationReason::label)
    }

    pub fn label(self) -> MessageId {
        match self {
            EscalationReason::UndocumentedServiceProblem => id::ESCALATION_REASON_UNDOCUMENTED,
            EscalationReason::UnavailableService => id::ESCALATION_REASON_UNAVAILABLE,
            EscalationReason::BugOrIrregularity => id::ESCALATION_REASON_BUG,
            EscalationReason::LargeScaleNetworkDisruption => id::ESCALATION_REASON_NETWORK,
            EscalationReason::RegionalMultiTenantIssue => id::ESCALATION_REASON_REGIONAL,
        }
    }
}

/// What partners support themselves, 24 hours a day, 365 days a year
/// (seed 003): problems of these kinds are not escalated.
pub const PARTNER_DUTIES: [MessageId; 7] = [
    id::PARTNER_DUTY_ACCOUNT_SET_UP,
    id::PARTNER_DUTY_ACCOUNTS_AND_BILLING,
    id::PARTNER_DUTY_HOW_TO,
    id::PARTNER_DUTY_UPDATES,
    id::PARTNER_DUTY_SOFTWARE_CONFIGURATION,
    id::PARTNER_DUTY_CLIENT_CONNECTIVITY,
    id::PARTNER_DUTY_PERFORMANCE,
];

/// What the partner checks with admin privileges before escalating. The
/// variants are in the guide's order, which is `ALL`'s, and each one's
/// number indexes [`StepsDone`].
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

    pub fn label(self) -> MessageId {
        match self {
            TroubleshootingStep::Software => id::TROUBLESHOOT_SOFTWARE,
            TroubleshootingStep::Settings => id::TROUBLESHOOT_SETTINGS,
            TroubleshootingStep::Configuration => id::TROUBLESHOOT_CONFIGURATION,
        }
    }
}

/// The troubleshooting steps the partner ticked, always in the guide's
/// order. Three flags rather than a `BTreeSet`, whose tree and sorting code
/// the WebAssembly would carry for a set of three.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepsDone([bool; 3]);

impl StepsDone {
    pub fn contains(&self, step: TroubleshootingStep) -> bool {
        self.0[step as usize]
    }

    /// Whether no step is ticked.
    pub fn is_empty(&self) -> bool {
        self.0 == [false; 3]
    }

    /// Ticks `step`, or unticks it if it was ticked.
    pub fn toggle(&mut self, step: TroubleshootingStep) {
        self.0[step as usize] ^= true;
    }

    /// The ticked steps, in the guide's order.
    pub fn iter(&self) -> impl Iterator<Item = TroubleshootingStep> + '_ {
        TroubleshootingStep::ALL
            .into_iter()
            .filter(|&step| self.contains(step))
    }
}

impl FromIterator<TroubleshootingStep> for StepsDone {
    fn from_iter<I: IntoIterator<Item = TroubleshootingStep>>(steps: I) -> StepsDone {
        let mut done = StepsDone::default();
        for step in steps {
            done.0[step as usize] = true;
        }
        done
    }
}

/// The guide's steps, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GuideStep {
    /// Current incidents and advisories for the service come first.
    #[default]
    ServiceHealth,
    /// A known incident explains it: nothing is escalated.
    KnownIncident,
    Troubleshoot,
    /// Is it one of the five escalable categories?
    CategoryGate,
    /// None of them: the partner's own duties, to be acknowledged.
    PartnerDuties,
    /// On to the customer request, with what the guide found.
    Proceed,
}

impl GuideStep {
    /// How many questions the guide asks before it decides.
    pub const QUESTIONS: u32 = 3;

    /// Which of the guide's questions this step asks (1 to `QUESTIONS`); an
    /// outcome (a known incident, the partner's duties) asks none.
    pub fn question(self) -> Option<u32> {
        match self {
            GuideStep::ServiceHealth => Some(1),
            GuideStep::Troubleshoot => Some(2),
            GuideStep::CategoryGate => Some(3),
            GuideStep::KnownIncident | GuideStep::PartnerDuties | GuideStep::Proceed => None,
        }
    }
}

/// What the partner answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuideAnswer {
    /// On from service health, which was on screen.
    HealthChecked,
    /// On from service health without having seen it (still loading, or it
    /// could not be loaded): escalating stays possible, and the request says
    /// that health was not checked.
    HealthNotShown,
    /// "This is my problem": the customer's problem is this incident.
    KnownIncident(String),
    ToggleTroubleshooting(TroubleshootingStep),
    TroubleshootingDone,
    Reason(EscalationReason),
    NoneOfThese,
    AcknowledgeDuties,
    Back,
}

/// Where the partner is in the guide, and what they answered on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Guide {
    pub step: GuideStep,
    pub health_checked: bool,
    pub incident: Option<String>,
    pub troubleshooting: StepsDone,
    pub reason: Option<EscalationReason>,
    pub duties_acknowledged: bool,
}

impl Guide {
    /// The guide after an answer; an answer out of place changes nothing.
    pub fn after(&self, answer: GuideAnswer) -> Guide {
        use GuideStep::*;
        let mut next = self.clone();
        match (self.step, answer) {
            (ServiceHealth, GuideAnswer::HealthChecked) => {
                next.health_checked = true;
                next.step = Troubleshoot;
            }
            (ServiceHealth, GuideAnswer::HealthNotShown) => {
                next.health_checked = false;
                next.step = Troubleshoot;
            }
            (ServiceHealth, GuideAnswer::KnownIncident(incident)) => {
                next.health_checked = true;
                next.incident = Some(incident);
                next.step = KnownIncident;
            }
            (Troubleshoot, GuideAnswer::ToggleTroubleshooting(step)) => {
                next.troubleshooting.toggle(step);
            }
            (Troubleshoot, GuideAnswer::TroubleshootingDone) => next.step = CategoryGate,
            (CategoryGate, GuideAnswer::Reason(reason)) => {
                next.reason = Some(reason);
                next.step = Proceed;
            }
            (CategoryGate, GuideAnswer::NoneOfThese) => {
                next.reason = None;
                next.step = PartnerDuties;
            }
            (PartnerDuties, GuideAnswer::AcknowledgeDuties) => {
                next.duties_acknowledged = true;
                next.step = Proceed;
            }
            (step, GuideAnswer::Back) => {
                next.step = match step {
                    ServiceHealth | KnownIncident | Troubleshoot => ServiceHealth,
                    CategoryGate => Troubleshoot,
                    PartnerDuties => CategoryGate,
                    Proceed if self.reason.is_some() => CategoryGate,
                    Proceed => PartnerDuties,
                };
                if step == KnownIncident {
                    next.incident = None;
                }
            }
            _ => {}
        }
        next
    }

    /// The guide as it was when it decided `escalation`, for a request
    /// resumed from its draft: at its end, with the same answers, so that
    /// the request is sent with the same `escalation` and "Back" returns to
    /// the question that decided it. `None` for an object the guide cannot
    /// have written (an edited draft, say).
    pub fn resumed(escalation: &Escalation) -> Option<Guide> {
        let reason = match escalation.reason.as_str() {
            "none" => None,
            reason => Some(EscalationReason::parse(reason)?),
        };
        let troubleshooting = (escalation.troubleshooting.iter())
            .map(|done| TroubleshootingStep::parse(done))
            .collect::<Option<_>>()?;
        Some(Guide {
            step: GuideStep::Proceed,
            health_checked: escalation.health_checked,
            incident: None,
            troubleshooting,
            reason,
            duties_acknowledged: reason.is_none(),
        })
    }

    /// The `escalation` object of the request, once the guide lets the
    /// partner go on: the reason chosen, or `"none"` when the partner
    /// acknowledged that the problem is their own to support.
    pub fn escalation(&self) -> Option<Escalation> {
        if self.step != GuideStep::Proceed {
            return None;
        }
        Some(Escalation {
            reason: self
                .reason
                .map_or("none", EscalationReason::as_str)
                .to_owned(),
            health_checked: self.health_checked,
            troubleshooting: self
                .troubleshooting
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests;
