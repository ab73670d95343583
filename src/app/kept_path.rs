//! A partner's path part-way to a request on a customer's behalf, kept in
//! the tab's session storage (`src/storage.rs`) for the user whose it is, so
//! that a reload finds each step as they left it.

use leptos::prelude::*;

use crate::storage;
use support_rules::{
    host::{Audience, BackendError, BackendUrl},
    journey::{self, Journey, Screen},
    session::StorageOwner,
};

/// Where the path is kept: the backend, the audience and whose it is.
#[derive(Clone, Copy)]
pub struct KeptPath {
    pub backend: Memo<Result<BackendUrl, BackendError>>,
    pub audience: Memo<Audience>,
    pub storage_owner: Memo<Option<StorageOwner>>,
}

/// A journey not begun: at home, never left, never started again.
fn pristine(j: &Journey) -> bool {
    j.screen == Screen::Home && j.visit == 0 && j.restarts == 0
}

impl KeptPath {
    /// Where the current user's path is kept, once the widget knows who
    /// they are.
    fn key(self) -> Option<String> {
        let owner = self.storage_owner.get_untracked()?;
        (self.backend).with_untracked(|b| Some(journey::storage_key(b.as_ref().ok()?, &owner)))
    }

    /// The current user's kept path, if a partner's.
    pub fn read(self) -> Option<Journey> {
        (self.audience.get_untracked() == Audience::Partner)
            .then(|| self.key())
            .flatten()
            .and_then(|key| storage::session::read(&key))
            .and_then(|kept| Journey::restored(&kept))
    }

    /// Once the widget knows whose path it is (the provider's first answer,
    /// or the next user after one left): that user's path, unless they have
    /// set out meanwhile.
    pub fn restore_when_user_known(self, journey: RwSignal<Journey>) {
        let known_at_mount = self.storage_owner.with_untracked(Option::is_some);
        // Reads the storage of the user the widget has just learnt of.
        Effect::new(move |prev: Option<()>| {
            let ran = prev.is_some();
            if self.storage_owner.with(Option::is_none) || !ran && known_at_mount {
                return;
            }
            if let Some(mut path) = self.read().filter(|_| journey.with_untracked(pristine)) {
                path.page_customer = journey.with_untracked(|j| j.page_customer.clone());
                journey.set(path);
            }
        });
    }

    /// Writes the path as it changes, where the user's path is kept (not
    /// when the user alone changes: the next user's screen then changes
    /// too).
    pub fn keep(self, journey: RwSignal<Journey>) {
        Effect::new(move |_| {
            self.backend.track();
            let (saved, pristine) = journey.with(|j| (j.saved(), pristine(j)));
            let Some(key) = self.key() else { return };
            // A journey not begun removes nothing: a user who comes after
            // one who left begins there, and finds their own path.
            if saved.is_none() && pristine {
                return;
            }
            match saved {
                Some(saved) => storage::session::write(&key, &saved),
                None => storage::session::remove(&key),
            }
        });
    }
}
