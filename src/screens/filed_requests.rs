mod account_pages;

use leptos::prelude::*;

use self::account_pages::{signed_in, use_account_pages};
use crate::{
    api,
    components::{
        list_item, status_label, BackButton, PageFooter, ScreenHeading, UndoNotice, UnreadMark,
        UnsentReplyMark,
    },
    context::{Connection, FiledRequests, ForgottenFiled, Host, Navigation, RemovedFiled, Words},
    live::Live,
    loaded::{Loaded, Paging},
};
use support_rules::{
    filed_requests::FiledRequest,
    host::Audience,
    i18n::{self, id},
    journey::Step,
};

/// The requests filed, each with its current status, and the way to forget
/// this device's list. Signed in, the list is the user's from the backend,
/// page by page, with what this device filed that it does not list yet;
/// signed out, or while the backend's cannot be had, it is the device's.
/// It stays one component of about 160 lines because the list, its empty
/// text and its two Undo notices all read the one merged list and the one
/// Undo on offer.
#[component]
pub fn FiledList() -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    let host = expect_context::<Host>();
    let pager = use_account_pages();
    let account = pager.list();
    let signed_in = move || signed_in(connection);
    // The list "Forget this list" took, or the request "Remove it from this
    // list" took on its status screen, until its Undo or the screen goes.
    let forgotten = RwSignal::new(None::<ForgottenFiled>);
    let removed = RwSignal::new(filed.removed.write_untracked().take());
    let undoable = move || forgotten.with(Option::is_some) || removed.with(Option::is_some);
    // Each request once, and whether the backend's list gave its status.
    let requests = Memo::new(move |_| {
        let signed_in = signed_in();
        let all: Vec<(bool, FiledRequest)> = account.with(|list| {
            filed.list.with(|device| match signed_in {
                true => (list.shown(device).into_iter())
                    .map(|request| (list.lists(&request.id), request))
                    .collect(),
                false => (device.requests.iter().cloned())
                    .map(|request| (false, request))
                    .collect(),
            })
        });
        // Each id once, whatever this device's storage holds: the list is
        // keyed by it.
        let mut once: Vec<(bool, FiledRequest)> = Vec::with_capacity(all.len());
        for (listed, request) in all {
            if !once
                .iter()
                .any(|(_, r)| r.id.eq_ignore_ascii_case(&request.id))
            {
                once.push((listed, request));
            }
        }
        once
    });
    let none = move || requests.with(Vec::is_empty);
    let kept_here = move || filed.list.with(|filed| !filed.requests.is_empty());
    // A message for the user's list when signed in, else the device's.
    let pick = move |account, device| words.text(if signed_in() { account } else { device })();
    // A customer's list is of what they sent their partner.
    let customer = connection.audience.get_untracked() == Audience::Customer;
    let heading = if customer {
        id::HELP_MY_REQUESTS
    } else {
        id::FILED_HEADING
    };
    let intro = move || match customer {
        true => words.text(id::FILED_CUSTOMER_INTRO)(),
        false => pick(id::FILED_ACCOUNT_INTRO, id::FILED_INTRO),
    };
    let empty = move || match customer {
        true => words.text(id::FILED_CUSTOMER_EMPTY)(),
        false => pick(id::FILED_ACCOUNT_EMPTY, id::FILED_EMPTY),
    };
    // Below the list, while signed in: a page on its way, why it could not
    // be had, or the way to the next.
    let pages = pager.paging();
    let paging = Signal::derive(move || match signed_in() {
        true => pages.get(),
        false => Paging::default(),
    });
    let screen = view! {
        <section class="sw-screen" data-testid="filed-requests">
            <BackButton/>
            <ScreenHeading>{words.text(heading)}</ScreenHeading>
            <p class="sw-intro">{intro}</p>
            {move || {
                let quiet = undoable() || account.with(|l| l.pending || l.failed.is_some());
                (none() && !quiet).then(|| view! { <p data-testid="filed-empty">{empty}</p> })
            }}
            // Keyed by request: an item keeps its element, and the focus or
            // the pointer on it, while the backend's page merges into the
            // list and moves it.
            <Show when=move || !none()>
                <ul class="sw-choices">
                    <For
                        each=move || requests.get()
                        key=|(_, request)| request.id.to_ascii_lowercase()
                        children=move |(_, request)| {
                            // Whether the backend's list gives it, and
                            // whether it is new to the user, which a page
                            // arriving (a change heard live) may change
                            // while the row stays.
                            let id = request.id.clone();
                            let listed = Signal::derive(move || {
                                requests.with(|all| {
                                    all.iter().any(|(listed, r)| *listed && r.id.eq_ignore_ascii_case(&id))
                                })
                            });
                            let id = request.id.clone();
                            let unread = Signal::derive(move || {
                                requests.with(|all| {
                                    all.iter().any(|(_, r)| r.unread && r.id.eq_ignore_ascii_case(&id))
                                })
                            });
                            view! { <FiledItem request listed unread/> }
                        }
                    />
                </ul>
            </Show>
            <PageFooter
                list="filed"
                loading=id::FILED_ACCOUNT_LOADING
                failed=id::FILED_ACCOUNT_FAILED
                paging
                on_more=Callback::new(move |()| pager.more())
            />
            {move || kept_here().then(|| view! {
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid="filed-clear"
                    on:click=move |_| {
                        removed.set(None);
                        forgotten.set(Some(filed.clear()));
                        host.focus_when_drawn("[data-testid=filed-undo]");
                    }
                >
                    {move || pick(id::FILED_DEVICE_CLEAR, id::FILED_CLEAR)}
                </button>
            })}
            // Not a live region: focus goes to Undo, which reads the
            // notice as its description, once.
            <div>
                {move || {
                    forgotten
                        .with(Option::is_some)
                        .then(|| {
                            let on_undo = Callback::new(move |()| {
                                if let Some(list) = forgotten.write().take() {
                                    filed.restore(list);
                                }
                            });
                            let text = Signal::derive(move || pick(id::FILED_DEVICE_CLEARED, id::FILED_CLEARED));
                            view! {
                                <UndoNotice text testid="filed-cleared" undo_testid="filed-undo" on_undo/>
                            }
                        })
                }}
                {move || removed.with(|removed| removed.as_ref().map(RemovedFiled::reference).map(str::to_owned)).map(|reference| {
                    let on_undo = Callback::new(move |()| {
                        if let Some(request) = removed.write().take() {
                            filed.restore_removed(request);
                        }
                    });
                    let text = Signal::derive(move || words.format(id::FILED_REMOVED, &i18n::args([("reference", reference.clone().into())])));
                    view! {
                        <UndoNotice text testid="filed-removed" undo_testid="filed-removed-undo" on_undo/>
                    }
                })}
            </div>
        </section>
    };
    // Back from a request's status: focus returns to that request in the
    // list (after the heading's, which the screen asked for first), or to
    // the Undo of its removal.
    if removed.with_untracked(Option::is_some) {
        host.focus_when_drawn("[data-testid=filed-removed-undo]");
    } else if let Some(viewed) = nav.journey.with_untracked(|j| j.status_of.clone()) {
        if nav.navigated.get_untracked() {
            host.focus_when_drawn(&item_selector(&viewed));
        }
    }
    screen
}

/// The list's item for request `id`.
fn item_selector(id: &str) -> String {
    list_item(ITEM, id)
}

/// The test id of the list's items.
const ITEM: &str = "filed-request";

/// The prefix of the list's test ids (`filed-more`, `filed-failed`).
const LIST: &str = "filed";

/// One filed request: what it was about, when, and its status now.
#[component]
fn FiledItem(
    request: FiledRequest,
    /// Whether the backend's list gives its status, as the latest seen;
    /// else it is asked for.
    listed: Signal<bool>,
    /// Whether the backend's list marks it new to the user.
    unread: Signal<bool>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    let request_id = request.id.clone();
    // Drawn before the backend's list gave it, the row asks for its status
    // until the list does.
    let loaded = (!listed.get_untracked()).then(|| {
        let request_id = request_id.clone();
        let live = expect_context::<Live>();
        Loaded::new(move |abort| {
            // Read again when a change is heard live.
            live.heard.track();
            let backend = connection.backend.get().filter(|_| !listed.get());
            let transport = connection.transport_aborted_by(abort);
            let request_id = request_id.clone();
            async move {
                let asked_at = js_sys::Date::now();
                let stored = api::request_status(backend?, request_id, transport).await;
                let stored = stored.ok()?;
                filed.saw_request(&stored, asked_at);
                Some(stored.status)
            }
        })
    });
    let status = move || match loaded.filter(|_| !listed.get()) {
        Some(loaded) => loaded.get(),
        None => Some(filed.status_seen(&request_id)),
    };
    let created_at = request.created_at.clone();
    let filed_on = move || {
        words.format(
            id::FILED_ON,
            &i18n::args([("time", words.format_time(&created_at).into())]),
        )
    };
    let id_for_click = request.id.clone();
    view! {
        <li>
            <button
                type="button"
                class="sw-choice"
                data-testid="filed-request"
                data-request-id=request.id.clone()
                on:click=move |_| nav.go(Step::ViewStatus(id_for_click.clone()))
            >
                <span class="sw-choice-title">{request.reference.clone()} " · " {request.title.clone()}</span>
                <span class="sw-choice-text">
                    {request.customer.clone().map(|customer| view! { {customer} " · " })}
                    {filed_on}
                </span>
                <span class="sw-choice-text" data-testid="filed-status">
                    {move || match status() {
                        Some(Some(status)) => words.text(status_label(status))(),
                        Some(None) => words.text(id::FILED_STATUS_UNAVAILABLE)(),
                        None => String::new(),
                    }}
                </span>
                <UnreadMark unread/>
                <UnsentReplyMark request_id=request.id.clone()/>
            </button>
        </li>
    }
}
