//! The request form shared by both flows; its state, draft and notices
//! live in `request_form/`.

mod about;
mod confirmation;
mod contact;
mod draft_keeper;
mod errors;
mod files_hold;
mod notices;
mod sending_notice;
mod state;

use leptos::{ev::SubmitEvent, prelude::*};
use support_contract::Service;

pub use self::state::RequestFormState;
use self::{
    about::AboutChoice,
    confirmation::Confirmation,
    contact::ContactFields,
    errors::{error_at, shown_errors},
    files_hold::FilesHold,
    notices::{DraftNotice, HeldOrSlow, SubmitFailure},
    sending_notice::SendingNotice,
};
use crate::{
    components::{
        attachments_field::{on_drag_over, on_drop, on_paste},
        AttachmentsField, ErrorSummary, TextField,
    },
    context::{Connection, FiledRequests, Host, Navigation, Words},
    loaded::Loaded,
};
use support_rules::{
    field_errors::{control_id, ServiceFrom},
    i18n::{self, id},
    journey::Step,
    request::{LoadError, SubmitError},
    request_fields::{self, RequestTarget},
    uploads::Blocker,
};

/// The form's submit button, where focus goes when what had it goes (the
/// sending notice, "Try again", an error summary that empties): busy while
/// the request is on its way.
pub(in crate::components) const SUBMIT: &str = "[data-testid=submit]";

/// A support request form: the Partner Center request, the customer's
/// service request, or a customer's message to its partner. Validation, error
/// summary, submit, retry and confirmation are the same for all. It stays
/// one component of about 200 lines because its submit, the focus after a
/// refusal and the switch to the confirmation share one `send` and one
/// answer, which children would have to hand back and forth.
#[component]
pub fn RequestForm(
    state: RequestFormState,
    /// What the form files; read when it is sent.
    #[prop(into)]
    target: Signal<RequestTarget>,
    /// The services a customer's message to its partner may name, loaded
    /// by its screen, whose request target also reads them (which of them
    /// may be sent).
    #[prop(optional)]
    services: Option<Loaded<Result<Vec<Service>, LoadError>>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    let host = expect_context::<Host>();
    let pending = state.submit.pending;
    let result = state.submit.value;
    state.drawn.update_value(|drawn| *drawn += 1);
    on_cleanup(move || _ = state.drawn.try_update_value(|drawn| *drawn -= 1));

    let errors = shown_errors(state, target, services);
    // The kind of form never changes while it is shown (see below).
    let service_from = if services.is_some() {
        ServiceFrom::TheForm
    } else {
        ServiceFrom::BeforeTheForm
    };
    let error_at = move |field| error_at(words, errors, service_from, field);
    let focus_summary = move || host.focus_when_drawn(".sw-error-summary");
    // A 422 arrives after the submit handler has returned: focus the summary
    // then, as for the widget's own validation. Only an answer that arrives
    // while the form is shown: coming back to a form refused earlier leaves
    // focus where the user put it. (The page hears of every outcome from
    // `RequestFormState::send`, once.) A refused service has the screen read
    // its services again (`RequestFormState::services_refused`).
    Effect::new(move |prev: Option<()>| {
        let refused = result.with(|result| matches!(result, Some(Err(SubmitError::Rejected(_)))));
        if refused && prev.is_some() {
            focus_summary();
        }
    });

    let hold = FilesHold::new();
    let blocked = hold.blocked;
    let waits_for_files = move || blocked.get() == Some(Blocker::StillUploading);
    let submit_label = move || {
        let waiting = waits_for_files() || state.sender.holding.with(Option::is_some);
        request_fields::submit_label(pending.get(), waiting)
    };
    let send = move || {
        // Double clicks and repeated Enter send once.
        if pending.get_untracked() {
            return;
        }
        let locale = words.locale.get_untracked();
        let mut request =
            target.with_untracked(|target| state.typed(locale).to_request(target, locale));
        let session = connection.session.get_untracked();
        session.sign(&mut request);
        let mut problems = request.validate();
        problems.retain(|problem| session.holds_back(problem));
        let has_problems = !problems.is_empty();
        state.local_errors.set(problems);
        if has_problems {
            hold.release();
            focus_summary();
            return;
        }
        // Files still uploading, or failed, hold the request back; the
        // message says which and what to do.
        if hold.holds_back(state) {
            return;
        }
        if let Some(backend) = connection.backend.get_untracked() {
            state.send(connection, nav, filed, host, backend, request);
        }
    };
    let send = StoredValue::new_local(send);
    hold.send_when_in(state, move || send.with_value(|send| send()));
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        send.with_value(|send| send());
    };

    let created = move || match result.get() {
        Some(Ok(created)) => Some(created),
        _ => None,
    };
    let on_new_request = Callback::new(move |()| {
        // The confirmation, which had focus, goes: to the screen's top.
        host.focus_when_drawn("h2.sw-heading");
        // A new problem: the journey drops the guide's decision too (where
        // it is on a customer request; elsewhere the step means nothing).
        state.another_request();
        nav.go(Step::AnotherRequest);
    });
    // The kind of form never changes while it is shown: read once, so that
    // no part of the form is rebuilt (losing focus) when the target's data
    // changes (the contact form's, with its list of services).
    let is_partner_center = target.with_untracked(|t| matches!(t, RequestTarget::PartnerCenter));
    let title_hint = if is_partner_center {
        id::FIELD_TITLE_HINT
    } else {
        id::FIELD_TITLE_HINT_SERVICE
    };
    let form = move || {
        view! {
            <form
                class="sw-form"
                novalidate
                on:submit=on_submit
                on:paste=move |event| on_paste(state.attachments, connection, host, &event)
                on:dragover=move |event| on_drag_over(&event)
                on:drop=move |event| on_drop(state.attachments, connection, host, &event)
                data-testid="request-form"
            >
                <DraftNotice state/>
                <ErrorSummary errors=errors service_from/>
                <AboutChoice target state services errors service_from/>
                <TextField
                    id=control_id("title")
                    label=id::FIELD_TITLE_LABEL
                    hint=title_hint
                    counted_as="title"
                    value=state.title
                    error=error_at("title")
                />
                <TextField
                    id=control_id("description")
                    multiline=true
                    label=id::FIELD_DESCRIPTION_LABEL
                    hint=id::FIELD_DESCRIPTION_HINT
                    counted_as="description"
                    value=state.description
                    error=error_at("description")
                />
                <AttachmentsField state=state.attachments error=error_at("attachments")/>
                <ContactFields state errors service_from/>
                <SendingNotice state/>
                <HeldOrSlow state hold/>
                <SubmitFailure
                    result=Signal::derive(move || result.get())
                    pending=pending.into()
                    send=Callback::new(move |()| send.with_value(|send| send()))
                />
                <button
                    type="submit"
                    class="sw-button sw-button-primary"
                    data-testid="submit"
                    // Not `disabled`: a disabled button loses focus to the
                    // page, where the widget no longer hears its keys. `send`
                    // ignores a press while the request is on its way.
                    aria-disabled=move || pending.get().to_string()
                    aria-busy=move || pending.get().to_string()
                >
                    {move || words.text(submit_label())()}
                </button>
            </form>
        }
    };

    view! {
        // The confirmation's heading takes focus, and so is read out with
        // the reference that describes it, unless the user has gone on to
        // the page (a request that went by itself): only then does this
        // region tell them, reference and all.
        <p class="sw-visually-hidden" role="status">
            {move || match created() {
                _ if pending.get() => words.text(submit_label())(),
                Some(created) if host.user_is_away() => words.format(
                    id::CONFIRM_ANNOUNCEMENT,
                    &i18n::args([("reference", created.reference.into())]),
                ),
                _ => String::new(),
            }}
        </p>
        {move || match created() {
            Some(created) => {
                let next = if target.with_untracked(|t| matches!(t, RequestTarget::ContactPartner { .. })) {
                    id::CONFIRM_NEXT_PARTNER
                } else {
                    id::CONFIRM_NEXT
                };
                let for_customer = target.with_untracked(|t| matches!(t, RequestTarget::Customer(_)));
                view! { <Confirmation created next for_customer on_new_request/> }.into_any()
            }
            None => form().into_any(),
        }}
    }
}
