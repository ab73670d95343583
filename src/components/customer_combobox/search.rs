//! The search behind the customer box: the backend's answer for the text
//! typed, each search aborting the one still in flight, and typing that
//! starts one only once it pauses.

use std::time::Duration;

use leptos::prelude::*;
use support_contract::Customer;

use crate::{
    api,
    components::tell_page,
    context::{Connection, Host},
    loaded::InFlight,
};
use support_rules::request::LoadError;

/// How long typing must pause before the widget searches.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// The last answer, with the text it answers.
pub(super) type Answer = Option<(String, Result<Vec<Customer>, LoadError>)>;

#[derive(Clone, Copy)]
pub(super) struct Search {
    pub(super) results: RwSignal<Answer>,
    connection: Connection,
    host: Host,
    /// The search on its way, aborted by the next one or the component's end.
    in_flight: InFlight,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Search {
    /// A search owned by the calling component: what is in flight, or
    /// waiting for a pause, goes with it.
    pub(super) fn new() -> Self {
        let search = Search {
            results: RwSignal::new(None),
            connection: expect_context(),
            host: expect_context(),
            in_flight: InFlight::new(),
            timer: StoredValue::new_local(None),
        };
        on_cleanup(move || {
            search.timer.update_value(|timer| {
                if let Some(timer) = timer.take() {
                    timer.clear();
                }
            });
        });
        search
    }

    /// Searches for `text` now. Each search aborts the one still in flight,
    /// whose answer is dropped: the partner typed on, and only the newest
    /// text matters.
    pub(super) fn run(self, text: String) {
        let Search {
            results,
            connection,
            host,
            ..
        } = self;
        let asked = text.clone();
        self.in_flight.start(
            move |abort| {
                let backend = connection.backend.get_untracked();
                let transport = connection.transport_aborted_by(abort);
                Some(async move {
                    match backend {
                        _ if asked.is_empty() => Ok(Vec::new()),
                        Some(backend) => api::search_customers(backend, asked, transport).await,
                        None => Err(LoadError::Network),
                    }
                })
            },
            move |found| {
                if let Err(error) = &found {
                    tell_page(connection, host, error);
                }
                results.set(Some((text, found)));
            },
        );
    }

    /// Searches for what `query` holds once typing pauses: typing restarts
    /// the pause.
    pub(super) fn after_pause(self, query: RwSignal<String>) {
        self.timer.update_value(|timer| {
            if let Some(previous) = timer.take() {
                previous.clear();
            }
            *timer = set_timeout_with_handle(
                move || self.run(query.get_untracked().trim().to_owned()),
                DEBOUNCE,
            )
            .ok();
        });
    }
}
