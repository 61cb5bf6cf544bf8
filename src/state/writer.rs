//! This tab's standing as the open strategy's writer (see [`crate::tabs`]).
//! Rule: only the holder of the strategy's edit lock writes it; other tabs'
//! writes pause saving until the user chooses, or are followed when read-only.

use leptos::prelude::*;
use strategy_core::library::{self, Base, Meta};

use super::autosave::{Autosave, SaveState};
use super::document::{Document, Undo};
use super::notices::Notices;
use super::store::Stored;
use crate::tabs::{EditLock, LockEvent};

/// The edit lock and other tabs' writes; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Writer {
    /// The strategy whose edit lock this tab holds or waits for, and the lock.
    edit_lock: StoredValue<Option<(String, EditLock)>, LocalStorage>,
    /// The concerns it works with (one handle, so that copies stay small).
    with: StoredValue<WriterWith, LocalStorage>,
}

/// The concerns [Writer] works with.
#[derive(Clone, Copy)]
struct WriterWith {
    document: Document,
    autosave: Autosave,
    stored: Stored,
    notices: Notices,
}

impl Writer {
    /// The concerns it works with.
    fn w(&self) -> WriterWith {
        self.with.get_value()
    }

    /// Holds no lock yet.
    pub fn new(document: Document, autosave: Autosave, stored: Stored, notices: Notices) -> Self {
        Writer { edit_lock: StoredValue::new_local(None), with: StoredValue::new_local(WriterWith { document, autosave, stored, notices }) }
    }

    /// Another tab wrote `key` (`new_value` is what it wrote, or `None` when
    /// it removed it): refresh the library, and if it is the open strategy's
    /// meta (written last, once its document is stored), pause saving and ask
    /// the user. Storage events only reach other tabs, so any such write is
    /// another writer's: even one made at the same instant as ours, with the
    /// same revision number.
    pub fn on_storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        self.w().stored.refresh();
        let (Some(key), Some(open_id)) = (key, self.w().document.open_id()) else { return };
        if library::meta_id_of_key(&key) != Some(open_id.as_str()) {
            return;
        }
        if self.w().autosave.read_only.get_untracked() {
            // The writer saved: show what it saved.
            if new_value.is_some() {
                self.reload_stored(&open_id);
            }
            return;
        }
        let Some(new_value) = new_value else {
            if self.w().autosave.base() != Base::default() {
                self.w().autosave.set_base(Base::default());
                self.w().notices.error(self.w().notices.texts().deleted_elsewhere);
            }
            // Not stored any more: unsaved edits (and the next edit) store it again.
            return;
        };
        let theirs = serde_json::from_str::<Meta>(&new_value)
            .unwrap_or_else(|_| Meta { id: open_id, revision: self.w().autosave.base().revision, ..Default::default() });
        if theirs.base() != self.w().autosave.base() {
            self.w().autosave.conflict.set(Some(theirs));
        }
    }

    /// Shows the stored version of the open strategy in place of the one in
    /// memory, which has no unsaved edits (a read-only tab following the
    /// writer, or a writer that finds the stored copy newer).
    fn reload_stored(&self, id: &str) {
        let (writer, id) = (*self, id.to_string());
        crate::web::run(async move {
            if let Ok(loaded) = writer.w().stored.load(&id).await {
                // Still the open strategy, and still without edits of its own.
                if writer.w().document.is_open(&id) && writer.w().autosave.save_state.try_get_untracked() == Some(SaveState::Saved) {
                    writer.w().document.show_stored(loaded, Undo::Clear);
                }
            }
        });
    }

    /// Resolves a conflict by taking the other tab's version (undo brings mine back).
    pub fn load_theirs(&self) {
        let Some(id) = self.w().document.open_id() else { return };
        let writer = *self;
        crate::web::run(async move {
            match writer.w().stored.load(&id).await {
                Ok(loaded) if writer.w().document.is_open(&id) => {
                    writer.w().autosave.conflict.set(None);
                    writer.w().document.show_stored(loaded, Undo::KeepMine);
                }
                Ok(_) => {}
                Err(reason) => writer.w().notices.error(reason),
            }
        });
    }

    /// Holds the edit lock of the strategy the editor shows (`None`: none),
    /// releasing the one held before. Called whenever the route changes.
    pub fn hold_edit_lock(&self, id: Option<&str>) {
        if self.edit_lock.with_value(|l| l.as_ref().map(|(held, _)| held.as_str()) == id) {
            return;
        }
        if let Some((_, lock)) = self.edit_lock.get_value() {
            lock.release();
        }
        self.edit_lock.set_value(None);
        self.w().autosave.read_only.set(false);
        if let Some(id) = id {
            self.request_edit_lock(id, true, false);
        }
    }

    fn request_edit_lock(&self, id: &str, if_available: bool, steal: bool) {
        let (state, owned) = (*self, id.to_string());
        let lock = EditLock::request(id, if_available, steal, move |event| state.on_lock_event(&owned, event));
        self.edit_lock.set_value(Some((id.to_string(), lock)));
    }

    fn on_lock_event(&self, id: &str, event: LockEvent) {
        if self.edit_lock.with_value(|l| l.as_ref().map(|(held, _)| held.as_str()) != Some(id)) {
            return; // an answer for a strategy this tab has left
        }
        match event {
            LockEvent::Granted => {
                let was_read_only = self.w().autosave.read_only.get_untracked();
                self.w().autosave.read_only.set(false);
                let stored = self.w().stored.meta(id).map(|m| m.base());
                if self.w().document.is_open(id) && stored.is_some_and(|b| b != self.w().autosave.base()) {
                    // Saved elsewhere since this tab read it.
                    if was_read_only || self.w().autosave.save_state.get_untracked() == SaveState::Saved {
                        self.reload_stored(id);
                    } else if let Some(theirs) = self.w().stored.meta(id) {
                        self.w().autosave.conflict.set(Some(theirs));
                    }
                }
            }
            LockEvent::Busy | LockEvent::Lost => self.step_back(id),
        }
    }

    /// Asks the tab that edits the open strategy to save and hand it over;
    /// takes it after a few seconds if that tab does not answer (hung).
    pub fn take_over(&self) {
        let Some(id) = self.w().document.open_id() else { return };
        if let Some(channel) = crate::tabs::channel() {
            let _ = channel.post_message(&crate::tabs::hand_over_message(&id).into());
            channel.close();
        }
        let state = *self;
        set_timeout(
            move || {
                // `try_`: the state may be gone by then (a test's owner, an unmounted app).
                let waiting = state.w().autosave.read_only.try_get_untracked() == Some(true)
                    && state.edit_lock.try_with_value(|l| l.as_ref().is_some_and(|(held, _)| *held == id)) == Some(true);
                if waiting {
                    if let Some((_, lock)) = state.edit_lock.get_value() {
                        lock.release();
                    }
                    state.request_edit_lock(&id, false, true);
                }
            },
            std::time::Duration::from_secs(4),
        );
    }

    /// Another tab asks for the strategy `id`: if this tab is its writer,
    /// save, step back to read-only and wait in line behind the asking tab.
    pub fn on_hand_over_request(&self, id: &str) {
        let writing =
            !self.w().autosave.read_only.get_untracked() && self.edit_lock.with_value(|l| l.as_ref().is_some_and(|(held, _)| held == id));
        if writing {
            self.step_back(id);
        }
    }

    /// Saves what is unsaved, lets go of the lock (if held) and becomes
    /// read-only, waiting in line: the writer's closing or handing over makes
    /// this tab the writer again.
    fn step_back(&self, id: &str) {
        self.w().autosave.flush();
        if let Some((_, lock)) = self.edit_lock.get_value() {
            lock.release();
        }
        self.w().autosave.read_only.set(true);
        self.request_edit_lock(id, false, false);
    }
}
