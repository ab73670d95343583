//! One screen a file: what the widget shows, step by step.

mod config_error;
mod confirmation;
mod partner_center_request;

pub use config_error::ConfigError;
pub use confirmation::Confirmation;
pub use partner_center_request::{PartnerCenterRequest, PartnerCenterState};
