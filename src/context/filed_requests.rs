//! The requests filed from this device, as the widget keeps them: the list
//! in storage (merged with what other tabs filed), and the status the
//! backend last gave for each.

use leptos::prelude::*;
use support_contract::{RequestList, RequestStatus, StoredRequest};

use super::Connection;
use crate::storage;
use support_rules::{
    filed_requests::{self, Filed, FiledRequest},
    session::Session,
};

#[derive(Clone, Copy)]
pub struct FiledRequests {
    /// The requests filed from this device to this backend, newest first.
    pub list: RwSignal<Filed>,
    /// The status of each filed request as the backend last answered it
    /// (its status screen, the list of filed requests), newer than the one
    /// its confirmation was filed with; each with when it was asked for (ms
    /// since the epoch): an answer that comes after a newer one is older news.
    pub statuses_seen: RwSignal<Vec<(String, RequestStatus, f64)>>,
    /// The request "Remove it from this list" took on its status screen, on
    /// its way back to the list, which offers its Undo.
    pub removed: RwSignal<Option<RemovedFiled>>,
    /// The title and reference of each request filed while its form was not
    /// on screen, or was by then for another customer or service (an
    /// automatic retry that succeeded after the user moved on), until the
    /// user hides the notice that tells of them (`FiledAwayNotice`).
    pub away: RwSignal<Vec<(String, String)>>,
    /// Whose list it is, and of which backend and audience.
    pub connection: Connection,
}

/// What "Forget this list" took, for its Undo: the list, and where it was
/// kept.
#[derive(Clone)]
pub struct ForgottenFiled {
    key: Option<String>,
    list: Filed,
}

/// What "Remove it from this list" took, for its Undo: the request, the list
/// it was taken from, and where that list was kept.
#[derive(Clone)]
pub struct RemovedFiled {
    key: Option<String>,
    request: FiledRequest,
    before: Filed,
}

impl RemovedFiled {
    /// The reference of the request taken off.
    pub fn reference(&self) -> &str {
        &self.request.reference
    }
}

impl FiledRequests {
    /// None yet: the list is read once the widget knows whose it is
    /// ([`FiledRequests::read_for_each_list`]).
    pub fn new(connection: Connection) -> FiledRequests {
        FiledRequests {
            list: RwSignal::new(Filed::default()),
            statuses_seen: RwSignal::new(Vec::new()),
            removed: RwSignal::new(None),
            away: RwSignal::new(Vec::new()),
            connection,
        }
    }

    /// Where the list of filed requests lives, while the backend is usable
    /// and the widget knows whose list it is.
    fn key(self) -> Option<String> {
        let Connection {
            backend,
            audience,
            storage_owner: owner,
            ..
        } = self.connection;
        Some(filed_requests::storage_key(
            &backend.get_untracked()?,
            audience.get_untracked(),
            &owner.get_untracked()?,
        ))
    }

    /// Whether the list is still kept at `key`, where an Undo's list was: not
    /// once the page has changed the backend or the audience, or signed in
    /// another user.
    fn keeps_list_at(self, key: &Option<String>) -> bool {
        key.is_some() && self.key() == *key
    }

    /// Whether there is a list of filed requests to offer (tracked): this
    /// device's, or, signed in, the user's the backend keeps, which may have
    /// requests filed on another device.
    pub fn any(self) -> bool {
        self.list.with(|filed| !filed.requests.is_empty())
            || (self.connection.session).with(|session| matches!(session, Session::SignedIn(_)))
    }

    /// Reads the list of filed requests again whenever the backend, the
    /// audience or the signed-in user changes: each has its own.
    pub fn read_for_each_list(self) {
        Effect::new(move |_| {
            self.connection.backend.track();
            self.connection.audience.track();
            self.connection.storage_owner.track();
            self.load();
        });
    }

    /// Reads the list of filed requests for the current backend, audience
    /// and user.
    fn load(self) {
        let stored = self
            .key()
            .and_then(|key| storage::read(&key).ok().flatten());
        self.list
            .set(stored.map(|json| Filed::decode(&json)).unwrap_or_default());
    }

    /// Keeps a request's status as the backend answered it
    /// (`GET /support-requests/{id}`, asked for at `asked_at`) as the latest
    /// seen of it.
    pub fn saw_request(self, stored: &StoredRequest, asked_at: f64) {
        self.saw_status(&stored.id, stored.status, asked_at);
    }

    /// Keeps the status of each request of a page of the user's own list,
    /// asked for at `asked_at`, as the latest seen of it.
    pub fn saw_listed(self, page: &RequestList, asked_at: f64) {
        for stored in &page.requests {
            self.saw_status(&stored.id, stored.status, asked_at);
        }
    }

    /// Records a filed request's status as the backend answered it when
    /// asked at `asked_at`, unless an answer asked for later came first.
    fn saw_status(self, id: &str, status: RequestStatus, asked_at: f64) {
        _ = self.statuses_seen.try_update(|seen| {
            if seen
                .iter()
                .any(|(seen_id, _, at)| seen_id == id && *at > asked_at)
            {
                return;
            }
            seen.retain(|(seen_id, _, _)| seen_id != id);
            seen.push((id.to_owned(), status, asked_at));
        });
    }

    /// The status the backend last gave for request `id`, if the widget has
    /// asked since it was filed (tracked).
    pub fn status_seen(self, id: &str) -> Option<RequestStatus> {
        self.statuses_seen.with(|seen| {
            seen.iter()
                .find(|(seen_id, _, _)| seen_id == id)
                .map(|(_, status, _)| *status)
        })
    }

    /// Adds a request just filed to the list. Without storage the list still
    /// holds it until the page goes.
    pub fn remember(self, request: FiledRequest) {
        let since = self.now();
        self.list.set(since.with(request));
        self.store();
    }

    /// Brings back what `clear` forgot (its Undo), below any request
    /// filed since, here or in another tab; nothing once the page has
    /// changed the backend or the audience.
    pub fn restore(self, forgotten: ForgottenFiled) {
        if !self.keeps_list_at(&forgotten.key) {
            return;
        }
        self.list.set(forgotten.list.below(&self.now()));
        self.store();
    }

    /// Forgets one filed request on this device, as stored now (what other
    /// tabs filed since stays); what it took, when it was listed.
    pub fn forget(self, id: &str) -> Option<RemovedFiled> {
        let before = self.now();
        self.list.set(before.without(id));
        self.store();
        let request = before.requests.iter().find(|r| r.id == id).cloned()?;
        Some(RemovedFiled {
            key: self.key(),
            request,
            before,
        })
    }

    /// Puts back what `forget` took (its Undo) where it was, as
    /// `restore` does for the whole list.
    pub fn restore_removed(self, removed: RemovedFiled) {
        if !self.keeps_list_at(&removed.key) {
            return;
        }
        let list = self.now().with_back(removed.request, &removed.before);
        self.list.set(list);
        self.store();
    }

    /// This widget's list with what is stored now on top: what other widgets
    /// and tabs of the same backend and audience filed since this one read
    /// it.
    fn now(self) -> Filed {
        let own = self.list.get_untracked();
        match self
            .key()
            .and_then(|key| storage::read(&key).ok().flatten())
        {
            // Both: storage may also hold a list this widget could not
            // write over (a full quota).
            Some(json) => own.below(&Filed::decode(&json)),
            None => own,
        }
    }

    fn store(self) {
        if let Some(key) = self.key() {
            _ = storage::write(&key, &self.list.with_untracked(Filed::encode));
        }
    }

    /// Forgets every filed request on this device (the requests themselves
    /// stay with the backend).
    pub fn clear(self) -> ForgottenFiled {
        let forgotten = ForgottenFiled {
            key: self.key(),
            list: self.list.get_untracked(),
        };
        self.list.set(Filed::default());
        if let Some(key) = &forgotten.key {
            _ = storage::remove(key);
        }
        forgotten
    }
}
