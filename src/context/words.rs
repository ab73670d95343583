//! The words the widget speaks: the locale shown, and its messages.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::locales::Locales;
use support_rules::{
    i18n::{self, id, MessageId},
    locale::Locale,
    timestamps,
};

#[derive(Clone, Copy)]
pub struct Words {
    /// The locale shown: the negotiated one, once its messages are here.
    pub locale: Memo<Locale>,
    /// The negotiated locale, and its messages on their way.
    pub locales: Locales,
    /// What the `locale` attribute or the language picker asked for last.
    pub requested_locale: RwSignal<Option<String>>,
}

impl Words {
    /// A message that follows the locale.
    pub fn text(self, id: MessageId) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || i18n::message(self.locale.get(), id)
    }

    /// A message with arguments, formatted now in the current locale (call it
    /// inside a reactive closure so that it follows the locale).
    pub fn format(self, id: MessageId, args: &i18n::Args) -> String {
        i18n::format(self.locale.get(), id, Some(args))
    }

    /// An RFC 3339 time from the backend as the locale writes dates and
    /// times, in the user's time zone, which it names ("Nov 22, 2026,
    /// 9:40 AM GMT+8"): an incident's own text often gives its times in UTC.
    /// A time that is not RFC 3339, or that no calendar has, is "(time
    /// unknown)" in the locale: shown as sent, or as the browser misreads it,
    /// it would be a wrong date or a string of the backend's. The zone's name
    /// is written bare in every locale (`timestamps::zone_unbracketed`).
    pub fn format_time(self, rfc3339: &str) -> String {
        let unknown = || i18n::message(self.locale.get(), id::TIME_UNKNOWN);
        if !timestamps::is_rfc3339(rfc3339) {
            return unknown();
        }
        let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
        if date.get_time().is_nan() {
            return unknown();
        }
        let options = js_sys::Object::new();
        for (name, value) in [
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
            ("timeZoneName", "short"),
        ] {
            _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let written: String = date
            .to_locale_string(self.locale.get().as_str(), &options)
            .into();
        timestamps::zone_unbracketed(&written)
    }
}
