//! The escalation guide as a state machine: its steps, the partner's
//! answers, and the `escalation` object a finished guide gives the request.

use serde::{Deserialize, Serialize};
use support_contract::Escalation;

use super::{EscalationReason, StepsDone, TroubleshootingStep};

/// The guide's steps, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuideStep {
    /// Current incidents and advisories for the service come first.
    #[default]
    ServiceHealth,
    /// A known incident explains it: nothing is escalated.
    KnownIncident,
    Troubleshoot,
    /// Is it one of the five escalable categories?
    CategoryGate,
    /// None of them: the partner's own duties. The partner supports it, or
    /// states that they lack the training, documentation or support tools
    /// to (seed 003).
    PartnerDuties,
    /// The partner supports it themselves: nothing is escalated.
    OwnSupport,
    /// Escalated for want of training, documentation or tools: what 21Vianet
    /// may ask of a partner who escalates inappropriately, read before
    /// filing.
    Remediation,
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
            GuideStep::KnownIncident
            | GuideStep::PartnerDuties
            | GuideStep::OwnSupport
            | GuideStep::Remediation
            | GuideStep::Proceed => None,
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
    /// One of the five categories.
    Reason(EscalationReason),
    NoneOfThese,
    /// "We lack the training, documentation or tools to solve it", from the
    /// partner's duties.
    LackTrainingDocumentationTools,
    /// "We'll support it ourselves", from the partner's duties.
    SupportItMyself,
    /// On from the remediation warning to the request.
    FileEscalation,
    Back,
}

/// Where the partner is in the guide, and what they answered on the way;
/// kept for a reload as the partner's path is (`journey/saved.rs`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub step: GuideStep,
    #[serde(default)]
    pub health_checked: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<String>,
    #[serde(default)]
    pub troubleshooting: StepsDone,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<EscalationReason>,
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
            (CategoryGate, GuideAnswer::Reason(reason))
                if reason != EscalationReason::LacksTrainingDocumentationTools =>
            {
                next.reason = Some(reason);
                next.step = Proceed;
            }
            (CategoryGate, GuideAnswer::NoneOfThese) => {
                next.reason = None;
                next.step = PartnerDuties;
            }
            (PartnerDuties, GuideAnswer::LackTrainingDocumentationTools) => {
                next.reason = Some(EscalationReason::LacksTrainingDocumentationTools);
                next.step = Remediation;
            }
            (PartnerDuties, GuideAnswer::SupportItMyself) => {
                next.reason = None;
                next.step = OwnSupport;
            }
            (Remediation, GuideAnswer::FileEscalation) => next.step = Proceed,
            (step, GuideAnswer::Back) => {
                next.step = match step {
                    ServiceHealth | KnownIncident | Troubleshoot => ServiceHealth,
                    CategoryGate => Troubleshoot,
                    PartnerDuties => CategoryGate,
                    OwnSupport | Remediation => PartnerDuties,
                    Proceed if self.lacks_means() => Remediation,
                    Proceed => CategoryGate,
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
        let reason = EscalationReason::parse(&escalation.reason)?;
        let troubleshooting = (escalation.troubleshooting.iter())
            .map(|done| TroubleshootingStep::parse(done))
            .collect::<Option<_>>()?;
        Some(Guide {
            step: GuideStep::Proceed,
            health_checked: escalation.health_checked,
            incident: None,
            troubleshooting,
            reason: Some(reason),
        })
    }

    /// Whether the partner escalates a problem of none of the five
    /// categories, for want of training, documentation or tools.
    pub fn lacks_means(&self) -> bool {
        self.reason == Some(EscalationReason::LacksTrainingDocumentationTools)
    }

    /// The `escalation` object of the request, once the guide lets the
    /// partner go on: the reason that applies, and what the checks found.
    pub fn escalation(&self) -> Option<Escalation> {
        if self.step != GuideStep::Proceed {
            return None;
        }
        Some(Escalation {
            reason: self.reason?.as_str().to_owned(),
            health_checked: self.health_checked,
            troubleshooting: self
                .troubleshooting
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
        })
    }
}
