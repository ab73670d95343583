//! The HTTP routes, one module per resource.

pub mod customers;
pub mod services;
pub mod support_requests;
