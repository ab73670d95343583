//! The catalogue's services (`GET /services`) as a screen loads them.

use leptos::prelude::*;
use support_contract::Service;

use crate::{api, context::Connection, loaded::Loaded};
use support_rules::request::LoadError;

/// The services, loaded again when the backend changes; none without a
/// usable backend.
pub fn services(connection: Connection) -> Loaded<Result<Vec<Service>, LoadError>> {
    services_when(connection, || true)
}

/// The services as `services` loads them, once `wanted` (tracked) says they
/// are; none before.
pub fn services_when(
    connection: Connection,
    wanted: impl Fn() -> bool + 'static,
) -> Loaded<Result<Vec<Service>, LoadError>> {
    Loaded::new(move |abort| {
        let backend = connection.backend.get().filter(|_| wanted());
        let transport = connection.transport_aborted_by(abort);
        async move {
            match backend {
                Some(backend) => api::list_services(backend, transport).await,
                None => Ok(Vec::new()),
            }
        }
    })
}
