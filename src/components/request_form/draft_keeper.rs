//! Keeps a form's draft in localStorage (`drafts.rs` has the format).

use std::{cell::RefCell, rc::Rc, time::Duration};

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::{
    context::WidgetContext,
    drafts::{self, Draft, FormFlow},
    storage,
};

/// Typing pauses this long before the draft is written: one write per
/// pause, not one per keystroke.
const DEBOUNCE: Duration = Duration::from_millis(500);

/// A write waiting for the pause; a draft not `kept` removes the stored one.
struct PendingWrite {
    timer: TimeoutHandle,
    key: String,
    draft: Draft,
    kept: bool,
}

#[derive(Clone, Copy)]
pub struct DraftKeeper {
    widget: WidgetContext,
    flow: FormFlow,
    /// A draft was loaded when the form was created (until the user hides the
    /// notice or discards it).
    pub restored: RwSignal<bool>,
    /// localStorage refused: the user is told once, and the form works on.
    pub off: RwSignal<bool>,
    /// Whether the user hid the "drafts are off" note.
    pub off_dismissed: RwSignal<bool>,
    /// What needs no write: what is stored, or what a submission left.
    unchanged: StoredValue<Option<Draft>>,
    /// Shared with the owner's cleanup, which writes what is still pending
    /// (the element left the page) even after the arena is gone.
    pending: StoredValue<Rc<RefCell<Option<PendingWrite>>>, LocalStorage>,
}

impl DraftKeeper {
    pub fn new(widget: WidgetContext, flow: FormFlow) -> DraftKeeper {
        let pending = Rc::new(RefCell::new(None::<PendingWrite>));
        let off = RwSignal::new(false);
        // on_cleanup wants Send; the widget lives on the one browser thread.
        let for_cleanup = SendWrapper::new(pending.clone());
        on_cleanup(move || write_now(&for_cleanup, off));
        // Closing or leaving the page: what waits for the pause is written
        // now, so the last keystrokes survive too.
        let for_pagehide = pending.clone();
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| {
            write_now(&for_pagehide, off);
        });
        on_cleanup(move || leaving.remove());
        DraftKeeper {
            widget,
            flow,
            restored: RwSignal::new(false),
            off,
            off_dismissed: RwSignal::new(false),
            unchanged: StoredValue::new(None),
            pending: StoredValue::new_local(pending),
        }
    }

    /// This form's storage key, while the backend is usable.
    fn key(self) -> Option<String> {
        let backend = self.widget.backend.get_untracked()?;
        let audience = self.widget.audience.get_untracked();
        Some(drafts::storage_key(&backend, audience, self.flow))
    }

    /// Reads the draft left by an earlier visit. A broken entry is removed.
    pub fn load(self) -> Option<Draft> {
        let key = self.key()?;
        match storage::read(&key) {
            Ok(Some(text)) => {
                let draft = Draft::decode(&text);
                if draft.is_none() {
                    _ = storage::remove(&key);
                }
                self.restored.set(draft.is_some());
                draft
            }
            Ok(None) => None,
            Err(_) => {
                self.off.set(true);
                None
            }
        }
    }

    /// `draft` is what is stored now: no need to write it.
    pub fn mark_unchanged(self, draft: Draft) {
        self.unchanged.set_value(Some(draft));
    }

    /// Writes `draft` once typing pauses; one not `worth_keeping` (nothing
    /// of the user's) removes the stored one.
    pub fn save_later(self, draft: Draft, worth_keeping: bool) {
        let Some(pending) = self.pending.try_get_value() else {
            return;
        };
        if let Some(previous) = pending.borrow_mut().take() {
            previous.timer.clear();
        }
        let same = self
            .unchanged
            .with_value(|unchanged| unchanged.as_ref() == Some(&draft));
        let Some(key) = self.key() else { return };
        if same {
            return;
        }
        let unchanged = self.unchanged;
        let off = self.off;
        let shared = pending.clone();
        let written = worth_keeping.then(|| draft.clone());
        let timer = set_timeout_with_handle(
            move || {
                write_now(&shared, off);
                unchanged.try_set_value(written);
            },
            DEBOUNCE,
        );
        if let Ok(timer) = timer {
            *pending.borrow_mut() = Some(PendingWrite {
                timer,
                key,
                draft,
                kept: worth_keeping,
            });
        }
    }

    /// Removes the stored draft of the request sent with `idempotency_key`
    /// now; `left` (what the form holds afterwards) is not saved again until
    /// it changes.
    pub fn forget(self, idempotency_key: &str, left: Draft) {
        if let Some(pending) = self.pending.try_get_value() {
            if let Some(previous) = pending.borrow_mut().take() {
                previous.timer.clear();
            }
        }
        if let Some(key) = self.key() {
            if remove_own(&key, idempotency_key).is_err() {
                self.off.set(true);
            }
        }
        self.unchanged.set_value(Some(left));
        self.restored.set(false);
    }
}

/// Writes the pending draft at once.
fn write_now(pending: &Rc<RefCell<Option<PendingWrite>>>, off: RwSignal<bool>) {
    let Some(write) = pending.borrow_mut().take() else {
        return;
    };
    write.timer.clear();
    let mut draft = write.draft;
    let written = if write.kept {
        draft.saved_at = js_sys::Date::now() as u64;
        storage::write(&write.key, &draft.encode())
    } else {
        remove_own(&write.key, &draft.idempotency_key)
    };
    if written.is_err() {
        off.try_set(true);
    }
}

/// Removes the draft stored under `key` unless it is another request's:
/// another widget of the same backend and audience, or the same form in
/// another tab, may have written its own since, and it is theirs to keep.
fn remove_own(key: &str, idempotency_key: &str) -> Result<(), storage::StorageError> {
    let theirs = storage::read(key)?
        .and_then(|text| Draft::decode(&text))
        .is_some_and(|stored| stored.idempotency_key != idempotency_key);
    if theirs {
        return Ok(());
    }
    storage::remove(key)
}
