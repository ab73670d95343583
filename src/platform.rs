//! What the browser lends the rules in place of a Rust crate whose code the
//! WebAssembly would otherwise carry: its `URL` (for `rules::web_url`).
//! Natively, the rules use the url crate instead, behind the same functions.

pub mod url;
