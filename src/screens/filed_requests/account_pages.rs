//! The signed-in user's list as the screen of filed requests loads it,
//! page by page; the merge and paging rules are `filed::AccountList`'s.

use leptos::{prelude::*, task::spawn_local_scoped};
use web_sys::AbortController;

use crate::{
    api::Transport, context::WidgetContext, filed::AccountList, request::LoadError,
    session::Session,
};

/// What [`use_account_pages`] gives the screen.
#[derive(Clone, Copy)]
pub struct AccountPages {
    /// Whether a user is signed in, whose list the backend keeps (tracked).
    pub signed_in: Memo<bool>,
    /// The pages loaded so far, while signed in (tracked).
    pub list: Signal<Option<AccountList>>,
    /// Whether a page is on its way.
    pub pending: RwSignal<bool>,
    /// Why the last page could not be had, until it is asked for again.
    pub failed: RwSignal<Option<LoadError>>,
    /// Asks for the page after those loaded ("Show more", "Try again").
    pub load_more: Callback<()>,
}

/// Loads the first page when a user is signed in (again, when another one
/// is, or the backend changes); the page on its way is aborted when the
/// screen goes or another is asked for.
pub fn use_account_pages(widget: WidgetContext) -> AccountPages {
    // Whom the token names: a sign-in as someone else starts the list again.
    let user = Memo::new(move |_| {
        widget.session.with(|session| match session {
            Session::SignedIn(identity) => Some(identity.clone()),
            _ => None,
        })
    });
    let signed_in = Memo::new(move |_| user.with(Option::is_some));
    let pages = RwSignal::new(None::<AccountList>);
    let pending = RwSignal::new(signed_in.get_untracked());
    let failed = RwSignal::new(None::<LoadError>);
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
        let before = pages.with_untracked(|list| list.as_ref().and_then(|l| l.next.clone()));
        // "Show more" goes with the last page, "Try again" with its
        // notice: focus goes to what they brought.
        let more = before.is_some();
        let backend = widget.backend.get_untracked();
        pending.set(true);
        failed.set(None);
        spawn_local_scoped(async move {
            let answer = match backend {
                Some(backend) => widget.filed_by_me(backend, before, transport).await,
                None => Err(LoadError::Network),
            };
            // Overtaken by another page, a sign-out, or the screen's end.
            if latest.try_get_value() != Some(this) {
                return;
            }
            match answer {
                Ok(page) => {
                    if let Some(first) = page.requests.first().filter(|_| more) {
                        widget.focus_when_drawn_if_lost(&super::item_selector(&first.id));
                    }
                    pages.update(|list| {
                        *list = Some(list.take().unwrap_or_default().with_page(&page))
                    });
                }
                Err(error) => {
                    if more {
                        widget.focus_when_drawn_if_lost("[data-testid=filed-failed] button");
                    }
                    failed.set(Some(error));
                }
            }
            pending.set(false);
        });
    });
    // Talks to the backend: the first page for whoever is signed in now.
    Effect::new(move |_| {
        user.track();
        widget.backend.track();
        stop();
        pages.set(None);
        failed.set(None);
        pending.set(false);
        if signed_in.get_untracked() {
            load_more.run(());
        }
    });
    AccountPages {
        signed_in,
        list: Signal::derive(move || pages.get().filter(|_| signed_in.get())),
        pending,
        failed,
        load_more,
    }
}
