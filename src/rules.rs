//! The rules: everything the widget decides that needs no browser, in plain
//! Rust, tested natively with `cargo test`. Nothing here imports web_sys,
//! js_sys, wasm_bindgen, gloo or leptos, nor the browser-only modules beside
//! `rules/`: tests/rules.rs checks it. What they need of the browser, its
//! URL and JSON, the widget lends them (`platform`); natively Rust crates.

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
pub mod locale;
pub mod platform;
pub mod request;
pub mod request_fields;
pub mod retry;
pub mod session;
pub mod timestamps;
pub mod uploads;
pub mod web_url;
