//! What the page's scripts can do to a mounted widget, through the methods
//! the loader puts on the element (`open`, `close`, `prefill`,
//! `setRequestHeaders`, `setTokenProvider`).

use std::{cell::RefCell, rc::Rc};

mod page_customer;

use leptos::prelude::*;
use support_contract::Customer;

pub use self::page_customer::PageCustomerCheck;
use crate::{
    components::RequestFormState,
    context::{Connection, Host, Navigation},
};
use support_rules::{
    help_journey::HelpStep,
    host::Mode,
    host_api::{Flow, Prefill},
    journey::Step,
};

/// Handles on one widget's state, created by its root component.
#[derive(Clone, Copy)]
pub struct Controls {
    pub connection: Connection,
    pub nav: Navigation,
    pub host: Host,
    pub partner_center: RequestFormState,
    pub customer_request: RequestFormState,
    pub contact_partner: RequestFormState,
    pub mode: Memo<Mode>,
    pub page_customer: PageCustomerCheck,
}

/// Where the root component leaves its controls for the element's handle.
pub type ControlsSlot = Rc<RefCell<Option<Controls>>>;

impl Controls {
    /// Shows a flow from its start (or the prefilled customer's services),
    /// or the request the page names; its heading takes focus when the
    /// user's own action made the call (`focus_follows_the_user`).
    pub fn open(&self, flow: Flow) {
        let nav = self.nav;
        // The customer's one start screen (its help), whatever the flow.
        nav.go_help(HelpStep::Back);
        nav.go(Step::Home);
        let customer_first = |step| {
            nav.go(step);
            let known = nav.journey.with_untracked(|j| j.customer.clone());
            if let Some(customer) = known {
                nav.go(Step::PickCustomer(customer));
            }
        };
        match flow {
            Flow::Home => {}
            Flow::PartnerCenter => nav.go(Step::OpenPartnerCenterRequest),
            // One path to a request on a customer's behalf, which is the
            // escalation.
            Flow::Customer | Flow::Escalation => customer_first(Step::OpenCustomerRequest),
            Flow::CustomerMessages => nav.go(Step::OpenInbox),
            // Its status, for either audience: a customer's request screens
            // are the partner's.
            Flow::Request(id) => nav.go(Step::OpenRequest(id)),
        }
        self.focus_follows_the_user();
    }

    /// Back to the start screen; everything typed stays.
    pub fn close(&self) {
        let nav = self.nav;
        nav.go_help(HelpStep::Back);
        nav.go(Step::Home);
        self.focus_follows_the_user();
    }

    /// Inline, a screen shown by the page's call takes focus when the user
    /// is in the widget (its screen changes under them), or has just acted
    /// (a click on the page's "Help" button, say: the browser's user
    /// activation): a page that opens a flow as it loads keeps its own
    /// focus and scroll position. Browsers that cannot tell activation
    /// (before 2023) move focus as before, as does the launcher's panel,
    /// which opens for the call.
    fn focus_follows_the_user(&self) {
        if self.mode.get_untracked() == Mode::Launcher {
            return;
        }
        let Controls { nav, host, .. } = *self;
        if host.user_is_in() {
            nav.navigated.set(true);
            return;
        }
        let activation = web_sys::window()
            .and_then(|window| {
                js_sys::Reflect::get(&window.navigator(), &"userActivation".into()).ok()
            })
            .filter(|activation| activation.is_object());
        let acting = activation.is_none_or(|activation| {
            js_sys::Reflect::get(&activation, &"isActive".into())
                .is_ok_and(|active| active.is_truthy())
        });
        nav.navigated.set(acting);
    }

    pub fn prefill(&self, prefill: &Prefill) {
        // A category is a Partner Center notion; a service is chosen in the
        // form only by a customer writing to its partner (a partner's
        // customer request has it chosen before, where it is suggested).
        self.partner_center.prefill(&Prefill {
            service: None,
            ..prefill.clone()
        });
        let without_category = Prefill {
            category: None,
            ..prefill.clone()
        };
        self.customer_request.prefill(&Prefill {
            service: None,
            ..without_category.clone()
        });
        self.contact_partner.prefill(&without_category);
        if let Some(customer) = &prefill.customer {
            let Controls { nav, host, .. } = *self;
            // The search shows the page's customer, unless the user has
            // typed a search of their own (the widget writes only the page's
            // customer's name there).
            let written = nav.journey.with_untracked(|j| {
                [&j.page_customer, &j.customer].map(|c| c.as_ref().map(|c| c.name.clone()))
            });
            if nav.customer_query.with_untracked(|query| {
                query.is_empty() || written.iter().flatten().any(|name| name == query)
            }) {
                nav.customer_query.set(customer.name.clone());
            }
            // A screen the page's call changes takes focus if the user was
            // in the widget (typing in the form it replaces, say), not if
            // they are on the page (clicking the portal's customer).
            let (screen, inside) = (nav.journey.with_untracked(|j| j.screen), host.user_is_in());
            let new = nav
                .journey
                .with_untracked(|j| j.page_customer.as_ref().map(|c| &c.id) != Some(&customer.id));
            nav.journey.update(|journey| {
                *journey = journey.with_page_customer(Customer {
                    id: customer.id.clone(),
                    name: customer.name.clone(),
                    domain: String::new(),
                });
            });
            if nav.journey.with_untracked(|j| j.screen) != screen {
                nav.navigated.set(inside);
            }
            if new {
                self.page_customer.check(customer.id.clone());
            }
        }
        if let Some(service) = &prefill.service {
            self.nav.suggested_service.set(Some(service.clone()));
        }
    }

    /// New headers may sign the user in again: a send waiting for that goes.
    /// The same headers again (a page that sets them on every route) change
    /// nothing, and sign no one in. Signing out (none) always counts: after
    /// an ended session, what was refused is read again, signed out.
    pub fn set_request_headers(&self, headers: Vec<(String, String)>) {
        let connection = self.connection;
        let same = (connection.request_headers).with_untracked(|now| *now == headers);
        if same && !headers.is_empty() {
            return;
        }
        let signing_in = !headers.is_empty();
        connection.request_headers.set(headers);
        connection
            .tokens
            .with_value(|tokens| tokens.signed_in_again(signing_in));
    }

    pub fn set_token_provider(&self, provider: Option<js_sys::Function>) {
        self.connection
            .tokens
            .with_value(|tokens| tokens.set_provider(provider));
    }
}
