//! The widget's messages, from the Fluent files in `locales/`, compiled by
//! the same resolver for both of their destinations:
//!
//! - the rules' build.rs (`rules/build.rs`) turns them into Rust data
//!   (`rules/src/i18n/pattern.rs`): en-US always, and every locale in
//!   native builds and in builds with the `bundled-locales` feature;
//! - `support-messages OUT_DIR` (run by the release build) writes every
//!   locale as JSON: the widget fetches each but en-US when it is asked
//!   for, and the loader draws the launcher with their words.
//!
//! Both number the messages alike (`message_ids`): the widget names a
//! message by its index, and a fetched file lists the messages in that
//! order, so no ID is spelt out in the WebAssembly or in the files.
//!
//! ```
//! let catalog = support_messages::Catalog::compile("example.ftl", "hello = Hello, { $name }!").unwrap();
//! let ids = support_messages::message_ids(std::slice::from_ref(&catalog));
//! assert_eq!(
//!     support_messages::to_json(&catalog, &ids),
//!     "[[{\"Text\":\"Hello, \u{2068}\"},{\"Var\":\"name\"},{\"Text\":\"\u{2069}!\"}]]"
//! );
//! ```

#![forbid(unsafe_code)]

use std::{collections::BTreeSet, fs, path::Path};

mod compile;

pub use compile::{Catalog, Key, Piece};

/// The locale folders of `locales/`, in the order of the widget's
/// `Locale::ALL`. The first is the source language and the default, the one
/// the widget always carries.
pub const LOCALES: [&str; 4] = ["en-US", "zh-CN", "zh-TW", "es-ES"];

/// The Fluent files of each locale folder: the widget's, and the mail the
/// reference backend sends (which it compiles with [`Catalog::compile`]).
pub const FILES: [&str; 2] = ["widget.ftl", "mail.ftl"];

/// Reads and compiles `locales/{tag}/widget.ftl` under `root`.
pub fn compile_locale(root: &Path, tag: &str) -> Result<Catalog, String> {
    compile_locale_file(root, tag, "widget.ftl")
}

/// Reads and compiles `locales/{tag}/{file}` under `root`.
pub fn compile_locale_file(root: &Path, tag: &str, file: &str) -> Result<Catalog, String> {
    let path = root.join("locales").join(tag).join(file);
    let shown = format!("locales/{tag}/{file}");
    let source = fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
    Catalog::compile(&shown, &source)
}

/// `locales/{tag}/{file}` under `root` for each of [`LOCALES`], compiled,
/// in that order (en-US first).
pub fn compile_every_locale(root: &Path, file: &str) -> Result<Vec<Catalog>, String> {
    LOCALES
        .iter()
        .map(|tag| compile_locale_file(root, tag, file))
        .collect()
}

/// Every message ID that any of the locales defines, sorted: a message's
/// number in the widget is its index here.
pub fn message_ids(catalogs: &[Catalog]) -> Vec<&str> {
    let ids: BTreeSet<&str> = catalogs
        .iter()
        .flat_map(|catalog| catalog.messages.keys().map(String::as_str))
        .collect();
    ids.into_iter().collect()
}

/// A locale's messages as the widget fetches them: a JSON array with each
/// message's parts at its ID's index in `ids` (an empty array where the
/// locale lacks the message), each part as serde writes a `Piece`.
pub fn to_json(catalog: &Catalog, ids: &[&str]) -> String {
    let messages: Vec<&[Piece]> = ids
        .iter()
        .map(|id| catalog.messages.get(*id).map_or(&[][..], Vec::as_slice))
        .collect();
    serde_json::to_string(&messages).expect("messages serialize to JSON")
}
