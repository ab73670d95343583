//! `GET /customers?query=` over real loopback HTTP, on the seeded demo
//! customers (the matching rules themselves are unit-tested in
//! `src/catalogue/customer_search.rs`).

mod common;

use common::{json_of, one_error, start, TestServer};
use reqwest::StatusCode;
use support_contract::{Customer, CustomerList};

async fn search(server: &TestServer, query: &str) -> Vec<Customer> {
    let response = server
        .client
        .get(server.url("/customers"))
        .query(&[("query", query)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    assert_eq!(response.headers()["content-type"], "application/json");
    let list: CustomerList = response.json().await.unwrap();
    list.customers
}

async fn ids(server: &TestServer, query: &str) -> Vec<String> {
    search(server, query)
        .await
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[tokio::test]
async fn names_and_domains_match_in_all_four_languages() {
    let server = start().await;
    assert_eq!(ids(&server, "云计算").await, ["beijing-cloud"]);
    assert_eq!(ids(&server, "雲端服務").await, ["taipei-cloud"]);
    assert_eq!(ids(&server, "Asociados").await, ["nunez-asociados"]);
    assert_eq!(ids(&server, "contoso").await, ["contoso"]);
    assert_eq!(ids(&server, "kaohsiungit.partner").await, ["kaohsiung-it"]);
    let found = search(&server, "北京").await;
    assert_eq!(
        found,
        [Customer {
            id: "beijing-cloud".into(),
            name: "北京云计算有限公司".into(),
            domain: "beijingcloud.partner.onmschina.cn".into(),
        }]
    );
}

#[tokio::test]
async fn case_width_and_accents_do_not_count() {
    let server = start().await;
    let fabrikam = ["fabrikam-espana", "fabrikam"];
    assert_eq!(ids(&server, "fab").await, fabrikam);
    assert_eq!(ids(&server, "FABRIKAM").await, fabrikam);
    assert_eq!(ids(&server, "ＦＡＢ").await, fabrikam);
    assert_eq!(ids(&server, "nunez").await, ["nunez-asociados"]);
    assert_eq!(ids(&server, "NÚÑEZ").await, ["nunez-asociados"]);
    assert_eq!(ids(&server, "espana").await, ["fabrikam-espana"]);
    // The seeded name has full-width letters; a half-width query finds it.
    assert_eq!(ids(&server, "ai视觉").await, ["shenzhen-ai-vision"]);
}

#[tokio::test]
async fn a_blank_or_missing_query_lists_everyone_in_a_stable_order() {
    let server = start().await;
    let all = search(&server, "").await;
    assert_eq!(all.len(), 12, "the demo data");
    let mut sorted = all.clone();
    sorted.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    assert_eq!(all, sorted, "by name, then id");
    assert_eq!(search(&server, "  ").await, all);
    let (status, json) = json_of(server.get("/customers").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["customers"].as_array().unwrap().len(), all.len());
    assert_eq!(search(&server, "").await, all, "the same order every time");
}

#[tokio::test]
async fn at_most_twenty_customers_come_back() {
    let server = start().await;
    for n in 0..30 {
        sqlx::query("INSERT INTO customers (id, name, domain) VALUES ($1, $2, $3)")
            .bind(format!("woodgrove-{n:02}"))
            .bind(format!("Woodgrove Bank {n:02}"))
            .bind(format!("woodgrove{n:02}.partner.onmschina.cn"))
            .execute(&server.db)
            .await
            .unwrap();
    }
    let found = ids(&server, "woodgrove").await;
    assert_eq!(
        found.len(),
        support_backend::catalogue::customer_search::MAX_RESULTS
    );
    assert_eq!(found.first().unwrap(), "woodgrove-00");
    assert_eq!(found.last().unwrap(), "woodgrove-19");
    assert_eq!(search(&server, "").await.len(), 20);
}

#[tokio::test]
async fn no_match_is_an_empty_list_and_a_long_query_is_refused() {
    let server = start().await;
    assert!(ids(&server, "zzz-nobody").await.is_empty());
    let (status, json) = json_of(
        server
            .client
            .get(server.url("/customers"))
            .query(&[("query", "x".repeat(201))])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json, one_error("query", "too_long"));
    // Exactly at the limit is fine, counted in characters.
    assert!(ids(&server, &"漢".repeat(200)).await.is_empty());
}

/// One customer by its id, as a page's prefill names it: the catalogue's
/// own record, 404 for an id it does not hold (in any other case either:
/// ids are matched exactly), and staff only.
#[tokio::test]
async fn one_customer_is_read_by_its_exact_id() {
    let server = start().await;
    let read = |id: &'static str| {
        let client = server.client.clone();
        let url = server.url(&format!("/customers/{id}"));
        async move { client.get(url).send().await.unwrap() }
    };
    let response = read("beijing-cloud").await;
    assert_eq!(response.status(), StatusCode::OK);
    let found: Customer = response.json().await.unwrap();
    assert_eq!(found.name, "北京云计算有限公司");
    for unknown in ["no-such-customer", "Beijing-Cloud", "a%00b", "%FF"] {
        let (status, body) = json_of(read(unknown).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
        assert_eq!(body, one_error("id", "not_found"), "{unknown}");
    }

    let signed = common::start_signed(false).await;
    let as_customer = signed
        .client
        .get(signed.url("/customers/beijing-cloud"))
        .bearer_auth(common::token(&common::customer()))
        .send()
        .await
        .unwrap();
    assert_eq!(as_customer.status(), StatusCode::FORBIDDEN);
    let without_token = signed
        .client
        .get(signed.url("/customers/beijing-cloud"))
        .send()
        .await
        .unwrap();
    assert_eq!(without_token.status(), StatusCode::UNAUTHORIZED);
}
