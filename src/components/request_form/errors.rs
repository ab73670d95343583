//! Which field errors a form shows.

use leptos::prelude::*;
use support_contract::{FieldError, Service};

use super::RequestFormState;
use crate::{components::offered, context::Words, loaded::Loaded};
use support_rules::{
    field_errors::{self, ServiceFrom},
    request::{LoadError, SubmitError},
    request_fields::RequestTarget,
};

/// The errors on show: the widget's own findings, else the backend's 422.
/// A field put right loses its error at once; no new one appears before
/// the next submit. `services`: the contact form's list, as `RequestForm`
/// takes it.
pub(super) fn shown_errors(
    state: RequestFormState,
    target: Signal<RequestTarget>,
    services: Option<Loaded<Result<Vec<Service>, LoadError>>>,
) -> Memo<Vec<FieldError>> {
    let words = expect_context::<Words>();
    let result = state.submit.value;
    Memo::new(move |_| {
        let local = state.local_errors.get();
        if !local.is_empty() {
            let locale = words.locale.get();
            let fields = state.current_draft().fields;
            let now = target.with(|target| fields.to_request(target, locale).validate());
            return local
                .into_iter()
                .filter(|shown| now.iter().any(|e| e.field == shown.field))
                .collect();
        }
        match result.get() {
            Some(Err(SubmitError::Rejected(mut errors))) => {
                // A refused service whose select has gone (its list could
                // not be read again) is one the next send leaves out.
                if services.is_some_and(|services| offered(services).is_none()) {
                    errors.retain(|e| e.field != "service");
                }
                errors
            }
            _ => Vec::new(),
        }
    })
}

/// The error on show under `field`, in the widget's language of the moment.
pub(super) fn error_at(
    words: Words,
    errors: Memo<Vec<FieldError>>,
    service_from: ServiceFrom,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let locale = words.locale.get();
        errors.with(|errors| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| field_errors::message(locale, e, service_from))
        })
    })
}
