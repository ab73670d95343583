//! How the widget talks to the backend, in two rules
//! (docs/architecture.md, "Reads and writes"):
//!
//! 1. **Reads go through [`Loaded`]**, or [`LoadedPages`] for a list read a
//!    page at a time. The load's signals, read before its first `.await`,
//!    say when it reads again; a new sign-in after a session ended does too,
//!    and the caller tracks nothing for it. A newer read aborts the one it
//!    overtakes. The catalogue's services (`services.rs`):
//!
//!    ```ignore
//!    let services = Loaded::new(move |abort| {
//!        // Tracked: the services are read again for another backend.
//!        let backend = connection.backend.get();
//!        let transport = connection.transport_aborted_by(abort);
//!        async move {
//!            match backend {
//!                Some(backend) => api::list_services(backend, transport).await,
//!                None => Ok(Vec::new()),
//!            }
//!        }
//!    });
//!    ```
//!
//! 2. **Writes go through Leptos's `Action`**, with `Sender`
//!    (`sending.rs`) sending again where that is safe, under one
//!    `Idempotency-Key`. The action says whether it is on its way and how it
//!    ended; the screen reads the backend again once it has stored a change
//!    (`Action::version`). Marking a request resolved
//!    (`screens/request_status/status_change.rs`):
//!
//!    ```ignore
//!    let key = StoredValue::new(new_key());
//!    let mark = Action::new_local(move |(): &()| {
//!        let backend = connection.backend.get_untracked();
//!        let (id, idempotency_key) = (request_id.clone(), key.get_value());
//!        let transport = connection.transport();
//!        async move {
//!            Some(api::set_status(backend?, id, Status::Resolved, idempotency_key, transport).await)
//!        }
//!    });
//!    view! { <button aria-disabled=move || mark.pending().get().to_string()
//!        on:click=move |_| _ = mark.dispatch_local(())>{text}</button> }
//!    ```
//!
//! What is neither (the page's token provider asked ahead, the browser's
//! lock for the live stream) is a `spawn_local` that says so where it is.
//!
//! [`Loaded`] is a screen's value read from the backend: nothing until the
//! first answer, then the latest one. It loads again when a signal that
//! `load` reads changes, when the page signs the user in again after a
//! session ended ([`SignedInAgain`], tracked here for every read: what the
//! ended session refused is read again, and no caller tracks it), or on
//! [`Loaded::reload`], keeping the previous answer on screen meanwhile. A new load starts at
//! once, even while an earlier one is still on its way: the earlier one's
//! request is aborted and its answer dropped ([`InFlight`]), and so is the
//! last one's when the component that made it goes.
//!
//! `load` is tracked while it runs, not while its future runs: read every
//! signal before the first `.await` (as the callers build their request),
//! and pass what the future needs into it rather than reading context there.
//!
//! Why not Leptos's `LocalResource`: in Leptos 0.8 (reactive_graph 0.2.16)
//! it starts the next load only once the current one has answered, so a
//! request that hangs (a backend that holds an answer back, a refused
//! sign-in's answer on its way) keeps "Try again", a new sign-in and a
//! change of language waiting for it: its task awaits each load's future
//! before it reads the next change
//! (<https://github.com/leptos-rs/leptos/blob/0625dfd15230b05174284fd56642681b918460fb/reactive_graph/src/computed/async_derived/arc_async_derived.rs#L326-L392>,
//! the same lines in `vendor/reactive_graph`), and it only cleans up the
//! last load when it starts the next, so it cannot abort the hanging one
//! either. `e2e/tests/self-service.spec.js` ("a lookup refused with the
//! last sign-in ...") fails with it. `Suspense`, `Transition` and
//! `ErrorBoundary` wait on resources, so a screen that reads through
//! `Loaded` shows its own loading and failure: `None` until the first
//! answer, then the answer's `Result`, with the previous one kept while the
//! next loads, as `Transition` would.

mod in_flight;
mod pages;

use std::future::Future;

use leptos::prelude::*;
use web_sys::AbortSignal;

pub use self::{
    in_flight::InFlight,
    pages::{Answered, LoadedPages, Paging},
};
use crate::context::SignedInAgain;

pub struct Loaded<T: 'static> {
    value: RwSignal<Option<T>>,
    reloads: RwSignal<u32>,
    /// Whether a load is under way, the first or a later one.
    loading: RwSignal<bool>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

impl<T: Clone + Send + Sync + 'static> Loaded<T> {
    /// Starts loading with `load` once the current update is done. `load`
    /// is given the signal that aborts its request when a newer load starts
    /// or the component goes: pass it to the transport
    /// (`Connection::transport_aborted_by`).
    pub fn new<Fut>(load: impl Fn(Option<AbortSignal>) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new(None);
        let reloads = RwSignal::new(0_u32);
        let loading = RwSignal::new(true);
        let in_flight = InFlight::new();
        let signed_in_again = SignedInAgain::of_widget();
        // Talks to the backend: the effect is the load's, with its state.
        Effect::new(move |_| {
            reloads.track();
            if let Some(again) = signed_in_again {
                again.track();
            }
            in_flight.start(
                |abort| Some(load(abort)),
                move |answer| {
                    value.try_set(Some(answer));
                    loading.try_set(false);
                },
            );
            if !loading.get_untracked() {
                loading.set(true);
            }
        });
        Loaded {
            value,
            reloads,
            loading,
        }
    }

    /// Whether a load is under way (tracked): the first, or a reload whose
    /// answer has not come yet while the last one is still shown.
    pub fn loading(&self) -> bool {
        self.loading.get()
    }

    /// The latest answer, or `None` before the first.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// Reads the latest answer (`None` before the first) without cloning it.
    pub fn with<R>(&self, read: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(read)
    }

    /// Loads again, for a "Try again" or "Refresh" button.
    pub fn reload(&self) {
        self.reloads.update(|n| *n = n.wrapping_add(1));
    }
}

#[cfg(test)]
mod tests {
    use std::{cell::RefCell, rc::Rc};

    use any_spawner::Executor;
    use leptos::prelude::*;

    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::Loaded;
    use crate::context::SignedInAgain;

    /// Each load's answer, given by the test when it chooses.
    #[derive(Clone, Default)]
    struct Answers(Rc<RefCell<Vec<js_sys::Function>>>);

    impl Answers {
        fn load(&self) -> impl std::future::Future<Output = u32> {
            let mut give = None;
            let promise = js_sys::Promise::new(&mut |resolve, _| give = Some(resolve));
            self.0.borrow_mut().extend(give);
            async move {
                let answer = JsFuture::from(promise).await.unwrap();
                answer.as_f64().unwrap() as u32
            }
        }

        fn started(&self) -> usize {
            self.0.borrow().len()
        }

        fn give(&self, load: usize, answer: u32) {
            self.0.borrow()[load]
                .call1(&JsValue::NULL, &answer.into())
                .unwrap();
        }
    }

    async fn settle() {
        for _ in 0..3 {
            leptos::task::tick().await;
        }
    }

    #[test]
    async fn the_latest_load_wins_and_the_last_answer_stays_meanwhile() {
        let _ = Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        let answers = Answers::default();
        let loaded = Loaded::new({
            let answers = answers.clone();
            move |_| answers.load()
        });
        settle().await;
        assert_eq!((answers.started(), loaded.get()), (1, None));

        answers.give(0, 1);
        settle().await;
        assert_eq!(loaded.get(), Some(1));

        // Two reloads: the first answer stays until one of theirs arrives,
        // and the earlier reload's answer, arriving last, is dropped.
        loaded.reload();
        settle().await;
        loaded.reload();
        settle().await;
        assert_eq!((answers.started(), loaded.get()), (3, Some(1)));
        answers.give(2, 3);
        settle().await;
        assert_eq!(loaded.get(), Some(3));
        answers.give(1, 2);
        settle().await;
        assert_eq!(loaded.get(), Some(3));
    }

    /// The screen's signals are gone with it: the late answer must find
    /// them gone without a panic (which would stop the whole widget in a
    /// release build), and nothing loads again.
    #[test]
    async fn an_answer_after_its_screen_is_gone_is_dropped_without_a_panic() {
        let _ = Executor::init_wasm_bindgen();
        let parent = Owner::new();
        parent.set();
        let screen = parent.child();
        let answers = Answers::default();
        let loaded = screen.with(|| {
            let answers = answers.clone();
            Loaded::new(move |_| answers.load())
        });
        settle().await;
        assert_eq!(answers.started(), 1);
        screen.cleanup();
        assert!(loaded.value.is_disposed() && loaded.loading.is_disposed());
        answers.give(0, 1);
        settle().await;
        assert_eq!(answers.started(), 1);
    }

    /// An overtaken load's request, and the last one's when its screen
    /// goes, are aborted: a backend that holds an answer back does not keep
    /// a connection for each.
    #[test]
    async fn a_newer_load_and_the_end_of_its_screen_abort_the_request_on_its_way() {
        let _ = Executor::init_wasm_bindgen();
        let parent = Owner::new();
        parent.set();
        let screen = parent.child();
        let answers = Answers::default();
        let signals = Rc::new(RefCell::new(Vec::<web_sys::AbortSignal>::new()));
        let loaded = screen.with(|| {
            let (answers, signals) = (answers.clone(), signals.clone());
            Loaded::new(move |abort| {
                signals.borrow_mut().extend(abort);
                answers.load()
            })
        });
        let aborted = || {
            signals
                .borrow()
                .iter()
                .map(|s| s.aborted())
                .collect::<Vec<_>>()
        };
        settle().await;
        assert_eq!(aborted(), [false]);
        loaded.reload();
        settle().await;
        assert_eq!(aborted(), [true, false]);
        screen.cleanup();
        assert_eq!(aborted(), [true, true]);
    }

    /// The page signs the user in again after a session ended: every read
    /// loads again, without its load tracking anything for it.
    #[test]
    async fn a_new_sign_in_loads_again_without_the_caller_asking() {
        let _ = Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        let signed_in_again = SignedInAgain::new();
        provide_context(signed_in_again);
        let answers = Answers::default();
        let loaded = Loaded::new({
            let answers = answers.clone();
            move |_| answers.load()
        });
        settle().await;
        answers.give(0, 1);
        settle().await;
        assert_eq!((answers.started(), loaded.get()), (1, Some(1)));
        signed_in_again.tell();
        settle().await;
        assert_eq!(answers.started(), 2);
        answers.give(1, 2);
        settle().await;
        assert_eq!(loaded.get(), Some(2));
    }

    #[test]
    async fn a_signal_read_by_the_load_loads_again_when_it_changes() {
        let _ = Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        let answers = Answers::default();
        let query = RwSignal::new(1_u32);
        let loaded = Loaded::new({
            let answers = answers.clone();
            move |_| {
                query.track();
                answers.load()
            }
        });
        settle().await;
        query.set(2);
        settle().await;
        assert_eq!(answers.started(), 2);
        answers.give(1, 20);
        settle().await;
        assert_eq!(loaded.get(), Some(20));
    }
}
