//! What is new to the user (`GET /unread`): read from the backend on every
//! connection of the stream and after what may change it, never reckoned
//! from the events alone, which cannot tell what the user has opened
//! elsewhere.

pub use support_contract::{Unread, UnreadRequest};

use crate::{json, request::LoadError};

/// Reads the answer to `GET /unread`.
pub fn read(status: u16, body: &str) -> Result<Unread, LoadError> {
    match status {
        200 => json::from_str(body).map_err(|_| LoadError::BadResponse),
        _ => Err(LoadError::Server(status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_and_its_requests_are_read_as_sent() {
        let body = r#"{"count":2,"requests":[{"id":"a","reference":"SR-1"},{"id":"b","reference":"CM-2"}],"later":true}"#;
        let unread = read(200, body).unwrap();
        assert_eq!(unread.count, 2);
        assert_eq!(unread.requests[1].reference, "CM-2");
    }

    #[test]
    fn a_refusal_or_an_unreadable_answer_is_no_count() {
        assert_eq!(read(401, "{}"), Err(LoadError::Server(401)));
        assert_eq!(read(200, "{\"count\":-1}"), Err(LoadError::BadResponse));
    }
}
