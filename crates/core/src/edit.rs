//! Edits of the structure: adding, removing, moving, indenting and
//! outdenting items by id, at any depth of the tree.
//!
//! Rules: a node's children are at deeper levels than the node; moving a node
//! (indent, outdent, drag) shifts its whole subtree's levels by the same step
//! and is refused when a level would fall outside the declared ones. Removing
//! an item also removes every link to it and to what was under it, so no
//! dangling id is ever left behind. An item never moves inside itself.

use std::collections::HashSet;

use crate::model::*;
use crate::walk::{Flat, Index, NodeAt, Place};

impl Strategy {
    /// An id with `prefix` not used anywhere in the strategy (`g11`, `i42`…).
    pub fn fresh_id(&self, prefix: &str) -> Id {
        let used: HashSet<&str> = self.every_id().into_iter().map(|(id, _)| id).collect();
        (1..).map(|n| format!("{prefix}{n}")).find(|id| !used.contains(id.as_str())).expect("ids are unbounded")
    }

    /// The id held at `place`, to change it (links to it are the caller's concern).
    pub(crate) fn id_mut(&mut self, place: &Place) -> Option<&mut Id> {
        match place {
            Place::Strategy => Some(&mut self.id),
            Place::Node(at) => self.node_at_mut(at).map(|n| &mut n.id),
            Place::Indicator(at, i) => self.node_at_mut(at)?.indicators.get_mut(*i).map(|x| &mut x.id),
            Place::Listed(list, i) => {
                let i = *i;
                match list {
                    Flat::Values => self.values.get_mut(i).map(|x| &mut x.id),
                    Flat::TargetGroups => self.target_groups.get_mut(i).map(|x| &mut x.id),
                    Flat::PolicyDocuments => self.policy_documents.get_mut(i).map(|x| &mut x.id),
                    Flat::Swot => self.swot.get_mut(i).map(|x| &mut x.id),
                    Flat::Risks => self.risks.get_mut(i).map(|x| &mut x.id),
                    Flat::Tables => self.resources.tables.get_mut(i).map(|x| &mut x.id),
                    Flat::Units => self.units.get_mut(i).map(|x| &mut x.id),
                    Flat::Evaluations => self.evaluations.get_mut(i).map(|x| &mut x.id),
                    Flat::Glossary => self.glossary.get_mut(i).map(|x| &mut x.id),
                    Flat::References => self.references.get_mut(i).map(|x| &mut x.id),
                }
            }
        }
    }

    /// The place of the node with `id`.
    fn node_place(&self, id: &str) -> Option<NodeAt> {
        match self.locate(id)? {
            Place::Node(at) => Some(at),
            _ => None,
        }
    }

    /// The node with `id`, to edit.
    pub fn node_mut(&mut self, id: &str) -> Option<&mut Node> {
        let at = self.node_place(id)?;
        self.node_at_mut(&at)
    }

    /// The node with `id`.
    pub fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.node(&self.node_place(id)?)
    }

    /// The indicator with `id`, to edit.
    pub fn indicator_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        match self.locate(id)? {
            Place::Indicator(at, i) => self.node_at_mut(&at)?.indicators.get_mut(i),
            _ => None,
        }
    }

    /// The level index a child of the node at `parent` gets by default: the
    /// level after the parent's (the first for the root; for the overarching
    /// goal, the last level: strategy-level tasks).
    pub fn child_level(&self, parent: &NodeAt) -> Option<usize> {
        if parent.is_root() {
            return (!self.levels.is_empty()).then_some(0);
        }
        let node = self.node(parent)?;
        match self.level_index(&node.level) {
            Some(l) => (l + 1 < self.levels.len()).then_some(l + 1),
            None if parent == &NodeAt::overarching() => self.levels.len().checked_sub(1),
            None => None,
        }
    }

    /// Adds a node at the end of the children of `parent_id` (the top-level
    /// items when `None`), at the next level down; returns its id. `None` when
    /// the parent is at the deepest level.
    pub fn add_child(&mut self, parent_id: Option<&str>, title: &str) -> Option<Id> {
        let parent = match parent_id {
            Some(id) => self.node_place(id)?,
            None => NodeAt::root(),
        };
        let level = self.child_level(&parent)?;
        let id = self.fresh_id(&id_prefix(&self.levels[level].key));
        let node = Node { id: id.clone(), level: self.levels[level].key.clone(), title: title.into(), ..Node::default() };
        self.children_mut(&parent)?.push(node);
        Some(id)
    }

    /// Adds a node at the same level just after the node `id`; returns its id.
    pub fn add_sibling_after(&mut self, id: &str, title: &str) -> Option<Id> {
        let at = self.node_place(id)?;
        let (parent, index) = (at.parent()?, at.index()?);
        let level = self.node(&at)?.level.clone();
        let new_id = self.fresh_id(&id_prefix(&level));
        self.children_mut(&parent)?.insert(index + 1, Node { id: new_id.clone(), level, title: title.into(), ..Node::default() });
        Some(new_id)
    }

    /// Adds an indicator to the node `owner_id`; returns its id.
    pub fn add_indicator(&mut self, owner_id: &str, name: &str) -> Option<Id> {
        let id = self.fresh_id("i");
        self.node_mut(owner_id)?.indicators.push(Indicator { id: id.clone(), name: name.into(), ..Default::default() });
        Some(id)
    }

    /// Removes the item with `id` and everything under it, and every link to
    /// any of them. Returns whether anything was removed.
    pub fn remove_item(&mut self, id: &str) -> bool {
        let Some(place) = self.locate(id) else { return false };
        let before: HashSet<String> = self.every_id().into_iter().map(|(id, _)| id.to_string()).collect();
        let removed = match &place {
            Place::Strategy => false,
            Place::Node(at) if at == &NodeAt::overarching() => self.overarching_goal.take().is_some(),
            Place::Node(at) => {
                let i = at.index().expect("a node below the root has a position");
                self.children_mut(&at.parent().expect("a node has a parent")).map(|c| c.remove(i)).is_some()
            }
            Place::Indicator(at, i) => self.node_at_mut(at).map(|n| n.indicators.remove(*i)).is_some(),
            Place::Listed(list, i) => {
                let i = *i;
                match list {
                    Flat::Values => drop(self.values.remove(i)),
                    Flat::TargetGroups => drop(self.target_groups.remove(i)),
                    Flat::PolicyDocuments => drop(self.policy_documents.remove(i)),
                    Flat::Swot => drop(self.swot.remove(i)),
                    Flat::Risks => drop(self.risks.remove(i)),
                    Flat::Tables => drop(self.resources.tables.remove(i)),
                    Flat::Units => drop(self.units.remove(i)),
                    Flat::Evaluations => drop(self.evaluations.remove(i)),
                    Flat::Glossary => drop(self.glossary.remove(i)),
                    Flat::References => drop(self.references.remove(i)),
                }
                true
            }
        };
        if !removed {
            return false;
        }
        let after: HashSet<String> = self.every_id().into_iter().map(|(id, _)| id.to_string()).collect();
        let gone: HashSet<String> = before.difference(&after).cloned().collect();
        self.drop_links_to(&gone);
        true
    }

    /// Removes every reference to the ids in `gone`: single links are
    /// dropped, matrix cells naming them go as a whole.
    fn drop_links_to(&mut self, gone: &HashSet<String>) {
        for e in &mut self.evaluations {
            for links in [&mut e.values_priorities, &mut e.values_goals, &mut e.coherence] {
                links.retain(|l| !gone.contains(&l.from_id) && !gone.contains(&l.to_id));
            }
            e.relevance.retain(|r| !gone.contains(&r.goal_id));
        }
        fn keep(node: &mut Node, gone: &HashSet<String>) {
            for ids in [&mut node.serves, &mut node.policy_document_ids, &mut node.swot_ids, &mut node.target_group_ids, &mut node.responsible_unit_ids] {
                ids.retain(|id| !gone.contains(id));
            }
            for ind in &mut node.indicators {
                ind.responsible_unit_ids.retain(|id| !gone.contains(id));
            }
            for child in &mut node.children {
                keep(child, gone);
            }
        }
        for node in self.overarching_goal.iter_mut().chain(self.items.iter_mut()) {
            keep(node, gone);
        }
        for item in &mut self.swot {
            item.linked_ids.retain(|id| !gone.contains(id));
        }
    }

    /// Moves an item up (`delta < 0`) or down among its siblings. Returns
    /// whether it moved.
    pub fn move_by(&mut self, id: &str, delta: isize) -> bool {
        let Some(place) = self.locate(id) else { return false };
        fn shift<T>(v: &mut [T], index: usize, delta: isize) -> bool {
            let Some(to) = index.checked_add_signed(delta).filter(|to| *to < v.len()) else { return false };
            if to < index {
                v[to..=index].rotate_right(1);
            } else {
                v[index..=to].rotate_left(1);
            }
            true
        }
        match place {
            Place::Strategy => false,
            Place::Node(at) => match (at.parent(), at.index()) {
                (Some(parent), Some(i)) => self.children_mut(&parent).is_some_and(|c| shift(c, i, delta)),
                _ => false,
            },
            Place::Indicator(at, i) => self.node_at_mut(&at).is_some_and(|n| shift(&mut n.indicators, i, delta)),
            Place::Listed(list, i) => match list {
                Flat::Values => shift(&mut self.values, i, delta),
                Flat::TargetGroups => shift(&mut self.target_groups, i, delta),
                Flat::PolicyDocuments => shift(&mut self.policy_documents, i, delta),
                Flat::Swot => shift(&mut self.swot, i, delta),
                Flat::Risks => shift(&mut self.risks, i, delta),
                Flat::Tables => shift(&mut self.resources.tables, i, delta),
                Flat::Units => shift(&mut self.units, i, delta),
                Flat::Evaluations => shift(&mut self.evaluations, i, delta),
                Flat::Glossary => shift(&mut self.glossary, i, delta),
                Flat::References => shift(&mut self.references, i, delta),
            },
        }
    }

    /// The levels of the subtree at `at`, shifted by `delta`, or `None` when a
    /// level would fall outside the declared ones.
    fn shifted_levels(&self, at: &NodeAt, delta: isize) -> Option<Vec<(NodeAt, String)>> {
        fn collect(s: &Strategy, node: &Node, at: NodeAt, delta: isize, out: &mut Vec<(NodeAt, String)>) -> Option<()> {
            let l = s.level_index(&node.level)?.checked_add_signed(delta).filter(|l| *l < s.levels.len())?;
            out.push((at.clone(), s.levels[l].key.clone()));
            for (i, child) in node.children.iter().enumerate() {
                collect(s, child, at.child(i), delta, out)?;
            }
            Some(())
        }
        let mut out = Vec::new();
        collect(self, self.node(at)?, at.clone(), delta, &mut out)?;
        Some(out)
    }

    /// Takes the node at `from` out of the tree and puts it among the
    /// children of the node with id `parent_id` (the root when `None`) at
    /// `index` (clamped), its subtree's levels shifted so that it sits at
    /// `level`. Refused (returning `false`, nothing changed) when the node
    /// would go inside itself or a level would fall outside the declared ones.
    pub(crate) fn relocate(&mut self, from: &NodeAt, parent_id: Option<&str>, index: usize, level: usize) -> bool {
        let Some(node) = self.node(from) else { return false };
        let Some(current) = self.level_index(&node.level) else { return false };
        let parent_at = match parent_id {
            Some(pid) => match self.node_place(pid) {
                Some(p) => p,
                None => return false,
            },
            None => NodeAt::root(),
        };
        if parent_at.is_within(from) || from == &NodeAt::overarching() {
            return false;
        }
        if let Some(parent) = self.node(&parent_at) {
            if self.level_index(&parent.level).is_some_and(|pl| pl >= level) {
                return false;
            }
        }
        let Some(levels) = self.shifted_levels(from, level as isize - current as isize) else { return false };
        let (Some(old_parent), Some(i)) = (from.parent(), from.index()) else { return false };
        let mut node = self.children_mut(&old_parent).expect("located").remove(i);
        relevel(&mut node, &levels, from);
        let parent_at = match parent_id {
            Some(pid) => self.node_place(pid).expect("the parent is still there"),
            None => NodeAt::root(),
        };
        let children = self.children_mut(&parent_at).expect("located");
        children.insert(index.min(children.len()), node);
        true
    }

    /// Makes the node `id` the last child of its previous sibling, one level
    /// deeper with its subtree. Returns whether it moved.
    pub fn indent(&mut self, id: &str) -> bool {
        let Some(at) = self.node_place(id) else { return false };
        let (Some(parent), Some(i)) = (at.parent(), at.index()) else { return false };
        let Some(prev) = i.checked_sub(1).and_then(|p| self.children(&parent)?.get(p)) else { return false };
        let Some(prev_level) = self.level_index(&prev.level) else { return false };
        let prev_id = prev.id.clone();
        let end = prev.children.len();
        self.relocate(&at, Some(&prev_id), end, prev_level + 1)
    }

    /// Makes the node `id` the next sibling of its parent, one level higher
    /// with its subtree. Returns whether it moved.
    pub fn outdent(&mut self, id: &str) -> bool {
        let Some(at) = self.node_place(id) else { return false };
        let Some(parent) = at.parent().filter(|p| !p.is_root() && p != &NodeAt::overarching()) else { return false };
        let Some(parent_node) = self.node(&parent) else { return false };
        let Some(level) = self.level_index(&parent_node.level) else { return false };
        let grand = parent.parent().expect("a node has a parent");
        let grand_id = self.node(&grand).map(|n| n.id.clone());
        let index = parent.index().expect("a node has a position") + 1;
        self.relocate(&at, grand_id.as_deref(), index, level)
    }

    /// Moves the item `id` to just before the item `before_id`: a node among
    /// the other's siblings, at its level (shifting its subtree), or an
    /// indicator to another node. Returns whether it moved.
    pub fn move_before(&mut self, id: &str, before_id: &str) -> bool {
        if id == before_id {
            return false;
        }
        match (self.locate(id), self.locate(before_id)) {
            (Some(Place::Node(from)), Some(Place::Node(to))) => {
                let Some(level) = self.node(&to).and_then(|n| self.level_index(&n.level)) else { return false };
                let Some(parent) = to.parent() else { return false };
                let parent_id = self.node(&parent).map(|n| n.id.clone());
                let same_parent = from.parent() == Some(parent.clone());
                let mut index = to.index().expect("a node has a position");
                if same_parent && from.index() < Some(index) {
                    index -= 1;
                }
                self.relocate(&from, parent_id.as_deref(), index, level)
            }
            (Some(Place::Indicator(from, i)), Some(Place::Indicator(to, j))) => {
                let indicator = self.node_at_mut(&from).expect("located").indicators.remove(i);
                let j = if from == to && i < j { j - 1 } else { j };
                self.node_at_mut(&to).expect("located").indicators.insert(j, indicator);
                true
            }
            (Some(Place::Indicator(from, i)), Some(Place::Node(to))) => {
                let indicator = self.node_at_mut(&from).expect("located").indicators.remove(i);
                self.node_at_mut(&to).expect("located").indicators.push(indicator);
                true
            }
            _ => false,
        }
    }

    /// Moves the node `id` to the end of the children of `parent_id`, at the
    /// level below the parent's. Returns whether it moved.
    pub fn move_into(&mut self, id: &str, parent_id: &str) -> bool {
        let (Some(from), Some(parent)) = (self.node_place(id), self.node_place(parent_id)) else { return false };
        if from.parent().as_ref() == Some(&parent) {
            return false;
        }
        let Some(level) = self.child_level(&parent) else { return false };
        let end = self.node(&parent).map_or(0, |p| p.children.len());
        self.relocate(&from, Some(parent_id), end, level)
    }

    /// Adds or removes `target_id` from the nodes `id` also serves (never its
    /// own parent, itself, or what is not a node).
    pub fn toggle_serves(&mut self, id: &str, target_id: &str) -> bool {
        let ix = Index::of(self);
        let (Some(at), Some(target)) = (ix.node(id), ix.node(target_id)) else { return false };
        if at == target || at.parent().as_ref() == Some(target) {
            return false;
        }
        let links = &mut self.node_mut(id).expect("located").serves;
        match links.iter().position(|x| x == target_id) {
            Some(i) => {
                links.remove(i);
            }
            None => links.push(target_id.to_string()),
        }
        true
    }

    /// Links the SWOT item `swot_id` to the node `node_id` (`on`) or unlinks
    /// it; the link is kept on the SWOT item, once. False when there is no
    /// such SWOT item.
    pub fn link_swot(&mut self, swot_id: &str, node_id: &str, on: bool) -> bool {
        let Some(item) = self.swot.iter_mut().find(|x| x.id == swot_id) else { return false };
        item.linked_ids.retain(|x| x != node_id);
        if on {
            item.linked_ids.push(node_id.to_string());
        }
        true
    }

    /// A copy with a new id and title, for "duplicate" and "import as a copy".
    pub fn duplicate(&self, new_id: &str, new_title: &str) -> Strategy {
        Strategy { id: new_id.into(), title: new_title.into(), ..self.clone() }
    }
}

/// Sets the levels collected by `shifted_levels` on the node taken out of `from`.
fn relevel(node: &mut Node, levels: &[(NodeAt, String)], from: &NodeAt) {
    for (at, key) in levels {
        let mut n = &mut *node;
        for i in &at.steps[from.steps.len()..] {
            n = &mut n.children[*i];
        }
        n.level = key.clone();
    }
}

/// The prefix of new ids at a level: its key's first letter (`p`, `g`, `r`,
/// `t`), or `n` for a key that does not start with an ASCII letter.
pub(crate) fn id_prefix(level_key: &str) -> String {
    match level_key.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_lowercase().to_string(),
        _ => "n".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    fn sample() -> Strategy {
        let mut s = Strategy { id: "s".into(), title: "S".into(), ..Default::default() };
        let p1 = s.add_child(None, "P1").unwrap();
        let p2 = s.add_child(None, "P2").unwrap();
        let g1 = s.add_child(Some(&p1), "G1").unwrap();
        let g2 = s.add_child(Some(&p1), "G2").unwrap();
        let g3 = s.add_child(Some(&p2), "G3").unwrap();
        let r1 = s.add_child(Some(&g1), "R1").unwrap();
        s.add_indicator(&r1, "I1").unwrap();
        s.add_indicator(&g3, "I2").unwrap();
        s.toggle_serves(&r1, &g2);
        s.toggle_serves(&r1, &g3);
        s.units.push(Unit { id: "u1".into(), code: "ITD".into(), name: String::new() });
        s.items[0].children[0].children[0].indicators[0].responsible_unit_ids.push("u1".into());
        s
    }

    fn titles(s: &Strategy) -> Vec<Vec<&str>> {
        s.items.iter().map(|p| p.children.iter().map(|g| g.title.as_str()).collect()).collect()
    }

    #[test]
    fn adding_gives_fresh_unique_ids_at_the_next_level() {
        let s = sample();
        assert_eq!(s.items.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["p1", "p2"]);
        assert_eq!(s.items[0].children[0].level, "goal");
        assert_eq!(s.items[0].children[0].children[0].level, "result");
        assert_eq!(s.fresh_id("g"), "g4");
        assert_eq!(s.items[0].children[0].children[0].serves, vec!["g2", "g3"]);
        let mut deepest = s.clone();
        assert_eq!(deepest.add_child(Some("r1"), "too deep"), None, "the result level is the last");
        assert_eq!(validate(&s), vec![]);
        let t = deepest.add_sibling_after("g1", "G1b").unwrap();
        assert_eq!(titles(&deepest)[0], ["G1", "G1b", "G2"]);
        assert_eq!(deepest.node_by_id(&t).unwrap().level, "goal");
    }

    #[test]
    fn a_swot_item_links_a_node_once_and_unlinks_it() {
        let mut s = sample();
        s.swot.push(crate::model::SwotItem { id: "sw1".into(), text: "Strong team".into(), ..Default::default() });
        assert!(s.link_swot("sw1", "g1", true) && s.link_swot("sw1", "g1", true) && s.link_swot("sw1", "r1", true));
        assert_eq!(s.swot[0].linked_ids, ["g1", "r1"]);
        assert!(s.link_swot("sw1", "g1", false));
        assert_eq!(s.swot[0].linked_ids, ["r1"]);
        assert!(!s.link_swot("nope", "g1", true), "no such SWOT item");
    }

    #[test]
    fn removing_drops_children_and_every_link() {
        let mut s = sample();
        assert!(s.remove_item("g3"));
        assert_eq!(titles(&s), vec![vec!["G1", "G2"], vec![]]);
        assert_eq!(s.items[0].children[0].children[0].serves, vec!["g2"]);
        assert!(s.remove_item("u1"));
        assert!(s.items[0].children[0].children[0].indicators[0].responsible_unit_ids.is_empty());
        assert!(s.remove_item("p1"));
        assert_eq!(s.locate("i1"), None, "the indicator under the priority went with it");
        assert_eq!(validate(&s), vec![]);
        assert!(!s.remove_item("nope"));
    }

    #[test]
    fn reordering_and_moving_between_parents() {
        let mut s = sample();
        assert!(s.move_by("g2", -1));
        assert_eq!(titles(&s), vec![vec!["G2", "G1"], vec!["G3"]]);
        assert!(!s.move_by("g2", -1), "already first");
        assert!(s.move_before("g1", "g3"));
        assert_eq!(titles(&s), vec![vec!["G2"], vec!["G1", "G3"]]);
        assert!(s.move_into("g3", "p1"));
        assert_eq!(titles(&s), vec![vec!["G2", "G3"], vec!["G1"]]);
        assert!(s.move_before("i2", "i1"), "an indicator moves to another owner");
        assert_eq!(s.items[1].children[0].children[0].indicators.len(), 2);
        assert!(!s.move_before("p1", "i1"));
        assert_eq!(validate(&s), vec![]);
    }

    #[test]
    fn moving_a_node_among_other_levels_shifts_its_subtree() {
        let mut s = sample();
        assert!(s.move_before("g1", "p2"), "a goal dropped among priorities becomes a priority");
        assert_eq!(s.items[1].id, "g1");
        assert_eq!((s.items[1].level.as_str(), s.items[1].children[0].level.as_str()), ("priority", "goal"));
        let mut s = sample();
        assert!(!s.move_before("p1", "r1"), "p1 would go to the result level, and its results below the last level");
        assert!(!s.move_into("p1", "g2"), "not inside itself");
        assert_eq!(s, sample(), "refused moves change nothing");
    }

    #[test]
    fn indent_and_outdent_change_the_level_with_the_subtree() {
        let mut s = sample();
        assert!(s.indent("g2"), "G2 goes under G1 as a result");
        assert_eq!(s.node_by_id("g2").unwrap().level, "result");
        assert_eq!(titles(&s)[0], ["G1"]);
        assert!(!s.indent("p1"), "the first item has no previous sibling");
        assert!(!s.indent("g1"), "G1's results would fall below the last level");
        assert!(s.outdent("g2"));
        assert_eq!(titles(&s)[0], ["G1", "G2"]);
        assert_eq!(s.node_by_id("g2").unwrap().level, "goal");
        assert!(s.outdent("g3"), "G3 becomes a priority after P2");
        assert_eq!(s.items.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["p1", "p2", "g3"]);
        assert!(!s.outdent("p1"), "a top-level item cannot go higher");
        assert_eq!(validate(&s), vec![]);
    }

    #[test]
    fn a_node_serves_others_but_not_its_parent_or_itself() {
        let mut s = sample();
        assert!(!s.toggle_serves("r1", "g1"));
        assert!(!s.toggle_serves("r1", "r1"));
        assert!(s.toggle_serves("r1", "g2"));
        assert_eq!(s.items[0].children[0].children[0].serves, vec!["g3"]);
        assert!(!s.toggle_serves("r1", "u1"));
    }
}

/// An item kind that can be found by place (fast, through an [`Index`]) and
/// edited by id.
pub trait Located: Sized {
    /// The item at a place.
    fn at<'a>(s: &'a Strategy, place: &Place) -> Option<&'a Self>;
    /// The item with `id`, to edit.
    fn by_id_mut<'a>(s: &'a mut Strategy, id: &str) -> Option<&'a mut Self>;
}

impl Located for Node {
    fn at<'a>(s: &'a Strategy, place: &Place) -> Option<&'a Self> {
        s.node_at(place)
    }
    fn by_id_mut<'a>(s: &'a mut Strategy, id: &str) -> Option<&'a mut Self> {
        s.node_mut(id)
    }
}

impl Located for Indicator {
    fn at<'a>(s: &'a Strategy, place: &Place) -> Option<&'a Self> {
        s.indicator_at(place)
    }
    fn by_id_mut<'a>(s: &'a mut Strategy, id: &str) -> Option<&'a mut Self> {
        s.indicator_mut(id)
    }
}

/// An item of one of the strategy's flat lists (values, target groups, policy
/// documents, SWOT, risks, units).
pub trait Listed: Sized {
    /// Prefix of new ids.
    const PREFIX: &'static str;
    fn list(s: &Strategy) -> &Vec<Self>;
    fn list_mut(s: &mut Strategy) -> &mut Vec<Self>;
    fn id(&self) -> &str;
    /// A new empty item with `id`.
    fn with_id(id: Id) -> Self;
    /// The item as one of any flat list's.
    fn into_listed(self) -> crate::change::ListedItem;
}

macro_rules! listed {
    ($t:ident, $variant:ident, $field:ident, $prefix:literal) => {
        impl Listed for $t {
            const PREFIX: &'static str = $prefix;
            fn list(s: &Strategy) -> &Vec<Self> {
                &s.$field
            }
            fn list_mut(s: &mut Strategy) -> &mut Vec<Self> {
                &mut s.$field
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn with_id(id: Id) -> Self {
                $t { id, ..Default::default() }
            }
            fn into_listed(self) -> crate::change::ListedItem {
                crate::change::ListedItem::$variant(self)
            }
        }
    };
}

listed!(Value, Value, values, "v");
listed!(TargetGroup, TargetGroup, target_groups, "tg");
listed!(PolicyDocument, PolicyDocument, policy_documents, "pd");
listed!(SwotItem, Swot, swot, "sw");
listed!(Risk, Risk, risks, "rk");
listed!(Unit, Unit, units, "u");
listed!(Abbreviation, Abbreviation, glossary, "ab");
listed!(Reference, Reference, references, "rf");
listed!(Evaluation, Evaluation, evaluations, "ev");

impl Strategy {
    /// The change that adds an empty item, with a fresh id, to a flat list.
    pub fn new_listed<T: Listed>(&self) -> crate::change::Change {
        crate::change::Change::AddListed(Box::new(T::with_id(self.fresh_id(T::PREFIX)).into_listed()))
    }

    /// Adds an empty item to a flat list; returns its id.
    pub fn add_listed<T: Listed>(&mut self) -> Id {
        let id = self.fresh_id(T::PREFIX);
        T::list_mut(self).push(T::with_id(id.clone()));
        id
    }
}

// Evaluation: the edits of one evaluation record. Rule: a matrix cell is one
// link, present once or absent; a goal has at most one relevance entry; each
// edit changes only the record's own fields, so it undoes as one field edit.

/// The mission criteria a new evaluation starts with, in Latvian and English
/// (the annual report's terms).
pub const MISSION_CRITERIA: [(&str, &str); 4] =
    [("oriģināla", "original"), ("fundamentāla", "fundamental"), ("uzrunājoša", "appealing"), ("neaizmirstama", "memorable")];

/// The vision criteria a new evaluation starts with, in Latvian and English.
pub const VISION_CRITERIA: [(&str, &str); 4] =
    [("nākotnē vērsta", "future-oriented"), ("norādoša", "directive"), ("ambicioza", "ambitious"), ("aprakstoša", "descriptive")];

impl Evaluation {
    /// A new record for `year` with the eight criteria named, unmet, in the
    /// content language (Latvian for `lv`, English otherwise).
    pub fn seeded(id: Id, year: i32, kind: EvaluationKind, language: ContentLanguage) -> Evaluation {
        let named = |names: &[(&str, &str)]| {
            names
                .iter()
                .map(|(lv, en)| Criterion { name: if language == ContentLanguage::Lv { lv } else { en }.to_string(), ..Default::default() })
                .collect()
        };
        Evaluation { id, year, kind, mission_criteria: named(&MISSION_CRITERIA), vision_criteria: named(&VISION_CRITERIA), ..Default::default() }
    }

    /// The matrix `which` of this record.
    pub fn matrix(&self, which: MatrixKind) -> &Vec<Link> {
        match which {
            MatrixKind::ValuesPriorities => &self.values_priorities,
            MatrixKind::ValuesGoals => &self.values_goals,
            MatrixKind::Coherence => &self.coherence,
        }
    }

    fn matrix_mut(&mut self, which: MatrixKind) -> &mut Vec<Link> {
        match which {
            MatrixKind::ValuesPriorities => &mut self.values_priorities,
            MatrixKind::ValuesGoals => &mut self.values_goals,
            MatrixKind::Coherence => &mut self.coherence,
        }
    }

    /// Whether the cell `from` × `to` of the matrix `which` is marked.
    pub fn is_linked(&self, which: MatrixKind, from: &str, to: &str) -> bool {
        self.matrix(which).iter().any(|l| l.from_id == from && l.to_id == to)
    }

    /// Marks the cell `from` × `to` of the matrix `which`, or clears it when marked.
    pub fn toggle_link(&mut self, which: MatrixKind, from: &str, to: &str) {
        crate::evaluation::toggle_link(self.matrix_mut(which), from, to);
    }

    /// Marks every cell of `links` in the matrix `which` that is not yet
    /// marked; returns how many were added.
    pub fn accept_links(&mut self, which: MatrixKind, links: &[Link]) -> usize {
        let mut added = 0;
        for l in links {
            if !self.is_linked(which, &l.from_id, &l.to_id) {
                self.matrix_mut(which).push(l.clone());
                added += 1;
            }
        }
        added
    }

    /// The relevance entry of the goal `goal_id`, if assessed.
    pub fn relevance_of(&self, goal_id: &str) -> Option<&Relevance> {
        self.relevance.iter().find(|r| r.goal_id == goal_id)
    }

    /// The relevance entry of the goal `goal_id`, made (green, no reasoning) when missing.
    fn relevance_entry(&mut self, goal_id: &str) -> &mut Relevance {
        let i = match self.relevance.iter().position(|r| r.goal_id == goal_id) {
            Some(i) => i,
            None => {
                self.relevance.push(Relevance { goal_id: goal_id.into(), ..Default::default() });
                self.relevance.len() - 1
            }
        };
        &mut self.relevance[i]
    }

    /// Sets the traffic light of the goal `goal_id`.
    pub fn set_light(&mut self, goal_id: &str, light: TrafficLight) {
        self.relevance_entry(goal_id).light = light;
    }

    /// Sets the reasoning of the goal `goal_id`'s relevance.
    pub fn set_relevance_reasoning(&mut self, goal_id: &str, reasoning: String) {
        self.relevance_entry(goal_id).reasoning = reasoning;
    }
}

/// One of an evaluation's matrices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixKind {
    /// Values (rows) × priorities (columns).
    ValuesPriorities,
    /// Values (rows) × goals (columns).
    ValuesGoals,
    /// Goals (rows) × policy documents (columns).
    Coherence,
}

impl Strategy {
    /// The change that adds an evaluation record for `year` (see [`Evaluation::seeded`]).
    pub fn new_evaluation(&self, year: i32, kind: EvaluationKind) -> crate::change::Change {
        let id = self.fresh_id(Evaluation::PREFIX);
        crate::change::Change::AddListed(Box::new(crate::change::ListedItem::Evaluation(Evaluation::seeded(id, year, kind, self.content_language))))
    }

    /// The evaluation record with `id`, to edit.
    pub fn evaluation_mut(&mut self, id: &str) -> Option<&mut Evaluation> {
        self.evaluations.iter_mut().find(|e| e.id == id)
    }
}

impl Evaluation {
    /// Moves the recommendation at `i` up (`delta < 0`) or down; false when it cannot.
    pub fn move_recommendation(&mut self, i: usize, delta: isize) -> bool {
        let Some(to) = i.checked_add_signed(delta).filter(|to| *to < self.recommendations.len()) else { return false };
        if i >= self.recommendations.len() {
            return false;
        }
        let item = self.recommendations.remove(i);
        self.recommendations.insert(to, item);
        true
    }

    /// Adds an empty figure to the values survey; returns its id (unique in the record).
    pub fn add_survey_figure(&mut self) -> Id {
        let id = (1..).map(|n| format!("vs{n}")).find(|id| self.values_survey.iter().all(|f| &f.id != id)).expect("ids are unbounded");
        self.values_survey.push(SurveyFigure { id: id.clone(), ..Default::default() });
        id
    }

    /// The survey figure `id`, to edit.
    pub fn survey_figure_mut(&mut self, id: &str) -> Option<&mut SurveyFigure> {
        self.values_survey.iter_mut().find(|f| f.id == id)
    }
}

#[cfg(test)]
mod evaluation_tests {
    use super::*;
    use crate::change::Change;

    fn example() -> Strategy {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/examples/lm-strategy-2020-2023.json")).unwrap();
        crate::format::import(&text).unwrap().strategy
    }

    #[test]
    fn a_new_record_names_the_eight_criteria_in_the_content_language_and_undoes() {
        let mut s = example();
        let add = s.new_evaluation(2022, EvaluationKind::Annual);
        let undo = s.apply(add).unwrap();
        let e = s.evaluations.last().unwrap();
        assert_eq!((e.id.as_str(), e.year, e.kind), ("ev1", 2022, EvaluationKind::Annual));
        assert_eq!(e.mission_criteria.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["oriģināla", "fundamentāla", "uzrunājoša", "neaizmirstama"]);
        assert_eq!(e.vision_criteria[0].name, "nākotnē vērsta");
        assert!(e.mission_criteria.iter().all(|c| !c.met));
        s.apply(undo).unwrap();
        assert_eq!(s, example());
        s.content_language = ContentLanguage::En;
        let Change::AddListed(item) = s.new_evaluation(2022, EvaluationKind::Final) else { panic!() };
        let crate::change::ListedItem::Evaluation(e) = *item else { panic!() };
        assert_eq!(e.vision_criteria.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["future-oriented", "directive", "ambitious", "descriptive"]);
    }

    #[test]
    fn a_matrix_cell_toggles_once_and_suggestions_are_accepted_once() {
        let mut s = example();
        let e = s.evaluation_mut("ev2023").unwrap();
        assert!(e.is_linked(MatrixKind::ValuesPriorities, "v1", "p2"));
        e.toggle_link(MatrixKind::ValuesPriorities, "v1", "p1");
        assert!(e.is_linked(MatrixKind::ValuesPriorities, "v1", "p1"));
        e.toggle_link(MatrixKind::ValuesPriorities, "v1", "p1");
        assert!(!e.is_linked(MatrixKind::ValuesPriorities, "v1", "p1"));
        e.coherence.clear();
        let suggested = crate::evaluation::coherence_suggestions(&example(), &Evaluation::default());
        assert!(!suggested.is_empty(), "the example's goals name policy documents");
        let e = s.evaluation_mut("ev2023").unwrap();
        assert_eq!(e.accept_links(MatrixKind::Coherence, &suggested), suggested.len());
        assert_eq!(e.accept_links(MatrixKind::Coherence, &suggested), 0, "already marked");
        assert_eq!(e.coherence.len(), suggested.len());
    }

    #[test]
    fn recommendations_reorder_and_survey_figures_get_ids_of_their_own() {
        let mut e = Evaluation { recommendations: vec!["a".into(), "b".into(), "c".into()], ..Default::default() };
        assert!(e.move_recommendation(2, -1));
        assert_eq!(e.recommendations, ["a", "c", "b"]);
        assert!(!e.move_recommendation(0, -1) && !e.move_recommendation(2, 1) && !e.move_recommendation(7, -1));
        assert_eq!((e.add_survey_figure(), e.add_survey_figure()), ("vs1".to_string(), "vs2".to_string()));
        e.values_survey.remove(0);
        assert_eq!(e.add_survey_figure(), "vs1");
        e.survey_figure_mut("vs2").unwrap().label = "informēti".into();
        assert_eq!(e.values_survey[0].label, "informēti");
    }

    #[test]
    fn a_goal_has_one_relevance_entry() {
        let mut s = example();
        let e = s.evaluation_mut("ev2023").unwrap();
        let before = e.relevance.len();
        e.set_light("g4", TrafficLight::Orange);
        e.set_relevance_reasoning("g4", "Daļēji.".into());
        e.relevance.retain(|r| r.goal_id != "g9");
        e.set_light("g9", TrafficLight::Red);
        assert_eq!(e.relevance.len(), before);
        assert_eq!(e.relevance_of("g4").map(|r| (r.light, r.reasoning.as_str())), Some((TrafficLight::Orange, "Daļēji.")));
        assert_eq!(e.relevance_of("g9").map(|r| r.light), Some(TrafficLight::Red));
    }
}
