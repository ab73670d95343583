//! The HTTP routes, one module per resource.

pub mod support_requests;
