//! The search behind the customer box: the backend's answer for the text
//! typed, read through [`Loaded`] (each search aborting the one still on
//! its way, and run again at a new sign-in), and typing that starts one
//! only once it pauses.

use std::time::Duration;

use leptos::prelude::*;
use support_contract::Customer;

use crate::{
    api,
    components::tell_page,
    context::{Connection, Host},
    loaded::Loaded,
};
use support_rules::request::LoadError;

/// How long typing must pause before the widget searches.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// The last answer, with the text it answers.
pub(super) type Answer = Option<(String, Result<Vec<Customer>, LoadError>)>;

#[derive(Clone, Copy)]
pub(super) struct Search {
    /// The text last searched for. Set again, even to the same text, it
    /// searches anew.
    searched: RwSignal<String>,
    /// What searching for it found: the search on its way is aborted by the
    /// next one or the component's end.
    found: Loaded<Answer>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Search {
    /// A search for `text` at once, owned by the calling component: what is
    /// on its way, or waiting for a pause, goes with it.
    pub(super) fn new(text: String) -> Self {
        let connection = expect_context::<Connection>();
        let host = expect_context::<Host>();
        let searched = RwSignal::new(text);
        let found = Loaded::new(move |abort| {
            let text = searched.get();
            let backend = connection.backend.get_untracked();
            let transport = connection.transport_aborted_by(abort);
            async move {
                let found = match backend {
                    _ if text.is_empty() => Ok(Vec::new()),
                    Some(backend) => api::search_customers(backend, text.clone(), transport).await,
                    None => Err(LoadError::Network),
                };
                if let Err(error) = &found {
                    tell_page(connection, host, error);
                }
                Some((text, found))
            }
        });
        let search = Search {
            searched,
            found,
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

    /// The last answer, with the text it answers (tracked).
    pub(super) fn answer(self) -> Answer {
        self.found.get().flatten()
    }

    /// Searches for `text` now. Each search aborts the one still on its
    /// way, whose answer is dropped: the partner typed on, and only the
    /// newest text matters.
    pub(super) fn run(self, text: String) {
        self.searched.set(text);
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
