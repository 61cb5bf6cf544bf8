//! Semantic validation of a strategy: ids, links, years and targets.
//! Every problem carries the JSON path of the field it concerns.

use std::collections::HashMap;

use crate::model::{Condition, Indicator, Period, Strategy};
use crate::walk::ItemKind as Kind;
use crate::problem::Problem;

use crate::model::PLAUSIBLE_YEARS as YEAR_RANGE;

/// A kind of item named in a message, in English and Latvian (nominative and dative).
#[derive(Clone, Copy)]
struct Noun {
    en: &'static str,
    lv: &'static str,
    lv_dative: &'static str,
}

const GOAL: Noun = Noun { en: "goal", lv: "mērķis", lv_dative: "mērķim" };
const PRIORITY: Noun = Noun { en: "priority", lv: "prioritāte", lv_dative: "prioritātei" };
const VALUE: Noun = Noun { en: "value", lv: "vērtība", lv_dative: "vērtībai" };
const UNIT: Noun = Noun { en: "unit", lv: "struktūrvienība", lv_dative: "struktūrvienībai" };
const POLICY_DOCUMENT: Noun = Noun { en: "policy document", lv: "politikas dokuments", lv_dative: "politikas dokumentam" };
const SWOT_ITEM: Noun = Noun { en: "SWOT item", lv: "SVID faktors", lv_dative: "SVID faktoram" };
const TARGET_GROUP: Noun = Noun { en: "target group", lv: "mērķgrupa", lv_dative: "mērķgrupai" };
const ITEM: Noun = Noun { en: "item", lv: "vienums", lv_dative: "vienumam" };

fn implausible_year(path: String, year: i32) -> Problem {
    Problem::error(path, format!("{year} is not a plausible year")).lv(format!("{year} nav ticams gads"))
}

/// Every id in the strategy with its path and kind.
struct Ids<'a> {
    by_id: HashMap<&'a str, (String, Kind)>,
    problems: Vec<Problem>,
}

impl<'a> Ids<'a> {
    fn add(&mut self, id: &'a str, path: String, kind: Kind) {
        let id_path = if path.is_empty() { "id".to_string() } else { format!("{path}.id") };
        if id.trim().is_empty() {
            self.problems.push(
                Problem::error(id_path, "missing id: every item needs a unique id")
                    .lv("trūkst identifikatora: katram vienumam vajadzīgs unikāls id"),
            );
        } else if let Some((first, _)) = self.by_id.get(id) {
            let (first_en, first_lv) = if first.is_empty() { ("the strategy itself", "pati stratēģija") } else { (first.as_str(), first.as_str()) };
            self.problems.push(
                Problem::error(id_path, format!("duplicate id \"{id}\" (already used at {first_en})"))
                    .lv(format!("identifikators \"{id}\" atkārtojas (jau izmantots: {first_lv})")),
            );
        } else {
            self.by_id.insert(id, (path, kind));
        }
    }

    fn collect(s: &'a Strategy) -> Self {
        let mut ids = Ids { by_id: HashMap::new(), problems: Vec::new() };
        ids.add(&s.id, String::new(), Kind::Strategy);
        if let Some(og) = &s.overarching_goal {
            ids.add(&og.id, "overarching_goal".into(), Kind::OverarchingGoal);
        }
        for (id, list, i) in s.all_ids() {
            ids.add(id, format!("{}[{i}]", list.path()), list.kind());
        }
        ids
    }

    /// Checks that every id in `links` names an item of one of `kinds` (any kind when empty).
    fn check_links(&mut self, links: &[String], path: &str, kinds: &[Kind], what: Noun) {
        for (i, id) in links.iter().enumerate() {
            self.check_link(id, &format!("{path}[{i}]"), kinds, what);
        }
    }

    fn check_link(&mut self, id: &str, path: &str, kinds: &[Kind], what: Noun) {
        match self.by_id.get(id) {
            None => self.problems.push(
                Problem::error(path, format!("\"{id}\" does not name any {} in this strategy", what.en))
                    .lv(format!("\"{id}\" neatbilst nevienam {} šajā stratēģijā", what.lv_dative)),
            ),
            Some((at, kind)) if !kinds.is_empty() && !kinds.contains(kind) => self.problems.push(
                Problem::error(path, format!("\"{id}\" names the item at {at}, which is not a {}", what.en))
                    .lv(format!("\"{id}\" norāda uz vienumu {at}, kas nav {}", what.lv)),
            ),
            Some(_) => {}
        }
    }
}

/// Finds everything wrong or doubtful in a strategy.
pub fn validate(s: &Strategy) -> Vec<Problem> {
    let mut ids = Ids::collect(s);
    let period = s.period;
    let mut p = std::mem::take(&mut ids.problems);

    if s.title.trim().is_empty() {
        p.push(Problem::warning("title", "the strategy has no title").lv("stratēģijai nav nosaukuma"));
    }
    for (field, year) in [("period.start_year", period.start_year), ("period.end_year", period.end_year)] {
        if !YEAR_RANGE.contains(&year) {
            p.push(implausible_year(field.to_string(), year));
        }
    }
    if period.start_year > period.end_year {
        p.push(
            Problem::error("period", format!("the period starts ({}) after it ends ({})", period.start_year, period.end_year))
                .lv(format!("perioda sākums ({}) ir vēlāks par tā beigām ({})", period.start_year, period.end_year)),
        );
    }

    for g in s.goal_refs() {
        let gp = &g.path;
        ids.check_links(&g.goal.policy_document_ids, &format!("{gp}.policy_document_ids"), &[Kind::PolicyDocument], POLICY_DOCUMENT);
        ids.check_links(&g.goal.swot_ids, &format!("{gp}.swot_ids"), &[Kind::Swot], SWOT_ITEM);
        ids.check_links(&g.goal.target_group_ids, &format!("{gp}.target_group_ids"), &[Kind::TargetGroup], TARGET_GROUP);
        for (ti, t) in g.goal.tasks.iter().enumerate() {
            ids.check_links(&t.responsible_unit_ids, &format!("{gp}.tasks[{ti}].responsible_unit_ids"), &[Kind::Unit], UNIT);
        }
        for (ri, r) in g.goal.results.iter().enumerate() {
            let rp = format!("{gp}.results[{ri}]");
            ids.check_links(&r.also_serves_goal_ids, &format!("{rp}.also_serves_goal_ids"), &[Kind::Goal], GOAL);
            if r.also_serves_goal_ids.contains(&g.goal.id) {
                p.push(Problem::warning(
                    format!("{rp}.also_serves_goal_ids"),
                    "lists the goal the result is already written under",
                ).lv("norāda mērķi, zem kura rezultāts jau ir ierakstīts"));
            }
            for (ti, t) in r.tasks.iter().enumerate() {
                ids.check_links(&t.responsible_unit_ids, &format!("{rp}.tasks[{ti}].responsible_unit_ids"), &[Kind::Unit], UNIT);
            }
            for (ki, report) in r.reports.iter().enumerate() {
                check_reporting_year(&mut p, report.period.year, report.period.half, &format!("{rp}.reports[{ki}].period"), period);
            }
        }
    }
    for ind in s.indicator_refs() {
        ids.check_links(&ind.indicator.responsible_unit_ids, &format!("{}.responsible_unit_ids", ind.path), &[Kind::Unit], UNIT);
        validate_indicator(&mut p, ind.indicator, &ind.path, period);
    }
    for (i, item) in s.swot.iter().enumerate() {
        ids.check_links(&item.linked_ids, &format!("swot[{i}].linked_ids"), &[], ITEM);
    }
    for (i, e) in s.evaluations.iter().enumerate() {
        let ep = format!("evaluations[{i}]");
        for (field, list, from, to, what) in [
            ("values_priorities", &e.values_priorities, Kind::Value, Kind::Priority, PRIORITY),
            ("values_goals", &e.values_goals, Kind::Value, Kind::Goal, GOAL),
            ("coherence", &e.coherence, Kind::Goal, Kind::PolicyDocument, POLICY_DOCUMENT),
        ] {
            for (li, link) in list.iter().enumerate() {
                let from_what = if from == Kind::Value { VALUE } else { GOAL };
                ids.check_link(&link.from_id, &format!("{ep}.{field}[{li}].from_id"), &[from], from_what);
                ids.check_link(&link.to_id, &format!("{ep}.{field}[{li}].to_id"), &[to], what);
            }
        }
        for (ri, r) in e.relevance.iter().enumerate() {
            ids.check_link(&r.goal_id, &format!("{ep}.relevance[{ri}].goal_id"), &[Kind::Goal], GOAL);
        }
    }
    p.extend(ids.problems);
    p
}

fn check_reporting_year(p: &mut Vec<Problem>, year: i32, half: Option<u8>, path: &str, period: Period) {
    if !YEAR_RANGE.contains(&year) {
        p.push(implausible_year(format!("{path}.year"), year));
    } else if !period.contains(year) {
        p.push(Problem::warning(
            format!("{path}.year"),
            format!("{year} is outside the strategy's period {}–{}", period.start_year, period.end_year),
        ).lv(format!("{year} ir ārpus stratēģijas perioda {}–{}", period.start_year, period.end_year)));
    }
    if let Some(h) = half {
        if h != 1 && h != 2 {
            p.push(Problem::error(format!("{path}.half"), format!("half-year must be 1 or 2, found {h}")).lv(format!("pusgadam jābūt 1 vai 2, ir {h}")));
        }
    }
}

fn validate_indicator(p: &mut Vec<Problem>, ind: &Indicator, path: &str, period: Period) {
    if ind.name.trim().is_empty() {
        p.push(Problem::warning(format!("{path}.name"), "the indicator has no name").lv("rādītājam nav nosaukuma"));
    }
    if let Some(year) = ind.baseline.year {
        if !YEAR_RANGE.contains(&year) {
            p.push(implausible_year(format!("{path}.baseline.year"), year));
        } else if year > period.end_year {
            p.push(
                Problem::warning(format!("{path}.baseline.year"), format!("the baseline year {year} is after the period ends"))
                    .lv(format!("bāzes gads {year} ir pēc perioda beigām")),
            );
        }
    }
    let mut seen_years = HashMap::new();
    let targets = ind.targets.iter().enumerate().map(|(i, t)| (format!("{path}.targets[{i}]"), t));
    let final_target = ind.final_target.iter().map(|t| (format!("{path}.final_target"), t));
    for (tp, t) in targets.clone().chain(final_target) {
        if let Some(year) = t.year {
            if !YEAR_RANGE.contains(&year) {
                p.push(implausible_year(format!("{tp}.year"), year));
            } else if !period.contains(year) {
                p.push(Problem::warning(
                    format!("{tp}.year"),
                    format!("the target year {year} is outside the strategy's period {}–{}", period.start_year, period.end_year),
                ).lv(format!("mērķa gads {year} ir ārpus stratēģijas perioda {}–{}", period.start_year, period.end_year)));
            }
        }
        for (ci, c) in t.conditions.iter().enumerate() {
            let cp = format!("{tp}.conditions[{ci}]");
            match c {
                Condition::Range { min, max } if min > max => {
                    p.push(Problem::error(cp, format!("the range starts ({min}) above where it ends ({max})")).lv(format!("diapazona sākums ({min}) ir lielāks par beigām ({max})")))
                }
                Condition::DoneIn { year } if !YEAR_RANGE.contains(year) => {
                    p.push(implausible_year(format!("{cp}.year"), *year))
                }
                Condition::AtLeastTimes { count: 0, .. } => {
                    p.push(Problem::warning(format!("{cp}.count"), "at least 0 times is always met").lv("“vismaz 0 reizes” izpildās vienmēr"))
                }
                _ => {}
            }
        }
    }
    for (tp, t) in targets {
        match t.year {
            None => p.push(
                Problem::warning(format!("{tp}.year"), "a yearly target without a year; use final_target for the end of the period")
                    .lv("gada mērķim nav norādīts gads; perioda beigu mērķim izmantojiet final_target"),
            ),
            Some(year) => {
                if let Some(first) = seen_years.insert(year, tp.clone()) {
                    p.push(
                        Problem::error(format!("{tp}.year"), format!("a second target for {year} (the first is at {first})"))
                            .lv(format!("otrs mērķis {year}. gadam (pirmais: {first})")),
                    );
                }
            }
        }
    }
    let mut seen_periods = HashMap::new();
    for (ai, a) in ind.actuals.iter().enumerate() {
        let ap = format!("{path}.actuals[{ai}]");
        check_reporting_year(p, a.period.year, a.period.half, &format!("{ap}.period"), period);
        if let Some(first) = seen_periods.insert(a.period, ap.clone()) {
            p.push(
                Problem::error(format!("{ap}.period"), format!("a second actual for {} (the first is at {first})", a.period))
                    .lv(format!("otra faktiskā vērtība periodam {} (pirmā: {first})", a.period)),
            );
        }
        if let Some(o) = &a.status_override {
            if o.reason.trim().is_empty() {
                p.push(
                    Problem::warning(format!("{ap}.status_override.reason"), "a status set by hand should say why")
                        .lv("ar roku noteiktam statusam jānorāda pamatojums"),
                );
            }
        }
    }
}
