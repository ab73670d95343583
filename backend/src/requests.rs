//! Support requests: filing one ([`routes`], through [`rules`] and under an
//! idempotency key, [`idempotency`]), reading them, replying on them
//! ([`replies`]), changing their status ([`status`], [`status_change`]),
//! and marking them seen ([`unread`]); what their handlers take is read by
//! the extractors in [`extract`]. The SQL sits beside the code that runs it: a
//! request's in [`stored`], a reply's in [`replies`], a status change's in
//! [`status_change`], the keys' in [`idempotency::keys`], and [`rules`]
//! reads the kind of the message an escalation names. What the partner's
//! systems must hear goes to the outbox in the transaction that stores it.

pub mod extract;
pub mod idempotency;
pub mod replies;
pub mod routes;
pub mod rules;
pub mod status;
pub mod status_change;
pub mod stored;
pub mod unread;

pub use status_change::{set_status, StatusSet};
pub use stored::{create_request, find_request, Created};
