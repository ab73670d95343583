//! The four locales and how one is chosen for a user.

/// A locale the widget is translated into: the contract's four, which are
/// also the languages a contact can be reached in.
pub use support_contract::ContactLanguage as Locale;

/// Chooses the locale for the requested language tags, most wanted first:
/// the `locale` attribute (or the language picker), then the host page's
/// `<html lang>`, then `navigator.languages`. Tags that are not valid BCP 47
/// or not translated are skipped; if none matches, en-US.
pub fn negotiate<'a>(requested: impl IntoIterator<Item = &'a str>) -> Locale {
    requested
        .into_iter()
        .find_map(|tag| spoken(tag.trim()))
        .unwrap_or_default()
}

/// Where CLDR's likely subtags (version 44) write Chinese in Traditional
/// characters: `zh-HK` is likely `zh-Hant-HK`, while `zh-SG`, `zh-MY` and
/// any other region are likely Simplified.
const TRADITIONAL_CHINESE_REGIONS: [&str; 15] = [
    "AU", "BN", "GB", "GF", "HK", "ID", "MO", "PA", "PF", "PH", "SR", "TH", "TW", "US", "VN",
];

/// The locale the widget speaks for a tag, if any: any English is en-US,
/// any Spanish es-ES, and Chinese goes by its script, written or likely.
/// The same answers as fluent-langneg's lookup with CLDR likely subtags over
/// en-US, zh-Hans-CN, zh-Hant-TW and es-ES (a test compares them), without
/// carrying CLDR's tables for every language.
fn spoken(tag: &str) -> Option<Locale> {
    let LanguageTag {
        language,
        script,
        region,
    } = LanguageTag::parse(without_extensions(tag)?)?;
    let is = |subtag: &str, value: &str| subtag.eq_ignore_ascii_case(value);
    if is(language, "en") {
        Some(Locale::EnUs)
    } else if is(language, "es") {
        Some(Locale::EsEs)
    } else if !is(language, "zh") {
        None
    } else if let Some(script) = script {
        (is(script, "Hans").then_some(Locale::ZhCn)).or(is(script, "Hant").then_some(Locale::ZhTw))
    } else if region.is_some_and(|r| TRADITIONAL_CHINESE_REGIONS.iter().any(|t| is(r, t))) {
        Some(Locale::ZhTw)
    } else {
        Some(Locale::ZhCn)
    }
}

/// The tag before its extensions (`-u-ca-chinese`) and private use
/// (`-x-portal`), which say nothing of the language: each begins with a
/// one-character subtag, and what follows must be subtags of 1 to 8 letters
/// and digits, or the tag is not well formed.
fn without_extensions(tag: &str) -> Option<&str> {
    let mut start = 0;
    for subtag in tag.split(['-', '_']) {
        if start > 0 && subtag.len() == 1 {
            let after = tag.get(start + 2..).unwrap_or_default();
            let well_formed = after.split(['-', '_']).all(|s| {
                (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
            });
            return well_formed.then(|| &tag[..start - 1]);
        }
        start += subtag.len() + 1;
    }
    Some(tag)
}

/// A Unicode language identifier: `language[-script][-region][-variant…]`,
/// subtags separated by `-` or `_`, any case.
struct LanguageTag<'a> {
    language: &'a str,
    script: Option<&'a str>,
    region: Option<&'a str>,
}

impl<'a> LanguageTag<'a> {
    fn parse(tag: &'a str) -> Option<LanguageTag<'a>> {
        let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
        let mut subtags = tag.split(['-', '_']).peekable();
        let language = subtags.next().filter(|s| {
            matches!(s.len(), 2 | 3 | 5..=8) && alpha(s) && !s.eq_ignore_ascii_case("und")
        })?;
        let script = subtags.next_if(|s| s.len() == 4 && alpha(s));
        let region = subtags.next_if(|s| {
            (s.len() == 2 && alpha(s)) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        });
        // unic-langid also takes four letters as a variant after a region.
        let alphanumeric = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
        let variant = |s: &str| match s.len() {
            5..=8 => alphanumeric(s),
            4 => {
                s.is_ascii()
                    && (s.starts_with(|c: char| c.is_ascii_digit()) || alphanumeric(&s[1..]))
            }
            _ => false,
        };
        subtags.all(variant).then_some(LanguageTag {
            language,
            script,
            region,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_tags_pick_their_locale() {
        for locale in Locale::ALL {
            assert_eq!(negotiate([locale.as_str()]), locale);
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

    /// How the widget chose before: fluent-langneg's lookup with CLDR's
    /// likely subtags.
    fn fluent_langneg(tag: &str) -> Option<Locale> {
        use fluent_langneg::{negotiate_languages, NegotiationStrategy};
        use unic_langid::LanguageIdentifier;
        let requested: Vec<LanguageIdentifier> = tag.trim().parse().into_iter().collect();
        let available = ["en-US", "zh-Hans-CN", "zh-Hant-TW", "es-ES"];
        let available: Vec<LanguageIdentifier> =
            available.iter().filter_map(|t| t.parse().ok()).collect();
        let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
        let index = chosen
            .first()
            .and_then(|id| available.iter().position(|a| a == *id));
        index.map(|i| Locale::ALL[i])
    }

    #[test]
    fn negotiation_chooses_as_fluent_langneg_with_cldr_did() {
        let languages = [
            "en", "EN", "es", "zh", "Zh", "zho", "cmn", "yue", "fr", "und", "e", "español",
        ];
        let scripts = [
            "", "-Hans", "-hant", "_HANT", "-Latn", "-Bopo", "-Hanb", "-1234",
        ];
        let mut regions: Vec<String> = ["", "-419", "_158", "-001", "-1", "-ABC"]
            .map(String::from)
            .into();
        for a in 'A'..='Z' {
            for b in 'a'..='z' {
                regions.push(format!("-{a}{b}"));
            }
        }
        let tails = [
            "",
            "-posix",
            "_valencia",
            "-1994",
            "-u-ca-chinese",
            "-x-private",
            "-",
            "-abcd",
            "-!abc",
            "-a!bc",
            "-1!bc",
        ];
        let mut compared = 0;
        for language in languages {
            for script in scripts {
                for (i, region) in regions.iter().enumerate() {
                    // Every region without a tail, a few with each.
                    let tails = if i % 50 == 0 { &tails[..] } else { &tails[..1] };
                    for tail in tails {
                        let tag = format!(" {language}{script}{region}{tail}");
                        // unic-langid refuses extensions and private use;
                        // the widget reads the tag before them.
                        let extension = tail.starts_with("-u-") || tail.starts_with("-x-");
                        let reference = if extension {
                            format!(" {language}{script}{region}")
                        } else {
                            tag.clone()
                        };
                        assert_eq!(spoken(tag.trim()), fluent_langneg(&reference), "{tag}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 60_000, "{compared}");
    }

    #[test]
    fn extensions_and_private_use_leave_the_language_as_it_is() {
        for (tag, locale) in [
            ("zh-TW-x-private", Locale::ZhTw),
            ("zh-CN-u-ca-chinese", Locale::ZhCn),
            ("zh-u-nu-hanidec-x-portal", Locale::ZhCn),
            ("es-MX-t-en-x-a", Locale::EsEs),
            ("zh-Hant_u_co_stroke", Locale::ZhTw),
        ] {
            assert_eq!(negotiate([tag, "en-US"]), locale, "{tag}");
        }
        // Not well formed after the singleton, or no language before it.
        for tag in [
            "zh-TW-u-",
            "zh-TW-x-toolongsubtag",
            "zh-TW-x-a!",
            "x-private",
            "zh-TW-x",
        ] {
            assert_eq!(spoken(tag), None, "{tag}");
        }
    }

    #[test]
    fn nothing_usable_means_en_us() {
        assert_eq!(negotiate([]), Locale::EnUs);
        assert_eq!(negotiate(["xx-YY", "", "not a tag!", "de"]), Locale::EnUs);
    }
}
