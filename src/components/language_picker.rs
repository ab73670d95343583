use leptos::prelude::*;

use crate::{
    context::use_widget,
    rules::{
        i18n::{self, id},
        locale::Locale,
    },
};

/// Switches the widget's language. Only the words change: the screens and
/// what the user typed stay where they are.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let widget = use_widget();
    // The page hears the choice: the `locale` attribute stays as the page
    // set it, and a page that wants the choice kept sets it.
    let on_change = move |event| {
        let tag = event_target_value(&event);
        widget.emit("locale", &[("locale", tag.as_str().into())]);
        _ = widget.requested_locale.try_set(Some(tag));
    };
    view! {
        <label class="sw-language">
            <span class="sw-language-label">{widget.text(id::WIDGET_LANGUAGE_LABEL)}</span>
            // Shows the language on screen: while a chosen one is still on its
            // way, the user's choice; when it cannot be had, the one shown.
            <select
                data-testid="language-picker"
                on:change=on_change
                prop:value=move || {
                    let locales = widget.locales;
                    let on_screen = if locales.unavailable().is_some() { locales.shown } else { locales.wanted };
                    on_screen.get().as_str()
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option value=locale.as_str() lang=locale.as_str() selected=move || widget.locale.get() == locale>
                                {widget.text(i18n::language_name(locale))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
