//! The widget's header: its name, whom it connects the user with, and the
//! language picker.

use leptos::prelude::*;

use crate::{
    components::LanguagePicker,
    context::use_widget,
    rules::{host::Audience, i18n::id},
};

/// Above every screen.
#[component]
pub fn Header() -> impl IntoView {
    let context = use_widget();
    view! {
        <div class="sw-header">
            <div class="sw-brand">
                <span class="sw-brand-title">{context.text(id::WIDGET_TITLE)}</span>
                <span class="sw-brand-subtitle">{move || {
                    // Customers hear from their partner, not Partner Center.
                    let subtitle = match context.audience.get() {
                        Audience::Partner => id::WIDGET_SUBTITLE,
                        Audience::Customer => id::WIDGET_SUBTITLE_CUSTOMER,
                    };
                    context.text(subtitle)()
                }}</span>
            </div>
            <LanguagePicker/>
        </div>
    }
}
