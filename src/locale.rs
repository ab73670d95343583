//! The four locales and how one is chosen for a user.

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

/// A locale the widget is translated into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    EnUs,
    ZhCn,
    ZhTw,
    EsEs,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::EnUs, Locale::ZhCn, Locale::ZhTw, Locale::EsEs];

    /// The BCP 47 tag, as used in folder names and the `locale` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::EsEs => "es-ES",
        }
    }

    /// The message that names this locale in the language picker.
    pub fn name_message(self) -> &'static str {
        match self {
            Locale::EnUs => crate::i18n::id::LANGUAGE_EN_US,
            Locale::ZhCn => crate::i18n::id::LANGUAGE_ZH_CN,
            Locale::ZhTw => crate::i18n::id::LANGUAGE_ZH_TW,
            Locale::EsEs => crate::i18n::id::LANGUAGE_ES_ES,
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The same language as a contact language of the request contract.
    pub fn contact_language(self) -> support_contract::ContactLanguage {
        use support_contract::ContactLanguage as L;
        match self {
            Locale::EnUs => L::EnUs,
            Locale::ZhCn => L::ZhCn,
            Locale::ZhTw => L::ZhTw,
            Locale::EsEs => L::EsEs,
        }
    }

    /// Written with their script, so that negotiation matches zh-HK and
    /// zh-Hant to Traditional and zh-SG and zh-Hans to Simplified Chinese by
    /// likely-subtag expansion rather than by a table of our own.
    fn negotiation_id(self) -> LanguageIdentifier {
        let tag = match self {
            Locale::EnUs => "en-US",
            Locale::ZhCn => "zh-Hans-CN",
            Locale::ZhTw => "zh-Hant-TW",
            Locale::EsEs => "es-ES",
        };
        tag.parse().unwrap_or_default()
    }
}

/// Chooses the locale for the requested language tags, most wanted first:
/// the `locale` attribute (or the language picker), then the host page's
/// `<html lang>`, then `navigator.languages`. Tags that are not valid BCP 47
/// or not translated are skipped; if none matches, en-US.
pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> Locale {
    let requested: Vec<LanguageIdentifier> = requested
        .into_iter()
        .filter_map(|tag| tag.trim().parse().ok())
        .collect();
    let available: Vec<LanguageIdentifier> =
        Locale::ALL.iter().map(|l| l.negotiation_id()).collect();
    let default = Locale::EnUs.negotiation_id();
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&default),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .and_then(|id| Locale::ALL.into_iter().find(|l| &l.negotiation_id() == *id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_tags_pick_their_locale() {
        for locale in Locale::ALL {
            assert_eq!(negotiate([locale.tag()]), locale);
        }
    }

    #[test]
    fn chinese_variants_map_by_script() {
        for tag in ["zh", "zh-CN", "zh-Hans", "zh-SG", "zh-Hans-HK", "zh-cn"] {
            assert_eq!(negotiate([tag]), Locale::ZhCn, "{tag}");
        }
        for tag in ["zh-TW", "zh-Hant", "zh-HK", "zh-MO", "zh-Hant-CN"] {
            assert_eq!(negotiate([tag]), Locale::ZhTw, "{tag}");
        }
    }

    #[test]
    fn any_spanish_is_spain_spanish() {
        for tag in ["es", "es-MX", "es-419", "es-AR", "es-ES"] {
            assert_eq!(negotiate([tag]), Locale::EsEs, "{tag}");
        }
    }

    #[test]
    fn english_variants_are_us_english() {
        assert_eq!(negotiate(["en-GB"]), Locale::EnUs);
    }

    #[test]
    fn the_first_supported_request_wins_and_the_rest_are_fallbacks() {
        // The attribute asks for French (untranslated), the page is in
        // Traditional Chinese, the browser prefers Spanish.
        assert_eq!(negotiate(["fr-FR", "zh-HK", "es-MX"]), Locale::ZhTw);
        assert_eq!(negotiate(["es", "zh-CN"]), Locale::EsEs);
    }

    #[test]
    fn nothing_usable_means_en_us() {
        assert_eq!(negotiate([]), Locale::EnUs);
        assert_eq!(negotiate(["xx-YY", "", "not a tag!", "de"]), Locale::EnUs);
    }
}
