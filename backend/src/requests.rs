//! Support requests: filing one ([`routes`], through [`rules`] and under an
//! idempotency key, [`idempotency`]), reading them, replying on them
//! ([`replies`]), and changing their status ([`status`],
//! [`status_change`]); their SQL in [`stored`]. What
//! the partner's systems must hear goes to the webhooks' outbox in the
//! transaction that stores it.

pub mod idempotency;
pub mod replies;
pub mod routes;
pub mod rules;
pub mod status;
pub mod status_change;
pub mod stored;

pub use status_change::{set_status, StatusSet};
pub use stored::{create_request, find_request, Created};
