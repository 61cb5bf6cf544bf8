//! The app's state in one place, provided by context: the open strategy with
//! its undo history, the library listing, saving, notices and imports.
//! Components read signals from here and call its methods; they hold no state
//! of their own beyond what is being typed.

use leptos::prelude::*;
use strategy_core::change::Change;
use strategy_core::history::History;
use strategy_core::i18n::{fill, Lang, Texts};
use strategy_core::library::{self, Base, Entry, Meta, SaveError, Settings, StoreError};
use strategy_core::edit::Located;
use strategy_core::walk::Index;
use strategy_core::{export, import, Imported, Problem, Strategy};

use crate::route::Route;
use crate::storage::LocalStore;
use crate::tabs::{EditLock, LockEvent};
use crate::web;

/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 25 * 1024 * 1024;
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

/// A message shown above the page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Info(String),
    Error(String),
    /// Storage is full: offer to export.
    QuotaFull,
    /// A strategy was deleted: offer to undo.
    Deleted(Box<Strategy>),
}

/// An import waiting for the user's decision.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    /// The file cannot be imported; nothing was changed.
    Refused(Vec<Problem>),
    /// The file is readable: show its preview; `existing` is the stored
    /// strategy with the same id; `renamed` the unsafe ids (reported among
    /// the problems with their paths) and the fresh ids they get.
    Preview { imported: Box<Imported>, existing: Option<Meta>, renamed: Vec<(String, String)> },
}

/// How to store an imported strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// As it is (no strategy with its id is stored).
    AsIs,
    /// With a new id, beside the existing one.
    AsCopy,
    /// Over the existing one with the same id.
    Replace,
}

/// The app's state; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub entries: RwSignal<Vec<Entry>>,
    /// The open strategy.
    pub doc: RwSignal<Option<Strategy>>,
    /// Where each item of the open strategy is, by id.
    pub index: Memo<Index>,
    /// Validation problems of the open strategy.
    pub problems: Memo<Vec<Problem>>,
    /// Displayed numbers of the nodes (by each level's numbering rule), by id.
    pub numbers: Memo<std::collections::HashMap<String, String>>,
    pub save_state: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    /// Another tab saved the open strategy; saving is paused until the user chooses.
    pub conflict: RwSignal<Option<Meta>>,
    /// Another tab is the open strategy's writer: this one shows it read-only
    /// and follows that tab's saves (see [`crate::tabs`]).
    pub read_only: RwSignal<bool>,
    pub import: RwSignal<Option<ImportState>>,
    pub can_undo: RwSignal<bool>,
    /// The id of the outline item being dragged.
    pub dragging: RwSignal<Option<String>>,
    pub can_redo: RwSignal<bool>,
    /// The stored version the open strategy was read from or last saved as.
    base: StoredValue<Base>,
    /// When the oldest edit not yet saved was made (`Date.now()`), if any.
    unsaved_since: StoredValue<Option<f64>>,
    /// Undo steps: the inverse of each edit (see `strategy_core::change`).
    history: StoredValue<History<Change>>,
    tab: StoredValue<String>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// The strategy whose edit lock this tab holds or waits for, and the lock.
    edit_lock: StoredValue<Option<(String, EditLock)>, LocalStorage>,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    /// Reads settings and the library, and follows the URL.
    pub fn new() -> Self {
        let store = LocalStore;
        let doc = RwSignal::new(None::<Strategy>);
        AppState {
            lang: RwSignal::new(library::settings(&store).lang),
            route: RwSignal::new(Route::parse(&window().location().hash().unwrap_or_default())),
            entries: RwSignal::new(library::list(&store)),
            doc,
            index: Memo::new(move |_| doc.with(|d| d.as_ref().map(Index::of).unwrap_or_default())),
            problems: Memo::new(move |_| doc.with(|d| d.as_ref().map(strategy_core::validate::validate).unwrap_or_default())),
            numbers: Memo::new(move |_| doc.with(|d| d.as_ref().map(strategy_core::numbering::numbers).unwrap_or_default())),
            save_state: RwSignal::new(SaveState::Saved),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            read_only: RwSignal::new(false),
            import: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            dragging: RwSignal::new(None),
            can_redo: RwSignal::new(false),
            base: StoredValue::new(Base::default()),
            unsaved_since: StoredValue::new(None),
            history: StoredValue::new(History::default()),
            tab: StoredValue::new(web::random_id("tab-")),
            save_timer: StoredValue::new(None),
            edit_lock: StoredValue::new_local(None),
        }
    }

    /// The interface texts in the current language (tracked).
    pub fn t(&self) -> &'static Texts {
        self.lang.get().texts()
    }

    /// Changes the interface language and remembers it.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Err(e) = library::save_settings(&LocalStore, &Settings { lang }) {
            self.store_failed(e);
        }
    }

    /// Goes to a route (through the URL, so back and forward work).
    pub fn navigate(&self, route: Route) {
        let hash = route.hash();
        if window().location().hash().unwrap_or_default() != hash {
            let _ = window().location().set_hash(&hash);
        }
        self.route.set(route);
    }

    /// Reads the library listing again.
    pub fn refresh_library(&self) {
        self.entries.set(library::list(&LocalStore));
    }

    /// Opens a stored strategy; returns whether it could be read.
    pub fn open(&self, id: &str) -> bool {
        self.flush();
        match library::load(&LocalStore, id) {
            Ok(loaded) => {
                self.history.update_value(History::clear);
                self.conflict.set(None);
                self.show_loaded(loaded);
                true
            }
            Err(reason) => {
                self.notice.set(Some(Notice::Error(reason)));
                self.refresh_library();
                false
            }
        }
    }

    /// Applies an edit that may touch anything to the open strategy, records
    /// it for undo (a copy of the whole strategy: keep it for rare edits, and
    /// prefer [`AppState::change`] or [`AppState::edit_item`]) and saves soon.
    /// Edits with the same `key` in a row (typing in one field) undo as one
    /// step, and only the first of them copies anything.
    pub fn edit(&self, key: Option<&str>, f: impl FnOnce(&mut Strategy)) {
        if self.read_only.get_untracked() || self.doc.with_untracked(Option::is_none) {
            return;
        }
        let Some(f) = self.continue_step(key, f) else { return };
        let mut changed = false;
        self.doc.update(|d| {
            if let Some(s) = d {
                let before = s.clone();
                f(s);
                if *s != before {
                    self.history.update_value(|h| h.record(Change::Whole(Box::new(before)), key));
                    changed = true;
                }
            }
        });
        if changed {
            self.sync_history_flags();
            self.schedule_save();
        }
    }

    /// Typing on in one field: when an edit with `key` joins the open undo
    /// step, applies `f` without making a step (nothing is copied) and saves
    /// soon; otherwise gives `f` back.
    fn continue_step<F: FnOnce(&mut Strategy)>(&self, key: Option<&str>, f: F) -> Option<F> {
        if !self.history.with_value(|h| h.joins(key)) {
            return Some(f);
        }
        self.doc.update(|d| {
            if let Some(s) = d {
                f(s)
            }
        });
        self.schedule_save();
        None
    }

    /// Applies an edit of the own fields of the item `id` (its children and
    /// other items untouched); the undo step keeps only that item's fields.
    pub fn edit_item(&self, id: &str, key: Option<&str>, f: impl FnOnce(&mut Strategy)) {
        if self.read_only.get_untracked() {
            return;
        }
        let Some(place) = self.index.with_untracked(|ix| ix.locate(id).cloned()) else { return };
        let Some(f) = self.continue_step(key, f) else { return };
        let mut inverse = None;
        self.doc.update(|d| inverse = d.as_mut().and_then(|s| s.edit_fields(&place, f)));
        if let Some(inverse) = inverse {
            self.history.update_value(|h| h.record(inverse, key));
            self.sync_history_flags();
            self.schedule_save();
        }
    }

    /// Applies a named change (add, remove, move…) to the open strategy,
    /// records its inverse for undo and saves soon. Returns whether it
    /// applied (a refused move changes nothing).
    pub fn change(&self, change: Change) -> bool {
        if self.read_only.get_untracked() {
            return false;
        }
        let mut inverse = None;
        self.doc.update(|d| inverse = d.as_mut().and_then(|s| s.apply(change)));
        let Some(inverse) = inverse else { return false };
        self.history.update_value(|h| h.record(inverse, None));
        self.sync_history_flags();
        self.schedule_save();
        true
    }

    /// Ends the current undo step (a field lost focus).
    pub fn seal_undo_step(&self) {
        self.history.update_value(History::seal);
    }

    /// Undoes the last edit step.
    pub fn undo(&self) {
        self.step_history(true);
    }

    /// Redoes the last undone step.
    pub fn redo(&self) {
        self.step_history(false);
    }

    fn step_history(&self, back: bool) {
        if self.read_only.get_untracked() {
            return;
        }
        if !self.history.with_value(|h| if back { h.can_undo() } else { h.can_redo() }) {
            return;
        }
        self.doc.update(|d| {
            if let Some(s) = d {
                self.history.update_value(|h| {
                    if back {
                        h.undo_with(|step| s.apply(step));
                    } else {
                        h.redo_with(|step| s.apply(step));
                    }
                });
            }
        });
        self.sync_history_flags();
        self.schedule_save();
    }

    fn sync_history_flags(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// Saves after a pause in editing, or at the latest [`SAVE_MAX_WAIT_MS`]
    /// after the first unsaved edit: the timer restarts on each edit, but
    /// never beyond that deadline.
    fn schedule_save(&self) {
        self.save_state.set(SaveState::Pending);
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
        }
        let now = js_sys::Date::now();
        let since = self.unsaved_since.get_value().unwrap_or(now);
        self.unsaved_since.set_value(Some(since));
        let delay = SAVE_DELAY_MS.min(since + SAVE_MAX_WAIT_MS - now).max(0.0);
        let state = *self;
        let handle = set_timeout_with_handle(move || state.flush(), std::time::Duration::from_millis(delay as u64)).ok();
        self.save_timer.set_value(handle);
    }

    /// Saves unsaved edits now: called on the timer, when the page is hidden
    /// or closed, and before leaving a strategy. A save that failed before
    /// (storage full) is tried again; nothing is saved during a conflict.
    pub fn flush(&self) {
        if let Some(handle) = self.save_timer.get_value() {
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
        let Some(s) = self.doc.get_untracked() else { return };
        match library::save(&LocalStore, &s, &self.base.get_value(), &web::now_iso(), &self.tab.get_value()) {
            Ok(meta) => {
                self.base.set_value(meta.base());
                self.unsaved_since.set_value(None);
                self.save_state.set(SaveState::Saved);
                if matches!(self.notice.get_untracked(), Some(Notice::QuotaFull)) {
                    self.notice.set(None);
                }
                self.refresh_library();
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
                self.store_failed(e);
            }
        }
    }

    /// Saving the open strategy failed: say so, and offer to export it.
    fn store_failed(&self, e: StoreError) {
        let notice = match e {
            StoreError::QuotaExceeded => Notice::QuotaFull,
            StoreError::Other(reason) => Notice::Error(fill(self.lang.get_untracked().texts().storage_error, &[("reason", &reason)])),
        };
        self.notice.set(Some(notice));
    }

    /// Storing a strategy that is not open (new, copied, restored, imported)
    /// failed: nothing was changed; say so by its title.
    fn not_stored(&self, e: StoreError, title: &str) {
        let t = self.lang.get_untracked().texts();
        let text = match e {
            StoreError::QuotaExceeded => fill(t.not_stored_full, &[("title", title)]),
            StoreError::Other(reason) => fill(t.storage_error, &[("reason", &reason)]),
        };
        self.notice.set(Some(Notice::Error(text)));
    }

    /// Another tab wrote `key` (`new_value` is what it wrote, or `None` when
    /// it removed it): refresh the library, and if it is the open strategy's
    /// document or meta, pause saving and ask the user. Storage events only
    /// reach other tabs, so any such write is another writer's: even one made
    /// at the same instant as ours, with the same revision number.
    pub fn on_storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        self.refresh_library();
        let open_id = self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.clone()));
        let (Some(key), Some(open_id)) = (key, open_id) else { return };
        let is_meta = library::meta_id_of_key(&key) == Some(open_id.as_str());
        if !is_meta && library::doc_id_of_key(&key) != Some(open_id.as_str()) {
            return;
        }
        if self.read_only.get_untracked() {
            // The writer saved (its meta lands last): show what it saved.
            if is_meta && new_value.is_some() {
                self.reload_stored(&open_id);
            }
            return;
        }
        let Some(new_value) = new_value else {
            if self.base.get_value() != Base::default() {
                let t = self.lang.get_untracked().texts();
                self.base.set_value(Base::default());
                self.notice.set(Some(Notice::Error(t.deleted_elsewhere.to_string())));
            }
            // Not stored any more: unsaved edits (and the next edit) store it again.
            return;
        };
        let theirs = if is_meta { serde_json::from_str::<Meta>(&new_value).ok() } else { library::stored_meta(&LocalStore, &open_id) };
        // The document is written before its meta: until that lands, theirs is the meta as it was.
        let theirs = theirs.unwrap_or_else(|| Meta { id: open_id, revision: self.base.get_value().revision, ..Default::default() });
        if !is_meta || theirs.base() != self.base.get_value() {
            self.conflict.set(Some(theirs));
        }
    }

    /// Shows the stored version of the open strategy in place of the one in
    /// memory, which has no unsaved edits (a read-only tab following the
    /// writer, or a writer that finds the stored copy newer).
    fn reload_stored(&self, id: &str) {
        if let Ok(loaded) = library::load(&LocalStore, id) {
            self.history.update_value(History::clear);
            self.show_loaded(loaded);
        }
    }

    /// Makes a strategy read from storage the open one, as stored (saved);
    /// the callers decide what becomes of the undo history and a conflict.
    fn show_loaded(&self, loaded: library::Loaded) {
        self.base.set_value(loaded.meta.base());
        self.unsaved_since.set_value(None);
        self.doc.set(Some(loaded.strategy));
        self.save_state.set(SaveState::Saved);
        self.sync_history_flags();
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
        self.read_only.set(false);
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
                let was_read_only = self.read_only.get_untracked();
                self.read_only.set(false);
                let stored = library::stored_meta(&LocalStore, id).map(|m| m.base());
                let open_here = self.doc.with_untracked(|d| d.as_ref().is_some_and(|s| s.id == id));
                if open_here && stored.is_some_and(|b| b != self.base.get_value()) {
                    // Saved elsewhere since this tab read it.
                    if was_read_only || self.save_state.get_untracked() == SaveState::Saved {
                        self.reload_stored(id);
                    } else if let Some(theirs) = library::stored_meta(&LocalStore, id) {
                        self.conflict.set(Some(theirs));
                    }
                }
            }
            LockEvent::Busy | LockEvent::Lost => self.step_back(id),
        }
    }

    /// Asks the tab that edits the open strategy to save and hand it over;
    /// takes it after a few seconds if that tab does not answer (hung).
    pub fn take_over(&self) {
        let Some(id) = self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.clone())) else { return };
        if let Some(channel) = crate::tabs::channel() {
            let _ = channel.post_message(&crate::tabs::hand_over_message(&id).into());
            channel.close();
        }
        let state = *self;
        set_timeout(
            move || {
                // `try_`: the state may be gone by then (a test's owner, an unmounted app).
                let waiting = state.read_only.try_get_untracked() == Some(true)
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
        let writing = !self.read_only.get_untracked() && self.edit_lock.with_value(|l| l.as_ref().is_some_and(|(held, _)| held == id));
        if writing {
            self.step_back(id);
        }
    }

    /// Saves what is unsaved, lets go of the lock (if held) and becomes
    /// read-only, waiting in line: the writer's closing or handing over makes
    /// this tab the writer again.
    fn step_back(&self, id: &str) {
        self.flush();
        if let Some((_, lock)) = self.edit_lock.get_value() {
            lock.release();
        }
        self.read_only.set(true);
        self.request_edit_lock(id, false, false);
    }

    /// Resolves a conflict by taking the other tab's version (undo brings mine back).
    pub fn load_theirs(&self) {
        let Some(id) = self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.clone())) else { return };
        match library::load(&LocalStore, &id) {
            Ok(loaded) => {
                if let Some(mine) = self.doc.get_untracked() {
                    self.history.update_value(|h| h.record(Change::Whole(Box::new(mine)), None));
                }
                self.conflict.set(None);
                self.show_loaded(loaded);
            }
            Err(reason) => self.notice.set(Some(Notice::Error(reason))),
        }
    }

    /// Resolves a conflict by saving my version over theirs (as stored now).
    pub fn keep_mine(&self) {
        if self.conflict.get_untracked().is_some() {
            let id = self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.clone())).unwrap_or_default();
            if library::stored_newer(&LocalStore, &id).is_some() {
                // A newer version's copy is never overwritten by this one.
                self.notice.set(Some(Notice::Error(self.lang.get_untracked().texts().newer_elsewhere.to_string())));
                return;
            }
            self.base.set_value(library::stored_meta(&LocalStore, &id).map(|m| m.base()).unwrap_or_default());
            self.conflict.set(None);
            self.save_state.set(SaveState::Pending);
            self.flush();
        }
    }

    /// Stores a new strategy and opens it.
    pub fn create(&self, strategy: Strategy) {
        match library::save(&LocalStore, &strategy, &Base::default(), &web::now_iso(), &self.tab.get_value()) {
            Ok(_) => {
                self.refresh_library();
                let id = strategy.id.clone();
                self.navigate(Route::Strategy { id, section: crate::route::Section::Overview, focus: None });
            }
            Err(SaveError::Store(e)) => self.not_stored(e, &strategy.title),
            Err(SaveError::Conflict(_)) => self.notice.set(Some(Notice::Error(format!("id {} is taken", strategy.id)))),
        }
    }

    /// Renames a stored strategy.
    pub fn rename(&self, id: &str, title: &str) {
        if self.doc.with_untracked(|d| d.as_ref().is_some_and(|s| s.id == id)) {
            self.edit(None, |s| s.title = title.to_string());
            self.flush();
            return;
        }
        self.rewrite_stored(id, |s| s.title = title.to_string());
    }

    fn rewrite_stored(&self, id: &str, f: impl FnOnce(&mut Strategy)) {
        match library::load(&LocalStore, id) {
            Ok(mut loaded) => {
                f(&mut loaded.strategy);
                if let Err(SaveError::Store(e)) =
                    library::save(&LocalStore, &loaded.strategy, &loaded.meta.base(), &web::now_iso(), &self.tab.get_value())
                {
                    self.not_stored(e, &loaded.strategy.title);
                }
                self.refresh_library();
            }
            Err(reason) => self.notice.set(Some(Notice::Error(reason))),
        }
    }

    /// Stores a copy of a strategy under a new id.
    pub fn duplicate(&self, id: &str) {
        self.flush();
        match library::load(&LocalStore, id) {
            Ok(loaded) => {
                let t = self.lang.get_untracked().texts();
                let copy = loaded.strategy.duplicate(&web::random_id("s-"), &format!("{} {}", loaded.strategy.title, t.copy_suffix));
                if let Err(SaveError::Store(e)) = library::save(&LocalStore, &copy, &Base::default(), &web::now_iso(), &self.tab.get_value()) {
                    self.not_stored(e, &copy.title);
                }
                self.refresh_library();
            }
            Err(reason) => self.notice.set(Some(Notice::Error(reason))),
        }
    }

    /// Deletes a stored strategy, keeping it in memory so the notice can undo it.
    pub fn delete(&self, id: &str) {
        let strategy = library::load(&LocalStore, id).ok().map(|l| l.strategy);
        library::delete(&LocalStore, id);
        if self.doc.with_untracked(|d| d.as_ref().is_some_and(|s| s.id == id)) {
            self.doc.set(None);
            self.save_state.set(SaveState::Saved);
        }
        self.refresh_library();
        self.notice.set(strategy.map(|s| Notice::Deleted(Box::new(s))));
    }

    /// Puts a deleted strategy back.
    pub fn restore(&self, strategy: Strategy) {
        self.notice.set(None);
        if let Err(SaveError::Store(e)) = library::save(&LocalStore, &strategy, &Base::default(), &web::now_iso(), &self.tab.get_value()) {
            self.not_stored(e, &strategy.title);
        }
        self.refresh_library();
    }

    /// Downloads a strategy as `institution-title-YYYY-MM-DD.json`.
    fn export_strategy(&self, s: &Strategy) {
        let institution = if s.institution.short_name.is_empty() { &s.institution.name } else { &s.institution.short_name };
        let name = web::file_name(&[institution, &s.title, &web::today()], "json");
        web::download(&name, &export(s), "application/json");
    }

    /// Downloads the open strategy, and remembers the export when what was
    /// downloaded is what is stored.
    pub fn export_open(&self) {
        self.flush();
        let Some(s) = self.doc.get_untracked() else { return };
        self.export_strategy(&s);
        if self.save_state.get_untracked() == SaveState::Saved {
            self.exported(&s.id, self.base.get_value().revision);
        }
    }

    fn exported(&self, id: &str, revision: u64) {
        // Best effort: a full storage only loses the "exported" mark.
        let _ = library::mark_exported(&LocalStore, id, revision);
        self.refresh_library();
    }

    /// Downloads a stored strategy by id; a damaged one as its raw text.
    pub fn export_by_id(&self, id: &str) {
        if self.doc.with_untracked(|d| d.as_ref().is_some_and(|s| s.id == id)) {
            self.export_open();
            return;
        }
        match library::load(&LocalStore, id) {
            Ok(loaded) => {
                self.export_strategy(&loaded.strategy);
                self.exported(id, loaded.meta.revision);
            }
            Err(_) => {
                if let Some(raw) = library::raw(&LocalStore, id) {
                    web::download(&web::file_name(&[id, "raw"], "json"), &raw, "application/json");
                }
            }
        }
    }

    /// Reads a file the user picked or dropped and shows its preview (or why it is refused).
    pub async fn import_file(&self, file: web_sys::File) {
        let text = match web::read_bytes(file).await {
            Ok(bytes) => strategy_core::decode(&bytes),
            Err(reason) => {
                let says = |lang: Lang| fill(lang.texts().file_unreadable, &[("reason", &reason)]);
                Err(vec![Problem::error("", says(Lang::En)).lv(says(Lang::Lv))])
            }
        };
        match text {
            Ok(text) => self.start_import(&text),
            Err(problems) => self.import.set(Some(ImportState::Refused(problems))),
        }
    }

    /// Reads an import's text and shows its preview (or why it is refused).
    pub fn start_import(&self, text: &str) {
        let t = self.lang.get_untracked().texts();
        if text.len() > MAX_IMPORT_BYTES {
            let size = format!("{:.1}", text.len() as f64 / 1_048_576.0);
            let max = (MAX_IMPORT_BYTES / 1_048_576).to_string();
            self.import.set(Some(ImportState::Refused(vec![Problem::error("", fill(t.file_too_large, &[("size", &size), ("max", &max)]))])));
            return;
        }
        let state = match import(text) {
            Ok(mut imported) => {
                // Unsafe ids never reach storage, the URL or the page; their
                // problems stay in the preview, with the JSON paths of the file.
                let mut renamed = strategy_core::id::replace_unsafe_ids(&mut imported.strategy);
                // A renamed strategy gets a random id, so that it cannot meet a stored one.
                if let Some(pair) = renamed.iter_mut().find(|(_, new)| *new == imported.strategy.id) {
                    pair.1 = web::random_id("s-");
                    imported.strategy.id = pair.1.clone();
                }
                // Read without side effects: nothing is written before the user confirms.
                let existing = library::existing(&LocalStore, &imported.strategy.id);
                ImportState::Preview { imported: Box::new(imported), existing, renamed }
            }
            Err(problems) => ImportState::Refused(problems),
        };
        self.import.set(Some(state));
    }

    /// Stores the previewed import as the user chose, and opens it.
    pub fn finish_import(&self, mode: ImportMode) {
        let Some(ImportState::Preview { imported, existing, .. }) = self.import.get_untracked() else { return };
        let t = self.lang.get_untracked().texts();
        let mut strategy = imported.strategy;
        if strategy.id.trim().is_empty() || mode == ImportMode::AsCopy {
            let title = if mode == ImportMode::AsCopy { format!("{} {}", strategy.title, t.copy_suffix) } else { strategy.title.clone() };
            strategy = strategy.duplicate(&web::random_id("s-"), &title);
        }
        let expected = match (mode, &existing) {
            (ImportMode::Replace, Some(meta)) => meta.base(),
            _ => Base::default(),
        };
        if mode == ImportMode::Replace {
            if let Some(version) = library::stored_newer(&LocalStore, &strategy.id) {
                self.import.set(None);
                self.notice.set(Some(Notice::Error(fill(t.newer_entry, &[("version", &version.to_string())]))));
                return;
            }
        }
        let replacing_open = self.doc.with_untracked(|d| d.as_ref().is_some_and(|s| s.id == strategy.id));
        let open_state = self.save_state.get_untracked();
        if replacing_open {
            // The open copy is replaced: drop its pending save so it cannot overwrite the import.
            self.save_state.set(SaveState::Saved);
        }
        match library::save(&LocalStore, &strategy, &expected, &web::now_iso(), &self.tab.get_value()) {
            Ok(_) => {
                self.import.set(None);
                self.refresh_library();
                self.notice.set(Some(Notice::Info(fill(t.imported, &[("title", &strategy.title)]))));
                if replacing_open {
                    self.open(&strategy.id);
                }
                self.navigate(Route::Strategy { id: strategy.id, section: crate::route::Section::Overview, focus: None });
            }
            Err(SaveError::Store(e)) => {
                // Close the preview so that it cannot hide the message.
                self.import.set(None);
                if replacing_open {
                    self.save_state.set(open_state);
                }
                self.not_stored(e, &strategy.title);
            }
            Err(SaveError::Conflict(_)) => {
                self.import.set(None);
                self.notice.set(Some(Notice::Error(t.conflict.to_string())));
            }
        }
    }
}

impl AppState {
    /// Reads from the open strategy with its index (tracked).
    pub fn read<T>(&self, f: impl FnOnce(&Strategy, &Index) -> Option<T>) -> Option<T> {
        self.doc.with(|d| d.as_ref().and_then(|s| self.index.with(|ix| f(s, ix))))
    }

    /// A field of the open strategy as a value signal and a change callback;
    /// edits through it share the undo key `key` (so typing is one step).
    pub fn bind(
        &self,
        key: impl Into<String>,
        get: impl Fn(&Strategy, &Index) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Strategy, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        self.bind_on(None, key.into(), get, set)
    }

    /// [`AppState::bind`] for a field of the item `item` alone, when given:
    /// its undo step keeps only that item's own fields.
    fn bind_on(
        &self,
        item: Option<String>,
        key: String,
        get: impl Fn(&Strategy, &Index) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Strategy, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        let state = *self;
        let value = Memo::new(move |_| state.read(|s, ix| get(s, ix)).unwrap_or_default());
        let on_change = Callback::new(move |v: String| match &item {
            Some(id) => state.edit_item(id, Some(&key), |s| set(s, v)),
            None => state.edit(Some(&key), |s| set(s, v)),
        });
        (value.into(), on_change)
    }
}

impl AppState {
    /// A field of the item with `id`, found by `find` (to read) and
    /// `find_mut` (to edit), as a value signal and a change callback.
    fn bind_found<T: 'static>(
        &self,
        id: &str,
        field: &str,
        find: for<'a> fn(&'a Strategy, &Index, &str) -> Option<&'a T>,
        find_mut: for<'a> fn(&'a mut Strategy, &str) -> Option<&'a mut T>,
        get: impl Fn(&T) -> String + Send + Sync + 'static,
        set: impl Fn(&mut T, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        let (get_id, set_id) = (id.to_string(), id.to_string());
        self.bind_on(
            Some(id.to_string()),
            format!("{id}.{field}"),
            move |s, ix| find(s, ix, &get_id).map(&get),
            move |s, v| {
                if let Some(item) = find_mut(s, &set_id) {
                    set(item, v)
                }
            },
        )
    }

    /// A field of the item with `id` (a node at any level or an indicator)
    /// as a value signal and a change callback.
    pub fn bind_item<T: Located + 'static>(
        &self,
        id: &str,
        field: &str,
        get: impl Fn(&T) -> String + Send + Sync + 'static,
        set: impl Fn(&mut T, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        self.bind_found(id, field, |s, ix, id| T::at(s, ix.locate(id)?), T::by_id_mut, get, set)
    }

    /// Reads from the item with `id` (tracked).
    pub fn read_item<T: Located, R>(&self, id: &str, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.read(|s, ix| T::at(s, ix.locate(id)?).map(f))
    }
}

impl AppState {
    /// A cell of the indicator table (also used by the indicator form) as a
    /// value signal and a change callback; targets and baselines are parsed.
    pub fn bind_cell(&self, id: &str, col: strategy_core::table::Column) -> (Signal<String>, Callback<String>) {
        let (get_id, set_id) = (id.to_string(), id.to_string());
        self.bind_on(
            Some(id.to_string()),
            format!("{id}.{col:?}"),
            move |s, ix| s.indicator_at(ix.locate(&get_id)?).map(|ind| strategy_core::table::cell_text(s, ind, col)),
            move |s, v| {
                strategy_core::table::set_cell(s, &set_id, col, &v);
            },
        )
    }
}

impl AppState {
    /// A field of an item of a flat list (values, target groups…) by id.
    pub fn bind_listed<T: strategy_core::edit::Listed + 'static>(
        &self,
        id: &str,
        field: &str,
        get: impl Fn(&T) -> String + Send + Sync + 'static,
        set: impl Fn(&mut T, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        self.bind_found(
            id,
            field,
            |s, _, id| T::list(s).iter().find(|x| x.id() == id),
            |s, id| T::list_mut(s).iter_mut().find(|x| x.id() == id),
            get,
            set,
        )
    }

    /// The ids of a flat list, in order (tracked).
    pub fn listed_ids<T: strategy_core::edit::Listed>(&self) -> Vec<String> {
        self.read(|s, _| Some(T::list(s).iter().map(|x| x.id().to_string()).collect())).unwrap_or_default()
    }
}

impl AppState {
    /// The JSON path of the item with `id` in the open strategy (tracked).
    pub fn item_path_of(&self, id: &str) -> Option<String> {
        self.index.with(|ix| ix.locate(id).map(|place| place.path()))
    }

    /// The item path as a signal, for the item-problems component.
    pub fn item_path_signal(&self, id: &str) -> Signal<Option<String>> {
        let (state, id) = (*self, id.to_string());
        Signal::derive(move || state.item_path_of(&id))
    }
}

impl AppState {
    /// Adds an item with the change `add` makes from the open strategy
    /// (e.g. [`Strategy::new_child`]), then focuses its first field.
    pub fn add_and_focus(&self, add: impl FnOnce(&Strategy) -> Option<Change>) {
        let Some(change) = self.doc.with_untracked(|d| d.as_ref().and_then(add)) else { return };
        let id = change.added_id().map(str::to_string);
        if self.change(change) {
            if let Some(id) = id {
                crate::web::focus_item(id);
            }
        }
    }
}
