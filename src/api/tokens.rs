//! The page's token provider: asked before the first request, its token
//! kept until a 401, then asked once more (`session::Authorizing`).

use std::{cell::RefCell, rc::Rc};

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use support_rules::session::{Identity, Session, SessionEnd};

/// One widget's tokens, shared by its transports.
#[derive(Clone, Default)]
pub struct Tokens(Rc<RefCell<StorageOwner>>);

#[derive(Default)]
struct StorageOwner {
    provider: Option<js_sys::Function>,
    /// The provider's answer (a promise of text, or of none), asked for
    /// once and shared by the requests that need it meanwhile.
    token: Option<js_sys::Promise>,
    /// The session ended, and the page was told; a new provider or new
    /// headers begin another.
    ended: bool,
    /// The page signed the user in after a session ended, and the backend
    /// has not yet accepted a request of that sign-in: a session that ends
    /// now was refused from the start.
    unproven: bool,
    /// How many times the page has signed in anew (a provider, or
    /// headers): a request tells by it whether it went with the current
    /// sign-in.
    sign_ins: u32,
    /// What waits for the page to sign the user in again.
    waiting: Vec<Box<dyn FnOnce()>>,
    /// What the form shows of the user.
    session: Option<RwSignal<Session>>,
    /// Tells the page how the session ended.
    on_ended: Option<Rc<dyn Fn(SessionEnd)>>,
    /// Tells the widget that the page signed the user in after a session
    /// ended.
    on_signed_in_again: Option<Rc<dyn Fn()>>,
}

/// A token the provider gave, and the answer it came from.
pub struct Token {
    from: Option<js_sys::Promise>,
    pub bearer: Option<String>,
}

impl Tokens {
    /// Tokens whose user `session` shows.
    pub fn new(session: RwSignal<Session>) -> Tokens {
        let tokens = Tokens::default();
        tokens.0.borrow_mut().session = Some(session);
        tokens
    }

    /// Calls `tell` when a session ends, with how it ended.
    pub fn when_ended(&self, tell: impl Fn(SessionEnd) + 'static) {
        self.0.borrow_mut().on_ended = Some(Rc::new(tell));
    }

    /// Calls `tell` when the page signs the user in after a session ended.
    pub fn when_signed_in_again(&self, tell: impl Fn() + 'static) {
        self.0.borrow_mut().on_signed_in_again = Some(Rc::new(tell));
    }

    /// The page's provider (none: requests go without a token). It is
    /// asked at once, so that the form knows whom it sends as.
    pub fn set_provider(&self, provider: Option<js_sys::Function>) {
        let asking = provider.is_some();
        {
            let mut state = self.0.borrow_mut();
            state.provider = provider;
            state.token = None;
            if let Some(session) = state.session {
                // A new provider for a user already signed in leaves them
                // shown as such until a token names them again: one that
                // gives none has ended their session (a send says so), not
                // made them someone the form must ask about.
                let signed_in = session
                    .try_with_untracked(|now| matches!(now, Session::SignedIn(_)))
                    == Some(true);
                if !(asking && signed_in) {
                    session.set(if asking {
                        Session::Asking
                    } else {
                        Session::None
                    });
                }
            }
        }
        self.signed_in_again(asking);
        if asking {
            let tokens = self.clone();
            // Neither a read nor a write: the page's token provider asked
            // ahead. Not scoped: the page calls this outside any owner, and
            // the token asked for is the state's, which outlives the screens.
            wasm_bindgen_futures::spawn_local(async move {
                tokens.current().await;
            });
        }
    }

    /// The page gave the widget a new way to sign in (a provider, or
    /// headers; `signing_in` when it gives a user, not when it signs one
    /// out): a send waiting for it goes again, and after a session ended,
    /// what the widget read from the backend is read again.
    pub fn signed_in_again(&self, signing_in: bool) {
        let (waiting, tell) = {
            let mut state = self.0.borrow_mut();
            let ended = std::mem::replace(&mut state.ended, false);
            state.sign_ins = state.sign_ins.wrapping_add(1);
            state.unproven = signing_in && (ended || state.unproven);
            let tell = state.on_signed_in_again.clone().filter(|_| ended);
            (std::mem::take(&mut state.waiting), tell)
        };
        waiting.into_iter().for_each(|wake| wake());
        if let Some(tell) = tell {
            tell();
        }
    }

    /// Calls `wake` once the page signs the user in again.
    pub fn when_signed_in(&self, wake: impl FnOnce() + 'static) {
        self.0.borrow_mut().waiting.push(Box::new(wake));
    }

    /// The token to send: the provider's kept answer, or its answer now.
    pub async fn current(&self) -> Token {
        let from = {
            let mut state = self.0.borrow_mut();
            let Some(provider) = state.provider.clone() else {
                return Token {
                    from: None,
                    bearer: None,
                };
            };
            state.token.get_or_insert_with(|| ask(&provider)).clone()
        };
        let bearer = JsFuture::from(from.clone())
            .await
            .ok()
            .and_then(|token| token.as_string())
            .filter(|token| !token.is_empty());
        // What the form shows follows the provider's answer, but a renewal
        // that gave none leaves it as it was: the draft waits for the same
        // user to sign in again.
        let session = self.0.borrow().session;
        if let Some(session) = session {
            match &bearer {
                Some(token) => {
                    let identity = Session::SignedIn(Identity::of_token(token));
                    if session.try_with_untracked(|now| *now != identity) == Some(true) {
                        session.set(identity);
                    }
                }
                None if session.try_get_untracked() == Some(Session::Asking) => {
                    session.set(Session::None);
                }
                None => {}
            }
        }
        Token {
            from: Some(from),
            bearer,
        }
    }

    /// A fresh token after `refused` got a 401: asked for unless another
    /// request has already had a fresh one meanwhile.
    pub async fn renew(&self, refused: Token) -> Token {
        {
            let mut state = self.0.borrow_mut();
            let same = |kept: &js_sys::Promise| refused.from.as_deref() == Some(kept);
            if state.token.as_ref().is_some_and(same) {
                state.token = None;
            }
        }
        self.current().await
    }

    /// The current sign-in (see [`Tokens::accepted`]).
    pub fn sign_in(&self) -> u32 {
        self.0.borrow().sign_ins
    }

    /// The backend accepted a request that went with `sign_in`: if that is
    /// still the current one, it works.
    pub fn accepted(&self, sign_in: u32) {
        let mut state = self.0.borrow_mut();
        if state.sign_ins == sign_in {
            state.unproven = false;
        }
    }

    /// The session ended, its last refused request having `carried` a
    /// sign-in or none: the page hears it once, until it signs in again.
    /// A sign-in refused from the start is told as such, so that a page
    /// that signs in again whenever a session ends does not go round for
    /// ever with a backend that refuses every sign-in it gives.
    pub fn end(&self, carried: bool) {
        let told = {
            let mut state = self.0.borrow_mut();
            let first = !std::mem::replace(&mut state.ended, true);
            let end = SessionEnd::of(carried, state.unproven);
            state
                .on_ended
                .clone()
                .filter(|_| first)
                .map(|tell| (tell, end))
        };
        if let Some((tell, end)) = told {
            tell(end);
        }
    }
}

/// The provider's answer as a promise: a provider that throws, or whose
/// promise is rejected, gives no token.
fn ask(provider: &js_sys::Function) -> js_sys::Promise {
    match provider.call0(&JsValue::NULL) {
        Ok(answer) => js_sys::Promise::resolve(&answer),
        Err(_) => js_sys::Promise::resolve(&JsValue::NULL),
    }
}
