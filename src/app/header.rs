//! The widget's header: its name, whom it connects the user with, and the
//! language picker.

use leptos::prelude::*;

use crate::{
    components::LanguagePicker,
    context::{Connection, Words},
};
use support_rules::{host::Audience, i18n::id};

/// Above every screen.
#[component]
pub fn Header() -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    view! {
        <div class="sw-header">
            <div class="sw-brand">
                <span class="sw-brand-title">{words.text(id::WIDGET_TITLE)}</span>
                <span class="sw-brand-subtitle">{move || {
                    // Customers hear from their partner, not Partner Center.
                    let subtitle = match connection.audience.get() {
                        Audience::Partner => id::WIDGET_SUBTITLE,
                        Audience::Customer => id::WIDGET_SUBTITLE_CUSTOMER,
                    };
                    words.text(subtitle)()
                }}</span>
            </div>
            <LanguagePicker/>
        </div>
    }
}
