//! Monitoring: the dashboard of a reporting year (for every declared level,
//! each node's roll-up and its indicators' status counts, how many of the
//! level's nodes are achieved, a nodes × years heat-map; key indicators), the
//! rows of the monitoring view, and entering actuals.
//!
//! Rule: a node's counts are those of the indicators in its subtree (its own
//! and every descendant's); its status is [`StatusContext::node`]'s roll-up.

use std::collections::HashMap;

use crate::model::{Actual, Id, Indicator, IndicatorKind, Name, ReportingPeriod, Status, StatusOverride, Strategy};
use crate::numbering::label;
use crate::status::{indicator_status, target_for, Basis, StatusContext, STATUS_ORDER};
use crate::walk::NodeRef;

/// Status counts of indicators or nodes in one year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatusCounts {
    pub achieved: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub not_achieved: usize,
    pub no_data: usize,
    pub not_yet_due: usize,
}

impl StatusCounts {
    /// Counts one more item with status `s`.
    pub fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    /// How many items have status `s`.
    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Achieved => self.achieved,
            Status::OnTrack => self.on_track,
            Status::AtRisk => self.at_risk,
            Status::NotAchieved => self.not_achieved,
            Status::NoData => self.no_data,
            Status::NotYetDue => self.not_yet_due,
        }
    }

    /// All items counted.
    pub fn total(&self) -> usize {
        STATUS_ORDER.iter().map(|s| self.get(*s)).sum()
    }

    /// Items with an assessed status: achieved, on track, at risk or not achieved.
    pub fn assessed(&self) -> usize {
        self.achieved + self.on_track + self.at_risk + self.not_achieved
    }

    fn slot(&mut self, s: Status) -> &mut usize {
        match s {
            Status::Achieved => &mut self.achieved,
            Status::OnTrack => &mut self.on_track,
            Status::AtRisk => &mut self.at_risk,
            Status::NotAchieved => &mut self.not_achieved,
            Status::NoData => &mut self.no_data,
            Status::NotYetDue => &mut self.not_yet_due,
        }
    }
}

impl FromIterator<Status> for StatusCounts {
    fn from_iter<I: IntoIterator<Item = Status>>(iter: I) -> Self {
        let mut counts = StatusCounts::default();
        iter.into_iter().for_each(|s| counts.add(s));
        counts
    }
}

/// One node of a level with its roll-up and its indicators' status counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: Id,
    /// "1.2. Title" (the title alone when the node has no number).
    pub label: String,
    /// Counts of the indicators under the node, on every level below it and its own.
    pub counts: StatusCounts,
    /// The node's rolled-up status.
    pub status: Status,
}

/// One node of the heat-map: its id, its label ("4. Title") and its status in each year.
pub type HeatRow = (Id, String, Vec<(i32, Status)>);

/// One declared level in a reporting year.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelSummary {
    /// The level's key and name.
    pub key: String,
    pub name: Name,
    /// Its nodes in document order.
    pub groups: Vec<Group>,
    /// Its nodes by rolled-up status: `statuses.achieved` of `statuses.total()`
    /// gives "achieved N of M".
    pub statuses: StatusCounts,
    /// Heat-map: each of its nodes with its status in each year of the period.
    pub heat: Vec<HeatRow>,
}

/// Where a strategy stands in one reporting year.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub year: i32,
    /// One summary per declared level, top first.
    pub levels: Vec<LevelSummary>,
    /// Key indicators achieved in the year.
    pub key_achieved: usize,
    /// Key indicators assessed in the year (achieved, on track, at risk or not achieved).
    pub key_assessed: usize,
    /// All key indicators.
    pub key_total: usize,
}

/// Indicators in the subtree of every node, by node id (document order).
fn subtree_indicators(s: &Strategy) -> HashMap<&str, Vec<&Indicator>> {
    let mut out: HashMap<&str, Vec<&Indicator>> = HashMap::new();
    for r in s.indicator_refs() {
        for n in r.chain() {
            out.entry(n.id.as_str()).or_default().push(r.indicator);
        }
    }
    out
}

/// The group of one node.
fn group(n: &NodeRef, ctx: &StatusContext, numbers: &HashMap<Id, String>, under: &HashMap<&str, Vec<&Indicator>>, year: i32) -> Group {
    let counts = under.get(n.node.id.as_str()).into_iter().flatten().map(|i| ctx.indicator(i, year)).collect();
    Group { id: n.node.id.clone(), label: label(numbers, n.node), counts, status: ctx.node(n.node, year) }
}

/// The nodes of the level with index `level` in document order, each with its
/// roll-up and counts for `year` (statuses as of `current_year`).
pub fn by_level(s: &Strategy, level: usize, year: i32, current_year: i32) -> Vec<Group> {
    let ctx = StatusContext::new(s, current_year);
    let (numbers, under) = (crate::numbering::numbers(s), subtree_indicators(s));
    s.nodes_at_level(level).iter().map(|n| group(n, &ctx, &numbers, &under, year)).collect()
}

/// The dashboard of `year`, with statuses as of `current_year`.
pub fn dashboard(s: &Strategy, year: i32, current_year: i32) -> Dashboard {
    let ctx = StatusContext::new(s, current_year);
    let (numbers, under) = (crate::numbering::numbers(s), subtree_indicators(s));
    let nodes = s.nodes();
    let levels = s
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| {
            let of_level: Vec<&NodeRef> = nodes.iter().filter(|n| n.level == Some(l)).collect();
            let groups: Vec<Group> = of_level.iter().map(|n| group(n, &ctx, &numbers, &under, year)).collect();
            let heat = of_level
                .iter()
                .zip(&groups)
                .map(|(n, g)| (g.id.clone(), g.label.clone(), s.period.years().map(|y| (y, ctx.node(n.node, y))).collect()))
                .collect();
            LevelSummary { key: level.key.clone(), name: level.name.clone(), statuses: groups.iter().map(|g| g.status).collect(), groups, heat }
        })
        .collect();
    let key: StatusCounts = s.indicator_refs().iter().filter(|r| r.indicator.key).map(|r| ctx.indicator(r.indicator, year)).collect();
    Dashboard { year, levels, key_achieved: key.achieved, key_assessed: key.assessed(), key_total: key.total() }
}

/// Whether an actual records a measurement (a value, a mark, a rating or text) or a hand-set status.
fn has_entry(a: &Actual) -> bool {
    !a.text.trim().is_empty() || a.value.is_some() || a.done.is_some() || a.rating.is_some() || a.status_override.is_some()
}

/// Data-entry progress for a reporting year: `(indicators with an actual for
/// that year, whole year or a half, all indicators)`.
pub fn reported(s: &Strategy, year: i32) -> (usize, usize) {
    let refs = s.indicator_refs();
    let done = refs.iter().filter(|r| r.indicator.actuals.iter().any(|a| a.period.year == year && has_entry(a))).count();
    (done, refs.len())
}

/// One row of the monitoring view: an indicator with what the view shows of it for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitoringRow {
    pub indicator_id: Id,
    /// The node the indicator hangs on.
    pub owner_id: Id,
    /// The owner's full number ("1.2.3"; "" for the overarching goal).
    pub owner_number: String,
    pub owner_title: String,
    /// "1.2.3. Title" of the owner (its title alone when it has no number).
    pub owner_label: String,
    /// Index of the owner's level (`None` for the overarching goal).
    pub owner_level: Option<usize>,
    /// Ids of the owner's ancestors, top first (the owner not included).
    pub ancestor_ids: Vec<Id>,
    pub name: String,
    pub unit: String,
    pub kind: IndicatorKind,
    pub key: bool,
    /// The verbatim target that applies to the year, or "".
    pub target_text: String,
    /// Codes of the responsible units (the id when a unit is not found).
    pub responsible_codes: Vec<String>,
    pub status: Status,
    /// Whether the status was set by hand.
    pub overridden: bool,
}

impl MonitoringRow {
    /// Whether the indicator hangs on the node `id` or anywhere under it.
    pub fn is_under(&self, id: &str) -> bool {
        self.owner_id == id || self.ancestor_ids.iter().any(|a| a == id)
    }
}

/// Every indicator in document order with its target and status for `year`.
pub fn monitoring_rows(s: &Strategy, year: i32, current_year: i32) -> Vec<MonitoringRow> {
    let numbers = crate::numbering::numbers(s);
    let end = s.period.end_year;
    let unit_code = |id: &Id| s.unit_code(id).to_string();
    s.indicator_refs()
        .into_iter()
        .map(|r| {
            let i = r.indicator;
            let assessment = indicator_status(i, year, end, current_year);
            MonitoringRow {
                indicator_id: i.id.clone(),
                owner_id: r.owner.id.clone(),
                owner_number: numbers.get(&r.owner.id).cloned().unwrap_or_default(),
                owner_title: r.owner.title.clone(),
                owner_label: label(&numbers, r.owner),
                owner_level: s.level_index(&r.owner.level),
                ancestor_ids: r.ancestors.iter().map(|a| a.id.clone()).collect(),
                name: i.name.clone(),
                unit: i.unit.clone(),
                kind: i.kind,
                key: i.key,
                target_text: target_for(i, year, end).map(|t| t.text.clone()).unwrap_or_default(),
                responsible_codes: i.responsible_unit_ids.iter().map(unit_code).collect(),
                status: assessment.status,
                overridden: assessment.basis == Basis::Override,
            }
        })
        .collect()
}

/// Changes the actual of `indicator_id` for `period` (created when missing, in
/// period order), then drops it if nothing is left in it. False when the
/// indicator does not exist.
fn edit_actual(s: &mut Strategy, indicator_id: &str, period: ReportingPeriod, change: impl FnOnce(&Indicator, &mut Actual)) -> bool {
    let Some(indicator) = s.indicator_mut(indicator_id) else {
        return false;
    };
    let at = match indicator.actuals.iter().position(|a| a.period == period) {
        Some(at) => at,
        None => {
            // Chronological: the halves of a year before the whole year.
            let order = |p: ReportingPeriod| (p.year, p.half.unwrap_or(u8::MAX));
            let at = indicator.actuals.iter().position(|a| order(a.period) > order(period)).unwrap_or(indicator.actuals.len());
            indicator.actuals.insert(at, Actual { period, ..Default::default() });
            at
        }
    };
    let mut actual = indicator.actuals.remove(at);
    change(indicator, &mut actual);
    if actual != (Actual { period, ..Default::default() }) {
        indicator.actuals.insert(at, actual);
    }
    true
}

/// Sets the actual of `indicator_id` for `period` from the text as entered:
/// a number ("9", "9,5 %") gives the value, a yes/no word ("jā", "x", "nē") the
/// milestone mark, and for a qualitative indicator the text is also the rating.
/// Comment, evidence and status override are kept. Empty text clears the
/// measurement; the actual is removed when nothing else (comment, evidence,
/// override, date) is left in it. False when the indicator does not exist.
pub fn set_actual(s: &mut Strategy, indicator_id: &str, period: ReportingPeriod, text: &str) -> bool {
    let text = text.trim();
    edit_actual(s, indicator_id, period, |indicator, a| {
        let (value, done) = crate::target::parse_actual(text);
        a.text = text.to_string();
        a.value = value;
        a.done = done;
        a.rating = (indicator.kind == IndicatorKind::Qualitative && !text.is_empty()).then(|| text.to_string());
    })
}

/// Sets the comment (narrative) of the actual for `period`, creating the actual when missing.
pub fn set_actual_comment(s: &mut Strategy, indicator_id: &str, period: ReportingPeriod, comment: &str) -> bool {
    edit_actual(s, indicator_id, period, |_, a| a.comment = comment.trim().to_string())
}

/// Sets the evidence link of the actual for `period`, creating the actual when missing.
pub fn set_actual_evidence(s: &mut Strategy, indicator_id: &str, period: ReportingPeriod, url: &str) -> bool {
    edit_actual(s, indicator_id, period, |_, a| a.evidence_url = url.trim().to_string())
}

/// Sets the status set by hand on the actual for `period` (`None` restores the
/// computed status), creating the actual when missing.
pub fn set_status_override(s: &mut Strategy, indicator_id: &str, period: ReportingPeriod, over: Option<StatusOverride>) -> bool {
    edit_actual(s, indicator_id, period, |_, a| a.status_override = over)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Condition, Level, Node, Numbering, Report, Target, Unit};
    use Status::*;

    const Y: i32 = 2025;

    /// An indicator `≤ 11` in 2025 with an actual (or none).
    fn ind(id: &str, actual: Option<f64>, key: bool) -> Indicator {
        Indicator {
            id: id.into(),
            name: format!("indicator {id}"),
            unit: "%".into(),
            key,
            targets: vec![Target { year: Some(Y), text: "≤ 11".into(), conditions: vec![Condition::AtMost { value: 11.0 }] }],
            actuals: actual.map(|v| Actual { period: ReportingPeriod::year(Y), text: v.to_string(), value: Some(v), ..Default::default() }).into_iter().collect(),
            responsible_unit_ids: vec!["u1".into(), "u-missing".into()],
            ..Default::default()
        }
    }

    fn node(id: &str, level: &str, title: &str, indicators: Vec<Indicator>, children: Vec<Node>) -> Node {
        Node { id: id.into(), level: level.into(), title: title.into(), indicators, children, ..Node::default() }
    }

    /// Levels priority → goal → result → task. Priority 1: goal 1 (a met
    /// indicator on a result, a missed one on a task of the result) and goal 2
    /// (a met key indicator on the goal, one without an actual on a goal task);
    /// priority 2: goal 3 with a result whose report says on track, and a key
    /// indicator on the priority itself. The overarching goal has a missed key indicator.
    fn sample() -> Strategy {
        let r1 = node("r1", "result", "R1", vec![ind("i1", Some(9.0), false)], vec![node("t1", "task", "T1", vec![ind("i2", Some(14.0), false)], vec![])]);
        let g1 = node("g1", "goal", "First", vec![], vec![r1]);
        let g2 = node("g2", "goal", "Second", vec![ind("i3", Some(10.0), true)], vec![node("t2", "task", "T2", vec![ind("i4", None, false)], vec![])]);
        let mut r2 = node("r2", "result", "R2", vec![ind("i5", Some(9.0), false)], vec![]);
        r2.reports = vec![Report { period: ReportingPeriod::year(Y), status: Some(OnTrack), narrative: "PROCESĀ".into() }];
        let g3 = node("g3", "goal", "Third", vec![], vec![r2]);
        let mut levels = Level::defaults();
        levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
        Strategy {
            period: crate::model::Period { start_year: 2024, end_year: 2027 },
            levels,
            overarching_goal: Some(node("og", "", "Key", vec![ind("i7", Some(20.0), true)], vec![])),
            items: vec![node("p1", "priority", "People", vec![], vec![g1, g2]), node("p2", "priority", "Processes", vec![ind("i6", None, true)], vec![g3])],
            units: vec![Unit { id: "u1".into(), code: "PDPD".into(), name: "Personāls".into() }],
            ..Strategy::default()
        }
    }

    fn counts(achieved: usize, not_achieved: usize, no_data: usize) -> StatusCounts {
        StatusCounts { achieved, not_achieved, no_data, ..Default::default() }
    }

    #[test]
    fn counts_add_get_and_total() {
        let c: StatusCounts = [Achieved, Achieved, OnTrack, NoData, NotYetDue, AtRisk, NotAchieved].into_iter().collect();
        assert_eq!((c.get(Achieved), c.get(OnTrack), c.get(AtRisk), c.get(NotAchieved), c.get(NoData), c.get(NotYetDue)), (2, 1, 1, 1, 1, 1));
        assert_eq!((c.total(), c.assessed()), (7, 5));
    }

    #[test]
    fn dashboard_counts_rows_key_goals_results_and_heat() {
        let d = dashboard(&sample(), Y, 2026);
        assert_eq!(d.year, Y);
        let keys: Vec<&str> = d.levels.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, vec!["priority", "goal", "result", "task"]);
        let priorities = &d.levels[0].groups;
        let labels: Vec<&str> = priorities.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, vec!["1. People", "2. Processes"]);
        assert_eq!(priorities[0].counts, counts(2, 1, 1), "i1, i3 achieved; i2 not; i4 no data");
        assert_eq!(priorities[0].status, NotAchieved);
        assert_eq!(priorities[1].counts, counts(1, 0, 1), "i5 achieved, i6 on the priority has no data");
        assert_eq!(priorities[1].status, OnTrack, "the result's report wins over its indicator");

        let goals: Vec<(&str, &str, StatusCounts, Status)> = d.levels[1].groups.iter().map(|r| (r.id.as_str(), r.label.as_str(), r.counts.clone(), r.status)).collect();
        assert_eq!(
            goals,
            vec![
                ("g1", "1. First", counts(1, 1, 0), NotAchieved),
                ("g2", "2. Second", counts(1, 0, 1), Achieved),
                ("g3", "3. Third", counts(1, 0, 0), OnTrack),
            ]
        );
        assert_eq!((d.levels[1].statuses.achieved, d.levels[1].statuses.total()), (1, 3), "1 of 3 goals achieved");
        assert_eq!((d.key_achieved, d.key_assessed, d.key_total), (1, 2, 3), "i3 achieved, i7 not achieved, i6 no data");
        assert_eq!(d.levels[2].statuses, StatusCounts { not_achieved: 1, on_track: 1, ..Default::default() }, "results by status");
        assert_eq!(d.levels[3].statuses, StatusCounts { not_achieved: 1, no_data: 1, ..Default::default() }, "tasks by status");
        let tasks: Vec<&str> = d.levels[3].groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(tasks, vec!["1.1.1. T1", "2.1. T2"], "full numbers under their parents");

        let heat = &d.levels[1].heat;
        assert_eq!(heat.len(), 3);
        assert_eq!((heat[0].0.as_str(), heat[0].1.as_str()), ("g1", "1. First"));
        assert_eq!(heat[0].2, vec![(2024, NoData), (2025, NotAchieved), (2026, NotYetDue), (2027, NotYetDue)]);
        assert_eq!(heat[2].2[1], (2025, OnTrack));
        assert_eq!(d.levels[0].heat.len(), 2);
        assert_eq!(by_level(&sample(), 1, Y, 2026), d.levels[1].groups);
        assert_eq!(by_level(&sample(), 9, Y, 2026), vec![], "no such level");
    }

    /// Priority → action direction → task with indicators on the tasks: each
    /// level counts its achieved nodes; a priority with one achieved and one
    /// not-achieved task is not achieved.
    #[test]
    fn achieved_n_of_m_per_level_through_any_levels() {
        let task = |id: &str, v: f64| node(id, "task", id, vec![ind(&format!("i-{id}"), Some(v), false)], vec![]);
        let s = Strategy {
            levels: vec![
                Level::new("priority", "Prioritāte", "Priority", Numbering::Global),
                Level::new("direction", "Rīcības virziens", "Action direction", Numbering::Hierarchical),
                Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical),
            ],
            items: vec![
                node("p1", "priority", "P1", vec![], vec![node("d1", "direction", "D1", vec![], vec![task("t1", 9.0), task("t2", 14.0)])]),
                node("p2", "priority", "P2", vec![], vec![node("d2", "direction", "D2", vec![], vec![task("t3", 9.0)]), node("d3", "direction", "D3", vec![], vec![task("t4", 1.0)])]),
            ],
            ..Strategy::default()
        };
        let d = dashboard(&s, Y, 2026);
        let n_of_m: Vec<(&str, usize, usize)> = d.levels.iter().map(|l| (l.key.as_str(), l.statuses.achieved, l.statuses.total())).collect();
        assert_eq!(n_of_m, vec![("priority", 1, 2), ("direction", 2, 3), ("task", 3, 4)]);
        assert_eq!(d.levels[0].groups[0].counts, counts(1, 1, 0));
        assert_eq!(d.levels[0].groups[0].status, NotAchieved);
        let tasks: Vec<&str> = d.levels[2].groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(tasks, vec!["1.1.1. t1", "1.1.2. t2", "2.1.1. t3", "2.2.1. t4"]);
    }

    #[test]
    fn reported_counts_indicators_with_an_entry_for_the_year() {
        let mut s = sample();
        assert_eq!(reported(&s, Y), (5, 7));
        assert_eq!(reported(&s, 2024), (0, 7));
        assert!(set_actual(&mut s, "i4", ReportingPeriod { year: Y, half: Some(1) }, "3"));
        assert!(set_actual_comment(&mut s, "i6", ReportingPeriod::year(Y), "a comment is not a measurement"));
        assert_eq!(reported(&s, Y), (6, 7), "a half-year counts, a comment alone does not");
    }

    #[test]
    fn monitoring_rows_in_document_order() {
        let rows = monitoring_rows(&sample(), Y, 2026);
        let ids: Vec<&str> = rows.iter().map(|r| r.indicator_id.as_str()).collect();
        assert_eq!(ids, vec!["i7", "i1", "i2", "i3", "i4", "i6", "i5"]);
        let owners: Vec<&str> = rows.iter().map(|r| r.owner_label.as_str()).collect();
        assert_eq!(owners, vec!["Key", "1.1. R1", "1.1.1. T1", "2. Second", "2.1. T2", "2. Processes", "3.1. R2"]);
        assert_eq!((rows[2].owner_id.as_str(), rows[2].owner_number.as_str(), rows[2].owner_title.as_str()), ("t1", "1.1.1", "T1"));
        assert_eq!(rows[2].ancestor_ids, vec!["p1", "g1", "r1"]);
        assert_eq!((rows[0].owner_level, rows[0].ancestor_ids.len()), (None, 0), "the overarching goal's indicator");
        assert_eq!((rows[1].owner_level, rows[2].owner_level, rows[5].owner_level), (Some(2), Some(3), Some(0)));
        assert!(rows[2].is_under("g1") && rows[2].is_under("t1") && !rows[2].is_under("p2"));
        assert!(rows[5].is_under("p2") && rows[6].is_under("p2"));
        assert_eq!((rows[1].name.as_str(), rows[1].unit.as_str(), rows[1].kind), ("indicator i1", "%", IndicatorKind::Quantitative));
        assert_eq!(rows[1].target_text, "≤ 11");
        assert_eq!(rows[1].responsible_codes, vec!["PDPD", "u-missing"]);
        assert_eq!((rows[1].status, rows[2].status, rows[4].status), (Achieved, NotAchieved, NoData));
        assert!(rows[3].key && !rows[1].key);
        assert!(!rows.iter().any(|r| r.overridden));
        assert_eq!(monitoring_rows(&sample(), 2026, 2026)[1].target_text, "", "no target for 2026");
    }

    #[test]
    fn set_actual_parses_numbers_and_marks_and_empty_text_removes() {
        let mut s = sample();
        let p = ReportingPeriod::year(2026);
        assert!(set_actual(&mut s, "i4", p, " 9 "));
        let a = &s.indicator_mut("i4").unwrap().actuals;
        assert_eq!((a.len(), a[0].text.as_str(), a[0].value, a[0].done), (1, "9", Some(9.0), None));
        assert!(set_actual(&mut s, "i4", p, "jā"));
        let a = &s.indicator_mut("i4").unwrap().actuals[0];
        assert_eq!((a.value, a.done, a.rating.clone()), (None, Some(true), None));
        assert!(set_actual(&mut s, "i4", p, ""));
        assert!(s.indicator_mut("i4").unwrap().actuals.is_empty(), "empty text removes the actual");
        assert!(!set_actual(&mut s, "nope", p, "9"), "no such indicator");
        assert!(!set_actual(&mut s, "g1", p, "9"), "not an indicator");

        // Actuals stay in period order.
        assert!(set_actual(&mut s, "i1", ReportingPeriod::year(2024), "8"));
        assert!(set_actual(&mut s, "i1", ReportingPeriod { year: 2025, half: Some(1) }, "12"));
        let periods: Vec<String> = s.indicator_mut("i1").unwrap().actuals.iter().map(|a| a.period.to_string()).collect();
        assert_eq!(periods, vec!["2024", "2025-H1", "2025"]);

        // A qualitative indicator keeps the text as its rating.
        s.indicator_mut("i4").unwrap().kind = IndicatorKind::Qualitative;
        assert!(set_actual(&mut s, "i4", p, "labi"));
        assert_eq!(s.indicator_mut("i4").unwrap().actuals[0].rating.as_deref(), Some("labi"));
    }

    #[test]
    fn comment_evidence_and_override_round_trip_and_survive_new_values() {
        let mut s = sample();
        let p = ReportingPeriod::year(Y);
        let over = StatusOverride { status: OnTrack, reason: "metodika mainīta".into() };
        assert!(set_actual_comment(&mut s, "i2", p, "Aptaujas dati"));
        assert!(set_actual_evidence(&mut s, "i2", p, "https://www.lm.gov.lv/"));
        assert!(set_status_override(&mut s, "i2", p, Some(over.clone())));
        assert!(set_actual(&mut s, "i2", p, "15"));
        let a = s.indicator_mut("i2").unwrap().actuals[0].clone();
        assert_eq!((a.value, a.comment.as_str(), a.evidence_url.as_str()), (Some(15.0), "Aptaujas dati", "https://www.lm.gov.lv/"));
        assert_eq!(a.status_override, Some(over));
        let row = monitoring_rows(&s, Y, 2026).into_iter().find(|r| r.indicator_id == "i2").unwrap();
        assert_eq!((row.status, row.overridden), (OnTrack, true));

        assert!(set_status_override(&mut s, "i2", p, None));
        let row = monitoring_rows(&s, Y, 2026).into_iter().find(|r| r.indicator_id == "i2").unwrap();
        assert_eq!((row.status, row.overridden), (NotAchieved, false), "back to the computed status");

        // Clearing the value keeps the actual while it still holds a comment.
        assert!(set_actual(&mut s, "i2", p, ""));
        let a = &s.indicator_mut("i2").unwrap().actuals[0];
        assert_eq!((a.value, a.comment.as_str()), (None, "Aptaujas dati"));
        assert!(set_actual_comment(&mut s, "i2", p, ""));
        assert!(set_actual_evidence(&mut s, "i2", p, ""));
        assert!(s.indicator_mut("i2").unwrap().actuals.is_empty(), "an emptied actual is removed");

        // A comment on a missing actual creates it; an empty one does not.
        assert!(set_actual_comment(&mut s, "i4", ReportingPeriod::year(2027), ""));
        assert!(s.indicator_mut("i4").unwrap().actuals.is_empty());
        assert!(set_status_override(&mut s, "i4", ReportingPeriod::year(2024), Some(StatusOverride { status: AtRisk, reason: String::new() })));
        assert_eq!(s.indicator_mut("i4").unwrap().actuals[0].text, "");
        assert!(!set_actual_comment(&mut s, "nope", p, "x"));
        assert!(!set_actual_evidence(&mut s, "nope", p, "x"));
        assert!(!set_status_override(&mut s, "nope", p, None));
    }
}
