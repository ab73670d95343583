use leptos::prelude::*;

use crate::context::{Host, Words};
use support_rules::{
    i18n::{self, id},
    locale::Locale,
};

/// Switches the widget's language. Only the words change: the screens and
/// what the user typed stay where they are.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    // The page hears the choice: the `locale` attribute stays as the page
    // set it, and a page that wants the choice kept sets it.
    let on_change = move |event| {
        let tag = event_target_value(&event);
        host.emit("locale", &[("locale", tag.as_str().into())]);
        _ = words.requested_locale.try_set(Some(tag));
    };
    view! {
        <label class="sw-language">
            <span class="sw-language-label">{words.text(id::WIDGET_LANGUAGE_LABEL)}</span>
            // Shows the language on screen: while a chosen one is still on its
            // way, the user's choice; when it cannot be had, the one shown.
            <select
                data-testid="language-picker"
                on:change=on_change
                prop:value=move || {
                    let locales = words.locales;
                    let on_screen = if locales.unavailable().is_some() { locales.shown } else { locales.wanted };
                    on_screen.get().as_str()
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option value=locale.as_str() lang=locale.as_str() selected=move || words.locale.get() == locale>
                                {words.text(i18n::language_name(locale))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
