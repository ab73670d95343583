use leptos::prelude::*;
use support_contract::{Category, ContactLanguage, Service, Severity};

use crate::{components::FieldErrorText, context::Words, loaded::Loaded};
use support_rules::{
    field_errors::control_id,
    i18n::{self, id, MessageId},
    request::LoadError,
    request_fields::{category_label, severity_label},
};

/// One option of a radio group: its value, label and optional hint.
pub struct RadioOption<T> {
    pub value: T,
    /// The value's name in the contract (`billing`), for the radio's value.
    pub key: &'static str,
    pub label: MessageId,
    pub hint: Option<MessageId>,
}

/// A group of radio buttons in a fieldset, with its error in the GOV.UK
/// pattern. The first radio carries the field's id, so that the error
/// summary's link lands on the group. Each radio, which is what takes
/// focus, is marked invalid and described by the error, as a text field is.
#[component]
pub fn RadioGroup<T>(
    /// The field's JSON path (`category`), for ids and errors.
    field: &'static str,
    legend: MessageId,
    options: Vec<RadioOption<T>>,
    value: RwSignal<Option<T>>,
    error: Signal<Option<String>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let words = expect_context::<Words>();
    let group_id = control_id(field);
    let error_id = format!("{group_id}-error");
    let invalid = move || error.with(Option::is_some);
    view! {
        <fieldset class="sw-fieldset sw-field" class:sw-field-invalid=invalid>
            <legend class="sw-legend">{words.text(legend)}</legend>
            <FieldErrorText id=error_id.clone() error/>
            {options
                .into_iter()
                .enumerate()
                .map(|(index, option)| {
                    let radio_id = if index == 0 {
                        group_id.clone()
                    } else {
                        format!("{group_id}-{}", option.key)
                    };
                    let hint_id = format!("{radio_id}-hint");
                    let described_by = {
                        let hint = option.hint.map(|_| hint_id.clone());
                        let error_id = error_id.clone();
                        move || {
                            let error = invalid().then_some(error_id.as_str());
                            let ids: Vec<&str> = hint.as_deref().into_iter().chain(error).collect();
                            (!ids.is_empty()).then(|| ids.join(" "))
                        }
                    };
                    let choice = option.value;
                    view! {
                        <div class="sw-radio">
                            <input
                                type="radio"
                                id=radio_id.clone()
                                name=field
                                value=option.key
                                aria-invalid=move || invalid().to_string()
                                aria-describedby=described_by
                                prop:checked=move || value.get() == Some(choice)
                                on:change=move |_| value.set(Some(choice))
                            />
                            <div class="sw-radio-text">
                                <label for=radio_id>{words.text(option.label)}</label>
                                {option.hint.map(|hint| {
                                    view! { <p class="sw-hint" id=hint_id>{words.text(hint)}</p> }
                                })}
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The three kinds of Partner Center problem.
#[component]
pub fn CategoryChoice(
    value: RwSignal<Option<Category>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let options = Category::ALL
        .into_iter()
        .map(|category| RadioOption {
            value: category,
            key: category.as_str(),
            label: category_label(category),
            hint: None,
        })
        .collect();
    view! { <RadioGroup field="category" legend=id::PC_CATEGORY_LEGEND options value error/> }
}

/// How badly the customer's business is hurt.
#[component]
pub fn SeverityChoice(
    value: RwSignal<Option<Severity>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let options = Severity::ALL
        .into_iter()
        .map(|severity| {
            let (label, hint) = severity_label(severity);
            RadioOption {
                value: severity,
                key: severity.as_str(),
                label,
                hint: Some(hint),
            }
        })
        .collect();
    view! { <RadioGroup field="severity" legend=id::SEVERITY_LEGEND options value error/> }
}

/// The language a support representative should use with the user; until
/// the user picks one, the widget's own language.
#[component]
pub fn ContactLanguageChoice(value: RwSignal<Option<ContactLanguage>>) -> impl IntoView {
    let words = expect_context::<Words>();
    let current = move || value.get().unwrap_or(words.locale.get());
    let id = control_id("contact.language");
    view! {
        <div class="sw-field">
            <label class="sw-label" for=id.clone()>
                {words.text(id::FIELD_CONTACT_LANGUAGE_LABEL)}
            </label>
            <select
                class="sw-input"
                id=id
                prop:value=move || current().as_str()
                on:change=move |event| value.set(ContactLanguage::parse(&event_target_value(&event)))
            >
                {ContactLanguage::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option
                                value=language.as_str()
                                lang=language.as_str()
                                selected=move || current() == language
                            >
                                {words.text(i18n::language_name(language))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The services a form can offer: the backend's list once here, if it has
/// any.
pub fn offered(services: Loaded<Result<Vec<Service>, LoadError>>) -> Option<Vec<Service>> {
    match services.get() {
        Some(Ok(services)) if !services.is_empty() => Some(services),
        _ => None,
    }
}

/// The service a customer's message to its partner is about, from
/// `services`, or "Not sure" (none). Shown once the list is here; a choice
/// the list does not offer (a draft's, the page's) shows as none, and is
/// not sent (`RequestTarget::ContactPartner` sends only a service offered).
/// `error` is the backend's refusal of the service sent.
#[component]
pub fn ServiceSelect(
    value: RwSignal<Option<String>>,
    services: Loaded<Result<Vec<Service>, LoadError>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let id = control_id("service");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let invalid = move || error.with(Option::is_some);
    let described_by = {
        let ids = format!("{hint_id} {error_id}");
        let hint_id = hint_id.clone();
        move || {
            if invalid() {
                ids.clone()
            } else {
                hint_id.clone()
            }
        }
    };
    // The select stays while the list is read again, keeping focus; only
    // its options follow the list.
    let shown = Memo::new(move |_| offered(services).is_some());
    move || {
        shown.get().then(|| {
            let current = move || {
                let offered = offered(services).unwrap_or_default();
                (value.get())
                    .filter(|chosen| offered.iter().any(|s| &s.id == chosen))
                    .unwrap_or_default()
            };
            view! {
                <div class="sw-field" class:sw-field-invalid=invalid>
                    <label class="sw-label" for=id.clone()>{words.text(id::FIELD_SERVICE_LABEL)}</label>
                    <p class="sw-hint" id=hint_id.clone()>{words.text(id::FIELD_SERVICE_HINT)}</p>
                    <FieldErrorText id=error_id.clone() error/>
                    <select
                        class="sw-input"
                        id=id.clone()
                        aria-invalid=move || invalid().to_string()
                        aria-describedby=described_by.clone()
                        data-testid="contact-service"
                        prop:value=current
                        on:change=move |event| {
                            let chosen = event_target_value(&event);
                            value.set((!chosen.is_empty()).then_some(chosen));
                        }
                    >
                        <option value="" selected=move || current().is_empty()>{words.text(id::FIELD_SERVICE_NOT_SURE)}</option>
                        {move || {
                            offered(services)
                                .unwrap_or_default()
                                .into_iter()
                                .map(|service| {
                                    let chosen = service.id.clone();
                                    view! {
                                        <option value=service.id selected=move || current() == chosen>{service.name}</option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            }
        })
    }
}
