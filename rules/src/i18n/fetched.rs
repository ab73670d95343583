//! The messages of a locale the widget fetched when it was asked for: in the
//! browser, every locale but en-US comes as JSON from the file that
//! `support-messages` wrote beside the widget (see `Catalog` for where they
//! are looked up).
//!
//! A fetched locale is read once per page and kept for the page's life, so
//! its text is leaked into `'static` parts like the compiled ones: at most
//! three locales of a few kilobytes each.

use std::cell::RefCell;

use serde::Deserialize;

use super::pattern::{Key, Part};
use crate::{json, locale::Locale};

/// A `Piece` as `support-messages` serializes it (serde's externally tagged
/// enums: `{"Text":"…"}`, `{"Select":{"var":…}}`).
#[derive(Deserialize)]
enum PartData {
    Text(String),
    Var(String),
    Select {
        var: String,
        variants: Vec<(KeyData, Vec<PartData>)>,
        default: usize,
    },
}

#[derive(Deserialize)]
enum KeyData {
    Name(String),
    Number(i64),
}

type Table = &'static [&'static [Part]];

thread_local! {
    static FETCHED: RefCell<[Option<Table>; Locale::ALL.len()]> = const { RefCell::new([None; Locale::ALL.len()]) };
}

/// The fetched messages of a locale, if they came.
pub fn table(locale: Locale) -> Option<Table> {
    FETCHED.with(|fetched| fetched.borrow()[index(locale)])
}

/// Keeps a locale's messages, given as the JSON `support-messages` writes
/// for a catalog of `len` messages. The first copy kept wins.
pub fn add(locale: Locale, json: &str, len: usize) -> Result<(), String> {
    if table(locale).is_some() {
        return Ok(());
    }
    let table = decode(json, len)?;
    FETCHED.with(|fetched| fetched.borrow_mut()[index(locale)] = Some(table));
    Ok(())
}

/// Reads the JSON, a message's parts at its `MessageId`'s index (no parts
/// where the locale lacks the message), into a table. A file of another
/// length was written for another build's messages, and is refused.
pub fn decode(json: &str, len: usize) -> Result<Table, String> {
    let messages: Vec<Vec<PartData>> = json::from_str(json).map_err(|error| error.to_string())?;
    if messages.len() != len {
        return Err(format!(
            "{} messages where the widget has {len}",
            messages.len()
        ));
    }
    Ok(Vec::leak(messages.into_iter().map(leak_parts).collect()))
}

fn leak_parts(parts: Vec<PartData>) -> &'static [Part] {
    let parts = parts.into_iter().map(|part| match part {
        PartData::Text(text) => Part::Text(String::leak(text)),
        PartData::Var(name) => Part::Var(String::leak(name)),
        PartData::Select {
            var,
            variants,
            default,
        } => {
            let variants = variants.into_iter().map(|(key, parts)| {
                let key = match key {
                    KeyData::Name(name) => Key::Name(String::leak(name)),
                    KeyData::Number(n) => Key::Number(n),
                };
                (key, leak_parts(parts))
            });
            Part::Select {
                var: String::leak(var),
                variants: Vec::leak(variants.collect()),
                default,
            }
        }
    });
    Vec::leak(parts.collect())
}

fn index(locale: Locale) -> usize {
    Locale::ALL
        .iter()
        .position(|l| *l == locale)
        .expect("every locale is in Locale::ALL")
}
