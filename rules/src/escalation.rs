//! When a partner may escalate a customer's problem to 21Vianet (seeds 002
//! and 003), as data: the checks before an escalation, the five escalable
//! categories, and the support partners give their customers themselves.
//! The guide's steps and answers are in `escalation/guide.rs`; its screens
//! only walk these rules.

mod guide;

pub use guide::{Guide, GuideAnswer, GuideStep};
pub use support_contract::{EscalationReason, TroubleshootingStep};

use serde::{Deserialize, Serialize};

use crate::i18n::{id, MessageId};

/// How an `escalation.reason` reads; `None` for a value the contract does
/// not name (a draft of an earlier version, say).
pub fn reason_label_of(reason: &str) -> Option<MessageId> {
    EscalationReason::parse(reason).map(reason_label)
}

pub fn reason_label(reason: EscalationReason) -> MessageId {
    match reason {
        EscalationReason::UndocumentedServiceProblem => id::ESCALATION_REASON_UNDOCUMENTED,
        EscalationReason::UnavailableService => id::ESCALATION_REASON_UNAVAILABLE,
        EscalationReason::BugOrIrregularity => id::ESCALATION_REASON_BUG,
        EscalationReason::LargeScaleNetworkDisruption => id::ESCALATION_REASON_NETWORK,
        EscalationReason::RegionalMultiTenantIssue => id::ESCALATION_REASON_REGIONAL,
        EscalationReason::LacksTrainingDocumentationTools => id::ESCALATION_REASON_LACKS_MEANS,
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
    id::PARTNER_DUTY_PERFORMANCE_AVAILABILITY,
];

pub fn step_label(step: TroubleshootingStep) -> MessageId {
    match step {
        TroubleshootingStep::Software => id::TROUBLESHOOT_SOFTWARE,
        TroubleshootingStep::Settings => id::TROUBLESHOOT_SETTINGS,
        TroubleshootingStep::Configuration => id::TROUBLESHOOT_CONFIGURATION,
    }
}

/// The troubleshooting steps the partner ticked, always in the guide's
/// order (each step's number indexes the flags). Three flags rather than a `BTreeSet`, whose tree and sorting code
/// the WebAssembly would carry for a set of three. Kept as the list of the
/// ticked steps' names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<TroubleshootingStep>", into = "Vec<TroubleshootingStep>")]
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

impl From<Vec<TroubleshootingStep>> for StepsDone {
    fn from(steps: Vec<TroubleshootingStep>) -> StepsDone {
        steps.into_iter().collect()
    }
}

impl From<StepsDone> for Vec<TroubleshootingStep> {
    fn from(done: StepsDone) -> Vec<TroubleshootingStep> {
        done.iter().collect()
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

/// Whether the partner has answered the customer since 21Vianet resolved
/// the escalation: the partner's last reply on the customer's message at
/// `replied`, the resolution at `resolved_at`, both the backend's times in
/// one format, so that their text orders them. Times are to the second: a
/// reply in the same second as the resolution counts as before it (a reply
/// that closes the loop is typed once the resolution has been read), so the
/// closing reply is still offered.
pub fn answered_since_resolved(replied: Option<&str>, resolved_at: &str) -> bool {
    replied.is_some_and(|replied| replied > resolved_at)
}

#[cfg(test)]
mod tests;
