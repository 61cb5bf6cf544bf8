//! Computing the status of an indicator for a year from its targets, baseline
//! and actuals, and rolling statuses up to results, goals and priorities.
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
//! A result, goal or priority takes the **worst** status among its assessed
//! children (order: achieved, on track, at risk, not achieved), ignoring
//! children with no data or not yet due. When no child is assessed it is
//! *not yet due* if any child is, else *no data*. A goal's children are its
//! own indicators, its tasks' indicators, its results and the results written
//! under other goals that also serve it. A result's or goal's status set in its
//! report for `Y` (the evaluation's word) wins over the roll-up.

use std::collections::HashMap;

use crate::model::{Actual, BaselineValue, Condition, Goal, Indicator, IndicatorKind, Priority, Report, Result, Status, Strategy, Target};

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
fn severity(s: Status) -> Option<u8> {
    match s {
        Status::Achieved => Some(0),
        Status::OnTrack => Some(1),
        Status::AtRisk => Some(2),
        Status::NotAchieved => Some(3),
        Status::NoData | Status::NotYetDue => None,
    }
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

/// The status a report sets for `year` (a whole-year report), if any.
fn reported(reports: &[Report], year: i32) -> Option<Status> {
    reports.iter().find(|r| r.period.year == year && r.period.half.is_none()).and_then(|r| r.status)
}

/// Status computation for a whole strategy at a given "today".
#[derive(Debug, Clone)]
pub struct StatusContext<'a> {
    pub end_year: i32,
    pub current_year: i32,
    /// Results written under another goal that also serve a goal, by goal id.
    shared: HashMap<&'a str, Vec<&'a Result>>,
}

impl<'a> StatusContext<'a> {
    /// The context for `strategy` as of `current_year`.
    pub fn new(strategy: &'a Strategy, current_year: i32) -> Self {
        let mut shared: HashMap<&str, Vec<&Result>> = HashMap::new();
        for g in strategy.priorities.iter().flat_map(|p| &p.goals) {
            for r in &g.results {
                for other in &r.also_serves_goal_ids {
                    shared.entry(other.as_str()).or_default().push(r);
                }
            }
        }
        StatusContext { end_year: strategy.period.end_year, current_year, shared }
    }

    /// Status of one indicator.
    pub fn indicator(&self, indicator: &Indicator, year: i32) -> Status {
        indicator_status(indicator, year, self.end_year, self.current_year).status
    }

    fn indicators<'b>(&'b self, list: &'b [Indicator], year: i32) -> impl Iterator<Item = Status> + 'b {
        list.iter().map(move |i| self.indicator(i, year))
    }

    /// Status of a result: its report's status for `year`, else the roll-up of
    /// its own and its tasks' indicators.
    pub fn result(&self, result: &Result, year: i32) -> Status {
        reported(&result.reports, year).unwrap_or_else(|| {
            let tasks = result.tasks.iter().flat_map(|t| t.indicators.iter());
            roll_up(result.indicators.iter().chain(tasks).map(|i| self.indicator(i, year)))
        })
    }

    /// Status of a goal: its report's status for `year`, else the roll-up of
    /// its indicators, its tasks' indicators, its results and the results that
    /// also serve it.
    pub fn goal(&self, goal: &Goal, year: i32) -> Status {
        reported(&goal.reports, year).unwrap_or_else(|| {
            let tasks = goal.tasks.iter().flat_map(|t| self.indicators(&t.indicators, year).collect::<Vec<_>>());
            let shared = self.shared.get(goal.id.as_str()).into_iter().flatten().copied();
            let results = goal.results.iter().chain(shared).map(|r| self.result(r, year));
            roll_up(self.indicators(&goal.indicators, year).chain(tasks).chain(results))
        })
    }

    /// Status of a priority: roll-up of its indicators and its goals.
    pub fn priority(&self, priority: &Priority, year: i32) -> Status {
        roll_up(self.indicators(&priority.indicators, year).chain(priority.goals.iter().map(|g| self.goal(g, year))))
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

    #[test]
    fn results_goals_and_priorities_roll_up_and_reports_win() {
        let met = with_actual(indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]), 2025, 9.0);
        let missed = with_actual(indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]), 2025, 14.0);
        let mut result = Result { id: "r".into(), indicators: vec![met.clone()], ..Default::default() };
        let goal = |results: Vec<Result>| Goal { id: "g".into(), results, ..Default::default() };
        let strategy = Strategy { period: crate::model::Period { start_year: 2024, end_year: END }, ..Default::default() };
        let ctx = StatusContext::new(&strategy, NOW);
        assert_eq!(ctx.result(&result, 2025), Achieved);
        result.indicators.push(missed);
        assert_eq!(ctx.result(&result, 2025), NotAchieved);
        result.reports.push(Report { period: ReportingPeriod::year(2025), status: Some(OnTrack), narrative: "PROCESĀ".into() });
        assert_eq!(ctx.result(&result, 2025), OnTrack, "the report's status wins");
        let other = Result { id: "r2".into(), indicators: vec![met], ..Default::default() };
        let g = goal(vec![result, other]);
        assert_eq!(ctx.goal(&g, 2025), OnTrack);
        let p = Priority { id: "p".into(), goals: vec![g, goal(vec![])], ..Default::default() };
        assert_eq!(ctx.priority(&p, 2025), OnTrack);
    }

    #[test]
    fn a_shared_result_counts_for_every_goal_it_serves_and_goal_reports_win() {
        let missed = with_actual(indicator(None, vec![(2025, vec![AtMost { value: 11.0 }])]), 2025, 14.0);
        let shared = Result { id: "r1".into(), also_serves_goal_ids: vec!["g2".into()], indicators: vec![missed], ..Default::default() };
        let mut s = Strategy { period: crate::model::Period { start_year: 2024, end_year: END }, ..Default::default() };
        s.priorities.push(Priority {
            id: "p".into(),
            goals: vec![
                Goal { id: "g1".into(), results: vec![shared], ..Default::default() },
                Goal { id: "g2".into(), ..Default::default() },
            ],
            ..Default::default()
        });
        let ctx = StatusContext::new(&s, NOW);
        assert_eq!(ctx.goal(&s.priorities[0].goals[1], 2025), NotAchieved, "g2 is held back by the result it shares");
        let mut judged = s.priorities[0].goals[1].clone();
        judged.reports.push(Report { period: ReportingPeriod::year(2025), status: Some(NoData), narrative: "cannot judge".into() });
        assert_eq!(ctx.goal(&judged, 2025), NoData, "the evaluation's word wins");
    }
}
