use leptos::prelude::*;

use crate::context::use_widget;

/// A labelled one-line input with an optional hint and its error message.
#[component]
pub fn TextField(
    /// The control's id inside the widget (from `field_errors::control_id`).
    id: String,
    /// The label's message ID.
    label: &'static str,
    /// The hint's message ID, shown under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The input's `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    value: RwSignal<String>,
    /// The localized error for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let widget = use_widget();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            describe(
                hint.map(|_| hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            )
        }
    };
    view! {
        <div class="sw-field" class:sw-field-invalid=move || error.with(Option::is_some)>
            <label class="sw-label" for=id.clone()>{widget.text(label)}</label>
            {hint.map(|hint| view! { <p class="sw-hint" id=hint_id.clone()>{widget.text(hint)}</p> })}
            <FieldError id=error_id error/>
            <input
                class="sw-input"
                name=id.clone()
                id=id
                type=kind
                autocomplete=autocomplete
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}

/// A labelled multi-line input with an optional hint and its error message.
#[component]
pub fn TextArea(
    id: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let widget = use_widget();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            describe(
                hint.map(|_| hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            )
        }
    };
    view! {
        <div class="sw-field" class:sw-field-invalid=move || error.with(Option::is_some)>
            <label class="sw-label" for=id.clone()>{widget.text(label)}</label>
            {hint.map(|hint| view! { <p class="sw-hint" id=hint_id.clone()>{widget.text(hint)}</p> })}
            <FieldError id=error_id error/>
            <textarea
                class="sw-input sw-textarea"
                name=id.clone()
                id=id
                rows="6"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
        </div>
    }
}

/// The error under a label, in the GOV.UK pattern.
#[component]
pub fn FieldError(#[prop(into)] id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! { <p class="sw-field-error" id=id.clone()>{message}</p> }
        })
    }
}

fn describe(hint: Option<&str>, error: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = hint.into_iter().chain(error).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
