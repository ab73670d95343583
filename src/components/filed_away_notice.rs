use leptos::prelude::*;

use super::HideButton;
use crate::context::{FiledRequests, Words};
use support_rules::i18n::{self, id};

/// At the top of the widget, wherever the user is: the requests filed while
/// their form was not on screen (an automatic retry that succeeded after the
/// user moved on), each with its title and reference, until hidden.
#[component]
pub fn FiledAwayNotice() -> impl IntoView {
    let words = expect_context::<Words>();
    let filed = expect_context::<FiledRequests>();
    let filed = filed.away;
    let any = Memo::new(move |_| filed.with(|filed| !filed.is_empty()));
    let text = move || {
        filed.with(|filed| {
            filed
                .iter()
                .map(|(title, reference)| {
                    let args = i18n::args([
                        ("title", title.as_str().into()),
                        ("reference", reference.as_str().into()),
                    ]);
                    view! { <p>{words.format(id::FILED_AWAY, &args)}</p> }
                })
                .collect_view()
        })
    };
    // Only the words are a live region, always in the widget so that screen
    // readers hear what comes into it; Hide stays out of it, and stays put
    // while a language switch rewrites the words.
    view! {
        <div class=move || any.get().then_some("sw-notice") data-testid="filed-away">
            <div role="status">{text}</div>
            {move || any.get().then(|| view! {
                <div class="sw-notice-actions">
                    <HideButton testid="hide-filed-away" hide=move || filed.set(Vec::new())/>
                </div>
            })}
        </div>
    }
}
