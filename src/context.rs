//! What every component of one widget shares: its locale, its messages,
//! where the user is in the journey, and how it talks to the page and the
//! backend.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::{
    api::Transport,
    host::BackendUrl,
    i18n,
    journey::{Journey, Step},
    locale::Locale,
};

/// Provided by the widget root; each `<support-widget>` has its own.
#[derive(Clone, Copy)]
pub struct WidgetContext {
    /// The negotiated locale.
    pub locale: Memo<Locale>,
    /// What the `locale` attribute or the language picker asked for last.
    pub requested_locale: RwSignal<Option<String>>,
    /// The backend, when the `backend` attribute is usable.
    pub backend: Signal<Option<BackendUrl>>,
    /// Where the user is, and what they chose on the way.
    pub journey: RwSignal<Journey>,
    /// Whether the user has moved between screens: only then does a new
    /// screen take focus (not when the page first shows the widget).
    pub navigated: RwSignal<bool>,
    /// A service the page suggested with `prefill`, shown as the likely one.
    pub suggested_service: RwSignal<Option<String>>,
    /// Headers the page asked to send with every request.
    pub request_headers: RwSignal<Vec<(String, String)>>,
    /// Aborts every request of this widget when the element is removed.
    pub abort: StoredValue<Option<web_sys::AbortSignal>, LocalStorage>,
    /// The `<support-widget>` element, for the events the page listens to.
    pub host: StoredValue<web_sys::HtmlElement, LocalStorage>,
}

impl WidgetContext {
    /// A message that follows the locale.
    pub fn text(self, id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || i18n::message(self.locale.get(), id)
    }

    /// A message with arguments, formatted now in the current locale (call it
    /// inside a reactive closure so that it follows the locale).
    pub fn format(self, id: &str, args: &FluentArgs) -> String {
        i18n::format(self.locale.get(), id, Some(args))
    }

    /// Moves the journey on.
    pub fn go(self, step: Step) {
        self.navigated.set(true);
        self.journey
            .update(|journey| *journey = journey.after(step));
    }

    /// How to send a request now.
    pub fn transport(self) -> Transport {
        Transport {
            headers: self.request_headers.get_untracked(),
            abort: self.abort.with_value(Clone::clone),
        }
    }

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
        if let Ok(event) = event {
            self.host.with_value(|host| _ = host.dispatch_event(&event));
        }
    }
}

pub fn use_widget() -> WidgetContext {
    // The root provides it before any component runs.
    use_context::<WidgetContext>()
        .expect("components render inside the widget root, which provides the context")
}
