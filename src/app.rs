//! The widget's root: host attributes in, the right screen out. What each
//! part tells the world outside lives with its concern: the kept path
//! (`app/kept_path.rs`), the page's events (`app/page_events.rs`), the
//! launcher's words (`app/launcher_words.rs`), the list of filed requests
//! (`context/filed_requests.rs`).

mod header;
mod host_attributes;
mod kept_path;
mod launcher_words;
mod page_events;
mod screens;
mod user_leaves;

use leptos::prelude::*;

pub use self::host_attributes::HostAttributes;
use self::{
    header::Header,
    kept_path::KeptPath,
    screens::{Forms, ShownScreen},
};

use crate::{
    api::Tokens,
    components::{FiledAwayNotice, MessagesUnavailable, RequestFormState},
    context::{Connection, FiledRequests, Host, Navigation, SignedInAgain, Words},
    controls::{Controls, ControlsSlot, PageCustomerCheck},
    live::Live,
    locales::{self, Locales},
    screens::ArticleSearch,
};
use support_rules::{
    help_journey::HelpJourney,
    host::{Audience, BackendUrl, Mode},
    locale,
    session::Session,
};

/// The whole widget. It stays one component of about 150 lines because it
/// builds each context from the host's attributes and provides them all
/// before any screen is drawn; what each then does lives with its concern.
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
    let storage_owner = Memo::new(move |_| session.with(Session::storage_owner));
    // A partner part-way to a request on a customer's behalf finds each
    // step as they left it after a reload: their own steps, read once the
    // widget knows who they are.
    let kept_path = KeptPath {
        backend,
        audience,
        storage_owner,
    };
    let journey = RwSignal::new(kept_path.read().unwrap_or_default());
    kept_path.restore_when_user_known(journey);
    kept_path.keep(journey);
    let tokens = Tokens::new(session);
    let words = Words {
        locale,
        locales,
        requested_locale,
    };
    let connection = Connection {
        backend: Signal::derive(move || backend.get().ok()),
        audience,
        request_headers: RwSignal::new(Vec::new()),
        signed_in_again: SignedInAgain::new(),
        tokens: StoredValue::new_local(tokens.clone()),
        session,
        storage_owner,
        abort: StoredValue::new_local(abort),
    };
    let nav = Navigation {
        journey,
        customer_query: RwSignal::new(String::new()),
        help: RwSignal::new(HelpJourney::default()),
        navigated: RwSignal::new(focus),
        suggested_service: RwSignal::new(None),
    };
    let filed = FiledRequests::new(connection);
    let host = Host {
        element: StoredValue::new_local(host),
    };
    provide_context(words);
    provide_context(connection);
    provide_context(connection.signed_in_again);
    provide_context(nav);
    provide_context(filed);
    provide_context(host);
    let live = Live::new();
    provide_context(live);
    live.listen(connection, host);
    // Signed in again, the user sees what the backend gives them now
    // without asking for it: a lookup that the ended session got refused
    // loads by itself.
    tokens.when_signed_in_again(move || connection.signed_in_again.tell());
    user_leaves::start_the_next_user_anew(connection, nav, filed, kept_path);
    filed.read_for_each_list();
    page_events::tell_the_page(words, host, &tokens, backend);
    launcher_words::follow_the_widgets_language(words, host, mode);

    // Created once, above the screens (`Forms`).
    let partner_center = RequestFormState::new(support_rules::drafts::FormFlow::PartnerCenter);
    let customer_request = RequestFormState::new(support_rules::drafts::FormFlow::Customer);
    let contact_partner = RequestFormState::new(support_rules::drafts::FormFlow::ContactPartner);
    partner_center.lend_contact_once_filed(customer_request);
    customer_request.lend_contact_once_filed(partner_center);
    let article_search = ArticleSearch::new(words, connection, nav);
    // The last user's article search goes with them too.
    connection.when_user_leaves(move || article_search.clear());
    *controls.borrow_mut() = Some(Controls {
        connection,
        nav,
        host,
        partner_center,
        customer_request,
        contact_partner,
        mode,
        page_customer: PageCustomerCheck::new(connection, nav, host),
    });
    let forms = Forms {
        partner_center,
        customer_request,
        contact_partner,
    };

    let widget = StoredValue::new_local(Some(view! {
        <div
            class="sw-widget"
            class:sw-inline=move || mode.get() == Mode::Inline
            class:sw-in-panel=move || mode.get() == Mode::Launcher
            lang=move || locale.get().as_str()
        >
            <Header/>
            <MessagesUnavailable/>
            <FiledAwayNotice/>
            <div class="sw-body">
                <ShownScreen forms article_search config_error/>
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
