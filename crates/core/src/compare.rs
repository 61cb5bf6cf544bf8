//! Comparing two versions of a strategy item by item, matched by id: which
//! items were added, which removed, and which of their own fields changed,
//! each as a [`Change`] with the item's JSON path and the texts before and
//! after. The rule: an item is the same item when its id is the same, wherever
//! it moved (a moved node shows as a change of its `parent`); the strategy
//! itself is always the same item, even when its id differs (a snapshot
//! restored as a new strategy). Numbers are compared as displayed (derived
//! by the level's rule unless fixed), so renumbering shows. Lists of texts
//! (a target group's needs, a SWOT item's points) compare as one text.
//!
//! The result is in document order of the newer version, with the removed
//! items after the items of their kind; nothing here depends on the UI.

use std::collections::HashMap;

use crate::model::*;
use crate::numbering;
use crate::walk::{Flat, ItemKind, Place};

/// What happened to an item or one of its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The item is only in the newer version.
    Added,
    /// The item is only in the older version.
    Removed,
    /// The item is in both and this field differs.
    Changed,
}

/// One difference between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    /// What the item is.
    pub item: ItemKind,
    /// The item's id (empty for the strategy itself).
    pub id: Id,
    /// JSON path of the item, with the field for a change (`items[0].children[1].title`),
    /// in the newer version (in the older one for a removed item).
    pub path: String,
    /// The field that changed (`title`, `target 2025`); empty for an added or removed item.
    pub field: String,
    /// The item as a reader knows it: number and title, a value's name…
    pub label: String,
    /// The field's text before (the item's label for a removed item; empty for an added one).
    pub before: String,
    /// The field's text after (the item's label for an added item; empty for a removed one).
    pub after: String,
}

/// How many items were added and removed, and how many fields changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Counts {
    /// The counts of a list of changes.
    pub fn of(changes: &[Change]) -> Self {
        let mut c = Counts::default();
        for ch in changes {
            match ch.kind {
                Kind::Added => c.added += 1,
                Kind::Removed => c.removed += 1,
                Kind::Changed => c.changed += 1,
            }
        }
        c
    }
}

/// Every difference from `before` to `after`, in the newer version's document order.
pub fn compare(before: &Strategy, after: &Strategy) -> Vec<Change> {
    let old = entries(before);
    let new = entries(after);
    let old_at: HashMap<(ItemKind, &str), &Entry> = index(&old);
    let new_at: HashMap<(ItemKind, &str), &Entry> = index(&new);
    let mut out = Vec::new();
    let mut kinds: Vec<ItemKind> = Vec::new();
    for e in new.iter().chain(old.iter()) {
        if !kinds.contains(&e.item) {
            kinds.push(e.item);
        }
    }
    for kind in kinds {
        for e in new.iter().filter(|e| e.item == kind) {
            let key = (e.item, e.id.as_str());
            if !std::ptr::eq(e, new_at[&key]) {
                continue; // a repeated id (validation reports it): the first one is compared
            }
            let Some(o) = old_at.get(&key) else {
                out.push(Change {
                    kind: Kind::Added,
                    item: e.item,
                    id: e.id.clone(),
                    path: e.path.clone(),
                    field: String::new(),
                    label: e.label.clone(),
                    before: String::new(),
                    after: e.label.clone(),
                });
                continue;
            };
            for (field, after) in &e.fields {
                let before = o.fields.iter().find(|(f, _)| f == field).map(|(_, v)| v.as_str()).unwrap_or("");
                if before != after {
                    out.push(changed(e, field, before, after));
                }
            }
            for (field, before) in &o.fields {
                if !e.fields.iter().any(|(f, _)| f == field) && !before.is_empty() {
                    out.push(changed(e, field, before, ""));
                }
            }
        }
        for o in old.iter().filter(|o| o.item == kind) {
            if !new_at.contains_key(&(o.item, o.id.as_str())) && std::ptr::eq(o, old_at[&(o.item, o.id.as_str())]) {
                out.push(Change {
                    kind: Kind::Removed,
                    item: o.item,
                    id: o.id.clone(),
                    path: o.path.clone(),
                    field: String::new(),
                    label: o.label.clone(),
                    before: o.label.clone(),
                    after: String::new(),
                });
            }
        }
    }
    out
}

fn changed(e: &Entry, field: &str, before: &str, after: &str) -> Change {
    let sep = if e.path.is_empty() { "" } else { "." };
    Change {
        kind: Kind::Changed,
        item: e.item,
        id: e.id.clone(),
        path: format!("{}{sep}{}", e.path, field.replace(' ', ".")),
        field: field.into(),
        label: e.label.clone(),
        before: before.into(),
        after: after.into(),
    }
}

/// One item as compared: its identity, where it is, and its own fields as texts.
struct Entry {
    item: ItemKind,
    id: Id,
    path: String,
    label: String,
    fields: Vec<(String, String)>,
}

fn index(entries: &[Entry]) -> HashMap<(ItemKind, &str), &Entry> {
    let mut map = HashMap::new();
    for e in entries {
        map.entry((e.item, e.id.as_str())).or_insert(e);
    }
    map
}

/// A serde enum's name as written in the file (`"weakness"`).
fn word<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn fields(pairs: &[(&str, String)]) -> Vec<(String, String)> {
    pairs.iter().map(|(f, v)| ((*f).to_string(), v.clone())).collect()
}

fn entries(s: &Strategy) -> Vec<Entry> {
    let numbers = numbering::numbers(s);
    let mut out = vec![Entry {
        item: ItemKind::Strategy,
        id: String::new(),
        path: String::new(),
        label: s.title.clone(),
        fields: fields(&[
            ("title", s.title.clone()),
            ("institution", s.institution.name.clone()),
            ("period", format!("{}–{}", s.period.start_year, s.period.end_year)),
            ("foreword", s.foreword.text.clone()),
            ("mandate", s.mandate.clone()),
            ("mission", s.mission.clone()),
            ("vision", s.vision.clone()),
            ("context_analysis", s.context_analysis.clone()),
            ("methodology", s.methodology.clone()),
            ("notes", s.notes.clone()),
        ]),
    }];
    let listed = |list: Flat, i: usize| Place::Listed(list, i).path();
    for (i, v) in s.values.iter().enumerate() {
        out.push(Entry {
            item: ItemKind::Value,
            id: v.id.clone(),
            path: listed(Flat::Values, i),
            label: v.name.clone(),
            fields: fields(&[("name", v.name.clone()), ("definition", v.definition.clone())]),
        });
    }
    let nodes = s.nodes();
    for n in &nodes {
        let node = n.node;
        let parent = n.ancestors.last().map(|p| p.id.clone()).unwrap_or_default();
        let mut f = fields(&[
            ("title", node.title.clone()),
            ("number", numbers.get(&node.id).cloned().unwrap_or_default()),
            ("level", node.level.clone()),
            ("parent", parent),
            ("description", node.description.clone()),
            ("goal_statement", node.goal_statement.clone()),
            ("deadline", node.deadline.clone()),
        ]);
        if node.locked {
            f.push(("locked".into(), "locked".into()));
        }
        out.push(Entry { item: ItemKind::Node, id: node.id.clone(), path: n.path(), label: numbering::label(&numbers, node), fields: f });
    }
    for n in &nodes {
        for (i, ind) in n.node.indicators.iter().enumerate() {
            let mut f = fields(&[
                ("name", ind.name.clone()),
                ("unit", ind.unit.clone()),
                ("owner", n.node.id.clone()),
                ("baseline", ind.baseline.text.clone()),
            ]);
            for t in &ind.targets {
                let year = t.year.map(|y| y.to_string()).unwrap_or_default();
                f.push((format!("target {year}"), t.text.clone()));
            }
            if let Some(t) = &ind.final_target {
                f.push(("final_target".into(), t.text.clone()));
            }
            out.push(Entry {
                item: ItemKind::Indicator,
                id: ind.id.clone(),
                path: Place::Indicator(n.at.clone(), i).path(),
                label: ind.name.clone(),
                fields: f,
            });
        }
    }
    for (i, g) in s.target_groups.iter().enumerate() {
        out.push(Entry {
            item: ItemKind::TargetGroup,
            id: g.id.clone(),
            path: listed(Flat::TargetGroups, i),
            label: g.name.clone(),
            fields: fields(&[("name", g.name.clone()), ("needs", g.needs.join("; ")), ("interests", g.interests.join("; "))]),
        });
    }
    for (i, d) in s.policy_documents.iter().enumerate() {
        out.push(Entry {
            item: ItemKind::PolicyDocument,
            id: d.id.clone(),
            path: listed(Flat::PolicyDocuments, i),
            label: d.title.clone(),
            fields: fields(&[("title", d.title.clone()), ("level", word(&d.level)), ("url", d.url.clone())]),
        });
    }
    for (i, w) in s.swot.iter().enumerate() {
        out.push(Entry {
            item: ItemKind::Swot,
            id: w.id.clone(),
            path: listed(Flat::Swot, i),
            label: w.text.clone(),
            fields: fields(&[("kind", word(&w.kind)), ("text", w.text.clone()), ("sub_items", w.sub_items.join("; "))]),
        });
    }
    for (i, r) in s.risks.iter().enumerate() {
        out.push(Entry {
            item: ItemKind::Risk,
            id: r.id.clone(),
            path: listed(Flat::Risks, i),
            label: r.description.clone(),
            fields: fields(&[
                ("description", r.description.clone()),
                ("kind", word(&r.kind)),
                ("owner", r.owner.clone()),
                ("mitigation", r.mitigation.clone()),
            ]),
        });
    }
    for (i, u) in s.units.iter().enumerate() {
        out.push(Entry {
            item: ItemKind::Unit,
            id: u.id.clone(),
            path: listed(Flat::Units, i),
            label: u.code.clone(),
            fields: fields(&[("code", u.code.clone()), ("name", u.name.clone())]),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, level: &str, title: &str, children: Vec<Node>) -> Node {
        Node { id: id.into(), level: level.into(), title: title.into(), children, ..Node::default() }
    }

    fn sample() -> Strategy {
        Strategy {
            id: "s1".into(),
            title: "Plan".into(),
            mission: "Serve".into(),
            values: vec![Value { id: "v1".into(), name: "Openness".into(), ..Value::default() }],
            items: vec![
                node("p1", "priority", "People", vec![node("g1", "goal", "Jobs", vec![]), node("g2", "goal", "Care", vec![])]),
                node("p2", "priority", "Money", vec![]),
            ],
            swot: vec![SwotItem { id: "w1".into(), kind: SwotKind::Strength, text: "Staff".into(), ..SwotItem::default() }],
            target_groups: vec![TargetGroup { id: "t1".into(), name: "Families".into(), needs: vec!["time".into()], ..TargetGroup::default() }],
            ..Strategy::default()
        }
    }

    #[test]
    fn the_same_strategy_has_no_changes_even_under_another_id() {
        let a = sample();
        let b = Strategy { id: "copy".into(), ..a.clone() };
        assert_eq!(compare(&a, &b), vec![]);
    }

    #[test]
    fn added_removed_and_changed_items_by_id_with_paths_and_texts() {
        let a = sample();
        let mut b = a.clone();
        b.mission = "Serve well".into();
        b.items[0].children[0].title = "Good jobs".into();
        b.items[0].children.remove(1);
        b.items[1].children.push(node("g3", "goal", "Savings", vec![]));
        b.values.push(Value { id: "v2".into(), name: "Care".into(), ..Value::default() });
        b.swot[0].kind = SwotKind::Weakness;
        b.target_groups[0].needs.push("money".into());
        let changes = compare(&a, &b);
        let find = |kind: Kind, id: &str, field: &str| {
            changes.iter().find(|c| c.kind == kind && c.id == id && c.field == field).unwrap_or_else(|| panic!("{kind:?} {id} {field} in {changes:#?}"))
        };
        let m = find(Kind::Changed, "", "mission");
        assert_eq!((m.path.as_str(), m.before.as_str(), m.after.as_str()), ("mission", "Serve", "Serve well"));
        let t = find(Kind::Changed, "g1", "title");
        assert_eq!((t.path.as_str(), t.before.as_str(), t.after.as_str()), ("items[0].children[0].title", "Jobs", "Good jobs"));
        let r = find(Kind::Removed, "g2", "");
        assert_eq!((r.path.as_str(), r.before.as_str(), r.after.as_str()), ("items[0].children[1]", "2. Care", ""));
        let ad = find(Kind::Added, "g3", "");
        assert_eq!((ad.path.as_str(), ad.after.as_str()), ("items[1].children[0]", "2. Savings"));
        assert_eq!(find(Kind::Added, "v2", "").item, ItemKind::Value);
        assert_eq!(find(Kind::Changed, "w1", "kind").after, "weakness");
        assert_eq!(find(Kind::Changed, "t1", "needs").after, "time; money");
        // g3 takes number 2 after g2 went: no renumbering left over for g1.
        assert!(changes.iter().all(|c| !(c.id == "g1" && c.field == "number")));
        assert_eq!(Counts::of(&changes), Counts { added: 2, removed: 1, changed: 4 });
    }

    #[test]
    fn a_moved_node_is_a_changed_parent_and_renumbering_shows() {
        let a = sample();
        let mut b = a.clone();
        let g2 = b.items[0].children.remove(1);
        b.items[1].children.push(g2);
        b.items.swap(0, 1);
        let changes = compare(&a, &b);
        let parent = changes.iter().find(|c| c.id == "g2" && c.field == "parent").expect("parent change");
        assert_eq!((parent.before.as_str(), parent.after.as_str()), ("p1", "p2"));
        let p1 = changes.iter().find(|c| c.id == "p1" && c.field == "number").expect("p1 renumbered");
        assert_eq!((p1.before.as_str(), p1.after.as_str()), ("1", "2"));
        assert!(changes.iter().all(|c| c.kind == Kind::Changed));
    }

    #[test]
    fn indicator_targets_compare_by_year() {
        let mut a = sample();
        a.items[0].children[0].indicators.push(Indicator {
            id: "i1".into(),
            name: "Employed".into(),
            baseline: Baseline { text: "50 %".into(), ..Baseline::default() },
            targets: vec![Target { year: Some(2025), text: "55 %".into(), ..Target::default() }],
            ..Indicator::default()
        });
        let mut b = a.clone();
        let ind = &mut b.items[0].children[0].indicators[0];
        ind.targets[0].text = "60 %".into();
        ind.targets.push(Target { year: Some(2026), text: "65 %".into(), ..Target::default() });
        ind.baseline.text = "51 %".into();
        let changes = compare(&a, &b);
        let fields: Vec<(&str, &str, &str, &str)> =
            changes.iter().map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str(), c.path.as_str())).collect();
        assert_eq!(
            fields,
            vec![
                ("baseline", "50 %", "51 %", "items[0].children[0].indicators[0].baseline"),
                ("target 2025", "55 %", "60 %", "items[0].children[0].indicators[0].target.2025"),
                ("target 2026", "", "65 %", "items[0].children[0].indicators[0].target.2026"),
            ]
        );
        let mut c = b.clone();
        c.items[0].children[0].indicators[0].targets.truncate(1);
        let gone = compare(&b, &c);
        assert_eq!(gone.len(), 1);
        assert_eq!((gone[0].field.as_str(), gone[0].before.as_str(), gone[0].after.as_str()), ("target 2026", "65 %", ""));
        let removed = compare(&a, &sample());
        assert_eq!((removed[0].kind, removed[0].item, removed[0].label.as_str()), (Kind::Removed, ItemKind::Indicator, "Employed"));
    }
}
