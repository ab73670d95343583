use leptos::prelude::*;
use support_contract::FieldError;
use wasm_bindgen::JsCast;

use super::request_form::SUBMIT;
use crate::context::{Host, Words};
use support_rules::{
    field_errors::{self, ServiceFrom},
    i18n::id,
};

/// The list of problems at the top of a form (the GOV.UK error summary): it
/// takes focus when a submit fails, which reads its title and its list, and
/// each entry moves focus to its field. It is not a live region: entries
/// leave as their fields are put right, and a live region would read the
/// whole list out again at each keystroke that fixes one.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    /// Where the form's request gets its service, for the words of its error.
    service_from: ServiceFrom,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    view! {
        <div
            class="sw-error-summary"
            data-testid="error-summary"
            role="group"
            tabindex="-1"
            aria-labelledby="sw-error-summary-title"
            aria-describedby="sw-error-summary-list"
            hidden=move || errors.with(Vec::is_empty)
            // The list can empty with no field put right: a refused service
            // whose select went (its list could not be read again). Focus,
            // which the summary had, goes on to the form's submit rather
            // than to the page. (Chromium also says so when the summary
            // leaves with its screen, whose signals may be gone by then.)
            on:focusout=move |event| {
                let emptied = errors.try_with_untracked(Vec::is_empty) == Some(true);
                if event.related_target().is_none() && emptied {
                    if let Some(submit) = host.find(SUBMIT) {
                        _ = submit.focus();
                    }
                }
            }
        >
            <h3 class="sw-error-summary-title" id="sw-error-summary-title">{words.text(id::ERROR_SUMMARY_TITLE)}</h3>
            <ul class="sw-error-summary-list" id="sw-error-summary-list">
                {move || {
                    let locale = words.locale.get();
                    errors
                        .get()
                        .into_iter()
                        .map(|error| {
                            let target = field_errors::control_id(&error.field);
                            let href = format!("#{target}");
                            let text = field_errors::message(locale, &error, service_from);
                            view! {
                                <li>
                                    <a href=href on:click=move |event| {
                                        // A fragment link would change the host page's URL;
                                        // focus the field inside the shadow root instead.
                                        event.prevent_default();
                                        focus_in_same_root(&event, &target);
                                    }>{text}</a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

fn focus_in_same_root(event: &web_sys::MouseEvent, id: &str) {
    let root = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
        .map(|node| node.get_root_node());
    let Some(root) = root.and_then(|root| root.dyn_into::<web_sys::ShadowRoot>().ok()) else {
        return;
    };
    if let Some(field) = root
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        _ = field.focus();
    }
}
