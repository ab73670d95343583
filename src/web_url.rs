//! URLs as the WHATWG URL Standard reads them. In the browser, the browser's
//! own `URL` parses, resolves and prints them, so that no URL parser (the url
//! crate, with idna, percent-encoding and form_urlencoded) is compiled into
//! the WebAssembly; natively (tests, tools), the url crate does the same.
//!
//! The two encodings the widget writes itself, one path segment and
//! form-urlencoded query pairs, are done here in Rust, alike on both: the
//! browser's `pathname` setter would leave `/` and `?` as they are, and its
//! `URLSearchParams` would rewrite a query it did not write.
//!
//! Where the two differ, the browser counts, as it runs the widget: it takes
//! Unicode host names (as `xn--` labels), which the url crate here refuses
//! (see `idna_adapter` in Cargo.toml); Chromium also takes a few host names
//! the standard refuses (`http://a b/` becomes `http://a%20b/`, an unknown
//! host like any other), and encodes `^` and `|` in paths.

use std::fmt::Write;

/// An absolute URL.
pub struct WebUrl(imp::Url);

impl WebUrl {
    /// `text` as an absolute URL, or `None` when it is not one.
    pub fn parse(text: &str) -> Option<WebUrl> {
        imp::Url::parse(text).map(WebUrl)
    }

    /// `relative` resolved against the absolute URL `base`.
    pub fn join(base: &str, relative: &str) -> Option<WebUrl> {
        imp::Url::join(base, relative).map(WebUrl)
    }

    /// The scheme, lowercase and without its colon (`"https"`).
    pub fn scheme(&self) -> String {
        self.0.scheme()
    }

    /// The host name or address; empty when there is none.
    pub fn host(&self) -> String {
        self.0.host()
    }

    /// Whether it carries a user name or a password.
    pub fn has_credentials(&self) -> bool {
        self.0.has_credentials()
    }

    /// The path, percent-encoded, from its first `/`.
    pub fn path(&self) -> String {
        self.0.path()
    }

    pub fn set_path(&mut self, path: &str) {
        self.0.set_path(path);
    }

    /// Takes the query and the fragment off.
    pub fn clear_query_and_fragment(&mut self) {
        self.0.set_query("");
        self.0.clear_fragment();
    }

    /// Appends `segment` to the path, in place of its last segment when that
    /// is empty (a trailing `/`), percent-encoded so that it stays one
    /// segment whatever it holds. `.` and `..`, which no URL keeps as a
    /// segment, are left out (as the url crate's `path_segments_mut` does).
    pub fn push_path_segment(&mut self, segment: &str) {
        let mut path = self.0.path();
        if path.len() > 1 && path.ends_with('/') {
            path.pop();
        }
        if !matches!(segment, "." | "..") {
            if !path.ends_with('/') {
                path.push('/');
            }
            for &byte in segment.as_bytes() {
                let keep = byte.is_ascii_graphic() && !SEGMENT_ENCODED.contains(&byte);
                push_byte(&mut path, byte, keep);
            }
        }
        self.0.set_path(&path);
    }

    /// Appends `pairs` to the query, form-urlencoded (as `URLSearchParams`
    /// and the url crate's `query_pairs_mut` write them).
    pub fn append_query_pairs(&mut self, pairs: &[(&str, &str)]) {
        let mut query = self.0.query();
        for (name, value) in pairs {
            if !query.is_empty() {
                query.push('&');
            }
            push_form_urlencoded(&mut query, name);
            query.push('=');
            push_form_urlencoded(&mut query, value);
        }
        self.0.set_query(&query);
    }

    /// The whole URL, serialized.
    pub fn href(&self) -> String {
        self.0.href()
    }
}

/// The printable ASCII characters a pushed segment encodes: what would end
/// the segment or the path, `%`, and what a path never holds as it is. The
/// url crate's set for a segment of an http(s) path, and `^` and `|`, which
/// Chromium would encode.
const SEGMENT_ENCODED: &[u8] = b"/\\?#%\"<>`{}^|";

fn push_form_urlencoded(out: &mut String, text: &str) {
    for &byte in text.as_bytes() {
        if byte == b' ' {
            out.push('+');
        } else {
            let keep = byte.is_ascii_alphanumeric() || matches!(byte, b'*' | b'-' | b'.' | b'_');
            push_byte(out, byte, keep);
        }
    }
}

/// `byte` as it is when `keep` (an ASCII character then), else as `%XX`.
fn push_byte(out: &mut String, byte: u8, keep: bool) {
    if keep {
        out.push(char::from(byte));
    } else {
        _ = write!(out, "%{byte:02X}");
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
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
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub struct Url(url::Url);

    impl Url {
        pub fn parse(text: &str) -> Option<Url> {
            url::Url::parse(text).ok().map(Url)
        }

        pub fn join(base: &str, relative: &str) -> Option<Url> {
            url::Url::parse(base).ok()?.join(relative).ok().map(Url)
        }

        pub fn scheme(&self) -> String {
            self.0.scheme().to_owned()
        }

        pub fn host(&self) -> String {
            self.0.host_str().unwrap_or_default().to_owned()
        }

        pub fn has_credentials(&self) -> bool {
            !self.0.username().is_empty() || self.0.password().is_some_and(|p| !p.is_empty())
        }

        pub fn path(&self) -> String {
            self.0.path().to_owned()
        }

        pub fn set_path(&mut self, path: &str) {
            self.0.set_path(path);
        }

        pub fn query(&self) -> String {
            self.0.query().unwrap_or_default().to_owned()
        }

        pub fn set_query(&mut self, query: &str) {
            self.0
                .set_query(Some(query).filter(|query| !query.is_empty()));
        }

        pub fn clear_fragment(&mut self) {
            self.0.set_fragment(None);
        }

        pub fn href(&self) -> String {
            self.0.as_str().to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    // These run in the browser too (scripts/test-browser), where the URLs
    // are the browser's own.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// Every ASCII character, and some that are not.
    fn every_kind_of_character() -> String {
        (0u8..0x80)
            .map(char::from)
            .chain("é中😀\u{202e}".chars())
            .collect()
    }

    fn segment_pushed(base: &str, segment: &str) -> String {
        let mut url = WebUrl::parse(base).unwrap();
        url.push_path_segment(segment);
        url.href()
    }

    fn pairs_appended(base: &str, pairs: &[(&str, &str)]) -> String {
        let mut url = WebUrl::parse(base).unwrap();
        url.append_query_pairs(pairs);
        url.href()
    }

    #[test]
    fn urls_are_read_and_printed_in_their_standard_form() {
        let url =
            WebUrl::parse("HTTPS://User:Pw@Portal.Example.COM:443/a/./b/../c d?x=1#f").unwrap();
        assert_eq!(url.scheme(), "https");
        assert_eq!(url.host(), "portal.example.com");
        assert!(url.has_credentials());
        assert_eq!(url.path(), "/a/c%20d");
        assert_eq!(
            url.href(),
            "https://User:Pw@portal.example.com/a/c%20d?x=1#f"
        );
        let bare = WebUrl::parse("http://127.0.0.1:8787").unwrap();
        assert_eq!(bare.host(), "127.0.0.1");
        assert!(!bare.has_credentials());
        assert_eq!(bare.href(), "http://127.0.0.1:8787/");
        assert_eq!(WebUrl::parse("http://[::1]/").unwrap().host(), "[::1]");
        for text in [
            "",
            "/api",
            "portal.example.com",
            "https://",
            "http://a<b/",
            "http://[::1/",
        ] {
            assert!(WebUrl::parse(text).is_none(), "{text}");
        }
    }

    #[test]
    fn relative_paths_resolve_against_a_base() {
        let join = |base, relative| WebUrl::join(base, relative).map(|url| url.href());
        assert_eq!(
            join("https://a.example/api/", "support-requests").as_deref(),
            Some("https://a.example/api/support-requests")
        );
        assert_eq!(
            join("https://a.example/api", "support-requests").as_deref(),
            Some("https://a.example/support-requests")
        );
        assert_eq!(join("not a url", "x"), None);
    }

    #[test]
    fn the_query_and_fragment_come_off() {
        let mut url = WebUrl::parse("https://a.example/api?x=1#top").unwrap();
        url.set_path("/api/");
        url.clear_query_and_fragment();
        assert_eq!(url.href(), "https://a.example/api/");
    }

    #[test]
    fn a_pushed_segment_stays_one_segment() {
        assert_eq!(
            segment_pushed("https://a.example/r/", &every_kind_of_character()),
            "https://a.example/r/\
             %00%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F\
             %10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F\
             %20!%22%23$%25&'()*+,-.%2F0123456789:;%3C=%3E%3F\
             @ABCDEFGHIJKLMNOPQRSTUVWXYZ[%5C]%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%7F\
             %C3%A9%E4%B8%AD%F0%9F%98%80%E2%80%AE"
        );
        assert_eq!(
            segment_pushed("https://a.example/r/", "%2e%2E"),
            "https://a.example/r/%252e%252E"
        );
        assert_eq!(
            segment_pushed("https://a.example/r", "x"),
            "https://a.example/r/x"
        );
        assert_eq!(
            segment_pushed("https://a.example/", "x"),
            "https://a.example/x"
        );
        assert_eq!(
            segment_pushed("https://a.example/r/", ".."),
            "https://a.example/r"
        );
        assert_eq!(
            segment_pushed("https://a.example/r/", "."),
            "https://a.example/r"
        );
        assert_eq!(
            segment_pushed("https://a.example/r/", "..."),
            "https://a.example/r/..."
        );
    }

    #[test]
    fn pairs_are_form_urlencoded_onto_the_query() {
        let every = every_kind_of_character();
        assert_eq!(
            pairs_appended("https://a.example/s", &[("q", &every), ("k y", "v")]),
            "https://a.example/s?q=\
             %00%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F\
             %10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F\
             +%21%22%23%24%25%26%27%28%29*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F\
             %40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D%7E%7F\
             %C3%A9%E4%B8%AD%F0%9F%98%80%E2%80%AE\
             &k+y=v"
        );
        assert_eq!(
            pairs_appended("https://a.example/s?a=1#f", &[("b", "2")]),
            "https://a.example/s?a=1&b=2#f"
        );
        assert_eq!(
            pairs_appended("https://a.example/s", &[]),
            "https://a.example/s"
        );
    }

    /// The encodings written here are the url crate's, byte for byte, but
    /// for two in a segment: `^` and `|` are encoded too (see above), and
    /// tabs and line breaks are encoded where the url crate drops them (as a
    /// URL parser drops them from any URL).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_encodings_match_the_url_crate() {
        let every = every_kind_of_character();
        let samples = [
            every.as_str(),
            "../customers?query=a#b",
            "6f1c0c3e-8f5e-4c55-9a0f-0c6f8f1d2b11",
            " 北京 & co ",
            "%2e%2E",
            "...",
            "",
        ];
        for sample in samples {
            let sample_without_breaks = sample.replace(['\t', '\n', '\r'], "");
            let mut reference = url::Url::parse("https://a.example/r/").unwrap();
            reference
                .path_segments_mut()
                .unwrap()
                .pop_if_empty()
                .push(sample);
            assert_eq!(
                segment_pushed("https://a.example/r/", &sample_without_breaks),
                reference.as_str().replace('^', "%5E").replace('|', "%7C"),
                "{sample:?}"
            );

            let mut reference = url::Url::parse("https://a.example/s?a=1").unwrap();
            reference.query_pairs_mut().append_pair(sample, sample);
            assert_eq!(
                pairs_appended("https://a.example/s?a=1", &[(sample, sample)]),
                reference.as_str(),
                "{sample:?}"
            );
        }
    }
}
