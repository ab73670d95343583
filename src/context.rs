//! What every component of one widget shares: its locale, its messages and
//! where the user is in the journey.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use crate::{
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
    /// Aborts every request of this widget when the element is removed.
    pub abort: StoredValue<Option<web_sys::AbortSignal>, LocalStorage>,
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

    pub fn abort_signal(self) -> Option<web_sys::AbortSignal> {
        self.abort.with_value(Clone::clone)
    }
}

pub fn use_widget() -> WidgetContext {
    // The root provides it before any component runs.
    use_context::<WidgetContext>()
        .expect("components render inside the widget root, which provides the context")
}
