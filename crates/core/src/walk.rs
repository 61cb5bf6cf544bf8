//! Visiting the items of a strategy and its links, with their place in the
//! tree and their JSON path. The tree has any depth: every function here
//! recurses through [`Node::children`] and never assumes a number of levels.
//!
//! A node's place is a [`NodeAt`]: the child positions from the top-level
//! items (`items[0].children[2]` is `[0, 2]`), or from the overarching goal
//! (`overarching_goal.children[1]` is `[1]` under it). The empty position
//! among the items is the strategy itself, whose children are the items.

use std::collections::HashMap;

use crate::model::{Id, Indicator, Level, Link, Node, Relevance, Strategy};

/// Where a node is: the positions of its ancestors' and its own place among
/// their siblings, from the top-level items or from the overarching goal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeAt {
    /// Under the overarching goal rather than among the top-level items.
    pub overarching: bool,
    /// Child positions, top first. Empty: the strategy root (whose children
    /// are the items) or, with `overarching`, the overarching goal itself.
    pub steps: Vec<usize>,
}

impl NodeAt {
    /// The strategy root: its children are the top-level items.
    pub fn root() -> Self {
        NodeAt::default()
    }

    /// The overarching goal.
    pub fn overarching() -> Self {
        NodeAt { overarching: true, steps: Vec::new() }
    }

    /// Whether this is the strategy root (not a node).
    pub fn is_root(&self) -> bool {
        !self.overarching && self.steps.is_empty()
    }

    /// The `i`-th child of this place.
    pub fn child(&self, i: usize) -> Self {
        let mut steps = self.steps.clone();
        steps.push(i);
        NodeAt { overarching: self.overarching, steps }
    }

    /// The place of the parent (the root or the overarching goal for a top
    /// node); `None` for the root and the overarching goal.
    pub fn parent(&self) -> Option<Self> {
        let (_, up) = self.steps.split_last()?;
        Some(NodeAt { overarching: self.overarching, steps: up.to_vec() })
    }

    /// Position among the siblings (`None` for the root and the overarching goal).
    pub fn index(&self) -> Option<usize> {
        self.steps.last().copied()
    }

    /// How many nodes lie above this one (0 for a top-level item).
    pub fn depth(&self) -> usize {
        self.steps.len().saturating_sub(1) + usize::from(self.overarching)
    }

    /// Whether `self` is `other` or lies under it.
    pub fn is_within(&self, other: &NodeAt) -> bool {
        self.overarching == other.overarching && self.steps.starts_with(&other.steps) && !other.is_root()
    }

    /// JSON path of the node (`""` for the root), e.g. `items[0].children[2]`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for (n, i) in self.steps.iter().enumerate() {
            if n == 0 && !self.overarching {
                out.push_str(&format!("items[{i}]"));
            } else {
                out.push_str(&format!(".children[{i}]"));
            }
        }
        if self.overarching {
            format!("overarching_goal{out}")
        } else {
            out
        }
    }

    /// JSON path of this place's list of children (`items` for the root).
    pub fn children_path(&self) -> String {
        if self.is_root() {
            "items".into()
        } else {
            format!("{}.children", self.path())
        }
    }
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Strategy,
    Value,
    /// An item of the tree, at any level (the overarching goal too).
    Node,
    Indicator,
    TargetGroup,
    PolicyDocument,
    Swot,
    Risk,
    Table,
    Unit,
    Evaluation,
    Abbreviation,
    Reference,
}

/// One of the strategy's flat lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flat {
    Values,
    TargetGroups,
    PolicyDocuments,
    Swot,
    Risks,
    Tables,
    Units,
    Evaluations,
    Glossary,
    References,
}

impl Flat {
    /// Every flat list, in file order (values first: they come before the tree).
    pub const ALL: [Flat; 10] = [
        Flat::Values,
        Flat::TargetGroups,
        Flat::PolicyDocuments,
        Flat::Swot,
        Flat::Risks,
        Flat::Tables,
        Flat::Units,
        Flat::Evaluations,
        Flat::Glossary,
        Flat::References,
    ];

    /// JSON path of the list.
    pub fn path(self) -> &'static str {
        match self {
            Flat::Values => "values",
            Flat::TargetGroups => "target_groups",
            Flat::PolicyDocuments => "policy_documents",
            Flat::Swot => "swot",
            Flat::Risks => "risks",
            Flat::Tables => "resources.tables",
            Flat::Units => "units",
            Flat::Evaluations => "evaluations",
            Flat::Glossary => "glossary",
            Flat::References => "references",
        }
    }

    /// The kind of the items in the list.
    pub fn kind(self) -> ItemKind {
        match self {
            Flat::Values => ItemKind::Value,
            Flat::TargetGroups => ItemKind::TargetGroup,
            Flat::PolicyDocuments => ItemKind::PolicyDocument,
            Flat::Swot => ItemKind::Swot,
            Flat::Risks => ItemKind::Risk,
            Flat::Tables => ItemKind::Table,
            Flat::Units => ItemKind::Unit,
            Flat::Evaluations => ItemKind::Evaluation,
            Flat::Glossary => ItemKind::Abbreviation,
            Flat::References => ItemKind::Reference,
        }
    }
}

/// Where an item with an id is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// The strategy itself.
    Strategy,
    /// A node of the tree (the overarching goal too).
    Node(NodeAt),
    /// The `usize`-th indicator of the node at `NodeAt`.
    Indicator(NodeAt, usize),
    /// The `usize`-th item of a flat list.
    Listed(Flat, usize),
}

impl Place {
    /// JSON path of the item (`""` for the strategy itself).
    pub fn path(&self) -> String {
        match self {
            Place::Strategy => String::new(),
            Place::Node(at) => at.path(),
            Place::Indicator(at, i) => format!("{}.indicators[{i}]", at.path()),
            Place::Listed(list, i) => format!("{}[{i}]", list.path()),
        }
    }

    /// The kind of the item.
    pub fn kind(&self) -> ItemKind {
        match self {
            Place::Strategy => ItemKind::Strategy,
            Place::Node(_) => ItemKind::Node,
            Place::Indicator(..) => ItemKind::Indicator,
            Place::Listed(list, _) => list.kind(),
        }
    }
}

/// A node with its place, its ancestors (top first, the overarching goal
/// first for its own subtree) and the index of its level.
#[derive(Debug, Clone)]
pub struct NodeRef<'a> {
    pub node: &'a Node,
    pub at: NodeAt,
    pub ancestors: Vec<&'a Node>,
    /// Index into [`Strategy::levels`]; `None` for the overarching goal or an undeclared level.
    pub level: Option<usize>,
}

impl NodeRef<'_> {
    /// JSON path of the node.
    pub fn path(&self) -> String {
        self.at.path()
    }
}

/// An indicator with the node it hangs on, that node's ancestors and its JSON path.
#[derive(Debug, Clone)]
pub struct IndicatorRef<'a> {
    /// The node the indicator hangs on.
    pub owner: &'a Node,
    pub owner_at: NodeAt,
    /// The owner's ancestors, top first (the owner not included).
    pub ancestors: Vec<&'a Node>,
    pub indicator: &'a Indicator,
    /// e.g. `items[0].children[1].indicators[2]`.
    pub path: String,
}

impl<'a> IndicatorRef<'a> {
    /// The owner and its ancestors, top first.
    pub fn chain(&self) -> impl Iterator<Item = &'a Node> + '_ {
        self.ancestors.iter().copied().chain(std::iter::once(self.owner))
    }
}

impl Strategy {
    /// The index of the level with `key` in [`Strategy::levels`].
    pub fn level_index(&self, key: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.key == key)
    }

    /// The level of a node (`None` for the overarching goal or an undeclared key).
    pub fn level_of(&self, node: &Node) -> Option<&Level> {
        self.levels.iter().find(|l| l.key == node.level)
    }

    /// The node at a place (`None` for the root).
    pub fn node(&self, at: &NodeAt) -> Option<&Node> {
        let mut steps = at.steps.iter();
        let mut node = if at.overarching {
            self.overarching_goal.as_ref()?
        } else {
            self.items.get(*steps.next()?)?
        };
        for i in steps {
            node = node.children.get(*i)?;
        }
        Some(node)
    }

    /// The node at a place, to change it.
    pub fn node_at_mut(&mut self, at: &NodeAt) -> Option<&mut Node> {
        let mut steps = at.steps.iter();
        let mut node = if at.overarching {
            self.overarching_goal.as_mut()?
        } else {
            self.items.get_mut(*steps.next()?)?
        };
        for i in steps {
            node = node.children.get_mut(*i)?;
        }
        Some(node)
    }

    /// The children of a place: the top-level items for the root.
    pub fn children(&self, at: &NodeAt) -> Option<&Vec<Node>> {
        if at.is_root() {
            Some(&self.items)
        } else {
            self.node(at).map(|n| &n.children)
        }
    }

    /// The children of a place, to change them.
    pub fn children_mut(&mut self, at: &NodeAt) -> Option<&mut Vec<Node>> {
        if at.is_root() {
            Some(&mut self.items)
        } else {
            self.node_at_mut(at).map(|n| &mut n.children)
        }
    }

    /// Every node in document order: the overarching goal and its subtree,
    /// then each top-level item followed by its subtree (depth first).
    pub fn nodes(&self) -> Vec<NodeRef<'_>> {
        fn visit<'a>(s: &'a Strategy, node: &'a Node, at: NodeAt, ancestors: &mut Vec<&'a Node>, out: &mut Vec<NodeRef<'a>>) {
            out.push(NodeRef { node, at: at.clone(), ancestors: ancestors.clone(), level: s.level_index(&node.level) });
            ancestors.push(node);
            for (i, child) in node.children.iter().enumerate() {
                visit(s, child, at.child(i), ancestors, out);
            }
            ancestors.pop();
        }
        let mut out = Vec::new();
        if let Some(og) = &self.overarching_goal {
            let mut r = NodeRef { node: og, at: NodeAt::overarching(), ancestors: vec![], level: None };
            r.level = None;
            out.push(r);
            let mut ancestors = vec![og];
            for (i, child) in og.children.iter().enumerate() {
                visit(self, child, NodeAt::overarching().child(i), &mut ancestors, &mut out);
            }
        }
        for (i, item) in self.items.iter().enumerate() {
            visit(self, item, NodeAt::root().child(i), &mut Vec::new(), &mut out);
        }
        out
    }

    /// The nodes of the level with index `level`, in document order.
    pub fn nodes_at_level(&self, level: usize) -> Vec<NodeRef<'_>> {
        self.nodes().into_iter().filter(|n| n.level == Some(level)).collect()
    }

    /// Every indicator in document order, wherever it hangs.
    pub fn indicator_refs(&self) -> Vec<IndicatorRef<'_>> {
        let mut out = Vec::new();
        for n in self.nodes() {
            for (i, indicator) in n.node.indicators.iter().enumerate() {
                out.push(IndicatorRef {
                    owner: n.node,
                    owner_at: n.at.clone(),
                    ancestors: n.ancestors.clone(),
                    indicator,
                    path: format!("{}.indicators[{i}]", n.at.path()),
                });
            }
        }
        out
    }

    /// The ids of the items of a flat list, in order.
    pub fn ids_in(&self, list: Flat) -> Vec<&str> {
        fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
            items.iter().map(id).collect()
        }
        match list {
            Flat::Values => ids(&self.values, |x| &x.id),
            Flat::TargetGroups => ids(&self.target_groups, |x| &x.id),
            Flat::PolicyDocuments => ids(&self.policy_documents, |x| &x.id),
            Flat::Swot => ids(&self.swot, |x| &x.id),
            Flat::Risks => ids(&self.risks, |x| &x.id),
            Flat::Tables => ids(&self.resources.tables, |x| &x.id),
            Flat::Units => ids(&self.units, |x| &x.id),
            Flat::Evaluations => ids(&self.evaluations, |x| &x.id),
            Flat::Glossary => ids(&self.glossary, |x| &x.id),
            Flat::References => ids(&self.references, |x| &x.id),
        }
    }

    /// Every id in the strategy with where it is held, in document order:
    /// the strategy's own, the values, every node followed by its
    /// indicators, then the other flat lists.
    pub fn every_id(&self) -> Vec<(&str, Place)> {
        fn flat<'a>(s: &'a Strategy, out: &mut Vec<(&'a str, Place)>, list: Flat) {
            out.extend(s.ids_in(list).into_iter().enumerate().map(|(i, id)| (id, Place::Listed(list, i))));
        }
        let mut out = vec![(self.id.as_str(), Place::Strategy)];
        flat(self, &mut out, Flat::Values);
        for n in self.nodes() {
            out.push((n.node.id.as_str(), Place::Node(n.at.clone())));
            for (i, ind) in n.node.indicators.iter().enumerate() {
                out.push((ind.id.as_str(), Place::Indicator(n.at.clone(), i)));
            }
        }
        for list in &Flat::ALL[1..] {
            flat(self, &mut out, *list);
        }
        out
    }

    /// Where the item with `id` is (a linear search: use [`Index`] in loops).
    pub fn locate(&self, id: &str) -> Option<Place> {
        self.every_id().into_iter().find(|(x, _)| *x == id).map(|(_, place)| place)
    }

    /// The indicator at a place.
    pub fn indicator_at(&self, place: &Place) -> Option<&Indicator> {
        match place {
            Place::Indicator(at, i) => self.node(at)?.indicators.get(*i),
            _ => None,
        }
    }

    /// The node at a place.
    pub fn node_at(&self, place: &Place) -> Option<&Node> {
        match place {
            Place::Node(at) => self.node(at),
            _ => None,
        }
    }
}

/// One id in a link field: where it is and what it may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSite {
    /// JSON path of the id, e.g. `items[0].children[1].serves[1]`.
    pub path: String,
    /// The kinds of item the id may name; any kind when empty.
    pub kinds: &'static [ItemKind],
}

/// Calls `$f(id, LinkSite)` for every id in the list `$ids` (iterated with `$iter`).
macro_rules! link_list {
    ($f:ident, $iter:ident, $ids:expr, $path:expr, $kinds:expr) => {{
        let path = $path;
        for (i, id) in $ids.$iter().enumerate() {
            $f(id, LinkSite { path: format!("{path}[{i}]"), kinds: $kinds });
        }
    }};
}

/// The two ends of every matrix cell in `$list`, from one of `$from` to one of `$to`.
macro_rules! matrix_links {
    ($f:ident, $iter:ident, $list:expr, $path:expr, $from:expr, $to:expr) => {{
        let path = $path;
        for (i, link) in $list.$iter().enumerate() {
            let Link { from_id, to_id } = link;
            $f(from_id, LinkSite { path: format!("{path}[{i}].from_id"), kinds: $from });
            $f(to_id, LinkSite { path: format!("{path}[{i}].to_id"), kinds: $to });
        }
    }};
}

/// The one walk over every link field of a strategy, in document order, shared
/// by [`Strategy::for_each_link`] (`iter`, `&`) and [`Strategy::for_each_link_mut`]
/// (`iter_mut`, `&mut`). A new link field in the model belongs here, and only here.
macro_rules! walk_links {
    ($name:ident, $iter:ident, $($mut_:tt)?) => {
        fn $name(node: & $($mut_)? Node, path: &str, f: &mut dyn FnMut(& $($mut_)? Id, LinkSite)) {
            let f = &mut *f;
            link_list!(f, $iter, node.serves, format!("{path}.serves"), &[ItemKind::Node]);
            link_list!(f, $iter, node.policy_document_ids, format!("{path}.policy_document_ids"), &[ItemKind::PolicyDocument]);
            link_list!(f, $iter, node.swot_ids, format!("{path}.swot_ids"), &[ItemKind::Swot]);
            link_list!(f, $iter, node.target_group_ids, format!("{path}.target_group_ids"), &[ItemKind::TargetGroup]);
            link_list!(f, $iter, node.responsible_unit_ids, format!("{path}.responsible_unit_ids"), &[ItemKind::Unit]);
            for (i, ind) in node.indicators.$iter().enumerate() {
                link_list!(f, $iter, ind.responsible_unit_ids, format!("{path}.indicators[{i}].responsible_unit_ids"), &[ItemKind::Unit]);
            }
            for (i, child) in node.children.$iter().enumerate() {
                $name(child, &format!("{path}.children[{i}]"), f);
            }
        }
    };
}

walk_links!(node_links, iter,);
walk_links!(node_links_mut, iter_mut, mut);

/// The links outside the tree: SWOT items and evaluation matrices.
macro_rules! other_links {
    ($s:expr, $f:ident, $iter:ident) => {{
        let s = $s;
        for (i, item) in s.swot.$iter().enumerate() {
            link_list!($f, $iter, item.linked_ids, format!("swot[{i}].linked_ids"), &[]);
        }
        for (ei, e) in s.evaluations.$iter().enumerate() {
            let ep = format!("evaluations[{ei}]");
            matrix_links!($f, $iter, e.values_priorities, format!("{ep}.values_priorities"), &[ItemKind::Value], &[ItemKind::Node]);
            matrix_links!($f, $iter, e.values_goals, format!("{ep}.values_goals"), &[ItemKind::Value], &[ItemKind::Node]);
            for (ri, r) in e.relevance.$iter().enumerate() {
                let Relevance { goal_id, .. } = r;
                $f(goal_id, LinkSite { path: format!("{ep}.relevance[{ri}].goal_id"), kinds: &[ItemKind::Node] });
            }
            matrix_links!($f, $iter, e.coherence, format!("{ep}.coherence"), &[ItemKind::Node], &[ItemKind::PolicyDocument]);
        }
    }};
}

impl Strategy {
    /// Calls `f` with every id held in a link field (an id naming another
    /// item), in document order.
    pub fn for_each_link(&self, mut f: impl FnMut(&Id, LinkSite)) {
        if let Some(og) = &self.overarching_goal {
            node_links(og, "overarching_goal", &mut f);
        }
        for (i, item) in self.items.iter().enumerate() {
            node_links(item, &format!("items[{i}]"), &mut f);
        }
        other_links!(self, f, iter)
    }

    /// [`Strategy::for_each_link`], letting `f` change the ids.
    pub fn for_each_link_mut(&mut self, mut f: impl FnMut(&mut Id, LinkSite)) {
        if let Some(og) = &mut self.overarching_goal {
            node_links_mut(og, "overarching_goal", &mut f);
        }
        for (i, item) in self.items.iter_mut().enumerate() {
            node_links_mut(item, &format!("items[{i}]"), &mut f);
        }
        other_links!(self, f, iter_mut)
    }
}

/// Where every item is, by id: built once per change so lookups are O(1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index(HashMap<String, Place>);

impl Index {
    /// The index of `s`.
    pub fn of(s: &Strategy) -> Self {
        Index(s.every_id().into_iter().map(|(id, place)| (id.to_string(), place)).collect())
    }

    /// Where the item with `id` is.
    pub fn locate(&self, id: &str) -> Option<&Place> {
        self.0.get(id)
    }

    /// The place of the node with `id`.
    pub fn node(&self, id: &str) -> Option<&NodeAt> {
        match self.0.get(id)? {
            Place::Node(at) => Some(at),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, level: &str, children: Vec<Node>) -> Node {
        Node { id: id.into(), level: level.into(), children, ..Node::default() }
    }

    fn deep() -> Strategy {
        let mut s = Strategy {
            items: vec![node("p1", "priority", vec![node("g1", "goal", vec![node("r1", "result", vec![])])]), node("p2", "priority", vec![])],
            ..Strategy::default()
        };
        s.items[0].children[0].children[0].indicators.push(Indicator { id: "i1".into(), ..Default::default() });
        s.overarching_goal = Some(Node { id: "og".into(), children: vec![node("t0", "goal", vec![])], ..Node::default() });
        s
    }

    #[test]
    fn places_and_paths_at_any_depth() {
        let s = deep();
        let ix = Index::of(&s);
        let r1 = ix.node("r1").unwrap();
        assert_eq!(r1.path(), "items[0].children[0].children[0]");
        assert_eq!(r1.depth(), 2);
        assert_eq!(r1.parent().unwrap().path(), "items[0].children[0]");
        assert_eq!(ix.node("t0").unwrap().path(), "overarching_goal.children[0]");
        assert_eq!(ix.node("og").unwrap(), &NodeAt::overarching());
        assert_eq!(ix.locate("i1").unwrap().path(), "items[0].children[0].children[0].indicators[0]");
        assert_eq!(s.node(r1).unwrap().id, "r1");
        assert!(r1.is_within(ix.node("p1").unwrap()));
        assert!(!r1.is_within(ix.node("p2").unwrap()));
        let order: Vec<&str> = s.nodes().iter().map(|n| n.node.id.as_str()).collect();
        assert_eq!(order, ["og", "t0", "p1", "g1", "r1", "p2"]);
        let refs = s.indicator_refs();
        assert_eq!(refs[0].chain().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["p1", "g1", "r1"]);
        assert_eq!(s.nodes_at_level(1).len(), 2, "g1 and the overarching goal's child t0");
    }
}
