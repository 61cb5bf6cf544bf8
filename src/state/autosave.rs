//! Saving the open strategy. Rule: the document only calls
//! [`Autosave::schedule_save`]; saving waits for a pause in editing but never
//! longer than [`SAVE_MAX_WAIT_MS`], and never writes over another writer's save.
//! One save is in flight at a time (documents are written asynchronously);
//! edits made meanwhile are saved when it lands. A closing tab also keeps its
//! unsaved edits in the index at once ([`Autosave::flush_on_close`]), since
//! its asynchronous save may not finish; opening the strategy brings them back.

use leptos::prelude::*;
use strategy_core::library::{Base, Meta, SaveError};
use strategy_core::Strategy;

use super::notices::Notices;
use super::store::Stored;

/// Edits are saved this long after the last one (and at once when the page is hidden)…
const SAVE_DELAY_MS: f64 = 400.0;
/// …but never later than this after the first unsaved one, so that steady
/// typing is saved while it goes on (a killed tab loses at most this much).
pub const SAVE_MAX_WAIT_MS: f64 = 1500.0;

/// Whether the open strategy is safely stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    /// The last save failed; the reason is in the notice.
    Failed,
}

/// The open strategy's saving; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Autosave {
    pub save_state: RwSignal<SaveState>,
    /// Another tab saved the open strategy; saving is paused until the user chooses.
    pub conflict: RwSignal<Option<Meta>>,
    /// Another tab is the open strategy's writer: this one shows it read-only
    /// and follows that tab's saves (see [`super::writer`]).
    pub read_only: RwSignal<bool>,
    /// The open strategy, as the document holds it.
    doc: ReadSignal<Option<Strategy>>,
    /// The stored version the open strategy was read from or last saved as.
    base: StoredValue<Base>,
    /// When the oldest edit not yet saved was made (`Date.now()`), if any.
    unsaved_since: StoredValue<Option<f64>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// Counts edits, so that a save knows whether edits came in while it was written.
    edits: StoredValue<u64>,
    /// A save is being written; another flush waits for it.
    saving: StoredValue<bool>,
    stored: Stored,
    notices: Notices,
}

impl Autosave {
    /// Saves `doc` into `stored`, telling `notices` what fails.
    pub fn new(doc: ReadSignal<Option<Strategy>>, stored: Stored, notices: Notices) -> Self {
        Autosave {
            save_state: RwSignal::new(SaveState::Saved),
            conflict: RwSignal::new(None),
            read_only: RwSignal::new(false),
            doc,
            base: StoredValue::new(Base::default()),
            unsaved_since: StoredValue::new(None),
            save_timer: StoredValue::new(None),
            edits: StoredValue::new(0),
            saving: StoredValue::new(false),
            stored,
            notices,
        }
    }

    /// The stored version the open strategy was read from or last saved as.
    pub fn base(&self) -> Base {
        self.base.get_value()
    }

    /// Sets the stored version the open strategy is based on.
    pub fn set_base(&self, base: Base) {
        self.base.set_value(base);
    }

    /// The open strategy is as stored at `base`: nothing to save.
    pub fn saved_as(&self, base: Base) {
        self.base.set_value(base);
        self.unsaved_since.set_value(None);
        self.save_state.set(SaveState::Saved);
    }

    /// Saves after a pause in editing, or at the latest [`SAVE_MAX_WAIT_MS`]
    /// after the first unsaved edit: the timer restarts on each edit, but
    /// never beyond that deadline.
    pub fn schedule_save(&self) {
        self.edits.update_value(|n| *n += 1);
        self.save_state.set(SaveState::Pending);
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
        }
        let now = js_sys::Date::now();
        let since = self.unsaved_since.get_value().unwrap_or(now);
        self.unsaved_since.set_value(Some(since));
        let delay = SAVE_DELAY_MS.min(since + SAVE_MAX_WAIT_MS - now).max(0.0);
        let state = *self;
        // The state may be gone by then (the strategy's owner disposed).
        let handle = set_timeout_with_handle(
            move || {
                if !state.save_state.is_disposed() {
                    state.flush()
                }
            },
            std::time::Duration::from_millis(delay as u64),
        )
        .ok();
        self.save_timer.set_value(handle);
    }

    /// Saves unsaved edits now: called on the timer, when the page is hidden
    /// or closed, and before leaving a strategy. A save that failed before
    /// (storage full) is tried again; nothing is saved during a conflict.
    pub fn flush(&self) {
        // A timer may fire after the state is gone (a test's owner, an unmounted app).
        let Some(timer) = self.save_timer.try_get_value() else { return };
        if let Some(handle) = timer {
            handle.clear();
            self.save_timer.set_value(None);
        }
        if self.save_state.get_untracked() == SaveState::Saved || self.read_only.get_untracked() {
            return;
        }
        if self.conflict.get_untracked().is_some() {
            // Paused until the user chooses: say that it is not saved.
            self.save_state.set(SaveState::Failed);
            return;
        }
        if self.saving.get_value() {
            // Saved again when the save being written lands.
            return;
        }
        let Some(s) = self.doc.get_untracked() else { return };
        let (state, edits, base) = (*self, self.edits.get_value(), self.base.get_value());
        self.saving.set_value(true);
        crate::web::run(async move {
            let result = state.stored.save(&s, &base).await;
            // The state may be gone by the time the answer arrives (a test's owner, an unmounted app).
            if state.saving.try_set_value(false).is_some() {
                return;
            }
            state.saved(&s.id, result, edits);
        });
    }

    /// What a save of the strategy `id` came to; `edits` is the edit count it saved.
    fn saved(&self, id: &str, result: Result<Meta, SaveError>, edits: u64) {
        if self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.as_str()) != Some(id)) {
            // Left (or deleted) while it was written: say only what failed.
            self.stored.refresh();
            if let Err(SaveError::Store(e)) = result {
                self.notices.not_stored(e, id);
            }
            return;
        }
        match result {
            Ok(meta) => {
                self.base.set_value(meta.base());
                self.notices.clear_quota_full();
                self.stored.refresh();
                if self.edits.get_value() == edits {
                    self.unsaved_since.set_value(None);
                    self.save_state.set(SaveState::Saved);
                } else if self.save_timer.with_value(Option::is_none) {
                    // Edited while it was written, and no save is scheduled: save those now.
                    self.flush();
                }
            }
            Err(SaveError::Conflict(theirs)) => {
                self.save_state.set(SaveState::Failed);
                self.conflict.set(Some(*theirs));
            }
            Err(SaveError::Store(e)) => {
                // Tried again on the next edit (not before the maximum wait),
                // when the page is hidden and when it is closed.
                self.unsaved_since.set_value(Some(js_sys::Date::now()));
                self.save_state.set(SaveState::Failed);
                self.notices.store_failed(e);
            }
        }
    }

    /// The tab is closing: keeps unsaved edits in the index at once (brought
    /// back when the strategy is next opened), then saves as [`Autosave::flush`].
    pub fn flush_on_close(&self) {
        let unsaved = self.save_state.get_untracked() != SaveState::Saved && !self.read_only.get_untracked() && self.conflict.get_untracked().is_none();
        if unsaved {
            if let Some(s) = self.doc.get_untracked() {
                // Best effort: a full index keeps only what the last save stored.
                let _ = self.stored.keep_unsaved(&s, &self.base.get_value());
            }
        }
        self.flush();
    }

    /// Resolves a conflict by saving my version over theirs (as stored now).
    pub fn keep_mine(&self) {
        if self.conflict.get_untracked().is_none() {
            return;
        }
        let id = self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.clone())).unwrap_or_default();
        let state = *self;
        crate::web::run(async move {
            if state.stored.newer(&id).await.is_some() {
                // A newer version's copy is never overwritten by this one.
                state.notices.error(state.notices.texts().newer_elsewhere);
                return;
            }
            state.base.set_value(state.stored.meta(&id).map(|m| m.base()).unwrap_or_default());
            state.conflict.set(None);
            state.save_state.set(SaveState::Pending);
            state.flush();
        });
    }
}
