//! The `<support-widget>` element: the events the page listens to, and
//! what the widget draws in it (focus is in `focus.rs`).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy)]
pub struct Host {
    /// The `<support-widget>` element.
    pub element: StoredValue<web_sys::HtmlElement, LocalStorage>,
}

impl Host {
    /// Dispatches `support-widget:{name}` on the element: it bubbles and
    /// crosses shadow roots, so the page can listen anywhere above it.
    pub fn emit(self, name: &str, detail: &[(&str, JsValue)]) {
        let object = js_sys::Object::new();
        for (key, value) in detail {
            _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object);
        let event = web_sys::CustomEvent::new_with_event_init_dict(
            &format!("support-widget:{name}"),
            &init,
        );
        // Dispatched once the widget's code now running has finished: a
        // listener of the page's may remove the element, which disposes of
        // the widget's signals, and code after `emit` (a screen still being
        // drawn, a submit's last steps) must not find them gone.
        if let (Ok(event), Some(host)) = (event, self.element.try_get_value()) {
            queue_microtask(move || _ = host.dispatch_event(&event));
        }
    }

    /// The first element of the widget that `selector` finds; none once the
    /// widget has left the page (a frame's callback may come after).
    pub fn find(self, selector: &str) -> Option<web_sys::HtmlElement> {
        let found = self
            .element
            .try_with_value(|host| match host.shadow_root() {
                Some(root) => root.query_selector(selector),
                None => host.query_selector(selector),
            })?;
        Some(found.ok()??.unchecked_into())
    }
}
