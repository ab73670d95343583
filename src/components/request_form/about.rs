//! What the request is about, first in the form: a customer request's
//! severity, a Partner Center request's category, or the service a
//! customer's message to its partner names.

use leptos::prelude::*;
use support_contract::{FieldError, Service};

use super::{errors::error_at, RequestFormState};
use crate::{
    components::{CategoryChoice, ServiceSelect, SeverityChoice},
    context::Words,
    loaded::Loaded,
};
use support_rules::{field_errors::ServiceFrom, request::LoadError, request_fields::RequestTarget};

/// The kind of form never changes while it is shown: `target` is read
/// once, so that the choice is not drawn again (losing focus) when the
/// target's data changes.
#[component]
pub(super) fn AboutChoice(
    target: Signal<RequestTarget>,
    state: RequestFormState,
    services: Option<Loaded<Result<Vec<Service>, LoadError>>>,
    errors: Memo<Vec<FieldError>>,
    service_from: ServiceFrom,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let error_at = move |field| error_at(words, errors, service_from, field);
    let (customer, partner_center) = target.with_untracked(|target| {
        (
            matches!(target, RequestTarget::Customer(_)),
            matches!(target, RequestTarget::PartnerCenter),
        )
    });
    if customer {
        view! { <SeverityChoice value=state.severity error=error_at("severity")/> }.into_any()
    } else if partner_center {
        view! { <CategoryChoice value=state.category error=error_at("category")/> }.into_any()
    } else {
        services
            .map(|services| view! { <ServiceSelect value=state.service services error=error_at("service")/> })
            .into_any()
    }
}
