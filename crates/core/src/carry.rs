//! Starting the next period from a strategy: a draft for the following
//! years that keeps what lasts and the goals the user picks.
//!
//! # Rule
//! The draft gets the new id, the period shifted by its length (2020–2023 →
//! 2024–2027; the years in the title move with it) and a link to its source
//! ([`Strategy::source_strategy`]). It copies the institution, content
//! language, levels and their names, mandate, mission, vision, values, target
//! groups, policy documents, units, glossary, references, methodology and
//! monitoring. It keeps the nodes `keep` accepts (a node it refuses goes with
//! its subtree; the overarching goal stays, its children picked the same way).
//! Each kept indicator's baseline becomes its last actual up to `today_year`
//! (latest year, a whole year after its halves; value and year), marked
//! [`Baseline::carried_from`] the source; an indicator never measured keeps
//! its baseline. Targets, actuals, reports, evaluations, SWOT, risks,
//! resources, foreword, context analysis and notes are left to the new
//! period, and links to nodes that were dropped go with them. Nothing in the
//! draft is locked: what the old period's room agreed is the new one's to
//! agree again.
//!
//! What the user picks from ([`goal_choices`]) are the nodes of the top two
//! levels, in document order; a choice under a dropped one goes with it.

use std::collections::HashSet;

use crate::model::{Actual, Baseline, BaselineValue, Foreword, Id, Indicator, Node, Period, Stage, Strategy};

/// The draft of the period after `s`'s, with id `new_id` (see the module docs).
pub fn next_period(s: &Strategy, keep: &dyn Fn(&Node) -> bool, new_id: &str, today_year: i32) -> Strategy {
    let period = following(s.period);
    let carry = |n: &Node| carry_node(n, keep, &s.id, today_year);
    let mut next = Strategy {
        id: new_id.into(),
        title: shift_years(&s.title, s.period, period),
        institution: s.institution.clone(),
        period,
        content_language: s.content_language,
        foreword: Foreword::default(),
        mandate: s.mandate.clone(),
        mission: s.mission.clone(),
        vision: s.vision.clone(),
        values: s.values.clone(),
        levels: s.levels.clone(),
        indicator_name: s.indicator_name.clone(),
        overarching_goal: s.overarching_goal.as_ref().map(|og| {
            let mut og = carry_own(og, &s.id, today_year);
            og.children = s.overarching_goal.iter().flat_map(|o| &o.children).filter_map(carry).collect();
            og
        }),
        items: s.items.iter().filter_map(carry).collect(),
        target_groups: s.target_groups.clone(),
        policy_documents: s.policy_documents.clone(),
        units: s.units.clone(),
        monitoring: s.monitoring.clone(),
        target_group_name: s.target_group_name.clone(),
        methodology: s.methodology.clone(),
        glossary: s.glossary.clone(),
        references: s.references.clone(),
        source_strategy: Some(s.id.clone()),
        ..Strategy::default()
    };
    let kept: HashSet<Id> = next.nodes().iter().map(|n| n.node.id.clone()).collect();
    fn unlink(n: &mut Node, kept: &HashSet<Id>) {
        n.serves.retain(|id| kept.contains(id));
        n.swot_ids.clear();
        n.children.iter_mut().for_each(|c| unlink(c, kept));
    }
    next.overarching_goal.iter_mut().chain(next.items.iter_mut()).for_each(|n| unlink(n, &kept));
    for id in next.locked_ids() {
        next.set_locked(&id, false);
    }
    next
}

/// The period right after `p`, as long as it (2020–2023 → 2024–2027).
pub fn following(p: Period) -> Period {
    let len = (p.end_year - p.start_year + 1).max(1);
    Period { start_year: p.end_year + 1, end_year: p.end_year + len }
}

/// A node the user may keep in the next period or drop with its subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalChoice {
    pub id: Id,
    /// Number and title ("2. Care").
    pub label: String,
    /// 0 for the top level, 1 for the level under it.
    pub depth: usize,
    /// The choice this one sits under (dropping it drops this one).
    pub parent: Option<Id>,
}

/// The nodes of the top two levels of the tree (not the overarching goal's
/// children, which stay), in document order.
pub fn goal_choices(s: &Strategy) -> Vec<GoalChoice> {
    let numbers = crate::numbering::numbers(s);
    let mut out = Vec::new();
    for top in &s.items {
        out.push(GoalChoice { id: top.id.clone(), label: crate::numbering::label(&numbers, top), depth: 0, parent: None });
        for c in &top.children {
            out.push(GoalChoice { id: c.id.clone(), label: crate::numbering::label(&numbers, c), depth: 1, parent: Some(top.id.clone()) });
        }
    }
    out
}

/// How many of `draft`'s indicators have a baseline carried from another strategy.
pub fn carried_count(draft: &Strategy) -> usize {
    draft.indicator_refs().iter().filter(|r| r.indicator.baseline.carried_from.is_some()).count()
}

/// `n` and the subtree `keep` accepts, carried; `None` when `keep` refuses `n`.
fn carry_node(n: &Node, keep: &dyn Fn(&Node) -> bool, source: &str, today_year: i32) -> Option<Node> {
    if !keep(n) {
        return None;
    }
    let mut out = carry_own(n, source, today_year);
    out.children = n.children.iter().filter_map(|c| carry_node(c, keep, source, today_year)).collect();
    Some(out)
}

/// `n` without its children and reports, its indicators carried.
fn carry_own(n: &Node, source: &str, today_year: i32) -> Node {
    Node {
        indicators: n.indicators.iter().map(|i| carry_indicator(i, source, today_year)).collect(),
        children: Vec::new(),
        reports: Vec::new(),
        ..n.clone()
    }
}

/// The indicator with its last actual as baseline and no targets or actuals.
fn carry_indicator(i: &Indicator, source: &str, today_year: i32) -> Indicator {
    let baseline = last_actual(i, today_year).map_or_else(|| i.baseline.clone(), |a| baseline_of(a, source));
    Indicator { baseline, targets: Vec::new(), final_target: None, actuals: Vec::new(), ..i.clone() }
}

/// The indicator's last actual up to `today_year`: the latest year; in a
/// year, the whole year's over its halves, the second half over the first.
pub fn last_actual(i: &Indicator, today_year: i32) -> Option<&Actual> {
    i.actuals.iter().filter(|a| a.period.year <= today_year).max_by_key(|a| (a.period.year, a.period.half.map_or(3, i32::from)))
}

/// A baseline holding what `a` measured, in its year, carried from `source`.
fn baseline_of(a: &Actual, source: &str) -> Baseline {
    let parsed = crate::target::baseline_from_text(&a.text);
    let value = match (a.value, a.done, &a.rating) {
        (Some(value), _, _) => BaselineValue::Number { value },
        (None, Some(true), _) => BaselineValue::Stage { stage: Stage::Completed },
        (None, _, Some(rating)) if !rating.trim().is_empty() => BaselineValue::Word { word: rating.clone() },
        _ => parsed.value,
    };
    Baseline { text: a.text.clone(), value, year: Some(a.period.year), unit: None, carried_from: Some(source.into()) }
}

/// `title` with the old period's years replaced by the new one's ("2020–2023" → "2024–2027").
fn shift_years(title: &str, old: Period, new: Period) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        let replaced = match digits.parse::<i32>() {
            Ok(y) if digits.len() == 4 && y == old.start_year => new.start_year.to_string(),
            Ok(y) if digits.len() == 4 && y == old.end_year => new.end_year.to_string(),
            _ => digits.clone(),
        };
        out.push_str(&replaced);
        digits.clear();
    };
    for c in title.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_titles_years_move_with_the_period() {
        let old = Period { start_year: 2020, end_year: 2023 };
        let new = Period { start_year: 2024, end_year: 2027 };
        assert_eq!(shift_years("Darbības stratēģija 2020.–2023. gadam", old, new), "Darbības stratēģija 2024.–2027. gadam");
        assert_eq!(shift_years("Plāns 12023 un 2021", old, new), "Plāns 12023 un 2021", "only whole years of the period");
    }
}
