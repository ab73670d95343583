//! Whether what a file claims to be (the type the browser declares, the
//! extension of its name) agrees with what its bytes are.

use super::name::file_extension;
use super::FileKind;
use crate::ErrorCode;

/// Whether what the file claims to be agrees with what it is: the declared
/// type (the browser's `File.type`, or the upload's `Content-Type`) and the
/// name's extension must each be empty, unknown, or one of `kind`'s.
/// An empty declared type, or `application/octet-stream` (what a browser
/// says when it does not know), claims nothing: the bytes decide. An
/// extension of another allowed kind (an HTML page named `.png`, a ZIP
/// named `.pdf`), or one that a browser renders or a computer runs
/// (`.html`, `.svg`, `.exe`, `.bat`), or one with characters outside ASCII,
/// is a mismatch.
///
/// ```
/// use support_contract::{check_declared, ErrorCode, FileKind};
///
/// assert_eq!(check_declared(FileKind::Text, "", "app.log"), Ok(()));
/// assert_eq!(check_declared(FileKind::Png, "image/png", "screen.png"), Ok(()));
/// assert_eq!(check_declared(FileKind::Text, "image/png", "page.png"), Err(ErrorCode::FileTypeMismatch));
/// ```
pub fn check_declared(kind: FileKind, declared_type: &str, name: &str) -> Result<(), ErrorCode> {
    let declared = essence(declared_type);
    let type_agrees = declared.is_empty()
        || declared == "application/octet-stream"
        || is_declared_as(kind, &declared);
    let extension_agrees = match file_extension(name) {
        None => true,
        Some(ext) if kind.extensions().contains(&ext.as_str()) => true,
        Some(ext) => {
            let other_kind = FileKind::ALL
                .iter()
                .any(|other| other.extensions().contains(&ext.as_str()));
            // Extensions are compared in ASCII lowercase, so one outside
            // ASCII (`.LN\u{212A}`, with a Kelvin sign) might still mean one
            // of those to a system that folds Unicode case: it is refused.
            ext.is_ascii() && !other_kind && !ACTIVE_EXTENSIONS.contains(&ext.as_str())
        }
    };
    if type_agrees && extension_agrees {
        Ok(())
    } else {
        Err(ErrorCode::FileTypeMismatch)
    }
}

/// A media type without its parameters, trimmed and in lowercase.
pub(super) fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether a browser's `File.type` (or an upload's `Content-Type`) can
/// mean this kind. Compared without parameters and case.
fn is_declared_as(kind: FileKind, essence: &str) -> bool {
    let types: &[&str] = match kind {
        FileKind::Png => &["image/png"],
        FileKind::Jpeg => &["image/jpeg", "image/jpg", "image/pjpeg"],
        FileKind::Gif => &["image/gif"],
        FileKind::Webp => &["image/webp"],
        FileKind::Pdf => &["application/pdf", "application/x-pdf"],
        FileKind::Zip => &[
            "application/zip",
            "application/x-zip",
            // What browsers on Windows declare for .zip files.
            "application/x-zip-compressed",
        ],
        FileKind::Text => {
            return (essence.starts_with("text/") && !ACTIVE_TEXT_TYPES.contains(&essence))
                || TEXT_APPLICATION_TYPES.contains(&essence);
        }
    };
    types.contains(&essence)
}

/// `text/*` types that browsers render or run rather than show as text.
const ACTIVE_TEXT_TYPES: [&str; 10] = [
    "text/html",
    "text/xml",
    "text/xsl",
    "text/css",
    "text/javascript",
    "text/ecmascript",
    "text/x-javascript",
    "text/jscript",
    "text/vbscript",
    "text/x-component",
];

/// Types outside `text/*` that browsers declare for text files.
const TEXT_APPLICATION_TYPES: [&str; 6] = [
    "application/json",
    "application/x-ndjson",
    "application/yaml",
    "application/x-yaml",
    // What browsers on Windows with Excel installed declare for .csv files.
    "application/vnd.ms-excel",
    "application/x-log",
];

/// Extensions of files that browsers render as pages or that operating
/// systems run when opened. Whatever their bytes, such a name is not one
/// of the allowed kinds, so a script saved as text is refused rather than
/// handed to a support representative under its executable name.
const ACTIVE_EXTENSIONS: [&str; 36] = [
    "html", "htm", "xhtml", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "js",
    "mjs", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "bat", "cmd", "com", "exe", "msi", "scr",
    "pif", "cpl", "ps1", "psm1", "reg", "lnk", "jar", "dll", "sh", "command", "app",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_and_extensions_belong_to_one_kind_each() {
        for kind in FileKind::ALL {
            assert_eq!(FileKind::from_content_type(kind.content_type()), Some(kind));
            assert!(is_declared_as(kind, kind.content_type()), "{kind:?}");
            for ext in kind.extensions() {
                assert_eq!(ext.to_lowercase(), *ext);
                assert!(!ACTIVE_EXTENSIONS.contains(ext), "{ext}");
                let owners = FileKind::ALL
                    .iter()
                    .filter(|k| k.extensions().contains(ext))
                    .count();
                assert_eq!(owners, 1, "{ext}");
            }
        }
        assert_eq!(
            FileKind::from_content_type("Text/Plain; charset=utf-8"),
            Some(FileKind::Text)
        );
        assert_eq!(FileKind::from_content_type("text/html"), None);
    }

    #[test]
    fn a_declaration_that_agrees_passes() {
        for (kind, declared, name) in [
            (FileKind::Png, "image/png", "screen.png"),
            (FileKind::Png, "IMAGE/PNG; x=y", "SCREEN.PNG"),
            (FileKind::Png, "", "screen"),
            (FileKind::Png, "application/octet-stream", "screen.png"),
            (FileKind::Jpeg, "image/jpeg", "IMG_0001.JPG"),
            (FileKind::Jpeg, "image/pjpeg", "photo.jfif"),
            (FileKind::Gif, "image/gif", "anim.gif"),
            (FileKind::Webp, "image/webp", "x.webp"),
            (FileKind::Pdf, "application/pdf", "invoice.pdf"),
            (FileKind::Zip, "application/zip", "logs.zip"),
            (FileKind::Zip, "application/x-zip-compressed", "logs.zip"),
            (FileKind::Text, "text/plain", "notes.txt"),
            (FileKind::Text, "", "app.log"),
            (FileKind::Text, "text/x-log", "app.log"),
            (FileKind::Text, "", "app.log.1"),
            (FileKind::Text, "", "syslog"),
            (FileKind::Text, "text/csv", "usage.csv"),
            (FileKind::Text, "application/vnd.ms-excel", "usage.csv"),
            (FileKind::Text, "application/json", "trace.json"),
            (FileKind::Text, "text/markdown", "steps.md"),
        ] {
            assert_eq!(
                check_declared(kind, declared, name),
                Ok(()),
                "{kind:?} {declared} {name}"
            );
        }
    }

    #[test]
    fn a_disguised_file_is_a_mismatch() {
        for (kind, declared, name) in [
            // Text (a page that is not markup at its start) dressed as a picture.
            (FileKind::Text, "image/png", "page.png"),
            (FileKind::Text, "", "page.png"),
            (FileKind::Text, "text/html", "page.txt"),
            (FileKind::Text, "", "page.html"),
            (FileKind::Text, "image/svg+xml", "logo.svg"),
            (FileKind::Text, "", "run.bat"),
            (FileKind::Text, "", "Invoice\u{202e}gpj.exe"),
            // Extensions outside ASCII, such as `lnk` with a Kelvin sign.
            (FileKind::Text, "", "shortcut.LN\u{212a}"),
            (FileKind::Text, "", "notes.tx\u{0442}"),
            (FileKind::Text, "text/javascript", "a.txt"),
            (FileKind::Text, "application/pdf", "a.pdf"),
            // One allowed kind named as another.
            (FileKind::Png, "image/jpeg", "photo.jpg"),
            (FileKind::Png, "image/png", "photo.jpg"),
            (FileKind::Zip, "application/pdf", "report.pdf"),
            (
                FileKind::Zip,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "a.docx",
            ),
            (FileKind::Pdf, "", "a.zip"),
            (FileKind::Png, "", "a.svg"),
            (FileKind::Gif, "image/gif", "a.html"),
        ] {
            assert_eq!(
                check_declared(kind, declared, name),
                Err(ErrorCode::FileTypeMismatch),
                "{kind:?} {declared} {name}"
            );
        }
    }
}
