//! The widget's messages, from the Fluent files in `locales/`, compiled into
//! Rust by build.rs: the widget carries no Fluent parser or runtime.
//!
//! ```
//! use support_rules::{i18n::{self, id}, locale::Locale};
//!
//! assert_eq!(i18n::message(Locale::EsEs, id::SUBMIT_BUTTON), "Enviar");
//! let args = i18n::args([("reference", "SR-000042".into())]);
//! assert_eq!(
//!     i18n::format(Locale::EnUs, id::CONFIRM_REFERENCE, Some(&args)),
//!     "Your request's reference is \u{2068}SR-000042\u{2069}."
//! );
//! ```

use std::borrow::Cow;

use crate::locale::Locale;

mod catalog;
mod fetched;
mod pattern;

/// Message IDs as constants, generated from the en-US messages by build.rs:
/// a misspelt or removed ID is a compile error, not a blank label.
pub mod id {
    use super::MessageId;

    include!(concat!(env!("OUT_DIR"), "/message_ids.rs"));
}

/// The message that names `locale` in the language picker.
pub fn language_name(locale: Locale) -> MessageId {
    match locale {
        Locale::EnUs => id::LANGUAGE_EN_US,
        Locale::ZhCn => id::LANGUAGE_ZH_CN,
        Locale::ZhTw => id::LANGUAGE_ZH_TW,
        Locale::EsEs => id::LANGUAGE_ES_ES,
    }
}

/// A message, by its number: its ID's index among every locale's message
/// IDs, sorted (build.rs). The WebAssembly carries the numbers only; the IDs'
/// text is for native code and tests (`named`, `name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageId(u16);

impl MessageId {
    /// The message with that Fluent ID, if any locale defines it.
    pub fn named(name: &str) -> Option<MessageId> {
        let index = catalog::IDS.binary_search(&name).ok()?;
        Some(MessageId(u16::try_from(index).ok()?))
    }

    /// The message's Fluent ID.
    pub fn name(self) -> &'static str {
        catalog::IDS[self.index()]
    }

    fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A value for a message's variable. Text is placed as it is, between bidi
/// isolation marks, so right-to-left or bidi-override characters in user
/// input or backend text cannot reorder the sentence around it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    /// A whole number, written as Fluent writes it (`1234`, `-5`) and
    /// selecting plural variants.
    Number(i64),
    /// Nothing (from `None`): written as nothing, selects the default variant.
    None,
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::Text(text.into())
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Self {
        Value::Text(text.into())
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::Text(text.into())
    }
}

impl<'a> From<Cow<'a, str>> for Value<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Value::Text(text)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::None, Into::into)
    }
}

macro_rules! from_integer {
    ($($t:ty)*) => {$(
        impl From<$t> for Value<'_> {
            /// Beyond ±2^63 the number saturates: no count or code the
            /// widget shows comes near.
            fn from(n: $t) -> Self {
                let saturated = if n > 0 { i64::MAX } else { i64::MIN };
                Value::Number(i64::try_from(n).unwrap_or(saturated))
            }
        }
        impl From<&$t> for Value<'_> {
            fn from(n: &$t) -> Self {
                Value::from(*n)
            }
        }
    )*};
}

from_integer!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// A message's arguments, by variable name.
#[derive(Clone, Debug, Default)]
pub struct Args<'a>(Vec<(&'a str, Value<'a>)>);

impl<'a> Args<'a> {
    /// Sets a variable; setting it again replaces the value.
    pub fn set(&mut self, name: &'a str, value: impl Into<Value<'a>>) {
        let value = value.into();
        match self.0.iter_mut().find(|(set, _)| *set == name) {
            Some((_, old)) => *old = value,
            None => self.0.push((name, value)),
        }
    }

    fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.0
            .iter()
            .find(|(set, _)| *set == name)
            .map(|(_, value)| value)
    }
}

/// Builds arguments from name and value pairs.
pub fn args<'a, const N: usize>(pairs: [(&'a str, Value<'a>); N]) -> Args<'a> {
    let mut args = Args::default();
    for (name, value) in pairs {
        args.set(name, value);
    }
    args
}

/// Formats a message with arguments. A message missing from a translation
/// falls back to en-US, which has every message an `id` constant names.
pub fn format(locale: Locale, id: MessageId, args: Option<&Args>) -> String {
    catalog::CATALOG.format(locale, id, args)
}

/// A message split where the variable `name` is placed: the text before it
/// and after it, without the isolation marks around it. The view puts the
/// value in an element of its own (`<bdi>`, which isolates it as the marks
/// would), so that selecting and copying it copies the value alone. When a
/// locale's message does not place the variable, all of it comes before.
pub fn format_around<'a>(
    locale: Locale,
    id: MessageId,
    mut args: Args<'a>,
    name: &'a str,
) -> (String, String) {
    // A private-use character, which no message and no value holds.
    args.set(name, "\u{E000}");
    let text = format(locale, id, Some(&args));
    match text.split_once("\u{2068}\u{E000}\u{2069}") {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (text, String::new()),
    }
}

/// A message without arguments.
pub fn message(locale: Locale, id: MessageId) -> String {
    format(locale, id, None)
}

/// The few words every build carries in every locale, for a locale whose
/// messages cannot be had (build.rs's `STANDBY`, in this order).
#[derive(Clone, Copy)]
pub enum Standby {
    /// `messages-unavailable`, with its `language`.
    Unavailable,
    Retry,
}

/// `which` of the standby words, in `locale` itself (the default locale's
/// from its catalog, which every build carries whole).
pub fn standby(locale: Locale, which: Standby, args: &Args) -> String {
    let standby = catalog::STANDBY
        .iter()
        .find(|(tag, _)| *tag == locale.as_str());
    match standby {
        Some((_, parts)) => pattern::written(parts[which as usize], Some(args), locale),
        None => {
            let id = match which {
                Standby::Unavailable => id::MESSAGES_UNAVAILABLE,
                Standby::Retry => id::LOAD_RETRY,
            };
            format(locale, id, Some(args))
        }
    }
}

/// Whether the locale's messages are here: always for en-US; for the
/// others, in the browser, once they are fetched (`add_fetched`).
pub fn has(locale: Locale) -> bool {
    catalog::CATALOG.has(locale)
}

/// Keeps the messages fetched for a locale, given as the JSON that
/// `support-messages` writes; refused whole when it is not that JSON.
pub fn add_fetched(locale: Locale, json: &str) -> Result<(), String> {
    fetched::add(locale, json, catalog::CATALOG.len())
}

/// What the user typed as a message repeats it ("No customer matches
/// “…”"): its first `ECHO_MAX` characters and an ellipsis, so that a pasted
/// page of text does not fill the screen.
pub fn echoed(typed: &str) -> String {
    const ECHO_MAX: usize = 40;
    let typed = typed.trim();
    match typed.char_indices().nth(ECHO_MAX) {
        Some((end, _)) => format!("{}…", typed[..end].trim_end()),
        None => typed.to_owned(),
    }
}

/// A note said after other words, such as self-help-new-tab's "(opens in
/// a new tab)": after a space, unless it begins with full-width
/// punctuation (（, 「), before which Chinese sets no space.
pub fn after_words(note: &str) -> String {
    let full_width =
        note.starts_with(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'));
    match full_width {
        true => note.to_owned(),
        false => format!(" {note}"),
    }
}

#[cfg(test)]
mod tests;
