//! The search behind the customer box: the backend's answer for the text
//! typed, each search aborting the one still in flight, and typing that
//! starts one only once it pauses.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local_scoped};
use support_contract::Customer;
use web_sys::AbortController;

use crate::{
    api::{self, Transport},
    components::tell_page,
    context::{Connection, Host},
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
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
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
            in_flight: StoredValue::new_local(None),
            timer: StoredValue::new_local(None),
        };
        on_cleanup(move || {
            search.in_flight.update_value(|current| {
                if let Some(controller) = current.take() {
                    controller.abort();
                }
            });
            search.timer.update_value(|timer| {
                if let Some(timer) = timer.take() {
                    timer.clear();
                }
            });
        });
        search
    }

    /// Searches for `text` now. Each search aborts the one still in flight:
    /// the partner typed on, and only the newest text matters.
    pub(super) fn run(self, text: String) {
        let Search {
            connection, host, ..
        } = self;
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        self.in_flight.update_value(|current| {
            if let Some(previous) = std::mem::replace(current, controller) {
                previous.abort();
            }
        });
        let backend = connection.backend.get_untracked();
        // The widget's own, less its abort: this search's signal ends it.
        let transport = Transport {
            abort: signal,
            ..connection.transport()
        };
        let results = self.results;
        spawn_local_scoped(async move {
            let found = match backend {
                _ if text.is_empty() => Ok(Vec::new()),
                Some(backend) => api::search_customers(backend, text.clone(), transport).await,
                None => Err(LoadError::Network),
            };
            if let Err(error) = &found {
                tell_page(connection, host, error);
            }
            results.set(Some((text, found)));
        });
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
