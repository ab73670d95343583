//! A list of requests the backend gives a page at a time (`next`, the
//! `before` of the page after), as far as it is loaded: the pages so far,
//! each request once, and the page on its way or why it could not be had.
//! The partner's inbox keeps the backend's requests as they come; the
//! user's filed requests keep them as their list shows them
//! (`filed_requests::AccountList`, whose tests hold these rules too).

use support_contract::{RequestList, StoredRequest};

use crate::request::LoadError;

/// What a list keeps of each request the backend lists.
pub trait Listed: Clone {
    fn listed(stored: &StoredRequest) -> Self;
    fn id(&self) -> &str;
}

impl Listed for StoredRequest {
    fn listed(stored: &StoredRequest) -> StoredRequest {
        stored.clone()
    }

    fn id(&self) -> &str {
        &self.id
    }
}

/// The pages loaded so far, and where the next one stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paged<T> {
    /// In the backend's order, each request once.
    pub requests: Vec<T>,
    /// Where the next page starts (its `before`); none after the last.
    pub next: Option<String>,
    /// Whether a page has come.
    pub loaded: bool,
    pub pending: bool,
    pub failed: Option<LoadError>,
}

impl<T> Default for Paged<T> {
    fn default() -> Self {
        Paged {
            requests: Vec::new(),
            next: None,
            loaded: false,
            pending: false,
            failed: None,
        }
    }
}

impl<T: Listed> Paged<T> {
    /// The list with a page on its way.
    pub fn asking(&self) -> Paged<T> {
        Paged {
            pending: true,
            failed: None,
            ..self.clone()
        }
    }

    /// The list with the page it asked for, which could not be had.
    pub fn failing(&self, error: LoadError) -> Paged<T> {
        Paged {
            pending: false,
            failed: Some(error),
            ..self.clone()
        }
    }

    /// The list with `page`, the answer for its `next`, below it: a request
    /// already listed (filed meanwhile, the pages shifted by one) stays where
    /// it was.
    pub fn with_page(&self, page: &RequestList) -> Paged<T> {
        let mut requests = self.requests.clone();
        for stored in &page.requests {
            // Once each, should a page list one twice or one listed before.
            if !requests
                .iter()
                .any(|r| r.id().eq_ignore_ascii_case(&stored.id))
            {
                requests.push(T::listed(stored));
            }
        }
        Paged {
            requests,
            next: page.next.clone(),
            loaded: true,
            pending: false,
            failed: None,
        }
    }

    /// Whether request `id` is among the pages loaded. Ids are UUIDs, which
    /// a backend may write in either case.
    pub fn lists(&self, id: &str) -> bool {
        self.requests
            .iter()
            .any(|r| r.id().eq_ignore_ascii_case(id))
    }

    /// Whether "Show more" has a page to bring, now.
    pub fn has_more(&self) -> bool {
        self.next.is_some() && !self.pending && self.failed.is_none()
    }
}
