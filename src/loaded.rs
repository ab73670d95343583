//! A screen's value read from the backend: nothing until the first answer,
//! then the latest one. It loads again when a signal that `load` reads
//! changes (the callers read `WidgetContext::signed_in_again`, so that what
//! an ended session refused is read again), or on [`Loaded::reload`],
//! keeping the previous answer on screen meanwhile. A new load starts at
//! once, even while an earlier one is still on its way, and the earlier
//! answer is then dropped.
//!
//! `load` is tracked while it runs, not while its future runs: read every
//! signal before the first `.await` (as the callers build their request),
//! and pass what the future needs into it rather than reading context there.
//!
//! Why not Leptos's `LocalResource`: in Leptos 0.8 it starts the next load
//! only once the current one has answered, so a request that hangs (a
//! backend that holds an answer back, a refused sign-in's answer on its way)
//! keeps "Try again", a new sign-in and a change of language waiting for
//! it. `e2e/tests/self-service.spec.js` ("a lookup refused with the last
//! sign-in ...") fails with it.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};

use crate::effects::effect;

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
    /// Starts loading with `load` once the current update is done.
    pub fn new<Fut>(load: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new(None);
        let reloads = RwSignal::new(0_u32);
        let loading = RwSignal::new(true);
        let latest = StoredValue::new(0_u32);
        effect(move |_| {
            reloads.track();
            let answer = load();
            let this = latest.try_update_value(|n| {
                *n = n.wrapping_add(1);
                *n
            });
            if !loading.get_untracked() {
                loading.set(true);
            }
            spawn_local(async move {
                let answer = answer.await;
                if this.is_some() && latest.try_get_value() == this {
                    value.try_set(Some(answer));
                    loading.try_set(false);
                }
            });
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
            move || answers.load()
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
            Loaded::new(move || answers.load())
        });
        settle().await;
        assert_eq!(answers.started(), 1);
        screen.cleanup();
        assert!(loaded.value.is_disposed() && loaded.loading.is_disposed());
        answers.give(0, 1);
        settle().await;
        assert_eq!(answers.started(), 1);
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
            move || {
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
