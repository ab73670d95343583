//! The customer the page prefills, checked against the backend's catalogue
//! as soon as the page names it.

use leptos::prelude::*;

use crate::{
    api,
    context::{Connection, Host, Navigation},
    loaded::Loaded,
};
use support_rules::{host::Audience, request::LoadError};

/// Asks the backend whether its catalogue knows the customer the page
/// named: a customer it does not know is the page's mistake, which it hears
/// at once (`unknown_customer`, and the console names the id), and the
/// partner picks the customer in the search rather than fill in a form
/// that filing would refuse. Any other answer (no network, the backend's
/// error, no sign-in) keeps the page's customer, as before the check. A
/// customer's widget has no customer to pick: none is asked about.
#[derive(Clone, Copy)]
pub struct PageCustomerCheck {
    /// The customer to ask about, until the backend has said whether it
    /// knows them.
    asked: RwSignal<Option<String>>,
}

impl PageCustomerCheck {
    /// Created by the widget's root. A read, through `Loaded`: a customer
    /// named next overtakes the check on its way, and a check the ended
    /// session refused asks again at the new sign-in.
    pub fn new(connection: Connection, nav: Navigation, host: Host) -> PageCustomerCheck {
        let asked = RwSignal::new(None::<String>);
        let _checked = Loaded::new(move |abort| {
            let id = asked.get();
            let backend = connection.backend.get_untracked();
            let partner = connection.audience.get_untracked() == Audience::Partner;
            let transport = connection.transport_aborted_by(abort);
            async move {
                let (id, backend) = (id.filter(|_| partner)?, backend?);
                let answer = api::customer(backend, id.clone(), transport).await;
                match answer {
                    Err(LoadError::NotFound) => unknown(nav, host, &id),
                    Ok(_) => {}
                    // Asked again at the next sign-in.
                    Err(_) => return None,
                }
                _ = asked.try_set(None);
                Some(())
            }
        });
        PageCustomerCheck { asked }
    }

    /// Checks the customer `id`, which the page has just named.
    pub fn check(self, id: String) {
        self.asked.set(Some(id));
    }
}

/// The page named customer `id`, whom the catalogue does not know: it
/// hears so, and the partner picks a customer instead.
fn unknown(nav: Navigation, host: Host, id: &str) {
    let message = format!("prefill: the backend knows no customer \"{id}\"");
    let said = format!("<support-widget>: {message}, so the partner picks one");
    web_sys::console::warn_1(&said.into());
    host.emit(
        "error",
        &[
            ("code", "unknown_customer".into()),
            ("message", message.into()),
        ],
    );
    let screen = nav.journey.try_with_untracked(|j| j.screen);
    let inside = host.user_is_in();
    _ = nav
        .journey
        .try_update(|journey| *journey = journey.without_unknown_customer(id));
    if nav.journey.try_with_untracked(|j| j.screen) != screen {
        _ = nav.navigated.try_set(inside);
    }
}
