//! The messages of every locale, by `MessageId`: the tables build.rs
//! generated (`IDS`, `CATALOG`, `STANDBY`), and the locales fetched since.

use super::pattern::{written, Key, Part};
use super::{fetched, Args, MessageId};
use crate::locale::Locale;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The messages of every locale, by `MessageId`.
pub struct Catalog {
    /// For each locale, a message's parts at its ID's index, or no parts
    /// where the locale lacks the message. A locale left out of the build
    /// has an empty table, and its messages are those fetched for it; en-US,
    /// the default, is always in the build, so its table holds every ID.
    pub en_us: &'static [&'static [Part]],
    pub zh_cn: &'static [&'static [Part]],
    pub zh_tw: &'static [&'static [Part]],
    pub es_es: &'static [&'static [Part]],
}

impl Catalog {
    /// How many messages there are: every message ID of any locale.
    pub fn len(&self) -> usize {
        self.en_us.len()
    }

    /// The locale's messages, compiled in or fetched.
    pub fn table(&self, locale: Locale) -> Option<&'static [&'static [Part]]> {
        let compiled = match locale {
            Locale::EnUs => self.en_us,
            Locale::ZhCn => self.zh_cn,
            Locale::ZhTw => self.zh_tw,
            Locale::EsEs => self.es_es,
        };
        if compiled.is_empty() {
            fetched::table(locale)
        } else {
            Some(compiled)
        }
    }

    /// Whether the locale's messages are here, compiled in or fetched.
    pub fn has(&self, locale: Locale) -> bool {
        self.table(locale).is_some()
    }

    /// The message's parts in that locale, if the locale has it.
    fn parts(&self, locale: Locale, id: MessageId) -> Option<&'static [Part]> {
        let table = self.table(locale)?;
        table
            .get(id.index())
            .copied()
            .filter(|parts| !parts.is_empty())
    }

    /// See `i18n::format`. A message missing everywhere (which no `id`
    /// constant names) is written as nothing.
    pub fn format(&self, locale: Locale, id: MessageId, args: Option<&Args>) -> String {
        let found = match self.parts(locale, id) {
            Some(parts) => Some((locale, parts)),
            None => self
                .parts(Locale::EnUs, id)
                .map(|parts| (Locale::EnUs, parts)),
        };
        let Some((locale, parts)) = found else {
            return String::new();
        };
        if let [Part::Text(text)] = parts {
            return (*text).to_owned();
        }
        written(parts, args, locale)
    }
}
