//! `GET /service-health` over real loopback HTTP, on the seeded items.

mod common;

use common::{json_of, one_error, start};
use reqwest::StatusCode;
use support_contract::{ContactLanguage, HealthKind, HealthStatus, ServiceHealth};

async fn health(server: &common::TestServer, query: &str) -> ServiceHealth {
    let response = server.get(&format!("/service-health{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_azure_incident_is_told_in_each_locale() {
    let server = start().await;
    let expected = [
        (
            "en-US",
            "Virtual machines in China East 2 may fail to start",
        ),
        ("zh-CN", "中国东部 2 区域的虚拟机可能无法启动"),
        ("zh-TW", "中國東部 2 區域的虛擬機器可能無法啟動"),
        (
            "es-ES",
            "Es posible que las máquinas virtuales de China Este 2 no se inicien",
        ),
    ];
    for (locale, title) in expected {
        let answer = health(&server, &format!("?service=azure&locale={locale}")).await;
        assert_eq!(answer.service.as_deref(), Some("azure"));
        let [incident] = answer.incidents.as_slice() else {
            panic!("one current Azure item: {answer:?}");
        };
        assert_eq!(incident.id, "azure-vm-start-china-east-2");
        assert_eq!(incident.service, "azure");
        assert_eq!(incident.kind, HealthKind::Incident);
        assert_eq!(incident.status, HealthStatus::Identified);
        assert_eq!(incident.title, title);
        assert_eq!(incident.locale.as_str(), locale);
        assert!(!incident.summary.is_empty());
        assert_eq!(incident.started_at, "2026-11-22T01:40:00Z");
        assert_eq!(incident.updated_at, "2026-11-22T03:15:00Z");
    }
}

#[tokio::test]
async fn an_unknown_or_missing_locale_falls_back_to_english() {
    let server = start().await;
    for query in [
        "?service=office365",
        "?service=office365&locale=fr-FR",
        "?service=office365&locale=",
    ] {
        let answer = health(&server, query).await;
        let [advisory] = answer.incidents.as_slice() else {
            panic!("{query}: {answer:?}");
        };
        assert_eq!(advisory.kind, HealthKind::Advisory);
        assert_eq!(advisory.status, HealthStatus::Monitoring);
        assert_eq!(
            advisory.title, "Email delivery delayed for some users",
            "{query}"
        );
        assert_eq!(advisory.locale, ContactLanguage::EnUs);
    }
    // Tags are matched in any case.
    let answer = health(&server, "?service=office365&locale=zh-tw").await;
    assert_eq!(answer.incidents[0].title, "部分使用者的電子郵件傳遞延遲");
    assert_eq!(answer.incidents[0].locale, ContactLanguage::ZhTw);
}

#[tokio::test]
async fn services_without_a_current_item_answer_an_empty_list() {
    let server = start().await;
    // Power BI has a resolved incident: history, never current.
    for service in ["dynamics365", "powerbi"] {
        let answer = health(&server, &format!("?service={service}&locale=zh-CN")).await;
        assert_eq!(answer.service.as_deref(), Some(service));
        assert!(answer.incidents.is_empty(), "{service}: {answer:?}");
    }
}

#[tokio::test]
async fn without_a_service_every_current_item_is_listed_in_the_services_order() {
    let server = start().await;
    for query in ["", "?service=", "?locale=es-ES"] {
        let answer = health(&server, query).await;
        assert_eq!(answer.service, None);
        let ids: Vec<&str> = answer.incidents.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "office365-mail-delivery-delay",
                "azure-vm-start-china-east-2"
            ],
            "{query}"
        );
    }
    let raw = server.get("/service-health").await.text().await.unwrap();
    assert!(!raw.contains("\"service\":null"), "{raw}");
}

#[tokio::test]
async fn an_unknown_service_is_refused() {
    let server = start().await;
    for service in ["exchange", "Azure", "azure%00", "%E2%80%AEazure"] {
        let response = server
            .get(&format!("/service-health?service={service}"))
            .await;
        let (status, json) = json_of(response).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{service}");
        assert_eq!(json, one_error("service", "invalid_value"), "{service}");
    }
    let response = server
        .get("/service-health?service=azure&service=powerbi")
        .await;
    let (status, json) = json_of(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json, one_error("service", "invalid_value"));
}
