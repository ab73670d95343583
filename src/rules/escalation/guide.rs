//! The escalation guide as a state machine: its steps, the partner's
//! answers, and the `escalation` object a finished guide gives the request.

use support_contract::{Escalation, NO_ESCALATION_REASON};

use super::{EscalationReason, StepsDone, TroubleshootingStep};

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
    /// The partner supports it themselves: nothing is escalated.
    OwnSupport,
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
    Reason(EscalationReason),
    NoneOfThese,
    AcknowledgeDuties,
    /// "We'll support it ourselves", from the partner's duties.
    SupportItMyself,
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
            (PartnerDuties, GuideAnswer::SupportItMyself) => next.step = OwnSupport,
            (step, GuideAnswer::Back) => {
                next.step = match step {
                    ServiceHealth | KnownIncident | Troubleshoot => ServiceHealth,
                    CategoryGate => Troubleshoot,
                    PartnerDuties => CategoryGate,
                    OwnSupport => PartnerDuties,
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
            NO_ESCALATION_REASON => None,
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
                .map_or(NO_ESCALATION_REASON, EscalationReason::as_str)
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
