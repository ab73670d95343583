//! The rules' URLs (`support_rules::web_url`) on the browser's own `URL`: read and
//! printed in their standard form, and what the rules write into a URL
//! themselves (a path segment, query pairs) kept as they wrote it.

use wasm_bindgen_test::wasm_bindgen_test as test;

use support_rules::web_url::WebUrl;

/// `text` read as a URL by the browser's `URL`, installed for the rules.
fn parse(text: &str) -> Option<WebUrl> {
    super::super::install();
    WebUrl::parse(text)
}

/// `relative` resolved against `base` by the browser's `URL`.
fn join(base: &str, relative: &str) -> Option<WebUrl> {
    super::super::install();
    WebUrl::join(base, relative)
}

/// Every ASCII character, and some that are not.
fn every_kind_of_character() -> String {
    (0u8..0x80)
        .map(char::from)
        .chain("é中😀\u{202e}".chars())
        .collect()
}

fn segment_pushed(base: &str, segment: &str) -> String {
    let mut url = parse(base).unwrap();
    url.push_path_segment(segment);
    url.href()
}

fn pairs_appended(base: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = parse(base).unwrap();
    url.append_query_pairs(pairs);
    url.href()
}

#[test]
fn urls_are_read_and_printed_in_their_standard_form() {
    let url = parse("HTTPS://User:Pw@Portal.Example.COM:443/a/./b/../c d?x=1#f").unwrap();
    assert_eq!(url.scheme(), "https");
    assert_eq!(url.host(), "portal.example.com");
    assert!(url.has_credentials());
    assert_eq!(url.path(), "/a/c%20d");
    assert_eq!(
        url.href(),
        "https://User:Pw@portal.example.com/a/c%20d?x=1#f"
    );
    let bare = parse("http://127.0.0.1:8787").unwrap();
    assert_eq!(bare.host(), "127.0.0.1");
    assert!(!bare.has_credentials());
    assert_eq!(bare.href(), "http://127.0.0.1:8787/");
    assert_eq!(parse("http://[::1]/").unwrap().host(), "[::1]");
    for text in [
        "",
        "/api",
        "portal.example.com",
        "https://",
        "http://a<b/",
        "http://[::1/",
    ] {
        assert!(parse(text).is_none(), "{text}");
    }
}

#[test]
fn relative_paths_resolve_against_a_base() {
    let join = |base, relative| join(base, relative).map(|url| url.href());
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
    let mut url = parse("https://a.example/api?x=1#top").unwrap();
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
