//! The HTTP routes, one module per resource.

pub mod request_status;
pub mod support_requests;
