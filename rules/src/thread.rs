//! A request's conversation as one timeline: the message itself first,
//! then its replies and its status changes, oldest first, each told as
//! the reader's own side's words or someone else's.
//!
//! "Own side" is the reader's role, not the reader alone: a reply carries
//! its author's name and role only, and partner staff answer their
//! customers as one partner, so every partner reply is the partner's own
//! side to partner staff, and every customer reply is the customer's to a
//! customer.

use support_contract::{Reply, RequestKind, StatusChange};

use crate::host::Audience;

/// One entry of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// What was filed: its description and files.
    Message,
    Reply(Reply),
    Status(StatusChange),
}

/// The message, then `replies` and `history` merged by time, oldest
/// first. Each list keeps its own order (the backend's, oldest first); a
/// reply and a status change at the same second read reply first, since
/// a reply is what moves a message on. Times are RFC 3339 in UTC to the
/// second, as the contract says, so they order as text.
pub fn timeline(replies: Vec<Reply>, history: Vec<StatusChange>) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(1 + replies.len() + history.len());
    entries.push(Entry::Message);
    let mut replies = replies.into_iter().peekable();
    let mut history = history.into_iter().peekable();
    loop {
        let reply_first = match (replies.peek(), history.peek()) {
            (Some(reply), Some(change)) => reply.created_at <= change.changed_at,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        entries.push(match reply_first {
            true => Entry::Reply(replies.next().expect("peeked")),
            false => Entry::Status(history.next().expect("peeked")),
        });
    }
    entries
}

/// Whether words by an author of `role` are the `reader`'s own side's.
pub fn own_side(role: &str, reader: Audience) -> bool {
    match reader {
        Audience::Partner => role == "partner",
        Audience::Customer => role == "customer",
    }
}

/// The role of whoever filed a request of `kind`: a customer's message is
/// the customer's words, anything else the partner's.
pub fn filer_role(kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::CustomerSelfService => "customer",
        RequestKind::PartnerCenter | RequestKind::Customer => "partner",
    }
}

/// Whether a customer's message still waits for its partner's words: no
/// partner reply since the customer last wrote (the message itself, or
/// their last reply). "Mark resolved" then asks first whether the customer
/// should be told.
pub fn customer_waits(replies: &[Reply]) -> bool {
    let last_words = replies
        .iter()
        .rev()
        .find(|reply| matches!(reply.author.role.as_str(), "partner" | "customer"));
    last_words.is_none_or(|reply| reply.author.role == "customer")
}

/// Who reads a reply sent on a request of `kind`, as the reply box says
/// it to the `reader` before they send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyReader {
    /// Partner staff answering a customer's message.
    TheCustomer,
    /// Partner staff writing on what they filed with 21Vianet.
    Support,
    /// A customer writing to their partner.
    ThePartner,
}

pub fn reply_reader(kind: RequestKind, reader: Audience) -> ReplyReader {
    match (reader, kind) {
        (Audience::Customer, _) => ReplyReader::ThePartner,
        (Audience::Partner, RequestKind::CustomerSelfService) => ReplyReader::TheCustomer,
        (Audience::Partner, RequestKind::PartnerCenter | RequestKind::Customer) => {
            ReplyReader::Support
        }
    }
}

#[cfg(test)]
mod tests;
