//! The signed-in user's list as the screen of filed requests loads it,
//! page by page; the merge and paging rules are `filed_requests::AccountList`'s.

use leptos::{prelude::*, task::spawn_local_scoped};
use web_sys::AbortController;

use crate::{
    api::{self, Transport},
    components::{page_focus, retry_button},
    context::WidgetContext,
    effects::effect,
    rules::{filed_requests::AccountList, request::LoadError, session::Session},
};

/// Whether a user is signed in, whose list the backend keeps (tracked).
pub fn signed_in(widget: WidgetContext) -> bool {
    widget
        .session
        .with(|session| matches!(session, Session::SignedIn(_)))
}

/// The user's list, and how to ask for the page after those loaded ("Show
/// more", "Try again"). The first page is asked for when a user is signed
/// in (again when the session or the backend changes); the page on its way
/// is aborted when the screen goes or another is asked for.
pub fn use_account_pages(widget: WidgetContext) -> (RwSignal<AccountList>, Callback<()>) {
    let list = RwSignal::new(AccountList::default());
    let latest = StoredValue::new(0_u32);
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let stop = move || {
        in_flight.update_value(|current| {
            if let Some(controller) = current.take() {
                controller.abort();
            }
        });
        latest.update_value(|n| *n = n.wrapping_add(1));
        latest.get_value()
    };
    on_cleanup(move || _ = stop());
    let load_more = Callback::new(move |()| {
        let this = stop();
        let controller = AbortController::new().ok();
        let transport = Transport {
            abort: controller.as_ref().map(AbortController::signal),
            ..widget.transport()
        };
        in_flight.set_value(controller);
        let before = list.with_untracked(|list| list.next.clone());
        // "Show more" and "Try again" go while the page loads: focus goes
        // to what the page brought, or to the failure's "Try again".
        let more = before.is_some() || list.with_untracked(|list| list.failed.is_some());
        let backend = widget.backend.get_untracked();
        list.update(|list| *list = list.asking());
        spawn_local_scoped(async move {
            let asked_at = js_sys::Date::now();
            let answer = match backend {
                Some(backend) => api::filed_by_me(backend, before, transport).await,
                None => Err(LoadError::Network),
            };
            // Overtaken by another page, a sign-out, or the screen's end.
            if latest.try_get_value() != Some(this) {
                return;
            }
            let focus = match answer {
                Ok(page) => {
                    widget.saw_listed(&page, asked_at);
                    list.update(|list| *list = list.with_page(&page));
                    Some(page_focus(super::ITEM, &page.requests))
                }
                Err(error) => {
                    list.update(|list| *list = list.failing(error));
                    Some(retry_button("filed"))
                }
            };
            if let Some(focus) = focus.filter(|_| more) {
                widget.focus_when_drawn_if_lost(&focus);
            }
        });
    });
    // Talks to the backend: the first page for whoever is signed in now.
    effect(move |_| {
        widget.session.track();
        widget.backend.track();
        stop();
        list.set(AccountList::default());
        if signed_in(widget) {
            load_more.run(());
        }
    });
    // Signed in again after the session ended: a page that the ended
    // session got refused is asked for again, the pages shown kept.
    widget.on_signed_in_again(move || {
        if list.with_untracked(|list| list.failed.is_some()) && signed_in(widget) {
            load_more.run(());
        }
    });
    // Signed in, the first page is on its way from the start: the screen
    // does not say "none yet" meanwhile.
    if untrack(|| signed_in(widget)) {
        list.update_untracked(|list| *list = list.asking());
    }
    (list, load_more)
}
