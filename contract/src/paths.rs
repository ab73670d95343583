//! The endpoints' paths, as segments below the backend's base URL: the
//! widget joins them onto its `backend` attribute, and the reference backend
//! builds its routes from them with [`route!`](crate::route).

/// `POST` files a support request, `GET` lists the caller's own; below it,
/// `{id}` is one request.
pub const SUPPORT_REQUESTS: &str = "support-requests";
/// Below one support request: its status (agents).
pub const STATUS: &str = "status";
/// Below one support request: its thread of replies.
pub const REPLIES: &str = "replies";
/// Below it, `{kind}` is one kind of catalogue (admins).
pub const CATALOGUE: &str = "catalogue";
/// The partner's customers.
pub const CUSTOMERS: &str = "customers";
/// The services a customer request can be about.
pub const SERVICES: &str = "services";
/// The current incidents and advisories.
pub const SERVICE_HEALTH: &str = "service-health";
/// The self-help articles.
pub const ARTICLES: &str = "articles";
/// `POST` uploads a file; below it, `{id}` is one uploaded file.
pub const ATTACHMENTS: &str = "attachments";
/// The caller's live changes, as Server-Sent Events.
pub const EVENTS: &str = "events";
/// Below one support request: `POST` records that the caller opened it.
pub const SEEN: &str = "seen";
/// What is new to the caller: how many requests, and which.
pub const UNREAD: &str = "unread";

/// The absolute path of `segments`, each after a `/`, as a constant: for a
/// route table, whose templates (`{id}`) are segments too.
///
/// ```
/// use support_contract::{paths::SUPPORT_REQUESTS, route};
/// const ONE_REQUEST: &str = route!(SUPPORT_REQUESTS, "{id}");
/// assert_eq!(ONE_REQUEST, "/support-requests/{id}");
/// ```
#[macro_export]
macro_rules! route {
    ($($segment:expr),+ $(,)?) => {{
        const SEGMENTS: &[&str] = &[$($segment),+];
        const BYTES: [u8; $crate::paths::route_len(SEGMENTS)] =
            $crate::paths::route_bytes(SEGMENTS);
        match ::core::str::from_utf8(&BYTES) {
            Ok(path) => path,
            Err(_) => panic!("segments are UTF-8, and so is their join"),
        }
    }};
}

#[doc(hidden)]
pub const fn route_len(segments: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < segments.len() {
        len += 1 + segments[i].len();
        i += 1;
    }
    len
}

#[doc(hidden)]
pub const fn route_bytes<const N: usize>(segments: &[&str]) -> [u8; N] {
    let mut path = [0; N];
    let mut at = 0;
    let mut i = 0;
    while i < segments.len() {
        path[at] = b'/';
        at += 1;
        let segment = segments[i].as_bytes();
        let mut j = 0;
        while j < segment.len() {
            path[at] = segment[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_join_their_segments_below_the_root() {
        assert_eq!(route!(SERVICES), "/services");
        assert_eq!(
            route!(SUPPORT_REQUESTS, "{id}", STATUS),
            "/support-requests/{id}/status"
        );
    }
}
