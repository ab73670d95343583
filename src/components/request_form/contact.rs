//! Whom the request goes from: the contact's name and e-mail address (or,
//! for a signed-in user, whom it goes as), phone and language.

use leptos::prelude::*;
use support_contract::FieldError;

use super::{errors::error_at, RequestFormState};
use crate::{
    components::{ContactLanguageChoice, TextField},
    context::{Connection, Words},
};
use support_rules::{
    field_errors::{control_id, ServiceFrom},
    i18n::{self, id},
    session::{Identity, Session},
};

#[component]
pub(super) fn ContactFields(
    state: RequestFormState,
    errors: Memo<Vec<FieldError>>,
    service_from: ServiceFrom,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let error_at = move |field| error_at(words, errors, service_from, field);
    let asks_contact = Memo::new(move |_| connection.session.with(Session::asks_contact));
    let sending_as = move || match connection.session.get() {
        Session::SignedIn(Identity { name, email, .. }) => words.format(
            id::FIELD_CONTACT_SENDING_AS,
            &i18n::args([("name", name.into()), ("email", email.into())]),
        ),
        _ => String::new(),
    };
    view! {
        <fieldset class="sw-fieldset">
            <legend class="sw-legend">{words.text(id::FIELD_CONTACT_HEADING)}</legend>
            // A signed-in user is not asked whom they are: the form
            // says whom the request goes from.
            {move || if asks_contact.get() {
                view! {
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
                }
                .into_any()
            } else {
                view! { <p data-testid="sending-as">{sending_as}</p> }.into_any()
            }}
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
    }
}
