//! The open strategy and its undo history. Rule: every change to the open
//! strategy goes through here, is recorded as its inverse (see
//! `strategy_core::change`) and handed to autosave; a read-only tab changes nothing.

use leptos::prelude::*;
use strategy_core::change::Change;
use strategy_core::edit::Located;
use strategy_core::history::History;
use strategy_core::library::Loaded;
use strategy_core::walk::Index;
use strategy_core::{Problem, Strategy};

use super::autosave::Autosave;

/// The open strategy; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Document {
    /// The open strategy.
    pub doc: RwSignal<Option<Strategy>>,
    /// Where each item of the open strategy is, by id.
    pub index: Memo<Index>,
    /// Validation problems of the open strategy.
    pub problems: Memo<Vec<Problem>>,
    /// Displayed numbers of the nodes (by each level's numbering rule), by id.
    pub numbers: Memo<std::collections::HashMap<String, String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Undo steps: the inverse of each edit (see `strategy_core::change`).
    history: StoredValue<History<Change>>,
    autosave: Autosave,
}

/// What becomes of the undo history when a stored version is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undo {
    /// Another strategy, or the same one followed: start afresh.
    Clear,
    /// Their version replaces mine: undo brings mine back.
    KeepMine,
}

impl Document {
    /// The strategy `doc` holds (none at first), saved by `autosave`.
    pub fn new(doc: RwSignal<Option<Strategy>>, autosave: Autosave) -> Self {
        Document {
            doc,
            index: Memo::new(move |_| doc.with(|d| d.as_ref().map(Index::of).unwrap_or_default())),
            problems: Memo::new(move |_| doc.with(|d| d.as_ref().map(strategy_core::validate::validate).unwrap_or_default())),
            numbers: Memo::new(move |_| doc.with(|d| d.as_ref().map(strategy_core::numbering::numbers).unwrap_or_default())),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            autosave,
        }
    }

    /// The open strategy's id (untracked).
    pub fn open_id(&self) -> Option<String> {
        self.doc.with_untracked(|d| d.as_ref().map(|s| s.id.clone()))
    }

    /// Whether the strategy `id` is the open one (untracked).
    pub fn is_open(&self, id: &str) -> bool {
        self.doc.with_untracked(|d| d.as_ref().is_some_and(|s| s.id == id))
    }

    /// Makes a strategy read from storage the open one, as stored (saved).
    pub fn show_stored(&self, loaded: Loaded, undo: Undo) {
        match undo {
            Undo::Clear => self.history.update_value(History::clear),
            Undo::KeepMine => {
                if let Some(mine) = self.doc.get_untracked() {
                    self.history.update_value(|h| h.record(Change::Whole(Box::new(mine)), None));
                }
            }
        }
        self.autosave.saved_as(loaded.meta.base());
        self.doc.set(Some(loaded.strategy));
        self.sync_history_flags();
    }

    /// Closes the open strategy, dropping what it had unsaved (it was deleted).
    pub fn close(&self) {
        self.doc.set(None);
        self.autosave.save_state.set(super::autosave::SaveState::Saved);
    }

    /// Applies an edit that may touch anything to the open strategy, records
    /// it for undo (a copy of the whole strategy: keep it for rare edits, and
    /// prefer [`Document::change`] or [`Document::edit_item`]) and saves soon.
    /// Edits with the same `key` in a row (typing in one field) undo as one
    /// step, and only the first of them copies anything.
    pub fn edit(&self, key: Option<&str>, f: impl FnOnce(&mut Strategy)) {
        if self.autosave.read_only.get_untracked() || self.doc.with_untracked(Option::is_none) {
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
            self.autosave.schedule_save();
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
        self.autosave.schedule_save();
        None
    }

    /// Applies an edit of the own fields of the item `id` (its children and
    /// other items untouched); the undo step keeps only that item's fields.
    pub fn edit_item(&self, id: &str, key: Option<&str>, f: impl FnOnce(&mut Strategy)) {
        if self.autosave.read_only.get_untracked() {
            return;
        }
        let Some(place) = self.index.with_untracked(|ix| ix.locate(id).cloned()) else { return };
        let Some(f) = self.continue_step(key, f) else { return };
        let mut inverse = None;
        self.doc.update(|d| inverse = d.as_mut().and_then(|s| s.edit_fields(&place, f)));
        if let Some(inverse) = inverse {
            self.history.update_value(|h| h.record(inverse, key));
            self.sync_history_flags();
            self.autosave.schedule_save();
        }
    }

    /// Applies a named change (add, remove, move…) to the open strategy,
    /// records its inverse for undo and saves soon. Returns whether it
    /// applied (a refused move changes nothing).
    pub fn change(&self, change: Change) -> bool {
        if self.autosave.read_only.get_untracked() {
            return false;
        }
        let mut inverse = None;
        self.doc.update(|d| inverse = d.as_mut().and_then(|s| s.apply(change)));
        let Some(inverse) = inverse else { return false };
        self.history.update_value(|h| h.record(inverse, None));
        self.sync_history_flags();
        self.autosave.schedule_save();
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
        if self.autosave.read_only.get_untracked() {
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
        self.autosave.schedule_save();
    }

    fn sync_history_flags(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }
}

impl Document {
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

    /// [`Document::bind`] for a field of the item `item` alone, when given:
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

impl Document {
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

impl Document {
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

impl Document {
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

impl Document {
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

impl Document {
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
