//! What the rules need from where they run: JSON text read into and written
//! from a `serde_json::Value`, and URLs as the WHATWG URL Standard reads
//! them. The widget installs the browser's own (`JSON.parse`, `JSON.stringify`,
//! `URL`) with `install` as it mounts, so that the WebAssembly carries no
//! JSON parser and no URL parser; natively (tests, tools) serde_json and the
//! url crate serve, with nothing to install.

use std::sync::OnceLock;

use serde_json::Value;

#[cfg(not(target_arch = "wasm32"))]
mod native;

/// JSON and URLs, as the place the rules run in reads and writes them.
pub trait Platform: Sync {
    /// `text` read as JSON; the error says why it is not JSON.
    fn parse_json(&self, text: &str) -> Result<Value, String>;

    /// `value` as JSON text.
    fn write_json(&self, value: &Value) -> Result<String, String>;

    /// `text` as an absolute URL, resolved against the absolute URL `base`
    /// when there is one; `None` when it is not a URL.
    fn parse_url(&self, text: &str, base: Option<&str>) -> Option<Box<dyn Url>>;
}

/// A URL that `Platform::parse_url` read, by its parts.
pub trait Url {
    /// The scheme, lowercase and without its colon (`"https"`).
    fn scheme(&self) -> String;

    /// The host name or address; empty when there is none.
    fn host(&self) -> String;

    /// Whether it carries a user name or a password.
    fn has_credentials(&self) -> bool;

    /// The path, percent-encoded, from its first `/`.
    fn path(&self) -> String;

    fn set_path(&mut self, path: &str);

    /// The query without its `?`; empty when there is none.
    fn query(&self) -> String;

    /// An empty `query` takes the query off.
    fn set_query(&mut self, query: &str);

    fn clear_fragment(&mut self);

    /// The whole URL, serialized.
    fn href(&self) -> String;
}

static INSTALLED: OnceLock<&'static dyn Platform> = OnceLock::new();

/// Installs `platform` for the rules, for the program's life; the first one
/// stays.
pub fn install(platform: &'static dyn Platform) {
    _ = INSTALLED.set(platform);
}

/// The platform installed; natively serde_json and the url crate, when none
/// was.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn installed() -> &'static dyn Platform {
    *INSTALLED.get_or_init(|| &native::Native)
}

/// The platform installed: in the browser, the widget installs it before
/// anything reads JSON or a URL.
#[cfg(target_arch = "wasm32")]
pub(crate) fn installed() -> &'static dyn Platform {
    INSTALLED
        .get()
        .copied()
        .expect("the widget installs the rules' platform as it mounts")
}
