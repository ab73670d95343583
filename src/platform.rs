//! What the browser gives the rules in place of Rust crates, whose code the
//! WebAssembly would otherwise carry: its `JSON.parse` and `JSON.stringify`
//! (`json`) and its `URL` (`url`), as the rules' `Platform`.

use support_rules::platform::{self, Platform, Url};

mod json;
mod url;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The browser, as the rules' platform.
struct Browser;

impl Platform for Browser {
    fn parse_json(&self, text: &str) -> Result<serde_json::Value, String> {
        json::parse(text)
    }

    fn write_json(&self, value: &serde_json::Value) -> Result<String, String> {
        json::write(value)
    }

    fn parse_url(&self, text: &str, base: Option<&str>) -> Option<Box<dyn Url>> {
        let url = url::BrowserUrl::parse(text, base)?;
        Some(Box::new(url))
    }
}

/// Installs the browser's JSON and URL for the rules; before anything reads JSON
/// or a URL, once or more.
pub fn install() {
    platform::install(&Browser);
}
