//! Counts, completeness, the indicator table (the CLI's CSV) and the annual report's
//! implementation table (annex 7), all on the tree of any depth.
//!
//! Rule: the indicator table and the annual table name each node by its label ("1.2. Title",
//! [`crate::numbering::label`]) in the column of its level; a node that serves
//! further nodes appears once, with those nodes (and their ancestors) named in
//! their levels' columns beside its own ancestors.

use std::collections::HashMap;

use crate::docs::{Cell, Table};
use crate::model::{BaselineValue, Id, Node, Status, Strategy, Target};
use crate::numbering::{label, numbers};
use crate::status::{actual_for, report_for, StatusContext};
use crate::walk::NodeRef;

/// How big a strategy is and what its indicators still lack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// How many nodes each declared level has, as `(level key, count)`, top level first.
    pub per_level: Vec<(String, usize)>,
    pub indicators: usize,
    pub key_indicators: usize,
    pub without_baseline: usize,
    pub without_target: usize,
    /// Indicators with a target whose text was not parsed into conditions.
    pub with_unparsed_target: usize,
    pub without_source: usize,
    pub without_responsible: usize,
    pub actuals: usize,
}

impl Stats {
    /// How many nodes the level with `key` has (0 for an undeclared level).
    pub fn level(&self, key: &str) -> usize {
        self.per_level.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
    }
}

/// Counts nodes per level and incomplete indicators.
pub fn stats(s: &Strategy) -> Stats {
    let nodes = s.nodes();
    let per_level = s.levels.iter().enumerate().map(|(l, level)| (level.key.clone(), nodes.iter().filter(|n| n.level == Some(l)).count())).collect();
    let mut st = Stats { per_level, ..Default::default() };
    for r in s.indicator_refs() {
        let i = r.indicator;
        st.indicators += 1;
        st.key_indicators += usize::from(i.key);
        st.without_baseline += usize::from(i.baseline.value == BaselineValue::Unknown && i.baseline.text.trim().is_empty());
        let targets: Vec<&Target> = i.targets.iter().chain(i.final_target.iter()).collect();
        st.without_target += usize::from(targets.is_empty());
        st.with_unparsed_target += usize::from(targets.iter().any(|t| t.conditions.is_empty()));
        st.without_source += usize::from(i.data_source.trim().is_empty());
        st.without_responsible += usize::from(i.responsible_unit_ids.is_empty());
        st.actuals += i.actuals.len();
    }
    st
}

/// The indicator table the CLI's `export-csv` writes: one row per indicator,
/// a column per declared level (headed by the level's key) naming the
/// indicator's owner or its ancestor at that level ("1.2. Title"), then
/// indicator, unit, key, baseline, baseline year, a column per year of the
/// period, final target, source, responsible; the header row holds the
/// machine-readable column names.
pub fn indicators_table(s: &Strategy) -> Table {
    let numbers = numbers(s);
    let unit_code = |id: &String| s.unit_code(id).to_string();
    let mut header: Vec<String> = s.levels.iter().map(|l| l.key.clone()).collect();
    header.extend(["indicator", "unit", "key", "baseline", "baseline_year"].map(String::from));
    header.extend(s.period.years().map(|y| y.to_string()));
    header.extend(["final_target", "data_source", "responsible"].map(String::from));
    let mut rows = Vec::new();
    for r in s.indicator_refs() {
        let i = r.indicator;
        let mut row: Vec<String> =
            s.levels.iter().map(|l| r.chain().find(|n| n.level == l.key).map(|n| label(&numbers, n)).unwrap_or_default()).collect();
        row.extend([
            i.name.clone(),
            i.unit.clone(),
            if i.key { "*".into() } else { String::new() },
            i.baseline.text.clone(),
            i.baseline.year.map(|y| y.to_string()).unwrap_or_default(),
        ]);
        row.extend(s.period.years().map(|y| i.targets.iter().find(|t| t.year == Some(y)).map(|t| t.text.clone()).unwrap_or_default()));
        row.push(i.final_target.as_ref().map(|t| t.text.clone()).unwrap_or_default());
        row.push(i.data_source.clone());
        row.push(i.responsible_unit_ids.iter().map(unit_code).collect::<Vec<_>>().join(", "));
        rows.push(row.into_iter().map(Cell::text).collect());
    }
    Table { name: "indicators".into(), widths: Vec::new(), header: vec![header.into_iter().map(Cell::text).collect()], rows }
}

/// An indicator in the annual table: its name, status and the narrative
/// (the comment on its actual for the year).
#[derive(Debug, Clone, PartialEq)]
pub struct AnnualIndicator {
    pub id: Id,
    pub name: String,
    pub status: Status,
    pub narrative: String,
}

/// One row of the annual table: a node that has indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnualRow {
    pub node_id: Id,
    /// "3.1. Title" of the node.
    pub label: String,
    /// One cell per column of [`AnnualTable::levels`]: the labels of the
    /// node's ancestor at that level, then of the further nodes it serves at
    /// that level and of their ancestors there. Empty at the node's own level and below.
    pub context: Vec<Vec<String>>,
    pub indicators: Vec<AnnualIndicator>,
    /// The node's status (its report's word, else the roll-up).
    pub status: Status,
    /// The narrative of the node's report for the year.
    pub narrative: String,
}

/// The annual report's table "Priority | Goal | Results and their indicators |
/// Achieved" for a year, on any tree.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnualTable {
    pub year: i32,
    /// The context columns: indices of the levels above the deepest row's level, top first.
    pub levels: Vec<usize>,
    /// A row per node with indicators, in document order (the overarching goal's follow in `key`).
    pub rows: Vec<AnnualRow>,
    /// Every key indicator in document order, with its own status and narrative.
    pub key: Vec<AnnualIndicator>,
}

/// The annual table for `year`, with statuses as of `current_year`.
pub fn annual_table(s: &Strategy, year: i32, current_year: i32) -> AnnualTable {
    let ctx = StatusContext::new(s, current_year);
    let numbers = numbers(s);
    let nodes = s.nodes();
    let by_id: HashMap<&str, &NodeRef> = nodes.iter().map(|n| (n.node.id.as_str(), n)).collect();
    let annual = |i: &crate::model::Indicator| AnnualIndicator {
        id: i.id.clone(),
        name: i.name.clone(),
        status: ctx.indicator(i, year),
        narrative: actual_for(i, year).map(|a| a.comment.clone()).unwrap_or_default(),
    };
    let owners: Vec<&NodeRef> = nodes.iter().filter(|n| n.level.is_some() && !n.node.indicators.is_empty()).collect();
    let columns = owners.iter().filter_map(|n| n.level).max().unwrap_or(0);
    let rows = owners
        .iter()
        .map(|n| {
            let mut context: Vec<Vec<String>> = vec![Vec::new(); columns];
            let own = n.level.unwrap_or(0);
            let mut name = |node: &Node, level: Option<usize>| {
                if let Some(cell) = level.filter(|l| *l < own).and_then(|l| context.get_mut(l)) {
                    let text = label(&numbers, node);
                    if !cell.contains(&text) {
                        cell.push(text);
                    }
                }
            };
            for a in &n.ancestors {
                name(a, s.level_index(&a.level));
            }
            for served in n.node.serves.iter().filter_map(|id| by_id.get(id.as_str())) {
                for a in &served.ancestors {
                    name(a, s.level_index(&a.level));
                }
                name(served.node, served.level);
            }
            AnnualRow {
                node_id: n.node.id.clone(),
                label: label(&numbers, n.node),
                context,
                indicators: n.node.indicators.iter().map(annual).collect(),
                status: ctx.node(n.node, year),
                narrative: report_for(n.node, year).map(|r| r.narrative.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let key = s.indicator_refs().iter().filter(|r| r.indicator.key).map(|r| annual(r.indicator)).collect();
    AnnualTable { year, levels: (0..columns).collect(), rows, key }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Condition, Indicator, Level, Numbering, Report, ReportingPeriod};

    fn node(id: &str, level: &str, title: &str, children: Vec<Node>) -> Node {
        Node { id: id.into(), level: level.into(), title: title.into(), children, ..Node::default() }
    }

    /// `≤ 11` in 2025 with an actual and its comment.
    fn indicator(id: &str, value: f64, key: bool) -> Indicator {
        Indicator {
            id: id.into(),
            name: format!("indicator {id}"),
            key,
            targets: vec![Target { year: Some(2025), text: "≤ 11".into(), conditions: vec![Condition::AtMost { value: 11.0 }] }],
            actuals: vec![Actual { period: ReportingPeriod::year(2025), value: Some(value), comment: format!("done {id}"), ..Default::default() }],
            ..Default::default()
        }
    }

    /// Priority → action direction → task, indicators on the tasks (and one
    /// on the overarching goal); task 2.1.1 also serves action direction 1.1.
    fn tasks_strategy() -> Strategy {
        let mut t1 = node("t1", "task", "Train", vec![]);
        t1.indicators.push(indicator("i1", 9.0, false));
        let mut t2 = node("t2", "task", "Share", vec![]);
        t2.indicators.push(indicator("i2", 14.0, true));
        t2.serves = vec!["d1".into()];
        t2.reports.push(Report { period: ReportingPeriod::year(2025), status: Some(crate::model::Status::OnTrack), narrative: "PROCESĀ".into() });
        let mut og = node("og", "", "Overarching", vec![]);
        og.indicators.push(indicator("i0", 5.0, true));
        Strategy {
            levels: vec![
                Level::new("priority", "Prioritāte", "Priority", Numbering::Global),
                Level::new("direction", "Rīcības virziens", "Action direction", Numbering::Hierarchical),
                Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical),
            ],
            items: vec![
                node("p1", "priority", "People", vec![node("d1", "direction", "Skills", vec![t1]), node("d0", "direction", "Empty", vec![])]),
                node("p2", "priority", "Processes", vec![node("d2", "direction", "Tools", vec![t2])]),
            ],
            overarching_goal: Some(og),
            ..Strategy::default()
        }
    }

    #[test]
    fn stats_count_nodes_per_declared_level() {
        let st = stats(&tasks_strategy());
        assert_eq!(st.per_level, vec![("priority".into(), 2), ("direction".into(), 3), ("task".into(), 2)]);
        assert_eq!((st.level("task"), st.level("result")), (2, 0));
        assert_eq!((st.indicators, st.key_indicators, st.without_baseline, st.actuals), (3, 2, 3, 3));
        let st = stats(&Strategy::default());
        assert_eq!(st.per_level, vec![("priority".into(), 0), ("goal".into(), 0), ("result".into(), 0)]);
    }

    #[test]
    fn indicator_table_has_a_column_per_level_with_full_numbers() {
        let t = indicators_table(&tasks_strategy());
        let texts = |row: &[Cell]| row.iter().map(|c| c.text.clone()).collect::<Vec<_>>().join(",");
        assert_eq!(texts(&t.header[0]), "priority,direction,task,indicator,unit,key,baseline,baseline_year,2024,2025,2026,2027,final_target,data_source,responsible");
        assert!(texts(&t.rows[0]).starts_with(",,,indicator i0,,*,"), "the overarching goal's indicator has no level: {}", texts(&t.rows[0]));
        assert!(texts(&t.rows[1]).starts_with("1. People,1.1. Skills,1.1.1. Train,indicator i1,"), "{}", texts(&t.rows[1]));
        assert!(texts(&t.rows[2]).starts_with("2. Processes,2.1. Tools,2.1.1. Share,indicator i2,,*,"), "{}", texts(&t.rows[2]));
        assert_eq!(t.rows.len(), 3);
    }

    #[test]
    fn annual_table_names_the_levels_above_and_what_a_node_also_serves() {
        let t = annual_table(&tasks_strategy(), 2025, 2026);
        assert_eq!(t.levels, vec![0, 1], "priority and action direction above the tasks");
        let rows: Vec<(&str, &str)> = t.rows.iter().map(|r| (r.node_id.as_str(), r.label.as_str())).collect();
        assert_eq!(rows, vec![("t1", "1.1.1. Train"), ("t2", "2.1.1. Share")]);
        assert_eq!(t.rows[0].context, vec![vec!["1. People".to_string()], vec!["1.1. Skills".to_string()]]);
        assert_eq!(
            t.rows[1].context,
            vec![vec!["2. Processes".to_string(), "1. People".into()], vec!["2.1. Tools".to_string(), "1.1. Skills".into()]],
            "the task appears once, with the direction it also serves and that direction's priority"
        );
        assert_eq!((t.rows[0].status, t.rows[0].narrative.as_str()), (crate::model::Status::Achieved, ""));
        assert_eq!((t.rows[1].status, t.rows[1].narrative.as_str()), (crate::model::Status::OnTrack, "PROCESĀ"), "the report's word");
        let ind = &t.rows[1].indicators[0];
        assert_eq!((ind.id.as_str(), ind.status, ind.narrative.as_str()), ("i2", crate::model::Status::NotAchieved, "done i2"));
        let key: Vec<&str> = t.key.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(key, vec!["i0", "i2"]);
    }
}
