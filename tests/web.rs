//! The widget in a real browser: mounted in a shadow root, driven through the
//! DOM as a user would. Run with `cargo test --target wasm32-unknown-unknown
//! --features bundled-locales --test web` (headless Chromium; see
//! .cargo/config.toml), as scripts/test-browser does.
#![cfg(target_arch = "wasm32")]

use support_widget::embed::{mount, WidgetHandle};
use wasm_bindgen::{JsCast, JsValue};
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
        let window = web_sys::window().unwrap();
        // Every test starts without the drafts, or the way to a request
        // part-walked, that an earlier one left.
        if let Ok(Some(storage)) = window.local_storage() {
            storage.clear().unwrap();
        }
        if let Ok(Some(storage)) = window.session_storage() {
            storage.clear().unwrap();
        }
        let document = window.document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        for (name, value) in attributes {
            host.set_attribute(name, value).unwrap();
        }
        document.body().unwrap().append_child(&host).unwrap();
        // What the loader does: an open shadow root with a container.
        let shadow = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        shadow.append_child(&container).unwrap();
        // Built with `bundled-locales`, the widget fetches no messages.
        let handle = mount(
            host.clone(),
            container,
            None,
            None,
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .unwrap();
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

    async fn open(&self, choice: &str) {
        self.find(&format!("[data-testid={choice}]"))
            .expect(choice)
            .click();
        settle().await;
    }

    fn key(&self, selector: &str, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.find(selector)
            .expect(selector)
            .dispatch_event(&event)
            .unwrap();
    }

    fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector).and_then(|e| e.get_attribute(name))
    }

    fn value(&self, selector: &str) -> String {
        let input: HtmlInputElement = self.find(selector).expect(selector).unchecked_into();
        input.value()
    }
}

/// The widget goes with its handle, which is dropped after this.
impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// Waits (up to five seconds) until `ready` holds, for what depends on the
/// network: the debounced customer search and the backend's answer.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting until {what}");
}

async fn sleep(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(timer).await.unwrap();
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

/// The reference backend that scripts/test starts for these tests.
fn reference_backend() -> (&'static str, &'static str) {
    let Some(url) = option_env!("SUPPORT_WIDGET_TEST_BACKEND") else {
        panic!("run through scripts/test, which starts the reference backend and sets SUPPORT_WIDGET_TEST_BACKEND");
    };
    ("backend", url)
}

#[wasm_bindgen_test]
async fn renders_the_partner_center_form_inside_a_shadow_root() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    settle().await;
    assert_eq!(widget.text("h2"), "How can we help?");
    widget.open("open-partner-center-request").await;
    assert_eq!(widget.text("h2"), "New Partner Center request");
    assert!(widget.find("form[data-testid=request-form]").is_some());
    assert!(
        widget.host.query_selector("form").unwrap().is_none(),
        "nothing renders in the light DOM"
    );
}

#[wasm_bindgen_test]
async fn switching_the_locale_keeps_what_was_typed() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    settle().await;
    widget.open("open-partner-center-request").await;
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
    widget.open("open-partner-center-request").await;
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
    assert!(widget.find("[data-testid=home]").is_none());

    // Fixing the attribute brings the widget at once.
    widget.handle.set_attribute(
        "backend",
        Some("https://portal.example.com/api/support".into()),
    );
    settle().await;
    assert!(widget.find("[data-testid=home]").is_some());
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
    first.open("open-partner-center-request").await;
    second.open("open-partner-center-request").await;
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

#[wasm_bindgen_test]
async fn back_returns_home_and_keeps_what_was_typed() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    settle().await;
    widget.open("open-partner-center-request").await;
    widget.type_into("#sw-title", "Kept across screens");
    widget.open("back").await;
    assert_eq!(widget.text("h2"), "How can we help?");
    // Moving between screens puts focus on the new screen's heading.
    assert_eq!(widget.shadow().active_element().unwrap().tag_name(), "H2");
    widget.open("open-partner-center-request").await;
    assert_eq!(widget.value("#sw-title"), "Kept across screens");
}

const COMBOBOX: &str = "#sw-customer-search";

#[wasm_bindgen_test]
async fn the_customer_combobox_works_by_keyboard() {
    let widget = Mounted::new(&[reference_backend(), ("locale", "en-US")]);
    settle().await;
    widget.open("open-customer-request").await;
    assert_eq!(
        widget.attribute(COMBOBOX, "role").as_deref(),
        Some("combobox")
    );
    assert_eq!(
        widget.attribute(COMBOBOX, "aria-expanded").as_deref(),
        Some("false")
    );

    widget.type_into(COMBOBOX, "fabrikam");
    let options = || {
        widget
            .shadow()
            .query_selector_all("[role=option]")
            .unwrap()
            .length()
    };
    until("the search shows customers", || options() >= 2).await;
    assert_eq!(
        widget.attribute(COMBOBOX, "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(widget.attribute(COMBOBOX, "aria-activedescendant"), None);

    // Down moves to the first option, Up from the first wraps to the last.
    widget.key(COMBOBOX, "ArrowDown");
    settle().await;
    assert_eq!(
        widget
            .attribute(COMBOBOX, "aria-activedescendant")
            .as_deref(),
        Some("sw-customer-option-0")
    );
    assert_eq!(
        widget
            .attribute("#sw-customer-option-0", "aria-selected")
            .as_deref(),
        Some("true")
    );
    widget.key(COMBOBOX, "ArrowUp");
    settle().await;
    let last = format!("sw-customer-option-{}", options() - 1);
    assert_eq!(
        widget.attribute(COMBOBOX, "aria-activedescendant"),
        Some(last)
    );
    widget.key(COMBOBOX, "ArrowDown");
    settle().await;
    assert_eq!(
        widget
            .attribute(COMBOBOX, "aria-activedescendant")
            .as_deref(),
        Some("sw-customer-option-0")
    );

    // Escape closes the list and keeps the text; a second Escape clears it.
    widget.key(COMBOBOX, "Escape");
    settle().await;
    assert_eq!(
        widget.attribute(COMBOBOX, "aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(widget.value(COMBOBOX), "fabrikam");
    widget.key(COMBOBOX, "Escape");
    settle().await;
    assert_eq!(widget.value(COMBOBOX), "");

    // Enter picks the active option and moves on to the service.
    widget.type_into(COMBOBOX, "fabrikam");
    until("the search shows customers again", || options() >= 1).await;
    let first_name = widget.text("#sw-customer-option-0 .sw-option-name");
    widget.key(COMBOBOX, "ArrowDown");
    settle().await;
    widget.key(COMBOBOX, "Enter");
    settle().await;
    assert!(widget.find("[data-testid=service-choice]").is_some());
    assert!(
        widget.text("h2").contains(&first_name),
        "{}",
        widget.text("h2")
    );
}

#[wasm_bindgen_test]
async fn a_search_without_matches_says_so() {
    let widget = Mounted::new(&[reference_backend(), ("locale", "es-ES")]);
    settle().await;
    widget.open("open-customer-request").await;
    widget.type_into(COMBOBOX, "zzzz-no-such-customer");
    let status = || widget.text("[data-testid=customer-search-status]");
    until("the empty result is announced", || {
        status().contains("zzzz-no-such-customer")
    })
    .await;
    assert_eq!(
        widget.attribute(COMBOBOX, "aria-expanded").as_deref(),
        Some("false")
    );
}

/// The backend, played by the page's `fetch` while a test runs: it files a
/// request sent with a token it accepts, answers 401 to any other, and
/// keeps what each request sent (method, URL, Authorization,
/// Idempotency-Key, body).
struct FakeBackend {
    calls: js_sys::Array,
    original: JsValue,
}

impl FakeBackend {
    fn accepting(tokens: &[&str]) -> FakeBackend {
        let window = web_sys::window().unwrap();
        let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
        let calls = js_sys::Array::new();
        let accepted: js_sys::Array = tokens
            .iter()
            .map(|t| JsValue::from(format!("Bearer {t}")))
            .collect();
        let fake = js_sys::Function::new_with_args(
            "calls, accepted",
            r#"return async (request) => {
                const call = {
                    method: request.method,
                    url: request.url,
                    auth: request.headers.get("Authorization"),
                    key: request.headers.get("Idempotency-Key"),
                    body: request.method == "POST" ? await request.clone().text() : null,
                };
                calls.push(call);
                const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
                // Home's count of open customer messages, the live stream
                // and the unread count, all asked at once with the first
                // token: answered (the stream stays open and quiet), so that a token these
                // tests refuse is refused when the form is sent, as a token
                // that expires while the partner types.
                const url = new URL(call.url);
                if (url.searchParams.get("kind") == "customer_self_service") return json(200, { requests: [] });
                if (url.pathname == "/events") return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
                if (url.pathname == "/unread") return json(200, { count: 0, requests: [] });
                if (!accepted.includes(call.auth)) return json(401, { errors: [{ field: "Authorization", code: "invalid_token" }] });
                if (call.method == "POST") return json(201, { id: "0d6f4a52-6c43-4c8a-9a39-5d2b7f0e4a11", reference: "SR-000042", status: "submitted", created_at: "2026-11-26T10:00:00Z" });
                return json(200, { services: [], customers: [], articles: [], incidents: [] });
            }"#,
        )
        .call2(&JsValue::NULL, &calls, &accepted)
        .unwrap();
        js_sys::Reflect::set(&window, &"fetch".into(), &fake).unwrap();
        FakeBackend { calls, original }
    }

    /// What the `index`th POST sent, by name (`auth`, `key`, `body`).
    fn posted(&self, index: usize, what: &str) -> Option<String> {
        let posts: Vec<JsValue> = self
            .calls
            .iter()
            .filter(|call| js_sys::Reflect::get(call, &"method".into()).unwrap() == "POST")
            .collect();
        let post = posts.get(index)?;
        js_sys::Reflect::get(post, &what.into())
            .unwrap()
            .as_string()
    }

    fn posts(&self) -> usize {
        (0..)
            .take_while(|&i| self.posted(i, "method").is_some())
            .count()
    }
}

impl Drop for FakeBackend {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        js_sys::Reflect::set(&window, &"fetch".into(), &self.original).unwrap();
    }
}

/// A JWT naming Ana Ruiz (ana@example.com); `which` tells tokens apart.
fn ana_token(which: &str) -> String {
    let payload = "eyJzdWIiOiJ1MSIsIm5hbWUiOiJBbmEgUnVpeiIsImVtYWlsIjoiYW5hQGV4YW1wbGUuY29tIiwicm9sZSI6InBhcnRuZXIifQ";
    format!("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{payload}.{which}")
}

/// A token provider that gives `tokens` one call after another (then none),
/// and counts its calls in `calls`.
fn provider(tokens: &[String], calls: &js_sys::Array) -> js_sys::Function {
    let tokens: js_sys::Array = tokens.iter().map(JsValue::from).collect();
    js_sys::Function::new_with_args(
        "tokens, calls",
        "return async () => { calls.push(1); return tokens[calls.length - 1] ?? null; }",
    )
    .call2(&JsValue::NULL, &tokens, calls)
    .unwrap()
    .unchecked_into()
}

/// Fills in the Partner Center form's problem (not its contact).
async fn describe_a_problem(widget: &Mounted) {
    widget.open("open-partner-center-request").await;
    widget.find("#sw-category").expect("category").click();
    widget.type_into("#sw-title", "Invoices cannot be downloaded");
    widget.type_into("#sw-description", "The download button does nothing.");
    settle().await;
}

#[wasm_bindgen_test]
async fn a_signed_in_user_is_not_asked_whom_they_are_and_every_request_carries_the_token() {
    let backend = FakeBackend::accepting(&[&ana_token("one")]);
    let asked = js_sys::Array::new();
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    widget
        .handle
        .set_token_provider(provider(&[ana_token("one")], &asked).into())
        .ok()
        .unwrap();
    settle().await;
    describe_a_problem(&widget).await;
    assert!(widget.find("#sw-contact-name").is_none());
    assert!(widget.find("#sw-contact-email").is_none());
    assert!(
        widget.find("#sw-contact-phone").is_some(),
        "the phone is still asked"
    );
    assert_eq!(
        widget
            .text("[data-testid=sending-as]")
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Sending as Ana Ruiz (ana@example.com)"
    );
    widget.find("[data-testid=submit]").unwrap().click();
    until("the request is filed", || {
        widget.find("[data-testid=confirmation]").is_some()
    })
    .await;
    assert_eq!(asked.length(), 1, "the provider is asked once");
    assert_eq!(backend.posts(), 1);
    assert_eq!(
        backend.posted(0, "auth"),
        Some(format!("Bearer {}", ana_token("one")))
    );
    let body = backend.posted(0, "body").unwrap();
    assert!(body.contains(r#""name":"Ana Ruiz""#), "{body}");
    assert!(body.contains(r#""email":"ana@example.com""#), "{body}");
}

#[wasm_bindgen_test]
async fn an_expired_token_is_renewed_once_and_the_request_sent_again_under_its_key() {
    let backend = FakeBackend::accepting(&[&ana_token("fresh")]);
    let asked = js_sys::Array::new();
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    let tokens = [ana_token("expired"), ana_token("fresh")];
    widget
        .handle
        .set_token_provider(provider(&tokens, &asked).into())
        .ok()
        .unwrap();
    settle().await;
    describe_a_problem(&widget).await;
    widget.find("[data-testid=submit]").unwrap().click();
    until("the request is filed", || {
        widget.find("[data-testid=confirmation]").is_some()
    })
    .await;
    assert_eq!(asked.length(), 2, "asked again once, after the 401");
    assert_eq!(backend.posts(), 2);
    assert_eq!(
        backend.posted(0, "auth"),
        Some(format!("Bearer {}", tokens[0]))
    );
    assert_eq!(
        backend.posted(1, "auth"),
        Some(format!("Bearer {}", tokens[1]))
    );
    assert!(backend.posted(0, "key").is_some());
    assert_eq!(
        backend.posted(0, "key"),
        backend.posted(1, "key"),
        "the same Idempotency-Key"
    );
}

#[wasm_bindgen_test]
async fn an_ended_session_keeps_the_draft_and_sends_once_the_page_signs_in_again() {
    let backend = FakeBackend::accepting(&[&ana_token("new")]);
    let asked = js_sys::Array::new();
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    // Heard by the page: the session ended.
    let heard = js_sys::Array::new();
    let listener =
        js_sys::Function::new_with_args("heard", "return (event) => heard.push(event.detail.code)")
            .call1(&JsValue::NULL, &heard)
            .unwrap();
    widget
        .host
        .add_event_listener_with_callback("support-widget:error", listener.unchecked_ref())
        .unwrap();
    widget
        .handle
        .set_token_provider(provider(&[ana_token("expired")], &asked).into())
        .ok()
        .unwrap();
    settle().await;
    describe_a_problem(&widget).await;
    widget.find("[data-testid=submit]").unwrap().click();
    until("the session has ended", || {
        widget
            .text("[data-testid=sending-notice]")
            .contains("Your session has ended: sign in again, then send.")
    })
    .await;
    assert_eq!(asked.length(), 2, "asked again once, which gave no token");
    assert_eq!(backend.posts(), 1, "not sent again without a fresh token");
    assert!(heard.includes(&"session_ended".into(), 0), "{heard:?}");
    assert_eq!(widget.value("#sw-title"), "Invoices cannot be downloaded");
    assert!(widget.find("[data-testid=confirmation]").is_none());

    // The page signs the user in again: the request goes, once.
    widget
        .handle
        .set_token_provider(provider(&[ana_token("new")], &js_sys::Array::new()).into())
        .ok()
        .unwrap();
    until("the request is filed", || {
        widget.find("[data-testid=confirmation]").is_some()
    })
    .await;
    assert_eq!(backend.posts(), 2);
    assert_eq!(
        backend.posted(1, "auth"),
        Some(format!("Bearer {}", ana_token("new")))
    );
    assert_eq!(backend.posted(0, "key"), backend.posted(1, "key"));
}

#[wasm_bindgen_test]
async fn a_provider_that_stops_giving_tokens_ends_the_session_rather_than_asking_who() {
    let backend = FakeBackend::accepting(&[&ana_token("new")]);
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    widget
        .handle
        .set_token_provider(provider(&[ana_token("one")], &js_sys::Array::new()).into())
        .ok()
        .unwrap();
    settle().await;
    describe_a_problem(&widget).await;
    assert!(widget.find("[data-testid=sending-as]").is_some());
    // The page's sign-in ends: its new provider gives no token.
    widget
        .handle
        .set_token_provider(provider(&[], &js_sys::Array::new()).into())
        .ok()
        .unwrap();
    settle().await;
    assert!(
        widget.find("#sw-contact-name").is_none(),
        "not asked who they are"
    );
    widget.find("[data-testid=submit]").unwrap().click();
    until("the session has ended", || {
        widget
            .text("[data-testid=sending-notice]")
            .contains("Your session has ended: sign in again, then send.")
    })
    .await;
    assert!(widget.find("[data-testid=confirmation]").is_none());
    assert_eq!(backend.posts(), 1, "sent once, refused, not filed");
}

#[wasm_bindgen_test]
async fn without_a_token_the_form_asks_whom_to_contact_and_sends_no_authorization() {
    let backend = FakeBackend::accepting(&[]);
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    // A provider that gives none is no sign-in.
    widget
        .handle
        .set_token_provider(provider(&[], &js_sys::Array::new()).into())
        .ok()
        .unwrap();
    settle().await;
    describe_a_problem(&widget).await;
    assert!(widget.find("[data-testid=sending-as]").is_none());
    widget.type_into("#sw-contact-name", "Lee");
    widget.type_into("#sw-contact-email", "lee@example.com");
    widget.find("[data-testid=submit]").unwrap().click();
    until("the request was sent", || backend.posts() == 1).await;
    assert_eq!(backend.posted(0, "auth"), None);
    assert!(backend
        .posted(0, "body")
        .unwrap()
        .contains(r#""name":"Lee""#));
}

#[wasm_bindgen_test]
async fn a_token_provider_that_is_not_a_function_is_refused() {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    assert!(widget.handle.set_token_provider("token".into()).is_err());
    assert!(widget.handle.set_token_provider(JsValue::NULL).is_ok());
}

impl FakeBackend {
    /// A signed-in user's backend: it files a request as "here", lists the
    /// user's requests filed elsewhere in two pages ("b" and "a", then
    /// "old"; 503 to the first `failures` asks, 401 without a token), and
    /// gives any request's status.
    fn listing(failures: u32) -> FakeBackend {
        let window = web_sys::window().unwrap();
        let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
        let calls = js_sys::Array::new();
        let fake = js_sys::Function::new_with_args(
            "calls, failures",
            r#"return async (request) => {
                const url = new URL(request.url);
                calls.push({ method: request.method, url: request.url, auth: request.headers.get("Authorization") });
                const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
                const stored = (id, minute, status) => ({
                    id, reference: "SR-" + id, status, created_at: `2026-11-26T10:${minute}:00Z`,
                    request: { kind: "partner_center", category: "billing", title: "Request " + id, description: "d",
                               contact: { name: "Ana Ruiz", email: "ana@example.com" } },
                });
                if (request.method == "POST") return json(201, { id: "here", reference: "SR-here", status: "submitted", created_at: "2026-11-26T10:50:00Z" });
                if (url.searchParams.get("filed_by") == "me") {
                    if (!request.headers.get("Authorization")) return json(401, { errors: [] });
                    if (failures-- > 0) return json(503, { errors: [] });
                    return url.searchParams.get("before") == "a"
                        ? json(200, { requests: [stored("old", "05", "closed")] })
                        : json(200, { requests: [stored("b", "40", "resolved"), stored("a", "30", "in_progress")], next: "a" });
                }
                if (url.pathname.includes("/support-requests/")) return json(200, stored(url.pathname.split("/").pop(), "50", "submitted"));
                return json(200, { services: [], customers: [], articles: [], incidents: [] });
            }"#,
        )
        .call2(&JsValue::NULL, &calls, &failures.into())
        .unwrap();
        js_sys::Reflect::set(&window, &"fetch".into(), &fake).unwrap();
        FakeBackend { calls, original }
    }

    /// The URLs asked for with `GET`, with the Authorization each carried.
    fn gets(&self) -> Vec<(String, Option<String>)> {
        let read = |call: &JsValue, what: &str| {
            js_sys::Reflect::get(call, &what.into())
                .unwrap()
                .as_string()
        };
        self.calls
            .iter()
            .filter(|call| read(call, "method").as_deref() == Some("GET"))
            .map(|call| (read(&call, "url").unwrap(), read(&call, "auth")))
            .collect()
    }
}

impl Mounted {
    /// The ids of the filed requests listed, in order.
    fn listed(&self) -> Vec<String> {
        let items = self
            .shadow()
            .query_selector_all("[data-testid=filed-request]")
            .unwrap();
        (0..items.length())
            .filter_map(|i| items.item(i))
            .map(|item| {
                let item: HtmlElement = item.unchecked_into();
                item.get_attribute("data-request-id").unwrap_or_default()
            })
            .collect()
    }
}

/// Files the Partner Center request described, as "here", and opens the
/// list of filed requests from home.
async fn file_here_and_open_the_list(widget: &Mounted) {
    describe_a_problem(widget).await;
    widget.find("[data-testid=submit]").unwrap().click();
    until("the request is filed", || {
        widget.find("[data-testid=confirmation]").is_some()
    })
    .await;
    widget.open("back").await;
    widget.open("open-filed-requests").await;
}

async fn signed_in_as_ana() -> Mounted {
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    widget
        .handle
        .set_token_provider(provider(&[ana_token("one")], &js_sys::Array::new()).into())
        .ok()
        .unwrap();
    settle().await;
    widget
}

#[wasm_bindgen_test]
async fn a_signed_in_users_list_comes_from_the_backend_with_what_was_just_filed_here() {
    let backend = FakeBackend::listing(0);
    let widget = signed_in_as_ana().await;
    file_here_and_open_the_list(&widget).await;
    until("the backend's first page is listed", || {
        widget.listed().len() == 3
    })
    .await;
    // Filed here a moment ago, newest, once; then the backend's.
    assert_eq!(widget.listed(), ["here", "b", "a"]);
    assert!(widget.find("[data-testid=filed-loading]").is_none());
    let list_gets: Vec<_> = (backend.gets().into_iter())
        .filter(|(url, _)| url.contains("filed_by=me"))
        .collect();
    assert_eq!(
        list_gets,
        [(
            "http://127.0.0.1:9/support-requests?filed_by=me".to_owned(),
            Some(format!("Bearer {}", ana_token("one")))
        )]
    );
    // The page's statuses are shown without asking for each request.
    assert_eq!(
        widget.text("[data-request-id=b] [data-testid=filed-status]"),
        "Resolved"
    );
    assert!(!backend
        .gets()
        .iter()
        .any(|(url, _)| url.ends_with("/support-requests/b")));
    assert_eq!(
        widget.text("[data-testid=filed-clear]"),
        "Forget this device's list"
    );

    widget.open("filed-more").await;
    until("the next page is listed", || widget.listed().len() == 4).await;
    assert_eq!(widget.listed(), ["here", "b", "a", "old"]);
    assert!(backend
        .gets()
        .iter()
        .any(|(url, _)| url.ends_with("?filed_by=me&before=a")));
    assert!(
        widget.find("[data-testid=filed-more]").is_none(),
        "the last page has no next"
    );
}

#[wasm_bindgen_test]
async fn a_list_that_cannot_be_loaded_says_so_and_shows_the_devices_meanwhile() {
    let _backend = FakeBackend::listing(1);
    let widget = signed_in_as_ana().await;
    file_here_and_open_the_list(&widget).await;
    until("the failure is shown", || {
        widget.find("[data-testid=filed-failed]").is_some()
    })
    .await;
    assert!(widget
        .text("[data-testid=filed-failed]")
        .contains("Your requests couldn't all be loaded"));
    assert_eq!(widget.listed(), ["here"]);
    let retry = widget.find("[data-testid=filed-failed] button").unwrap();
    assert_eq!(retry.inner_text(), "Try again");
    retry.click();
    until("the list is loaded", || widget.listed().len() == 3).await;
    assert!(widget.find("[data-testid=filed-failed]").is_none());
}

#[wasm_bindgen_test]
async fn signed_out_the_list_is_the_devices_and_the_backend_is_not_asked_for_one() {
    let backend = FakeBackend::listing(0);
    let widget = Mounted::new(&[BACKEND, ("locale", "en-US")]);
    describe_a_problem(&widget).await;
    widget.type_into("#sw-contact-name", "Lee");
    widget.type_into("#sw-contact-email", "lee@example.com");
    widget.find("[data-testid=submit]").unwrap().click();
    until("the request is filed", || {
        widget.find("[data-testid=confirmation]").is_some()
    })
    .await;
    widget.open("back").await;
    widget.open("open-filed-requests").await;
    settle().await;
    assert_eq!(widget.listed(), ["here"]);
    assert!(widget.find("[data-testid=filed-more]").is_none());
    assert_eq!(widget.text("[data-testid=filed-clear]"), "Forget this list");
    assert!(!backend
        .gets()
        .iter()
        .any(|(url, _)| url.contains("filed_by")));
}
