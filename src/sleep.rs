//! Waiting in an async task, on the browser's own timer.

use std::time::Duration;

/// Resolves after `wait`.
pub async fn sleep(wait: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(wait.as_millis()).unwrap_or(i32::MAX),
            );
        }
    });
    _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
