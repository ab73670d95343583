//! The request's conversation: the replies on it, oldest first.

use leptos::prelude::*;
use support_contract::Reply;

use crate::{components::AttachedFiles, context::Words};
use support_rules::{i18n::id, timestamps::is_rfc3339};

/// The request's thread, oldest first, as a conversation reads: who wrote
/// each reply (their name, and whether the customer, the partner or a
/// support representative), when, what they wrote, and the names of its
/// files. Nothing while there is no reply.
#[component]
pub(super) fn Thread(replies: Vec<Reply>) -> impl IntoView {
    let words = expect_context::<Words>();
    (!replies.is_empty()).then(|| {
        let items = replies
            .into_iter()
            .map(|reply| {
                let role = match reply.author.role.as_str() {
                    "customer" => Some(id::STATUS_REPLY_ROLE_CUSTOMER),
                    "partner" => Some(id::STATUS_REPLY_ROLE_PARTNER),
                    "agent" | "admin" => Some(id::STATUS_REPLY_ROLE_SUPPORT),
                    _ => None,
                };
                let author = [
                    reply.author.name,
                    role.map(|r| words.text(r)()).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
                let time = words.format_time(&reply.created_at);
                let datetime = is_rfc3339(&reply.created_at).then_some(reply.created_at);
                let files = (!reply.attachments.is_empty())
                    .then(|| view! { <AttachedFiles files=reply.attachments/> });
                view! {
                    <li data-testid="status-reply">
                        <p class="sw-reply-author">
                            {(!author.is_empty()).then(|| view! { <span>{author}</span> " · " })}
                            <time datetime=datetime>{time}</time>
                        </p>
                        <p class="sw-reply-body">{reply.body}</p>
                        {files}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 class="sw-subheading">{words.text(id::STATUS_REPLIES)}</h3>
            <ol class="sw-thread" data-testid="status-thread">{items}</ol>
        }
    })
}
