//! How `GET /articles?query=` matches: each word of the query (as typed
//! between spaces; Chinese, written without them, matches as typed) found
//! anywhere in the title or summary in the locale shown, in any order, as
//! the customer search compares text (see [`crate::catalogue::customer_search::fold`]:
//! full-width letters, case and Latin accents do not count).

use support_contract::Article;

use super::customer_search::fold;

/// The most articles one search answers with, as the contract says.
pub const MAX_RESULTS: usize = support_contract::limits::SEARCH_RESULTS_MAX;

/// The longest query accepted, in characters.
pub const QUERY_MAX: usize = super::customer_search::QUERY_MAX;

/// The articles whose title and summary hold every word of `query` once
/// folded, in the order given, at most [`MAX_RESULTS`]; a blank query keeps
/// the first ones.
pub fn search(mut articles: Vec<Article>, query: &str) -> Vec<Article> {
    let query = fold(query);
    let words: Vec<&str> = query.split_whitespace().collect();
    if !words.is_empty() {
        articles.retain(|article| {
            let text = format!("{}\n{}", fold(&article.title), fold(&article.summary));
            words.iter().all(|word| text.contains(word))
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
    fn every_word_counts_wherever_it_is_not_the_phrase() {
        let articles = vec![
            article(
                "pw",
                "Restablecer la contraseña de un usuario",
                "Como administrador, restablezca la contraseña.",
            ),
            article(
                "users",
                "Agregar usuarios",
                "Cree cuentas para nuevos usuarios.",
            ),
            article("en", "Reset a user's password", "As an admin, reset it."),
        ];
        assert_eq!(ids(articles.clone(), "restablecer contraseña"), ["pw"]);
        assert_eq!(ids(articles.clone(), "contraseña  RESTABLECER"), ["pw"]);
        // One word in the title, one in the summary.
        assert_eq!(ids(articles.clone(), "agregar cuentas"), ["users"]);
        assert_eq!(ids(articles.clone(), "reset a password"), ["en"]);
        // Every word, not any: no article both adds users and resets.
        assert!(ids(articles, "agregar restablecer").is_empty());
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
