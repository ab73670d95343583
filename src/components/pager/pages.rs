//! A list of requests a screen shows a page at a time: read through
//! [`LoadedPages`], with the focus handed to what the user asked for, and
//! the first page read again when a change is heard live.

use std::future::Future;

use leptos::prelude::*;
use support_contract::RequestList;
use web_sys::AbortSignal;

use super::{page_focus, retry_button};
use crate::{
    context::Host,
    live::Live,
    loaded::{Answered, LoadedPages},
};
use support_rules::{
    paged::{Listed, Paged},
    request::LoadError,
};

/// The list `list` (the prefix of its test ids, [`super::PageFooter`]),
/// whose items' test id is `item`, as `initial` says at first, read with
/// `ask` ([`LoadedPages::new`]). A page the user asked for ("Show more",
/// "Try again") takes the focus: its first request, or its failure's "Try
/// again". A change heard live reads the first page again, the list shown
/// until it comes ([`Live`]).
pub fn paged_list<T, Fut>(
    list: &'static str,
    item: &'static str,
    initial: Paged<T>,
    ask: impl Fn(Option<String>, Option<AbortSignal>) -> Option<Fut> + 'static,
) -> LoadedPages<T>
where
    T: Listed + Send + Sync + 'static,
    Fut: Future<Output = Result<RequestList, LoadError>> + 'static,
{
    let host = expect_context::<Host>();
    let pages = LoadedPages::new(initial, ask).on_answer(move |answer: &Answered| {
        if answer.by_user {
            let focus = match answer.page {
                Ok(page) => page_focus(item, &page.requests),
                Err(_) => retry_button(list),
            };
            host.focus_when_drawn_if_lost(&focus);
        }
    });
    let live = expect_context::<Live>();
    Effect::watch(
        move || live.heard.track(),
        move |_, _, _| pages.refresh(),
        false,
    );
    pages
}
