use leptos::prelude::*;

use crate::context::Words;
use support_rules::{field_errors, i18n::MessageId};

/// A labelled text input, one line or several, with an optional hint and
/// its error message in the GOV.UK pattern.
#[component]
pub fn TextField(
    /// The control's id inside the widget (from `field_errors::control_id`).
    id: String,
    /// The label's message ID.
    label: MessageId,
    /// The hint's message ID, shown under the label.
    #[prop(optional)]
    hint: Option<MessageId>,
    /// A `<textarea>` for text of several lines instead of an `<input>`.
    #[prop(optional)]
    multiline: bool,
    /// The input's `type`. An `"email"` field is drawn as text with an
    /// email keyboard (`inputmode`): with `type="email"` the browser would
    /// hand over an internationalized domain (例子.中国) in Punycode
    /// (xn--…), which the support representative could not read.
    #[prop(default = "text")]
    kind: &'static str,
    /// The input's `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    value: RwSignal<String>,
    /// The field's JSON path, for a field whose characters are counted
    /// against its limit under it as the text nears it.
    #[prop(optional)]
    counted_as: Option<&'static str>,
    /// The localized error for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let count_id = format!("{id}-count");
    let invalid = move || error.with(Option::is_some);
    let count = move || {
        counted_as.and_then(|field| {
            field_errors::character_count(words.locale.get(), field, &value.read())
        })
    };
    let described_by = {
        let ids = [hint_id.clone(), error_id.clone(), count_id.clone()];
        move || {
            let shown = [hint.is_some(), invalid(), count().is_some()];
            let described: Vec<&str> = ids
                .iter()
                .zip(shown)
                .filter_map(|(id, shown)| shown.then_some(id.as_str()))
                .collect();
            (!described.is_empty()).then(|| described.join(" "))
        }
    };
    let on_input = move |event| value.set(event_target_value(&event));
    let email = kind == "email";
    let control = if multiline {
        view! {
            <textarea
                class="sw-input sw-textarea"
                name=id.clone()
                id=id.clone()
                rows="6"
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="sw-input"
                name=id.clone()
                id=id.clone()
                type=if email { "text" } else { kind }
                inputmode=email.then_some("email")
                autocapitalize=email.then_some("off")
                spellcheck=email.then_some("false")
                autocomplete=autocomplete
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="sw-field" class:sw-field-invalid=invalid>
            <label class="sw-label" for=id>{words.text(label)}</label>
            {hint.map(|hint| view! { <p class="sw-hint" id=hint_id.clone()>{words.text(hint)}</p> })}
            <FieldError id=error_id error/>
            {control}
            {move || {
                count().map(|(text, over)| {
                    view! { <p class="sw-hint" class:sw-count-over=over id=count_id.clone()>{text}</p> }
                })
            }}
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
