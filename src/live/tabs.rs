//! The browser's side of one stream per browser (`support_rules::live::tabs`
//! decides): the Web Locks API's lock that makes one tab the leader, and
//! the `BroadcastChannel` on which the tabs talk. Both are let go of when
//! dropped: the lock released, or its request withdrawn, and the channel
//! closed.

use std::{cell::RefCell, rc::Rc};

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, BroadcastChannel, MessageEvent};

use support_rules::{json, live::tabs::Shared};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `navigator.locks`, bound here: web-sys has it only behind its
    /// unstable APIs.
    type LockManager;

    #[wasm_bindgen(method)]
    fn request(
        this: &LockManager,
        name: &str,
        options: &JsValue,
        callback: &js_sys::Function,
    ) -> js_sys::Promise;
}

/// The browser's lock manager; none where the Web Locks API is missing.
fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Whether the browser has the Web Locks API.
pub fn has_locks() -> bool {
    lock_manager().is_some()
}

/// The lock, held until dropped (once granted).
pub struct Held(Rc<RefCell<Option<js_sys::Function>>>);

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(release) = self.0.take() {
            _ = release.call0(&JsValue::UNDEFINED);
        }
    }
}

/// Waits for the lock `name` (behind the tab that holds it, if any); none
/// if it cannot be had. `abort` withdraws the request while it waits, and
/// releases a lock granted after it fired.
pub async fn lock(name: &str, abort: AbortSignal) -> Option<Held> {
    let locks = lock_manager()?;
    let (granted, grant) = promise();
    let held = Held(Rc::default());
    let release = held.0.clone();
    // Called once the lock is granted: the lock is held until the promise
    // it returns settles, which `Held` does when dropped.
    let withdrawn = abort.clone();
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_lock| {
        if withdrawn.aborted() {
            return js_sys::Promise::resolve(&JsValue::UNDEFINED);
        }
        let (holding, resolve) = promise();
        *release.borrow_mut() = Some(resolve);
        _ = grant.call0(&JsValue::UNDEFINED);
        holding
    });
    let options = js_sys::Object::new();
    _ = js_sys::Reflect::set(&options, &"signal".into(), &abort);
    let settled = locks.request(name, &options, callback.as_ref().unchecked_ref());
    // Neither a read nor a write: the browser's lock, held. The request
    // settles when the lock is released, or withdrawn (then rejected, which
    // is no error): the callback is kept until then.
    wasm_bindgen_futures::spawn_local(async move {
        _ = JsFuture::from(settled).await;
        drop(callback);
    });
    JsFuture::from(granted).await.ok()?;
    Some(held)
}

/// A promise and the function that resolves it.
fn promise() -> (js_sys::Promise, js_sys::Function) {
    let mut resolver = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| resolver = Some(resolve));
    let resolve = resolver.unwrap_or_else(|| js_sys::Function::from(JsValue::UNDEFINED));
    (promise, resolve)
}

/// Whether the browser has `BroadcastChannel`.
pub fn has_channel() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"BroadcastChannel".into()).unwrap_or(false)
}

/// The channel the tabs talk on; closed when dropped.
pub struct Channel {
    channel: BroadcastChannel,
    _listener: Closure<dyn FnMut(MessageEvent)>,
}

impl Channel {
    /// Opens the channel `name`, telling `heard` what the other tabs say.
    pub fn open(name: &str, heard: impl Fn(Shared) + 'static) -> Option<Channel> {
        let channel = BroadcastChannel::new(name).ok()?;
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            // A newer version's message, or another's, is passed over.
            let said = message.data().as_string();
            if let Some(shared) = said.and_then(|text| json::from_str(&text).ok()) {
                heard(shared);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _listener: listener,
        })
    }

    pub fn post(&self, shared: &Shared) {
        if let Ok(text) = json::to_string(shared) {
            _ = self.channel.post_message(&text.into());
        }
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
