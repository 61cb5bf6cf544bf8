//! What an evaluation computes rather than stores: effectiveness (N of M
//! goals and results achieved), coherence links suggested from the goals'
//! own policy documents, and the matrices (values × priorities, values ×
//! goals, goals × policy documents) as rows, columns and marks.
//!
//! # Which levels count
//! - *Priorities* are the level keyed `"priority"`, else the top level.
//! - *Goals* are the level keyed `"goal"`, else the second-to-last level.
//! - *Results* are the level keyed `"result"`, else the last level.
//!
//! A strategy with two levels thus has the top level as priorities and goals
//! at once, and the last as results.
//!
//! # Achieved
//! A node counts as achieved for a year when its status is
//! [`Status::Achieved`]. The status is its report's word for the year when set,
//! else the computed roll-up ([`StatusContext::node`]).

use crate::model::{Evaluation, EvaluationKind, Id, Link, Status, Strategy, TrafficLight};
use crate::numbering::{label, numbers};
use crate::status::StatusContext;
use crate::walk::NodeRef;

/// The index of the level keyed `key`, else `fallback` (counted on the declared levels).
fn level_by_key_or(s: &Strategy, key: &str, fallback: usize) -> usize {
    s.level_index(key).unwrap_or(fallback)
}

/// The index of the priorities' level (see the module docs).
pub fn priority_level(s: &Strategy) -> usize {
    level_by_key_or(s, "priority", 0)
}

/// The index of the goals' level (see the module docs).
pub fn goal_level(s: &Strategy) -> usize {
    level_by_key_or(s, "goal", s.levels.len().saturating_sub(2))
}

/// The index of the results' level (see the module docs).
pub fn result_level(s: &Strategy) -> usize {
    level_by_key_or(s, "result", s.levels.len().saturating_sub(1))
}

/// How many nodes of one level are achieved in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The level's index.
    pub level: usize,
    /// Every node of the level in document order, with its status for the year.
    pub nodes: Vec<(Id, Status)>,
}

impl Tally {
    /// How many nodes are achieved.
    pub fn achieved(&self) -> usize {
        self.nodes.iter().filter(|(_, s)| *s == Status::Achieved).count()
    }
    /// How many nodes the level has.
    pub fn total(&self) -> usize {
        self.nodes.len()
    }
    /// The ids of the nodes not achieved.
    pub fn not_achieved(&self) -> Vec<&str> {
        self.nodes.iter().filter(|(_, s)| *s != Status::Achieved).map(|(id, _)| id.as_str()).collect()
    }
}

/// Effectiveness for a year: N of M goals and N of M results achieved.
#[derive(Debug, Clone, PartialEq)]
pub struct Effectiveness {
    pub year: i32,
    pub goals: Tally,
    pub results: Tally,
}

/// The tally of one level for `year`.
pub fn tally(s: &Strategy, level: usize, year: i32, current_year: i32) -> Tally {
    let ctx = StatusContext::new(s, current_year);
    let nodes = s.nodes_at_level(level).iter().map(|n| (n.node.id.clone(), ctx.node(n.node, year))).collect();
    Tally { level, nodes }
}

/// Effectiveness of the strategy for `year`, with statuses as of `current_year`.
pub fn effectiveness(s: &Strategy, year: i32, current_year: i32) -> Effectiveness {
    Effectiveness { year, goals: tally(s, goal_level(s), year, current_year), results: tally(s, result_level(s), year, current_year) }
}

/// Links goal → policy document that the goals' own `policy_document_ids`
/// suggest and the evaluation's coherence matrix does not hold yet, in
/// document order (goals, then each goal's documents).
pub fn coherence_suggestions(s: &Strategy, e: &Evaluation) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for g in s.nodes_at_level(goal_level(s)) {
        for pd in &g.node.policy_document_ids {
            let link = Link { from_id: g.node.id.clone(), to_id: pd.clone() };
            let known = s.policy_documents.iter().any(|d| &d.id == pd);
            if known && !e.coherence.contains(&link) && !out.contains(&link) {
                out.push(link);
            }
        }
    }
    out
}

/// Adds the link `from` → `to` when absent, removes it when present (a
/// matrix cell clicked). Returns whether the link is there afterwards.
pub fn toggle_link(links: &mut Vec<Link>, from: &str, to: &str) -> bool {
    match links.iter().position(|l| l.from_id == from && l.to_id == to) {
        Some(i) => {
            links.remove(i);
            false
        }
        None => {
            links.push(Link { from_id: from.into(), to_id: to.into() });
            true
        }
    }
}

/// One row or column of a matrix: the item's id and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    pub id: Id,
    pub label: String,
}

/// A matrix of marks: `marked[row][column]` says whether the pair is linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub rows: Vec<Axis>,
    pub columns: Vec<Axis>,
    pub marked: Vec<Vec<bool>>,
}

impl Matrix {
    /// The matrix of `rows` × `columns`, marked where `links` hold the pair;
    /// `row_is_from` says whether a link's `from_id` names the row (else the column).
    pub fn of(rows: Vec<Axis>, columns: Vec<Axis>, links: &[Link], row_is_from: bool) -> Self {
        let marked = rows
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| {
                        let (from, to) = if row_is_from { (&r.id, &c.id) } else { (&c.id, &r.id) };
                        links.iter().any(|l| &l.from_id == from && &l.to_id == to)
                    })
                    .collect()
            })
            .collect();
        Matrix { rows, columns, marked }
    }

    /// How many cells are marked in each row.
    pub fn row_counts(&self) -> Vec<usize> {
        self.marked.iter().map(|r| r.iter().filter(|m| **m).count()).collect()
    }
}

/// The nodes of `level` as matrix rows, labelled "N. Title".
fn node_axis(s: &Strategy, level: usize) -> Vec<Axis> {
    let numbers = numbers(s);
    s.nodes_at_level(level).iter().map(|n: &NodeRef| Axis { id: n.node.id.clone(), label: label(&numbers, n.node) }).collect()
}

/// The values as matrix columns.
fn value_axis(s: &Strategy) -> Vec<Axis> {
    s.values.iter().map(|v| Axis { id: v.id.clone(), label: v.name.clone() }).collect()
}

/// Priorities (rows) × values (columns), as the seed's table 1 lays them out.
pub fn values_priorities(s: &Strategy, e: &Evaluation) -> Matrix {
    Matrix::of(node_axis(s, priority_level(s)), value_axis(s), &e.values_priorities, false)
}

/// Goals (rows) × values (columns), as the seed's table 2 lays them out.
pub fn values_goals(s: &Strategy, e: &Evaluation) -> Matrix {
    Matrix::of(node_axis(s, goal_level(s)), value_axis(s), &e.values_goals, false)
}

/// Goals (rows) × policy documents (columns).
pub fn coherence(s: &Strategy, e: &Evaluation) -> Matrix {
    let docs = s.policy_documents.iter().map(|d| Axis { id: d.id.clone(), label: d.title.clone() }).collect();
    Matrix::of(node_axis(s, goal_level(s)), docs, &e.coherence, true)
}

/// The goals whose relevance light is `light`, in the evaluation's order.
pub fn goals_with_light(e: &Evaluation, light: TrafficLight) -> Vec<&str> {
    e.relevance.iter().filter(|r| r.light == light).map(|r| r.goal_id.as_str()).collect()
}

/// The evaluation of `year`, the final one first when there are two.
pub fn for_year(s: &Strategy, year: i32) -> Option<&Evaluation> {
    let of_year = || s.evaluations.iter().filter(|e| e.year == year);
    of_year().find(|e| e.kind == EvaluationKind::Final).or_else(|| of_year().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Numbering};

    fn levels(keys: &[&str]) -> Strategy {
        Strategy { levels: keys.iter().map(|k| Level::new(k, k, k, Numbering::Global)).collect(), ..Strategy::default() }
    }

    #[test]
    fn levels_by_key_else_by_position() {
        let s = levels(&["priority", "goal", "result"]);
        assert_eq!((priority_level(&s), goal_level(&s), result_level(&s)), (0, 1, 2));
        let s = levels(&["dir", "line", "task", "step"]);
        assert_eq!((priority_level(&s), goal_level(&s), result_level(&s)), (0, 2, 3), "second-to-last and last");
        let s = levels(&["goal", "task"]);
        assert_eq!((priority_level(&s), goal_level(&s), result_level(&s)), (0, 0, 1));
        let s = levels(&["a", "result", "goal"]);
        assert_eq!((goal_level(&s), result_level(&s)), (2, 1), "keys win over positions");
    }

    #[test]
    fn toggling_adds_then_removes_one_link() {
        let mut links = Vec::new();
        assert!(toggle_link(&mut links, "v1", "p1"));
        assert!(toggle_link(&mut links, "v2", "p1"));
        assert!(!toggle_link(&mut links, "v1", "p1"));
        assert_eq!(links, vec![Link { from_id: "v2".into(), to_id: "p1".into() }]);
    }
}
