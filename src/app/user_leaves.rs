//! What goes with a signed-in user who leaves (the page signs them out or
//! signs another in): their screen, search, self-help and notices.

use leptos::prelude::*;

use super::kept_path::KeptPath;
use crate::context::{Connection, FiledRequests, Navigation};
use support_rules::{help_journey::HelpJourney, journey::Journey, session::StorageOwner};

/// The next user starts at home, or on their own kept path.
pub fn start_the_next_user_anew(
    connection: Connection,
    nav: Navigation,
    filed: FiledRequests,
    kept_path: KeptPath,
) {
    // A signed-in user who leaves takes their screen with them: the next
    // user starts at home, with none of their search, self-help or notices
    // of their requests.
    connection.when_user_leaves(move || {
        // A new journey, with none of their choices or the guide's answers:
        // the next user's own path part-way to a request, when the widget
        // knows them at once (their token took the last user's place), not
        // the device's (the next user signs in later, and finds their own).
        let next = (kept_path.storage_owner)
            .with_untracked(|k| k.as_ref().and_then(StorageOwner::user).is_some())
            .then(|| kept_path.read())
            .flatten();
        (nav.journey).update(|journey| {
            let page_customer = journey.page_customer.take();
            *journey = Journey {
                page_customer,
                ..next.unwrap_or_default()
            }
        });
        nav.customer_query.set(String::new());
        nav.help.set(HelpJourney::default());
        filed.away.set(Vec::new());
        filed.removed.set(None);
    });
}
