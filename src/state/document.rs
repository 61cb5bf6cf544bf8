//! The open strategy and its undo history. Rule: every change to the open
//! strategy goes through here, is recorded as its inverse (see
//! `strategy_core::change`) and handed to autosave; a read-only tab changes nothing.
//!
//! Readers are told of a change only as widely as it reaches: an edit of one
//! item's own fields ([`Document::edit_item`], e.g. a keystroke in a table
//! cell) notifies that item (and its ancestors, and for a node the outline),
//! never the index or the other items; anything else notifies every reader.
//! So a keystroke costs the readers of that item, not the whole strategy.

use std::collections::HashMap;

use leptos::prelude::*;
use strategy_core::change::Change;
use strategy_core::edit::Located;
use strategy_core::history::History;
use strategy_core::library::Loaded;
use strategy_core::walk::{Index, Place};
use strategy_core::{Problem, Strategy};

use super::autosave::Autosave;

/// The open strategy; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Document {
    /// The open strategy.
    pub doc: RwSignal<Option<Strategy>>,
    /// Where each item of the open strategy is, by id (rebuilt only when
    /// items may have moved, come or gone).
    pub index: Memo<Index>,
    /// Validation problems of the open strategy: checked at once after a
    /// change, and after an edit of one item's own fields (typing) once
    /// typing pauses, off the keystroke's path.
    pub problems: Memo<Vec<Problem>>,
    /// Displayed numbers of the nodes (by each level's numbering rule), by id
    /// (recomputed on changes to the outline, not on an indicator's edit).
    pub numbers: Memo<HashMap<String, String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Undo steps: the inverse of each edit (see `strategy_core::change`).
    history: StoredValue<History<Change>>,
    autosave: Autosave,
    /// Notified when items may have moved, come or gone (the index's one source).
    moved: Trigger,
    /// Notified by every change except an edit of one item's own fields.
    any: Trigger,
    /// Notified when the own fields of a node or of the strategy change
    /// (titles, numbers, levels: what the outline's labels are made of).
    outline: Trigger,
    /// One trigger per item read by id, notified when its own fields change.
    items: StoredValue<HashMap<String, ArcTrigger>>,
    /// Notified when the problems are to be checked again.
    check: Trigger,
    /// The check waiting for typing to pause.
    check_soon: StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>,
}

/// How long typing pauses before the problems are checked again.
const CHECK_PAUSE_MS: u64 = 150;

/// How far an edit may reach, and so whom it notifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Anything, items moving too.
    Anywhere,
    /// Fields of the strategy itself (its texts, period, levels, the
    /// overarching goal's texts): no item moves.
    StrategyFields,
    /// A plain text of the strategy itself (mission, vision…), which only
    /// its own readers and the problems look at.
    StrategyText,
}

/// The boxed reader of a bound field ([`Document::bind_dyn`]).
type BoxedGet = Box<dyn Fn(&Strategy, &Index) -> Option<String> + Send + Sync>;
/// The boxed writer of a bound field ([`Document::bind_dyn`]).
type BoxedSet = Box<dyn Fn(&mut Strategy, String) + Send + Sync>;

/// What a bound field belongs to.
#[derive(Debug, Clone)]
enum Bound {
    /// The item with this id (its own fields).
    Item(String),
    /// The strategy itself, its edits reaching so far.
    Strategy(Reach),
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
        let (moved, any, outline, check) = (Trigger::new(), Trigger::new(), Trigger::new(), Trigger::new());
        Document {
            doc,
            index: Memo::new(move |_| {
                moved.track();
                doc.with_untracked(|d| d.as_ref().map(Index::of).unwrap_or_default())
            }),
            problems: Memo::new(move |_| {
                check.track();
                doc.with_untracked(|d| d.as_ref().map(strategy_core::validate::validate).unwrap_or_default())
            }),
            numbers: Memo::new(move |_| {
                any.track();
                outline.track();
                doc.with_untracked(|d| d.as_ref().map(strategy_core::numbering::numbers).unwrap_or_default())
            }),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            autosave,
            moved,
            any,
            outline,
            items: StoredValue::new(HashMap::new()),
            check,
            check_soon: StoredValue::new(None),
        }
    }

    /// Checks the problems again now (`later`: once typing pauses).
    fn recheck(&self, later: bool) {
        if let Some(pending) = self.check_soon.get_value() {
            pending.clear();
        }
        let check = self.check;
        let soon = later.then(|| set_timeout_with_handle(move || check.notify(), std::time::Duration::from_millis(CHECK_PAUSE_MS)).ok()).flatten();
        self.check_soon.set_value(soon);
        if soon.is_none() {
            check.notify();
        }
    }

    /// Tells every reader that anything may have changed (`moved`: items too).
    fn notify_all(&self, moved: bool) {
        if moved {
            self.moved.notify();
        }
        self.any.notify();
        self.outline.notify();
        self.recheck(false);
    }

    /// Tells the readers an edit of `reach` concerns.
    fn notify_reach(&self, reach: Reach) {
        match reach {
            Reach::Anywhere => self.notify_all(true),
            Reach::StrategyFields => self.notify_all(false),
            // Its readers read the whole strategy (they follow `doc`).
            Reach::StrategyText => self.recheck(true),
        }
    }

    /// Tells the readers of the item `id` at `place` (and of its ancestors)
    /// that its own fields changed; for a node, the outline's readers too.
    fn notify_item(&self, id: &str, place: &Place) {
        let at = match place {
            Place::Node(at) => {
                self.outline.notify();
                at.parent()
            }
            Place::Indicator(at, _) => Some(at.clone()),
            Place::Strategy => {
                self.outline.notify();
                None
            }
            Place::Listed(..) => None,
        };
        let mut ids = vec![id.to_string()];
        self.doc.with_untracked(|d| {
            if let Some(s) = d {
                let mut at = at;
                while let Some(here) = at {
                    ids.extend(s.node(&here).map(|n| n.id.clone()));
                    at = here.parent();
                }
            }
        });
        let triggers: Vec<ArcTrigger> = self.items.with_value(|m| ids.iter().filter_map(|id| m.get(id).cloned()).collect());
        triggers.iter().for_each(|t| t.notify());
        self.recheck(true);
    }

    /// Subscribes the running reader to changes of the item `id` (and to
    /// every change that is not one item's own fields).
    fn track_item(&self, id: &str) {
        self.any.track();
        let known = self.items.with_value(|m| m.get(id).cloned());
        let trigger = known.unwrap_or_else(|| {
            let t = ArcTrigger::new();
            self.items.update_value(|m| {
                m.insert(id.to_string(), t.clone());
            });
            t
        });
        trigger.track();
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
        self.notify_all(true);
        self.sync_history_flags();
    }

    /// Closes the open strategy, dropping what it had unsaved (it was deleted).
    pub fn close(&self) {
        self.doc.set(None);
        self.notify_all(true);
        self.autosave.save_state.set(super::autosave::SaveState::Saved);
    }

    /// Applies an edit that may touch anything to the open strategy, records
    /// it for undo (a copy of the whole strategy: keep it for rare edits, and
    /// prefer [`Document::change`] or [`Document::edit_item`]) and saves soon.
    /// Edits with the same `key` in a row (typing in one field) undo as one
    /// step, and only the first of them copies anything. Locked items hold
    /// (`Strategy::hold_locks`): their own fields are put back as they were,
    /// and an edit that removes one is refused as a whole.
    pub fn edit(&self, key: Option<&str>, f: impl FnOnce(&mut Strategy)) {
        self.edit_reaching(Reach::Anywhere, key, f);
    }

    /// [`Document::edit`] of an edit that reaches no further than `reach`.
    fn edit_reaching(&self, reach: Reach, key: Option<&str>, f: impl FnOnce(&mut Strategy)) {
        if self.autosave.read_only.get_untracked() || self.doc.with_untracked(Option::is_none) {
            return;
        }
        let Some(f) = self.continue_step(key, f) else {
            self.notify_reach(reach);
            return;
        };
        let mut changed = false;
        self.doc.update(|d| {
            if let Some(s) = d {
                let before = s.clone();
                f(s);
                // Locked items stay as they were; an edit dropping one is refused whole.
                if s.hold_locks(&before).is_err() {
                    *s = before.clone();
                }
                if *s != before {
                    self.history.update_value(|h| h.record(Change::Whole(Box::new(before)), key));
                    changed = true;
                }
            }
        });
        if changed {
            self.notify_reach(reach);
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
        let Some(f) = self.continue_step(key, f) else {
            self.notify_item(id, &place);
            return;
        };
        let mut inverse = None;
        self.doc.update(|d| inverse = d.as_mut().and_then(|s| s.edit_fields(&place, f)));
        if let Some(inverse) = inverse {
            self.notify_item(id, &place);
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
        self.notify_all(true);
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
        self.notify_all(true);
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
    /// Reads from the open strategy with its index (tracked: any change).
    pub fn read<T>(&self, f: impl FnOnce(&Strategy, &Index) -> Option<T>) -> Option<T> {
        self.doc.with(|d| d.as_ref().and_then(|s| self.index.with(|ix| f(s, ix))))
    }

    /// Reads what no edit of an indicator's or a listed item's own fields
    /// changes: the tree, its titles and numbers, the levels, the period
    /// (tracked: every change except such an edit).
    pub fn read_outline<T>(&self, f: impl FnOnce(&Strategy, &Index) -> Option<T>) -> Option<T> {
        self.any.track();
        self.outline.track();
        self.doc.with_untracked(|d| d.as_ref().and_then(|s| self.index.with(|ix| f(s, ix))))
    }

    /// Reads what no edit of one item's own fields changes: which items
    /// there are and where, and the flat lists as wholes (tracked: every
    /// change except such an edit).
    pub fn read_frame<T>(&self, f: impl FnOnce(&Strategy, &Index) -> Option<T>) -> Option<T> {
        self.any.track();
        self.doc.with_untracked(|d| d.as_ref().and_then(|s| self.index.with(|ix| f(s, ix))))
    }

    /// Reads `f` of the item `id` (tracked: that item's own fields, and every
    /// change that is not one item's own fields).
    fn read_keyed<T>(&self, id: &str, f: impl FnOnce(&Strategy, &Index) -> Option<T>) -> Option<T> {
        self.track_item(id);
        self.doc.with_untracked(|d| d.as_ref().and_then(|s| self.index.with(|ix| f(s, ix))))
    }

    /// A field of the open strategy as a value signal and a change callback;
    /// edits through it share the undo key `key` (so typing is one step).
    pub fn bind(
        &self,
        key: impl Into<String>,
        get: impl Fn(&Strategy, &Index) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Strategy, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        self.bind_on(Bound::Strategy(Reach::StrategyFields), key.into(), get, set)
    }

    /// [`Document::bind`] for a plain text of the strategy itself (mission,
    /// vision, foreword…) that no list, number or label is made of: typing in
    /// it notifies only the readers of the whole strategy.
    pub fn bind_text(
        &self,
        key: impl Into<String>,
        get: impl Fn(&Strategy, &Index) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Strategy, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        self.bind_on(Bound::Strategy(Reach::StrategyText), key.into(), get, set)
    }

    /// [`Document::bind`] for a field of `bound`: of an item alone (its undo
    /// step keeps only that item's own fields), or of the strategy itself.
    fn bind_on(
        &self,
        bound: Bound,
        key: String,
        get: impl Fn(&Strategy, &Index) -> Option<String> + Send + Sync + 'static,
        set: impl Fn(&mut Strategy, String) + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        self.bind_dyn(bound, key, Box::new(get), Box::new(set))
    }

    /// [`Document::bind_on`] with `get` and `set` boxed: its memo and callback
    /// are made once in the wasm, not once per bound field (~100 of them).
    fn bind_dyn(&self, bound: Bound, key: String, get: BoxedGet, set: BoxedSet) -> (Signal<String>, Callback<String>) {
        let state = *self;
        let read = bound.clone();
        let value = Memo::new(move |_| match &read {
            Bound::Item(id) => state.read_keyed(id, |s, ix| get(s, ix)).unwrap_or_default(),
            Bound::Strategy(_) => state.read(|s, ix| get(s, ix)).unwrap_or_default(),
        });
        let on_change = Callback::new(move |v: String| match &bound {
            Bound::Item(id) => state.edit_item(id, Some(&key), |s| set(s, v)),
            Bound::Strategy(reach) => state.edit_reaching(*reach, Some(&key), |s| set(s, v)),
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
            Bound::Item(id.to_string()),
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

    /// Reads from the item with `id` (tracked: its own fields' edits and
    /// every change that is not one item's own fields; a node's readers are
    /// told of its descendants' edits too).
    pub fn read_item<T: Located, R>(&self, id: &str, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.read_keyed(id, |s, ix| T::at(s, ix.locate(id)?).map(f))
    }
}

impl Document {
    /// A cell of the indicator table (also used by the indicator form) as a
    /// value signal and a change callback; targets and baselines are parsed.
    pub fn bind_cell(&self, id: &str, col: strategy_core::table::Column) -> (Signal<String>, Callback<String>) {
        let (get_id, set_id) = (id.to_string(), id.to_string());
        self.bind_on(
            Bound::Item(id.to_string()),
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
