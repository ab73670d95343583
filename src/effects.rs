//! Effects whose closures are boxed before Leptos sees them.
//!
//! `Effect::new` is generic over the closure it runs, so Leptos's whole
//! effect machinery (scheduling, tracking, cleanup) would be compiled again
//! for every call site. Boxed, it is compiled once, and a call site costs
//! only its own closure.

use leptos::prelude::*;

/// Runs `run` once the current update is done, and again each time a signal
/// it read changes, as `Effect::new` does. `run` is told whether it has run
/// before.
pub fn effect(run: impl FnMut(bool) + 'static) {
    boxed_effect(Box::new(run));
}

#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one call that everything else goes through
fn boxed_effect(mut run: Box<dyn FnMut(bool)>) {
    Effect::new(move |ran: Option<()>| run(ran.is_some()));
}
