//! Monitoring: the dashboard of a reporting year (status counts per priority
//! and goal, key indicators, goals and results achieved, a goals × years
//! heat-map), the rows of the monitoring view, and entering actuals.

use std::collections::HashMap;

use crate::model::{Actual, Goal, Id, Indicator, IndicatorKind, Priority, ReportingPeriod, Status, StatusOverride, Strategy};
use crate::status::{indicator_status, target_for, Basis, StatusContext};

/// Every status in the order the dashboard and its charts show them.
pub const STATUS_ORDER: [Status; 6] = [Status::Achieved, Status::OnTrack, Status::AtRisk, Status::NotAchieved, Status::NoData, Status::NotYetDue];

/// Status counts for one item (a priority or goal) in one year.
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

/// One row of the dashboard: a priority or a goal with its indicators' status counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: Id,
    /// "1 Title" for priorities, "4. Title" for goals.
    pub label: String,
    /// Counts of the indicators under the item, on every level below it (results and tasks included).
    pub counts: StatusCounts,
    /// The item's rolled-up status.
    pub status: Status,
}

/// Where a strategy stands in one reporting year.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub year: i32,
    pub priorities: Vec<Row>,
    pub goals: Vec<Row>,
    /// Key indicators achieved in the year.
    pub key_achieved: usize,
    /// Key indicators assessed in the year (achieved, on track, at risk or not achieved).
    pub key_assessed: usize,
    /// All key indicators.
    pub key_total: usize,
    /// Goals whose rolled-up status is achieved ("achieved N of M").
    pub goals_achieved: usize,
    pub goals_total: usize,
    /// Results by status (rolled up, the report's hand-set statuses winning), for "13 of 14 results achieved".
    pub results: StatusCounts,
    /// Heat-map: each goal in order, with its label and its rolled-up status in each year of the period.
    pub heat: Vec<HeatRow>,
}

/// One goal of the heat-map: its id, its label ("4. Title") and its status in each year.
pub type HeatRow = (Id, String, Vec<(i32, Status)>);

/// Every indicator of a goal: its own, its tasks', its results' and their tasks'.
fn goal_indicators(g: &Goal) -> impl Iterator<Item = &Indicator> {
    let tasks = g.tasks.iter().flat_map(|t| t.indicators.iter());
    let results = g.results.iter().flat_map(|r| r.indicators.iter().chain(r.tasks.iter().flat_map(|t| t.indicators.iter())));
    g.indicators.iter().chain(tasks).chain(results)
}

/// Every indicator of a priority, on every level below it.
fn priority_indicators(p: &Priority) -> impl Iterator<Item = &Indicator> {
    p.indicators.iter().chain(p.goals.iter().flat_map(goal_indicators))
}

/// "1 Title" for a priority.
fn priority_label(p: &Priority, numbers: &HashMap<Id, String>) -> String {
    format!("{} {}", numbers.get(&p.id).map_or("", String::as_str), p.title).trim().to_string()
}

/// "4. Title" for a goal.
fn goal_label(g: &Goal, numbers: &HashMap<Id, String>) -> String {
    match numbers.get(&g.id) {
        Some(n) => format!("{n}. {}", g.title),
        None => g.title.clone(),
    }
}

/// The dashboard of `year`, with statuses as of `current_year`.
pub fn dashboard(s: &Strategy, year: i32, current_year: i32) -> Dashboard {
    let ctx = StatusContext::new(s, current_year);
    let numbers = crate::numbering::numbers(s);
    let status = |i: &Indicator| ctx.indicator(i, year);

    let priorities = s
        .priorities
        .iter()
        .map(|p| Row { id: p.id.clone(), label: priority_label(p, &numbers), counts: priority_indicators(p).map(status).collect(), status: ctx.priority(p, year) })
        .collect();
    let goal_list: Vec<&Goal> = s.priorities.iter().flat_map(|p| p.goals.iter()).collect();
    let goals: Vec<Row> = goal_list
        .iter()
        .map(|g| Row { id: g.id.clone(), label: goal_label(g, &numbers), counts: goal_indicators(g).map(status).collect(), status: ctx.goal(g, year) })
        .collect();

    let key: StatusCounts = s.indicator_refs().iter().filter(|r| r.indicator.key).map(|r| ctx.indicator(r.indicator, year)).collect();
    let results = goal_list.iter().flat_map(|g| g.results.iter()).map(|r| ctx.result(r, year)).collect();
    let heat = goal_list
        .iter()
        .zip(&goals)
        .map(|(g, row)| (g.id.clone(), row.label.clone(), s.period.years().map(|y| (y, ctx.goal(g, y))).collect()))
        .collect();

    Dashboard {
        year,
        key_achieved: key.achieved,
        key_assessed: key.assessed(),
        key_total: key.total(),
        goals_achieved: goals.iter().filter(|r| r.status == Status::Achieved).count(),
        goals_total: goals.len(),
        priorities,
        goals,
        results,
        heat,
    }
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
    pub priority_id: Option<Id>,
    /// "4. Title" of the goal the indicator hangs under; for an indicator above
    /// the goals, the priority's "1 Title" or the overarching goal's title.
    pub goal_label: String,
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

/// Every indicator in document order with its target and status for `year`.
pub fn monitoring_rows(s: &Strategy, year: i32, current_year: i32) -> Vec<MonitoringRow> {
    let numbers = crate::numbering::numbers(s);
    let end = s.period.end_year;
    let unit_code = |id: &Id| s.units.iter().find(|u| &u.id == id).map_or_else(|| id.clone(), |u| u.code.clone());
    s.indicator_refs()
        .into_iter()
        .map(|r| {
            let i = r.indicator;
            let assessment = indicator_status(i, year, end, current_year);
            let goal_label = match (r.goal, r.priority) {
                (Some(g), _) => goal_label(g, &numbers),
                (None, Some(p)) => priority_label(p, &numbers),
                (None, None) => s.overarching_goal.as_ref().map(|o| o.title.clone()).unwrap_or_default(),
            };
            MonitoringRow {
                indicator_id: i.id.clone(),
                priority_id: r.priority.map(|p| p.id.clone()),
                goal_label,
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
    use crate::model::{Condition, OverarchingGoal, Result, Report, Target, Task, Unit};
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

    /// Priority 1: goal 1 (a met indicator on a result, a missed one on a task
    /// of the result) and goal 2 (a met key indicator on the goal, one without
    /// an actual on a goal task); priority 2: goal 3 with a result whose report
    /// says on track, and a key indicator on the priority itself.
    fn sample() -> Strategy {
        let result1 = Result {
            id: "r1".into(),
            indicators: vec![ind("i1", Some(9.0), false)],
            tasks: vec![Task { id: "t1".into(), indicators: vec![ind("i2", Some(14.0), false)], ..Default::default() }],
            ..Default::default()
        };
        let g1 = Goal { id: "g1".into(), title: "First".into(), results: vec![result1], ..Default::default() };
        let g2 = Goal {
            id: "g2".into(),
            title: "Second".into(),
            indicators: vec![ind("i3", Some(10.0), true)],
            tasks: vec![Task { id: "t2".into(), indicators: vec![ind("i4", None, false)], ..Default::default() }],
            ..Default::default()
        };
        let reported = Result {
            id: "r2".into(),
            indicators: vec![ind("i5", Some(9.0), false)],
            reports: vec![Report { period: ReportingPeriod::year(Y), status: Some(OnTrack), narrative: "PROCESĀ".into() }],
            ..Default::default()
        };
        let g3 = Goal { id: "g3".into(), title: "Third".into(), results: vec![reported], ..Default::default() };
        Strategy {
            period: crate::model::Period { start_year: 2024, end_year: 2027 },
            overarching_goal: Some(OverarchingGoal { id: "og".into(), title: "Key".into(), indicators: vec![ind("i7", Some(20.0), true)], ..Default::default() }),
            priorities: vec![
                Priority { id: "p1".into(), title: "People".into(), goals: vec![g1, g2], ..Default::default() },
                Priority { id: "p2".into(), title: "Processes".into(), indicators: vec![ind("i6", None, true)], goals: vec![g3], ..Default::default() },
            ],
            units: vec![Unit { id: "u1".into(), code: "PDPD".into(), name: "Personāls".into() }],
            ..Default::default()
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
        let labels: Vec<&str> = d.priorities.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, vec!["1 People", "2 Processes"]);
        assert_eq!(d.priorities[0].counts, counts(2, 1, 1), "i1, i3 achieved; i2 not; i4 no data");
        assert_eq!(d.priorities[0].status, NotAchieved);
        assert_eq!(d.priorities[1].counts, counts(1, 0, 1), "i5 achieved, i6 on the priority has no data");
        assert_eq!(d.priorities[1].status, OnTrack, "the result's report wins over its indicator");

        let goals: Vec<(&str, &str, StatusCounts, Status)> = d.goals.iter().map(|r| (r.id.as_str(), r.label.as_str(), r.counts.clone(), r.status)).collect();
        assert_eq!(
            goals,
            vec![
                ("g1", "1. First", counts(1, 1, 0), NotAchieved),
                ("g2", "2. Second", counts(1, 0, 1), Achieved),
                ("g3", "3. Third", counts(1, 0, 0), OnTrack),
            ]
        );
        assert_eq!((d.goals_achieved, d.goals_total), (1, 3));
        assert_eq!((d.key_achieved, d.key_assessed, d.key_total), (1, 2, 3), "i3 achieved, i7 not achieved, i6 no data");
        assert_eq!(d.results, StatusCounts { not_achieved: 1, on_track: 1, ..Default::default() });

        assert_eq!(d.heat.len(), 3);
        assert_eq!((d.heat[0].0.as_str(), d.heat[0].1.as_str()), ("g1", "1. First"));
        assert_eq!(d.heat[0].2, vec![(2024, NoData), (2025, NotAchieved), (2026, NotYetDue), (2027, NotYetDue)]);
        assert_eq!(d.heat[2].2[1], (2025, OnTrack));
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
        let goal_labels: Vec<&str> = rows.iter().map(|r| r.goal_label.as_str()).collect();
        assert_eq!(goal_labels, vec!["Key", "1. First", "1. First", "2. Second", "2. Second", "2 Processes", "3. Third"]);
        assert_eq!(rows[0].priority_id, None);
        assert_eq!(rows[1].priority_id.as_deref(), Some("p1"));
        assert_eq!(rows[5].priority_id.as_deref(), Some("p2"));
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
