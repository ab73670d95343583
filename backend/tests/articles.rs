//! `GET /articles` over real loopback HTTP, on the seeded articles.

mod common;

use common::{json_of, one_error, start};
use reqwest::StatusCode;
use support_contract::{Article, ArticleList, ContactLanguage};

async fn articles(server: &common::TestServer, query: &str, locale: &str) -> Vec<Article> {
    let response = server
        .client
        .get(server.url("/articles"))
        .query(&[("query", query), ("locale", locale)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query} {locale}");
    let list: ArticleList = response.json().await.unwrap();
    list.articles
}

fn ids(articles: &[Article]) -> Vec<&str> {
    articles.iter().map(|a| a.id.as_str()).collect()
}

#[tokio::test]
async fn a_blank_query_lists_every_article_in_a_stable_order() {
    let server = start().await;
    let all = articles(&server, "", "en-US").await;
    assert_eq!(all.len(), 10);
    assert_eq!(all[0].id, "office365-reset-password");
    assert_eq!(all, articles(&server, "  ", "en-US").await);
    for article in &all {
        assert!(article.url.starts_with("https://"), "{article:?}");
        assert_eq!(article.locale, ContactLanguage::EnUs);
    }
    let bare: ArticleList = server.get("/articles").await.json().await.unwrap();
    assert_eq!(bare.articles, all, "no query, no locale: the same");
}

#[tokio::test]
async fn part_of_a_chinese_title_finds_the_article_in_that_locale() {
    let server = start().await;
    let found = articles(&server, "重置用户密码", "zh-CN").await;
    assert_eq!(ids(&found), ["office365-reset-password"]);
    assert_eq!(found[0].title, "在 Office 365 管理中心重置用户密码");
    assert_eq!(found[0].locale, ContactLanguage::ZhCn);
    assert!(found[0].url.contains("/zh-cn/"), "{}", found[0].url);

    // Traditional characters are other characters.
    assert!(articles(&server, "重置用户密码", "zh-TW").await.is_empty());
    let found = articles(&server, "重設使用者密碼", "zh-TW").await;
    assert_eq!(ids(&found), ["office365-reset-password"]);
    assert_eq!(found[0].locale, ContactLanguage::ZhTw);

    // The summary matches too.
    let found = articles(&server, "验证码", "zh-CN").await;
    assert_eq!(ids(&found), ["set-up-mfa"]);
}

#[tokio::test]
async fn an_untranslated_article_falls_back_to_english() {
    let server = start().await;
    let all = articles(&server, "", "zh-CN").await;
    assert_eq!(all.len(), 10);
    let by_id = |id: &str| all.iter().find(|a| a.id == id).unwrap().clone();
    let roles = by_id("dynamics365-security-roles");
    assert_eq!(roles.title, "Assign security roles in Dynamics 365");
    assert_eq!(roles.locale, ContactLanguage::EnUs);
    assert!(roles.url.contains("/en-us/"));
    assert_eq!(by_id("azure-vcpu-quota").locale, ContactLanguage::EnUs);
    assert_eq!(by_id("set-up-mfa").locale, ContactLanguage::ZhCn);

    // Its English text is what a search in that locale matches.
    let found = articles(&server, "security roles", "es-ES").await;
    assert_eq!(ids(&found), ["dynamics365-security-roles"]);
    assert_eq!(found[0].locale, ContactLanguage::EnUs);

    // An unknown locale is English for every article.
    let unknown = articles(&server, "", "fr-FR").await;
    assert_eq!(unknown, articles(&server, "", "en-US").await);
}

#[tokio::test]
async fn full_width_letters_case_and_accents_do_not_count() {
    let server = start().await;
    assert_eq!(
        ids(&articles(&server, "ＤＮＳ", "zh-CN").await),
        ["custom-domain-dns-records"]
    );
    assert_eq!(
        ids(&articles(&server, "AUTENTICACION MULTIFACTOR", "es-ES").await),
        ["set-up-mfa"]
    );
    assert_eq!(
        ids(&articles(&server, "facturación", "es-ES").await),
        ["office365-view-invoice"]
    );
    assert_eq!(
        ids(&articles(&server, "ｐｏｗｅｒ ｂｉ", "en-US").await),
        ["powerbi-share-reports"]
    );
    assert!(articles(&server, "kubernetes", "en-US").await.is_empty());
}

#[tokio::test]
async fn an_overlong_query_is_refused() {
    let server = start().await;
    let long = "密".repeat(201);
    let response = server
        .client
        .get(server.url("/articles"))
        .query(&[("query", long.as_str())])
        .send()
        .await
        .unwrap();
    let (status, json) = json_of(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json, one_error("query", "too_long"));
}
