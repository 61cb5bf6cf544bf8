//! Numbers of the tree's nodes, derived by their level's rule unless fixed by
//! the user. A [`Numbering::Global`] level counts across the whole strategy in
//! document order (goals 1–10); a [`Numbering::Hierarchical`] one counts among
//! the siblings of the same level and prefixes the parent's number (`4.1.2`).
//! A fixed number replaces the derived one (and prefixes the children's) but
//! does not shift the others. The overarching goal has no number.

use std::collections::HashMap;

use crate::model::{Id, Node, Numbering, Strategy};

/// The displayed number of every node, by id (the overarching goal has none).
pub fn numbers(strategy: &Strategy) -> HashMap<Id, String> {
    let mut out = HashMap::new();
    let mut global = vec![0usize; strategy.levels.len()];
    let mut visit_children = |children: &[Node], prefix: Option<&str>, out: &mut HashMap<Id, String>| {
        walk(strategy, children, prefix, &mut global, out);
    };
    if let Some(og) = &strategy.overarching_goal {
        visit_children(&og.children, None, &mut out);
    }
    visit_children(&strategy.items, None, &mut out);
    out
}

fn walk(s: &Strategy, children: &[Node], prefix: Option<&str>, global: &mut [usize], out: &mut HashMap<Id, String>) {
    let mut per_level: HashMap<&str, usize> = HashMap::new();
    for child in children {
        let sibling = per_level.entry(child.level.as_str()).or_default();
        *sibling += 1;
        let derived = match s.level_index(&child.level) {
            Some(l) if s.levels[l].numbering == Numbering::Global => {
                global[l] += 1;
                global[l].to_string()
            }
            _ => match prefix {
                Some(p) => format!("{p}.{sibling}"),
                None => sibling.to_string(),
            },
        };
        let number = child.number.clone().unwrap_or(derived);
        walk(s, &child.children, Some(&number), global, out);
        out.insert(child.id.clone(), number);
    }
}

/// A node's label: its number and title ("1.2. Title"), or the title alone
/// when it has no number.
pub fn label(numbers: &HashMap<Id, String>, node: &Node) -> String {
    match numbers.get(&node.id) {
        Some(n) if !n.is_empty() => format!("{n}. {}", node.title),
        _ => node.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn node(id: &str, level: &str, children: Vec<Node>) -> Node {
        Node { id: id.into(), level: level.into(), children, ..Node::default() }
    }

    #[test]
    fn goals_count_across_priorities_tasks_under_their_parent_and_fixed_numbers_win() {
        let mut s = Strategy::default();
        s.levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
        s.items = vec![
            node("p1", "priority", vec![node("g1", "goal", vec![node("t1", "task", vec![]), node("t2", "task", vec![])]), node("g2", "goal", vec![])]),
            Node { number: Some("B".into()), ..node("p2", "priority", vec![node("g3", "goal", vec![node("r1", "result", vec![node("t3", "task", vec![])])])]) },
        ];
        let n = numbers(&s);
        let get = |id: &str| n[id].as_str();
        assert_eq!((get("p1"), get("p2")), ("1", "B"));
        assert_eq!((get("g1"), get("g2"), get("g3")), ("1", "2", "3"));
        assert_eq!((get("t1"), get("t2"), get("r1"), get("t3")), ("1.1", "1.2", "3.1", "3.1.1"));
        let mut fixed = s.clone();
        fixed.items[0].children[1].number = Some("2a".into());
        assert_eq!(numbers(&fixed)["g2"], "2a");
        assert_eq!(numbers(&fixed)["g3"], "3", "a fixed number does not shift the others");
    }

    #[test]
    fn hierarchical_levels_at_any_depth() {
        let mut s = Strategy { levels: (1..=6).map(|d| Level::new(&format!("l{d}"), "", "", Numbering::Hierarchical)).collect(), ..Strategy::default() };
        let mut leaf = node("x6", "l6", vec![]);
        for d in (1..6).rev() {
            leaf = node(&format!("x{d}"), &format!("l{d}"), vec![node(&format!("y{d}"), &format!("l{}", d + 1), vec![]), leaf]);
        }
        s.items = vec![node("a", "l1", vec![]), leaf];
        let n = numbers(&s);
        assert_eq!(n["x1"], "2");
        assert_eq!(n["x6"], "2.2.2.2.2.2");
        assert_eq!(n["y5"], "2.2.2.2.2.1");
        assert_eq!(label(&n, &s.items[0]), "1. ");
    }
}
