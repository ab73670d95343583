//! The way to a request on a customer's behalf, kept for a reload: the
//! customer, the service, the screen, and the guide's answers, so that a
//! partner who reloads the page mid-way finds each step answered as they
//! left it. The request form keeps its own draft (`drafts.rs`), and a
//! reload there comes back through home's "Continue the unsent request".

use support_contract::{EscalationReason, TroubleshootingStep};

use super::{Journey, Screen};
use crate::rules::{
    escalation::{Guide, GuideStep, StepsDone},
    host::BackendUrl,
    json::{FromJson, Invalid, Object, ToJson, Value},
    session::Keeper,
};

/// The format of a kept path; a path of another version is ignored.
const VERSION: u32 = 1;

/// Where the partner's path is kept, in the tab's session storage (a reload
/// finds it, a new tab does not): one per backend and signed-in user, as
/// drafts are.
pub fn storage_key(backend: &BackendUrl, keeper: &Keeper) -> String {
    format!(
        "support-widget:v1:path:{}:partner{}",
        backend.as_str(),
        keeper.key_suffix()
    )
}

impl Journey {
    /// The path to keep for a reload, while the partner is on it before the
    /// request form; `None` elsewhere (nothing to keep, and a kept one is
    /// then removed).
    pub fn saved(&self) -> Option<String> {
        let screen = kept_screen_name(self.screen)?;
        let customer = self.customer.as_ref()?;
        let mut out = String::new();
        Object::new(&mut out)
            .field("version", &VERSION)
            .field("screen", &screen)
            .field("customer", customer)
            .some("service", &self.service)
            .field("guide", &self.guide)
            .end();
        Some(out)
    }

    /// The journey a kept path brings back, from a fresh one. Anything it
    /// cannot hold (another version, an edited or broken entry, a service
    /// missing where its screen needs one) brings back nothing.
    pub fn restored(text: &str) -> Option<Journey> {
        let kept = Value::parse(text)?;
        if kept.field::<u32>("version").ok()? != VERSION {
            return None;
        }
        let screen: String = kept.field("screen").ok()?;
        let screen = [Screen::ServiceChoice, Screen::SelfHelp, Screen::Escalation]
            .into_iter()
            .find(|s| kept_screen_name(*s) == Some(screen.as_str()))?;
        let journey = Journey {
            screen,
            customer: Some(kept.field("customer").ok()?),
            service: kept.field("service").ok()?,
            guide: kept.field("guide").ok()?,
            ..Journey::default()
        };
        let needs_service = screen != Screen::ServiceChoice;
        (journey.service.is_some() || !needs_service).then_some(journey)
    }
}

/// How a screen on the way is named in a kept path.
fn kept_screen_name(screen: Screen) -> Option<&'static str> {
    match screen {
        Screen::ServiceChoice => Some("service_choice"),
        Screen::SelfHelp => Some("self_help"),
        Screen::Escalation => Some("escalation"),
        _ => None,
    }
}

impl GuideStep {
    /// Every step, for reading a kept path.
    const ALL: [GuideStep; 8] = [
        GuideStep::ServiceHealth,
        GuideStep::KnownIncident,
        GuideStep::Troubleshoot,
        GuideStep::CategoryGate,
        GuideStep::PartnerDuties,
        GuideStep::OwnSupport,
        GuideStep::Remediation,
        GuideStep::Proceed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            GuideStep::ServiceHealth => "service_health",
            GuideStep::KnownIncident => "known_incident",
            GuideStep::Troubleshoot => "troubleshoot",
            GuideStep::CategoryGate => "category_gate",
            GuideStep::PartnerDuties => "partner_duties",
            GuideStep::OwnSupport => "own_support",
            GuideStep::Remediation => "remediation",
            GuideStep::Proceed => "proceed",
        }
    }
}

impl ToJson for Guide {
    fn to_json(&self, out: &mut String) {
        let done: Vec<String> = (self.troubleshooting.iter())
            .map(|step| step.as_str().to_owned())
            .collect();
        Object::new(out)
            .field("step", &self.step.as_str())
            .field("health_checked", &self.health_checked)
            .some("incident", &self.incident)
            .field("troubleshooting", &done)
            .some("reason", &self.reason.map(|r| r.as_str().to_owned()))
            .end();
    }
}

impl FromJson for Guide {
    fn from_json(value: &Value) -> Result<Guide, Invalid> {
        let step: String = value.field("step")?;
        let step = (GuideStep::ALL.into_iter())
            .find(|s| s.as_str() == step)
            .ok_or_else(|| Invalid::at("step"))?;
        let done: Vec<String> = value.field_or_default("troubleshooting")?;
        let troubleshooting = (done.iter())
            .map(|id| TroubleshootingStep::parse(id))
            .collect::<Option<StepsDone>>()
            .ok_or_else(|| Invalid::at("troubleshooting"))?;
        let reason = match value.field::<Option<String>>("reason")? {
            Some(reason) => {
                Some(EscalationReason::parse(&reason).ok_or_else(|| Invalid::at("reason"))?)
            }
            None => None,
        };
        Ok(Guide {
            step,
            health_checked: value.field_or_default("health_checked")?,
            incident: value.field("incident")?,
            troubleshooting,
            reason,
        })
    }
}
