//! Under the customer search box: what the search found, and, where there
//! is something to choose, how to choose it.

use leptos::prelude::*;
use support_contract::Customer;

use crate::{components::failure_text, context::Words};
use support_rules::{
    i18n::{self, id},
    locale::Locale,
    request::{self, LoadError},
};

/// `found`: the answer for what is typed now (`query`), `None` while the
/// search runs. How to choose is hidden on touch screens, which have no
/// arrow keys (style/widget.css).
#[component]
pub(super) fn SearchStatus(
    query: RwSignal<String>,
    found: Signal<Option<Result<Vec<Customer>, LoadError>>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    move || {
        let typed = query.with(|q| q.trim().to_owned());
        if typed.is_empty() {
            return None;
        }
        let (text, choose) = match found.get() {
            None => (
                i18n::message(words.locale.get(), id::CUSTOMER_SEARCH_LOADING),
                false,
            ),
            Some(Err(error)) => (
                failure_text(words, id::CUSTOMER_SEARCH_FAILED, &error),
                false,
            ),
            Some(Ok(found)) if found.is_empty() => (
                words.format(
                    id::CUSTOMER_SEARCH_EMPTY,
                    &i18n::args([("query", i18n::echoed(&typed).into())]),
                ),
                false,
            ),
            Some(Ok(found)) => (
                words.format(
                    if request::may_have_more(found.len()) {
                        id::CUSTOMER_SEARCH_FIRST
                    } else {
                        id::CUSTOMER_SEARCH_FOUND
                    },
                    &i18n::args([("count", found.len().into())]),
                ),
                true,
            ),
        };
        let keys = choose.then(|| {
            // Chinese sentences follow each other without a space.
            let gap = match words.locale.get() {
                Locale::ZhCn | Locale::ZhTw => "",
                _ => " ",
            };
            view! { {gap} <span class="sw-keys-hint">{words.text(id::CUSTOMER_SEARCH_KEYS)}</span> }
        });
        Some(view! { {text} {keys} })
    }
}
