//! How `GET /customers?query=` matches: the rules users expect when they
//! type part of a customer's name or domain, in any of the widget's four
//! languages.
//!
//! Both the query and the customer's name and domain are *folded*, then the
//! folded query must be a substring of the folded name or domain:
//!
//! - **Compatibility forms are one letter** (Unicode NFKC): full-width
//!   `ＦＡＢ` is `FAB`, the ideographic space is a space. Chinese input
//!   methods often type full-width Latin letters, and Chinese company names
//!   often contain them.
//! - **Case does not count**: `fab`, `FAB` and `Fab` are the same.
//! - **Accents on Latin letters do not count**: `nunez` finds `Núñez`,
//!   `espana` finds `España`. Spanish speakers often leave accents out when
//!   they search (and keyboards without `ñ` do), while a name that differs
//!   only by an accent is vanishingly rare among one partner's customers.
//!   Only the combining marks of the Latin, Greek and Cyrillic block
//!   (U+0300–U+036F) are dropped; marks that change a letter in other
//!   scripts, such as the Japanese voicing marks, are kept.
//! - **Simplified and Traditional Chinese are one script**: `台中` finds
//!   `臺中`, `云端` finds `雲端`. Both forms are in everyday use in Taiwan
//!   (`台` and `臺`), and a partner's staff type in their own script a name
//!   registered in the other. Traditional characters are folded to their
//!   Simplified forms, one for one and each on its own ([`fast2s`]); the few Simplified
//!   characters that stand for several Traditional ones find all of them.
//!
//! A blank query matches everyone. Results are in a stable order, by name
//! then id, and at most [`MAX_RESULTS`] of them.

use support_contract::Customer;
use unicode_normalization::UnicodeNormalization;

/// The most customers one search answers with, as the contract says.
pub const MAX_RESULTS: usize = support_contract::limits::SEARCH_RESULTS_MAX;

/// The longest query accepted, in characters (as long as a name may be).
pub const QUERY_MAX: usize = support_contract::limits::NAME_MAX;

/// The combining diacritical marks of Latin, Greek and Cyrillic letters.
const LATIN_ACCENTS: std::ops::RangeInclusive<char> = '\u{0300}'..='\u{036F}';

/// Folds `text` for matching: compatibility forms to their plain letters,
/// accents on Latin letters away, lower case, Traditional Chinese to
/// Simplified.
///
/// ```
/// use support_backend::catalogue::customer_search::fold;
/// assert_eq!(fold("Núñez ＳＡ"), "nunez sa");
/// assert_eq!(fold("臺北雲端"), "台北云端");
/// ```
pub fn fold(text: &str) -> String {
    // NFKD both maps compatibility forms (full width, ligatures) and splits
    // accented letters into letter plus mark, so the marks can be dropped;
    // NFC then puts back together whatever marks are left.
    let unaccented: String = text.nfkd().filter(|c| !LATIN_ACCENTS.contains(c)).collect();
    let lower = unaccented.nfc().collect::<String>().to_lowercase();
    // Character by character: fast2s also reads a character's neighbours
    // (乾 stays 乾 in 乾坤), which a query typed alone would not have.
    lower.chars().map(simplified).collect()
}

/// The Simplified form of one Traditional character, or the character.
fn simplified(c: char) -> char {
    let mut bytes = [0; 4];
    fast2s::convert(c.encode_utf8(&mut bytes))
        .chars()
        .next()
        .unwrap_or(c)
}

/// The customers matching `query`, at most [`MAX_RESULTS`], by name then id.
pub fn search(mut customers: Vec<Customer>, query: &str) -> Vec<Customer> {
    let query = fold(query.trim());
    customers.retain(|customer| {
        query.is_empty()
            || fold(&customer.name).contains(&query)
            || fold(&customer.domain).contains(&query)
    });
    customers.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    customers.truncate(MAX_RESULTS);
    customers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(id: &str, name: &str, domain: &str) -> Customer {
        Customer {
            id: id.into(),
            name: name.into(),
            domain: domain.into(),
        }
    }

    fn demo() -> Vec<Customer> {
        vec![
            customer("fabrikam", "FABRIKAM Inc", "fabrikam.partner.onmschina.cn"),
            customer(
                "nunez",
                "Núñez y Asociados S.L.",
                "nunezasociados.partner.onmschina.cn",
            ),
            customer(
                "espana",
                "Fabrikam España S.A.",
                "fabrikamespana.partner.onmschina.cn",
            ),
            customer(
                "beijing",
                "北京云计算有限公司",
                "beijingcloud.partner.onmschina.cn",
            ),
            customer(
                "taipei",
                "台北雲端服務股份有限公司",
                "taipeicloud.partner.onmschina.cn",
            ),
            customer(
                "shenzhen",
                "深圳ＡＩ视觉科技有限公司",
                "szaivision.partner.onmschina.cn",
            ),
            customer("contoso", "Contoso Ltd", "contoso.partner.onmschina.cn"),
        ]
    }

    fn ids(query: &str) -> Vec<String> {
        search(demo(), query).into_iter().map(|c| c.id).collect()
    }

    #[test]
    fn case_does_not_count() {
        assert_eq!(
            ids("fab"),
            ["fabrikam", "espana"],
            "FABRIKAM sorts before Fabrikam"
        );
        assert_eq!(ids("FaBrIkAm iNC"), ["fabrikam"]);
        assert_eq!(ids("contoso LTD"), ["contoso"]);
    }

    #[test]
    fn full_width_and_half_width_letters_are_one_letter() {
        assert_eq!(ids("ＦＡＢ"), ["fabrikam", "espana"]);
        assert_eq!(ids("ｃｏｎｔｏｓｏ"), ["contoso"]);
        // Both ways: a half-width query finds a full-width name.
        assert_eq!(ids("ai视觉"), ["shenzhen"]);
        // The ideographic space is a space.
        assert_eq!(ids("contoso\u{3000}ltd"), ["contoso"]);
    }

    #[test]
    fn accents_on_latin_letters_do_not_count_either_way() {
        assert_eq!(ids("nunez"), ["nunez"]);
        assert_eq!(ids("NÚÑEZ"), ["nunez"]);
        assert_eq!(ids("espana"), ["espana"]);
        assert_eq!(ids("España"), ["espana"]);
        // A decomposed accent (n + U+0303) is the same as a precomposed one.
        assert_eq!(ids("nu\u{0301}n\u{0303}ez"), ["nunez"]);
    }

    #[test]
    fn marks_outside_latin_scripts_are_kept() {
        assert_eq!(fold("が"), "が", "the voicing mark makes another kana");
        assert_ne!(fold("が"), fold("か"));
    }

    #[test]
    fn simplified_and_traditional_chinese_find_each_other() {
        assert_eq!(ids("云计算"), ["beijing"]);
        assert_eq!(ids("雲端"), ["taipei"]);
        assert_eq!(
            ids("云端"),
            ["taipei"],
            "simplified 云 finds traditional 雲"
        );
        assert_eq!(ids("雲計算"), ["beijing"], "and the other way");
        // 台 and 臺 are both in everyday use for the same word.
        assert_eq!(ids("臺北"), ["taipei"]);
        let mut customers = demo();
        customers.push(customer(
            "taichung",
            "臺中綠能科技股份有限公司",
            "tcgreen.example.tw",
        ));
        let found: Vec<String> = search(customers, "台中")
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(found, ["taichung"]);
        assert_eq!(ids("有限公司").len(), 3);
        // Each character folds to one, whatever its neighbours: a character
        // typed alone finds the name it is part of.
        assert_eq!(fold("臺中綠能").chars().count(), 4);
        let mut customers = demo();
        customers.push(customer(
            "qiankun",
            "乾坤科技有限公司",
            "qiankun.example.tw",
        ));
        customers.push(customer("zhongshu", "鍾書科技", "zhongshu.example.tw"));
        customers.push(customer("jihua", "計畫顧問", "jihua.example.tw"));
        for (query, id) in [
            ("乾", "qiankun"),
            ("鍾", "zhongshu"),
            ("钟书", "zhongshu"),
            ("畫", "jihua"),
        ] {
            let found: Vec<String> = search(customers.clone(), query)
                .into_iter()
                .map(|c| c.id)
                .collect();
            assert_eq!(found, [id], "{query}");
        }
    }

    #[test]
    fn the_domain_matches_too() {
        assert_eq!(ids("taipeicloud"), ["taipei"]);
        assert_eq!(ids("ＢＥＩＪＩＮＧ"), ["beijing"]);
        assert_eq!(ids("partner.onmschina.cn").len(), demo().len());
    }

    #[test]
    fn a_blank_query_lists_everyone_by_name_then_id() {
        let names: Vec<String> = search(demo(), " \u{3000} ")
            .into_iter()
            .map(|c| c.name)
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(names.len(), demo().len());
        assert_eq!(ids(""), ids("  "));
    }

    #[test]
    fn equal_names_are_ordered_by_id() {
        let twins = vec![
            customer("b", "Contoso", "b.example.cn"),
            customer("a", "Contoso", "a.example.cn"),
        ];
        let got: Vec<String> = search(twins, "contoso").into_iter().map(|c| c.id).collect();
        assert_eq!(got, ["a", "b"]);
    }

    #[test]
    fn at_most_twenty_results() {
        let many: Vec<Customer> = (0..45)
            .map(|n| {
                customer(
                    &format!("c{n:02}"),
                    &format!("Contoso {n:02}"),
                    "contoso.cn",
                )
            })
            .collect();
        let got = search(many, "contoso");
        assert_eq!(got.len(), MAX_RESULTS);
        assert_eq!(got[0].name, "Contoso 00");
        assert_eq!(got[19].name, "Contoso 19");
    }

    #[test]
    fn no_match_is_an_empty_list() {
        assert!(ids("woodgrove").is_empty());
    }
}
