//! What every component of one widget shares: its locale, its messages,
//! where the user is in the journey, and how it talks to the page and the
//! backend.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use support_contract::{RequestStatus, Service};

use crate::{
    api::{self, Tokens, Transport},
    effects::effect,
    loaded::Loaded,
    locales::Locales,
    rules::{
        filed_requests::Filed,
        help_journey::{HelpJourney, HelpStep},
        host::{Audience, BackendUrl},
        i18n::{self, id, MessageId},
        journey::{Journey, Step},
        locale::Locale,
        request::LoadError,
        session::{Keeper, Session},
        timestamps,
    },
};

mod filed_requests;
mod focus;
pub use filed_requests::{ForgottenFiled, RemovedFiled};
pub use focus::{page_has_focus, scroll_into_sight};

/// Provided by the widget root; each `<support-widget>` has its own.
#[derive(Clone, Copy)]
pub struct WidgetContext {
    /// The locale shown: the negotiated one, once its messages are here.
    pub locale: Memo<Locale>,
    /// The negotiated locale, and its messages on their way.
    pub locales: Locales,
    /// What the `locale` attribute or the language picker asked for last.
    pub requested_locale: RwSignal<Option<String>>,
    /// The backend, when the `backend` attribute is usable.
    pub backend: Signal<Option<BackendUrl>>,
    /// Who the widget serves, from the `audience` attribute.
    pub audience: Memo<Audience>,
    /// The requests filed from this device to this backend, newest first.
    pub filed: RwSignal<Filed>,
    /// The status of each filed request as the backend last answered it
    /// (its status screen, the list of filed requests), newer than the one
    /// its confirmation was filed with; each with when it was asked for (ms
    /// since the epoch): an answer that comes after a newer one is older news.
    pub statuses_seen: RwSignal<Vec<(String, RequestStatus, f64)>>,
    /// The request "Remove it from this list" took on its status screen, on
    /// its way back to the list, which offers its Undo.
    pub removed_filed: RwSignal<Option<RemovedFiled>>,
    /// Where the user is, and what they chose on the way.
    pub journey: RwSignal<Journey>,
    /// What the customer search shows, kept until the journey starts again
    /// (back to the search, back home and in again).
    pub customer_query: RwSignal<String>,
    /// Where a customer is in self-service (audience `customer`).
    pub help: RwSignal<HelpJourney>,
    /// Whether the user has moved between screens, or opened the widget
    /// themselves: only then does a new screen take focus (not when the page
    /// first shows the widget).
    pub navigated: RwSignal<bool>,
    /// A service the page suggested with `prefill`, shown as the likely one.
    pub suggested_service: RwSignal<Option<String>>,
    /// The title and reference of each request filed while its form was not
    /// on screen, or was by then for another customer or service (an
    /// automatic retry that succeeded after the user moved on), until the
    /// user hides the notice that tells of them (`FiledAwayNotice`).
    pub filed_away: RwSignal<Vec<(String, String)>>,
    /// Headers the page asked to send with every request.
    pub request_headers: RwSignal<Vec<(String, String)>>,
    /// Counts the times the page signed the user in after a session ended.
    /// What a screen reads from the backend (`Loaded`) tracks it, so that
    /// what the ended session refused, or read for the user before, is read
    /// again.
    pub signed_in_again: RwSignal<u32>,
    /// The tokens of the page's token provider, sent with every request.
    pub tokens: StoredValue<Tokens, LocalStorage>,
    /// Whom the page has signed in, as its token says.
    pub session: RwSignal<Session>,
    /// Whose drafts and list of filed requests are read and written: the
    /// device's, a signed-in user's, or none while the provider's first
    /// answer is on its way (`Session::keeper`).
    pub keeper: Memo<Option<Keeper>>,
    /// Aborts every request of this widget when the element is removed.
    pub abort: StoredValue<Option<web_sys::AbortSignal>, LocalStorage>,
    /// The `<support-widget>` element, for the events the page listens to.
    pub host: StoredValue<web_sys::HtmlElement, LocalStorage>,
}

impl WidgetContext {
    /// A message that follows the locale.
    pub fn text(self, id: MessageId) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || i18n::message(self.locale.get(), id)
    }

    /// A message with arguments, formatted now in the current locale (call it
    /// inside a reactive closure so that it follows the locale).
    pub fn format(self, id: MessageId, args: &i18n::Args) -> String {
        i18n::format(self.locale.get(), id, Some(args))
    }

    /// An RFC 3339 time from the backend as the locale writes dates and
    /// times, in the user's time zone, which it names ("Nov 22, 2026,
    /// 9:40 AM GMT+8"): an incident's own text often gives its times in UTC.
    /// A time that is not RFC 3339, or that no calendar has, is "(time
    /// unknown)" in the locale: shown as sent, or as the browser misreads it,
    /// it would be a wrong date or a string of the backend's. The zone's name
    /// is written bare in every locale (`timestamps::zone_unbracketed`).
    pub fn format_time(self, rfc3339: &str) -> String {
        let unknown = || i18n::message(self.locale.get(), id::TIME_UNKNOWN);
        if !timestamps::is_rfc3339(rfc3339) {
            return unknown();
        }
        let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
        if date.get_time().is_nan() {
            return unknown();
        }
        let options = js_sys::Object::new();
        for (name, value) in [
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
            ("timeZoneName", "short"),
        ] {
            _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let written: String = date
            .to_locale_string(self.locale.get().as_str(), &options)
            .into();
        timestamps::zone_unbracketed(&written)
    }

    /// Moves the journey on.
    pub fn go(self, step: Step) {
        self.navigated.set(true);
        let restarts = self.journey.with_untracked(|j| j.restarts);
        self.journey
            .update(|journey| *journey = journey.after(step));
        // Started again: the search that found a customer goes too, back to
        // the page's customer's name, if any.
        let restarted = self.journey.with_untracked(|j| {
            (j.restarts != restarts).then(|| j.page_customer.as_ref().map(|c| c.name.clone()))
        });
        if let Some(name) = restarted {
            self.customer_query.set(name.unwrap_or_default());
        }
    }

    /// Moves the customer's self-service journey on.
    pub fn go_help(self, step: HelpStep) {
        if !matches!(step, HelpStep::SawArticles(_)) {
            _ = self.navigated.try_set(true);
        }
        _ = self.help.try_update(|help| *help = help.after(step));
    }

    /// How to send a request now, from a widget still in the page.
    pub fn transport(self) -> Transport {
        Transport {
            headers: self.request_headers.get_untracked(),
            tokens: self.tokens.get_value(),
            abort: self.abort.with_value(Clone::clone),
            user: None,
        }
    }

    /// As `transport`, aborted by `abort` (the load's, from `Loaded` or a
    /// `Pager`) rather than by the element's removal alone: a load overtaken
    /// by a newer one, or whose screen went, ends its request. The screens
    /// go with the element, and their loads with them.
    pub fn transport_aborted_by(self, abort: Option<web_sys::AbortSignal>) -> Transport {
        let transport = self.transport();
        Transport {
            abort: abort.or(transport.abort),
            ..transport
        }
    }

    /// Calls `again` (untracked) each time the page signs the user in after
    /// a session ended (`signed_in_again`), for as long as the calling
    /// component is drawn: what it read from the backend, refused by the
    /// ended session, is asked for again.
    pub fn on_signed_in_again(self, again: impl Fn() + 'static) {
        effect(move |ran| {
            self.signed_in_again.track();
            if ran {
                untrack(&again);
            }
        });
    }

    /// Runs `leave` each time a signed-in user leaves: the page signs them
    /// out (`setTokenProvider(null)`), or hands the widget another user's
    /// token, or removes the provider and gives another. Not when the page
    /// first signs a user in.
    pub fn when_user_leaves(self, leave: impl Fn() + 'static) {
        let last = StoredValue::new(None::<String>);
        effect(move |_| {
            // A user, then nobody known (the page removed their provider
            // and gave another, whose first answer is on its way), is a
            // leave too.
            let user = self
                .keeper
                .with(|keeper| keeper.as_ref().and_then(Keeper::user).map(str::to_owned));
            let left = last.with_value(|last| last.is_some() && *last != user);
            last.set_value(user);
            if left {
                untrack(&leave);
            }
        });
    }

    /// As `transport`, or none once the widget has left the page (a send
    /// that waited for a retry may outlive it).
    pub fn try_transport(self) -> Option<Transport> {
        Some(Transport {
            headers: self.request_headers.try_get_untracked()?,
            tokens: self.tokens.try_get_value()?,
            abort: self.abort.try_with_value(Clone::clone)?,
            user: None,
        })
    }

    /// The services (`GET /services`), loaded again when the backend
    /// changes; none without a usable backend.
    pub fn services(self) -> Loaded<Result<Vec<Service>, LoadError>> {
        self.services_when(|| true)
    }

    /// The services as `services` loads them, once `wanted` (tracked) says
    /// they are; none before.
    pub fn services_when(
        self,
        wanted: impl Fn() -> bool + 'static,
    ) -> Loaded<Result<Vec<Service>, LoadError>> {
        Loaded::aborting(move |abort| {
            self.signed_in_again.track();
            let backend = self.backend.get().filter(|_| wanted());
            let transport = self.transport_aborted_by(abort);
            async move {
                match backend {
                    Some(backend) => api::list_services(backend, transport).await,
                    None => Ok(Vec::new()),
                }
            }
        })
    }

    /// Dispatches `support-widget:{name}` on the element: it bubbles and
    /// crosses shadow roots, so the page can listen anywhere above it.
    pub fn emit(self, name: &str, detail: &[(&str, JsValue)]) {
        let object = js_sys::Object::new();
        for (key, value) in detail {
            _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object);
        let event = web_sys::CustomEvent::new_with_event_init_dict(
            &format!("support-widget:{name}"),
            &init,
        );
        // Dispatched once the widget's code now running has finished: a
        // listener of the page's may remove the element, which disposes of
        // the widget's signals, and code after `emit` (a screen still being
        // drawn, a submit's last steps) must not find them gone.
        if let (Ok(event), Some(host)) = (event, self.host.try_get_value()) {
            queue_microtask(move || _ = host.dispatch_event(&event));
        }
    }

    /// Tells the page's developer, in the console, that no support service
    /// answered at the backend's address (`request::no_service_at`): the
    /// page's to mend, not the user's, who reads so on screen.
    pub fn tell_no_service_at(self, status: u16) {
        let backend = self.backend.with_untracked(|backend| {
            backend
                .as_ref()
                .map_or_else(String::new, |b| b.as_str().to_owned())
        });
        let message = format!(
            "<support-widget>: {backend} answered {status}: no support service is at that \
             address; check the backend attribute."
        );
        web_sys::console::error_1(&message.into());
    }

    /// The first element of the widget that `selector` finds; none once the
    /// widget has left the page (a frame's callback may come after).
    pub fn find(self, selector: &str) -> Option<web_sys::HtmlElement> {
        let found = self.host.try_with_value(|host| match host.shadow_root() {
            Some(root) => root.query_selector(selector),
            None => host.query_selector(selector),
        })?;
        Some(found.ok()??.unchecked_into())
    }
}

pub fn use_widget() -> WidgetContext {
    // The root provides it before any component runs.
    use_context::<WidgetContext>()
        .expect("components render inside the widget root, which provides the context")
}
