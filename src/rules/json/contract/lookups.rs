//! The lookups' answers as the widget reads them (and the customer and
//! service it keeps in a draft, as it writes them): customers, services,
//! service health and help articles, the same JSON as the contract's serde
//! derives. A list's items that cannot be read are left out of it, where
//! serde would refuse the whole answer (though not when none can be read:
//! see `Value::readable_items`).

use support_contract::{
    Article, ArticleList, Customer, CustomerList, HealthIncident, Service, ServiceHealth,
    ServiceList,
};

use crate::rules::json::{FromJson, Invalid, Object, ToJson, Value};

impl FromJson for Customer {
    fn from_json(value: &Value) -> Result<Customer, Invalid> {
        Ok(Customer {
            id: value.field("id")?,
            name: value.field("name")?,
            domain: value.field("domain")?,
        })
    }
}

impl ToJson for Customer {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("domain", &self.domain)
            .end();
    }
}

impl FromJson for Service {
    fn from_json(value: &Value) -> Result<Service, Invalid> {
        Ok(Service {
            id: value.field("id")?,
            name: value.field("name")?,
            admin_center_url: value.field("admin_center_url")?,
        })
    }
}

impl ToJson for Service {
    fn to_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("admin_center_url", &self.admin_center_url)
            .end();
    }
}

impl FromJson for CustomerList {
    fn from_json(value: &Value) -> Result<CustomerList, Invalid> {
        Ok(CustomerList {
            customers: value.readable_items("customers")?,
        })
    }
}

impl FromJson for ServiceList {
    fn from_json(value: &Value) -> Result<ServiceList, Invalid> {
        Ok(ServiceList {
            services: value.readable_items("services")?,
        })
    }
}

impl FromJson for HealthIncident {
    fn from_json(value: &Value) -> Result<HealthIncident, Invalid> {
        Ok(HealthIncident {
            id: value.field("id")?,
            service: value.field("service")?,
            kind: value.field("kind")?,
            status: value.field("status")?,
            title: value.field("title")?,
            summary: value.field("summary")?,
            locale: value.field("locale")?,
            started_at: value.field("started_at")?,
            updated_at: value.field("updated_at")?,
        })
    }
}

impl FromJson for ServiceHealth {
    fn from_json(value: &Value) -> Result<ServiceHealth, Invalid> {
        Ok(ServiceHealth {
            service: value.field("service")?,
            incidents: value.readable_items("incidents")?,
        })
    }
}

/// An answer about service health as read, with how many items it listed,
/// whether this version could read them or not.
pub struct HealthAnswer {
    pub health: ServiceHealth,
    pub listed: usize,
}

impl FromJson for HealthAnswer {
    fn from_json(value: &Value) -> Result<HealthAnswer, Invalid> {
        let health = ServiceHealth::from_json(value)?;
        let listed = value
            .get("incidents")
            .items()
            .map_or(0, |items| items.len());
        Ok(HealthAnswer { health, listed })
    }
}

impl FromJson for Article {
    fn from_json(value: &Value) -> Result<Article, Invalid> {
        Ok(Article {
            id: value.field("id")?,
            title: value.field("title")?,
            summary: value.field("summary")?,
            url: value.field("url")?,
            locale: value.field("locale")?,
        })
    }
}

impl FromJson for ArticleList {
    fn from_json(value: &Value) -> Result<ArticleList, Invalid> {
        Ok(ArticleList {
            articles: value.readable_items("articles")?,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use support_contract::{ContactLanguage, HealthKind, HealthStatus};

    use super::*;
    use crate::rules::json::contract::tests::{agrees_with_serde, written};

    fn customer() -> Customer {
        Customer {
            id: "c-1".into(),
            name: "Fabrikam \"北京\"".into(),
            domain: "fabrikam.partner.onmschina.cn".into(),
        }
    }

    fn service() -> Service {
        Service {
            id: "azure".into(),
            name: "Azure".into(),
            admin_center_url: "https://portal.azure.cn/".into(),
        }
    }

    #[test]
    fn the_lookups_are_read_as_the_backend_writes_them() {
        agrees_with_serde(
            &CustomerList {
                customers: vec![customer(), customer()],
            },
            None,
        );
        agrees_with_serde(
            &ServiceList {
                services: vec![service()],
            },
            None,
        );
        agrees_with_serde(&customer(), Some(written));
        agrees_with_serde(&service(), Some(written));
        for status in HealthStatus::ALL {
            agrees_with_serde(
                &ServiceHealth {
                    service: Some("azure".into()),
                    incidents: vec![HealthIncident {
                        id: "i-1".into(),
                        service: "azure".into(),
                        kind: HealthKind::Advisory,
                        status,
                        title: "Delays".into(),
                        summary: "Some sign-ins are slow.".into(),
                        locale: ContactLanguage::EnUs,
                        started_at: "2026-11-23T09:00:00Z".into(),
                        updated_at: "2026-11-23T09:30:00Z".into(),
                    }],
                },
                None,
            );
        }
        agrees_with_serde(&ServiceHealth::default(), None);
        agrees_with_serde(
            &ArticleList {
                articles: vec![Article {
                    id: "office365-reset-password".into(),
                    title: "重設密碼".into(),
                    summary: "…".into(),
                    url: "https://learn.microsoft.com/".into(),
                    locale: ContactLanguage::ZhCn,
                }],
            },
            None,
        );
    }
}
