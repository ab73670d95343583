//! The support-request contract shared by the widget and the reference backend.
//!
//! The widget validates with these rules before it posts, and the backend
//! validates with the same rules before it stores, so a request that passes in
//! the browser never fails on the server for a reason the user could not see.
//!
//! ```
//! use support_contract::{Category, Contact, NewSupportRequest, RequestKind};
//!
//! let request = NewSupportRequest {
//!     kind: RequestKind::PartnerCenter,
//!     category: Some(Category::Billing),
//!     title: "Invoice total is wrong".into(),
//!     description: "The November invoice counts one licence twice.".into(),
//!     contact: Contact {
//!         name: "Li Na".into(),
//!         email: "li.na@contoso.cn".into(),
//!         ..Contact::default()
//!     },
//!     ..NewSupportRequest::default()
//! };
//! assert!(request.validate().is_empty());
//! ```

#![forbid(unsafe_code)]

mod attachments;
mod errors;
mod escalation;
mod model;
pub mod paths;
mod self_service;
mod status;
mod validation;

pub use attachments::*;
pub use errors::{ErrorCode, FieldError};
pub use escalation::*;
pub use model::*;
pub use self_service::*;
pub use status::*;
pub use validation::limits;
