//! The support widget's rules: everything it decides that needs no browser
//! (host attributes, locales, messages, requests and their answers, drafts,
//! the journey), in plain Rust, tested natively with `cargo test`. The
//! crate depends on no browser crate; what the rules need of the browser,
//! its JSON and its URL, the widget installs for them (`platform`).

#![forbid(unsafe_code)]

pub mod drafts;
pub mod escalation;
pub mod field_errors;
pub mod filed_requests;
pub mod help_journey;
pub mod host;
pub mod host_api;
pub mod i18n;
pub mod journey;
pub mod json;
pub mod live;
pub mod locale;
pub mod paged;
pub mod platform;
pub mod request;
pub mod request_fields;
pub mod retry;
pub mod session;
pub mod thread;
pub mod timestamps;
pub mod uploads;
pub mod web_url;
