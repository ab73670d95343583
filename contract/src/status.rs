//! A filed request as the backend answers for it: the answer to filing it,
//! and where it stands, with its history (see `openapi.yaml`).

use serde::{Deserialize, Serialize};

/// Where a request stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    #[default]
    Submitted,
    InProgress,
    Resolved,
    Closed,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Submitted => "submitted",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Resolved => "resolved",
            RequestStatus::Closed => "closed",
        }
    }

    pub const ALL: [RequestStatus; 4] = [
        RequestStatus::Submitted,
        RequestStatus::InProgress,
        RequestStatus::Resolved,
        RequestStatus::Closed,
    ];

    pub fn parse(value: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Whether the request is finished (resolved or closed): nothing is
    /// left to answer unless it is opened again.
    pub fn is_finished(self) -> bool {
        matches!(self, RequestStatus::Resolved | RequestStatus::Closed)
    }
}

/// The 201 answer to `POST /support-requests`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedRequest {
    pub id: String,
    pub reference: String,
    pub status: RequestStatus,
    pub created_at: String,
    /// Whether the backend mailed the contact a link to confirm their
    /// address (a visitor without a token gave it), with this request or
    /// with an earlier one whose link is still waiting and confirms this
    /// one too: until it is followed, nothing about the request is mailed
    /// there. Absent means no.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmation_mailed: bool,
}

/// The answer to `GET /support-requests/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRequest {
    pub id: String,
    pub reference: String,
    pub status: RequestStatus,
    pub created_at: String,
    pub request: crate::NewSupportRequest,
    /// Every status the request has had, oldest first, starting with
    /// `submitted` at `created_at`. Absent from older backends' answers.
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// The files attached to the request, in the order the request listed
    /// them. Absent from older backends' answers.
    #[serde(default)]
    pub attachments: Vec<crate::Attachment>,
    /// The thread: every reply on the request, oldest first. Absent from
    /// older backends' answers.
    #[serde(default)]
    pub replies: Vec<Reply>,
    /// On a customer's message that the partner escalated to 21Vianet: the
    /// escalation (a `customer` request naming this one in its
    /// `related_request`), the latest if there are several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_as: Option<EscalatedAs>,
    /// Whether something happened on it that the caller has not seen: a
    /// reply or a status change by someone else since the caller last
    /// marked it seen (`POST /support-requests/{id}/seen`). Absent from
    /// older backends' answers, and from webhooks' events (which are no
    /// one user's), as `false`.
    #[serde(default)]
    pub unread: bool,
}

/// The escalation a customer's message became: enough to name it, and no
/// more of the partner's own request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalatedAs {
    pub id: String,
    pub reference: String,
    /// Where the escalation stands: once 21Vianet resolves it, the partner
    /// closes the loop with the customer.
    pub status: RequestStatus,
}

/// The body of `POST /support-requests/{id}/replies`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewReply {
    /// The reply's text: the same rules as a request's description.
    pub body: String,
    /// Uploads (`POST /attachments`) not yet attached to anything, at most
    /// [`crate::ATTACHMENTS_MAX_FILES`], in the order to list them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// One reply in a request's thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: String,
    pub body: String,
    pub author: ReplyAuthor,
    /// RFC 3339 in UTC, to the second.
    pub created_at: String,
    #[serde(default)]
    pub attachments: Vec<crate::Attachment>,
}

/// Who wrote a reply: their name as their token gave it, and their role
/// (`customer`, `partner`, `agent` or `admin`; empty on a backend without
/// sign-in).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyAuthor {
    pub name: String,
    pub role: String,
}

/// One entry of a request's status history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: RequestStatus,
    /// RFC 3339 in UTC, to the second.
    pub changed_at: String,
    /// What the support representative said about the change, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The answer to `GET /support-requests?filed_by=me`: the signed-in user's
/// own requests, newest first, one page of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestList {
    pub requests: Vec<StoredRequest>,
    /// Ask again with `before` set to this for the next page; absent on the
    /// last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// The answer to `GET /unread`: how many of the caller's requests have
/// something the caller has not seen, and which, by their newest such
/// change, newest first (at most [`UNREAD_LISTED_MAX`] of them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unread {
    /// The exact number, however many `requests` lists.
    pub count: u64,
    #[serde(default)]
    pub requests: Vec<UnreadRequest>,
}

/// One request of [`Unread`]: enough to name it and open it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadRequest {
    pub id: String,
    pub reference: String,
}

/// The most requests `GET /unread` lists; `count` counts them all.
pub const UNREAD_LISTED_MAX: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolved_and_closed_are_finished() {
        let finished: Vec<_> = RequestStatus::ALL
            .into_iter()
            .filter(|status| status.is_finished())
            .collect();
        assert_eq!(finished, [RequestStatus::Resolved, RequestStatus::Closed]);
    }
}
