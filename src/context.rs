//! What every component of one widget shares: its locale and messages.

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use crate::{i18n, locale::Locale};

/// Provided by the widget root; each `<support-widget>` has its own.
#[derive(Clone, Copy)]
pub struct WidgetContext {
    /// The negotiated locale.
    pub locale: Memo<Locale>,
    /// What the `locale` attribute or the language picker asked for last.
    pub requested_locale: RwSignal<Option<String>>,
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
}

pub fn use_widget() -> WidgetContext {
    // The root provides it before any component runs; a component used on its
    // own (in a test) still renders, in en-US.
    use_context::<WidgetContext>().unwrap_or_else(|| WidgetContext {
        locale: Memo::new(|_| Locale::EnUs),
        requested_locale: RwSignal::new(None),
    })
}
