//! The signed-in user's list as the screen of filed requests loads it,
//! page by page; the merge and paging rules are `paged::Paged`'s and
//! `filed_requests::AccountList`'s.

use leptos::prelude::*;

use crate::{
    api,
    components::paged_list,
    context::{Connection, FiledRequests},
    loaded::{Answered, LoadedPages},
};
use support_rules::{
    filed_requests::{AccountList, FiledRequest},
    request::LoadError,
    session::Session,
};

/// Whether a user is signed in, whose list the backend keeps (tracked).
pub fn signed_in(connection: Connection) -> bool {
    connection
        .session
        .with(|session| matches!(session, Session::SignedIn(_)))
}

/// The user's list, a page at a time ("Show more", "Try again"). The first
/// page is asked for when a user is signed in (again when the session or
/// the backend changes); the page on its way is aborted when the screen
/// goes or another is asked for. Each page's statuses are kept as the
/// latest seen.
pub fn use_account_pages() -> LoadedPages<FiledRequest> {
    let connection = expect_context::<Connection>();
    let filed = expect_context::<FiledRequests>();
    // Signed in, the first page is on its way from the start: the screen
    // does not say "none yet" meanwhile.
    let initial = match untrack(|| signed_in(connection)) {
        true => AccountList::default().asking(),
        false => AccountList::default(),
    };
    paged_list(super::LIST, super::ITEM, initial, move |before, abort| {
        let backend = connection.backend.get();
        let transport = connection.transport_aborted_by(abort);
        let page = async move {
            match backend {
                Some(backend) => api::filed_by_me(backend, before, transport).await,
                None => Err(LoadError::Network),
            }
        };
        signed_in(connection).then_some(page)
    })
    .on_answer(move |&Answered { page, asked_at, .. }| {
        if let Ok(page) = page {
            filed.saw_listed(page, asked_at);
        }
    })
}
