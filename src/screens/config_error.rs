use leptos::prelude::*;

use crate::{
    context::use_widget,
    rules::{host::BackendError, i18n, i18n::id},
};

/// Shown instead of any form when the host page's `backend` attribute is
/// missing or unusable: nothing can be sent, and the user is told so.
#[component]
pub fn ConfigError(error: BackendError) -> impl IntoView {
    let widget = use_widget();
    let detail = move || match &error {
        BackendError::Missing => {
            i18n::message(widget.locale.get(), id::CONFIG_ERROR_BACKEND_MISSING)
        }
        BackendError::Invalid(value) => widget.format(
            id::CONFIG_ERROR_BACKEND_INVALID,
            &i18n::args([("value", value.as_str().into())]),
        ),
        BackendError::Credentials => {
            i18n::message(widget.locale.get(), id::CONFIG_ERROR_BACKEND_CREDENTIALS)
        }
    };
    view! {
        <section class="sw-config-error" role="alert" data-testid="config-error">
            <h2 class="sw-heading">{widget.text(id::CONFIG_ERROR_TITLE)}</h2>
            <p>{detail}</p>
        </section>
    }
}
