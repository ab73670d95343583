use leptos::{ev::SubmitEvent, html, prelude::*};
use support_contract::{Category, ContactLanguage, CreatedRequest, FieldError, NewSupportRequest};
use web_sys::AbortSignal;

use crate::{
    api,
    components::{ErrorSummary, TextArea, TextField},
    context::use_widget,
    field_errors::{self, control_id},
    host::BackendUrl,
    i18n::{self, id},
    locale::Locale,
    partner_center::{category_label, PartnerCenterFields},
    request::SubmitError,
    screens::Confirmation,
};

type SubmitInput = (BackendUrl, String, NewSupportRequest);
type SubmitOutput = Result<CreatedRequest, SubmitError>;

/// The form's state. It is created by the widget root, not by the form, so
/// that it outlives a language switch or a change of screen.
#[derive(Clone, Copy)]
pub struct PartnerCenterState {
    category: RwSignal<Option<Category>>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    contact_name: RwSignal<String>,
    contact_email: RwSignal<String>,
    contact_phone: RwSignal<String>,
    /// `None` until the user picks one: then it follows the widget's locale.
    contact_language: RwSignal<Option<ContactLanguage>>,
    /// One key per request the user means to file: every retry of it sends
    /// the same key, so the backend stores it once however often it arrives.
    idempotency_key: RwSignal<String>,
    /// What the widget's own validation found at the last submit.
    local_errors: RwSignal<Vec<FieldError>>,
    submit: Action<SubmitInput, SubmitOutput>,
}

impl PartnerCenterState {
    /// `abort` is the widget's signal for cancelling requests in flight.
    pub fn new(abort: Option<AbortSignal>) -> Self {
        PartnerCenterState {
            category: RwSignal::new(None),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            contact_name: RwSignal::new(String::new()),
            contact_email: RwSignal::new(String::new()),
            contact_phone: RwSignal::new(String::new()),
            contact_language: RwSignal::new(None),
            idempotency_key: RwSignal::new(new_key()),
            local_errors: RwSignal::new(Vec::new()),
            submit: Action::new_local(move |(backend, key, body): &SubmitInput| {
                api::submit_request(backend.clone(), key.clone(), body.clone(), abort.clone())
            }),
        }
    }

    fn fields(&self, locale: Locale) -> PartnerCenterFields {
        PartnerCenterFields {
            category: self.category.get_untracked(),
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            contact_name: self.contact_name.get_untracked(),
            contact_email: self.contact_email.get_untracked(),
            contact_phone: self.contact_phone.get_untracked(),
            contact_language: self
                .contact_language
                .get_untracked()
                .unwrap_or(locale.contact_language()),
        }
    }

    /// Starts a new request; the contact details stay for the next one.
    fn start_over(&self) {
        self.category.set(None);
        self.title.set(String::new());
        self.description.set(String::new());
        self.local_errors.set(Vec::new());
        self.idempotency_key.set(new_key());
        self.submit.value().set(None);
    }
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The Partner Center request: the partner's own problem with the portal.
#[component]
pub fn PartnerCenterRequest(
    state: PartnerCenterState,
    backend: Signal<Option<BackendUrl>>,
) -> impl IntoView {
    let widget = use_widget();
    let submit = state.submit;
    let pending = submit.pending();
    let result = submit.value();
    let summary = NodeRef::<html::Div>::new();

    // The errors on show: the widget's own findings, else the backend's 422.
    let errors = Memo::new(move |_| {
        let local = state.local_errors.get();
        if !local.is_empty() {
            return local;
        }
        match result.get() {
            Some(Err(SubmitError::Rejected(errors))) => errors,
            _ => Vec::new(),
        }
    });
    let error_at = move |field: &'static str| {
        Signal::derive(move || {
            let locale = widget.locale.get();
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| field_errors::message(locale, e))
            })
        })
    };
    let focus_summary = move || {
        request_animation_frame(move || {
            if let Some(summary) = summary.get_untracked() {
                _ = summary.focus();
            }
        })
    };
    // A 422 arrives after the submit handler has returned: focus the summary
    // then, as for the widget's own validation.
    Effect::new(move |_| {
        if matches!(result.get(), Some(Err(SubmitError::Rejected(_)))) {
            focus_summary();
        }
    });

    let send = move || {
        // Double clicks and repeated Enter send once.
        if pending.get_untracked() {
            return;
        }
        let locale = widget.locale.get_untracked();
        let request = state.fields(locale).to_request(locale);
        let problems = request.validate();
        let has_problems = !problems.is_empty();
        state.local_errors.set(problems);
        if has_problems {
            focus_summary();
            return;
        }
        if let Some(backend) = backend.get_untracked() {
            submit.dispatch_local((backend, state.idempotency_key.get_untracked(), request));
        }
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        send();
    };

    let failure = move || match result.get() {
        Some(Err(SubmitError::Rejected(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(error),
    };
    let failure_text = move || {
        failure().map(|error| match error {
            SubmitError::Network => widget.text(id::SUBMIT_ERROR_NETWORK)(),
            SubmitError::TooLarge => widget.text(id::SUBMIT_ERROR_TOO_LARGE)(),
            SubmitError::Server(status) => widget.format(
                id::SUBMIT_ERROR_SERVER,
                &i18n::args([("status", status.into())]),
            ),
            SubmitError::BadResponse | SubmitError::Rejected(_) => {
                widget.text(id::SUBMIT_ERROR_RESPONSE)()
            }
        })
    };
    let created = move || match result.get() {
        Some(Ok(created)) => Some(created),
        _ => None,
    };
    let on_new_request = Callback::new(move |()| state.start_over());

    let form = move || {
        view! {
            <form class="sw-form" novalidate on:submit=on_submit data-testid="partner-center-form">
                <h2 class="sw-heading">{widget.text(id::PC_HEADING)}</h2>
                <p class="sw-intro">{widget.text(id::PC_INTRO)}</p>
                <ErrorSummary errors=errors node_ref=summary/>
                <CategoryChoice value=state.category error=error_at("category")/>
                <TextField id=control_id("title") label=id::FIELD_TITLE_LABEL hint=id::FIELD_TITLE_HINT value=state.title error=error_at("title")/>
                <TextArea id=control_id("description") label=id::FIELD_DESCRIPTION_LABEL hint=id::FIELD_DESCRIPTION_HINT value=state.description error=error_at("description")/>
                <fieldset class="sw-fieldset">
                    <legend class="sw-legend">{widget.text(id::FIELD_CONTACT_HEADING)}</legend>
                    <TextField id=control_id("contact.name") label=id::FIELD_CONTACT_NAME_LABEL autocomplete="name" value=state.contact_name error=error_at("contact.name")/>
                    <TextField id=control_id("contact.email") label=id::FIELD_CONTACT_EMAIL_LABEL kind="email" autocomplete="email" value=state.contact_email error=error_at("contact.email")/>
                    <TextField id=control_id("contact.phone") label=id::FIELD_CONTACT_PHONE_LABEL kind="tel" autocomplete="tel" value=state.contact_phone error=error_at("contact.phone")/>
                    <ContactLanguageChoice value=state.contact_language/>
                </fieldset>
                {move || failure_text().map(|text| view! {
                    <div class="sw-submit-error" role="alert" data-testid="submit-error">
                        <p>{text}</p>
                        <button type="button" class="sw-button sw-button-secondary" on:click=move |_| send()>
                            {widget.text(id::SUBMIT_RETRY)}
                        </button>
                    </div>
                })}
                <button type="submit" class="sw-button sw-button-primary" data-testid="submit" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { widget.text(id::SUBMIT_PENDING)() } else { widget.text(id::SUBMIT_BUTTON)() }}
                </button>
            </form>
        }
    };

    view! {
        <p class="sw-visually-hidden" role="status">
            {move || {
                if pending.get() {
                    widget.text(id::SUBMIT_PENDING)()
                } else if created().is_some() {
                    widget.text(id::CONFIRM_HEADING)()
                } else {
                    String::new()
                }
            }}
        </p>
        {move || match created() {
            Some(created) => view! { <Confirmation created on_new_request/> }.into_any(),
            None => form().into_any(),
        }}
    }
}

/// The three kinds of Partner Center problem, as radio buttons.
#[component]
fn CategoryChoice(
    value: RwSignal<Option<Category>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let widget = use_widget();
    view! {
        <fieldset class="sw-fieldset sw-field" class:sw-field-invalid=move || error.with(Option::is_some) aria-describedby=move || error.with(Option::is_some).then_some("sw-category-error")>
            <legend class="sw-legend">{widget.text(id::PC_CATEGORY_LEGEND)}</legend>
            <crate::components::FieldErrorText id="sw-category-error" error/>
            {Category::ALL
                .into_iter()
                .enumerate()
                .map(|(index, category)| {
                    // The first radio carries the field's id, so that the
                    // error summary's link lands on the group.
                    let radio_id = if index == 0 { control_id("category") } else { format!("sw-category-{}", category.as_str()) };
                    view! {
                        <div class="sw-radio">
                            <input
                                type="radio"
                                id=radio_id.clone()
                                name="category"
                                value=category.as_str()
                                prop:checked=move || value.get() == Some(category)
                                on:change=move |_| value.set(Some(category))
                            />
                            <label for=radio_id>{widget.text(category_label(category))}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The language a support representative should use with the user.
#[component]
fn ContactLanguageChoice(value: RwSignal<Option<ContactLanguage>>) -> impl IntoView {
    let widget = use_widget();
    let current = move || {
        value
            .get()
            .unwrap_or(widget.locale.get().contact_language())
    };
    let id = control_id("contact.language");
    view! {
        <div class="sw-field">
            <label class="sw-label" for=id.clone()>{widget.text(id::FIELD_CONTACT_LANGUAGE_LABEL)}</label>
            <select
                class="sw-input"
                id=id
                prop:value=move || current().as_str()
                on:change=move |event| value.set(ContactLanguage::parse(&event_target_value(&event)))
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        let language = locale.contact_language();
                        view! {
                            <option value=language.as_str() lang=locale.tag() selected=move || current() == language>
                                {widget.text(locale.name_message())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
