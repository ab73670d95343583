//! The partner's inbox: what its customers sent it from the help page,
//! newest first, open or resolved, a page at a time.

use leptos::{prelude::*, task::spawn_local_scoped};
use support_contract::{RequestList, RequestStatus as Status, StoredRequest};

use crate::{
    api,
    components::{
        list_item, page_focus, retry_button, status_label, BackButton, PageFooter, Paging,
        ScreenHeading, UnsentReplyMark,
    },
    context::use_widget,
    effects::effect,
    rules::{
        i18n::{self, id},
        journey::Step,
        request::LoadError,
    },
};

/// The messages loaded so far, and where the next page stands.
#[derive(Clone, Default)]
struct Pages {
    requests: Vec<StoredRequest>,
    /// The `before` of the next page, while there is one.
    next: Option<String>,
    pending: bool,
    failed: Option<LoadError>,
}

/// The customers' messages, with the choice of open or resolved ones.
#[component]
pub fn Inbox() -> impl IntoView {
    let widget = use_widget();
    let resolved = Memo::new(move |_| widget.journey.with(|j| j.inbox_resolved));
    let pages = RwSignal::new(Pages {
        pending: true,
        ..Pages::default()
    });
    // Back from a request: focus returns to it once the first page lists
    // it (after the heading's, which the screen asked for first).
    let return_to = StoredValue::new(
        (widget.navigated.get_untracked())
            .then(|| widget.journey.with_untracked(|j| j.status_of.clone()))
            .flatten()
            .map(|id| item_selector(&id)),
    );
    // Each page asked for is counted: an answer overtaken by another page,
    // another filter or the screen's end is dropped.
    let latest = StoredValue::new(0_u32);
    on_cleanup(move || latest.update_value(|n| *n = n.wrapping_add(1)));
    let load = Callback::new(move |()| {
        latest.update_value(|n| *n = n.wrapping_add(1));
        let this = latest.get_value();
        // "Show more" and "Try again" leave the focus to what the page
        // brings; the first page, asked for by the screen, does not.
        let (before, more) =
            pages.with_untracked(|p| (p.next.clone(), p.next.is_some() || p.failed.is_some()));
        pages.update(|p| {
            p.pending = true;
            p.failed = None;
        });
        let (backend, transport) = (widget.backend.get_untracked(), widget.transport());
        let open = !resolved.get_untracked();
        spawn_local_scoped(async move {
            let answer = match backend {
                Some(backend) => {
                    api::customer_messages(backend, open, before, false, transport).await
                }
                None => Err(LoadError::Network),
            };
            if latest.try_get_value() != Some(this) {
                return;
            }
            let focus = match answer {
                Ok(RequestList { requests, next }) => {
                    let first = page_focus(ITEM, &requests);
                    pages.update(|p| {
                        p.requests.extend(requests);
                        p.next = next;
                        p.pending = false;
                    });
                    Some(first)
                }
                Err(error) => {
                    pages.update(|p| {
                        p.failed = Some(error);
                        p.pending = false;
                    });
                    Some(retry_button("inbox"))
                }
            };
            // "Show more" and "Try again" go while the page loads.
            if let Some(focus) = focus.filter(|_| more) {
                widget.focus_when_drawn_if_lost(&focus);
            } else if let Some(back_to) = return_to.try_update_value(Option::take).flatten() {
                if pages
                    .with_untracked(|p| p.requests.iter().any(|r| item_selector(&r.id) == back_to))
                {
                    widget.focus_when_drawn(&back_to);
                }
            }
        });
    });
    // The first page of the messages chosen, again whenever the choice, the
    // backend or the signed-in user changes.
    effect(move |_| {
        resolved.track();
        widget.backend.track();
        widget.session.track();
        widget.signed_in_again.track();
        // A failure it replaces is kept until the load starts, so that the
        // load places the focus its "Try again" may have had.
        pages.update(|p| {
            *p = Pages {
                failed: p.failed.take(),
                ..Pages::default()
            }
        });
        load.run(());
    });

    let filter = move |show_resolved: bool, label, testid: &'static str| {
        view! {
            <button
                type="button"
                class="sw-button sw-button-secondary"
                aria-pressed=move || (resolved.get() == show_resolved).to_string()
                data-testid=testid
                on:click=move |_| widget.go(Step::ShowInbox { resolved: show_resolved })
            >
                {widget.text(label)}
            </button>
        }
    };
    let paging = Signal::derive(move || {
        pages.with(|p| Paging {
            pending: p.pending,
            failed: p.failed.clone(),
            more: p.next.is_some(),
        })
    });
    let list = move || {
        let (requests, settled) =
            pages.with(|p| (p.requests.clone(), !p.pending && p.failed.is_none()));
        if requests.is_empty() {
            let empty = if resolved.get() {
                id::INBOX_EMPTY_RESOLVED
            } else {
                id::INBOX_EMPTY_OPEN
            };
            settled
                .then(|| view! { <p data-testid="inbox-empty">{widget.text(empty)}</p> })
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
            <ScreenHeading>{widget.text(id::INBOX_HEADING)}</ScreenHeading>
            <p class="sw-intro">{widget.text(id::INBOX_INTRO)}</p>
            <div class="sw-actions" role="group" aria-label=widget.text(id::INBOX_FILTER_LABEL)>
                {filter(false, id::INBOX_SHOW_OPEN, "inbox-show-open")}
                {filter(true, id::INBOX_SHOW_RESOLVED, "inbox-show-resolved")}
            </div>
            {list}
            <PageFooter
                list="inbox"
                loading=id::INBOX_LOADING
                failed=id::INBOX_FAILED
                paging
                on_more=load
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
    let widget = use_widget();
    let id_for_click = request.id.clone();
    let sent_by = [
        request.request.customer.map(|c| c.name).unwrap_or_default(),
        request.request.contact.name,
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let sent_on = widget.format(
        id::FILED_ON,
        &i18n::args([("time", widget.format_time(&request.created_at).into())]),
    );
    // Escalated, and once 21Vianet resolved it while the request is still
    // open, the loop to close.
    let open = !matches!(request.status, Status::Resolved | Status::Closed);
    let escalated = request.escalated_as.map(|escalation| {
        let loop_to_close = open && matches!(escalation.status, Status::Resolved | Status::Closed);
        if loop_to_close {
            widget.text(id::INBOX_CLOSE_LOOP)()
        } else {
            widget.format(
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
                on:click=move |_| widget.go(Step::ViewStatus(id_for_click.clone()))
            >
                <span class="sw-choice-title">{request.reference} " · " {request.request.title}</span>
                <span class="sw-choice-text">
                    {(!sent_by.is_empty()).then(|| view! { {sent_by} " · " })}
                    {sent_on}
                </span>
                <span class="sw-choice-text" data-testid="inbox-status">
                    {widget.text(status_label(request.status))}
                    {escalated.map(|text| view! { " · " {text} })}
                </span>
                <UnsentReplyMark request_id=request.id.clone()/>
            </button>
        </li>
    }
}
