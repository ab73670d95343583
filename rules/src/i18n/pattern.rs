//! A message as build.rs leaves it: text (with the bidi isolation marks
//! already in place), variables, and selections on a variable; and how it
//! is written with its arguments.

use std::fmt::Write;

use super::{Args, Value};
use crate::locale::Locale;

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
