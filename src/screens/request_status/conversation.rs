//! The request's conversation as one timeline, oldest first: the message
//! itself, the replies and the status changes with their notes
//! (`support_rules::thread`), the reader's own side's words set apart.

use leptos::prelude::*;
use support_contract::{Reply, StatusChange, StoredRequest};

use crate::{
    components::{status_label, AttachedFiles},
    context::{Connection, Words},
};
use support_rules::{
    i18n::{id, MessageId},
    thread::{self, Entry},
    timestamps::is_rfc3339,
};

/// The timeline of `stored`: what was filed, who wrote each reply (their
/// name, and whether the customer, the partner or a support
/// representative), each status it moved to, when, and the files.
#[component]
pub(super) fn Thread(stored: StoredRequest) -> impl IntoView {
    let words = expect_context::<Words>();
    let reader = expect_context::<Connection>().audience.get_untracked();
    let kind = stored.request.kind;
    let mut message = Some(MessageEntry {
        description: stored.request.description,
        created_at: stored.created_at,
        own: thread::own_side(thread::filer_role(kind), reader),
        files: stored.attachments,
    });
    let items = thread::timeline(stored.replies, stored.history)
        .into_iter()
        .map(|entry| match entry {
            Entry::Message => message.take().map(|m| m.view(words)).into_any(),
            Entry::Reply(reply) => {
                let own = thread::own_side(&reply.author.role, reader);
                reply_view(words, reply, own).into_any()
            }
            Entry::Status(change) => status_view(words, change).into_any(),
        })
        .collect_view();
    view! {
        <h3 class="sw-subheading">{words.text(id::STATUS_REPLIES)}</h3>
        <ol class="sw-thread" data-testid="status-thread">{items}</ol>
    }
}

/// What was filed, at the head of the timeline.
struct MessageEntry {
    description: String,
    created_at: String,
    own: bool,
    files: Vec<support_contract::Attachment>,
}

impl MessageEntry {
    fn view(self, words: Words) -> impl IntoView {
        let files = (!self.files.is_empty()).then(|| view! { <AttachedFiles files=self.files/> });
        let body = (!self.description.trim().is_empty())
            .then(|| view! { <p class="sw-reply-body">{self.description}</p> });
        view! {
            <li class=entry_class(self.own) data-testid="status-description">
                <p class="sw-reply-author">
                    <span>{words.text(id::STATUS_DESCRIPTION_LABEL)}</span>
                    " · "
                    {time(words, self.created_at)}
                </p>
                {body}
                {files}
            </li>
        }
    }
}

fn reply_view(words: Words, reply: Reply, own: bool) -> impl IntoView {
    let role: Option<MessageId> = match reply.author.role.as_str() {
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
    let files =
        (!reply.attachments.is_empty()).then(|| view! { <AttachedFiles files=reply.attachments/> });
    view! {
        <li class=entry_class(own) data-testid="status-reply">
            <p class="sw-reply-author">
                {(!author.is_empty()).then(|| view! { <span>{author}</span> " · " })}
                {time(words, reply.created_at)}
            </p>
            <p class="sw-reply-body">{reply.body}</p>
            {files}
        </li>
    }
}

/// A status change, between the words: the status, when, and its note.
fn status_view(words: Words, change: StatusChange) -> impl IntoView {
    view! {
        <li class="sw-thread-status" data-testid="status-change">
            <span class="sw-history-status">{words.text(status_label(change.status))}</span>
            " · "
            {time(words, change.changed_at)}
            {change.note.map(|note| view! { <p class="sw-history-note">{note}</p> })}
        </li>
    }
}

/// The own side's words stand apart from everyone else's at a glance.
fn entry_class(own: bool) -> &'static str {
    match own {
        true => "sw-thread-words sw-thread-own",
        false => "sw-thread-words",
    }
}

/// When, in the reader's language, with a machine-readable time only
/// where there is one.
fn time(words: Words, at: String) -> impl IntoView {
    let shown = words.format_time(&at);
    let datetime = is_rfc3339(&at).then_some(at);
    view! { <time datetime=datetime>{shown}</time> }
}
