//! The requests this widget filed on this device, so the partner can come
//! back to their status. Kept in localStorage next to the drafts, one list
//! per backend, audience and signed-in user, and cleared by the user from
//! the widget.
//!
//! ```
//! use support_rules::{filed_requests::{self, Filed, FiledRequest}, host::{Audience, BackendUrl}, session::StorageOwner};
//!
//! let backend = BackendUrl::parse(Some("https://portal.example.com/api")).unwrap();
//! assert_eq!(
//!     filed_requests::storage_key(&backend, Audience::Partner, &StorageOwner::Device),
//!     "support-widget:v1:filed:https://portal.example.com/api/:partner",
//! );
//! assert_eq!(
//!     filed_requests::storage_key(&backend, Audience::Partner, &StorageOwner::User("5e1c".into())),
//!     "support-widget:v1:filed:https://portal.example.com/api/:partner:user-5e1c",
//! );
//! assert_eq!(Filed::decode("not json"), Filed::default());
//! ```

use serde::{Deserialize, Serialize};
use support_contract::{CreatedRequest, NewSupportRequest, RequestKind};

use crate::{
    host::{Audience, BackendUrl},
    json,
    session::StorageOwner,
};

mod account;
pub use account::AccountList;

/// How many filed requests the list keeps; the oldest go first.
pub const KEPT: usize = 20;

/// One filed request, as the list shows it before its status is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledRequest {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub kind: RequestKind,
    /// The customer's name, for requests on behalf of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// RFC 3339, as the backend answered it.
    pub created_at: String,
    /// Whether the backend mailed a link to confirm the address the
    /// visitor typed (`CreatedRequest::confirmation_mailed`): the request's
    /// status says so, as its confirmation did.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmation_mailed: bool,
    /// Whether someone else replied on it or moved it since this user last
    /// opened it, as the backend's list says (`StoredRequest::unread`);
    /// never kept on the device, whose own list cannot know.
    #[serde(skip)]
    pub unread: bool,
}

impl FiledRequest {
    pub fn new(created: &CreatedRequest, request: &NewSupportRequest) -> FiledRequest {
        FiledRequest {
            id: created.id.clone(),
            reference: created.reference.clone(),
            title: request.title.clone(),
            kind: request.kind,
            customer: request.customer.as_ref().map(|c| c.name.clone()),
            created_at: created.created_at.clone(),
            confirmation_mailed: created.confirmation_mailed,
            unread: false,
        }
    }
}

/// The list, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filed {
    pub requests: Vec<FiledRequest>,
}

impl Filed {
    /// The stored list; anything unreadable (another version's format, a
    /// hand-edited value) reads as an empty list rather than an error.
    pub fn decode(json: &str) -> Filed {
        json::from_str(json).unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        json::to_string(self).unwrap_or_default()
    }

    /// The list with `request` at the top: a request already listed (the
    /// same answer read twice) moves up rather than appearing twice.
    pub fn with(&self, request: FiledRequest) -> Filed {
        let others = self.requests.iter().filter(|r| r.id != request.id).cloned();
        let mut requests: Vec<_> = std::iter::once(request.clone()).chain(others).collect();
        requests.truncate(KEPT);
        Filed { requests }
    }

    /// The list without request `id`.
    pub fn without(&self, id: &str) -> Filed {
        Filed {
            requests: self
                .requests
                .iter()
                .filter(|r| r.id != id)
                .cloned()
                .collect(),
        }
    }

    /// The list with `request` back where it was in `before`, the list it
    /// was removed from: above the first of the requests below it there,
    /// else at the end (requests filed since stay on top).
    pub fn with_back(&self, request: FiledRequest, before: &Filed) -> Filed {
        let below: Vec<&str> = before
            .requests
            .iter()
            .skip_while(|r| r.id != request.id)
            .skip(1)
            .map(|r| r.id.as_str())
            .collect();
        let mut requests: Vec<_> = self.without(&request.id).requests;
        let at = requests
            .iter()
            .position(|r| below.contains(&r.id.as_str()))
            .unwrap_or(requests.len());
        requests.insert(at, request);
        requests.truncate(KEPT);
        Filed { requests }
    }

    /// The list below `newer` (requests filed since it was taken away),
    /// each request once.
    pub fn below(&self, newer: &Filed) -> Filed {
        newer
            .requests
            .iter()
            .rev()
            .fold(self.clone(), |list, request| list.with(request.clone()))
    }
}

/// Where the list lives: one per backend, audience and signed-in user, like
/// the drafts.
pub fn storage_key(backend: &BackendUrl, audience: Audience, owner: &StorageOwner) -> String {
    format!(
        "support-widget:v1:filed:{}:{}{}",
        backend.as_str(),
        audience.as_str(),
        owner.key_suffix()
    )
}

#[cfg(test)]
mod tests {
    use support_contract::{CustomerRef, RequestStatus};

    use super::*;

    fn filed(id: &str) -> FiledRequest {
        let created = CreatedRequest {
            id: id.into(),
            reference: format!("SR-{id}"),
            status: RequestStatus::Submitted,
            created_at: "2026-11-22T08:00:00Z".into(),
            confirmation_mailed: false,
        };
        let request = NewSupportRequest {
            kind: RequestKind::Customer,
            customer: Some(CustomerRef {
                id: "contoso".into(),
                name: "Contoso 有限公司".into(),
            }),
            title: format!("Request {id}"),
            ..NewSupportRequest::default()
        };
        FiledRequest::new(&created, &request)
    }

    /// The list's request ids, newest first.
    fn ids(list: &Filed) -> Vec<&str> {
        list.requests.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn the_newest_comes_first_and_a_repeat_moves_up() {
        let list = Filed::default()
            .with(filed("1"))
            .with(filed("2"))
            .with(filed("1"));
        assert_eq!(ids(&list), ["1", "2"]);
        assert_eq!(
            list.requests[0].customer.as_deref(),
            Some("Contoso 有限公司")
        );
    }

    #[test]
    fn a_list_brought_back_goes_below_what_was_filed_since() {
        let forgotten = Filed::default().with(filed("1")).with(filed("2"));
        let since = Filed::default().with(filed("3")).with(filed("4"));
        assert_eq!(ids(&forgotten.below(&since)), ["4", "3", "2", "1"]);
        assert_eq!(ids(&forgotten.below(&Filed::default())), ["2", "1"]);
        // A request in both is listed once, where it was filed since.
        let again = Filed::default().with(filed("1"));
        assert_eq!(ids(&forgotten.below(&again)), ["1", "2"]);
    }

    #[test]
    fn one_request_can_be_forgotten_and_the_others_keep_their_order() {
        let list = Filed::default()
            .with(filed("1"))
            .with(filed("2"))
            .with(filed("3"));
        assert_eq!(ids(&list.without("2")), ["3", "1"]);
        assert_eq!(list.without("unknown"), list);
    }

    #[test]
    fn a_request_taken_off_comes_back_where_it_was() {
        let before = Filed::default()
            .with(filed("1"))
            .with(filed("2"))
            .with(filed("3"));
        let gone = before.requests[1].clone();
        assert_eq!(
            ids(&before.without("2").with_back(gone.clone(), &before)),
            ["3", "2", "1"]
        );
        // Filed since, here or in another tab: on top, the rest as it was.
        let since = before.without("2").with(filed("4"));
        assert_eq!(
            ids(&since.with_back(gone.clone(), &before)),
            ["4", "3", "2", "1"]
        );
        // The requests below it gone too: at the end.
        assert_eq!(
            ids(&before
                .without("2")
                .without("1")
                .with_back(gone.clone(), &before)),
            ["3", "2"]
        );
        // Already back (another tab): listed once, where it was.
        assert_eq!(ids(&before.with_back(gone, &before)), ["3", "2", "1"]);
        // The last of the list comes back last.
        let last = before.requests[2].clone();
        assert_eq!(
            ids(&before.without("1").with_back(last, &before)),
            ["3", "2", "1"]
        );
    }

    #[test]
    fn the_list_keeps_the_latest_few() {
        let list = (0..KEPT + 5).fold(Filed::default(), |list, n| list.with(filed(&n.to_string())));
        assert_eq!(list.requests.len(), KEPT);
        assert_eq!(list.requests[0].id, (KEPT + 4).to_string());
    }

    #[test]
    fn it_reads_back_what_it_writes() {
        let list = Filed::default().with(filed("a"));
        assert_eq!(Filed::decode(&list.encode()), list);
        // The stored format, as earlier versions wrote it too.
        let stored = r#"{"requests":[{"id":"a","reference":"SR-a","title":"Request a","kind":"customer","customer":"Contoso 有限公司","created_at":"2026-11-22T08:00:00Z"},{"id":"b","reference":"SR-b","title":"Own","kind":"partner_center","created_at":"2026-11-21T08:00:00Z"}]}"#;
        let read = Filed::decode(stored);
        assert_eq!(read.requests[0], filed("a"));
        assert_eq!(read.requests[1].kind, RequestKind::PartnerCenter);
        assert_eq!(read.requests[1].customer, None);
        let members = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(members(&read.encode()), members(stored));
        assert_eq!(
            Filed::decode(r#"{"requests":[{"id":1}]}"#),
            Filed::default()
        );
    }

    #[test]
    fn a_link_mailed_to_confirm_the_address_is_kept_with_the_request() {
        let created = CreatedRequest {
            id: "v".into(),
            reference: "SR-v".into(),
            status: RequestStatus::Submitted,
            created_at: "2026-11-22T08:00:00Z".into(),
            confirmation_mailed: true,
        };
        let request = NewSupportRequest {
            kind: RequestKind::CustomerSelfService,
            ..NewSupportRequest::default()
        };
        let list = Filed::default().with(FiledRequest::new(&created, &request));
        let read = Filed::decode(&list.encode());
        assert!(read.requests[0].confirmation_mailed);
        // Written only when mailed: the others are stored as before.
        assert!(list.encode().contains(r#""confirmation_mailed":true"#));
        assert!(!Filed::default()
            .with(filed("a"))
            .encode()
            .contains("confirmation_mailed"));
    }

    #[test]
    fn each_backend_audience_and_user_has_its_own_list() {
        let one = BackendUrl::parse(Some("https://a.example.com/")).unwrap();
        let two = BackendUrl::parse(Some("https://b.example.com/")).unwrap();
        let device = StorageOwner::Device;
        assert_ne!(
            storage_key(&one, Audience::Partner, &device),
            storage_key(&two, Audience::Partner, &device)
        );
        assert_ne!(
            storage_key(&one, Audience::Partner, &device),
            storage_key(&one, Audience::Customer, &device)
        );
        let (ana, bo) = (
            StorageOwner::User("a1".into()),
            StorageOwner::User("b2".into()),
        );
        let keys = [&device, &ana, &bo].map(|owner| storage_key(&one, Audience::Partner, owner));
        assert!(keys[0] != keys[1] && keys[1] != keys[2] && keys[0] != keys[2]);
    }
}
