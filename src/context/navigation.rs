//! Where the user is, and what they chose on the way: the partner's
//! journey to a request, and a customer's self-service.

use leptos::prelude::*;

use support_rules::{
    help_journey::{HelpJourney, HelpStep},
    journey::{Journey, Step},
};

#[derive(Clone, Copy)]
pub struct Navigation {
    /// Where the user is, and what they chose on the way.
    pub journey: RwSignal<Journey>,
    /// What the customer search shows, kept until the journey starts again
    /// (back to the search, back home and in again).
    pub customer_query: RwSignal<String>,
    /// Where a customer is in self-service (audience `customer`).
    pub help: RwSignal<HelpJourney>,
    /// Whether the user has moved between screens, or opened the widget
    /// themselves: only then does a new screen take focus (not when the page
    /// first shows the widget).
    pub navigated: RwSignal<bool>,
    /// A service the page suggested with `prefill`, shown as the likely one.
    pub suggested_service: RwSignal<Option<String>>,
}

impl Navigation {
    /// Moves the journey on.
    pub fn go(self, step: Step) {
        self.navigated.set(true);
        let restarts = self.journey.with_untracked(|j| j.restarts);
        self.journey
            .update(|journey| *journey = journey.after(step));
        // Started again: the search that found a customer goes too, back to
        // the page's customer's name, if any.
        let restarted = self.journey.with_untracked(|j| {
            (j.restarts != restarts).then(|| j.page_customer.as_ref().map(|c| c.name.clone()))
        });
        if let Some(name) = restarted {
            self.customer_query.set(name.unwrap_or_default());
        }
    }

    /// Moves the customer's self-service journey on.
    pub fn go_help(self, step: HelpStep) {
        if !matches!(step, HelpStep::SawArticles(_)) {
            _ = self.navigated.try_set(true);
        }
        _ = self.help.try_update(|help| *help = help.after(step));
    }
}
