//! The customer the page prefills (`prefill`), and what the journey does
//! when it changes or when the backend does not know it.

use support_contract::Customer;

use super::{Journey, Screen};
use crate::escalation::Guide;

impl Journey {
    /// The journey once the page has prefilled `customer`. The page's
    /// customer again (a page that prefills on every load) changes nothing
    /// chosen, not even another customer the partner picked since. A new
    /// one (the portal moved on to another customer) is as if the partner
    /// picked it: unless it is the one chosen already, its service is chosen
    /// again, the guide starts over, and a screen about the customer before
    /// (its services, self-help, the guide, its request) gives way to the
    /// new customer's services.
    pub fn with_page_customer(&self, customer: Customer) -> Journey {
        let mut next = self.clone();
        next.page_customer = Some(customer.clone());
        let same = |chosen: &Option<Customer>| chosen.as_ref().map(|c| &c.id) == Some(&customer.id);
        if same(&self.page_customer) || same(&self.customer) {
            return next;
        }
        next.customer = Some(customer);
        next.service = None;
        next.guide = Guide::default();
        // The customer's request being escalated was another customer's.
        next.escalating = None;
        if self.screen.is_about_the_customer() {
            next.screen = Screen::ServiceChoice;
        }
        if self.status_from.is_about_the_customer() {
            next.status_from = Screen::ServiceChoice;
        }
        next
    }

    /// The journey once the backend has said that its catalogue holds no
    /// customer `id`, which the page prefilled: a request for it would be
    /// refused when filed. The page's customer goes, and, if it is the one
    /// chosen, so do its service and the guide's answers, and a screen
    /// about it gives way to the customer search, where the partner picks
    /// one. A customer the page has prefilled since, or that the partner
    /// picked, stays.
    pub fn without_unknown_customer(&self, id: &str) -> Journey {
        let named = |customer: &Option<Customer>| customer.as_ref().is_some_and(|c| c.id == id);
        if !named(&self.page_customer) {
            return self.clone();
        }
        let mut next = self.clone();
        next.page_customer = None;
        if !named(&self.customer) {
            return next;
        }
        next.customer = None;
        next.service = None;
        next.guide = Guide::default();
        if self.screen.is_about_the_customer() {
            next.screen = Screen::CustomerSearch;
        }
        if self.status_from.is_about_the_customer() {
            next.status_from = Screen::CustomerSearch;
        }
        next
    }
}
