//! The widget's messages, from the Fluent files in `locales/`, compiled by
//! the same resolver for both of their destinations:
//!
//! - the widget's build.rs turns them into Rust data (`src/i18n/pattern.rs`):
//!   en-US always, and every locale in native builds and in builds with the
//!   `bundled-locales` feature;
//! - `support-messages OUT_DIR` (run by the release build) writes every
//!   locale as JSON: the widget fetches each but en-US when it is asked
//!   for, and the loader draws the launcher with their words.
//!
//! ```
//! let catalog = support_messages::Catalog::compile("example.ftl", "hello = Hello, { $name }!").unwrap();
//! assert_eq!(
//!     support_messages::to_json(&catalog),
//!     "[[\"hello\",[{\"Text\":\"Hello, \u{2068}\"},{\"Var\":\"name\"},{\"Text\":\"\u{2069}!\"}]]]"
//! );
//! ```

use std::{fs, path::Path};

mod compile;

pub use compile::{Catalog, Key, Piece};

/// The locale folders of `locales/`, in the order of the widget's
/// `Locale::ALL`. The first is the source language and the default, the one
/// the widget always carries.
pub const LOCALES: [&str; 4] = ["en-US", "zh-CN", "zh-TW", "es-ES"];

/// Reads and compiles `locales/{tag}/widget.ftl` under `root`.
pub fn compile_locale(root: &Path, tag: &str) -> Result<Catalog, String> {
    let path = root.join("locales").join(tag).join("widget.ftl");
    let shown = format!("locales/{tag}/widget.ftl");
    let source = fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
    Catalog::compile(&shown, &source)
}

/// A locale's messages as the widget fetches them: a JSON array of
/// `[id, parts]` pairs, sorted by ID, each part as serde writes a `Piece`.
pub fn to_json(catalog: &Catalog) -> String {
    let messages: Vec<_> = catalog.messages.iter().collect();
    serde_json::to_string(&messages).expect("messages serialize to JSON")
}
