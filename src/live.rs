//! What the widget hears live from the backend while a user is signed in:
//! each change to a request they may read, from the backend's event stream
//! (`api::events`), and what is new to them (`GET /unread`). The rules
//! decide (`support_rules::live`); this wires them to the browser.
//!
//! - One stream per browser: the tab that leads holds it and tells the
//!   other tabs of the same user and backend what it hears (`tabs`); where
//!   the browser cannot share, each tab holds its own.
//! - The count is read, not reckoned: the leader reads it each time the
//!   stream opens, shortly after each event, when a follower asks (it has
//!   just started, missed something, or the user opened a request:
//!   [`Live::count_again`]), and tells the followers.
//! - A stream that ends is tried again after a wait drawn with full jitter
//!   (`reconnect`); one that cannot be held (a proxy that buffers it, a
//!   refused connection) leaves the screens looking again now and then. A
//!   tab that wakes up (shown again, or back from the back/forward cache),
//!   or a browser back online, connects again at once, after the last
//!   event heard.
//!
//! What a screen shows from the backend is read again on each change: its
//! reads track [`Live::heard`]. What the user is typing stays as it is.

mod tabs;

use std::{
    cell::RefCell,
    rc::{Rc, Weak},
    time::Duration,
};

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::AbortController;

use crate::{
    api::{self, Listener, Transport},
    context::{Connection, Host},
    loaded::InFlight,
    sleep::{sleep, sleep_unless},
};
use support_rules::{
    host::BackendUrl,
    live::{
        reconnect::Reconnect,
        tabs::{shared_name, shares, Follower, Leader, Shared, Told},
        unread::Unread,
        Change, ServerEvent,
    },
    session::Session,
};

/// How long the count waits after an event (or an ask) before it is read:
/// a burst of events is read once.
const COUNT_AFTER: Duration = Duration::from_millis(250);

/// Provided by the widget root.
#[derive(Clone, Copy)]
pub struct Live {
    /// Counts what was heard: each change, and each look again while the
    /// stream cannot be held.
    pub heard: RwSignal<u32>,
    /// The last change heard, none while the widget only looks again.
    pub last: RwSignal<Option<Change>>,
    /// What is new to the user, as last read; none until then, and while
    /// nobody is signed in.
    pub unread: RwSignal<Option<Unread>>,
    /// This tab's part in the stream, while a user is signed in.
    tab: StoredValue<Option<Weak<Tab>>, LocalStorage>,
}

impl Live {
    pub fn new() -> Live {
        Live {
            heard: RwSignal::new(0),
            last: RwSignal::new(None),
            unread: RwSignal::new(None),
            tab: StoredValue::new_local(None),
        }
    }

    /// Listens for as long as the calling component is drawn: anew each time
    /// the backend or the signed-in user changes, and not at all while
    /// nobody is signed in (the stream names its caller by the token). The
    /// page hears the count on `host`.
    pub fn listen(self, connection: Connection, host: Host) {
        let in_flight = InFlight::new();
        let counting = InFlight::new();
        let user = Memo::new(move |_| {
            connection.session.with(|session| match session {
                Session::SignedIn(identity) => Some(identity.user.clone()),
                _ => None,
            })
        });
        Effect::new(move |_| {
            let backend = connection.backend.get();
            let user = user.get();
            // Another user's count is none of the next one's.
            _ = self.unread.try_set(None);
            in_flight.start(
                |_| {
                    let (backend, user) = (backend?, user?);
                    Some(Tab::run(self, backend, user, connection, counting))
                },
                |()| {},
            );
        });
        self.tell_the_page(host);
    }

    /// The user opened a request (its `seen` posted): the count is read
    /// again, by whichever tab leads.
    pub fn count_again(self) {
        let tab = self
            .tab
            .try_with_value(|tab| tab.as_ref().and_then(Weak::upgrade));
        if let Some(tab) = tab.flatten() {
            match tab.leads() {
                true => tab.count(COUNT_AFTER),
                false => tab.post(&Shared::AskCount),
            }
        }
    }

    /// `support-widget:unread`, once the count is first read and whenever
    /// it changes (the loader draws the launcher's badge from it).
    fn tell_the_page(self, host: Host) {
        let unread = Memo::new(move |_| self.unread.get());
        Effect::new(move |_| {
            let Some(now) = unread.get() else {
                return;
            };
            let requests = now.requests.iter().map(|request| {
                let object = js_sys::Object::new();
                _ = js_sys::Reflect::set(&object, &"id".into(), &request.id.as_str().into());
                let reference = request.reference.as_str().into();
                _ = js_sys::Reflect::set(&object, &"reference".into(), &reference);
                object
            });
            let requests: js_sys::Array = requests.collect();
            host.emit(
                "unread",
                // A number, not a BigInt, as a page adds and compares it.
                &[
                    ("count", (now.count as f64).into()),
                    ("requests", requests.into()),
                ],
            );
        });
    }

    fn hear(self, event: &ServerEvent) {
        if let Some(change) = Change::of(event) {
            _ = self.last.try_set(Some(change));
            _ = self.heard.try_update(|n| *n = n.wrapping_add(1));
        }
    }

    /// The screens read again what they show.
    fn look_again(self) {
        _ = self.heard.try_update(|n| *n = n.wrapping_add(1));
    }
}

/// This tab's part in the stream of one user of one backend: its leader,
/// or a follower waiting to lead.
struct Tab {
    me: Weak<Tab>,
    live: Live,
    backend: BackendUrl,
    connection: Connection,
    counting: InFlight,
    /// Aborted when this tab's part ends: withdraws its request for the
    /// lock.
    ended: AbortController,
    /// None where the tabs cannot share.
    channel: Option<tabs::Channel>,
    /// Some once this tab leads.
    leader: RefCell<Option<Leader>>,
    follower: RefCell<Follower>,
    /// The stream's current try, or the wait before the next: aborted when
    /// the tab wakes up, to connect again at once.
    round: RefCell<Option<AbortController>>,
}

impl Tab {
    async fn run(
        live: Live,
        backend: BackendUrl,
        user: String,
        connection: Connection,
        counting: InFlight,
    ) {
        let Ok(ended) = AbortController::new() else {
            return;
        };
        let name = shared_name(&backend, &user);
        let tab = Rc::new_cyclic(|me: &Weak<Tab>| {
            let me = me.clone();
            let heard = {
                let me = me.clone();
                move |shared| {
                    if let Some(tab) = me.upgrade() {
                        tab.told(shared);
                    }
                }
            };
            let sharing = shares(tabs::has_locks(), tabs::has_channel());
            Tab {
                channel: sharing.then(|| tabs::Channel::open(&name, heard)).flatten(),
                me,
                live,
                backend,
                connection,
                counting,
                ended,
                leader: RefCell::new(None),
                follower: RefCell::new(Follower::default()),
                round: RefCell::new(None),
            }
        });
        _ = live
            .tab
            .try_update_value(|current| *current = Some(tab.me.clone()));
        let me = tab.me.clone();
        let _waking = Waking::listen(move || {
            if let Some(tab) = me.upgrade() {
                tab.woke();
            }
        });
        let _lock = match &tab.channel {
            Some(_) => {
                // The leader, if there is one, tells this tab the count.
                tab.post(&Shared::AskCount);
                tabs::lock(&name, tab.ended.signal()).await
            }
            None => None,
        };
        tab.lead().await;
    }

    fn leads(&self) -> bool {
        self.leader.borrow().is_some()
    }

    /// Holds the stream, after the last event this tab heard of.
    async fn lead(&self) {
        let id = uuid::Uuid::new_v4().to_string();
        *self.leader.borrow_mut() = Some(Leader::new(id));
        let mut last_id = self.follower.borrow().last_id().map(str::to_owned);
        let mut reconnect = Reconnect::default();
        loop {
            let (Some(transport), Ok(round)) =
                (self.connection.try_transport(), AbortController::new())
            else {
                return;
            };
            *self.round.borrow_mut() = Some(round.clone());
            let transport = Transport {
                abort: Some(round.signal()),
                ..transport
            };
            let (opened, heard) = (self.me.clone(), self.me.clone());
            let listener = Listener {
                opened: Box::new(move || {
                    if let Some(tab) = opened.upgrade() {
                        tab.count(Duration::ZERO);
                    }
                }),
                heard: Box::new(move |event| {
                    if let Some(tab) = heard.upgrade() {
                        tab.heard(event);
                    }
                }),
            };
            let streamed = api::events(self.backend.clone(), last_id.take(), transport, listener);
            let streamed = streamed.await;
            last_id = streamed.last_id;
            reconnect.asked(streamed.retry);
            if round.signal().aborted() {
                // Woken up: again at once.
                continue;
            }
            let next = reconnect.after(streamed.ended, last_id.is_some(), js_sys::Math::random());
            sleep_unless(next.wait, Some(&round.signal())).await;
            if next.look_again {
                self.live.look_again();
                self.tell(Told::LookAgain);
                self.count(Duration::ZERO);
            }
        }
    }

    /// An event of this tab's stream.
    fn heard(&self, event: ServerEvent) {
        self.live.hear(&event);
        self.tell(Told::Event(event));
        self.count(COUNT_AFTER);
    }

    /// Reads the count after `wait` (a read on its way starts over) and
    /// tells it.
    fn count(&self, wait: Duration) {
        let Some(transport) = self.connection.try_transport() else {
            return;
        };
        let (backend, me) = (self.backend.clone(), self.me.clone());
        self.counting.start(
            |abort| {
                Some(async move {
                    sleep(wait).await;
                    api::unread(backend, Transport { abort, ..transport }).await
                })
            },
            move |answer| {
                if let (Ok(unread), Some(tab)) = (answer, me.upgrade()) {
                    _ = tab.live.unread.try_set(Some(unread.clone()));
                    tab.tell(Told::Unread(unread));
                }
            },
        );
    }

    /// Tells the followers, if this tab leads.
    fn tell(&self, told: Told) {
        let shared = self
            .leader
            .borrow_mut()
            .as_mut()
            .map(|leader| leader.tell(told));
        if let Some(shared) = shared {
            self.post(&shared);
        }
    }

    fn post(&self, shared: &Shared) {
        if let Some(channel) = &self.channel {
            channel.post(shared);
        }
    }

    /// What another tab said.
    fn told(&self, shared: Shared) {
        if self.leads() {
            match shared {
                Shared::AskCount => self.count(COUNT_AFTER),
                Shared::Woke => self.connect_now(),
                Shared::Told { .. } => {}
            }
            return;
        }
        let Some(heard) = self.follower.borrow_mut().hear(shared) else {
            return;
        };
        if heard.missed {
            self.live.look_again();
            self.post(&Shared::AskCount);
        }
        match heard.told {
            Told::Event(event) => self.live.hear(&event),
            Told::Unread(unread) => _ = self.live.unread.try_set(Some(unread)),
            Told::LookAgain => self.live.look_again(),
        }
    }

    /// The tab was shown again, or came back from the back/forward cache:
    /// its stream, or the leader's, may have ended unheard meanwhile.
    fn woke(&self) {
        if self.leads() {
            self.connect_now();
        } else {
            self.post(&Shared::Woke);
            self.live.look_again();
        }
    }

    /// Ends the stream's try, or the wait before the next: the next starts
    /// at once, after the last event heard.
    fn connect_now(&self) {
        if let Some(round) = self.round.borrow().as_ref() {
            round.abort();
        }
    }
}

impl Drop for Tab {
    fn drop(&mut self) {
        self.ended.abort();
        if let Some(round) = self.round.take() {
            round.abort();
        }
        self.counting.stop();
    }
}

/// Tells when the tab wakes up (`visibilitychange` to visible, `pageshow`
/// from the back/forward cache) or the browser is back online, until
/// dropped.
struct Waking {
    listener: Closure<dyn FnMut(web_sys::Event)>,
}

impl Waking {
    fn listen(woke: impl Fn() + 'static) -> Option<Waking> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let shown = document.clone();
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let woke_up = match event.dyn_ref::<web_sys::PageTransitionEvent>() {
                Some(page) => page.persisted(),
                None if event.type_() == "online" => true,
                None => shown.visibility_state() == web_sys::VisibilityState::Visible,
            };
            if woke_up {
                woke();
            }
        });
        let callback = listener.as_ref().unchecked_ref();
        _ = document.add_event_listener_with_callback("visibilitychange", callback);
        for kind in ["pageshow", "online"] {
            _ = window.add_event_listener_with_callback(kind, callback);
        }
        Some(Waking { listener })
    }
}

impl Drop for Waking {
    fn drop(&mut self) {
        let callback = self.listener.as_ref().unchecked_ref();
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                _ = document.remove_event_listener_with_callback("visibilitychange", callback);
            }
            for kind in ["pageshow", "online"] {
                _ = window.remove_event_listener_with_callback(kind, callback);
            }
        }
    }
}
