use leptos::prelude::*;

use crate::context::Words;
use support_rules::{host::BackendError, i18n, i18n::id};

/// Shown instead of any form when the host page's `backend` attribute is
/// missing or unusable: nothing can be sent, and the user is told so.
#[component]
pub fn ConfigError(error: BackendError) -> impl IntoView {
    let words = expect_context::<Words>();
    let detail = move || match &error {
        BackendError::Missing => {
            i18n::message(words.locale.get(), id::CONFIG_ERROR_BACKEND_MISSING)
        }
        BackendError::Invalid(value) => words.format(
            id::CONFIG_ERROR_BACKEND_INVALID,
            &i18n::args([("value", value.as_str().into())]),
        ),
        BackendError::Credentials => {
            i18n::message(words.locale.get(), id::CONFIG_ERROR_BACKEND_CREDENTIALS)
        }
    };
    view! {
        <section class="sw-config-error" role="alert" data-testid="config-error">
            <h2 class="sw-heading">{words.text(id::CONFIG_ERROR_TITLE)}</h2>
            <p>{detail}</p>
        </section>
    }
}
