//! The headers a stored file is served with: always as a download, never
//! shown or run by the browser, under a name whose extension says what the
//! bytes are.

use axum::http::{header, HeaderMap, HeaderValue};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use support_contract::{download_name, FileKind};

/// The characters `filename*` may hold as they are (RFC 8187 `attr-char`);
/// every other byte of the UTF-8 name is percent-encoded.
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// `attachment; filename="…"; filename*=UTF-8''…`: the quoted name in ASCII
/// for old clients (other characters, quotes, backslashes and `%` as `_`),
/// and the exact name percent-encoded for the others, which prefer it.
pub fn content_disposition(name: &str) -> HeaderValue {
    let fallback: String = name
        .chars()
        .map(|c| match c {
            ' '..='~' if !matches!(c, '"' | '\\' | '%') => c,
            _ => '_',
        })
        .collect();
    let encoded = utf8_percent_encode(name, ATTR_CHAR);
    let value = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
    // Only printable ASCII went in.
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("attachment"))
}

/// The headers of a stored file: its sniffed type (text as UTF-8), its
/// length, a download under `name`, no sniffing, and a policy that lets the
/// file do nothing should a browser display it anyway.
pub fn headers(kind: FileKind, size: u64, name: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let content_type = match kind {
        FileKind::Text => HeaderValue::from_static("text/plain; charset=utf-8"),
        other => HeaderValue::from_static(other.content_type()),
    };
    headers.insert(header::CONTENT_TYPE, content_type);
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    headers.insert(
        header::CONTENT_DISPOSITION,
        content_disposition(&download_name(name, kind)),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    // Files may hold personal data: no shared cache keeps them.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_disposition_has_an_ascii_fallback_and_the_exact_utf8_name() {
        assert_eq!(
            content_disposition("screen 1.png"),
            "attachment; filename=\"screen 1.png\"; filename*=UTF-8''screen%201.png"
        );
        assert_eq!(
            content_disposition("屏幕截图.png"),
            "attachment; filename=\"____.png\"; filename*=UTF-8''%E5%B1%8F%E5%B9%95%E6%88%AA%E5%9B%BE.png"
        );
        assert_eq!(
            content_disposition("a\"b\\c%d;e.txt"),
            "attachment; filename=\"a_b_c_d;e.txt\"; filename*=UTF-8''a%22b%5Cc%25d%3Be.txt"
        );
    }

    #[test]
    fn text_is_served_as_utf8_and_nothing_is_rendered() {
        let headers = headers(FileKind::Text, 12, "app.log");
        assert_eq!(headers["content-type"], "text/plain; charset=utf-8");
        assert_eq!(headers["content-length"], "12");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(
            headers["content-security-policy"],
            "default-src 'none'; sandbox"
        );
        assert!(headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;"));
        assert_eq!(
            super::headers(FileKind::Png, 1, "a.png")["content-type"],
            "image/png"
        );
    }
}
