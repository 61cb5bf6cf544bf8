//! Computing the status of an indicator for a year from its targets, baseline
//! and actuals, and rolling statuses up the tree of nodes, at any depth.
//!
//! # Indicator rule
//! For year `Y`:
//! 1. A status set by hand on the actual for `Y` wins.
//! 2. No actual for `Y`: *not yet due* if `Y` has not ended (`Y ≥ current_year`), else *no data*.
//! 3. A target for `Y` (a yearly target, or the final target when `Y` is its year):
//!    all its conditions hold → *achieved*; one fails → *not achieved*;
//!    a milestone not done before its year → *on track*;
//!    a condition that cannot be judged (no baseline for "+5 %", no parsed condition) → *no data*.
//! 4. No target for `Y` but a later one: the later target already met → *on track*;
//!    the actual moved from the baseline towards it → *on track*; otherwise → *at risk*.
//! 5. No target for `Y` or later → *no data*.
//!
//! # Roll-up rule
//! A node (at any level, the overarching goal too) takes the **worst** status
//! among its assessed children (order: [`STATUS_ORDER`]'s first four: achieved,
//! on track, at risk, not achieved), ignoring children with no data or not yet
//! due. When no child is assessed it is *not yet due* if any child is, else
//! *no data*. A node's children are its own indicators, its child nodes (each
//! rolled up the same way, recursively) and the nodes elsewhere that also
//! serve it ([`Node::serves`]). The status set in a node's report for `Y` (the
//! evaluation's word) wins over the roll-up. A node met again through a loop
//! of `serves` links counts once.

use std::collections::HashMap;

use crate::model::{Actual, BaselineValue, Condition, Indicator, IndicatorKind, Node, Report, Status, Strategy, Target};

/// Every status in order: the assessed ones from best to worst (the roll-up's
/// ranking), then no data and not yet due. Dashboards and charts show them so.
pub const STATUS_ORDER: [Status; 6] = [Status::Achieved, Status::OnTrack, Status::AtRisk, Status::NotAchieved, Status::NoData, Status::NotYetDue];

/// How many of [`STATUS_ORDER`]'s first statuses are assessed.
const ASSESSED: usize = 4;

/// Why a status is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Set by hand, with a reason.
    Override,
    /// Compared with the target for that year.
    Target,
    /// Compared with a later target.
    Trajectory,
    /// No actual was entered.
    NoActual,
    /// No target applies, or the target or baseline could not be read.
    CannotJudge,
    /// Rolled up from the items below.
    RollUp,
}

/// A computed status with its basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    pub status: Status,
    pub basis: Basis,
}

impl Assessment {
    fn new(status: Status, basis: Basis) -> Self {
        Assessment { status, basis }
    }
}

/// Result of checking one condition against an actual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    Met,
    NotMet,
    /// A milestone whose year has not come: not done yet, but not late.
    Pending,
    Unknown,
}

/// The actual for a whole year, or the latest half-year of it.
pub fn actual_for(indicator: &Indicator, year: i32) -> Option<&Actual> {
    let mut of_year = indicator.actuals.iter().filter(|a| a.period.year == year);
    of_year.clone().find(|a| a.period.half.is_none()).or_else(|| of_year.by_ref().max_by_key(|a| a.period.half))
}

/// The target that applies to `year`: the yearly one, else the final target
/// when `year` is its year (`end_year` when it names none).
pub fn target_for(indicator: &Indicator, year: i32, end_year: i32) -> Option<&Target> {
    indicator
        .targets
        .iter()
        .find(|t| t.year == Some(year))
        .or_else(|| indicator.final_target.as_ref().filter(|t| t.year.unwrap_or(end_year) == year))
}

/// The first target after `year`.
fn next_target(indicator: &Indicator, year: i32, end_year: i32) -> Option<&Target> {
    let yearly = indicator.targets.iter().filter(|t| t.year.is_some_and(|y| y > year));
    let fin = indicator.final_target.iter().filter(|t| t.year.unwrap_or(end_year) > year);
    yearly.chain(fin).min_by_key(|t| t.year.unwrap_or(end_year))
}

/// The baseline as a number, when it is one.
pub fn baseline_number(indicator: &Indicator) -> Option<f64> {
    match &indicator.baseline.value {
        BaselineValue::Number { value } => Some(*value),
        _ => None,
    }
}

/// Whether `done` counts for `year`: done in that year or any earlier one.
fn done_by(indicator: &Indicator, year: i32) -> bool {
    indicator.actuals.iter().any(|a| a.period.year <= year && a.done == Some(true))
}

fn check(c: &Condition, indicator: &Indicator, actual: &Actual, year: i32) -> Check {
    let base = baseline_number(indicator);
    let met = |b: bool| if b { Check::Met } else { Check::NotMet };
    const EPS: f64 = 1e-9;
    if let Condition::DoneIn { year: due } = c {
        return if done_by(indicator, year) {
            Check::Met
        } else if actual.done.is_some() || actual.value.is_some() {
            if year < *due { Check::Pending } else { Check::NotMet }
        } else {
            Check::Unknown
        };
    }
    if let Condition::RatingAtLeast { level } = c {
        return match &actual.rating {
            Some(r) if r.trim().eq_ignore_ascii_case(level.trim()) => Check::Met,
            _ => Check::Unknown,
        };
    }
    let Some(v) = actual.value else {
        return match actual.done {
            Some(true) if indicator.kind == IndicatorKind::Milestone => Check::Met,
            _ => Check::Unknown,
        };
    };
    match *c {
        Condition::AtLeast { value } => met(v >= value - EPS),
        Condition::MoreThan { value } => met(v > value),
        Condition::AtMost { value } => met(v <= value + EPS),
        Condition::LessThan { value } => met(v < value),
        Condition::Equal { value } => met((v - value).abs() <= EPS.max(value.abs() * 1e-9)),
        Condition::Range { min, max } => met(v >= min - EPS && v <= max + EPS),
        Condition::AtLeastTimes { count, .. } => met(v >= f64::from(count) - EPS),
        Condition::DoesNotIncrease => base.map_or(Check::Unknown, |b| met(v <= b + EPS)),
        Condition::DoesNotDecrease => base.map_or(Check::Unknown, |b| met(v >= b - EPS)),
        Condition::Unchanged => base.map_or(Check::Unknown, |b| met((v - b).abs() <= EPS)),
        Condition::Increases => base.map_or(Check::Unknown, |b| met(v > b)),
        Condition::Decreases => base.map_or(Check::Unknown, |b| met(v < b)),
        Condition::RelativeChange { percent } => base.map_or(Check::Unknown, |b| {
            let goal = b * (1.0 + percent / 100.0);
            met(if percent >= 0.0 { v >= goal - EPS } else { v <= goal + EPS })
        }),
        Condition::DoneIn { .. } | Condition::RatingAtLeast { .. } => Check::Unknown,
    }
}

/// Checks every condition of a target: all met → Met; any not met → NotMet;
/// otherwise Pending or Unknown.
fn check_target(t: &Target, indicator: &Indicator, actual: &Actual, year: i32) -> Check {
    if t.conditions.is_empty() {
        return Check::Unknown;
    }
    let checks: Vec<Check> = t.conditions.iter().map(|c| check(c, indicator, actual, year)).collect();
    if checks.contains(&Check::NotMet) {
        Check::NotMet
    } else if checks.contains(&Check::Unknown) {
        Check::Unknown
    } else if checks.contains(&Check::Pending) {
        Check::Pending
    } else {
        Check::Met
    }
}

/// Whether the actual moved from the baseline in the direction the target asks for.
fn moving_towards(t: &Target, indicator: &Indicator, actual: &Actual) -> Option<bool> {
    let (v, b) = (actual.value?, baseline_number(indicator)?);
    let up = t.conditions.iter().find_map(|c| match c {
        Condition::AtLeast { .. } | Condition::MoreThan { .. } | Condition::Increases | Condition::DoesNotDecrease => Some(true),
        Condition::AtMost { .. } | Condition::LessThan { .. } | Condition::Decreases | Condition::DoesNotIncrease => Some(false),
        Condition::RelativeChange { percent } => Some(*percent >= 0.0),
        _ => None,
    })?;
    Some(if up { v >= b } else { v <= b })
}

/// The status of one indicator for `year`. `end_year` is the strategy's last
/// year; `current_year` is today's year (a year is due once it has ended).
pub fn indicator_status(indicator: &Indicator, year: i32, end_year: i32, current_year: i32) -> Assessment {
    let Some(actual) = actual_for(indicator, year) else {
        let status = if year >= current_year { Status::NotYetDue } else { Status::NoData };
        return Assessment::new(status, Basis::NoActual);
    };
    if let Some(o) = &actual.status_override {
        return Assessment::new(o.status, Basis::Override);
    }
    if let Some(t) = target_for(indicator, year, end_year) {
        let status = match check_target(t, indicator, actual, year) {
            Check::Met => Status::Achieved,
            Check::NotMet => Status::NotAchieved,
            Check::Pending => Status::OnTrack,
            Check::Unknown => return Assessment::new(Status::NoData, Basis::CannotJudge),
        };
        return Assessment::new(status, Basis::Target);
    }
    let Some(t) = next_target(indicator, year, end_year) else {
        return Assessment::new(Status::NoData, Basis::CannotJudge);
    };
    let status = match check_target(t, indicator, actual, year) {
        Check::Met | Check::Pending => Status::OnTrack,
        Check::NotMet | Check::Unknown => match moving_towards(t, indicator, actual) {
            Some(true) => Status::OnTrack,
            Some(false) => Status::AtRisk,
            None => return Assessment::new(Status::NoData, Basis::CannotJudge),
        },
    };
    Assessment::new(status, Basis::Trajectory)
}

/// Rank for the worst-of roll-up; `None` for statuses that are not assessed.
fn severity(s: Status) -> Option<usize> {
    STATUS_ORDER[..ASSESSED].iter().position(|x| *x == s)
}

/// Rolls child statuses up by the worst-of rule (see the module docs).
pub fn roll_up(children: impl IntoIterator<Item = Status>) -> Status {
    let mut worst: Option<Status> = None;
    let mut any_not_yet_due = false;
    for s in children {
        match severity(s) {
            Some(rank) => {
                if worst.is_none_or(|w| severity(w).is_some_and(|wr| rank > wr)) {
                    worst = Some(s);
                }
            }
            None => any_not_yet_due |= s == Status::NotYetDue,
        }
    }
    worst.unwrap_or(if any_not_yet_due { Status::NotYetDue } else { Status::NoData })
}

/// A node's whole-year report for `year` (its status word and narrative), if any.
pub fn report_for(node: &Node, year: i32) -> Option<&Report> {
    node.reports.iter().find(|r| r.period.year == year && r.period.half.is_none())
}

/// Status computation for a whole strategy at a given "today".
#[derive(Debug, Clone)]
pub struct StatusContext<'a> {
    pub end_year: i32,
    pub current_year: i32,
    /// The nodes that also serve a node besides their parent, by the served node's id.
    served_by: HashMap<&'a str, Vec<&'a Node>>,
    /// Every node by id.
    by_id: HashMap<&'a str, &'a Node>,
}

impl<'a> StatusContext<'a> {
    /// The context for `strategy` as of `current_year`.
    pub fn new(strategy: &'a Strategy, current_year: i32) -> Self {
        let mut served_by: HashMap<&str, Vec<&Node>> = HashMap::new();
        let mut by_id = HashMap::new();
        for n in strategy.nodes() {
            by_id.entry(n.node.id.as_str()).or_insert(n.node);
            for target in n.node.serves.iter().filter(|t| !t.is_empty()) {
                served_by.entry(target.as_str()).or_default().push(n.node);
            }
        }
        StatusContext { end_year: strategy.period.end_year, current_year, served_by, by_id }
    }

    /// Status of one indicator.
    pub fn indicator(&self, indicator: &Indicator, year: i32) -> Status {
        indicator_status(indicator, year, self.end_year, self.current_year).status
    }

    /// Status of a node at any level: its report's status for `year`, else the
    /// roll-up of its indicators, its children and the nodes that also serve it.
    pub fn node(&self, node: &Node, year: i32) -> Status {
        self.node_within(node, year, &mut Vec::new())
    }

    /// Status of the node with `id`; `None` when there is no such node.
    pub fn node_by_id(&self, id: &str, year: i32) -> Option<Status> {
        self.by_id.get(id).map(|n| self.node(n, year))
    }

    /// [`StatusContext::node`], skipping the nodes already being rolled up (`visiting`).
    fn node_within(&self, node: &Node, year: i32, visiting: &mut Vec<*const Node>) -> Status {
        if let Some(s) = report_for(node, year).and_then(|r| r.status) {
            return s;
        }
        visiting.push(node);
        let mut children: Vec<Status> = node.indicators.iter().map(|i| self.indicator(i, year)).collect();
        let serving = self.served_by.get(node.id.as_str()).into_iter().flatten().copied();
        for child in node.children.iter().chain(serving) {
            if !visiting.contains(&std::ptr::from_ref(child)) {
                children.push(self.node_within(child, year, visiting));
            }
        }
        visiting.pop();
        roll_up(children)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Baseline, ReportingPeriod, Report, StatusOverride};
    use Condition::*;
    use Status::*;

    const END: i32 = 2027;
    const NOW: i32 = 2026;

    fn indicator(baseline: Option<f64>, targets: Vec<(i32, Vec<Condition>)>) -> Indicator {
        Indicator {
            id: "i".into(),
            baseline: Baseline {
                value: baseline.map_or(BaselineValue::NotAvailable, |value| BaselineValue::Number { value }),
                ..Default::default()
            },
            targets: targets
                .into_iter()
                .map(|(y, conditions)| Target { year: Some(y), text: String::new(), conditions })
                .collect(),
            ..Default::default()
        }
    }

    fn with_actual(mut ind: Indicator, year: i32, value: f64) -> Indicator {
        ind.actuals.push(Actual { period: ReportingPeriod::year(year), value: Some(value), ..Default::default() });
        ind
    }

    fn status(ind: &Indicator, year: i32) -> Status {
        indicator_status(ind, year, END, NOW).status
    }

    /// Every operator against an actual, on its own year's target.
    #[test]
    fn every_operator_met_and_not_met() {
        let cases: Vec<(Condition, Option<f64>, f64, Status)> = vec![
            (AtLeast { value: 80.0 }, None, 80.0, Achieved),
            (AtLeast { value: 80.0 }, None, 79.9, NotAchieved),
            (MoreThan { value: 80.0 }, None, 80.0, NotAchieved),
            (MoreThan { value: 80.0 }, None, 80.1, Achieved),
            (AtMost { value: 11.0 }, None, 9.0, Achieved),
            (AtMost { value: 11.0 }, None, 11.0, Achieved),
            (AtMost { value: 11.0 }, None, 14.0, NotAchieved),
            (LessThan { value: 11.0 }, None, 11.0, NotAchieved),
            (Equal { value: 35.0 }, None, 35.0, Achieved),
            (Equal { value: 35.0 }, None, 34.0, NotAchieved),
            (Range { min: 10.0, max: 20.0 }, None, 10.0, Achieved),
            (Range { min: 10.0, max: 20.0 }, None, 20.5, NotAchieved),
            (DoesNotIncrease, Some(348.29), 348.29, Achieved),
            (DoesNotIncrease, Some(348.29), 350.0, NotAchieved),
            (DoesNotDecrease, Some(88.8), 90.0, Achieved),
            (DoesNotDecrease, Some(88.8), 80.0, NotAchieved),
            (Unchanged, Some(29.0), 29.0, Achieved),
            (Unchanged, Some(29.0), 28.0, NotAchieved),
            (Increases, Some(63.8), 64.0, Achieved),
            (Increases, Some(63.8), 63.8, NotAchieved),
            (Decreases, Some(348.29), 300.0, Achieved),
            (Decreases, Some(348.29), 348.29, NotAchieved),
            (AtLeastTimes { count: 2, per: crate::model::Frequency::Month }, None, 2.0, Achieved),
            (AtLeastTimes { count: 2, per: crate::model::Frequency::Month }, None, 1.0, NotAchieved),
            (RelativeChange { percent: 5.0 }, Some(100.0), 105.0, Achieved),
            (RelativeChange { percent: 5.0 }, Some(100.0), 104.0, NotAchieved),
            (RelativeChange { percent: -2.0 }, Some(100.0), 98.0, Achieved),
            (RelativeChange { percent: -2.0 }, Some(100.0), 99.0, NotAchieved),
            // Operators relative to the baseline cannot be judged without one.
            (Increases, None, 64.0, NoData),
            (RelativeChange { percent: 5.0 }, None, 105.0, NoData),
        ];
        for (c, base, actual, expected) in cases {
            let ind = with_actual(indicator(base, vec![(2025, vec![c.clone()])]), 2025, actual);
            assert_eq!(status(&ind, 2025), expected, "{c:?} baseline {base:?} actual {actual}");
        }
    }

    #[test]
    fn staff_turnover_at_most_11_percent() {
        // DOMAIN.md: "novēršamās personāla mainības līmenis nepārsniedz 11 % gadā".
        let parsed = crate::target::parse_target("nepārsniedz 11 % gadā", None).conditions;
        let targets = (2024..=2027).map(|y| (y, parsed.clone())).collect();
        let ind = indicator(None, targets);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 9.0), 2025), Achieved);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 14.0), 2025), NotAchieved);
        assert_eq!(status(&ind, 2025), NoData, "a past year without an actual");
        assert_eq!(status(&ind, 2026), NotYetDue, "the current year has not ended");
        assert_eq!(status(&ind, 2027), NotYetDue);
    }

    #[test]
    fn final_target_only_gives_on_track_or_at_risk_before_the_end() {
        let mut ind = indicator(Some(27.4), vec![]);
        ind.final_target = Some(Target { year: Some(2027), text: "2027. gadā pieaug".into(), conditions: vec![Increases] });
        assert_eq!(status(&with_actual(ind.clone(), 2025, 30.0), 2025), OnTrack);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 20.0), 2025), AtRisk);
        assert_eq!(status(&with_actual(ind.clone(), 2027, 30.0), 2027), Achieved);
        assert_eq!(status(&with_actual(ind.clone(), 2027, 20.0), 2027), NotAchieved);
        // A final target without a year applies to the period's last year.
        ind.final_target.as_mut().unwrap().year = None;
        assert_eq!(status(&with_actual(ind, 2027, 30.0), 2027), Achieved);
    }

    #[test]
    fn trajectory_towards_a_later_numeric_target() {
        let ind = indicator(Some(50.0), vec![(2027, vec![AtLeast { value: 80.0 }])]);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 85.0), 2025), OnTrack, "already past the target");
        assert_eq!(status(&with_actual(ind.clone(), 2025, 60.0), 2025), OnTrack, "moving up from 50");
        assert_eq!(status(&with_actual(ind.clone(), 2025, 40.0), 2025), AtRisk, "moving away");
        let no_base = indicator(None, vec![(2027, vec![AtLeast { value: 80.0 }])]);
        assert_eq!(status(&with_actual(no_base, 2025, 60.0), 2025), NoData, "cannot judge without a baseline");
    }

    #[test]
    fn milestones() {
        let mut ind = indicator(None, vec![(2026, vec![DoneIn { year: 2026 }])]);
        ind.kind = IndicatorKind::Milestone;
        let mark = |ind: &Indicator, year: i32, done: bool| {
            let mut ind = ind.clone();
            ind.actuals.push(Actual { period: ReportingPeriod::year(year), done: Some(done), ..Default::default() });
            ind
        };
        assert_eq!(status(&mark(&ind, 2026, true), 2026), Achieved);
        assert_eq!(status(&mark(&ind, 2026, false), 2026), NotAchieved);
        // Done early counts in the target year.
        assert_eq!(status(&mark(&mark(&ind, 2025, true), 2026, false), 2026), Achieved);
        // Not done before the year: on track towards the later target.
        assert_eq!(status(&mark(&ind, 2025, false), 2025), OnTrack);
        // A final milestone target checked in its own year while not done yet is pending.
        let mut late = indicator(None, vec![(2025, vec![DoneIn { year: 2027 }])]);
        late.kind = IndicatorKind::Milestone;
        assert_eq!(status(&mark(&late, 2025, false), 2025), OnTrack);
    }

    #[test]
    fn overrides_half_years_and_unparsed_targets() {
        let mut ind = with_actual(indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]), 2025, 14.0);
        ind.actuals[0].status_override = Some(StatusOverride { status: OnTrack, reason: "method changed".into() });
        assert_eq!(indicator_status(&ind, 2025, END, NOW), Assessment { status: OnTrack, basis: Basis::Override });

        let mut half = indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]);
        half.actuals.push(Actual { period: ReportingPeriod { year: 2025, half: Some(1) }, value: Some(14.0), ..Default::default() });
        half.actuals.push(Actual { period: ReportingPeriod { year: 2025, half: Some(2) }, value: Some(10.0), ..Default::default() });
        assert_eq!(status(&half, 2025), Achieved, "the latest half-year counts for the year");

        let unparsed = with_actual(indicator(None, vec![(2025, vec![])]), 2025, 3.0);
        assert_eq!(indicator_status(&unparsed, 2025, END, NOW), Assessment { status: NoData, basis: Basis::CannotJudge });

        let no_targets = with_actual(indicator(None, vec![]), 2025, 3.0);
        assert_eq!(status(&no_targets, 2025), NoData);
    }

    #[test]
    fn roll_up_takes_the_worst_assessed_child() {
        assert_eq!(roll_up([Achieved, Achieved]), Achieved);
        assert_eq!(roll_up([Achieved, OnTrack]), OnTrack);
        assert_eq!(roll_up([OnTrack, AtRisk, Achieved]), AtRisk);
        assert_eq!(roll_up([Achieved, NotAchieved, AtRisk]), NotAchieved);
        assert_eq!(roll_up([Achieved, NoData, NotYetDue]), Achieved, "unassessed children are ignored");
        assert_eq!(roll_up([NoData, NotYetDue]), NotYetDue);
        assert_eq!(roll_up([NoData]), NoData);
        assert_eq!(roll_up([]), NoData);
    }

    fn met() -> Indicator {
        with_actual(indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]), 2025, 9.0)
    }

    fn missed() -> Indicator {
        with_actual(indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]), 2025, 14.0)
    }

    fn node(id: &str, level: &str, indicators: Vec<Indicator>, children: Vec<Node>) -> Node {
        Node { id: id.into(), level: level.into(), indicators, children, ..Node::default() }
    }

    fn report(status: Status) -> Report {
        Report { period: ReportingPeriod::year(2025), status: Some(status), narrative: "PROCESĀ".into() }
    }

    fn strategy(items: Vec<Node>) -> Strategy {
        Strategy { period: crate::model::Period { start_year: 2024, end_year: END }, items, ..Default::default() }
    }

    #[test]
    fn results_goals_and_priorities_roll_up_and_reports_win() {
        let strategy = strategy(vec![]);
        let ctx = StatusContext::new(&strategy, NOW);
        let mut result = node("r", "result", vec![met()], vec![]);
        assert_eq!(ctx.node(&result, 2025), Achieved);
        result.indicators.push(missed());
        assert_eq!(ctx.node(&result, 2025), NotAchieved);
        result.reports.push(report(OnTrack));
        assert_eq!(ctx.node(&result, 2025), OnTrack, "the report's status wins");
        let other = node("r2", "result", vec![met()], vec![]);
        let goal = node("g", "goal", vec![], vec![result, other]);
        assert_eq!(ctx.node(&goal, 2025), OnTrack);
        let p = node("p", "priority", vec![], vec![goal, node("g2", "goal", vec![], vec![])]);
        assert_eq!(ctx.node(&p, 2025), OnTrack, "an empty goal has no data and is ignored");
        assert_eq!(ctx.node(&p, 2024), NoData);
        assert_eq!(ctx.node(&p, 2026), NotYetDue);
    }

    #[test]
    fn a_serving_node_counts_for_every_node_it_serves_and_reports_win() {
        let mut shared = node("r1", "result", vec![missed()], vec![]);
        shared.serves = vec!["g2".into()];
        let s = strategy(vec![node("p", "priority", vec![], vec![node("g1", "goal", vec![], vec![shared]), node("g2", "goal", vec![met()], vec![])])]);
        let ctx = StatusContext::new(&s, NOW);
        let g2 = &s.items[0].children[1];
        assert_eq!(ctx.node(g2, 2025), NotAchieved, "g2 is held back by the result that serves it");
        assert_eq!(ctx.node_by_id("g2", 2025), Some(NotAchieved));
        assert_eq!(ctx.node_by_id("nope", 2025), None);
        let mut judged = g2.clone();
        judged.reports.push(Report { period: ReportingPeriod::year(2025), status: Some(NoData), narrative: "cannot judge".into() });
        assert_eq!(ctx.node(&judged, 2025), NoData, "the evaluation's word wins");
        let mut half = g2.clone();
        half.reports.push(Report { period: ReportingPeriod { year: 2025, half: Some(1) }, status: Some(Achieved), narrative: String::new() });
        assert_eq!(ctx.node(&half, 2025), NotAchieved, "a half-year report does not set the year's status");
    }

    /// Priority → action direction → goal → task, indicators only on the tasks:
    /// the statuses climb every level; one priority has an achieved and a
    /// not-achieved task, the other only achieved ones.
    #[test]
    fn roll_up_through_four_levels() {
        let task = |id: &str, i: Indicator| node(id, "task", vec![i], vec![]);
        let s = strategy(vec![
            node("p1", "priority", vec![], vec![node("d1", "direction", vec![], vec![node("g1", "goal", vec![], vec![task("t1", met()), task("t2", missed())])])]),
            node("p2", "priority", vec![], vec![node("d2", "direction", vec![], vec![node("g2", "goal", vec![], vec![task("t3", met())]), node("g3", "goal", vec![], vec![task("t4", met())])])]),
        ]);
        let ctx = StatusContext::new(&s, NOW);
        let of = |id: &str| ctx.node_by_id(id, 2025).unwrap();
        assert_eq!((of("t1"), of("t2"), of("g1"), of("d1"), of("p1")), (Achieved, NotAchieved, NotAchieved, NotAchieved, NotAchieved));
        assert_eq!((of("g2"), of("d2"), of("p2")), (Achieved, Achieved, Achieved));
        let mut reported = s.clone();
        reported.items[0].children[0].children[0].children[1].reports.push(report(OnTrack));
        let ctx = StatusContext::new(&reported, NOW);
        assert_eq!(ctx.node_by_id("p1", 2025), Some(OnTrack), "a task's report climbs to its priority");
    }

    #[test]
    fn the_overarching_goal_rolls_up_its_key_indicators_and_children() {
        let mut s = strategy(vec![node("p1", "priority", vec![missed()], vec![])]);
        let mut key = met();
        key.key = true;
        s.overarching_goal = Some(node("og", "", vec![key], vec![node("t0", "task", vec![met()], vec![])]));
        let ctx = StatusContext::new(&s, NOW);
        assert_eq!(ctx.node_by_id("og", 2025), Some(Achieved), "the priorities are not its children");
        s.overarching_goal.as_mut().unwrap().children[0].indicators.push(missed());
        let ctx = StatusContext::new(&s, NOW);
        assert_eq!(ctx.node_by_id("og", 2025), Some(NotAchieved));
    }

    #[test]
    fn a_loop_of_serves_links_ends() {
        let mut a = node("a", "goal", vec![met()], vec![]);
        let mut b = node("b", "goal", vec![missed()], vec![]);
        a.serves = vec!["b".into(), "a".into()];
        b.serves = vec!["a".into()];
        let s = strategy(vec![node("p", "priority", vec![], vec![a, b])]);
        let ctx = StatusContext::new(&s, NOW);
        assert_eq!(ctx.node_by_id("a", 2025), Some(NotAchieved));
        assert_eq!(ctx.node_by_id("p", 2025), Some(NotAchieved));
    }
}
