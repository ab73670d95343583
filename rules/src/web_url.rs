//! URLs as the WHATWG URL Standard reads them, parsed, resolved and printed
//! by the platform (`platform.rs`): in the browser its own `URL`, so that no
//! URL parser (the url crate, with idna, percent-encoding and
//! form_urlencoded) is compiled into the WebAssembly; natively (tests,
//! tools), the url crate.
//!
//! The two encodings the widget writes itself, one path segment and
//! form-urlencoded query pairs, are done here in Rust, alike on both, by the
//! url crate's own percent-encoding and form_urlencoded (which the widget's
//! Leptos depends on already): the browser's `pathname` setter would leave
//! `/` and `?` as they are, and its `URLSearchParams` would rewrite a query
//! it did not write.
//!
//! Where the two differ, the browser counts, as it runs the widget: it takes
//! Unicode host names (as `xn--` labels), which the url crate here refuses
//! (see `idna_adapter` in Cargo.toml); Chromium also takes a few host names
//! the standard refuses (`http://a b/` becomes `http://a%20b/`, an unknown
//! host like any other), and encodes `^` and `|` in paths.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::platform::{self, Url};

/// An absolute URL.
pub struct WebUrl(Box<dyn Url>);

impl WebUrl {
    /// `text` as an absolute URL, or `None` when it is not one.
    pub fn parse(text: &str) -> Option<WebUrl> {
        platform::installed().parse_url(text, None).map(WebUrl)
    }

    /// `relative` resolved against the absolute URL `base`.
    pub fn join(base: &str, relative: &str) -> Option<WebUrl> {
        platform::installed()
            .parse_url(relative, Some(base))
            .map(WebUrl)
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
            path.extend(utf8_percent_encode(segment, SEGMENT_ENCODED));
        }
        self.0.set_path(&path);
    }

    /// Appends `pairs` to the query, form-urlencoded (as `URLSearchParams`
    /// and the url crate's `query_pairs_mut` write them).
    pub fn append_query_pairs(&mut self, pairs: &[(&str, &str)]) {
        let mut query = form_urlencoded::Serializer::for_suffix(self.0.query(), 0);
        query.extend_pairs(pairs);
        self.0.set_query(&query.finish());
    }

    /// The whole URL, serialized.
    pub fn href(&self) -> String {
        self.0.href()
    }
}

/// What a pushed segment encodes besides controls and what is not ASCII:
/// the space, what would end the segment or the path, `%`, and what a path
/// never holds as it is. The url crate's set for a segment of an http(s)
/// path, and `^` and `|`, which Chromium would encode.
const SEGMENT_ENCODED: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'/')
    .add(b'\\')
    .add(b'?')
    .add(b'#')
    .add(b'%')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'^')
    .add(b'|');

// The url crate, to compare with, is there natively only. In the browser,
// the widget's src/platform/url/tests.rs runs the rules' URLs on the
// browser's own.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
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

    /// A segment stays one segment whatever it holds, and a query pair's
    /// words come back as they were typed.
    #[test]
    fn segments_and_query_pairs_are_encoded() {
        assert_eq!(
            segment_pushed("https://a.example/r/", "a/b c?d#e%^|\u{7f}é"),
            "https://a.example/r/a%2Fb%20c%3Fd%23e%25%5E%7C%7F%C3%A9"
        );
        assert_eq!(
            segment_pushed("https://a.example/r", ".."),
            "https://a.example/r"
        );
        assert_eq!(
            pairs_appended(
                "https://a.example/s?a=1",
                &[("q", " 北京 & co*"), ("n", "")]
            ),
            "https://a.example/s?a=1&q=+%E5%8C%97%E4%BA%AC+%26+co*&n="
        );
        assert_eq!(
            pairs_appended("https://a.example/s", &[("q", "a+b=c")]),
            "https://a.example/s?q=a%2Bb%3Dc"
        );
    }

    /// The encodings written here are the url crate's, byte for byte, but
    /// for two in a segment: `^` and `|` are encoded too (`SEGMENT_ENCODED`), and
    /// tabs and line breaks are encoded where the url crate drops them (as a
    /// URL parser drops them from any URL).
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
