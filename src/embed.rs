//! The bridge between the custom element (defined by the loader,
//! `loader/support-widget.js`) and the Leptos app inside its shadow root.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, HtmlElement};

use crate::{
    app::{HostAttributes, Widget},
    controls::{Controls, ControlsSlot},
    panel::CoveringPanel,
};
use support_rules::host_api::{self, Flow, HostApiError, Prefill};

/// One mounted `<support-widget>`. The loader keeps it on the element, calls
/// `setAttribute` when an observed attribute changes, forwards the element's
/// methods, and frees it when the element leaves the page (see its `Drop`).
#[wasm_bindgen]
pub struct WidgetHandle {
    attributes: HostAttributes,
    controls: ControlsSlot,
    in_flight: Option<AbortController>,
    mounted: Option<Box<dyn Any>>,
    /// In launcher mode, Tab kept inside the panel while it covers the page,
    /// and the panel above an on-screen keyboard.
    panel: Option<CoveringPanel>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies a changed attribute at once (`value` is `null` when removed).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        self.attributes.set(name, value);
    }

    /// `element.open(flow)`: `"partner-center"`, `"customer"` (or
    /// `"escalation"`, the same path), `"customer-messages"`, or `"home"`
    /// or nothing for the start screen; `element.open("request", id)`: one
    /// request's status. The page may pass anything: what is not text (nor
    /// nothing) is refused, as an unknown name is.
    pub fn open(&self, flow: JsValue, id: JsValue) -> Result<(), JsError> {
        let text = |value: JsValue, not_text| match value.as_string() {
            None if !value.is_undefined() && !value.is_null() => Err(refuse(not_text)),
            text => Ok(text),
        };
        let flow = text(flow, HostApiError::FlowNotText)?;
        let id = text(id, HostApiError::RequestIdNotText)?;
        let flow = Flow::parse(flow.as_deref(), id.as_deref()).map_err(refuse)?;
        self.with_controls(|controls| controls.open(flow));
        Ok(())
    }

    /// `element.setLocale(locale)`: refused unless the locale is text or
    /// nothing. Nothing goes back to the page's and the browser's
    /// languages, from a language picked in the widget too, which an
    /// attribute that was never there cannot undo by its removal; the loader
    /// then sets or removes the attribute.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: JsValue) -> Result<(), JsError> {
        if locale.is_undefined() || locale.is_null() {
            self.attributes.set("locale", None);
        } else if !locale.is_string() {
            return Err(refuse(HostApiError::LocaleNotText));
        }
        Ok(())
    }

    /// `element.close()`.
    pub fn close(&self) {
        self.with_controls(Controls::close);
    }

    /// `element.prefill(values)`.
    pub fn prefill(&self, values: JsValue) -> Result<(), JsError> {
        let not_object = || HostApiError::Prefill("expected an object".into());
        let json = json_of(values).ok_or_else(not_object).map_err(refuse)?;
        let prefill = Prefill::parse(&json).map_err(refuse)?;
        self.with_controls(|controls| controls.prefill(&prefill));
        Ok(())
    }

    /// `element.setRequestHeaders(headers)`: an object of strings, or the
    /// page's `Headers` or `Map` of them (whose own properties are none).
    #[wasm_bindgen(js_name = setRequestHeaders)]
    pub fn set_request_headers(&self, headers: JsValue) -> Result<(), JsError> {
        let not_object = || HostApiError::Headers("expected an object of strings".into());
        let headers = if headers.is_instance_of::<web_sys::Headers>()
            || headers.is_instance_of::<js_sys::Map>()
        {
            js_sys::Object::from_entries(&headers)
                .map_err(|_| refuse(not_object()))?
                .into()
        } else {
            headers
        };
        let json = json_of(headers).ok_or_else(not_object).map_err(refuse)?;
        let headers = host_api::request_headers(&json).map_err(refuse)?;
        self.with_controls(|controls| controls.set_request_headers(headers));
        Ok(())
    }

    /// `element.setTokenProvider(provider)`: a function that gives (or
    /// whose promise gives) the signed-in user's token, or none; none
    /// (`null` or `undefined`) sends no token.
    #[wasm_bindgen(js_name = setTokenProvider)]
    pub fn set_token_provider(&self, provider: JsValue) -> Result<(), JsError> {
        let provider = match provider.dyn_into::<js_sys::Function>() {
            Ok(provider) => Some(provider),
            Err(none) if none.is_undefined() || none.is_null() => None,
            Err(_) => return Err(refuse(HostApiError::TokenProviderNotFunction)),
        };
        self.with_controls(|controls| controls.set_token_provider(provider));
        Ok(())
    }
}

/// The page's `free()` of the handle (the element left the page) removes the
/// UI and disposes of its signals, effects and tasks. Requests still in
/// flight are aborted first: a task waiting on one keeps the reactive owner
/// alive, so dropping the view alone would not end it.
impl Drop for WidgetHandle {
    fn drop(&mut self) {
        if let Some(in_flight) = self.in_flight.take() {
            in_flight.abort();
        }
        self.controls.borrow_mut().take();
        self.mounted.take();
        self.panel.take();
    }
}

impl WidgetHandle {
    fn with_controls(&self, act: impl FnOnce(&Controls)) {
        if let Some(controls) = *self.controls.borrow() {
            act(&controls);
        }
    }
}

/// A refused call: the page's script gets an `Error` saying why, which its
/// promise rejects with. The console stays quiet: a page that handles the
/// rejection has heard it, and one that does not sees the browser report
/// it, by its message.
fn refuse(error: HostApiError) -> JsError {
    JsError::new(&format!("<support-widget>: {error}"))
}

/// Renders the widget for `host` into `container`, an element of the open
/// shadow root that the loader prepared (with the stylesheet, and in
/// launcher mode inside the panel). `messages` fetches the messages of a
/// locale the build left out (see `locales::Fetch`). With `focus`, the first
/// screen's heading takes focus once it is drawn, which for a locale still
/// being fetched is after this returns. `provider` and `headers` are what
/// the page gave `setTokenProvider` and `setRequestHeaders` (before a move
/// of the element, which mounts it anew), if anything.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    container: HtmlElement,
    messages: Option<js_sys::Function>,
    focus: Option<bool>,
    provider: JsValue,
    headers: JsValue,
) -> Result<WidgetHandle, JsValue> {
    // A panic's message reaches the console, except in the release build,
    // whose panics stop at once without one (docs/development.md, "The build"), so
    // that the hook would be code that never runs.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    crate::platform::install();
    let attributes = HostAttributes::read(&host);
    let for_view = attributes.clone();
    let in_flight = AbortController::new().ok();
    let abort = in_flight.as_ref().map(AbortController::signal);
    let controls = ControlsSlot::default();
    let slot = controls.clone();
    let element = host.clone();
    let focus = focus.unwrap_or(false);
    let panel = CoveringPanel::keep(&container);
    let signing_in = provider.is_function();
    let mounted = leptos::mount::mount_to(container, move || {
        view! { <Widget attributes=for_view host=element abort controls=slot messages focus signing_in/> }
    });
    let handle = WidgetHandle {
        attributes,
        controls,
        in_flight,
        mounted: Some(Box::new(mounted)),
        panel,
    };
    // What was refused when the page gave it is left out (the loader keeps
    // only what the widget took).
    _ = handle.set_token_provider(provider);
    if !headers.is_undefined() {
        _ = handle.set_request_headers(headers);
    }
    Ok(handle)
}

/// The page's value as JSON: none (null or undefined) as `{}`; nothing when
/// JSON cannot write it (a symbol, a function, a BigInt, a cycle).
fn json_of(value: JsValue) -> Option<String> {
    if value.is_undefined() || value.is_null() {
        return Some("{}".into());
    }
    js_sys::JSON::stringify(&value).ok()?.as_string()
}
