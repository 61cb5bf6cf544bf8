//! Semantic validation of a strategy: ids, links, years and targets.
//! Every problem carries the JSON path of the field it concerns.

use std::collections::HashMap;

use crate::id::{is_safe_id, shown_id, MAX_ID_LEN};
use crate::model::{Condition, Indicator, Period, Strategy};
use crate::problem::Problem;
use crate::walk::ItemKind as Kind;

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

/// The noun for a link that may name items of `kinds`.
fn noun(kinds: &[Kind]) -> Noun {
    match kinds {
        [Kind::Goal] => GOAL,
        [Kind::Priority] => PRIORITY,
        [Kind::Value] => VALUE,
        [Kind::Unit] => UNIT,
        [Kind::PolicyDocument] => POLICY_DOCUMENT,
        [Kind::Swot] => SWOT_ITEM,
        [Kind::TargetGroup] => TARGET_GROUP,
        _ => ITEM,
    }
}

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
            let shown = shown_id(id);
            self.problems.push(
                Problem::error(id_path, format!("duplicate id \"{shown}\" (already used at {first_en})"))
                    .lv(format!("identifikators \"{shown}\" atkārtojas (jau izmantots: {first_lv})")),
            );
        } else {
            if !is_safe_id(id) {
                let shown = shown_id(id);
                self.problems.push(
                    Problem::error(
                        id_path,
                        format!(
                            "unsafe id \"{shown}\": an id may hold only the letters A–Z and a–z without accents, digits, \"-\", \"_\" and \".\", \
                             must start with a letter or digit, and may be at most {MAX_ID_LEN} characters long"
                        ),
                    )
                    .lv(format!(
                        "nedrošs identifikators \"{shown}\": tajā drīkst būt tikai latīņu burti bez diakritiskajām zīmēm (A–Z, a–z), cipari, \
                         \"-\", \"_\" un \".\", tam jāsākas ar burtu vai ciparu, un tas nedrīkst būt garāks par {MAX_ID_LEN} rakstzīmēm"
                    )),
                );
            }
            self.by_id.insert(id, (path, kind));
        }
    }

    fn collect(s: &'a Strategy) -> Self {
        let mut ids = Ids { by_id: HashMap::new(), problems: Vec::new() };
        for (id, at) in s.every_id() {
            ids.add(id, at.path(), at.kind());
        }
        ids
    }

    /// Checks that `id` names an item of one of `kinds` (any kind when empty).
    fn check_link(&mut self, id: &str, path: String, kinds: &[Kind]) {
        let (what, shown) = (noun(kinds), || shown_id(id));
        match self.by_id.get(id) {
            None => self.problems.push(
                Problem::error(path, format!("\"{}\" does not name any {} in this strategy", shown(), what.en))
                    .lv(format!("\"{}\" neatbilst nevienam {} šajā stratēģijā", shown(), what.lv_dative)),
            ),
            Some((at, kind)) if !kinds.is_empty() && !kinds.contains(kind) => self.problems.push(
                Problem::error(path, format!("\"{}\" names the item at {at}, which is not a {}", shown(), what.en))
                    .lv(format!("\"{}\" norāda uz vienumu {at}, kas nav {}", shown(), what.lv)),
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

    s.for_each_link(|id, site| ids.check_link(id, site.path, site.kinds));
    for g in s.goal_refs() {
        for (ri, r) in g.goal.results.iter().enumerate() {
            let rp = format!("{}.results[{ri}]", g.path);
            if r.also_serves_goal_ids.contains(&g.goal.id) {
                p.push(Problem::warning(
                    format!("{rp}.also_serves_goal_ids"),
                    "lists the goal the result is already written under",
                ).lv("norāda mērķi, zem kura rezultāts jau ir ierakstīts"));
            }
            for (ki, report) in r.reports.iter().enumerate() {
                check_reporting_year(&mut p, report.period.year, report.period.half, &format!("{rp}.reports[{ki}].period"), period);
            }
        }
    }
    for ind in s.indicator_refs() {
        validate_indicator(&mut p, ind.indicator, &ind.path, period);
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
