//! A request form's state, created once above the screens so that neither a
//! language switch nor a step back loses what was typed: its fields as
//! signals, its submission, its files and its draft. When it begins anew,
//! what the page prefills, discarding and the submit are in `state/`.

mod anew;
mod discarded;
mod prefilled;
mod submit;

use leptos::prelude::*;
use support_contract::{Category, ContactLanguage, CreatedRequest, FieldError, Severity};

use self::discarded::Discarded;
use super::draft_keeper::DraftKeeper;
use crate::components::AttachmentsState;
use crate::{
    context::{Connection, Host, Navigation},
    sending::{new_key, Sender},
};
use support_rules::{
    drafts::{Draft, DraftSubject, FormFlow},
    help_journey::HelpStep,
    i18n::{id, MessageId},
    locale::Locale,
    request::SubmitError,
    request_fields::RequestFields,
};

pub(super) type SubmitOutput = Result<CreatedRequest, SubmitError>;

/// The form's submission: whether one is on its way, and how the last one
/// ended.
///
/// Why not Leptos's `Action`: an action stores every answer its future gives,
/// for whoever the form is for by then, and stays pending until that future
/// ends. The form outlives its user: when a signed-in user leaves, it is
/// emptied for the next one (`clear_for_next_user`) while the last user's
/// send may still be on its way, and that send's answer is theirs alone
/// (`submit.rs` tells the page and stores nothing). With an `Action`, the
/// next user's form would show the last user's refusal, which
/// `e2e/tests/identity-session.spec.js` ("a request held for an ended
/// session never goes as the next user") checks it does not.
#[derive(Clone, Copy)]
pub(super) struct Submission {
    pub(super) pending: RwSignal<bool>,
    /// `None` before the first answer, and again once the form begins anew.
    pub(super) value: RwSignal<Option<SubmitOutput>>,
}

/// A request form's state. The widget root creates one per flow, so that it
/// outlives a language switch, a step back or a change of screen; its draft
/// outlives the page.
#[derive(Clone, Copy)]
pub struct RequestFormState {
    pub(super) category: RwSignal<Option<Category>>,
    pub(super) severity: RwSignal<Option<Severity>>,
    /// The service a message to the partner is about (`RequestFields::service`).
    pub(super) service: RwSignal<Option<String>>,
    pub(super) title: RwSignal<String>,
    pub(super) description: RwSignal<String>,
    pub(super) contact_name: RwSignal<String>,
    pub(super) contact_email: RwSignal<String>,
    pub(super) contact_phone: RwSignal<String>,
    /// `None` until the user picks one: then it follows the widget's locale.
    pub(super) contact_language: RwSignal<Option<ContactLanguage>>,
    /// One key per request the user means to file: every retry of it sends
    /// the same key, so the backend stores it once however often it arrives.
    /// The draft keeps it, so that holds across a reload too.
    pub(super) idempotency_key: RwSignal<String>,
    /// What the widget's own validation found at the last submit.
    pub(super) local_errors: RwSignal<Vec<FieldError>>,
    /// The files with the request.
    pub(super) attachments: AttachmentsState,
    /// Whom a customer request is for, kept with its draft.
    about: RwSignal<Option<DraftSubject>>,
    /// The customer and service the form's text was typed for, when the
    /// partner has since opened the form for others.
    pub(super) typed_for: RwSignal<Option<DraftSubject>>,
    /// A message to the partner's: the customer's self-service, whose
    /// articles seen the message names and its draft keeps.
    help: Option<Navigation>,
    pub(super) submit: Submission,
    pub(super) sender: Sender,
    pub(super) draft: DraftKeeper,
    /// The journey's visit the form was last shown in (`show_in`).
    shown_in: StoredValue<u32>,
    /// What "Discard draft" took away, until it is undone (`discarded.rs`).
    discarded: RwSignal<Option<Discarded>>,
    /// What the page's `prefill` calls give a blank form (and whether they
    /// chose the contact language): not the user's draft, and what a
    /// discarded draft leaves (`prefilled.rs`).
    prefilled: StoredValue<Option<(RequestFields, bool)>>,
    /// What the page's own `prefill` calls gave, without the contact
    /// details the other form lent: what a form begins with for the next
    /// user after one left (`prefilled.rs`).
    page_prefilled: StoredValue<Option<(RequestFields, bool)>>,
    /// The other form, whose blank contact details this one's fill in once
    /// its request is filed (`prefilled.rs`).
    lends_contact_to: StoredValue<Option<RequestFormState>>,
    /// The customer's message whose words the form began with (`carry_over`).
    carried_from: StoredValue<Option<String>>,
    /// The form as it was when its request was last sent.
    sent_as: StoredValue<Option<RequestFields>>,
    /// How many of its forms are drawn: none once the user has moved on
    /// (a count, as the next screen's form may be drawn before the last one
    /// is taken down).
    pub(super) drawn: StoredValue<u32>,
}

impl RequestFormState {
    /// The state of `flow`'s form, with the draft an earlier visit left.
    /// Created inside the widget root, which provides the context.
    pub fn new(flow: FormFlow) -> Self {
        let sender = Sender::new();
        let connection = expect_context::<Connection>();
        let host = expect_context::<Host>();
        let state = RequestFormState {
            category: RwSignal::new(None),
            severity: RwSignal::new(None),
            service: RwSignal::new(None),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            contact_name: RwSignal::new(String::new()),
            contact_email: RwSignal::new(String::new()),
            contact_phone: RwSignal::new(String::new()),
            contact_language: RwSignal::new(None),
            idempotency_key: RwSignal::new(new_key()),
            local_errors: RwSignal::new(Vec::new()),
            attachments: AttachmentsState::new(),
            about: RwSignal::new(None),
            typed_for: RwSignal::new(None),
            help: (flow == FormFlow::ContactPartner).then(expect_context::<Navigation>),
            submit: Submission {
                pending: RwSignal::new(false),
                value: RwSignal::new(None),
            },
            sender,
            draft: DraftKeeper::new(expect_context(), connection, flow),
            shown_in: StoredValue::new(0),
            discarded: RwSignal::new(None),
            prefilled: StoredValue::new(None),
            page_prefilled: StoredValue::new(None),
            lends_contact_to: StoredValue::new(None),
            carried_from: StoredValue::new(None),
            sent_as: StoredValue::new(None),
            drawn: StoredValue::new(0),
        };
        state.load_draft();
        // A page that sets its backend after the form was created, or changes
        // it or the audience, has that backend's and audience's draft read
        // then; a form holding what the user typed keeps it. So does the
        // first user the page signs in, unless the form only shows a draft
        // read from storage, untouched since, and the user has their own.
        Effect::new(move |_| {
            connection.backend.track();
            connection.audience.track();
            connection.storage_owner.track();
            let shown = state.current_draft_untracked();
            if !state.draft.moved() {
                return;
            }
            if !state.holds_the_users(&shown.fields) {
                state.load_draft();
            } else if state.draft.is_unchanged(&shown) && state.draft.has_stored() {
                // What it shows is a stored draft, untouched since: the
                // signed-in user's own draft takes its place (it stays
                // where it was stored).
                state.clear_for_next_user();
                state.load_draft();
            } else if state.draft.read_nowhere() {
                // Typed while the widget waited to know whose draft it is
                // (the provider's first answer on its way): it is theirs,
                // kept now rather than at the next keystroke.
                state.draft.keep_typed(shown);
            }
        });
        // A signed-in user who leaves takes their form with them: it is
        // written to their draft, their request waiting to be sent goes no
        // further, and the next user finds their own draft or an empty form.
        connection.when_user_leaves(move || {
            state.draft.write_pending();
            state.sender.stop();
            state.clear_for_next_user();
            state.load_draft();
        });
        // The page signed the user in again: a send that the ended session
        // had refused (the user stopped waiting for the sign-in) no longer
        // says the sign-in was refused. The form is ready to send as it is;
        // focus on its "Try again" goes to Submit.
        connection.on_signed_in_again(move || {
            let refused = state.submit.value.with_untracked(|result| {
                matches!(result, Some(Err(SubmitError::Server { status: 401, .. })))
            });
            if refused {
                state.submit.value.set(None);
                host.focus_when_drawn_if_lost(super::SUBMIT);
            }
        });
        // A request waiting to be sent again (after a failure, or for the
        // connection) would go as it was at Submit: a change meanwhile ends
        // the wait, as Stop does, and the form shows the last failure, to be
        // sent as it is now.
        Effect::new(move |_| {
            if state.sender.holding.with(Option::is_none) {
                return;
            }
            let fields = state.current_draft().fields;
            if state
                .sent_as
                .with_value(|sent| sent.as_ref().is_some_and(|sent| *sent != fields))
            {
                state.sender.stop();
            }
        });
        // Saving the draft talks to localStorage, the outside world. A
        // confirmed request leaves no draft behind.
        Effect::new(move |_| {
            let draft = state.current_draft();
            if matches!(state.submit.value.get(), Some(Ok(_))) {
                state.draft.forget(draft);
            } else {
                let worth_keeping = state.holds_the_users(&draft.fields);
                state.draft.save_later(draft, worth_keeping);
            }
        });
        state
    }

    /// Whether the backend has stored this form's request (tracked).
    pub fn is_filed(&self) -> bool {
        self.submit
            .value
            .with(|result| matches!(result, Some(Ok(_))))
    }

    /// How many answers have refused the service chosen since the call
    /// (tracked): a service the backend no longer has. The contact form's
    /// screen reads its services again after each, which drops it, and the
    /// choice of it shows as "Not sure" and is not sent again.
    pub fn services_refused(&self) -> Memo<usize> {
        let value = self.submit.value;
        Memo::new(move |before: Option<&usize>| {
            let refused = value.with(|result| {
                matches!(result, Some(Err(SubmitError::Rejected(errors)))
                    if errors.iter().any(|e| e.field == "service"))
            });
            before.map_or(0, |before| before + usize::from(refused))
        })
    }

    /// What the user typed, as plain data.
    pub(super) fn typed(&self, locale: Locale) -> RequestFields {
        RequestFields {
            category: self.category.get_untracked(),
            severity: self.severity.get_untracked(),
            service: self.service.get_untracked(),
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            contact_name: self.contact_name.get_untracked(),
            contact_email: self.contact_email.get_untracked(),
            contact_phone: self.contact_phone.get_untracked(),
            contact_language: self.contact_language.get_untracked().unwrap_or(locale),
            attachments: untrack(|| self.attachments.uploaded()),
        }
    }

    /// The form as a draft (tracked, for the effect that saves it).
    pub(super) fn current_draft(&self) -> Draft {
        Draft {
            fields: RequestFields {
                category: self.category.get(),
                severity: self.severity.get(),
                service: self.service.get(),
                title: self.title.get(),
                description: self.description.get(),
                contact_name: self.contact_name.get(),
                contact_email: self.contact_email.get(),
                contact_phone: self.contact_phone.get(),
                contact_language: self.contact_language.get().unwrap_or_default(),
                attachments: self.attachments.uploaded(),
            },
            contact_language_chosen: self.contact_language.with(Option::is_some),
            idempotency_key: self.idempotency_key.get(),
            saved_at: 0,
            about: self.about.get(),
            typed_for: self.typed_for.get(),
            articles_seen: (self.help)
                .map(|nav| nav.help.with(|help| help.articles_seen.clone()))
                .unwrap_or_default(),
        }
    }

    /// The customer and service of a kept customer request that is not filed
    /// yet (tracked): what home offers to go back to.
    pub fn resumable(&self) -> Option<DraftSubject> {
        if !self.unsent() {
            return None;
        }
        self.about.get()
    }

    /// What a way into the form is marked with (tracked): its request
    /// waiting to be sent again (after a failure, or for the connection),
    /// else a problem typed and not filed yet; with its test id.
    pub fn mark(&self) -> Option<(MessageId, &'static str)> {
        if self.sender.holding.with(Option::is_some) {
            Some((id::SUBMIT_WAITING, "waiting-to-send"))
        } else if self.unsent() {
            Some((id::HOME_UNSENT_DRAFT, "unsent-draft"))
        } else {
            None
        }
    }

    /// Whether the form holds a problem typed and not filed yet (tracked).
    pub fn unsent(&self) -> bool {
        let fields = self.current_draft().fields;
        !self.is_filed() && fields.describes_a_problem() && self.holds_the_users(&fields)
    }

    fn set_fields(&self, fields: RequestFields, language_chosen: bool) {
        self.category.set(fields.category);
        self.severity.set(fields.severity);
        self.service.set(fields.service);
        self.title.set(fields.title);
        self.description.set(fields.description);
        self.contact_name.set(fields.contact_name);
        self.contact_email.set(fields.contact_email);
        self.contact_phone.set(fields.contact_phone);
        self.contact_language
            .set(language_chosen.then_some(fields.contact_language));
        self.attachments.restore(fields.attachments);
    }

    /// Fills the form with the draft of an earlier visit, if there is one.
    fn load_draft(&self) {
        if let Some(draft) = self.draft.load() {
            self.load(draft);
        }
        self.draft.mark_unchanged(self.current_draft_untracked());
    }

    pub(super) fn load(&self, draft: Draft) {
        self.set_fields(draft.fields, draft.contact_language_chosen);
        self.idempotency_key.set(draft.idempotency_key);
        self.about.set(draft.about);
        self.typed_for.set(draft.typed_for);
        // A message kept from an earlier visit names the articles the
        // customer saw before it: the journey has seen them again.
        if let Some(nav) = self.help.filter(|_| !draft.articles_seen.is_empty()) {
            nav.go_help(HelpStep::SawArticles(draft.articles_seen));
        }
    }

    pub(super) fn current_draft_untracked(&self) -> Draft {
        untrack(|| self.current_draft())
    }
}
