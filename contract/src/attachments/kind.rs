//! The kinds of file a request may carry, recognised by their first bytes
//! (magic numbers), never by their name alone.

use super::declared::essence;

/// How many leading bytes [`sniff`] looks at. Reading more changes nothing;
/// reading fewer is fine for a shorter file.
pub const SNIFF_LEN: usize = 1024;

/// A kind of file that may be attached: screenshots, documents, logs and
/// archives of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// UTF-8 text such as a log: no NUL bytes, hardly any control characters,
    /// and not markup (HTML, XML, SVG), which is not plain text.
    Text,
    Zip,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Gif,
        FileKind::Webp,
        FileKind::Pdf,
        FileKind::Text,
        FileKind::Zip,
    ];

    /// The media type this kind is stored and served as.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Pdf => "application/pdf",
            FileKind::Text => "text/plain",
            FileKind::Zip => "application/zip",
        }
    }

    /// The kind a stored `content_type` names.
    pub fn from_content_type(content_type: &str) -> Option<FileKind> {
        let essence = essence(content_type);
        FileKind::ALL
            .into_iter()
            .find(|kind| kind.content_type() == essence)
    }

    /// The file name extensions of this kind, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            FileKind::Gif => &["gif"],
            FileKind::Webp => &["webp"],
            FileKind::Pdf => &["pdf"],
            FileKind::Text => &[
                "txt", "log", "text", "out", "err", "trace", "csv", "tsv", "json", "jsonl",
                "ndjson", "md", "ini", "cfg", "conf", "yaml", "yml",
            ],
            FileKind::Zip => &["zip"],
        }
    }
}

/// The kind of file these leading bytes start, if it is an allowed one.
/// Give it the first [`SNIFF_LEN`] bytes (or the whole file, if shorter);
/// a multi-byte character cut at the end of them does not count against
/// text.
///
/// ```
/// use support_contract::{sniff, FileKind};
///
/// assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileKind::Png));
/// assert_eq!(sniff("2026-11-22 09:30:00 登录失败\n".as_bytes()), Some(FileKind::Text));
/// assert_eq!(sniff(b"<!DOCTYPE html><script>alert(1)</script>"), None);
/// assert_eq!(sniff(b"MZ\x90\0\x03\0"), None);
/// ```
pub fn sniff(first_bytes: &[u8]) -> Option<FileKind> {
    let bytes = &first_bytes[..first_bytes.len().min(SNIFF_LEN)];
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if starts(b"\xff\xd8\xff") {
        Some(FileKind::Jpeg)
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some(FileKind::Gif)
    } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(FileKind::Webp)
    } else if starts(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        // A local file header, or the end record that is all an empty archive holds.
        Some(FileKind::Zip)
    } else if is_plain_text(bytes) {
        Some(FileKind::Text)
    } else {
        None
    }
}

/// UTF-8 without NUL bytes, with at most one control character in a
/// hundred besides tab, line breaks, form feed and escape (logs colour
/// their lines with escape sequences), and not starting as markup.
fn is_plain_text(bytes: &[u8]) -> bool {
    if bytes.is_empty() || bytes.contains(&0) {
        return false;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Only a character cut short by the end of the sample is forgiven.
        Err(error) if error.error_len().is_none() => {
            match std::str::from_utf8(&bytes[..error.valid_up_to()]) {
                Ok(text) => text,
                Err(_) => return false,
            }
        }
        Err(_) => return false,
    };
    if text.is_empty() {
        return false;
    }
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x1b') {
            controls += 1;
        }
    }
    controls * 100 <= chars && !starts_as_markup(text)
}

/// Whether text opens as an HTML, XML or SVG document would, by the tags
/// that browsers' own sniffing takes for HTML, and any document type
/// declaration (`<!DOCTYPE svg …>`, `<!DOCTYPE  html>`). Such a file is a
/// page, not a log, even when named `.txt`.
fn starts_as_markup(text: &str) -> bool {
    const TAGS: [&str; 19] = [
        "!doctype", "html", "head", "script", "iframe", "h1", "div", "font", "table", "a", "style",
        "title", "b", "body", "br", "p", "svg", "math", "object",
    ];
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r', '\x0c']);
    let Some(rest) = start.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with("!--") || rest.starts_with("?xml") {
        return true;
    }
    // ASCII case only, as browsers read tag names.
    let head: String = rest
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    TAGS.iter().any(|tag| {
        head.strip_prefix(tag).is_some_and(|after| {
            after.is_empty() || after.starts_with([' ', '>', '/', '\t', '\n', '\r', '\x0c'])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of a real file of each kind, as its format defines it.
    const SAMPLES: [(&[u8], FileKind); 12] = [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", FileKind::Png),
        (b"\xff\xd8\xff\xe0\0\x10JFIF\0", FileKind::Jpeg),
        (b"\xff\xd8\xff\xe1\x2a\x16Exif\0\0", FileKind::Jpeg),
        (b"\xff\xd8\xff\xdb\0\x43\0", FileKind::Jpeg),
        (b"GIF87a\x01\0\x01\0", FileKind::Gif),
        (b"GIF89a\x01\0\x01\0\x80\0\0", FileKind::Gif),
        (b"RIFF\x1a\0\0\0WEBPVP8 \x0e\0\0\0", FileKind::Webp),
        (b"RIFF\x24\0\0\0WEBPVP8L", FileKind::Webp),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", FileKind::Pdf),
        (b"PK\x03\x04\x14\0\0\0\x08\0", FileKind::Zip),
        (b"PK\x05\x06\0\0\0\0\0\0\0\0", FileKind::Zip),
        (b"2026-11-22T09:30:00Z INFO started\n", FileKind::Text),
    ];

    #[test]
    fn every_magic_number_is_recognised() {
        for (bytes, kind) in SAMPLES {
            assert_eq!(sniff(bytes), Some(kind), "{bytes:?}");
        }
    }

    #[test]
    fn other_binaries_are_not_allowed() {
        for bytes in [
            &b"MZ\x90\0\x03\0\0\0"[..],          // Windows executable
            b"\x7fELF\x02\x01\x01\0",            // Linux executable
            b"RIFF\x24\0\0\0WAVEfmt ",           // RIFF, but sound
            b"RIFF\x24\0\0",                     // RIFF cut short
            b"\x1f\x8b\x08\0\0\0\0\0",           // gzip
            b"7z\xbc\xaf\x27\x1c\0\x04",         // 7-Zip
            b"Rar!\x1a\x07\x01\0",               // RAR
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", // old Office document
            b"\0\0\0\x18ftypheic",               // HEIC photo
            b"PK\x07\x08",                       // a spanned-archive marker alone
            b"\x89PN",                           // a PNG signature cut short
            b"\xff\xd8",                         // a JPEG signature cut short
            b"\xff\xfeH\0i\0",                   // UTF-16 text
        ] {
            assert_eq!(sniff(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn text_is_utf8_with_the_characters_logs_use() {
        for text in [
            "plain ASCII",
            "登录失败：用户名或密码错误\r\n第二行\r\n",
            "\u{feff}with a byte order mark\n",
            "\u{1b}[31mERROR\u{1b}[0m coloured\tand tabbed\x0cpage\n",
            "Núñez — España 😀",
            "<134>Nov 22 09:30:00 host syslog line",
            "<INFO> started",
            "a < b and c > d",
            "{\"level\":\"error\",\"msg\":\"<b>bold</b>\"}",
        ] {
            assert_eq!(sniff(text.as_bytes()), Some(FileKind::Text), "{text:?}");
        }
    }

    #[test]
    fn a_character_cut_by_the_sample_is_forgiven_but_broken_utf8_is_not() {
        let log = "日志".repeat(400);
        assert!(
            log.len() > SNIFF_LEN && SNIFF_LEN % 3 != 0,
            "the sample ends mid-character"
        );
        assert_eq!(sniff(log.as_bytes()), Some(FileKind::Text));
        assert_eq!(
            sniff(&"日".as_bytes()[..2]),
            None,
            "nothing but a cut character"
        );
        assert_eq!(sniff(&"ab日".as_bytes()[..4]), Some(FileKind::Text));
        assert_eq!(sniff(b"caf\xe9 au lait"), None, "Latin-1 is not UTF-8");
        assert_eq!(sniff(b"ok\xff\xfe then more"), None);
    }

    #[test]
    fn nul_bytes_and_many_control_characters_make_binary() {
        assert_eq!(sniff(b"text\0with a NUL"), None);
        let one_in_a_hundred = format!("{}\u{7}", "x".repeat(99));
        assert_eq!(sniff(one_in_a_hundred.as_bytes()), Some(FileKind::Text));
        let two_in_a_hundred = format!("{}\u{7}\u{7}", "x".repeat(98));
        assert_eq!(sniff(two_in_a_hundred.as_bytes()), None);
        assert_eq!(sniff(b"\x01\x02\x03\x04"), None);
    }

    #[test]
    fn only_the_first_sniff_len_bytes_count() {
        let mut bytes = "x".repeat(SNIFF_LEN).into_bytes();
        bytes.extend_from_slice(b"\0\0\0");
        assert_eq!(sniff(&bytes), Some(FileKind::Text));
    }

    #[test]
    fn markup_is_not_plain_text() {
        for page in [
            "<!DOCTYPE html><title>x</title>",
            "<!doctype HTML>",
            "<!DOCTYPE  html>",
            "<!DOCTYPE\x0chtml>",
            "<svg\x0conload=alert(1)>",
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"><svg onload=alert(1)>",
            "<html><body onload=alert(1)>",
            "\u{feff}  \r\n\t<HTML lang=\"en\">",
            "<script>alert(1)</script>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "<?xml version=\"1.0\"?><svg/>",
            "<!-- a comment first --><html>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=//evil>",
            "<p>",
            "<br/>",
            "<b>",
        ] {
            assert_eq!(sniff(page.as_bytes()), None, "{page:?}");
        }
        assert_eq!(sniff(b"<bold claims>"), Some(FileKind::Text));
        assert_eq!(sniff(b"<abc>"), Some(FileKind::Text));
    }
}
