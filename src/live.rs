//! What the widget hears live from the backend while a user is signed in:
//! each change to a request they may read, from the backend's event stream
//! (`api::events`), or, while that stream cannot be held (a proxy that
//! buffers it, a refused connection), a look again now and then, backing
//! off from 30 s to 5 minutes. What a screen shows from the backend is read
//! again on each: its reads track [`Live::heard`]. What the user is typing
//! stays as it is.

use std::{rc::Rc, time::Duration};

use leptos::prelude::*;
use web_sys::AbortSignal;

use crate::{
    api::{self, Streamed, Transport},
    context::Connection,
    loaded::InFlight,
    sleep::sleep,
};
use support_rules::{
    host::BackendUrl,
    live::{self, Change, ServerEvent},
    session::Session,
};

/// How long a stream that was held and ended waits before it is picked up
/// again (after its last event, nothing lost).
const PICK_UP_AFTER: Duration = Duration::from_secs(1);

/// Provided by the widget root.
#[derive(Clone, Copy)]
pub struct Live {
    /// Counts what was heard: each change, and each look again while the
    /// stream cannot be held.
    pub heard: RwSignal<u32>,
    /// The last change heard, none while the widget only looks again.
    pub last: RwSignal<Option<Change>>,
}

impl Live {
    pub fn new() -> Live {
        Live {
            heard: RwSignal::new(0),
            last: RwSignal::new(None),
        }
    }

    /// Listens for as long as the calling component is drawn: anew each time
    /// the backend or the signed-in user changes, and not at all while
    /// nobody is signed in (the stream names its caller by the token).
    pub fn listen(self, connection: Connection) {
        let in_flight = InFlight::new();
        Effect::new(move |_| {
            let backend = connection.backend.get();
            let signed_in = connection
                .session
                .with(|session| matches!(session, Session::SignedIn(_)));
            in_flight.start(
                |abort| {
                    let backend = backend.filter(|_| signed_in)?;
                    Some(self.keep_listening(backend, connection, abort))
                },
                |()| {},
            );
        });
    }

    async fn keep_listening(
        self,
        backend: BackendUrl,
        connection: Connection,
        abort: Option<AbortSignal>,
    ) {
        let mut last_id = None;
        let mut failures = 0;
        loop {
            let Some(transport) = connection.try_transport() else {
                return;
            };
            let transport = Transport {
                abort: abort.clone().or(transport.abort),
                ..transport
            };
            let heard = Rc::new(move |event: ServerEvent| self.hear(&event));
            match api::events(backend.clone(), last_id.take(), transport, heard).await {
                Streamed::Held { last_id: last } => {
                    last_id = last;
                    failures = 0;
                    sleep(PICK_UP_AFTER).await;
                }
                Streamed::NotHeld { last_id: last } => {
                    last_id = last;
                    failures += 1;
                    let wait = live::poll_after_ms(failures);
                    sleep(Duration::from_millis(wait.into())).await;
                    // Looked at again: whatever changed meanwhile shows.
                    if self.heard.try_update(|n| *n = n.wrapping_add(1)).is_none() {
                        return;
                    }
                }
            }
        }
    }

    fn hear(self, event: &ServerEvent) {
        if let Some(change) = Change::of(event) {
            _ = self.last.try_set(Some(change));
            _ = self.heard.try_update(|n| *n = n.wrapping_add(1));
        }
    }
}
