//! One screen a file: what the widget shows, step by step.

mod config_error;
mod contact_partner;
mod customer_help;
mod customer_request;
mod customer_search;
mod escalation_guide;
mod filed_requests;
mod help_solved;
mod home;
mod inbox;
mod partner_center_request;
mod request_status;
mod self_help;
mod service_choice;

pub use config_error::ConfigError;
pub use contact_partner::ContactPartner;
pub use customer_help::{ArticleSearch, SelfServiceHelp};
pub use customer_request::CustomerRequest;
pub use customer_search::CustomerSearch;
pub use escalation_guide::EscalationGuide;
pub use filed_requests::FiledList;
pub use help_solved::SelfServiceSolved;
pub use home::Home;
pub use inbox::Inbox;
pub use partner_center_request::PartnerCenterRequest;
pub use request_status::RequestStatus;
pub use self_help::{SelfHelp, Solved};
pub use service_choice::ServiceChoice;
