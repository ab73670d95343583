//! Waiting in an async task, on the browser's own timer, which is cleared
//! if the task is dropped first (the component that waited has gone).

use std::time::Duration;

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::AbortSignal;

/// Resolves after `wait`.
pub async fn sleep(wait: Duration) {
    sleep_unless(wait, None).await;
}

/// Resolves after `wait`, or as soon as `cut` aborts, if sooner.
pub async fn sleep_unless(wait: Duration, cut: Option<&AbortSignal>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if cut.is_some_and(AbortSignal::aborted) {
        return;
    }
    let mut resolved = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| resolved = Some(resolve));
    let Some(resolve) = resolved else {
        return;
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            i32::try_from(wait.as_millis()).unwrap_or(i32::MAX),
        )
        .ok();
    let _cleared = Cleared { window, timer };
    let _cut = cut.map(|signal| Listening::abort_of(signal, resolve));
    _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Clears its timer when dropped.
struct Cleared {
    window: web_sys::Window,
    timer: Option<i32>,
}

impl Drop for Cleared {
    fn drop(&mut self) {
        if let Some(timer) = self.timer {
            self.window.clear_timeout_with_handle(timer);
        }
    }
}

/// An `abort` listener, removed when dropped.
struct Listening {
    signal: AbortSignal,
    listener: Closure<dyn FnMut()>,
}

impl Listening {
    fn abort_of(signal: &AbortSignal, resolve: js_sys::Function) -> Listening {
        let listener = Closure::<dyn FnMut()>::new(move || {
            _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
        _ = signal.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        Listening {
            signal: signal.clone(),
            listener,
        }
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.listener.as_ref().unchecked_ref());
    }
}
