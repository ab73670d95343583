//! The platform natively: serde_json's parser and writer, and the url crate
//! (with ASCII host names only, see `idna_adapter` in Cargo.toml).

use serde_json::Value;

use super::{Platform, Url};

pub struct Native;

impl Platform for Native {
    fn parse_json(&self, text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn write_json(&self, value: &Value) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }

    fn parse_url(&self, text: &str, base: Option<&str>) -> Option<Box<dyn Url>> {
        let url = match base {
            Some(base) => url::Url::parse(base).ok()?.join(text).ok()?,
            None => url::Url::parse(text).ok()?,
        };
        Some(Box::new(NativeUrl(url)))
    }
}

struct NativeUrl(url::Url);

impl Url for NativeUrl {
    fn scheme(&self) -> String {
        self.0.scheme().to_owned()
    }

    fn host(&self) -> String {
        self.0.host_str().unwrap_or_default().to_owned()
    }

    fn has_credentials(&self) -> bool {
        !self.0.username().is_empty() || self.0.password().is_some_and(|p| !p.is_empty())
    }

    fn path(&self) -> String {
        self.0.path().to_owned()
    }

    fn set_path(&mut self, path: &str) {
        self.0.set_path(path);
    }

    fn query(&self) -> String {
        self.0.query().unwrap_or_default().to_owned()
    }

    fn set_query(&mut self, query: &str) {
        self.0
            .set_query(Some(query).filter(|query| !query.is_empty()));
    }

    fn clear_fragment(&mut self) {
        self.0.set_fragment(None);
    }

    fn href(&self) -> String {
        self.0.as_str().to_owned()
    }
}
