//! What the browser lends the rules in place of Rust crates, whose code the
//! WebAssembly would otherwise carry: its `URL` (for `rules::web_url`) and
//! its `JSON.parse` and `JSON.stringify` (for `rules::json`). Natively, the
//! rules use the url crate and serde_json instead, behind the same functions.

pub mod json;
pub mod url;
