//! What is heard live from the backend (`GET /events`): its Server-Sent
//! Events read from a stream of text, each a change to a request the user
//! may read; when to try the stream again ([`reconnect`]); how the tabs of
//! one browser share one stream ([`tabs`]); and the unread count, read
//! from the backend rather than reckoned from the stream ([`unread`]).

pub mod reconnect;
pub mod tabs;
pub mod unread;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use support_contract::{Reply, RequestKind, RequestStatus};

/// One event of the stream, as the backend sent it (and as the tab that
/// holds the stream passes it on to the others).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerEvent {
    /// Its `id:`, which a reconnection sends back as `Last-Event-ID`.
    pub id: Option<String>,
    /// Its `event:` (`request.reply_added`, ...); `message` when none.
    pub event: String,
    /// Its `data:` lines, joined by newlines.
    pub data: String,
}

/// Reads Server-Sent Events from text as it arrives, in pieces that may
/// end anywhere, even inside a line (the WHATWG HTML standard's
/// "Interpreting an event stream"). Comments (`: keep-alive`) are read and
/// dropped; a `retry:` field is kept for [`reconnect::Reconnect`].
#[derive(Debug, Default)]
pub struct EventStream {
    /// A line not ended yet.
    line: String,
    /// The event being read, and whether any of its fields was seen.
    event: ServerEvent,
    data_lines: Vec<String>,
    /// The last `id:` seen, which outlives the event it came with.
    last_id: Option<String>,
    /// The last `retry:` seen: how long the server asks a reconnection to
    /// wait, in milliseconds.
    retry_ms: Option<u64>,
    /// The previous piece ended in `\r`: a `\n` opening this one ends
    /// nothing more.
    after_cr: bool,
}

impl EventStream {
    /// Reads `text`, the next piece of the stream; returns the events it
    /// completed.
    pub fn feed(&mut self, text: &str) -> Vec<ServerEvent> {
        let mut events = Vec::new();
        for c in text.chars() {
            let after_cr = std::mem::replace(&mut self.after_cr, c == '\r');
            match c {
                '\n' if after_cr => {}
                '\r' | '\n' => {
                    let line = std::mem::take(&mut self.line);
                    events.extend(self.line_ended(&line));
                }
                c => self.line.push(c),
            }
        }
        events
    }

    /// The id to resume from: the last one the stream gave.
    pub fn last_id(&self) -> Option<&str> {
        self.last_id.as_deref()
    }

    /// The reconnection time the server asked for last (`retry:`), if any.
    pub fn retry(&self) -> Option<Duration> {
        self.retry_ms.map(Duration::from_millis)
    }

    fn line_ended(&mut self, line: &str) -> Option<ServerEvent> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => self.event.event = value.to_owned(),
            "data" => self.data_lines.push(value.to_owned()),
            // An id with a NUL is ignored, as the standard says.
            "id" if !value.contains('\0') => self.last_id = Some(value.to_owned()),
            // Only ASCII digits count; anything else is ignored.
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                self.retry_ms = Some(value.parse().unwrap_or(u64::MAX));
            }
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<ServerEvent> {
        let event = std::mem::take(&mut self.event);
        let data = std::mem::take(&mut self.data_lines);
        // An event with no data is not dispatched.
        if data.is_empty() {
            return None;
        }
        Some(ServerEvent {
            id: self.last_id.clone(),
            event: match event.event.as_str() {
                "" => "message".to_owned(),
                _ => event.event,
            },
            data: data.join("\n"),
        })
    }
}

/// A change to a request, as an event tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub what: Changed,
    pub request: ChangedRequest,
}

/// What happened to the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    /// A request was filed (staff hear of their customers').
    Created,
    ReplyAdded,
    StatusChanged,
}

/// The request an event is about: what the lists need to show it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct ChangedRequest {
    pub id: String,
    pub reference: String,
    pub kind: RequestKind,
    pub status: RequestStatus,
}

impl Change {
    /// The change `event` tells of; none for an event of a type this
    /// version does not know, or whose data it cannot read (a newer
    /// backend's): the stream goes on.
    pub fn of(event: &ServerEvent) -> Option<Change> {
        let what = match event.event.as_str() {
            "request.created" => Changed::Created,
            "request.reply_added" => Changed::ReplyAdded,
            "request.status_changed" => Changed::StatusChanged,
            _ => return None,
        };
        let request = crate::json::from_str(&event.data).ok()?;
        Some(Change { what, request })
    }
}

/// The reply that a thread read again brings, to be told of: its newest,
/// if the thread shown before (`before`, its replies' ids) did not hold it
/// and someone other than `me` (the signed-in user's name) wrote it. None
/// on the first reading, which is no news.
pub fn new_reply<'a>(
    replies: &'a [Reply],
    before: Option<&[String]>,
    me: &str,
) -> Option<&'a Reply> {
    let before = before?;
    let newest = replies.last()?;
    (!before.contains(&newest.id) && newest.author.name != me).then_some(newest)
}

#[cfg(test)]
mod tests;
