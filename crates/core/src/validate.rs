//! Semantic validation of a strategy: ids, levels, the tree, links, years
//! and targets, at any depth of the tree. Every problem carries the JSON path
//! of the field it concerns (`items[0].children[1].indicators[0].baseline`)
//! and says what is wrong in English and Latvian.
//!
//! The tree's rules: a strategy declares [`MIN_LEVELS`] to [`MAX_LEVELS`]
//! levels with unique, non-empty keys; every node names a declared level
//! (the overarching goal none), deeper than its parent's; the tree is at
//! most [`MAX_LEVELS`] nodes deep; a node serves other nodes, never itself.
//! A policy document's or reference's link is a web address ([`web_url`]).

use std::collections::HashMap;

use crate::id::{is_safe_id, shown_id, MAX_ID_LEN};
use crate::model::{Condition, Indicator, Level, Period, Strategy, MAX_LEVELS, MIN_LEVELS};
use crate::problem::Problem;
use crate::target::Against;
use crate::walk::{ItemKind as Kind, NodeAt, NodeRef};

use crate::model::PLAUSIBLE_YEARS as YEAR_RANGE;

/// A kind of item named in a message, in English (bare and with its
/// article) and Latvian (nominative and dative).
#[derive(Clone, Copy)]
struct Noun {
    en: &'static str,
    en_a: &'static str,
    lv: &'static str,
    lv_dative: &'static str,
}

const STRUCTURE_ITEM: Noun = Noun { en: "item of the structure", en_a: "an item of the structure", lv: "struktūras vienums", lv_dative: "struktūras vienumam" };
const INDICATOR: Noun = Noun { en: "indicator", en_a: "an indicator", lv: "rādītājs", lv_dative: "rādītājam" };
const VALUE: Noun = Noun { en: "value", en_a: "a value", lv: "vērtība", lv_dative: "vērtībai" };
const UNIT: Noun = Noun { en: "unit", en_a: "a unit", lv: "struktūrvienība", lv_dative: "struktūrvienībai" };
const POLICY_DOCUMENT: Noun = Noun { en: "policy document", en_a: "a policy document", lv: "politikas dokuments", lv_dative: "politikas dokumentam" };
const SWOT_ITEM: Noun = Noun { en: "SWOT item", en_a: "a SWOT item", lv: "SVID faktors", lv_dative: "SVID faktoram" };
const TARGET_GROUP: Noun = Noun { en: "target group", en_a: "a target group", lv: "mērķgrupa", lv_dative: "mērķgrupai" };
const ITEM: Noun = Noun { en: "item", en_a: "an item", lv: "vienums", lv_dative: "vienumam" };

/// The noun for a link that may name items of `kinds`.
fn noun(kinds: &[Kind]) -> Noun {
    match kinds {
        [Kind::Node] => STRUCTURE_ITEM,
        [Kind::Indicator] => INDICATOR,
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

/// `text` as a link that may be put in a page: an `http://` or `https://`
/// address (the scheme in any case) with something after the scheme and no
/// spaces or control characters, trimmed; `None` for anything else
/// (`javascript:`, `data:`, a bare word), which is never made a link.
pub fn web_url(text: &str) -> Option<&str> {
    let url = text.trim();
    let (scheme, rest) = url.split_once("://")?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let ok = web && !rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(url)
}

/// A warning at `path` when `url` is given but is not a web address.
fn check_url(p: &mut Vec<Problem>, url: &str, path: String) {
    if !url.trim().is_empty() && web_url(url).is_none() {
        p.push(
            Problem::warning(path, "not a web address: a link must start with http:// or https://")
                .lv("nav tīmekļa adrese: saitei jāsākas ar http:// vai https://"),
        );
    }
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
                Problem::error(path, format!("\"{}\" names the item at {at}, which is not {}", shown(), what.en_a))
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
    check_levels(&mut p, &s.levels);

    s.for_each_link(|id, site| ids.check_link(id, site.path, site.kinds));
    for n in s.nodes() {
        check_node(&mut p, s, &n);
        for (ki, report) in n.node.reports.iter().enumerate() {
            check_reporting_year(&mut p, report.period.year, report.period.half, &format!("{}.reports[{ki}].period", n.path()), period);
        }
    }
    for ind in s.indicator_refs() {
        validate_indicator(&mut p, ind.indicator, &ind.path, period);
    }
    for (ei, e) in s.evaluations.iter().enumerate() {
        check_survey_ids(&mut p, &e.values_survey, ei);
    }
    for (i, d) in s.policy_documents.iter().enumerate() {
        check_url(&mut p, &d.url, format!("policy_documents[{i}].url"));
    }
    for (i, r) in s.references.iter().enumerate() {
        check_url(&mut p, &r.url, format!("references[{i}].url"));
    }
    p.extend(ids.problems);
    p
}

/// The strategy's levels: how many, and their keys.
fn check_levels(p: &mut Vec<Problem>, levels: &[Level]) {
    let n = levels.len();
    if !(MIN_LEVELS..=MAX_LEVELS).contains(&n) {
        p.push(
            Problem::error("levels", format!("a strategy needs {MIN_LEVELS} to {MAX_LEVELS} levels; this one declares {n}"))
                .lv(format!("stratēģijai vajadzīgi no {MIN_LEVELS} līdz {MAX_LEVELS} līmeņiem; šajā noteikti {n}")),
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, level) in levels.iter().enumerate() {
        let path = format!("levels[{i}].key");
        if level.key.trim().is_empty() {
            p.push(
                Problem::error(path, "missing level key: every level needs a unique key that its items name it by")
                    .lv("trūkst līmeņa atslēgas: katram līmenim vajadzīga unikāla atslēga, ar kuru uz to atsaucas tā vienumi"),
            );
        } else if let Some(first) = seen.get(level.key.as_str()) {
            let shown = shown_id(&level.key);
            p.push(
                Problem::error(path, format!("duplicate level key \"{shown}\" (already used at levels[{first}])"))
                    .lv(format!("līmeņa atslēga \"{shown}\" atkārtojas (jau izmantota: levels[{first}])")),
            );
        } else {
            seen.insert(&level.key, i);
        }
    }
}

/// A level as messages name it, in English and Latvian: its name in that
/// language, else in the other, else its key.
fn level_name(s: &Strategy, l: usize) -> (String, String) {
    let level = &s.levels[l];
    let pick = |first: &str, second: &str| {
        [first, second].into_iter().find(|x| !x.trim().is_empty()).map_or_else(|| format!("\"{}\"", shown_id(&level.key)), str::to_string)
    };
    (pick(&level.name.en, &level.name.lv), pick(&level.name.lv, &level.name.en))
}

/// One node's place in the tree: its level, its depth and what it serves.
fn check_node(p: &mut Vec<Problem>, s: &Strategy, n: &NodeRef<'_>) {
    let path = n.path();
    let node = n.node;
    let level_path = format!("{path}.level");
    if n.at == NodeAt::overarching() {
        if !node.level.is_empty() {
            let shown = shown_id(&node.level);
            p.push(
                Problem::error(level_path, format!("the overarching goal stands above the levels: its level must be empty, not \"{shown}\""))
                    .lv(format!("virsmērķis ir virs visiem līmeņiem: tā līmenim jābūt tukšam, nevis \"{shown}\"")),
            );
        }
    } else {
        if n.at.steps.len() == MAX_LEVELS + 1 {
            p.push(
                Problem::error(path.clone(), format!("the tree is too deep here: at most {MAX_LEVELS} levels of items may stand one under another"))
                    .lv(format!("struktūra šeit ir par dziļu: viens zem otra drīkst būt ne vairāk kā {MAX_LEVELS} vienumi")),
            );
        }
        // The parent's level, when the parent is a node (not the root or the
        // overarching goal, which stand above the levels) at a declared level.
        let parent_level = n.ancestors.last().filter(|_| n.at.steps.len() > 1).and_then(|a| s.level_index(&a.level));
        match n.level {
            None if node.level.trim().is_empty() => p.push(
                Problem::error(level_path, "the item has no level: name one of the strategy's levels")
                    .lv("vienumam nav norādīts līmenis: norādiet vienu no stratēģijas līmeņiem"),
            ),
            None => {
                let shown = shown_id(&node.level);
                let keys = s.levels.iter().map(|l| format!("\"{}\"", shown_id(&l.key))).collect::<Vec<_>>().join(", ");
                p.push(
                    Problem::error(level_path, format!("\"{shown}\" is not a level of this strategy (its levels are {keys})"))
                        .lv(format!("\"{shown}\" nav šīs stratēģijas līmenis (tās līmeņi: {keys})")),
                );
            }
            Some(l) => {
                if let Some(pl) = parent_level.filter(|pl| l <= *pl) {
                    let ((en, lv), (parent_en, parent_lv)) = (level_name(s, l), level_name(s, pl));
                    p.push(
                        Problem::error(
                            level_path,
                            format!("the item is at the level {en}, which is not below its parent's level {parent_en}: an item's children must be at deeper levels"),
                        )
                        .lv(format!("vienums ir līmenī {lv}, kas nav zemāks par tā augstākā vienuma līmeni {parent_lv}: apakšvienumiem jābūt zemākos līmeņos")),
                    );
                }
            }
        }
    }
    let parent = n.ancestors.last();
    for (k, id) in node.serves.iter().enumerate() {
        let sp = format!("{path}.serves[{k}]");
        if !id.trim().is_empty() && *id == node.id {
            p.push(Problem::error(sp, "the item lists itself among the items it serves").lv("vienums norāda pats sevi starp vienumiem, kuriem tas kalpo"));
        } else if parent.is_some_and(|parent| !id.trim().is_empty() && *id == parent.id) {
            p.push(
                Problem::warning(sp, "lists the item this one is already written under").lv("norāda vienumu, zem kura šis jau ir ierakstīts"),
            );
        }
    }
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

/// One parsed target condition at `cp`, and the condition inside a cumulative one.
fn check_condition(p: &mut Vec<Problem>, c: &Condition, cp: &str) {
    match c {
        Condition::Range { min, max } if min > max => p.push(
            Problem::error(cp, format!("the range starts ({min}) above where it ends ({max})")).lv(format!("diapazona sākums ({min}) ir lielāks par beigām ({max})")),
        ),
        Condition::DoneIn { year } | Condition::BaselineSetIn { year } | Condition::StageReached { year: Some(year), .. } if !YEAR_RANGE.contains(year) => {
            p.push(implausible_year(format!("{cp}.year"), *year))
        }
        Condition::PercentChange { against: Against::Year { year }, .. } | Condition::Increment { against: Against::Year { year }, .. }
            if !YEAR_RANGE.contains(year) =>
        {
            p.push(implausible_year(format!("{cp}.against.year"), *year))
        }
        Condition::AtLeastTimes { count: 0, .. } => {
            p.push(Problem::warning(format!("{cp}.count"), "at least 0 times is always met").lv("“vismaz 0 reizes” izpildās vienmēr"))
        }
        Condition::Cumulative { condition } => check_condition(p, condition, &format!("{cp}.condition")),
        _ => {}
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
            check_condition(p, c, &format!("{tp}.conditions[{ci}]"));
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

/// A values survey's figures have ids unique within their evaluation (they
/// key its rows; nothing links to them).
fn check_survey_ids(p: &mut Vec<Problem>, figures: &[crate::model::SurveyFigure], ei: usize) {
    let mut seen = std::collections::HashSet::new();
    for (fi, f) in figures.iter().enumerate() {
        if !f.id.is_empty() && !seen.insert(f.id.as_str()) {
            p.push(
                Problem::warning(format!("evaluations[{ei}].values_survey[{fi}].id"), format!("\"{}\" is the id of an earlier figure of this survey", f.id))
                    .lv(format!("\"{}\" jau ir šīs aptaujas iepriekšēja rādītāja identifikators", f.id)),
            );
        }
    }
}
