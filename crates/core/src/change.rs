//! An edit as data. Every change to an open strategy is a [`Change`], applied
//! by id through the tree; [`Strategy::apply`] returns its inverse, which
//! undoes it exactly. The undo history stores these inverses, and each is the
//! size of the edit — one item's own fields, a node's old place, a removed
//! subtree with the links that went with it — never a copy of the strategy.
//!
//! The vocabulary: set an item's own fields ([`Change::Fields`]), add
//! (`AddChild`, `AddSibling`, `AddIndicator`, `AddListed`, `Insert*`),
//! remove, move (`MoveBy`, `MoveBefore`, `MoveInto`, `Indent`, `Outdent`,
//! and the exact `MoveTo` / `MoveIndicatorTo` their inverses are made of),
//! link and unlink (`ToggleServes`; other links are own fields), and
//! `Batch`. `Whole` replaces everything and is kept for the rare edit that
//! has no smaller form (a reload over the open strategy).
//!
//! A locked item (see [`crate::lock`]: a node, indicator, value, target
//! group, SWOT item, or a locked text of the strategy) refuses every change
//! of its own fields but its unlocking (an indicator's actuals stay open),
//! its removal, its moves and its links toggled; a node's children are items
//! of their own, and can be added under it, but removing a node that holds a
//! locked item is refused. `Whole` holds the locks of the strategy it
//! replaces ([`Strategy::hold_locks`]), refused when it drops a locked item.

use crate::lock::lock_allows;
use crate::model::*;
use crate::walk::{Flat, NodeAt, Place};

/// An item's own fields: what a field edit changes and its undo restores.
/// A node's shell has no children, the strategy's has no tree and no flat
/// lists: those are items of their own.
#[derive(Debug, Clone, PartialEq)]
pub enum Shell {
    Strategy(Box<Strategy>),
    Node(Box<Node>),
    Indicator(Box<Indicator>),
    Listed(Box<ListedItem>),
}

/// An item of one of the flat lists.
#[derive(Debug, Clone, PartialEq)]
pub enum ListedItem {
    Value(Value),
    TargetGroup(TargetGroup),
    PolicyDocument(PolicyDocument),
    Swot(SwotItem),
    Risk(Risk),
    Table(Table),
    Unit(Unit),
    Evaluation(Evaluation),
    Abbreviation(Abbreviation),
    Reference(Reference),
}

/// Runs `$body` with `$v` bound to the `&mut Vec<_>` of the list `$list` and
/// `$wrap` to the matching [`ListedItem`] variant.
macro_rules! with_flat {
    ($s:expr, $list:expr, |$v:ident, $wrap:ident| $body:expr) => {{
        let s: &mut Strategy = $s;
        match $list {
            Flat::Values => { let $v = &mut s.values; let $wrap = ListedItem::Value; $body }
            Flat::TargetGroups => { let $v = &mut s.target_groups; let $wrap = ListedItem::TargetGroup; $body }
            Flat::PolicyDocuments => { let $v = &mut s.policy_documents; let $wrap = ListedItem::PolicyDocument; $body }
            Flat::Swot => { let $v = &mut s.swot; let $wrap = ListedItem::Swot; $body }
            Flat::Risks => { let $v = &mut s.risks; let $wrap = ListedItem::Risk; $body }
            Flat::Tables => { let $v = &mut s.resources.tables; let $wrap = ListedItem::Table; $body }
            Flat::Units => { let $v = &mut s.units; let $wrap = ListedItem::Unit; $body }
            Flat::Evaluations => { let $v = &mut s.evaluations; let $wrap = ListedItem::Evaluation; $body }
            Flat::Glossary => { let $v = &mut s.glossary; let $wrap = ListedItem::Abbreviation; $body }
            Flat::References => { let $v = &mut s.references; let $wrap = ListedItem::Reference; $body }
        }
    }};
}

impl ListedItem {
    /// The list the item belongs in.
    pub fn list(&self) -> Flat {
        match self {
            ListedItem::Value(_) => Flat::Values,
            ListedItem::TargetGroup(_) => Flat::TargetGroups,
            ListedItem::PolicyDocument(_) => Flat::PolicyDocuments,
            ListedItem::Swot(_) => Flat::Swot,
            ListedItem::Risk(_) => Flat::Risks,
            ListedItem::Table(_) => Flat::Tables,
            ListedItem::Unit(_) => Flat::Units,
            ListedItem::Evaluation(_) => Flat::Evaluations,
            ListedItem::Abbreviation(_) => Flat::Glossary,
            ListedItem::Reference(_) => Flat::References,
        }
    }
}

/// One edit, or the inverse of one.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Replaces the own fields of the item the shell names by its id.
    Fields(Shell),
    /// Adds a node at the next level down at the end of `parent`'s children
    /// (the top-level items when `None`), with the fresh `id`.
    AddChild { parent: Option<Id>, id: Id, title: String },
    /// Adds a node with the fresh `id` at the level of `after`, just after it.
    AddSibling { after: Id, id: Id, title: String },
    /// Adds an indicator with the fresh `id` at the end of node `owner`'s.
    AddIndicator { owner: Id, id: Id, name: String },
    /// Adds an item at the end of a flat list.
    AddListed(Box<ListedItem>),
    /// Puts a node with its subtree at `index` among `parent`'s children.
    InsertNode { parent: Option<Id>, index: usize, node: Box<Node> },
    /// Puts an indicator at `index` among node `owner`'s.
    InsertIndicator { owner: Id, index: usize, indicator: Box<Indicator> },
    /// Puts an item at `index` in its flat list.
    InsertListed { index: usize, item: Box<ListedItem> },
    /// Sets or clears the overarching goal, with its subtree.
    Overarching(Option<Box<Node>>),
    /// Removes the item `id`, everything under it and every link to them.
    Remove { id: Id },
    /// Moves an item among its siblings by `delta` places.
    MoveBy { id: Id, delta: isize },
    /// See [`Strategy::move_before`].
    MoveBefore { id: Id, before: Id },
    /// See [`Strategy::move_into`].
    MoveInto { id: Id, parent: Id },
    /// See [`Strategy::indent`].
    Indent { id: Id },
    /// See [`Strategy::outdent`].
    Outdent { id: Id },
    /// Puts the node `id` at `index` among `parent`'s children, its subtree
    /// shifted so that it sits at the level with index `level`.
    MoveTo { id: Id, parent: Option<Id>, index: usize, level: usize },
    /// Puts the indicator `id` at `index` among node `owner`'s.
    MoveIndicatorTo { id: Id, owner: Id, index: usize },
    /// See [`Strategy::toggle_serves`].
    ToggleServes { id: Id, target: Id },
    /// Several changes as one step, applied in order.
    Batch(Vec<Change>),
    /// The whole strategy.
    Whole(Box<Strategy>),
}

impl Change {
    /// The id of the item this change adds (to focus it), if it adds one.
    pub fn added_id(&self) -> Option<&str> {
        match self {
            Change::AddChild { id, .. } | Change::AddSibling { id, .. } | Change::AddIndicator { id, .. } => Some(id),
            Change::AddListed(item) => Some(listed_id(item)),
            Change::Overarching(Some(node)) => Some(&node.id),
            _ => None,
        }
    }
}

fn listed_id(item: &ListedItem) -> &str {
    match item {
        ListedItem::Value(x) => &x.id,
        ListedItem::TargetGroup(x) => &x.id,
        ListedItem::PolicyDocument(x) => &x.id,
        ListedItem::Swot(x) => &x.id,
        ListedItem::Risk(x) => &x.id,
        ListedItem::Table(x) => &x.id,
        ListedItem::Unit(x) => &x.id,
        ListedItem::Evaluation(x) => &x.id,
        ListedItem::Abbreviation(x) => &x.id,
        ListedItem::Reference(x) => &x.id,
    }
}

/// The id of the item a shell holds the fields of.
fn shell_id(shell: &Shell) -> &str {
    match shell {
        Shell::Strategy(s) => &s.id,
        Shell::Node(n) => &n.id,
        Shell::Indicator(i) => &i.id,
        Shell::Listed(item) => listed_id(item),
    }
}

/// A node's own fields, without cloning its subtree.
fn node_shell(n: &Node) -> Node {
    Node {
        id: n.id.clone(),
        level: n.level.clone(),
        number: n.number.clone(),
        title: n.title.clone(),
        description: n.description.clone(),
        goal_statement: n.goal_statement.clone(),
        indicators: n.indicators.clone(),
        children: Vec::new(),
        serves: n.serves.clone(),
        policy_document_ids: n.policy_document_ids.clone(),
        swot_ids: n.swot_ids.clone(),
        target_group_ids: n.target_group_ids.clone(),
        responsible_unit_ids: n.responsible_unit_ids.clone(),
        deadline: n.deadline.clone(),
        national_indicator_codes: n.national_indicator_codes.clone(),
        reports: n.reports.clone(),
        locked: n.locked,
    }
}

/// The strategy's own fields, without its tree and flat lists.
fn strategy_shell(s: &Strategy) -> Strategy {
    Strategy {
        id: s.id.clone(),
        title: s.title.clone(),
        institution: s.institution.clone(),
        period: s.period,
        content_language: s.content_language,
        foreword: s.foreword.clone(),
        mandate: s.mandate.clone(),
        mission: s.mission.clone(),
        vision: s.vision.clone(),
        locked_texts: s.locked_texts.clone(),
        values: Vec::new(),
        levels: s.levels.clone(),
        indicator_name: s.indicator_name.clone(),
        overarching_goal: None,
        items: Vec::new(),
        target_groups: Vec::new(),
        policy_documents: Vec::new(),
        swot: Vec::new(),
        risks: Vec::new(),
        resources: Resources { tables: Vec::new(), ..s.resources.clone_without_tables() },
        units: Vec::new(),
        monitoring: s.monitoring.clone(),
        evaluations: Vec::new(),
        target_group_name: s.target_group_name.clone(),
        context_analysis: s.context_analysis.clone(),
        methodology: s.methodology.clone(),
        glossary: Vec::new(),
        references: Vec::new(),
        notes: s.notes.clone(),
        source_strategy: s.source_strategy.clone(),
        workshop: None,
        snapshots: Vec::new(),
    }
}

impl Resources {
    fn clone_without_tables(&self) -> Resources {
        Resources { human: self.human.clone(), financial: self.financial.clone(), technical: self.technical.clone(), tables: Vec::new() }
    }
}

/// Moves the tree, the flat lists, the workshop and the snapshots of `from`
/// into `to` (whose own are dropped): none of them is the strategy's own fields.
fn move_contents(from: &mut Strategy, to: &mut Strategy) {
    to.values = std::mem::take(&mut from.values);
    to.overarching_goal = from.overarching_goal.take();
    to.items = std::mem::take(&mut from.items);
    to.target_groups = std::mem::take(&mut from.target_groups);
    to.policy_documents = std::mem::take(&mut from.policy_documents);
    to.swot = std::mem::take(&mut from.swot);
    to.risks = std::mem::take(&mut from.risks);
    to.resources.tables = std::mem::take(&mut from.resources.tables);
    to.units = std::mem::take(&mut from.units);
    to.evaluations = std::mem::take(&mut from.evaluations);
    to.glossary = std::mem::take(&mut from.glossary);
    to.references = std::mem::take(&mut from.references);
    to.workshop = from.workshop.take();
    to.snapshots = std::mem::take(&mut from.snapshots);
}

impl Strategy {
    /// The own fields of the item at `place`.
    pub fn shell_at(&self, place: &Place) -> Option<Shell> {
        Some(match place {
            Place::Strategy => Shell::Strategy(Box::new(strategy_shell(self))),
            Place::Node(at) => Shell::Node(Box::new(node_shell(self.node(at)?))),
            Place::Indicator(..) => Shell::Indicator(Box::new(self.indicator_at(place)?.clone())),
            Place::Listed(list, i) => Shell::Listed(Box::new(self.listed_at(*list, *i)?)),
        })
    }

    /// A copy of the `i`-th item of a flat list.
    fn listed_at(&self, list: Flat, i: usize) -> Option<ListedItem> {
        Some(match list {
            Flat::Values => ListedItem::Value(self.values.get(i)?.clone()),
            Flat::TargetGroups => ListedItem::TargetGroup(self.target_groups.get(i)?.clone()),
            Flat::PolicyDocuments => ListedItem::PolicyDocument(self.policy_documents.get(i)?.clone()),
            Flat::Swot => ListedItem::Swot(self.swot.get(i)?.clone()),
            Flat::Risks => ListedItem::Risk(self.risks.get(i)?.clone()),
            Flat::Tables => ListedItem::Table(self.resources.tables.get(i)?.clone()),
            Flat::Units => ListedItem::Unit(self.units.get(i)?.clone()),
            Flat::Evaluations => ListedItem::Evaluation(self.evaluations.get(i)?.clone()),
            Flat::Glossary => ListedItem::Abbreviation(self.glossary.get(i)?.clone()),
            Flat::References => ListedItem::Reference(self.references.get(i)?.clone()),
        })
    }

    /// The own fields of the item `id` (the strategy's own when `id` is its id).
    pub fn shell(&self, id: &str) -> Option<Shell> {
        self.shell_at(&self.locate(id)?)
    }

    /// Runs `f`, which may change only the own fields of the item at
    /// `place`, and returns the inverse when they changed.
    pub fn edit_fields(&mut self, place: &Place, f: impl FnOnce(&mut Strategy)) -> Option<Change> {
        let before = self.shell_at(place)?;
        f(self);
        let after = self.shell_at(place)?;
        if !lock_allows(&before, &after) {
            self.put_shell(before);
            return None;
        }
        (before != after).then_some(Change::Fields(before))
    }

    /// The change that adds a node under `parent` (the top-level items when
    /// `None`) with a fresh id; `None` when the parent is at the deepest level.
    pub fn new_child(&self, parent: Option<&str>, title: &str) -> Option<Change> {
        let level = self.child_level(&self.parent_place(parent)?)?;
        let id = self.fresh_id(&crate::edit::id_prefix(&self.levels[level].key));
        Some(Change::AddChild { parent: parent.map(str::to_string), id, title: title.into() })
    }

    /// The change that adds a node just after `after`, at its level, with a fresh id.
    pub fn new_sibling(&self, after: &str, title: &str) -> Option<Change> {
        let level = &self.node_by_id(after)?.level;
        Some(Change::AddSibling { after: after.into(), id: self.fresh_id(&crate::edit::id_prefix(level)), title: title.into() })
    }

    /// The change that adds an indicator to the node `owner`, with a fresh id.
    pub fn new_indicator(&self, owner: &str, name: &str) -> Option<Change> {
        self.node_by_id(owner)?;
        Some(Change::AddIndicator { owner: owner.into(), id: self.fresh_id("i"), name: name.into() })
    }

    /// Applies `change` and returns its inverse; `None` when it did not apply
    /// (an unknown id, a refused move), in which case nothing changed.
    pub fn apply(&mut self, change: Change) -> Option<Change> {
        match change {
            Change::Fields(shell) => {
                let before = self.shell(shell_id(&shell))?;
                if !lock_allows(&before, &shell) {
                    return None;
                }
                self.put_shell(shell).map(Change::Fields)
            }
            Change::AddChild { parent, id, title } => {
                let added = self.add_child_with_id(parent.as_deref(), &id, &title)?;
                Some(Change::Remove { id: added })
            }
            Change::AddSibling { after, id, title } => {
                let at = self.node_place_of(&after)?;
                let (parent, index) = (at.parent()?, at.index()?);
                let level = self.node(&at)?.level.clone();
                self.children_mut(&parent)?.insert(index + 1, Node { id: id.clone(), level, title, ..Node::default() });
                Some(Change::Remove { id })
            }
            Change::AddIndicator { owner, id, name } => {
                self.node_mut(&owner)?.indicators.push(Indicator { id: id.clone(), name, ..Default::default() });
                Some(Change::Remove { id })
            }
            Change::AddListed(item) => {
                let id = listed_id(&item).to_string();
                let index = self.ids_in(item.list()).len();
                self.apply(Change::InsertListed { index, item })?;
                Some(Change::Remove { id })
            }
            Change::InsertNode { parent, index, node } => {
                let parent_at = self.parent_place(parent.as_deref())?;
                let id = node.id.clone();
                let children = self.children_mut(&parent_at)?;
                children.insert(index.min(children.len()), *node);
                Some(Change::Remove { id })
            }
            Change::InsertIndicator { owner, index, indicator } => {
                let id = indicator.id.clone();
                let list = &mut self.node_mut(&owner)?.indicators;
                list.insert(index.min(list.len()), *indicator);
                Some(Change::Remove { id })
            }
            Change::InsertListed { index, item } => {
                let id = listed_id(&item).to_string();
                let list = item.list();
                with_flat!(self, list, |v, wrap| {
                    let _ = &wrap;
                    let x = unwrap_listed(*item)?;
                    v.insert(index.min(v.len()), x);
                    Some(())
                })?;
                Some(Change::Remove { id })
            }
            Change::Overarching(node) => {
                let before = std::mem::replace(&mut self.overarching_goal, node.map(|n| *n));
                Some(Change::Overarching(before.map(Box::new)))
            }
            Change::Remove { id }
            | Change::MoveBy { id, .. }
            | Change::MoveBefore { id, .. }
            | Change::MoveInto { id, .. }
            | Change::Indent { id }
            | Change::Outdent { id }
            | Change::MoveTo { id, .. }
            | Change::ToggleServes { id, .. }
            | Change::MoveIndicatorTo { id, .. }
                if self.is_locked(&id) =>
            {
                None
            }
            // Nor does a locked item go with an unlocked one above it.
            Change::Remove { id } if self.holds_locked(&id) =>
            {
                None
            }
            Change::Remove { id } => self.remove_with_inverse(&id),
            Change::MoveBy { id, delta } => self.move_by(&id, delta).then_some(Change::MoveBy { id, delta: -delta }),
            Change::MoveBefore { id, before } => self.moved(&id, |s| s.move_before(&id, &before)),
            Change::MoveInto { id, parent } => self.moved(&id, |s| s.move_into(&id, &parent)),
            Change::Indent { id } => self.moved(&id, |s| s.indent(&id)),
            Change::Outdent { id } => self.moved(&id, |s| s.outdent(&id)),
            Change::MoveTo { id, parent, index, level } => {
                let from = self.node_place_of(&id)?;
                self.moved(&id, |s| s.relocate(&from, parent.as_deref(), index, level))
            }
            Change::MoveIndicatorTo { id, owner, index } => {
                let back = self.indicator_place(&id)?;
                let Some(Place::Indicator(from, i)) = self.locate(&id) else { return None };
                self.node_by_id(&owner)?;
                let indicator = self.node_at_mut(&from)?.indicators.remove(i);
                let list = &mut self.node_mut(&owner).expect("checked above").indicators;
                list.insert(index.min(list.len()), indicator);
                Some(back)
            }
            Change::ToggleServes { id, target } => {
                let before = self.shell(&id)?;
                self.toggle_serves(&id, &target).then_some(Change::Fields(before))
            }
            Change::Batch(changes) => {
                let mut inverses = Vec::with_capacity(changes.len());
                for change in changes {
                    match self.apply(change) {
                        Some(inverse) => inverses.push(inverse),
                        None => {
                            // Leave nothing half-done: undo what this batch did.
                            for inverse in inverses.into_iter().rev() {
                                self.apply(inverse);
                            }
                            return None;
                        }
                    }
                }
                inverses.reverse();
                Some(Change::Batch(inverses))
            }
            Change::Whole(s) => {
                let mut next = *s;
                next.hold_locks(self).ok()?;
                Some(Change::Whole(Box::new(std::mem::replace(self, next))))
            }
        }
    }

    fn node_place_of(&self, id: &str) -> Option<NodeAt> {
        match self.locate(id)? {
            Place::Node(at) => Some(at),
            _ => None,
        }
    }

    /// The place whose children `parent` names: the root for `None`.
    fn parent_place(&self, parent: Option<&str>) -> Option<NodeAt> {
        match parent {
            Some(id) => self.node_place_of(id),
            None => Some(NodeAt::root()),
        }
    }

    fn add_child_with_id(&mut self, parent: Option<&str>, id: &str, title: &str) -> Option<Id> {
        if self.locate(id).is_some() {
            return None;
        }
        let parent_at = self.parent_place(parent)?;
        let level = self.child_level(&parent_at)?;
        let node = Node { id: id.into(), level: self.levels[level].key.clone(), title: title.into(), ..Node::default() };
        self.children_mut(&parent_at)?.push(node);
        Some(id.into())
    }

    /// Where the node `id` is, as the `MoveTo` that puts it back.
    fn node_back(&self, id: &str) -> Option<Change> {
        let at = self.node_place_of(id)?;
        let parent = at.parent()?;
        let level = self.level_index(&self.node(&at)?.level)?;
        Some(Change::MoveTo { id: id.into(), parent: self.node(&parent).map(|n| n.id.clone()), index: at.index()?, level })
    }

    /// Where the indicator `id` is, as the `MoveIndicatorTo` that puts it back.
    fn indicator_place(&self, id: &str) -> Option<Change> {
        match self.locate(id)? {
            Place::Indicator(at, i) => Some(Change::MoveIndicatorTo { id: id.into(), owner: self.node(&at)?.id.clone(), index: i }),
            _ => None,
        }
    }

    /// Runs a move of the node or indicator `id`; returns the move back.
    fn moved(&mut self, id: &str, f: impl FnOnce(&mut Strategy) -> bool) -> Option<Change> {
        let back = self.node_back(id).or_else(|| self.indicator_place(id))?;
        f(self).then_some(back)
    }

    /// Swaps in a shell's own fields; returns the shell it replaced.
    pub(crate) fn put_shell(&mut self, shell: Shell) -> Option<Shell> {
        match shell {
            Shell::Strategy(mut new) => {
                move_contents(self, &mut new);
                let old = std::mem::replace(self, *new);
                Some(Shell::Strategy(Box::new(old)))
            }
            Shell::Node(mut new) => {
                let node = self.node_mut(&new.id)?;
                new.children = std::mem::take(&mut node.children);
                let mut old = std::mem::replace(node, *new);
                old.children = Vec::new();
                Some(Shell::Node(Box::new(old)))
            }
            Shell::Indicator(new) => {
                let ind = self.indicator_mut(&new.id)?;
                Some(Shell::Indicator(Box::new(std::mem::replace(ind, *new))))
            }
            Shell::Listed(new) => {
                let id = listed_id(&new).to_string();
                let Some(Place::Listed(list, i)) = self.locate(&id) else { return None };
                if list != new.list() {
                    return None;
                }
                let new = *new;
                with_flat!(self, list, |v, wrap| {
                    let x = unwrap_listed(new)?;
                    Some(Shell::Listed(Box::new(wrap(std::mem::replace(&mut v[i], x)))))
                })
            }
        }
    }

    /// Removes `id`; the inverse puts the item back where it was and restores
    /// the own fields of every item whose links to it were dropped.
    fn remove_with_inverse(&mut self, id: &str) -> Option<Change> {
        let place = self.locate(id)?;
        let put_back = match &place {
            Place::Strategy => return None,
            Place::Node(at) if at == &NodeAt::overarching() => Change::Overarching(self.overarching_goal.clone().map(Box::new)),
            Place::Node(at) => {
                let parent = at.parent()?;
                Change::InsertNode { parent: self.node(&parent).map(|n| n.id.clone()), index: at.index()?, node: Box::new(self.node(at)?.clone()) }
            }
            Place::Indicator(at, i) => {
                Change::InsertIndicator { owner: self.node(at)?.id.clone(), index: *i, indicator: Box::new(self.indicator_at(&place)?.clone()) }
            }
            Place::Listed(_, i) => {
                let Shell::Listed(item) = self.shell_at(&place)? else { return None };
                Change::InsertListed { index: *i, item }
            }
        };
        // Every item holding a link that the removal may drop: its own fields before.
        let gone: std::collections::HashSet<String> = {
            let mut ids = std::collections::HashSet::new();
            if let Change::InsertNode { node, .. } | Change::Overarching(Some(node)) = &put_back {
                collect_ids(node, &mut ids);
            }
            ids.insert(id.to_string());
            ids
        };
        let mut holders: Vec<Shell> = Vec::new();
        let mut holder_ids: Vec<String> = Vec::new();
        let every = self.every_id();
        self.for_each_link(|target, site| {
            if gone.contains(target) {
                if let Some((holder, _)) = every.iter().filter(|(_, p)| site.path.starts_with(&p.path()) && !p.path().is_empty()).max_by_key(|(_, p)| p.path().len()) {
                    if !gone.contains(*holder) && !holder_ids.iter().any(|h| h == holder) {
                        holder_ids.push(holder.to_string());
                    }
                }
            }
        });
        drop(every);
        for holder in &holder_ids {
            if let Some(shell) = self.shell(holder) {
                holders.push(shell);
            }
        }
        if !self.remove_item(id) {
            return None;
        }
        let mut undo = vec![put_back];
        undo.extend(holders.into_iter().map(Change::Fields));
        Some(Change::Batch(undo))
    }
}

fn collect_ids(node: &Node, out: &mut std::collections::HashSet<String>) {
    out.insert(node.id.clone());
    out.extend(node.indicators.iter().map(|i| i.id.clone()));
    for child in &node.children {
        collect_ids(child, out);
    }
}

/// The item inside a [`ListedItem`], typed by the list it is put into.
trait FromListed: Sized {
    fn from_listed(item: ListedItem) -> Option<Self>;
}

macro_rules! from_listed {
    ($($t:ident => $variant:ident),*) => {
        $(impl FromListed for $t {
            fn from_listed(item: ListedItem) -> Option<Self> {
                match item {
                    ListedItem::$variant(x) => Some(x),
                    _ => None,
                }
            }
        })*
    };
}

from_listed!(Value => Value, TargetGroup => TargetGroup, PolicyDocument => PolicyDocument, SwotItem => Swot, Risk => Risk,
    Table => Table, Unit => Unit, Evaluation => Evaluation, Abbreviation => Abbreviation, Reference => Reference);

fn unwrap_listed<T: FromListed>(item: ListedItem) -> Option<T> {
    T::from_listed(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::walk::Index;

    fn sample() -> Strategy {
        let mut s = Strategy { id: "s".into(), title: "S".into(), ..Default::default() };
        for c in [
            Change::AddChild { parent: None, id: "p1".into(), title: "P1".into() },
            Change::AddChild { parent: None, id: "p2".into(), title: "P2".into() },
            Change::AddChild { parent: Some("p1".into()), id: "g1".into(), title: "G1".into() },
            Change::AddChild { parent: Some("p1".into()), id: "g2".into(), title: "G2".into() },
            Change::AddChild { parent: Some("g1".into()), id: "r1".into(), title: "R1".into() },
            Change::AddIndicator { owner: "r1".into(), id: "i1".into(), name: "I1".into() },
            Change::AddListed(Box::new(ListedItem::Unit(Unit { id: "u1".into(), code: "ITD".into(), name: String::new() }))),
            Change::ToggleServes { id: "r1".into(), target: "g2".into() },
        ] {
            s.apply(c).expect("applies");
        }
        s.node_mut("g2").unwrap().responsible_unit_ids.push("u1".into());
        s.indicator_mut("i1").unwrap().responsible_unit_ids.push("u1".into());
        s
    }

    /// Applies `change`, then its inverse, and checks the strategy is back as
    /// it was; then redoes it and checks it is as after the first apply.
    fn round_trip(s: &Strategy, change: Change) -> Strategy {
        let mut x = s.clone();
        let inverse = x.apply(change).expect("applies");
        let after = x.clone();
        let redo = x.apply(inverse).expect("the inverse applies");
        assert_eq!(&x, s, "undone");
        x.apply(redo).expect("the redo applies");
        assert_eq!(x, after, "redone");
        after
    }

    #[test]
    fn every_change_is_undone_by_its_inverse() {
        let s = sample();
        let ix = Index::of(&s);
        let mut typed = s.clone();
        let inv = typed.edit_fields(ix.locate("g1").unwrap(), |s| s.node_mut("g1").unwrap().title = "Typed".into()).unwrap();
        assert!(matches!(&inv, Change::Fields(Shell::Node(n)) if n.title == "G1" && n.children.is_empty()), "a field edit keeps only the node's own fields");
        typed.apply(inv);
        assert_eq!(typed, s);
        let mut mission = s.clone();
        let inv = mission.edit_fields(ix.locate("s").unwrap(), |s| s.mission = "M".into()).unwrap();
        assert!(matches!(&inv, Change::Fields(Shell::Strategy(x)) if x.items.is_empty()), "the strategy's shell holds no tree");
        mission.apply(inv);
        assert_eq!(mission, s);

        let after = round_trip(&s, Change::Remove { id: "g2".into() });
        assert!(after.node_by_id("r1").unwrap().serves.is_empty(), "the link to the removed goal went");
        round_trip(&s, Change::Remove { id: "u1".into() });
        round_trip(&s, Change::Remove { id: "p1".into() });
        round_trip(&s, Change::Remove { id: "i1".into() });
        round_trip(&s, Change::Indent { id: "g2".into() });
        round_trip(&s, Change::Outdent { id: "g2".into() });
        round_trip(&s, Change::MoveBefore { id: "g2".into(), before: "p2".into() });
        round_trip(&s, Change::MoveBefore { id: "i1".into(), before: "g2".into() });
        round_trip(&s, Change::MoveInto { id: "g2".into(), parent: "p2".into() });
        round_trip(&s, Change::MoveBy { id: "p2".into(), delta: -1 });
        round_trip(&s, Change::AddSibling { after: "g1".into(), id: "g9".into(), title: "G9".into() });
        let added = round_trip(&s, s.new_child(Some("g2"), "R2").unwrap());
        assert_eq!(added.node_by_id("r2").map(|n| n.level.as_str()), Some("result"), "a fresh id by the level's letter");
        round_trip(&s, s.new_sibling("p2", "P3").unwrap());
        round_trip(&s, s.new_indicator("g1", "I2").unwrap());
        assert_eq!(s.new_child(Some("r1"), "below the last level"), None);
        round_trip(&s, Change::Overarching(Some(Box::new(Node { id: "og".into(), ..Node::default() }))));
        round_trip(&s, Change::ToggleServes { id: "r1".into(), target: "g2".into() });
        round_trip(&s, Change::Batch(vec![Change::Remove { id: "g2".into() }, Change::Indent { id: "p2".into() }]));
    }

    #[test]
    fn a_refused_change_changes_nothing() {
        let s = sample();
        for change in [
            Change::Indent { id: "p1".into() },
            Change::Outdent { id: "p1".into() },
            Change::Remove { id: "nope".into() },
            Change::AddChild { parent: Some("r1".into()), id: "x".into(), title: String::new() },
            Change::AddChild { parent: None, id: "g1".into(), title: "an id in use".into() },
            Change::MoveInto { id: "p1".into(), parent: "g1".into() },
            Change::Batch(vec![Change::Remove { id: "g2".into() }, Change::Indent { id: "p1".into() }]),
        ] {
            let mut x = s.clone();
            assert_eq!(x.apply(change.clone()), None, "{change:?}");
            assert_eq!(x, s, "{change:?} left it as it was");
        }
    }

    #[test]
    fn an_inverse_is_the_size_of_the_edit() {
        let mut s = sample();
        for n in 0..200 {
            s.apply(Change::AddChild { parent: Some("p2".into()), id: format!("big{n}"), title: "x".repeat(100) });
        }
        let ix = Index::of(&s);
        let inv = s.edit_fields(ix.locate("p2").unwrap(), |s| s.node_mut("p2").unwrap().title = "P2!".into()).unwrap();
        let Change::Fields(Shell::Node(n)) = inv else { panic!("a node's fields") };
        assert!(n.children.is_empty(), "editing a priority's title does not copy its 200 goals");
        let Some(Change::MoveTo { .. }) = s.apply(Change::Indent { id: "p2".into() }) else { panic!("a move is undone by a move") };
    }
}
