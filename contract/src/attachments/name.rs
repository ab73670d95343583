//! File names as users give them: kept to show, never used as paths.

use super::FileKind;

/// The longest file name kept, in characters.
pub const ATTACHMENT_NAME_MAX: usize = 255;

/// The longest extension kept whole when a long name is shortened.
const EXTENSION_KEPT_MAX: usize = 16;

/// The name to keep and show for an attached file: its last path component
/// (browsers send none, other clients might), without control characters
/// or the invisible characters that reorder text (which can make
/// `invoice` U+202E `gpj.exe` look like `invoiceexe.jpg`), without spaces and dots
/// at either end, and at most [`ATTACHMENT_NAME_MAX`] characters with its
/// extension kept. `attachment` when nothing is left.
///
/// ```
/// use support_contract::clean_file_name;
///
/// assert_eq!(clean_file_name("C:\\Users\\li\\屏幕截图 1.png"), "屏幕截图 1.png");
/// assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
/// assert_eq!(clean_file_name(".."), "attachment");
/// ```
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = last
        .chars()
        .filter(|&c| !c.is_control() && !is_bidi_control(c))
        .collect();
    let trimmed = kept.trim_matches(|c: char| c.is_whitespace() || c == '.');
    if trimmed.is_empty() {
        return "attachment".to_owned();
    }
    if trimmed.chars().count() <= ATTACHMENT_NAME_MAX {
        return trimmed.to_owned();
    }
    let extension = split_extension(trimmed)
        .map(|(_, ext)| ext)
        .filter(|ext| ext.chars().count() <= EXTENSION_KEPT_MAX);
    match extension {
        Some(ext) => {
            let room = ATTACHMENT_NAME_MAX - ext.chars().count() - 1;
            let stem: String = trimmed.chars().take(room).collect();
            format!("{}.{ext}", stem.trim_end())
        }
        None => trimmed
            .chars()
            .take(ATTACHMENT_NAME_MAX)
            .collect::<String>()
            .trim_end()
            .to_owned(),
    }
}

/// The extension of a file name, in ASCII lowercase (the known kinds'
/// extensions are ASCII), as [`clean_file_name`]
/// leaves it: `None` for `README` or `.bashrc`.
pub fn file_extension(name: &str) -> Option<String> {
    let cleaned = clean_file_name(name);
    split_extension(&cleaned).map(|(_, ext)| ext.to_ascii_lowercase())
}

/// The name to save a file under: the name it was uploaded with, plus the
/// usual extension of its kind when the name has none of that kind's (so
/// `app.log.1` downloads as `app.log.1.txt` and opens as text, and no
/// name makes a text file something a system would run). The backend
/// serves a download under it, and the widget saves one under it.
pub fn download_name(name: &str, kind: FileKind) -> String {
    let has_own = file_extension(name).is_some_and(|ext| kind.extensions().contains(&ext.as_str()));
    if has_own {
        name.to_owned()
    } else {
        format!("{name}.{}", kind.extensions()[0])
    }
}

/// `("report.final", "pdf")` for `report.final.pdf`; `None` without a
/// stem or an extension.
fn split_extension(name: &str) -> Option<(&str, &str)> {
    name.rsplit_once('.')
        .filter(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
}

/// The formatting characters of the Unicode bidirectional algorithm.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_path_component_is_kept() {
        for (given, kept) in [
            ("screenshot.png", "screenshot.png"),
            ("/var/log/app.log", "app.log"),
            ("C:\\Windows\\System32\\evil.txt", "evil.txt"),
            ("..\\..\\boot.ini", "boot.ini"),
            ("../../../etc/passwd", "passwd"),
            ("logs/", "attachment"),
            ("/", "attachment"),
            ("", "attachment"),
            ("...", "attachment"),
            (". .", "attachment"),
        ] {
            assert_eq!(clean_file_name(given), kept, "{given:?}");
        }
    }

    #[test]
    fn control_and_reordering_characters_are_dropped() {
        assert_eq!(clean_file_name("a\u{0}b\nc\td\u{7f}.txt"), "abcd.txt");
        assert_eq!(clean_file_name("\u{1b}[31mred.log"), "[31mred.log");
        assert_eq!(
            clean_file_name("invoice\u{202e}gpj.exe"),
            "invoicegpj.exe",
            "the real extension shows"
        );
        assert_eq!(clean_file_name("\u{2067}x\u{2069}.png"), "x.png");
        assert_eq!(
            clean_file_name("日志 2026-11-22 (1).log"),
            "日志 2026-11-22 (1).log",
            "spaces, brackets and CJK stay"
        );
        assert_eq!(clean_file_name("  .hidden.txt. "), "hidden.txt");
    }

    #[test]
    fn long_names_are_shortened_keeping_the_extension() {
        let long = format!("{}.log", "日".repeat(300));
        let kept = clean_file_name(&long);
        assert_eq!(kept.chars().count(), ATTACHMENT_NAME_MAX);
        assert!(kept.ends_with("日.log"), "{kept}");
        let at_limit = format!("{}.png", "a".repeat(ATTACHMENT_NAME_MAX - 4));
        assert_eq!(clean_file_name(&at_limit), at_limit);
        let no_extension = "x".repeat(ATTACHMENT_NAME_MAX + 1);
        assert_eq!(clean_file_name(&no_extension).len(), ATTACHMENT_NAME_MAX);
        let long_extension = format!("a.{}", "e".repeat(400));
        assert_eq!(
            clean_file_name(&long_extension).chars().count(),
            ATTACHMENT_NAME_MAX
        );
    }

    #[test]
    fn extensions_are_lowercase_and_need_a_stem() {
        assert_eq!(file_extension("Screen.PNG").as_deref(), Some("png"));
        assert_eq!(file_extension("app.log.1").as_deref(), Some("1"));
        assert_eq!(file_extension("archive.tar.gz").as_deref(), Some("gz"));
        assert_eq!(file_extension("README"), None);
        assert_eq!(file_extension(".bashrc"), None);
        assert_eq!(file_extension("trailing."), None);
        assert_eq!(file_extension("dir.d/file"), None);
    }
}
