//! `GET /services` over real loopback HTTP, on the seeded services.

mod common;

use common::start;
use reqwest::StatusCode;
use support_contract::{Service, ServiceList};

#[tokio::test]
async fn the_services_of_21vianet_come_with_their_admin_centers_in_order() {
    let server = start().await;
    let response = server.get("/services").await;
    assert_eq!(response.status(), StatusCode::OK);
    let list: ServiceList = response.json().await.unwrap();
    let service = |id: &str, name: &str, url: &str| Service {
        id: id.into(),
        name: name.into(),
        admin_center_url: url.into(),
    };
    assert_eq!(
        list.services,
        [
            service(
                "office365",
                "Office 365",
                "https://portal.partner.microsoftonline.cn/AdminPortal"
            ),
            service("azure", "Azure", "https://portal.azure.cn/"),
            service(
                "dynamics365",
                "Dynamics 365",
                "https://portal.crm.dynamics.cn/"
            ),
            service("powerbi", "Power BI", "https://app.powerbi.cn/admin-portal"),
        ]
    );
}

#[tokio::test]
async fn every_service_can_be_named_in_a_request() {
    let server = start().await;
    let list: ServiceList = server.get("/services").await.json().await.unwrap();
    for service in list.services {
        let mut body = common::valid_for_customer();
        body["service"] = serde_json::json!(service.id);
        let response = server.post_json(&common::key(), &body).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{}", service.id);
    }
}
