//! The widget in a real browser: mounted in a shadow root, driven through the
//! DOM as a user would. Run with `cargo test --target wasm32-unknown-unknown
//! --test web` (headless Chromium; see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

use support_widget::embed::{mount, WidgetHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// A `<support-widget>`-like host element in the test page, mounted.
struct Mounted {
    host: HtmlElement,
    handle: WidgetHandle,
}

impl Mounted {
    fn new(attributes: &[(&str, &str)]) -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        for (name, value) in attributes {
            host.set_attribute(name, value).unwrap();
        }
        document.body().unwrap().append_child(&host).unwrap();
        let handle = mount(host.clone(), "data:text/css,".into()).unwrap();
        Mounted { host, handle }
    }

    fn shadow(&self) -> ShadowRoot {
        self.host
            .shadow_root()
            .expect("the widget renders in an open shadow root")
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.shadow()
            .query_selector(selector)
            .unwrap()
            .map(JsCast::unchecked_into)
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .map(|e| e.inner_text())
            .unwrap_or_default()
    }

    fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).expect(selector).unchecked_into();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    fn value(&self, selector: &str) -> String {
        let input: HtmlInputElement = self.find(selector).expect(selector).unchecked_into();
        input.value()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

/// Lets Leptos apply signal changes and the browser render a frame.
async fn settle() {
    leptos::task::tick().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    JsFuture::from(frame).await.unwrap();
    leptos::task::tick().await;
}

const BACKEND: (&str, &str) = ("backend", "http://127.0.0.1:9/");

#[wasm_bindgen_test]
async fn renders_the_partner_center_form_inside_a_shadow_root() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    settle().await;
    assert_eq!(widget.text("h2"), "New Partner Center request");
    assert!(widget
        .find("form[data-testid=partner-center-form]")
        .is_some());
    assert!(
        widget.host.query_selector("form").unwrap().is_none(),
        "nothing renders in the light DOM"
    );
}

#[wasm_bindgen_test]
async fn switching_the_locale_keeps_what_was_typed() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    settle().await;
    widget.type_into("#sw-title", "无法下载发票");
    widget.type_into("#sw-description", "Line one\nLine two");
    widget.handle.set_attribute("locale", Some("zh-CN".into()));
    settle().await;
    assert_eq!(widget.text("h2"), "新建合作伙伴中心请求");
    assert_eq!(widget.value("#sw-title"), "无法下载发票");
    assert_eq!(widget.value("#sw-description"), "Line one\nLine two");

    let picker: web_sys::HtmlSelectElement = widget
        .find("[data-testid=language-picker]")
        .unwrap()
        .unchecked_into();
    picker.set_value("es-ES");
    picker
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert!(
        widget.text("h2").contains("Centro de partners"),
        "{}",
        widget.text("h2")
    );
    assert_eq!(widget.value("#sw-title"), "无法下载发票");
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_shows_and_focuses_the_error_summary() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    settle().await;
    widget.type_into("#sw-contact-email", "not an address");
    widget.find("[data-testid=submit]").unwrap().click();
    settle().await;
    settle().await;
    let summary = widget.find("[data-testid=error-summary]").unwrap();
    assert!(!summary.hidden());
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 5, "{}", summary.inner_text());
    assert!(summary
        .inner_text()
        .contains("Enter an email address in the correct format"));
    let focused = widget
        .shadow()
        .active_element()
        .expect("something has focus");
    assert_eq!(
        focused.get_attribute("data-testid").as_deref(),
        Some("error-summary")
    );
    // The same message stands at the field, and the field says it is invalid.
    assert!(widget
        .text("#sw-contact-email-error")
        .contains("correct format"));
    assert_eq!(
        widget
            .find("#sw-contact-email")
            .unwrap()
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        widget.value("#sw-contact-email"),
        "not an address",
        "what was typed is kept"
    );

    // Each entry moves focus to its field.
    let title_link: HtmlElement = links.item(1).unwrap().unchecked_into();
    title_link.click();
    settle().await;
    assert_eq!(widget.shadow().active_element().unwrap().id(), "sw-title");
}

#[wasm_bindgen_test]
async fn an_invalid_backend_shows_a_localized_error_and_no_form() {
    let widget = Mounted::new(&[("backend", "javascript:alert(1)"), ("locale", "zh-TW")]);
    settle().await;
    let error = widget.text("[data-testid=config-error]");
    assert!(error.contains("javascript:alert(1)"), "{error}");
    assert!(widget.find("form").is_none());

    // Fixing the attribute brings the form at once.
    widget.handle.set_attribute(
        "backend",
        Some("https://portal.example.com/api/support".into()),
    );
    settle().await;
    assert!(widget.find("form").is_some());
    assert!(widget.find("[data-testid=config-error]").is_none());
}

#[wasm_bindgen_test]
async fn a_missing_backend_is_reported() {
    let widget = Mounted::new(&[("locale", "es-ES")]);
    settle().await;
    assert!(widget
        .text("[data-testid=config-error]")
        .contains("backend"));
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let first = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    let second = Mounted::new(&[BACKEND, ("locale", "zh-TW")]);
    settle().await;
    first.type_into("#sw-title", "first");
    settle().await;
    assert_eq!(second.value("#sw-title"), "");
    assert_eq!(first.text("h2"), "New Partner Center request");
    assert!(second.text("h2").contains("合作夥伴中心"));
    second.handle.set_attribute("locale", Some("en-US".into()));
    first.handle.set_attribute("locale", Some("es-ES".into()));
    settle().await;
    assert_eq!(second.text("h2"), "New Partner Center request");
    assert_eq!(first.value("#sw-title"), "first");
}
