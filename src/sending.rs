//! Sending a support request until it is filed: retried after failures that
//! may pass (`retry.rs` decides), held while the browser is offline or the
//! page's sign-in has ended, always
//! with the same `Idempotency-Key`, so however often it is sent the backend
//! files it once.

use std::{cell::RefCell, rc::Rc, time::Duration};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use support_contract::{CreatedRequest, NewSupportRequest};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::JsFuture;

use crate::api::{self, Transport};
use support_rules::{host::BackendUrl, request::SubmitError, retry::RetryPolicy};

/// A new `Idempotency-Key`, one for each request, reply or status change
/// the user means to make: every attempt of it sends the same key.
pub fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Why the request is waiting instead of being sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holding {
    /// The browser is offline: sent when the connection returns.
    Offline,
    /// An attempt failed; the next one starts in about `seconds`.
    Retrying { seconds: u32, error: SubmitError },
    /// The page's sign-in ended (a 401 that a fresh token did not mend):
    /// sent when the page signs the user in again.
    SignedOut,
}

/// One wait between attempts, and what ends it.
struct Pause {
    resolve: js_sys::Function,
    timer: Option<TimeoutHandle>,
    ticker: Option<IntervalHandle>,
    listening: bool,
}

/// Shared with the timer, the `online` listener and the owner's cleanup, so
/// it outlives the reactive arena for as long as any of them needs it.
#[derive(Default)]
struct Pauses {
    current: Option<Pause>,
    /// The form's owner is gone: nothing waits any more.
    closed: bool,
    on_online: Option<Closure<dyn FnMut()>>,
}

/// Ends the current pause: `go` sends now, otherwise the user stopped (or the
/// element went). Timers and the `online` listener go with it.
fn end(pauses: &Rc<RefCell<Pauses>>, go: bool) {
    let (pause, listener) = {
        let mut pauses = pauses.borrow_mut();
        let listener = pauses
            .on_online
            .as_ref()
            .map(|closure| closure.as_ref().unchecked_ref::<js_sys::Function>().clone());
        (pauses.current.take(), listener)
    };
    let Some(pause) = pause else { return };
    if let Some(timer) = pause.timer {
        timer.clear();
    }
    if let Some(ticker) = pause.ticker {
        ticker.clear();
    }
    if let (true, Some(window), Some(listener)) = (pause.listening, web_sys::window(), listener) {
        _ = window.remove_event_listener_with_callback("online", &listener);
    }
    _ = pause.resolve.call1(&JsValue::NULL, &JsValue::from_bool(go));
}

/// What a status region says of a wait (`said`), held through the attempt
/// that follows it while `sending`, until the next wait or the end: emptied
/// and filled again at each attempt, a screen reader would read it out at
/// each one.
pub fn held_through_attempts(
    sending: impl Fn() -> bool + Send + Sync + 'static,
    said: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> Memo<Option<String>> {
    Memo::new(move |before: Option<&Option<String>>| match said() {
        None if sending() => before.cloned().flatten(),
        now => now,
    })
}

pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// A form's sending: what it waits for, and the user's "Retry now" and "Stop".
#[derive(Clone, Copy)]
pub struct Sender {
    pub holding: RwSignal<Option<Holding>>,
    pauses: StoredValue<Rc<RefCell<Pauses>>, LocalStorage>,
}

impl Sender {
    /// Call inside the owner whose end stops every wait.
    pub fn new() -> Sender {
        let pauses = Rc::new(RefCell::new(Pauses::default()));
        let weak = Rc::downgrade(&pauses);
        let on_online = Closure::<dyn FnMut()>::new(move || {
            if let Some(pauses) = weak.upgrade() {
                end(&pauses, true);
            }
        });
        pauses.borrow_mut().on_online = Some(on_online);
        // on_cleanup wants Send; the widget lives on the one browser thread.
        let for_cleanup = SendWrapper::new(pauses.clone());
        on_cleanup(move || {
            for_cleanup.borrow_mut().closed = true;
            end(&for_cleanup, false);
            for_cleanup.borrow_mut().on_online = None;
        });
        Sender {
            holding: RwSignal::new(None),
            pauses: StoredValue::new_local(pauses),
        }
    }

    /// Ends the wait and sends at once.
    pub fn retry_now(self) {
        if let Some(pauses) = self.pauses.try_get_value() {
            end(&pauses, true);
        }
    }

    /// Ends the wait and gives up; the form shows the last failure.
    pub fn stop(self) {
        if let Some(pauses) = self.pauses.try_get_value() {
            end(&pauses, false);
        }
    }

    /// Sends the request until it is filed, refused, stopped or out of
    /// attempts. Each attempt goes with the transport of its time
    /// (`transport_now`): the page may have renewed its headers (an expired
    /// sign-in) meanwhile. None ends the send: the widget is gone, names
    /// another backend, or the request's user has left.
    pub async fn submit(
        self,
        backend: BackendUrl,
        key: String,
        body: NewSupportRequest,
        transport_now: impl Fn() -> Option<Transport>,
    ) -> Result<CreatedRequest, SubmitError> {
        let attempt = move |transport| {
            api::submit_request(backend.clone(), key.clone(), body.clone(), transport)
        };
        self.send(transport_now, attempt).await
    }

    /// Sends what `attempt` sends, as [`Sender::submit`] sends a request:
    /// a reply goes the same way, with the same key each time.
    pub async fn send<T, Fut>(
        self,
        transport_now: impl Fn() -> Option<Transport>,
        attempt: impl Fn(Transport) -> Fut,
    ) -> Result<T, SubmitError>
    where
        Fut: std::future::Future<Output = Result<T, SubmitError>>,
    {
        let policy = RetryPolicy::default();
        let mut attempts = 0;
        loop {
            // Gone, another backend, or its user left: no wait begins.
            if transport_now().is_none() {
                self.holding.try_set(None);
                return Err(SubmitError::Network);
            }
            if is_offline() && !self.pause(Holding::Offline, None).await {
                self.holding.try_set(None);
                return Err(SubmitError::Network);
            }
            self.holding.try_set(None);
            let Some(transport) = transport_now() else {
                return Err(SubmitError::Network);
            };
            let sign_in = transport.tokens.sign_in();
            let sent = attempt(transport.clone()).await;
            let error = match sent {
                Ok(created) => return Ok(created),
                Err(error) => error,
            };
            let aborted = transport.abort.as_ref().is_some_and(|a| a.aborted());
            if aborted {
                return Err(error);
            }
            // The connection went while sending: wait for it, without
            // spending an attempt.
            if error == SubmitError::Network && is_offline() {
                continue;
            }
            // The sign-in ended: wait for the page to sign the user in again
            // (a new token provider, or headers), without spending one.
            if let SubmitError::Server { status: 401, .. } = error {
                // Unless its user has left, or the backend is another now.
                if transport_now().is_none() {
                    return Err(error);
                }
                // Refused with a sign-in the page has replaced since: it
                // goes again with the new one, at once.
                if transport.tokens.sign_in() != sign_in {
                    continue;
                }
                let Some(pauses) = self.pauses.try_get_value() else {
                    return Err(error);
                };
                let weak = Rc::downgrade(&pauses);
                transport.tokens.when_signed_in(move || {
                    if let Some(pauses) = weak.upgrade() {
                        end(&pauses, true);
                    }
                });
                if !self.pause(Holding::SignedOut, None).await {
                    self.holding.try_set(None);
                    return Err(error);
                }
                continue;
            }
            attempts += 1;
            let Some(wait) = policy.delay(attempts, &error, js_sys::Math::random()) else {
                return Err(error);
            };
            if transport_now().is_none() {
                return Err(error);
            }
            let seconds = (wait.as_secs_f64().ceil() as u32).max(1);
            let holding = Holding::Retrying {
                seconds,
                error: error.clone(),
            };
            if !self.pause(holding, Some(wait)).await {
                self.holding.try_set(None);
                return Err(error);
            }
        }
    }

    /// Waits for `wait` (or, offline, for the `online` event), or until the
    /// user retries now or stops. True: send.
    async fn pause(self, holding: Holding, wait: Option<Duration>) -> bool {
        let Some(pauses) = self.pauses.try_get_value() else {
            return false;
        };
        if pauses.borrow().closed {
            return false;
        }
        // A pause left over would keep its timers; there is one at a time.
        end(&pauses, false);
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |on_resolve, _| resolve = Some(on_resolve));
        let Some(resolve) = resolve else {
            return false;
        };
        let listening = holding == Holding::Offline;
        self.holding.try_set(Some(holding));

        let weak = Rc::downgrade(&pauses);
        let timer = wait.and_then(|wait| {
            set_timeout_with_handle(
                move || {
                    if let Some(pauses) = weak.upgrade() {
                        end(&pauses, true);
                    }
                },
                wait,
            )
            .ok()
        });
        let shown = self.holding;
        let ticker = wait.and_then(|_| {
            let tick = move || {
                shown.try_update(|holding| {
                    if let Some(Holding::Retrying { seconds, .. }) = holding {
                        *seconds = seconds.saturating_sub(1).max(1);
                    }
                });
            };
            set_interval_with_handle(tick, Duration::from_secs(1)).ok()
        });
        if listening {
            let listener = pauses
                .borrow()
                .on_online
                .as_ref()
                .map(|closure| closure.as_ref().unchecked_ref::<js_sys::Function>().clone());
            if let (Some(window), Some(listener)) = (web_sys::window(), listener) {
                _ = window.add_event_listener_with_callback("online", &listener);
            }
        }
        pauses.borrow_mut().current = Some(Pause {
            resolve,
            timer,
            ticker,
            listening,
        });
        let woke = JsFuture::from(promise).await;
        woke.ok().and_then(|value| value.as_bool()).unwrap_or(false)
    }
}
