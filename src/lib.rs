//! support-widget: support requests and escalation guidance for partner
//! portals, as one custom element (`<support-widget>`).
//!
//! Two layers: the rules (the support-rules crate, `rules/`) hold what needs
//! no browser (host attributes, locales, messages, requests and their
//! answers, drafts, the journey), plain Rust tested natively with `cargo
//! test`; everything here is compiled for the browser only and wires signals
//! and the DOM to those rules. `platform/` installs the browser's own URL
//! and JSON for the rules.

#![forbid(unsafe_code)]

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
mod live;
#[cfg(target_arch = "wasm32")]
mod loaded;
#[cfg(target_arch = "wasm32")]
mod locales;
#[cfg(target_arch = "wasm32")]
mod panel;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
mod screens;
#[cfg(target_arch = "wasm32")]
mod sending;
#[cfg(target_arch = "wasm32")]
mod services;
#[cfg(target_arch = "wasm32")]
mod sleep;
#[cfg(target_arch = "wasm32")]
mod storage;
