//! The requests filed from this device, as the widget keeps them: the list
//! in storage (merged with what other tabs filed), and the status the
//! backend last gave for each.

use leptos::prelude::*;
use support_contract::{RequestList, RequestStatus, StoredRequest};

use super::WidgetContext;
use crate::{
    api::{self, Transport},
    effects::effect,
    rules::{
        filed_requests::{self, Filed, FiledRequest},
        host::BackendUrl,
        request::LoadError,
        session::Session,
    },
    storage,
};

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

impl WidgetContext {
    /// Where the list of filed requests lives, while the backend is usable
    /// and the widget knows whose list it is.
    fn filed_key(self) -> Option<String> {
        let backend = self.backend.get_untracked()?;
        let keeper = self.keeper.get_untracked()?;
        Some(filed_requests::storage_key(
            &backend,
            self.audience.get_untracked(),
            &keeper,
        ))
    }

    /// Whether the list is still kept at `key`, where an Undo's list was: not
    /// once the page has changed the backend or the audience, or signed in
    /// another user.
    fn keeps_list_at(self, key: &Option<String>) -> bool {
        key.is_some() && self.filed_key() == *key
    }

    /// Whether there is a list of filed requests to offer (tracked): this
    /// device's, or, signed in, the user's the backend keeps, which may have
    /// requests filed on another device.
    pub fn has_filed_requests(self) -> bool {
        self.filed.with(|filed| !filed.requests.is_empty())
            || self
                .session
                .with(|session| matches!(session, Session::SignedIn(_)))
    }

    /// Reads the list of filed requests again whenever the backend, the
    /// audience or the signed-in user changes: each has its own.
    pub fn read_filed_for_each_list(self) {
        effect(move |_| {
            self.backend.track();
            self.audience.track();
            self.keeper.track();
            self.load_filed();
        });
    }

    /// Reads the list of filed requests for the current backend, audience
    /// and user.
    fn load_filed(self) {
        let stored = self
            .filed_key()
            .and_then(|key| storage::read(&key).ok().flatten());
        self.filed
            .set(stored.map(|json| Filed::decode(&json)).unwrap_or_default());
    }

    /// A filed request's status and history from the backend
    /// (`GET /support-requests/{id}`), kept as the latest seen of it.
    pub async fn request_status(
        self,
        backend: BackendUrl,
        id: String,
        transport: Transport,
    ) -> Result<StoredRequest, LoadError> {
        let asked_at = js_sys::Date::now();
        let answer = api::request_status(backend, id, transport).await;
        if let Ok(stored) = &answer {
            self.saw_status(&stored.id, stored.status, asked_at);
        }
        answer
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
    pub fn remember_filed(self, request: FiledRequest) {
        let since = self.filed_now();
        self.filed.set(since.with(request));
        self.store_filed();
    }

    /// Brings back what `clear_filed` forgot (its Undo), below any request
    /// filed since, here or in another tab; nothing once the page has
    /// changed the backend or the audience.
    pub fn restore_filed(self, forgotten: ForgottenFiled) {
        if !self.keeps_list_at(&forgotten.key) {
            return;
        }
        self.filed.set(forgotten.list.below(&self.filed_now()));
        self.store_filed();
    }

    /// Forgets one filed request on this device, as stored now (what other
    /// tabs filed since stays); what it took, when it was listed.
    pub fn forget_filed(self, id: &str) -> Option<RemovedFiled> {
        let before = self.filed_now();
        self.filed.set(before.without(id));
        self.store_filed();
        let request = before.requests.iter().find(|r| r.id == id).cloned()?;
        Some(RemovedFiled {
            key: self.filed_key(),
            request,
            before,
        })
    }

    /// Puts back what `forget_filed` took (its Undo) where it was, as
    /// `restore_filed` does for the whole list.
    pub fn restore_removed(self, removed: RemovedFiled) {
        if !self.keeps_list_at(&removed.key) {
            return;
        }
        let list = self.filed_now().with_back(removed.request, &removed.before);
        self.filed.set(list);
        self.store_filed();
    }

    /// This widget's list with what is stored now on top: what other widgets
    /// and tabs of the same backend and audience filed since this one read
    /// it.
    fn filed_now(self) -> Filed {
        let own = self.filed.get_untracked();
        match self
            .filed_key()
            .and_then(|key| storage::read(&key).ok().flatten())
        {
            // Both: storage may also hold a list this widget could not
            // write over (a full quota).
            Some(json) => own.below(&Filed::decode(&json)),
            None => own,
        }
    }

    fn store_filed(self) {
        if let Some(key) = self.filed_key() {
            _ = storage::write(&key, &self.filed.with_untracked(Filed::encode));
        }
    }

    /// Forgets every filed request on this device (the requests themselves
    /// stay with the backend).
    pub fn clear_filed(self) -> ForgottenFiled {
        let forgotten = ForgottenFiled {
            key: self.filed_key(),
            list: self.filed.get_untracked(),
        };
        self.filed.set(Filed::default());
        if let Some(key) = &forgotten.key {
            _ = storage::remove(key);
        }
        forgotten
    }
}
