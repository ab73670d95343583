//! The way to a request on a customer's behalf, kept for a reload: the
//! customer, the service, the screen, the guide's answers, and the
//! customer's request it escalates, so that a
//! partner who reloads the page mid-way finds each step answered as they
//! left it. The request form keeps its own draft (`drafts.rs`), and a
//! reload there comes back through home's "Continue the unsent request".

use serde::{Deserialize, Serialize};
use support_contract::{Customer, Service};

use super::{Escalating, Journey, Screen};
use crate::{escalation::Guide, host::BackendUrl, json, session::StorageOwner};

/// The format of a kept path; a path of another version is ignored.
const VERSION: u32 = 1;

/// Where the partner's path is kept, in the tab's session storage (a reload
/// finds it, a new tab does not): one per backend and signed-in user, as
/// drafts are.
pub fn storage_key(backend: &BackendUrl, owner: &StorageOwner) -> String {
    format!(
        "support-widget:v1:path:{}:partner{}",
        backend.as_str(),
        owner.key_suffix()
    )
}

/// A kept path: the screen on the way, whom and what it is for, and the
/// guide's answers. `service` is written only once chosen.
#[derive(Serialize, Deserialize)]
struct Kept {
    version: u32,
    screen: KeptScreen,
    customer: Customer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    service: Option<Service>,
    guide: Guide,
    /// The customer's request the path escalates, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    escalating: Option<Escalating>,
}

/// The screens on the way, which a kept path names.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum KeptScreen {
    ServiceChoice,
    SelfHelp,
    Escalation,
}

impl KeptScreen {
    fn of(screen: Screen) -> Option<KeptScreen> {
        match screen {
            Screen::ServiceChoice => Some(KeptScreen::ServiceChoice),
            Screen::SelfHelp => Some(KeptScreen::SelfHelp),
            Screen::Escalation => Some(KeptScreen::Escalation),
            _ => None,
        }
    }

    fn screen(self) -> Screen {
        match self {
            KeptScreen::ServiceChoice => Screen::ServiceChoice,
            KeptScreen::SelfHelp => Screen::SelfHelp,
            KeptScreen::Escalation => Screen::Escalation,
        }
    }
}

impl Journey {
    /// The path to keep for a reload, while the partner is on it before the
    /// request form; `None` elsewhere (nothing to keep, and a kept one is
    /// then removed).
    pub fn saved(&self) -> Option<String> {
        let kept = Kept {
            version: VERSION,
            screen: KeptScreen::of(self.screen)?,
            customer: self.customer.clone()?,
            service: self.service.clone(),
            guide: self.guide.clone(),
            escalating: self.escalating.clone(),
        };
        json::to_string(&kept).ok()
    }

    /// The journey a kept path brings back, from a fresh one. Anything it
    /// cannot hold (another version, an edited or broken entry, a service
    /// missing where its screen needs one) brings back nothing.
    pub fn restored(text: &str) -> Option<Journey> {
        let kept: Kept = json::from_str(text).ok()?;
        let screen = kept.screen.screen();
        let needs_service = screen != Screen::ServiceChoice;
        let readable = kept.version == VERSION && (kept.service.is_some() || !needs_service);
        readable.then(|| Journey {
            screen,
            customer: Some(kept.customer),
            service: kept.service,
            guide: kept.guide,
            escalating: kept.escalating,
            ..Journey::default()
        })
    }
}
