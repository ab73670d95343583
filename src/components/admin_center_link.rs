//! The link to the customer's admin center for the chosen service, where the
//! partner can solve the problem (seeds 001 and 004) or troubleshoot it with
//! admin privileges before escalating (seed 002).

use leptos::prelude::*;

use crate::context::{Navigation, Words};
use support_rules::{
    i18n::{self, id},
    request::web_link,
};

/// Opens in a new tab. Nothing is drawn without a chosen service, or when
/// the service's admin-center URL is not a web link.
#[component]
pub fn AdminCenterLink() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let link = Memo::new(move |_| {
        nav.journey.with(|j| {
            let service = j.service.as_ref()?;
            Some((web_link(&service.admin_center_url)?, service.name.clone()))
        })
    });
    move || {
        link.get().map(|(href, service)| {
            let label = words.format(id::SELF_HELP_OPEN, &i18n::args([("service", service.into())]));
            view! {
                <p>
                    <a
                        class="sw-link-button"
                        data-testid="admin-center-link"
                        href=href
                        target="_blank"
                        rel="noopener noreferrer"
                    >
                        {label}
                        <span class="sw-visually-hidden">{move || i18n::after_words(&words.text(id::SELF_HELP_NEW_TAB)())}</span>
                        <span aria-hidden="true">" ↗"</span>
                    </a>
                </p>
            }
        })
    }
}
