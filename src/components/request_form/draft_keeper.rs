//! Keeps a form's draft in localStorage (`drafts.rs` has the format).

use std::{cell::RefCell, rc::Rc, time::Duration};

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::{
    context::{Connection, Words},
    storage,
};
use support_rules::{
    drafts::{self, Draft, FormFlow},
    locale::Locale,
};

/// Typing pauses this long before the draft is written: one write per
/// pause, not one per keystroke.
const DEBOUNCE: Duration = Duration::from_millis(500);

/// A write waiting for the pause; `None` removes the draft.
struct PendingWrite {
    timer: TimeoutHandle,
    key: String,
    draft: Option<Draft>,
    /// The widget's language, whose contact language a draft that follows
    /// it is stored with when written (`Draft::as_stored`); what it was when
    /// the write was asked for, once the widget is gone.
    shown: Memo<Locale>,
    shown_when_asked: Locale,
}

/// What the keeper shares with its timers and its cleanup, which run
/// after the arena is gone.
#[derive(Default)]
struct Shared {
    pending: Option<PendingWrite>,
    /// When the stored draft this form wrote or loaded was saved: another
    /// widget of the same backend and audience, or the same form in another
    /// tab, may have stored a newer one since, which is theirs to keep.
    own: Option<u64>,
}

#[derive(Clone, Copy)]
pub struct DraftKeeper {
    words: Words,
    connection: Connection,
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
    /// The storage key the draft was last read under: the page may set the
    /// backend, or change it or the audience, after the form was created.
    read_under: StoredValue<Option<String>>,
    /// Shared with the owner's cleanup, which writes what is still pending
    /// (the element left the page) even after the arena is gone.
    shared: StoredValue<Rc<RefCell<Shared>>, LocalStorage>,
}

impl DraftKeeper {
    pub fn new(words: Words, connection: Connection, flow: FormFlow) -> DraftKeeper {
        let shared = Rc::new(RefCell::new(Shared::default()));
        let off = RwSignal::new(false);
        // on_cleanup wants Send; the widget lives on the one browser thread.
        let for_cleanup = SendWrapper::new(shared.clone());
        on_cleanup(move || write_now(&for_cleanup, off));
        // Closing or leaving the page: what waits for the pause is written
        // now, so the last keystrokes survive too.
        let for_pagehide = shared.clone();
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| {
            write_now(&for_pagehide, off);
        });
        on_cleanup(move || leaving.remove());
        DraftKeeper {
            words,
            connection,
            flow,
            restored: RwSignal::new(false),
            off,
            off_dismissed: RwSignal::new(false),
            unchanged: StoredValue::new(None),
            read_under: StoredValue::new(None),
            shared: StoredValue::new_local(shared),
        }
    }

    /// This form's storage key, while the backend is usable and the widget
    /// knows whose draft it is.
    fn key(self) -> Option<String> {
        let backend = self.connection.backend.get_untracked()?;
        let audience = self.connection.audience.get_untracked();
        let keeper = self.connection.storage_owner.get_untracked()?;
        Some(drafts::storage_key(&backend, audience, self.flow, &keeper))
    }

    /// Whether the backend, the audience or the user is not the one the
    /// draft was read for: each has its own drafts.
    pub fn moved(self) -> bool {
        let key = self.key();
        self.read_under.with_value(|read_under| *read_under != key)
    }

    /// Reads the draft left by an earlier visit. A broken entry is removed.
    pub fn load(self) -> Option<Draft> {
        let key = self.key();
        self.read_under.set_value(key.clone());
        let key = key?;
        match storage::read(&key) {
            Ok(Some(text)) => {
                let draft = Draft::decode(&text);
                if draft.is_none() {
                    _ = storage::remove(&key);
                }
                if let Some(shared) = self.shared.try_get_value() {
                    shared.borrow_mut().own = draft.as_ref().map(|draft| draft.saved_at);
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

    /// Whether the form has read no draft yet: where its draft goes (whose
    /// it is, or the backend) was not known when it was created or last
    /// emptied.
    pub fn read_nowhere(self) -> bool {
        self.read_under.with_value(Option::is_none)
    }

    /// Keeps `draft`, typed before the form knew where its draft goes,
    /// there now (once typing pauses, as any change), rather than at the
    /// next keystroke.
    pub fn keep_typed(self, draft: Draft) {
        self.read_under.set_value(self.key());
        self.save_later(draft, true);
    }

    /// Writes what waits for the pause now, where it was to go: the user it
    /// was typed by is leaving.
    pub fn write_pending(self) {
        if let Some(shared) = self.shared.try_get_value() {
            write_now(&shared, self.off);
        }
    }

    /// The form no longer holds the draft it read: another user's comes.
    pub fn forget_read(self) {
        if let Some(shared) = self.shared.try_get_value() {
            shared.borrow_mut().own = None;
        }
        self.restored.set(false);
    }

    /// Whether `draft` is what was last read or written: nothing typed
    /// since.
    pub fn is_unchanged(self, draft: &Draft) -> bool {
        self.unchanged
            .with_value(|unchanged| unchanged.as_ref() == Some(draft))
    }

    /// Whether a draft is stored where this form's goes now.
    pub fn has_stored(self) -> bool {
        let stored = self
            .key()
            .and_then(|key| storage::read(&key).ok().flatten());
        stored.is_some_and(|text| Draft::decode(&text).is_some())
    }

    /// `draft` is what is stored now: no need to write it.
    pub fn mark_unchanged(self, draft: Draft) {
        self.unchanged.set_value(Some(draft));
    }

    /// Writes `draft` once typing pauses; one not `worth_keeping` (nothing
    /// of the user's) removes the stored one.
    pub fn save_later(self, draft: Draft, worth_keeping: bool) {
        let Some(shared) = self.shared.try_get_value() else {
            return;
        };
        // Nowhere to write yet (whose draft it is is not known): what
        // waits is still written where it was to go.
        let Some(key) = self.key() else { return };
        if let Some(previous) = shared.borrow_mut().pending.take() {
            previous.timer.clear();
        }
        if self.is_unchanged(&draft) {
            return;
        }
        let draft = worth_keeping.then_some(draft);
        let unchanged = self.unchanged;
        let off = self.off;
        let for_timer = shared.clone();
        let written = draft.clone();
        let timer = set_timeout_with_handle(
            move || {
                write_now(&for_timer, off);
                unchanged.try_set_value(written);
            },
            DEBOUNCE,
        );
        // A change of the widget's language alone writes nothing.
        let shown = self.words.locale;
        if let Ok(timer) = timer {
            shared.borrow_mut().pending = Some(PendingWrite {
                timer,
                key,
                draft,
                shown,
                shown_when_asked: shown.get_untracked(),
            });
        }
    }

    /// Removes the stored draft now, unless another form stored its own
    /// since; `left` (what the form holds afterwards) is not saved again
    /// until it changes.
    pub fn forget(self, left: Draft) {
        if let Some(shared) = self.shared.try_get_value() {
            if let Some(previous) = shared.borrow_mut().pending.take() {
                previous.timer.clear();
            }
            if let Some(key) = self.key() {
                if remove_own(&shared, &key).is_err() {
                    self.off.set(true);
                }
            }
        }
        self.unchanged.set_value(Some(left));
        self.restored.set(false);
    }
}

/// Writes the pending draft at once.
fn write_now(shared: &Rc<RefCell<Shared>>, off: RwSignal<bool>) {
    let Some(write) = shared.borrow_mut().pending.take() else {
        return;
    };
    write.timer.clear();
    let written = match write.draft {
        Some(draft) => {
            let shown = write.shown.try_get_untracked();
            let mut draft = draft.as_stored(shown.unwrap_or(write.shown_when_asked));
            draft.saved_at = js_sys::Date::now() as u64;
            let written = storage::write(&write.key, &draft.encode());
            if written.is_ok() {
                shared.borrow_mut().own = Some(draft.saved_at);
            }
            written
        }
        None => remove_own(shared, &write.key),
    };
    if written.is_err() {
        off.try_set(true);
    }
}

/// Removes the draft stored under `key` unless it is another form's.
fn remove_own(shared: &Rc<RefCell<Shared>>, key: &str) -> Result<(), storage::StorageError> {
    let stored = storage::read(key)?.and_then(|text| Draft::decode(&text));
    let own = shared.borrow().own;
    if drafts::is_theirs(stored.as_ref(), own) {
        return Ok(());
    }
    shared.borrow_mut().own = None;
    storage::remove(key)
}
