//! How `GET /articles?query=` matches: as the customer search does (see
//! [`crate::customer_search::fold`]: full-width letters, case and Latin
//! accents do not count, Chinese characters match as typed), on the title
//! and summary in the locale shown.

use support_contract::Article;

use crate::customer_search::fold;

/// The most articles one search answers with, as the contract says.
pub const MAX_RESULTS: usize = support_contract::limits::SEARCH_RESULTS_MAX;

/// The longest query accepted, in characters.
pub const QUERY_MAX: usize = crate::customer_search::QUERY_MAX;

/// The articles whose title or summary contains `query` once folded, in the
/// order given, at most [`MAX_RESULTS`]; a blank query keeps the first ones.
pub fn search(mut articles: Vec<Article>, query: &str) -> Vec<Article> {
    let query = fold(query.trim());
    if !query.is_empty() {
        articles.retain(|article| {
            fold(&article.title).contains(&query) || fold(&article.summary).contains(&query)
        });
    }
    articles.truncate(MAX_RESULTS);
    articles
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::ContactLanguage;

    fn article(id: &str, title: &str, summary: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            summary: summary.into(),
            url: format!("https://docs.microsoft.com/en-us/{id}"),
            locale: ContactLanguage::EnUs,
        }
    }

    fn ids(articles: Vec<Article>, query: &str) -> Vec<String> {
        search(articles, query).into_iter().map(|a| a.id).collect()
    }

    #[test]
    fn title_and_summary_match_folded_in_the_given_order() {
        let articles = vec![
            article("mfa", "Configurar la autenticación multifactor", "Teléfono"),
            article("dns", "Registros DNS", "Dominio personalizado"),
            article("pw", "重置用户密码", "管理中心"),
        ];
        assert_eq!(ids(articles.clone(), "AUTENTICACION"), ["mfa"]);
        assert_eq!(ids(articles.clone(), "ｄｎｓ"), ["dns"]);
        assert_eq!(ids(articles.clone(), "telefono"), ["mfa"]);
        assert_eq!(ids(articles.clone(), "密码"), ["pw"]);
        assert_eq!(ids(articles.clone(), " "), ["mfa", "dns", "pw"]);
        assert!(ids(articles, "passwort").is_empty());
    }

    #[test]
    fn at_most_twenty() {
        let many: Vec<Article> = (0..30)
            .map(|n| article(&format!("a{n:02}"), "Help", ""))
            .collect();
        let found = search(many, "help");
        assert_eq!(found.len(), MAX_RESULTS);
        assert_eq!(found[0].id, "a00");
        assert_eq!(found[19].id, "a19");
    }
}
