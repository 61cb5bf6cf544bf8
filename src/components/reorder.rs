//! Moving outline items by keyboard and by dragging, and where focus goes.
//!
//! Rule: every move goes through the domain's edit operations (which refuse
//! what the levels do not allow and then change nothing); after a move made
//! from the keyboard, focus stays on the moved item, and the outline's status
//! line says where it went, or that it could not move.

use std::collections::HashSet;

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::change::Change;
use strategy_core::walk::{ItemKind, Place};

use crate::state::AppState;
use crate::web::{focus_in, focus_item};

/// What the outline keeps outside the document: the collapsed branches, the
/// items built ahead of the view, the last announcement and whether the next
/// Tab leaves a title field.
#[derive(Clone, Copy)]
pub struct OutlineView {
    /// Ids of the nodes whose branches are collapsed.
    pub collapsed: RwSignal<HashSet<String>>,
    /// Whether items are built only as they come near the view (a long
    /// outline; see `DeferredItem`).
    pub deferred: bool,
    /// Ids of the items built whether in view or not, with the nodes above
    /// them (found, moved, opened from elsewhere, focused by the keyboard).
    pub revealed: RwSignal<HashSet<String>>,
    /// What the status line (`aria-live`) says.
    pub announce: RwSignal<String>,
    /// Esc was pressed in a title: the next Tab moves focus, not the item.
    tab_leaves: StoredValue<bool>,
    /// The pixels of items still built at once, without waiting to be seen
    /// (see [`OutlineView::build_at_once`]).
    at_once_px: StoredValue<f64>,
}

/// How much of a deferred outline's top is built with the page itself, in
/// estimated pixels of items (each item's own height, without its children):
/// about a tall screen and the margin the placeholders watch beyond it.
const AT_ONCE_PX: f64 = 1600.0;

impl OutlineView {
    /// Everything expanded, nothing announced; items built as they come
    /// near the view when `deferred`, else all at once.
    pub fn new(deferred: bool) -> Self {
        OutlineView {
            collapsed: RwSignal::new(HashSet::new()),
            deferred,
            revealed: RwSignal::new(HashSet::new()),
            announce: RwSignal::new(String::new()),
            tab_leaves: StoredValue::new(false),
            at_once_px: StoredValue::new(AT_ONCE_PX),
        }
    }

    /// Whether a deferred item about `own_px` tall (without its children) is
    /// built as soon as it is made. Items are made in the outline's order, a
    /// built node's children right after it, so the first [`AT_ONCE_PX`] of
    /// the outline — what the first screen shows — opens with the page, not
    /// one level per frame as each placeholder is seen.
    pub fn build_at_once(&self, own_px: f64) -> bool {
        let left = self.at_once_px.get_value();
        if left > 0.0 {
            self.at_once_px.set_value(left - own_px);
        }
        left > 0.0
    }

    /// Builds the item `id` (a node or an indicator) and every node above
    /// it, and expands those, so that it is in the page and can be focused.
    pub fn reveal(&self, app: AppState, id: &str) {
        let ancestors: Vec<String> = app
            .document
            .read(|s, ix| {
                let mut at = match ix.locate(id)? {
                    Place::Node(at) => at.parent(),
                    Place::Indicator(at, _) => Some(at.clone()),
                    _ => None,
                };
                let mut out = Vec::new();
                while let Some(up) = at {
                    out.extend(s.node(&up).map(|n| n.id.clone()));
                    at = up.parent();
                }
                Some(out)
            })
            .unwrap_or_default();
        if ancestors.iter().any(|a| self.collapsed.with_untracked(|c| c.contains(a))) {
            self.collapsed.update(|c| {
                for a in &ancestors {
                    c.remove(a);
                }
            });
        }
        if self.deferred && !self.revealed.with_untracked(|r| r.contains(id) && ancestors.iter().all(|a| r.contains(a))) {
            self.revealed.update(|r| r.extend(ancestors.into_iter().chain([id.to_string()])));
        }
    }

    /// After a move: reveals and focuses the item and says where it is now;
    /// after a refused one, says so and leaves focus where it is.
    pub fn moved(&self, app: AppState, id: &str, moved: bool) {
        let t = app.lang.get_untracked().texts();
        if !moved {
            self.announce.set(t.cannot_move.to_string());
            return;
        }
        self.reveal(app, id);
        focus_item(id.to_string());
        let lang = app.lang.get_untracked();
        let level = app
            .document
            .doc
            .with_untracked(|d| d.as_ref().and_then(|s| s.node_by_id(id).map(|n| s.level_of(n).map(|l| lang.name(&l.name).to_string()).unwrap_or_default())));
        let number = app.document.numbers.with_untracked(|n| n.get(id).cloned().unwrap_or_default());
        if let Some(level) = level {
            self.announce.set(fill(t.now_at, &[("name", &level), ("number", &number)]).trim().to_string());
        }
    }
}

impl Default for OutlineView {
    fn default() -> Self {
        Self::new(false)
    }
}

/// Moves the item `id` up (`delta < 0`) or down among its siblings; focus
/// goes back to the button `action` (`"up"`, `"down"`) of the moved item.
pub fn move_by_button(app: AppState, id: &str, delta: isize, action: &'static str) {
    if app.document.change(Change::MoveBy { id: id.to_string(), delta }) {
        focus_in(id.to_string(), if action == "up" { "[data-action=up]" } else { "[data-action=down]" });
    }
}

/// Removes the item `id` and focuses its neighbour: the previous sibling,
/// else the next one, else (for a node or an indicator) its parent. A locked
/// item, or a node holding one, stays, and a notice says why.
pub fn remove(app: AppState, id: &str) {
    let neighbour = app.document.read(|s, ix| {
        let pick = |ids: Vec<&str>, i: usize| i.checked_sub(1).and_then(|p| ids.get(p)).or_else(|| ids.get(i + 1)).map(|x| x.to_string());
        match ix.locate(id)? {
            Place::Node(at) => {
                let parent = at.parent()?;
                let ids = s.children(&parent)?.iter().map(|n| n.id.as_str()).collect();
                pick(ids, at.index()?).or_else(|| s.node(&parent).map(|p| p.id.clone()))
            }
            Place::Indicator(at, i) => {
                let owner = s.node(at)?;
                pick(owner.indicators.iter().map(|x| x.id.as_str()).collect(), *i).or_else(|| Some(owner.id.clone()))
            }
            Place::Listed(list, i) => pick(s.ids_in(*list), *i),
            Place::Strategy => None,
        }
    });
    let removed = app.document.change(Change::Remove { id: id.to_string() });
    if let (true, Some(next)) = (removed, neighbour) {
        focus_item(next);
    }
    if !removed && app.document.read(|s, _| Some(s.holds_locked(id))).unwrap_or(false) {
        app.notices.set(Some(crate::state::Notice::Error(app.notices.texts().remove_locked.to_string())));
    }
}

/// Alt+↑ / Alt+↓ inside an item moves it among its siblings.
pub fn on_keydown(app: AppState, id: String) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    let view = use_context::<OutlineView>();
    move |ev| {
        if !ev.alt_key() {
            return;
        }
        let delta = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        let moved = app.document.change(Change::MoveBy { id: id.clone(), delta });
        dropped(view, app, &id, moved);
    }
}

/// Keys in a node's title: Enter adds a sibling after it (and focuses it),
/// Tab / Shift+Tab indent / outdent it, Esc lets the next Tab leave the field.
pub fn on_title_keydown(app: AppState, view: OutlineView, id: String) -> Callback<leptos::ev::KeyboardEvent> {
    Callback::new(move |ev: leptos::ev::KeyboardEvent| {
        if ev.is_composing() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let leaves = view.tab_leaves.get_value();
        view.tab_leaves.set_value(ev.key() == "Escape");
        match ev.key().as_str() {
            "Enter" if !ev.shift_key() => {
                ev.prevent_default();
                app.document.add_and_focus(|s| s.new_sibling(&id, ""));
            }
            "Tab" if !leaves => {
                ev.prevent_default();
                let id = id.clone();
                let moved = app.document.change(if ev.shift_key() { Change::Outdent { id: id.clone() } } else { Change::Indent { id: id.clone() } });
                view.moved(app, &id, moved);
            }
            _ => {}
        }
    })
}

/// Starts dragging the item with `id`.
pub fn on_dragstart(app: AppState, id: String) -> impl Fn(leptos::ev::DragEvent) + 'static {
    move |ev| {
        ev.stop_propagation();
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &id);
            dt.set_effect_allowed("move");
        }
        app.dragging.set(Some(id.clone()));
    }
}

/// Ends a drag on a drop: the id of the item that was dragged, if any.
fn take_dragged(app: AppState, ev: &leptos::ev::DragEvent) -> Option<String> {
    let dragged = app.dragging.get_untracked()?;
    ev.prevent_default();
    ev.stop_propagation();
    app.dragging.set(None);
    Some(dragged)
}

/// The kinds of the item being dragged and of the item `target`.
fn kinds(app: AppState, target: &str) -> Option<(ItemKind, ItemKind)> {
    let dragged = app.dragging.get_untracked()?;
    if dragged == target {
        return None;
    }
    app.document.index.with_untracked(|ix| Some((ix.locate(&dragged)?.kind(), ix.locate(target)?.kind())))
}

/// Drops a dragged item onto the item `id`: a node before another node (at
/// that one's level, with its subtree), an indicator before another
/// indicator or onto a node (as its last indicator), a list item before
/// another of its list.
pub fn on_drop(app: AppState, id: String) -> (impl Fn(leptos::ev::DragEvent) + 'static, impl Fn(leptos::ev::DragEvent) + 'static) {
    let (target, view) = (id.clone(), use_context::<OutlineView>());
    let over = move |ev: leptos::ev::DragEvent| {
        let accepted = kinds(app, &target).is_some_and(|(a, b)| a == b || (a, b) == (ItemKind::Indicator, ItemKind::Node));
        if accepted {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        if let Some(dragged) = take_dragged(app, &ev) {
            let moved = app.document.change(Change::MoveBefore { id: dragged.clone(), before: id.clone() });
            dropped(view, app, &dragged, moved);
        }
    };
    (over, drop)
}

/// Drops a dragged node or indicator into the node `parent_id`: a node as
/// its last child (at the level below it), an indicator as its last indicator.
pub fn on_drop_into(app: AppState, parent_id: String) -> (impl Fn(leptos::ev::DragEvent) + 'static, impl Fn(leptos::ev::DragEvent) + 'static) {
    let (target, view) = (parent_id.clone(), use_context::<OutlineView>());
    let over = move |ev: leptos::ev::DragEvent| {
        if kinds(app, &target).is_some_and(|(a, b)| matches!(a, ItemKind::Node | ItemKind::Indicator) && b == ItemKind::Node) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        let Some(dragged) = take_dragged(app, &ev) else { return };
        let is_node = app.document.index.with_untracked(|ix| ix.node(&dragged).is_some());
        let moved = app.document.change(if is_node {
            Change::MoveInto { id: dragged.clone(), parent: parent_id.clone() }
        } else {
            Change::MoveBefore { id: dragged.clone(), before: parent_id.clone() }
        });
        dropped(view, app, &dragged, moved);
    };
    (over, drop)
}

/// After a move: the outline (when there is one) reveals and focuses what
/// moved, or says it could not; elsewhere focus just follows the item.
fn dropped(view: Option<OutlineView>, app: AppState, id: &str, moved: bool) {
    match view {
        Some(view) => view.moved(app, id, moved),
        None if moved => focus_item(id.to_string()),
        None => {}
    }
}
