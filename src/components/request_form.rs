use leptos::{ev::SubmitEvent, html, prelude::*};
use support_contract::{
    Category, ContactLanguage, CreatedRequest, FieldError, NewSupportRequest, Severity,
};

use crate::{
    api,
    api::Transport,
    components::{
        CategoryChoice, ContactLanguageChoice, ErrorSummary, SeverityChoice, TextArea, TextField,
    },
    context::{use_widget, WidgetContext},
    field_errors::{self, control_id},
    host::BackendUrl,
    host_api::Prefill,
    i18n::{self, id},
    locale::Locale,
    request::SubmitError,
    request_form::{CustomerContext, RequestFields},
    screens::Confirmation,
};

type SubmitInput = (BackendUrl, String, NewSupportRequest, Transport);
type SubmitOutput = Result<CreatedRequest, SubmitError>;

/// A request form's state. The widget root creates one per flow, so that it
/// outlives a language switch, a step back or a change of screen.
#[derive(Clone, Copy)]
pub struct RequestFormState {
    category: RwSignal<Option<Category>>,
    severity: RwSignal<Option<Severity>>,
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

impl RequestFormState {
    pub fn new() -> Self {
        RequestFormState {
            category: RwSignal::new(None),
            severity: RwSignal::new(None),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            contact_name: RwSignal::new(String::new()),
            contact_email: RwSignal::new(String::new()),
            contact_phone: RwSignal::new(String::new()),
            contact_language: RwSignal::new(None),
            idempotency_key: RwSignal::new(new_key()),
            local_errors: RwSignal::new(Vec::new()),
            submit: Action::new_local(|(backend, key, body, transport): &SubmitInput| {
                api::submit_request(
                    backend.clone(),
                    key.clone(),
                    body.clone(),
                    transport.clone(),
                )
            }),
        }
    }

    /// What the user typed, as plain data.
    fn typed(&self, locale: Locale) -> RequestFields {
        RequestFields {
            category: self.category.get_untracked(),
            severity: self.severity.get_untracked(),
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

    /// Fills in what the page already knows (`element.prefill`).
    pub fn prefill(&self, prefill: &Prefill) {
        if let Some(title) = &prefill.title {
            self.title.set(title.clone());
        }
        if prefill.category.is_some() {
            self.category.set(prefill.category);
        }
        if let Some(contact) = &prefill.contact {
            let set = |signal: RwSignal<String>, value: &Option<String>| {
                if let Some(value) = value {
                    signal.set(value.clone());
                }
            };
            set(self.contact_name, &contact.name);
            set(self.contact_email, &contact.email);
            set(self.contact_phone, &contact.phone);
            if contact.language.is_some() {
                self.contact_language.set(contact.language);
            }
        }
    }

    /// Starts a new request with what `RequestFields::for_next_request` keeps.
    fn start_over(&self) {
        let next = self.typed(Locale::default()).for_next_request();
        self.category.set(next.category);
        self.severity.set(next.severity);
        self.title.set(next.title);
        self.description.set(next.description);
        self.local_errors.set(Vec::new());
        self.idempotency_key.set(new_key());
        self.submit.value().set(None);
    }
}

impl Default for RequestFormState {
    fn default() -> Self {
        Self::new()
    }
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A support request form: the Partner Center request without a context, the
/// customer's service request with one. Validation, error summary, submit,
/// retry and confirmation are the same for both.
#[component]
pub fn RequestForm(
    state: RequestFormState,
    /// The customer and service of a customer request.
    #[prop(optional)]
    context: Option<CustomerContext>,
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
    // then, as for the widget's own validation. Every outcome is also told to
    // the page, as a DOM event.
    Effect::new(move |_| match result.get() {
        Some(Ok(created)) => widget.emit(
            "submitted",
            &[
                ("id", created.id.into()),
                ("reference", created.reference.into()),
                ("status", created.status.as_str().into()),
            ],
        ),
        Some(Err(error)) => {
            if matches!(error, SubmitError::Rejected(_)) {
                focus_summary();
            }
            let message = failure_message(widget, error.clone());
            widget.emit(
                "error",
                &[("code", error.code().into()), ("message", message.into())],
            );
        }
        None => {}
    });

    let send = {
        let context = context.clone();
        move || {
            // Double clicks and repeated Enter send once.
            if pending.get_untracked() {
                return;
            }
            let locale = widget.locale.get_untracked();
            let request = state.typed(locale).to_request(context.as_ref(), locale);
            let problems = request.validate();
            let has_problems = !problems.is_empty();
            state.local_errors.set(problems);
            if has_problems {
                focus_summary();
                return;
            }
            if let Some(backend) = widget.backend.get_untracked() {
                let key = state.idempotency_key.get_untracked();
                submit.dispatch_local((backend, key, request, widget.transport()));
            }
        }
    };
    let send = StoredValue::new_local(send);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        send.with_value(|send| send());
    };

    let created = move || match result.get() {
        Some(Ok(created)) => Some(created),
        _ => None,
    };
    let on_new_request = Callback::new(move |()| state.start_over());
    let is_customer_request = context.is_some();

    let form = move || {
        view! {
            <form class="sw-form" novalidate on:submit=on_submit data-testid="request-form">
                <ErrorSummary errors=errors node_ref=summary/>
                {if is_customer_request {
                    view! {
                        <SeverityChoice value=state.severity error=error_at("severity")/>
                    }
                    .into_any()
                } else {
                    view! {
                        <CategoryChoice value=state.category error=error_at("category")/>
                    }
                    .into_any()
                }}
                <TextField
                    id=control_id("title")
                    label=id::FIELD_TITLE_LABEL
                    hint=id::FIELD_TITLE_HINT
                    value=state.title
                    error=error_at("title")
                />
                <TextArea
                    id=control_id("description")
                    label=id::FIELD_DESCRIPTION_LABEL
                    hint=id::FIELD_DESCRIPTION_HINT
                    value=state.description
                    error=error_at("description")
                />
                <fieldset class="sw-fieldset">
                    <legend class="sw-legend">{widget.text(id::FIELD_CONTACT_HEADING)}</legend>
                    <TextField
                        id=control_id("contact.name")
                        label=id::FIELD_CONTACT_NAME_LABEL
                        autocomplete="name"
                        value=state.contact_name
                        error=error_at("contact.name")
                    />
                    <TextField
                        id=control_id("contact.email")
                        label=id::FIELD_CONTACT_EMAIL_LABEL
                        kind="email"
                        autocomplete="email"
                        value=state.contact_email
                        error=error_at("contact.email")
                    />
                    <TextField
                        id=control_id("contact.phone")
                        label=id::FIELD_CONTACT_PHONE_LABEL
                        kind="tel"
                        autocomplete="tel"
                        value=state.contact_phone
                        error=error_at("contact.phone")
                    />
                    <ContactLanguageChoice value=state.contact_language/>
                </fieldset>
                <SubmitFailure result=Signal::derive(move || result.get()) send=Callback::new(move |()| send.with_value(|send| send()))/>
                <button
                    type="submit"
                    class="sw-button sw-button-primary"
                    data-testid="submit"
                    disabled=move || pending.get()
                    aria-busy=move || pending.get().to_string()
                >
                    {move || {
                        if pending.get() {
                            widget.text(id::SUBMIT_PENDING)()
                        } else {
                            widget.text(id::SUBMIT_BUTTON)()
                        }
                    }}
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

/// Why the last submit failed, when the user can do nothing but try again.
#[component]
fn SubmitFailure(result: Signal<Option<SubmitOutput>>, send: Callback<()>) -> impl IntoView {
    let widget = use_widget();
    let text = move || match result.get() {
        Some(Err(SubmitError::Rejected(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => Some(failure_message(widget, error)),
    };
    move || {
        text().map(|text| {
            view! {
                <div class="sw-submit-error" role="alert" data-testid="submit-error">
                    <p>{text}</p>
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        on:click=move |_| send.run(())
                    >
                        {widget.text(id::SUBMIT_RETRY)}
                    </button>
                </div>
            }
        })
    }
}

fn failure_message(widget: WidgetContext, error: SubmitError) -> String {
    match error {
        SubmitError::Network => widget.text(id::SUBMIT_ERROR_NETWORK)(),
        SubmitError::TooLarge => widget.text(id::SUBMIT_ERROR_TOO_LARGE)(),
        SubmitError::Server(status) => widget.format(
            id::SUBMIT_ERROR_SERVER,
            &i18n::args([("status", status.into())]),
        ),
        SubmitError::Rejected(_) => widget.text(id::ERROR_SUMMARY_TITLE)(),
        SubmitError::BadResponse => widget.text(id::SUBMIT_ERROR_RESPONSE)(),
    }
}
