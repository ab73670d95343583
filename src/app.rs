//! The widget's root: host attributes in, the right screen out.

use leptos::prelude::*;

use crate::{
    api::Tokens,
    components::{FiledAwayNotice, LanguagePicker, MessagesUnavailable, RequestFormState},
    context::WidgetContext,
    controls::{Controls, ControlsSlot},
    effects::effect,
    locales::{self, Locales},
    rules::{
        help_journey::{HelpJourney, HelpScreen, HelpStep},
        host::{Audience, BackendError, BackendUrl, Mode},
        i18n::id,
        journey::{self, Journey, Screen},
        locale,
        session::{Keeper, Session, SessionEnd},
    },
    screens::{
        ArticleSearch, ConfigError, ContactPartner, CustomerRequest, CustomerSearch,
        EscalationGuide, FiledRequests, Home, Inbox, PartnerCenterRequest, RequestStatus, SelfHelp,
        SelfServiceHelp, SelfServiceSolved, ServiceChoice, Solved,
    },
    storage,
};

/// The attributes of the host element, as signals that the loader updates.
#[derive(Clone)]
pub struct HostAttributes {
    pub backend: ArcRwSignal<Option<String>>,
    pub audience: ArcRwSignal<Option<String>>,
    pub locale: ArcRwSignal<Option<String>>,
    pub mode: ArcRwSignal<Option<String>>,
    /// The host page's `<html lang>` and the browser's languages, read once.
    pub page_languages: Vec<String>,
}

impl HostAttributes {
    pub fn read(host: &web_sys::HtmlElement) -> HostAttributes {
        let attribute = |name| ArcRwSignal::new(host.get_attribute(name));
        let mut page_languages = Vec::new();
        if let Some(lang) = host
            .owner_document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
        {
            page_languages.push(lang);
        }
        if let Some(window) = web_sys::window() {
            page_languages.extend(
                window
                    .navigator()
                    .languages()
                    .iter()
                    .filter_map(|l| l.as_string()),
            );
        }
        HostAttributes {
            backend: attribute("backend"),
            audience: attribute("audience"),
            locale: attribute("locale"),
            mode: attribute("mode"),
            page_languages,
        }
    }

    pub fn set(&self, name: &str, value: Option<String>) {
        match name {
            "backend" => self.backend.set(value),
            "audience" => self.audience.set(value),
            "locale" => self.locale.set(value),
            "mode" => self.mode.set(value),
            _ => {}
        }
    }
}

/// The whole widget.
#[component]
pub fn Widget(
    attributes: HostAttributes,
    /// The `<support-widget>` element itself.
    host: web_sys::HtmlElement,
    /// Aborts every request of this widget: the element left the page.
    abort: Option<web_sys::AbortSignal>,
    /// Receives the controls that the element's methods use.
    controls: ControlsSlot,
    /// Fetches the messages of a locale the build left out.
    messages: locales::Fetch,
    /// Whether the first screen's heading takes focus once drawn: the user
    /// opened the widget (the launcher's panel, Try again after a failed
    /// load), rather than the page showing it.
    #[prop(optional)]
    focus: bool,
    /// Whether the page gave a token provider before the widget loaded: the
    /// widget then reads no one's drafts until it knows whom the token
    /// names.
    #[prop(optional)]
    signing_in: bool,
) -> impl IntoView {
    let requested_locale = RwSignal::from(attributes.locale.clone());
    let page_languages = attributes.page_languages.clone();
    let wanted_locale = Memo::new(move |_| {
        let requested = requested_locale.get();
        let wanted = requested
            .iter()
            .chain(page_languages.iter())
            .map(String::as_str);
        locale::negotiate(wanted)
    });
    let locales = Locales::new(wanted_locale, messages);
    let locale = locales.shown;

    let backend_attribute = RwSignal::from(attributes.backend.clone());
    let backend = Memo::new(move |_| BackendUrl::parse(backend_attribute.get().as_deref()));
    // Only a change between working and broken switches screens; a change
    // from one valid backend to another keeps the screen as it is.
    let config_error = Memo::new(move |_| backend.with(|b| b.as_ref().err().cloned()));
    let audience_attribute = RwSignal::from(attributes.audience.clone());
    let mode_attribute = RwSignal::from(attributes.mode.clone());
    let audience = Memo::new(move |_| Audience::parse(audience_attribute.get().as_deref()));
    let mode = Memo::new(move |_| Mode::parse(mode_attribute.get().as_deref()));

    let session = RwSignal::new(if signing_in {
        Session::Asking
    } else {
        Session::None
    });
    let keeper = Memo::new(move |_| session.with(Session::keeper));
    // A partner part-way to a request on a customer's behalf finds each
    // step as they left it after a reload: their own steps, read once the
    // widget knows who they are.
    let kept_path = move || {
        let keeper = keeper.get_untracked()?;
        backend.with_untracked(|b| Some(journey::storage_key(b.as_ref().ok()?, &keeper)))
    };
    let kept = move || {
        (audience.get_untracked() == Audience::Partner)
            .then(kept_path)
            .flatten()
            .and_then(|key| storage::session::read(&key))
            .and_then(|kept| Journey::restored(&kept))
    };
    let journey = RwSignal::new(kept().unwrap_or_default());
    // A journey not begun: at home, never left, never started again.
    let pristine = |j: &Journey| j.screen == Screen::Home && j.visit == 0 && j.restarts == 0;
    // Once the widget knows whose path it is (the provider's first answer,
    // or the next user after one left): that user's path, unless they have
    // set out meanwhile.
    let known_at_mount = keeper.with_untracked(Option::is_some);
    effect(move |ran| {
        if keeper.with(Option::is_none) || !ran && known_at_mount {
            return;
        }
        if let Some(mut path) = kept().filter(|_| journey.with_untracked(pristine)) {
            path.page_customer = journey.with_untracked(|j| j.page_customer.clone());
            journey.set(path);
        }
    });
    // Written as the path changes, where the user's path is kept (not when
    // the user alone changes: the next user's screen then changes too).
    effect(move |_| {
        backend.track();
        let (saved, pristine) = journey.with(|j| (j.saved(), pristine(j)));
        let Some(key) = kept_path() else { return };
        // A journey not begun removes nothing: a user who comes after one
        // who left begins there, and finds their own path.
        if saved.is_none() && pristine {
            return;
        }
        match saved {
            Some(saved) => storage::session::write(&key, &saved),
            None => storage::session::remove(&key),
        }
    });
    let tokens = Tokens::new(session);
    let context = WidgetContext {
        locale,
        locales,
        requested_locale,
        backend: Signal::derive(move || backend.get().ok()),
        audience,
        filed: RwSignal::new(Default::default()),
        statuses_seen: RwSignal::new(Vec::new()),
        removed_filed: RwSignal::new(None),
        journey,
        customer_query: RwSignal::new(String::new()),
        help: RwSignal::new(HelpJourney::default()),
        navigated: RwSignal::new(focus),
        suggested_service: RwSignal::new(None),
        filed_away: RwSignal::new(Vec::new()),
        request_headers: RwSignal::new(Vec::new()),
        signed_in_again: RwSignal::new(0),
        tokens: StoredValue::new_local(tokens.clone()),
        session,
        keeper,
        abort: StoredValue::new_local(abort),
        host: StoredValue::new_local(host),
    };
    provide_context(context);
    // The page hears that its sign-in ended, to sign the user in again:
    // in English for its developers, as every error event. A page whose
    // refused request carried no sign-in at all, to a backend that wants
    // one, most likely forgot its token provider: its developer reads that
    // in the console.
    tokens.when_ended(move |end| {
        if end == SessionEnd::NoSignIn {
            let said = format!("<support-widget>: {}", end.message());
            web_sys::console::warn_1(&said.into());
        }
        context.emit(
            "error",
            &[
                ("code", end.code().into()),
                ("message", end.message().into()),
            ],
        )
    });
    // Signed in again, the user sees what the backend gives them now
    // without asking for it: a lookup that the ended session got refused
    // loads by itself.
    tokens.when_signed_in_again(move || {
        context.signed_in_again.update(|n| *n = n.wrapping_add(1));
    });
    // A signed-in user who leaves takes their screen with them: the next
    // user starts at home, with none of their search, self-help or notices
    // of their requests.
    context.when_user_leaves(move || {
        // A new journey, with none of their choices or the guide's answers:
        // the next user's own path part-way to a request, when the widget
        // knows them at once (their token took the last user's place), not
        // the device's (the next user signs in later, and finds their own).
        let next = keeper
            .with_untracked(|k| k.as_ref().and_then(Keeper::user).is_some())
            .then(kept)
            .flatten();
        journey.update(|journey| {
            let page_customer = journey.page_customer.take();
            *journey = Journey {
                page_customer,
                ..next.unwrap_or_default()
            }
        });
        context.customer_query.set(String::new());
        context.help.set(HelpJourney::default());
        context.filed_away.set(Vec::new());
        context.removed_filed.set(None);
    });
    // Each backend, audience and signed-in user has its own list of filed
    // requests.
    effect(move |_| {
        backend.track();
        audience.track();
        keeper.track();
        context.load_filed();
    });

    // The one console message a deployer needs when the page set the widget
    // up wrongly, and the same as an event; the user sees the localized error
    // in the widget itself.
    effect(move |_| {
        if let Err(error) = backend.get() {
            web_sys::console::error_1(
                &format!("<support-widget>: {error}; no request will be sent.").into(),
            );
            let code = match error {
                BackendError::Missing => "missing_backend",
                BackendError::Invalid(_) | BackendError::Credentials => "invalid_backend",
            };
            context.emit(
                "error",
                &[("code", code.into()), ("message", error.to_string().into())],
            );
        }
    });

    // The page hears that the widget is ready once it shows its first words
    // (`settled` turns true once and stays), and hears when a locale's
    // messages cannot be had.
    effect(move |_| {
        if locales.settled.get() {
            context.emit(
                "ready",
                &[("locale", locale.get_untracked().as_str().into())],
            );
        }
    });
    effect(move |_| {
        if let Some(failed) = locales.unavailable() {
            let message = format!("the {} messages could not be loaded", failed.as_str());
            context.emit(
                "error",
                &[
                    ("code", "messages_unavailable".into()),
                    ("message", message.into()),
                ],
            );
        }
    });

    // In launcher mode the loader drew the launcher and the panel's close
    // button in the language it expected; they follow the widget's.
    // Only once the widget shows the language it wants: while that
    // language's messages are on their way, or if they cannot be had, the
    // words stay as they were (the loader's, in that language, at first).
    effect(move |_| {
        let shown = locale.get();
        if mode.get() == Mode::Launcher && shown == locales.wanted.get() {
            crate::panel::relabel(
                &context.host.get_value(),
                shown.as_str(),
                &context.text(id::LAUNCHER_OPEN)(),
                &context.text(id::LAUNCHER_CLOSE)(),
            );
        }
    });

    // Created once, above the screens, so that neither a language switch nor
    // a step back loses what the user typed.
    let partner_center = RequestFormState::new(crate::rules::drafts::FormFlow::PartnerCenter);
    let customer_request = RequestFormState::new(crate::rules::drafts::FormFlow::Customer);
    let contact_partner = RequestFormState::new(crate::rules::drafts::FormFlow::ContactPartner);
    partner_center.lend_contact_once_filed(customer_request);
    customer_request.lend_contact_once_filed(partner_center);
    // A message to the partner kept from an earlier visit names the articles
    // the customer saw before it: the journey has seen them again, once the
    // draft is read (a signed-in customer's when the widget knows who they
    // are).
    effect(move |_| {
        let kept = contact_partner.articles_seen();
        if !kept.is_empty() {
            untrack(|| context.go_help(HelpStep::SawArticles(kept)));
        }
    });
    let article_search = ArticleSearch::new(context);
    // The last user's article search goes with them too.
    context.when_user_leaves(move || article_search.clear());
    *controls.borrow_mut() = Some(Controls {
        context,
        partner_center,
        customer_request,
        contact_partner,
        mode,
    });
    // The screen, and which request a status screen shows: another
    // request's status (from an escalation to its customer's message, say)
    // is a screen of its own.
    let shown = Memo::new(move |_| {
        journey.with(|j| {
            let status_of = (j.screen == Screen::RequestStatus).then(|| j.status_of.clone());
            (j.screen, status_of.flatten())
        })
    });
    let screen = move || shown.with(|(screen, _)| *screen);

    let partner_screens = move || match shown.with(|(screen, _)| *screen) {
        Screen::Home => view! { <Home partner_center customer_request/> }.into_any(),
        Screen::PartnerCenterRequest => {
            view! { <PartnerCenterRequest state=partner_center/> }.into_any()
        }
        Screen::CustomerSearch => view! { <CustomerSearch/> }.into_any(),
        Screen::ServiceChoice => view! { <ServiceChoice/> }.into_any(),
        Screen::SelfHelp => view! { <SelfHelp/> }.into_any(),
        Screen::Solved => view! { <Solved/> }.into_any(),
        Screen::Escalation => view! { <EscalationGuide/> }.into_any(),
        Screen::CustomerRequest => view! { <CustomerRequest state=customer_request/> }.into_any(),
        Screen::FiledRequests => view! { <FiledRequests/> }.into_any(),
        Screen::RequestStatus => view! { <RequestStatus/> }.into_any(),
        Screen::Inbox => view! { <Inbox/> }.into_any(),
    };
    let help_screen = Memo::new(move |_| context.help.with(|h| h.screen));
    // A customer's own requests, and each one's status and thread, are the
    // screens the partner's journey has for them.
    let customer_screens = move || match (screen(), help_screen.get()) {
        (Screen::FiledRequests, _) => view! { <FiledRequests/> }.into_any(),
        (Screen::RequestStatus, _) => view! { <RequestStatus/> }.into_any(),
        (_, HelpScreen::Help) => {
            view! { <SelfServiceHelp search=article_search contact=contact_partner/> }.into_any()
        }
        (_, HelpScreen::Solved) => view! { <SelfServiceSolved search=article_search/> }.into_any(),
        (_, HelpScreen::ContactPartner) => {
            view! { <ContactPartner state=contact_partner/> }.into_any()
        }
    };

    let widget = StoredValue::new_local(Some(view! {
        <div
            class="sw-widget"
            class:sw-inline=move || mode.get() == Mode::Inline
            class:sw-in-panel=move || mode.get() == Mode::Launcher
            lang=move || locale.get().as_str()
        >
            <div class="sw-header">
                <div class="sw-brand">
                    <span class="sw-brand-title">{context.text(id::WIDGET_TITLE)}</span>
                    <span class="sw-brand-subtitle">{move || {
                        // Customers hear from their partner, not Partner Center.
                        let subtitle = match audience.get() {
                            Audience::Partner => id::WIDGET_SUBTITLE,
                            Audience::Customer => id::WIDGET_SUBTITLE_CUSTOMER,
                        };
                        context.text(subtitle)()
                    }}</span>
                </div>
                <LanguagePicker/>
            </div>
            <MessagesUnavailable/>
            <FiledAwayNotice/>
            <div class="sw-body">
                {move || match (config_error.get(), audience.get()) {
                    (Some(error), _) => view! { <ConfigError error/> }.into_any(),
                    (None, Audience::Partner) => partner_screens().into_any(),
                    (None, Audience::Customer) => customer_screens().into_any(),
                }}
            </div>
        </div>
    }));
    // Nothing is drawn until the first locale's messages are here (or known
    // to be unavailable), so the widget never flashes another language.
    view! {
        <div class="sw-frame" aria-busy=move || (!locales.settled.get()).then_some("true")>
            {move || locales.settled.get().then(|| widget.try_update_value(Option::take).flatten())}
        </div>
    }
}
