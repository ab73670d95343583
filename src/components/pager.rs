//! A list of requests that loads a page at a time (the partner's inbox, the
//! user's filed requests): its pages (`pages.rs`), what shows below it, and
//! how its items and its "Try again" are found for focus.

mod pages;

use leptos::prelude::*;

pub use self::pages::paged_list;
use super::LoadFailure;
use support_contract::StoredRequest;

use crate::{context::Words, loaded::Paging};
use support_rules::i18n::{id, MessageId};

/// Below the list `list` (the prefix of its test ids): the page on its way,
/// why it could not be had with "Try again", or "Show more"; both run
/// `on_more`, which asks for the next page, and leave the focus to it: on
/// the first request the page brought, or on the "Try again" of its
/// failure ([`list_item`], [`retry_button`]).
#[component]
pub fn PageFooter(
    list: &'static str,
    /// Said while a page is on its way.
    loading: MessageId,
    /// What could not be loaded, when a page failed.
    failed: MessageId,
    #[prop(into)] paging: Signal<Paging>,
    on_more: Callback<()>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    move || {
        let Paging {
            pending,
            failed: error,
            more,
        } = paging.get();
        if pending {
            view! { <p role="status" data-testid=format!("{list}-loading")>{words.text(loading)}</p> }
                .into_any()
        } else if let Some(error) = error {
            view! {
                <div data-testid=format!("{list}-failed")>
                    <LoadFailure message=failed error on_retry=on_more focus=None/>
                </div>
            }
            .into_any()
        } else if more {
            view! {
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid=format!("{list}-more")
                    on:click=move |_| on_more.run(())
                >
                    {words.text(id::FILED_SHOW_MORE)}
                </button>
            }
            .into_any()
        } else {
            ().into_any()
        }
    }
}

/// The item for request `id` in a list whose items' test id is `item`.
pub fn list_item(item: &str, id: &str) -> String {
    // The id is the backend's: quoted as a CSS string.
    let quoted = id.replace('\\', "\\\\").replace('"', "\\\"");
    format!("[data-testid={item}][data-request-id=\"{quoted}\"]")
}

/// Where the focus goes once a page of a list whose items' test id is
/// `item` came: to its first request, or to the screen's heading when it
/// brought none.
pub fn page_focus(item: &str, page: &[StoredRequest]) -> String {
    (page.first()).map_or_else(
        || "h2.sw-heading".to_owned(),
        |first| list_item(item, &first.id),
    )
}

/// The "Try again" of the list `list`'s failed page.
pub fn retry_button(list: &str) -> String {
    format!("[data-testid={list}-failed] button")
}
