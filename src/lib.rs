//! support-widget: support requests and escalation guidance for partner
//! portals, as one custom element (`<support-widget>`).
//!
//! The plain-Rust modules (host attributes, locales, messages, request
//! building) hold the rules and are tested natively with `cargo test`; the
//! components, compiled for the browser only, wire signals to those rules.

pub mod attachments;
pub mod drafts;
pub mod escalation;
pub mod field_errors;
pub mod filed;
pub mod host;
pub mod host_api;
pub mod i18n;
pub mod journey;
pub mod json;
pub mod locale;
pub mod request;
pub mod request_form;
pub mod retry;
pub mod self_service;
pub mod session;
pub mod timestamps;
pub mod web_url;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod context;
#[cfg(target_arch = "wasm32")]
mod controls;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
mod loaded;
#[cfg(target_arch = "wasm32")]
mod locales;
#[cfg(target_arch = "wasm32")]
mod panel;
#[cfg(target_arch = "wasm32")]
mod screens;
#[cfg(target_arch = "wasm32")]
mod sending;
#[cfg(target_arch = "wasm32")]
mod storage;
