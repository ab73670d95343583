//! The HTTP routes, one module per resource.

pub mod articles;
pub mod catalogue;
pub mod customers;
pub mod query;
pub mod request_status;
pub mod service_health;
pub mod services;
pub mod support_requests;
