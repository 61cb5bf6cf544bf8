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
//!
//! # Condition rules
//! - Changes are measured against a reference value: the baseline (a number,
//!   or the count of a frequency baseline), the previous year's actual
//!   ("+5 % pret iepriekšējo gadu"; the baseline when it is of that year), or a
//!   named year's actual (likewise). A missing reference value → *no data*.
//!   A percent change `p` asks for at least `reference × (1 + p/100)` when
//!   `p ≥ 0`, at most that when `p < 0`; an increment `a` ("+2") likewise
//!   for `reference + a`.
//! - When the indicator's unit is a percentage and its baseline is written in
//!   another unit ("348,29 MWh" with targets "−2 %"), the actual is read as the
//!   change from the baseline in percent: "−2 %" holds when it is −2 or lower,
//!   "decreases" when it is below 0; increments, in units, cannot be judged.
//! - A cumulative condition ("kopā 15") holds for the sum of the whole-year
//!   actuals from the indicator's first target year to the year; a year
//!   without an actual in between → *no data*.
//! - A stage target ("pabeigts", "uzsākts") holds when an actual up to the year
//!   reached that stage or a later one (by its text, or done = completed);
//!   before its year it is pending.
//! - "Baseline measured in YEAR" holds when the year's actual has a value or
//!   the baseline has been measured; before its year it is pending.
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
use crate::target::{parse_stage, Against, Stage};

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

/// The baseline as a number, when it is one (a frequency baseline gives its count).
pub fn baseline_number(indicator: &Indicator) -> Option<f64> {
    match &indicator.baseline.value {
        BaselineValue::Number { value } => Some(*value),
        BaselineValue::Times { count, .. } => Some(f64::from(*count)),
        _ => None,
    }
}

/// The value a change is measured against for `year`: the baseline, or the
/// actual of the previous or a named year (the baseline when it is of that year).
pub fn reference_value(indicator: &Indicator, against: Against, year: i32) -> Option<f64> {
    let of_year = |y: i32| {
        actual_for(indicator, y)
            .and_then(|a| a.value)
            .or_else(|| baseline_number(indicator).filter(|_| indicator.baseline.year == Some(y)))
    };
    match against {
        Against::Baseline => baseline_number(indicator),
        Against::PreviousYear => of_year(year - 1),
        Against::Year { year: y } => of_year(y),
    }
}

/// Whether actuals are changes from the baseline in percent: the indicator is
/// in percent while its baseline is written in another unit.
pub fn actual_is_percent_change(indicator: &Indicator) -> bool {
    let is_percent = |u: &str| {
        let u = u.trim().to_lowercase();
        u.starts_with('%') || u.starts_with("procent") || u.starts_with("percent")
    };
    let base_unit = indicator.baseline.unit.as_deref().unwrap_or("").trim();
    is_percent(&indicator.unit) && !base_unit.is_empty() && !is_percent(base_unit)
}

/// The sum of the whole-year actuals from the indicator's first target year to
/// `year`; `None` when a year in between has no value.
fn cumulative_value(indicator: &Indicator, year: i32) -> Option<f64> {
    let first = indicator.targets.iter().chain(indicator.final_target.iter()).filter_map(|t| t.year).min().unwrap_or(year).min(year);
    (first..=year).map(|y| actual_for(indicator, y).and_then(|a| a.value)).sum()
}

/// The stage an actual tells: by its text ("uzsākts"), or completed when done.
fn stage_of(actual: &Actual) -> Option<Stage> {
    parse_stage(&actual.text).or(if actual.done == Some(true) { Some(Stage::Completed) } else { None })
}

/// Whether `done` counts for `year`: done in that year or any earlier one.
fn done_by(indicator: &Indicator, year: i32) -> bool {
    indicator.actuals.iter().any(|a| a.period.year <= year && stage_of(a) == Some(Stage::Completed))
}

/// Whether anything was entered for an actual.
fn entered(actual: &Actual) -> bool {
    actual.done.is_some() || actual.value.is_some() || actual.rating.is_some() || !actual.text.trim().is_empty()
}

/// Checks one condition against the actual for `year`; `target_year` is the
/// year of the target it belongs to (a stage target's due year when it names none).
fn check(c: &Condition, indicator: &Indicator, actual: &Actual, year: i32, target_year: Option<i32>) -> Check {
    let base = baseline_number(indicator);
    let met = |b: bool| if b { Check::Met } else { Check::NotMet };
    let pending_or_not = |due: i32| if year < due { Check::Pending } else { Check::NotMet };
    const EPS: f64 = 1e-9;
    match c {
        Condition::StageReached { stage, year: due } => {
            let reached = indicator.actuals.iter().filter(|a| a.period.year <= year).filter_map(stage_of).max();
            return match reached {
                Some(r) if r >= *stage => Check::Met,
                _ if entered(actual) => pending_or_not(due.or(target_year).unwrap_or(year)),
                _ => Check::Unknown,
            };
        }
        Condition::BaselineSetIn { year: due } => {
            let measured = baseline_number(indicator).is_some() && indicator.baseline.year.is_none_or(|y| y <= year);
            return if measured || actual.value.is_some() || actual.rating.is_some() {
                Check::Met
            } else if entered(actual) {
                pending_or_not(*due)
            } else {
                Check::Unknown
            };
        }
        Condition::Cumulative { condition } => {
            let Some(total) = cumulative_value(indicator, year) else { return Check::Unknown };
            let summed = Actual { value: Some(total), ..actual.clone() };
            return check(condition, indicator, &summed, year, target_year);
        }
        _ => {}
    }
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
    if actual_is_percent_change(indicator) {
        // The actual is the change from the baseline in percent (see the module docs).
        let changed = |up: bool, by: f64| met(if up { v >= by - EPS } else { v <= by + EPS });
        match *c {
            Condition::DoesNotIncrease => return changed(false, 0.0),
            Condition::DoesNotDecrease => return changed(true, 0.0),
            Condition::Unchanged => return met(v.abs() <= EPS),
            Condition::Increases => return met(v > 0.0),
            Condition::Decreases => return met(v < 0.0),
            Condition::RelativeChange { percent } | Condition::PercentChange { percent, against: Against::Baseline } => {
                return changed(percent >= 0.0, percent)
            }
            Condition::PercentChange { .. } | Condition::Increment { .. } => return Check::Unknown,
            _ => {}
        }
    }
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
        Condition::PercentChange { percent, against } => reference_value(indicator, against, year).map_or(Check::Unknown, |r| {
            let goal = r * (1.0 + percent / 100.0);
            met(if percent >= 0.0 { v >= goal - EPS } else { v <= goal + EPS })
        }),
        Condition::Increment { amount, against } => reference_value(indicator, against, year).map_or(Check::Unknown, |r| {
            let goal = r + amount;
            met(if amount >= 0.0 { v >= goal - EPS } else { v <= goal + EPS })
        }),
        Condition::DoneIn { .. }
        | Condition::RatingAtLeast { .. }
        | Condition::Cumulative { .. }
        | Condition::StageReached { .. }
        | Condition::BaselineSetIn { .. } => Check::Unknown,
    }
}

/// Checks every condition of a target: all met → Met; any not met → NotMet;
/// otherwise Pending or Unknown.
fn check_target(t: &Target, indicator: &Indicator, actual: &Actual, year: i32) -> Check {
    if t.conditions.is_empty() {
        return Check::Unknown;
    }
    let checks: Vec<Check> = t.conditions.iter().map(|c| check(c, indicator, actual, year, t.year)).collect();
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
        Condition::RelativeChange { percent } | Condition::PercentChange { percent, .. } => Some(*percent >= 0.0),
        Condition::Increment { amount, .. } => Some(*amount >= 0.0),
        _ => None,
    })?;
    if actual_is_percent_change(indicator) {
        return Some(if up { v >= 0.0 } else { v <= 0.0 });
    }
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

    fn parsed(text: &str, year: i32) -> Vec<Condition> {
        crate::target::parse_target(text, Some(year)).conditions
    }

    fn with_text(mut ind: Indicator, year: i32, text: &str) -> Indicator {
        let (value, done) = crate::target::parse_actual(text);
        ind.actuals.push(Actual { period: ReportingPeriod::year(year), text: text.into(), value, done, ..Default::default() });
        ind
    }

    /// "+5 % pret iepriekšējo gadu": the previous year's actual, or the baseline
    /// when it is of that year; no reference value → no data.
    #[test]
    fn changes_against_the_previous_year() {
        let mut ind = indicator(Some(100.0), (2024..=2027).map(|y| (y, parsed("+5 % pret iepriekšējo gadu", y))).collect());
        ind.baseline.year = Some(2023);
        let ind = with_actual(with_actual(ind, 2024, 105.0), 2025, 108.0);
        assert_eq!(status(&ind, 2024), Achieved, "105 ≥ 100 (the 2023 baseline) + 5 %");
        assert_eq!(status(&ind, 2025), NotAchieved, "108 < 105 + 5 %");
        let later = with_actual(ind.clone(), 2027, 120.0);
        assert_eq!(status(&later, 2027), NoData, "2026 has no actual to compare with");
        let mut undated = indicator(Some(100.0), vec![(2024, parsed("+5 % pret iepriekšējo gadu", 2024))]);
        undated.baseline.year = None;
        assert_eq!(status(&with_actual(undated, 2024, 110.0), 2024), NoData, "a baseline of no known year is not the previous year");
        // Decreases: "−3 % pret iepriekšējo gadu".
        let down = with_actual(with_actual(indicator(None, vec![(2025, parsed("−3 % pret iepriekšējo gadu", 2025))]), 2024, 200.0), 2025, 194.0);
        assert_eq!(status(&down, 2025), Achieved);
        // Increment in units against the previous year: "par 3 procentpunktiem mazāk nekā iepriekšējā gadā".
        let pp = indicator(None, vec![(2023, parsed("par 3 procentpunktiem mazāk nekā iepriekšējā gadā", 2023))]);
        assert_eq!(status(&with_actual(with_actual(pp.clone(), 2022, 13.0), 2023, 10.0), 2023), Achieved, "lm-annual-report-2023: 13 % → 10 %");
        assert_eq!(status(&with_actual(with_actual(pp, 2022, 13.0), 2023, 11.0), 2023), NotAchieved);
    }

    #[test]
    fn changes_against_a_named_year() {
        let ind = indicator(Some(50.0), vec![(2026, parsed("+10 % pret 2023. gadu", 2026))]);
        assert_eq!(status(&with_actual(ind.clone(), 2026, 60.0), 2026), NoData, "no actual for 2023 and the baseline is of no known year");
        let mut dated = ind.clone();
        dated.baseline.year = Some(2023);
        assert_eq!(status(&with_actual(dated.clone(), 2026, 55.0), 2026), Achieved, "the 2023 baseline: 55 ≥ 50 + 10 %");
        assert_eq!(status(&with_actual(dated, 2026, 54.0), 2026), NotAchieved);
        let measured = with_actual(ind, 2023, 40.0);
        assert_eq!(status(&with_actual(measured, 2026, 45.0), 2026), Achieved, "the 2023 actual wins over the baseline");
        // "par 127 MWh samazinājies salīdzinot ar 2019. gadu" (lm-annual-report-2023).
        let heat = indicator(None, vec![(2023, parsed("par 127 MWh samazinājies salīdzinot ar 2019. gadu", 2023))]);
        let heat = with_actual(heat, 2019, 475.0);
        assert_eq!(status(&with_actual(heat.clone(), 2023, 348.0), 2023), Achieved);
        assert_eq!(status(&with_actual(heat, 2023, 350.0), 2023), NotAchieved);
    }

    #[test]
    fn signed_increments_against_the_baseline() {
        let ind = indicator(Some(10.0), vec![(2025, parsed("+2", 2025)), (2027, parsed("+5", 2027))]);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 12.0), 2025), Achieved, "10 + 2");
        assert_eq!(status(&with_actual(ind.clone(), 2025, 11.0), 2025), NotAchieved, "“+2” is not “+2 %”");
        assert_eq!(status(&with_actual(ind.clone(), 2026, 11.0), 2026), OnTrack, "moving up towards 10 + 5");
        assert_eq!(status(&with_actual(ind, 2026, 9.0), 2026), AtRisk);
        let down = indicator(Some(10.0), vec![(2025, parsed("−1", 2025))]);
        assert_eq!(status(&with_actual(down.clone(), 2025, 9.0), 2025), Achieved);
        assert_eq!(status(&with_actual(down, 2025, 9.5), 2025), NotAchieved);
        assert_eq!(status(&with_actual(indicator(None, vec![(2025, parsed("+2", 2025))]), 2025, 12.0), 2025), NoData, "no baseline");
    }

    /// "5 (kopā 15)": 5 that year and 15 in total from the first target year.
    #[test]
    fn yearly_and_cumulative_targets() {
        let targets = vec![(2025, parsed("≥ 5", 2025)), (2026, parsed("≥ 5", 2026)), (2027, parsed("≥ 5 (kopā ≥ 15)", 2027))];
        let ind = with_actual(with_actual(indicator(None, targets), 2025, 6.0), 2026, 5.0);
        assert_eq!(status(&with_actual(ind.clone(), 2027, 5.0), 2027), Achieved, "6 + 5 + 5 = 16");
        assert_eq!(status(&with_actual(ind.clone(), 2027, 3.0), 2027), NotAchieved, "3 < 5 that year");
        let short = with_actual(with_actual(with_actual(indicator(None, vec![(2025, vec![]), (2027, parsed("5 (kopā ≥ 15)", 2027))]), 2025, 4.0), 2026, 5.0), 2027, 5.0);
        assert_eq!(status(&short, 2027), NotAchieved, "4 + 5 + 5 = 14 < 15");
        let gap = with_actual(with_actual(indicator(None, vec![(2025, vec![]), (2027, parsed("kopā ≥ 15", 2027))]), 2025, 10.0), 2027, 10.0);
        assert_eq!(status(&gap, 2027), NoData, "2026 has no actual");
        // A count and a growth: "120 / +5 %" both must hold.
        let both = indicator(Some(100.0), vec![(2025, parsed("≥ 120 / +5 %", 2025))]);
        assert_eq!(status(&with_actual(both.clone(), 2025, 121.0), 2025), Achieved);
        assert_eq!(status(&with_actual(both, 2025, 104.0), 2025), NotAchieved);
    }

    /// A milestone "pabeigts" in 2026 is achieved when the actual says completed.
    #[test]
    fn stage_targets() {
        let mut ind = indicator(None, vec![(2026, parsed("pabeigts", 2026))]);
        ind.kind = IndicatorKind::Milestone;
        ind.baseline.value = BaselineValue::Stage { stage: crate::target::Stage::Started };
        assert_eq!(status(&with_text(ind.clone(), 2026, "pabeigts"), 2026), Achieved);
        assert_eq!(status(&with_text(ind.clone(), 2026, "completed"), 2026), Achieved);
        assert_eq!(status(&with_text(ind.clone(), 2026, "jā"), 2026), Achieved, "done is completed");
        assert_eq!(status(&with_text(ind.clone(), 2026, "turpina darbu"), 2026), NotAchieved);
        assert_eq!(status(&with_text(ind.clone(), 2025, "turpina darbu"), 2025), OnTrack, "not due yet");
        assert_eq!(status(&with_text(with_text(ind.clone(), 2025, "Pabeigts"), 2026, "—"), 2026), Achieved, "completed early counts");
        let started = indicator(None, vec![(2025, parsed("uzsākts", 2025))]);
        assert_eq!(status(&with_text(started.clone(), 2025, "uzsākts"), 2025), Achieved);
        assert_eq!(status(&with_text(started.clone(), 2025, "turpinās"), 2025), Achieved, "a later stage counts");
        assert_eq!(status(&with_text(started.clone(), 2025, "sagatavošana"), 2025), NotAchieved);
        let blank = Actual { period: ReportingPeriod::year(2025), ..Default::default() };
        let mut empty = started;
        empty.actuals.push(blank);
        assert_eq!(status(&empty, 2025), NoData, "nothing entered");
        // "x" in the column is still done-in, and "pabeigts" as the actual's word counts as done.
        let mut x = indicator(None, vec![(2026, parsed("x", 2026))]);
        x.kind = IndicatorKind::Milestone;
        let mut said = x.clone();
        said.actuals.push(Actual { period: ReportingPeriod::year(2026), text: "Pabeigts".into(), ..Default::default() });
        assert_eq!(status(&said, 2026), Achieved);
    }

    /// "bāzes vērtība tiks noteikta 2025. gadā" as a target cell.
    #[test]
    fn the_baseline_measured_in_a_year() {
        let mut ind = indicator(None, vec![(2025, parsed("bāzes vērtība tiks noteikta 2025. gadā", 2025)), (2026, parsed("pieaug", 2026))]);
        ind.baseline.value = BaselineValue::MeasuredFrom { year: 2025 };
        assert_eq!(status(&with_actual(ind.clone(), 2025, 61.0), 2025), Achieved, "measured");
        assert_eq!(status(&with_text(ind.clone(), 2025, "nav"), 2025), NotAchieved, "not measured in its year");
        let early = indicator(None, vec![(2026, parsed("bāzes vērtība tiks noteikta", 2026))]);
        assert_eq!(status(&with_text(early.clone(), 2025, "nav"), 2025), OnTrack, "not due yet");
        let mut known = early;
        known.baseline = Baseline { value: BaselineValue::Number { value: 40.0 }, year: Some(2025), ..Default::default() };
        assert_eq!(status(&with_text(known, 2026, "nav"), 2026), Achieved, "the baseline has been measured");
    }

    /// "1x", "2x gadā" baselines are counts for targets against the baseline.
    #[test]
    fn frequency_baselines() {
        let mut ind = indicator(None, vec![(2025, parsed("nesamazinās", 2025)), (2026, parsed("2x", 2026))]);
        ind.baseline.value = crate::target::parse_baseline("1x").0;
        assert_eq!(status(&with_actual(ind.clone(), 2025, 1.0), 2025), Achieved);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 0.0), 2025), NotAchieved);
        assert_eq!(status(&with_actual(ind, 2026, 2.0), 2026), Achieved);
    }

    /// lm-strategy-2024-2027: baseline "348,29 MWh (2023)", a percentage target.
    #[test]
    fn a_baseline_in_another_unit() {
        let mut ind = indicator(None, vec![(2025, parsed("−2 %", 2025)), (2027, parsed("samazinās", 2027))]);
        ind.baseline = crate::target::baseline_from_text("348,29 MWh (2023)");
        // Measured in MWh like the baseline: 348,29 − 2 % = 341,32.
        ind.unit = "MWh".into();
        assert_eq!(status(&with_actual(ind.clone(), 2025, 340.0), 2025), Achieved);
        assert_eq!(status(&with_actual(ind.clone(), 2025, 345.0), 2025), NotAchieved);
        // Measured in percent: the actual is the change from the baseline.
        ind.unit = "%".into();
        assert!(actual_is_percent_change(&ind));
        assert_eq!(status(&with_actual(ind.clone(), 2025, -3.0), 2025), Achieved);
        assert_eq!(status(&with_actual(ind.clone(), 2025, -1.0), 2025), NotAchieved);
        assert_eq!(status(&with_actual(ind.clone(), 2027, -0.5), 2027), Achieved, "decreases: below 0");
        assert_eq!(status(&with_actual(ind.clone(), 2026, -0.5), 2026), OnTrack, "moving down");
        let mut same = ind.clone();
        same.baseline.unit = Some("%".into());
        assert!(!actual_is_percent_change(&same), "the same unit");
        ind.targets[0].conditions = parsed("−20", 2025);
        assert_eq!(status(&with_actual(ind, 2025, -30.0), 2025), NoData, "units against percent cannot be judged");
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
