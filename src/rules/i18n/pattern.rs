//! Messages as build.rs leaves them: text (with the bidi isolation marks
//! already in place), variables, and selections on a variable.

use std::fmt::Write;

use super::{fetched, Args, MessageId, Value};
use crate::rules::locale::Locale;

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

/// A piece of a message.
#[allow(dead_code, reason = "the Fluent files need not use every kind")]
pub enum Part {
    Text(&'static str),
    /// A variable's value; `{$name}` when it is not given, as in Fluent.
    Var(&'static str),
    /// The first variant whose key matches the variable, else the default.
    Select {
        var: &'static str,
        variants: &'static [(Key, &'static [Part])],
        default: usize,
    },
}

/// A variant's key: a plural category or a string (`[one]`, `[admin]`), or
/// an exact number (`[0]`).
#[allow(dead_code, reason = "the Fluent files need not use every kind")]
pub enum Key {
    Name(&'static str),
    Number(i64),
}

impl Key {
    /// Fluent's rule: a name matches a string equal to it, or a number of
    /// that plural category; a number matches the same number.
    fn matches(&self, value: Option<&Value>, locale: Locale) -> bool {
        match (self, value) {
            (Key::Name(name), Some(Value::Text(text))) => name == text,
            (Key::Name(name), Some(Value::Number(n))) => plural_category(locale, *n) == *name,
            (Key::Number(key), Some(Value::Number(n))) => key == n,
            _ => false,
        }
    }
}

/// `parts` written in `locale` with `args`.
pub fn written(parts: &[Part], args: Option<&Args>, locale: Locale) -> String {
    let mut out = String::new();
    write(&mut out, parts, args, locale);
    out
}

fn write(out: &mut String, parts: &[Part], args: Option<&Args>, locale: Locale) {
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Var(name) => match args.and_then(|args| args.get(name)) {
                Some(Value::Text(text)) => out.push_str(text),
                Some(Value::Number(n)) => write_number(out, *n, locale),
                Some(Value::None) => {}
                None => _ = write!(out, "{{${name}}}"),
            },
            Part::Select {
                var,
                variants,
                default,
            } => {
                let value = args.and_then(|args| args.get(var));
                let chosen = variants
                    .iter()
                    .find(|(key, _)| key.matches(value, locale))
                    .or_else(|| variants.get(*default));
                if let Some((_, parts)) = chosen {
                    write(out, parts, args, locale);
                }
            }
        }
    }
}

/// A whole number as CLDR writes it in the locale: its digits grouped in
/// threes (`10,000`, and `10.000` in Spanish, which leaves a number of four
/// digits ungrouped: `1000`). Fluent formats numbers with the platform's
/// `Intl.NumberFormat`, which does the same.
fn write_number(out: &mut String, n: i64, locale: Locale) {
    let (separator, shortest_grouped) = match locale {
        Locale::EsEs => ('.', 5),
        _ => (',', 4),
    };
    _ = write!(out, "{n}");
    let digits_from = out.len() - n.unsigned_abs().checked_ilog10().unwrap_or(0) as usize - 1;
    if out.len() - digits_from >= shortest_grouped {
        let mut at = out.len() - 3;
        while at > digits_from {
            out.insert(at, separator);
            at = at.saturating_sub(3);
        }
    }
}

/// The CLDR cardinal plural category of a whole number: en and es have
/// `one` for 1, es also `many` for whole millions (CLDR 42 and later), and
/// Chinese has only `other`. A message without a variant for the category
/// shows its default variant.
pub fn plural_category(locale: Locale, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match locale {
        Locale::EnUs if n == 1 => "one",
        Locale::EsEs if n == 1 => "one",
        Locale::EsEs if n != 0 && n % 1_000_000 == 0 => "many",
        _ => "other",
    }
}
