//! The request's status history, newest first: each status, when, and the
//! note it came with.

use leptos::prelude::*;
use support_contract::StatusChange;

use crate::{components::status_label, context::Words};
use support_rules::{i18n::id, timestamps::is_rfc3339};

#[component]
pub(super) fn StatusHistory(history: Vec<StatusChange>) -> impl IntoView {
    let words = expect_context::<Words>();
    let items = history
        .into_iter()
        .rev()
        .map(|change| {
            let time = words.format_time(&change.changed_at);
            // A machine-readable time only where there is one.
            let datetime = is_rfc3339(&change.changed_at).then_some(change.changed_at);
            view! {
                <li>
                    <span class="sw-history-status">{words.text(status_label(change.status))}</span>
                    " · "
                    <time datetime=datetime>{time}</time>
                    {change.note.map(|note| view! { <p class="sw-history-note">{note}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3 class="sw-subheading">{words.text(id::STATUS_HISTORY)}</h3>
        <ol class="sw-history" data-testid="status-history">{items}</ol>
    }
}
