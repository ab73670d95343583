//! URLs by the browser's own `URL`, for `rules::web_url` in the browser.

pub struct Url(web_sys::Url);

impl Url {
    pub fn parse(text: &str) -> Option<Url> {
        web_sys::Url::new(text).ok().map(Url)
    }

    pub fn join(base: &str, relative: &str) -> Option<Url> {
        web_sys::Url::new_with_base(relative, base).ok().map(Url)
    }

    pub fn scheme(&self) -> String {
        let mut protocol = self.0.protocol();
        protocol.pop(); // ':'
        protocol
    }

    pub fn host(&self) -> String {
        self.0.hostname()
    }

    pub fn has_credentials(&self) -> bool {
        !self.0.username().is_empty() || !self.0.password().is_empty()
    }

    pub fn path(&self) -> String {
        self.0.pathname()
    }

    pub fn set_path(&mut self, path: &str) {
        self.0.set_pathname(path);
    }

    /// Without its `?`; empty when there is none.
    pub fn query(&self) -> String {
        let mut search = self.0.search();
        if !search.is_empty() {
            search.remove(0); // '?'
        }
        search
    }

    /// An empty `query` takes the query off.
    pub fn set_query(&mut self, query: &str) {
        self.0.set_search(query);
    }

    pub fn clear_fragment(&mut self) {
        self.0.set_hash("");
    }

    pub fn href(&self) -> String {
        self.0.href()
    }
}
