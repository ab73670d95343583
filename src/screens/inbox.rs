//! The partner's inbox: what its customers sent it from the help page,
//! newest first, open or resolved, a page at a time.

use leptos::prelude::*;
use support_contract::StoredRequest;

use crate::{
    api,
    components::{
        list_item, paged_list, status_label, BackButton, PageFooter, ScreenHeading, UnreadMark,
        UnsentReplyMark,
    },
    context::{Connection, Host, Navigation, Words},
    loaded::Answered,
};
use support_rules::{
    i18n::{self, id},
    journey::Step,
    paged::Paged,
    request::LoadError,
};

/// The customers' messages, with the choice of open or resolved ones.
#[component]
pub fn Inbox() -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let host = expect_context::<Host>();
    let resolved = Memo::new(move |_| nav.journey.with(|j| j.inbox_resolved));
    // The first page of the messages chosen, again whenever the choice, the
    // backend or the signed-in user changes.
    let pager = paged_list(
        "inbox",
        ITEM,
        Paged::default().asking(),
        move |before, abort| {
            let open = !resolved.get();
            let backend = connection.backend.get();
            connection.session.track();
            let transport = connection.transport_aborted_by(abort);
            Some(async move {
                match backend {
                    Some(backend) => {
                        api::customer_messages(backend, open, before, false, transport).await
                    }
                    None => Err(LoadError::Network),
                }
            })
        },
    );
    // Back from a request: focus returns to it once the first page lists
    // it (after the heading's, which the screen asked for first).
    let return_to = StoredValue::new(
        (nav.navigated.get_untracked())
            .then(|| nav.journey.with_untracked(|j| j.status_of.clone()))
            .flatten()
            .map(|id| item_selector(&id)),
    );
    let pager = pager.on_answer(move |&Answered { page, by_user, .. }| {
        if by_user {
            return;
        }
        if let Some(back_to) = return_to.try_update_value(Option::take).flatten() {
            let listed = page
                .as_ref()
                .is_ok_and(|page| (page.requests.iter()).any(|r| item_selector(&r.id) == back_to));
            if listed {
                host.focus_when_drawn(&back_to);
            }
        }
    });
    let pages = pager.list();

    let filter = move |show_resolved: bool, label, testid: &'static str| {
        view! {
            <button
                type="button"
                class="sw-button sw-button-secondary"
                aria-pressed=move || (resolved.get() == show_resolved).to_string()
                data-testid=testid
                on:click=move |_| nav.go(Step::ShowInbox { resolved: show_resolved })
            >
                {words.text(label)}
            </button>
        }
    };
    let paging = pager.paging();
    let on_more = Callback::new(move |()| pager.more());
    let list = move || {
        let settled = paging.with(|p| !p.pending && p.failed.is_none());
        let requests = pages.with(|p| p.requests.clone());
        if requests.is_empty() {
            let empty = if resolved.get() {
                id::INBOX_EMPTY_RESOLVED
            } else {
                id::INBOX_EMPTY_OPEN
            };
            settled
                .then(|| view! { <p data-testid="inbox-empty">{words.text(empty)}</p> })
                .into_any()
        } else {
            view! {
                <ul class="sw-choices" data-testid="inbox-list">
                    {requests.into_iter().map(|request| view! { <InboxItem request/> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let screen = view! {
        <section class="sw-screen" data-testid="inbox">
            <BackButton/>
            <ScreenHeading>{words.text(id::INBOX_HEADING)}</ScreenHeading>
            <p class="sw-intro">{words.text(id::INBOX_INTRO)}</p>
            <div class="sw-actions" role="group" aria-label=words.text(id::INBOX_FILTER_LABEL)>
                {filter(false, id::INBOX_SHOW_OPEN, "inbox-show-open")}
                {filter(true, id::INBOX_SHOW_RESOLVED, "inbox-show-resolved")}
            </div>
            {list}
            <PageFooter
                list="inbox"
                loading=id::INBOX_LOADING
                failed=id::INBOX_FAILED
                paging
                on_more
            />
        </section>
    };
    screen
}

/// The list's item for request `id`.
fn item_selector(id: &str) -> String {
    list_item(ITEM, id)
}

/// The test id of the list's items.
const ITEM: &str = "inbox-request";

/// One message: its title, who sent it and when, and where it stands.
#[component]
fn InboxItem(request: StoredRequest) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let id_for_click = request.id.clone();
    let sent_by = [
        request.request.customer.map(|c| c.name).unwrap_or_default(),
        request.request.contact.name,
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let sent_on = words.format(
        id::FILED_ON,
        &i18n::args([("time", words.format_time(&request.created_at).into())]),
    );
    // Escalated, and once 21Vianet resolved it while the request is still
    // open, the loop to close.
    let open = !request.status.is_finished();
    let escalated = request.escalated_as.map(|escalation| {
        let loop_to_close = open && escalation.status.is_finished();
        if loop_to_close {
            words.text(id::INBOX_CLOSE_LOOP)()
        } else {
            words.format(
                id::STATUS_ESCALATED_AS,
                &i18n::args([("reference", escalation.reference.into())]),
            )
        }
    });
    view! {
        <li>
            <button
                type="button"
                class="sw-choice"
                data-testid="inbox-request"
                data-request-id=request.id.clone()
                on:click=move |_| nav.go(Step::ViewStatus(id_for_click.clone()))
            >
                <span class="sw-choice-title">{request.reference} " · " {request.request.title}</span>
                <span class="sw-choice-text">
                    {(!sent_by.is_empty()).then(|| view! { {sent_by} " · " })}
                    {sent_on}
                </span>
                <span class="sw-choice-text" data-testid="inbox-status">
                    {words.text(status_label(request.status))}
                    {escalated.map(|text| view! { " · " {text} })}
                </span>
                <UnreadMark unread=request.unread/>
                <UnsentReplyMark request_id=request.id.clone()/>
            </button>
        </li>
    }
}
