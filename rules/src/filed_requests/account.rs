//! A signed-in user's list of filed requests: the backend's pages of it
//! (`GET /support-requests?filed_by=me`, newest first), so that it follows
//! them to another device, merged with this device's list, whose requests
//! filed a moment ago the backend's pages may not have yet.

use support_contract::StoredRequest;

use super::{Filed, FiledRequest};
use crate::paged::{Listed, Paged};

/// The signed-in user's list as far as it is loaded. Until a page has come
/// (`loaded`), the device's list shows.
pub type AccountList = Paged<FiledRequest>;

impl Listed for FiledRequest {
    /// A request as the backend's list gives it.
    fn listed(stored: &StoredRequest) -> FiledRequest {
        FiledRequest {
            id: stored.id.clone(),
            reference: stored.reference.clone(),
            title: stored.request.title.clone(),
            kind: stored.request.kind,
            customer: stored.request.customer.as_ref().map(|c| c.name.clone()),
            created_at: stored.created_at.clone(),
            confirmation_mailed: false,
            unread: stored.unread,
        }
    }

    fn id(&self) -> &str {
        &self.id
    }
}

impl AccountList {
    /// What the list shows: the backend's requests, and among them, by
    /// when they were filed, this device's that the backend did not list;
    /// before any page came, the device's list. While more pages remain, a
    /// device's request older than the pages loaded waits for the page that
    /// has its place (or its copy). Times are the backend's RFC 3339 in UTC,
    /// which sort as text.
    pub fn shown(&self, device: &Filed) -> Vec<FiledRequest> {
        let oldest = self.requests.last().map(|r| r.created_at.as_str());
        let mut own = (device.requests.iter())
            .filter(|d| !self.lists(&d.id))
            .filter(|d| self.next.is_none() || oldest.is_none_or(|o| d.created_at.as_str() >= o))
            .peekable();
        let mut shown = Vec::with_capacity(self.requests.len());
        for listed in &self.requests {
            while let Some(d) = own.next_if(|d| d.created_at > listed.created_at) {
                shown.push(d.clone());
            }
            shown.push(listed.clone());
        }
        shown.extend(own.cloned());
        shown
    }
}

#[cfg(test)]
mod tests {
    use support_contract::{NewSupportRequest, RequestKind, RequestList, RequestStatus};

    use crate::request::LoadError;

    use super::*;

    /// A request the backend lists, filed at minute `minute`.
    fn stored(id: &str, minute: u32) -> StoredRequest {
        StoredRequest {
            id: id.into(),
            reference: format!("SR-{id}"),
            status: RequestStatus::InProgress,
            created_at: format!("2026-11-26T10:{minute:02}:00Z"),
            request: NewSupportRequest {
                kind: RequestKind::PartnerCenter,
                title: format!("Request {id}"),
                ..NewSupportRequest::default()
            },
            history: Vec::new(),
            attachments: Vec::new(),
            replies: Vec::new(),
            escalated_as: None,
            unread: false,
        }
    }

    fn page(requests: &[(&str, u32)], next: Option<&str>) -> RequestList {
        RequestList {
            requests: requests.iter().map(|(id, m)| stored(id, *m)).collect(),
            next: next.map(str::to_owned),
        }
    }

    /// This device's list, newest first.
    fn device(requests: &[(&str, u32)]) -> Filed {
        Filed {
            requests: requests
                .iter()
                .map(|(id, m)| FiledRequest::listed(&stored(id, *m)))
                .collect(),
        }
    }

    /// The ids shown, a device-only request marked with `*`.
    fn shown(list: &AccountList, device: &Filed) -> Vec<String> {
        let shown = list.shown(device).into_iter();
        shown
            .map(|r| match list.lists(&r.id) {
                true => r.id,
                false => format!("{}*", r.id),
            })
            .collect()
    }

    #[test]
    fn pages_follow_one_another_each_request_once() {
        let first = AccountList::default().with_page(&page(&[("e", 50), ("d", 40)], Some("d")));
        assert_eq!(first.next.as_deref(), Some("d"));
        // Filed meanwhile: the next page starts with the last one seen.
        let both = first.with_page(&page(&[("D", 40), ("c", 30)], None));
        assert_eq!(shown(&both, &Filed::default()), ["e", "d", "c"]);
        assert!(both.lists("D") && !both.lists("f"));
        assert_eq!(both.next, None);
        // A page that lists one request twice shows it once.
        let twice =
            AccountList::default().with_page(&page(&[("b", 20), ("B", 20), ("a", 10)], None));
        assert_eq!(shown(&twice, &Filed::default()), ["b", "a"]);
    }

    #[test]
    fn a_request_just_filed_here_shows_at_once_and_once() {
        let list = AccountList::default().with_page(&page(&[("b", 20), ("a", 10)], None));
        // "c" filed here after the page was loaded; "b" is in both.
        let here = device(&[("c", 30), ("B", 20)]);
        assert_eq!(shown(&list, &here), ["c*", "b", "a"]);
        // The backend's copy is the one shown.
        assert_eq!(list.shown(&here)[1].id, "b");
    }

    #[test]
    fn the_device_requests_the_backend_does_not_list_take_their_place_by_time() {
        // Filed here signed out, say, between the account's requests.
        let list = AccountList::default().with_page(&page(&[("d", 40), ("b", 20)], None));
        let here = device(&[("e", 50), ("c", 30), ("a", 10)]);
        assert_eq!(shown(&list, &here), ["e*", "d", "c*", "b", "a*"]);
    }

    #[test]
    fn an_older_device_request_waits_for_the_page_that_has_its_place() {
        let first = AccountList::default().with_page(&page(&[("d", 40), ("c", 30)], Some("c")));
        let here = device(&[("e", 50), ("b", 20), ("a", 10)]);
        assert_eq!(shown(&first, &here), ["e*", "d", "c"]);
        let all = first.with_page(&page(&[("b", 20)], None));
        assert_eq!(shown(&all, &here), ["e*", "d", "c", "b", "a*"]);
    }

    #[test]
    fn until_a_page_comes_or_when_none_can_the_device_list_shows() {
        let here = device(&[("b", 20), ("a", 10)]);
        let asking = AccountList::default().asking();
        assert!(asking.pending && !asking.has_more());
        assert_eq!(asking.shown(&here), here.requests);
        let failed = asking.failing(LoadError::Network);
        assert!(!failed.pending && !failed.has_more());
        assert_eq!(failed.shown(&here), here.requests);
        // An empty first page lists the device's requests all the same.
        let empty = failed.asking().with_page(&page(&[], None));
        assert_eq!((empty.pending, empty.failed.clone()), (false, None));
        assert_eq!(shown(&empty, &here), ["b*", "a*"]);
    }

    #[test]
    fn show_more_brings_the_next_page_when_none_is_on_its_way() {
        let first = AccountList::default()
            .asking()
            .with_page(&page(&[("b", 20)], Some("b")));
        assert!(first.has_more());
        assert!(!first.asking().has_more());
        let failed = first.asking().failing(LoadError::Server(503));
        assert!(!failed.has_more(), "Try again brings it instead");
        // What was loaded stays shown meanwhile.
        assert_eq!(shown(&failed, &Filed::default()), ["b"]);
        let last = failed.asking().with_page(&page(&[("a", 10)], None));
        assert!(!last.has_more());
    }

    #[test]
    fn a_listed_request_carries_its_unread_mark_which_the_device_never_keeps() {
        let mut read = stored("a", 1);
        read.unread = true;
        let listed = FiledRequest::listed(&read);
        assert!(listed.unread);
        let kept = serde_json::to_string(&listed).expect("a list item writes");
        assert!(!kept.contains("unread"), "{kept}");
        assert!(!FiledRequest::listed(&stored("b", 2)).unread);
    }
}
