//! URLs by the browser's own `URL`.

use support_rules::platform::Url;

pub struct BrowserUrl(web_sys::Url);

impl BrowserUrl {
    /// `text` as an absolute URL, resolved against `base` when there is one.
    pub fn parse(text: &str, base: Option<&str>) -> Option<BrowserUrl> {
        let url = match base {
            Some(base) => web_sys::Url::new_with_base(text, base),
            None => web_sys::Url::new(text),
        };
        url.ok().map(BrowserUrl)
    }
}

impl Url for BrowserUrl {
    fn scheme(&self) -> String {
        let mut protocol = self.0.protocol();
        protocol.pop(); // ':'
        protocol
    }

    fn host(&self) -> String {
        self.0.hostname()
    }

    fn has_credentials(&self) -> bool {
        !self.0.username().is_empty() || !self.0.password().is_empty()
    }

    fn path(&self) -> String {
        self.0.pathname()
    }

    fn set_path(&mut self, path: &str) {
        self.0.set_pathname(path);
    }

    fn query(&self) -> String {
        let mut search = self.0.search();
        if !search.is_empty() {
            search.remove(0); // '?'
        }
        search
    }

    fn set_query(&mut self, query: &str) {
        self.0.set_search(query);
    }

    fn clear_fragment(&mut self) {
        self.0.set_hash("");
    }

    fn href(&self) -> String {
        self.0.href()
    }
}

#[cfg(test)]
mod tests;
