//! The one request on its way for what a component shows, under
//! [`Loaded`](super::Loaded) and [`LoadedPages`](super::LoadedPages).

use std::future::Future;

use leptos::{prelude::*, reactive::owner::WeakOwner, task::spawn_local_scoped_with_cancellation};
use web_sys::{AbortController, AbortSignal};

/// The one request on its way for something a component shows: starting
/// another ends it, and so does the end of the component that made it.
/// Ended, its request is aborted and its task dropped, so its answer never
/// arrives. [`Loaded`](super::Loaded) and [`LoadedPages`](super::LoadedPages)
/// ask through one; outside them, only what is not a screen's read does:
/// the fetch of a locale's messages (`locales.rs`), and the live stream
/// and its count of what is unread (`live.rs`).
#[derive(Clone, Copy)]
pub struct InFlight {
    /// The component's owner, under which each request runs. Held weakly:
    /// kept in its own arena, a strong one would keep the widget's root
    /// owner, whose end comes when it is dropped, from ever ending.
    owner: StoredValue<WeakOwner>,
    /// The owner of the request on its way: cleaning it up aborts the
    /// request and drops its task.
    current: StoredValue<Option<Owner>>,
}

impl InFlight {
    /// Nothing on its way yet, for the component being drawn.
    pub fn new() -> InFlight {
        let in_flight = InFlight {
            owner: StoredValue::new(Owner::current().unwrap_or_default().downgrade()),
            current: StoredValue::new(None),
        };
        on_cleanup(move || in_flight.stop());
        in_flight
    }

    /// Ends the request on its way, if any: aborted, its answer dropped.
    pub fn stop(self) {
        if let Some(current) = self.current.try_update_value(Option::take).flatten() {
            current.cleanup();
        }
    }

    /// Ends the request on its way and asks anew: `ask` is called at once
    /// (tracked, in an effect), given the signal that aborts its request,
    /// and may ask nothing (`None`); `answered` gets the answer, unless
    /// another request or the component's end came first. Whether it asked.
    pub fn start<Fut>(
        self,
        ask: impl FnOnce(Option<AbortSignal>) -> Option<Fut>,
        answered: impl FnOnce(Fut::Output) + 'static,
    ) -> bool
    where
        Fut: Future + 'static,
    {
        self.stop();
        let controller = AbortController::new().ok();
        let Some(answer) = ask(controller.as_ref().map(AbortController::signal)) else {
            return false;
        };
        let Some(owner) = self.owner.try_get_value().and_then(|owner| owner.upgrade()) else {
            return false;
        };
        let request = owner.child();
        request.with(|| {
            let controller = send_wrapper::SendWrapper::new(controller);
            on_cleanup(move || {
                if let Some(controller) = controller.take() {
                    controller.abort();
                }
            });
            // Not tracked by the effect that may have called: what the
            // task reads is not what it loads from.
            untrack(|| spawn_local_scoped_with_cancellation(async move { answered(answer.await) }));
        });
        self.current.set_value(Some(request));
        true
    }
}
