//! Which locale the widget shows. en-US is always there; in the browser,
//! another locale's messages are fetched the first time it is asked for,
//! through the function the loader gives (it imports the file that
//! `support-messages` wrote beside the widget). Until they arrive the widget
//! stays in the locale it shows; if they cannot be had, it says so in that
//! locale and offers to try again.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::loaded::InFlight;
use support_rules::{i18n, locale::Locale};

/// Fetches a locale's messages: given a tag and how many times the user
/// asked to try again, a promise of the JSON text.
pub type Fetch = Option<js_sys::Function>;

/// One widget's locales, shared through `Words::locales`.
#[derive(Clone, Copy)]
pub struct Locales {
    /// The locale negotiated from what the page and the user ask for.
    pub wanted: Memo<Locale>,
    /// The locale shown: the wanted one once its messages are here.
    pub shown: Memo<Locale>,
    /// Whether the first locale has settled (arrived, or failed): until then
    /// the widget draws nothing rather than words in another language.
    pub settled: Memo<bool>,
    /// The last locale whose messages could not be had.
    failed: RwSignal<Option<Locale>>,
    attempt: RwSignal<u32>,
}

impl Locales {
    pub fn new(wanted: Memo<Locale>, fetch: Fetch) -> Locales {
        let arrived = RwSignal::new(0_u32);
        let shown = Memo::new(move |shown: Option<&Locale>| {
            arrived.track();
            let wanted = wanted.get();
            if i18n::has(wanted) {
                wanted
            } else {
                shown.copied().unwrap_or(Locale::EnUs)
            }
        });
        let done = RwSignal::new(i18n::has(wanted.get_untracked()));
        let locales = Locales {
            wanted,
            shown,
            settled: Memo::new(move |_| done.get()),
            failed: RwSignal::new(None),
            attempt: RwSignal::new(0),
        };
        let fetch = StoredValue::new_local(fetch);
        // Failed fetches so far: each new try asks for a new URL, as the
        // browser may remember a failed import by its URL.
        let failures = StoredValue::new(0_u32);
        let in_flight = InFlight::new();
        Effect::new(move |_| {
            let locale = wanted.get();
            let attempt = locales.attempt.get() + failures.get_value();
            if i18n::has(locale) {
                return;
            }
            // A new try: the last failure no longer stands.
            if locales.failed.get_untracked() == Some(locale) {
                locales.failed.set(None);
            }
            let request = fetch.with_value(|fetch| {
                fetch
                    .as_ref()
                    .map(|f| f.call2(&JsValue::NULL, &locale.as_str().into(), &attempt.into()))
            });
            // The widget's, as its loads are: another locale asked for, or
            // the widget's end, drops its answer.
            in_flight.start(
                |_| {
                    Some(async move {
                        match request {
                            Some(Ok(promise)) => fetched_text(promise).await,
                            Some(Err(error)) => Err(describe(&error)),
                            None => Err("this page's loader fetches no messages".to_owned()),
                        }
                    })
                },
                move |result| {
                    match result.and_then(|json| i18n::add_fetched(locale, &json)) {
                        Ok(()) => arrived.update(|n| *n += 1),
                        Err(error) => {
                            web_sys::console::error_1(
                                &format!(
                                    "<support-widget>: the {} messages could not be loaded: {error}",
                                    locale.as_str()
                                )
                                .into(),
                            );
                            failures.update_value(|n| *n += 1);
                            locales.failed.set(Some(locale));
                        }
                    }
                    done.set(true);
                },
            );
        });
        locales
    }

    /// The wanted locale, when its messages could not be had.
    pub fn unavailable(self) -> Option<Locale> {
        let wanted = self.wanted.get();
        self.failed.get().filter(|failed| *failed == wanted)
    }

    /// Fetches the wanted locale's messages again.
    pub fn retry(self) {
        self.failed.set(None);
        self.attempt.update(|n| *n += 1);
    }
}

async fn fetched_text(promise: JsValue) -> Result<String, String> {
    // Taken as any promise: a page that replaced `window.Promise` (with a
    // subclass, or a library's) makes the loader's own, native, promise fail
    // an `instanceof` check.
    let promise = js_sys::Promise::resolve(&promise);
    let text = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    text.as_string()
        .ok_or_else(|| "the messages file holds no text".to_owned())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
