//! The backend, whom the widget serves, who is signed in, and how a
//! request is sent: the typed `api::` functions take the [`Transport`] made
//! here.

use leptos::prelude::*;

use crate::api::{Tokens, Transport};
use support_rules::{
    host::{Audience, BackendUrl},
    session::{Session, StorageOwner},
};

/// Counts the times the page signed the user in after a session ended. The
/// root provides it as a context of its own; every read from the backend
/// (`Loaded`, and `LoadedPages`) tracks it, so that what the ended
/// session refused, or read for the user before, is read again without its
/// caller asking.
#[derive(Clone, Copy)]
pub struct SignedInAgain(RwSignal<u32>);

impl SignedInAgain {
    pub fn new() -> SignedInAgain {
        SignedInAgain(RwSignal::new(0))
    }

    /// The widget's, when there is one (a read made outside a widget, as in
    /// the tests, has none).
    pub fn of_widget() -> Option<SignedInAgain> {
        use_context()
    }

    /// Reads it, tracked: the caller runs again at the next sign-in.
    pub fn track(self) {
        self.0.track();
    }

    /// The page has signed the user in again.
    pub fn tell(self) {
        self.0.update(|n| *n = n.wrapping_add(1));
    }
}

#[derive(Clone, Copy)]
pub struct Connection {
    /// The backend, when the `backend` attribute is usable.
    pub backend: Signal<Option<BackendUrl>>,
    /// Who the widget serves, from the `audience` attribute.
    pub audience: Memo<Audience>,
    /// Headers the page asked to send with every request.
    pub request_headers: RwSignal<Vec<(String, String)>>,
    /// The times the page signed the user in after a session ended.
    pub signed_in_again: SignedInAgain,
    /// The tokens of the page's token provider, sent with every request.
    pub tokens: StoredValue<Tokens, LocalStorage>,
    /// Whom the page has signed in, as its token says.
    pub session: RwSignal<Session>,
    /// Whose drafts and list of filed requests are read and written: the
    /// device's, a signed-in user's, or none while the provider's first
    /// answer is on its way (`Session::storage_owner`).
    pub storage_owner: Memo<Option<StorageOwner>>,
    /// Aborts every request of this widget when the element is removed.
    pub abort: StoredValue<Option<web_sys::AbortSignal>, LocalStorage>,
}

impl Connection {
    /// How to send a request now, from a widget still in the page.
    pub fn transport(self) -> Transport {
        Transport {
            headers: self.request_headers.get_untracked(),
            tokens: self.tokens.get_value(),
            abort: self.abort.with_value(Clone::clone),
            user: None,
        }
    }

    /// As `transport`, aborted by `abort` (the load's, from `Loaded` or
    /// `LoadedPages`) rather than by the element's removal alone: a load
    /// overtaken by a newer one, or whose screen went, ends its request. The
    /// screens go with the element, and their loads with them.
    pub fn transport_aborted_by(self, abort: Option<web_sys::AbortSignal>) -> Transport {
        let transport = self.transport();
        Transport {
            abort: abort.or(transport.abort),
            ..transport
        }
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

    /// Calls `again` (untracked) each time the page signs the user in after
    /// a session ended (`signed_in_again`), for as long as the calling
    /// component is drawn: a send the ended session refused no longer says
    /// so (the request form). Reads need none of this: `Loaded` and
    /// `LoadedPages` read again by themselves.
    pub fn on_signed_in_again(self, again: impl Fn() + 'static) {
        Effect::watch(
            move || self.signed_in_again.track(),
            move |_, _, _| again(),
            false,
        );
    }

    /// Runs `leave` each time a signed-in user leaves: the page signs them
    /// out (`setTokenProvider(null)`), or hands the widget another user's
    /// token, or removes the provider and gives another. Not when the page
    /// first signs a user in.
    pub fn when_user_leaves(self, leave: impl Fn() + 'static) {
        // Run under the effect's owner, as `leave` may draw anew. The effect
        // keeps the last user it saw as its value.
        Effect::new(move |before: Option<Option<String>>| {
            // A user, then nobody known (the page removed their provider
            // and gave another, whose first answer is on its way), is a
            // leave too.
            let user = self.storage_owner.with(|owner| {
                owner
                    .as_ref()
                    .and_then(StorageOwner::user)
                    .map(str::to_owned)
            });
            if before.flatten().is_some_and(|before| Some(before) != user) {
                untrack(&leave);
            }
            user
        });
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
}
