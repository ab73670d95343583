//! A signed-in user's list of filed requests: the backend's pages of it
//! (`GET /support-requests?filed_by=me`, newest first), so that it follows
//! them to another device, merged with this device's list, whose requests
//! filed a moment ago the backend's pages may not have yet.

use support_contract::{RequestList, RequestStatus, StoredRequest};

use super::{Filed, FiledRequest};

/// One request of the list shown, with its status when the backend's list
/// gave it (a request only this device knows has its status asked for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub request: FiledRequest,
    pub status: Option<RequestStatus>,
}

/// The pages of the signed-in user's list loaded so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountList {
    /// Newest first, each request once.
    requests: Vec<Listed>,
    /// Where the next page starts (its `before`); none after the last.
    pub next: Option<String>,
}

impl FiledRequest {
    /// A request as the backend's list gives it.
    pub fn listed(stored: &StoredRequest) -> FiledRequest {
        FiledRequest {
            id: stored.id.clone(),
            reference: stored.reference.clone(),
            title: stored.request.title.clone(),
            kind: stored.request.kind,
            customer: stored.request.customer.as_ref().map(|c| c.name.clone()),
            created_at: stored.created_at.clone(),
        }
    }
}

/// Ids are UUIDs, which a backend may write in either case.
fn same_id(a: &FiledRequest, b: &FiledRequest) -> bool {
    a.id.eq_ignore_ascii_case(&b.id)
}

impl AccountList {
    /// The list with `page`, the answer for its `next`, below it: a request
    /// already listed (filed meanwhile, the pages shifted by one) stays where
    /// it was.
    pub fn with_page(&self, page: &RequestList) -> AccountList {
        let mut requests = self.requests.clone();
        for stored in &page.requests {
            let request = FiledRequest::listed(stored);
            if !requests.iter().any(|r| same_id(&r.request, &request)) {
                requests.push(Listed {
                    request,
                    status: Some(stored.status),
                });
            }
        }
        AccountList {
            requests,
            next: page.next.clone(),
        }
    }

    /// What the list shows: the backend's requests, and among them, by
    /// when they were filed, this device's that the backend did not list.
    /// While more pages remain, a device's request older than the pages
    /// loaded waits for the page that has its place (or its copy). Times
    /// are the backend's RFC 3339 in UTC, which sort as text.
    pub fn shown(&self, device: &Filed) -> Vec<Listed> {
        let oldest = self.requests.last().map(|r| r.request.created_at.as_str());
        let mut own = device
            .requests
            .iter()
            .filter(|d| !self.requests.iter().any(|r| same_id(&r.request, d)))
            .filter(|d| self.next.is_none() || oldest.is_none_or(|o| d.created_at.as_str() >= o))
            .peekable();
        let mut shown = Vec::with_capacity(self.requests.len());
        for listed in &self.requests {
            while let Some(d) = own.next_if(|d| d.created_at > listed.request.created_at) {
                shown.push(device_only(d));
            }
            shown.push(listed.clone());
        }
        shown.extend(own.map(device_only));
        shown
    }
}

/// The device's list as shown without the backend's (signed out, or while
/// the backend's is loading or could not be).
pub fn device_list(device: &Filed) -> Vec<Listed> {
    device.requests.iter().map(device_only).collect()
}

fn device_only(request: &FiledRequest) -> Listed {
    Listed {
        request: request.clone(),
        status: None,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use support_contract::{NewSupportRequest, RequestKind};

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
            .map(|l| match l.status {
                Some(_) => l.request.id,
                None => format!("{}*", l.request.id),
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
        assert_eq!(both.next, None);
    }

    #[test]
    fn a_request_just_filed_here_shows_at_once_and_once() {
        let list = AccountList::default().with_page(&page(&[("b", 20), ("a", 10)], None));
        // "c" filed here after the page was loaded; "b" is in both.
        let here = device(&[("c", 30), ("B", 20)]);
        assert_eq!(shown(&list, &here), ["c*", "b", "a"]);
        // The backend's copy carries its status.
        assert_eq!(list.shown(&here)[1].status, Some(RequestStatus::InProgress));
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
    fn without_the_backends_list_the_device_list_shows_as_it_is() {
        let here = device(&[("b", 20), ("a", 10)]);
        let ids: Vec<_> = device_list(&here)
            .into_iter()
            .map(|l| (l.request.id, l.status))
            .collect();
        assert_eq!(ids, [("b".into(), None), ("a".into(), None)]);
        // An empty first page lists the device's requests all the same.
        let empty = AccountList::default().with_page(&page(&[], None));
        assert_eq!(shown(&empty, &here), ["b*", "a*"]);
    }
}
