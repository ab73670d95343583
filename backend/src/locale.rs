//! The `locale` query parameter of the self-service lookups.

use support_contract::ContactLanguage;

/// The locale whose texts to answer with: one of the widget's four tags
/// (in any case, `_` or `-`), else en-US. An unknown or missing locale is
/// not an error: the texts are there to be read, and English is the one
/// every item has.
///
/// ```
/// use support_backend::locale::requested;
/// use support_contract::ContactLanguage;
/// assert_eq!(requested(Some("zh_tw")), ContactLanguage::ZhTw);
/// assert_eq!(requested(Some("fr-FR")), ContactLanguage::EnUs);
/// assert_eq!(requested(None), ContactLanguage::EnUs);
/// ```
pub fn requested(value: Option<&str>) -> ContactLanguage {
    value
        .and_then(ContactLanguage::from_tag)
        .unwrap_or(ContactLanguage::EnUs)
}

/// The locale stored in a text row; rows are only ever written with the
/// four tags, and anything else reads as the fallback.
pub(crate) fn stored(value: &str) -> ContactLanguage {
    ContactLanguage::parse(value).unwrap_or(ContactLanguage::EnUs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_tags_are_recognized_in_any_case() {
        for locale in ContactLanguage::ALL {
            assert_eq!(requested(Some(locale.as_str())), locale);
            assert_eq!(
                requested(Some(&locale.as_str().to_ascii_lowercase())),
                locale
            );
        }
        assert_eq!(requested(Some(" es-es ")), ContactLanguage::EsEs);
    }

    #[test]
    fn anything_else_is_english() {
        for other in ["", "zh", "zh-Hant", "es", "de-DE", "en-US-x-foo"] {
            assert_eq!(requested(Some(other)), ContactLanguage::EnUs, "{other}");
        }
    }
}
