//! Parsing targets and baselines as people write them, in Latvian or English,
//! into [`Condition`]s and [`BaselineValue`]s. The verbatim text is always kept
//! beside the parsed form by the caller; a text that is not understood parses
//! to nothing rather than to a guess.
//!
//! A target cell is split into parts ("≥ 20 % / ≥ 40 %", "5 (kopā 15)"); each
//! part is tried against [`PART_PARSERS`] in order, each of which reads one
//! kind of phrase from its own word table: the baseline measured in a year,
//! milestone marks, stage words, frequencies, signed changes against a
//! reference, changes told by a verb, trend words, comparisons.

use crate::model::{Baseline, BaselineValue, Condition, Frequency, Indicator, Node, Strategy};

pub use crate::model::{Against, Stage};

/// The words for each stage, as written in documents and actuals.
const STAGE_WORDS: [(Stage, &[&str]); 4] = [
    (
        Stage::InPreparation,
        &["sagatavošana", "sagatavošanā", "tiek sagatavots", "tiek sagatavota", "in preparation", "being prepared", "preparation"],
    ),
    (Stage::Started, &["uzsākts", "uzsākta", "uzsākti", "uzsāktas", "sākts", "sākta", "started", "begun", "launched", "initiated"]),
    (
        Stage::Continues,
        &["turpina darbu", "darbs turpinās", "turpinās darbs", "turpinās", "turpina", "procesā", "continues", "continuing", "ongoing", "work continues", "in progress"],
    ),
    (Stage::Completed, &["pabeigts", "pabeigta", "pabeigti", "pabeigtas", "completed", "complete", "finished"]),
];

/// The parsed form of one target cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedTarget {
    /// Every condition of the cell; empty when the text was not understood.
    pub conditions: Vec<Condition>,
    /// A year named in the text ("2027. gadā 35 %"), if any; a year a change is
    /// measured against ("pret 2023. gadu") is not the target's year.
    pub year: Option<i32>,
}

/// Parses a target cell. `column_year` is the year of the table column the cell
/// stands in, used for milestone marks ("x" = done that year).
/// Compound cells ("≥ 20 % / ≥ 40 %", "120 / +5 %", "5 (kopā 15)") give one
/// condition per part that is understood; a part that says it counts in total
/// ("kopā", "cumulative") gives a [`Condition::Cumulative`]. If any part is not
/// understood, nothing is returned.
pub fn parse_target(text: &str, column_year: Option<i32>) -> ParsedTarget {
    let lower = normalise(text);
    let parts = split_parts(&lower);
    let year = parts.iter().find_map(|p| find_year(&without_reference(p)));
    let mut conditions = Vec::new();
    for part in &parts {
        let (cumulative, rest) = strip_cumulative(part);
        let parsed = parse_part(rest, year.or(column_year)).and_then(|c| {
            if !cumulative {
                Some(c)
            } else if is_amount(&c) {
                Some(Condition::Cumulative { condition: Box::new(c) })
            } else {
                None
            }
        });
        match parsed {
            Some(c) => conditions.push(c),
            None => return ParsedTarget { conditions: Vec::new(), year },
        }
    }
    ParsedTarget { conditions, year }
}

/// Parses a baseline cell into its value and, when the text names one, its year:
/// "348,29 (2023)", "N/a", "Mērījums no 2026. gada", "≥ 80", "uzsākts", "2x gadā".
pub fn parse_baseline(text: &str) -> (BaselineValue, Option<i32>) {
    let lower = normalise(text);
    let trimmed = lower.trim();
    if trimmed.is_empty() {
        return (BaselineValue::Unknown, None);
    }
    if ["n/a", "na", "nav pieejams", "nav pieejama", "nav datu", "not available", "-", "–"].contains(&trimmed) {
        return (BaselineValue::NotAvailable, None);
    }
    if let Some(rest) = ["mērījums no", "mērījumi no", "measured from", "tiks mērīts no", "from"]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
    {
        if let Some(year) = find_year(rest) {
            return (BaselineValue::MeasuredFrom { year }, None);
        }
    }
    // A year in brackets or after "gadā"/"in" is the baseline's year; the rest is the value.
    let (value_text, year) = split_year(trimmed);
    let value_text = value_text.trim();
    if let Some(stage) = parse_stage(value_text) {
        return (BaselineValue::Stage { stage }, year);
    }
    if let Some(Condition::AtLeastTimes { count, per }) = parse_times(value_text) {
        return (BaselineValue::Times { count, per }, year);
    }
    if let Some(c) = parse_comparison(value_text) {
        if !matches!(c, Condition::Equal { .. }) {
            return (BaselineValue::Bound { condition: c }, year);
        }
    }
    if let Some(value) = leading_number(value_text).filter(|(_, rest)| is_unit_only(rest)).map(|(v, _)| v) {
        return (BaselineValue::Number { value }, year);
    }
    if value_text.chars().any(char::is_alphabetic) && !value_text.chars().any(|c| c.is_ascii_digit()) {
        return (BaselineValue::Word { word: text.trim().to_string() }, year);
    }
    (BaselineValue::Unknown, year)
}

/// A whole baseline from its cell: the verbatim text, the parsed value and
/// year, and the unit written after the number as written ("348,29 MWh (2023)"
/// gives "MWh"), which may differ from the indicator's unit.
pub fn baseline_from_text(text: &str) -> Baseline {
    let (value, year) = parse_baseline(text);
    let unit = match value {
        BaselineValue::Number { .. } => written_unit(text),
        _ => None,
    };
    Baseline { text: text.to_string(), value, year, unit, carried_from: None }
}

/// The unit after the leading number of a cell, keeping its letter case.
fn written_unit(text: &str) -> Option<String> {
    let plain = text.trim().replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ");
    let (no_year, _) = split_year(&plain);
    let (_, rest) = leading_number(no_year.trim())?;
    let unit = rest.trim().trim_end_matches('.').trim();
    (!unit.is_empty() && is_unit_only(&unit.to_lowercase())).then(|| unit.to_string())
}

/// The stage a text names ("uzsākts", "Pabeigts.", "work continues"), if it is
/// only a stage word.
pub fn parse_stage(text: &str) -> Option<Stage> {
    let lower = normalise(text);
    let t = lower.trim().trim_end_matches(['.', '!']).trim();
    STAGE_WORDS.iter().find(|(_, words)| words.contains(&t)).map(|(stage, _)| *stage)
}

/// Parses an actual value as entered: a number ("9", "9,5 %"), or for milestones
/// a yes/no word ("pabeigts" = completed = done). Returns `(value, done)`.
pub fn parse_actual(text: &str) -> (Option<f64>, Option<bool>) {
    let lower = normalise(text);
    let t = lower.trim();
    if ["x", "jā", "ja", "yes", "done", "izpildīts", "izpildīta", "ir", "true", "✓"].contains(&t) || parse_stage(t) == Some(Stage::Completed) {
        return (None, Some(true));
    }
    if ["nē", "ne", "no", "not done", "nav", "neizpildīts", "false"].contains(&t) {
        return (None, Some(false));
    }
    let value = leading_number(t).filter(|(_, rest)| is_unit_only(rest)).map(|(v, _)| v);
    (value, None)
}

/// Parses every baseline and target of `s` that has text but no parsed form
/// (a baseline whose value is unknown, a target without conditions), keeping
/// the text. A year or unit already set is kept. Returns how many were filled.
pub fn parse_missing(s: &mut Strategy) -> usize {
    let mut filled = 0;
    for node in s.overarching_goal.iter_mut().chain(s.items.iter_mut()) {
        filled += parse_missing_in(node);
    }
    filled
}

/// [`parse_missing`] for one node and everything under it.
fn parse_missing_in(node: &mut Node) -> usize {
    let own: usize = node.indicators.iter_mut().map(parse_missing_of).sum();
    own + node.children.iter_mut().map(parse_missing_in).sum::<usize>()
}

/// [`parse_missing`] for one indicator's baseline and targets.
pub fn parse_missing_of(ind: &mut Indicator) -> usize {
    let mut filled = 0;
    let b = &mut ind.baseline;
    if b.value == BaselineValue::Unknown && !b.text.trim().is_empty() {
        let parsed = baseline_from_text(&b.text);
        if parsed.value != BaselineValue::Unknown {
            b.value = parsed.value;
            b.year = b.year.or(parsed.year);
            b.unit = b.unit.take().or(parsed.unit);
            filled += 1;
        }
    }
    for t in ind.targets.iter_mut().chain(ind.final_target.iter_mut()) {
        if t.conditions.is_empty() && !t.text.trim().is_empty() {
            let parsed = parse_target(&t.text, t.year);
            if !parsed.conditions.is_empty() {
                t.conditions = parsed.conditions;
                t.year = t.year.or(parsed.year);
                filled += 1;
            }
        }
    }
    filled
}

/// Lower-cases and unifies the many ways of writing operators, dashes and spaces.
fn normalise(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ")
        .replace(">=", "≥")
        .replace("=>", "≥")
        .replace("<=", "≤")
        .replace("=<", "≤")
        .replace(['−', '—'], "-")
}

/// Words that make a part of a cell count in total over the years.
const CUMULATIVE_WORDS: [&str; 11] =
    ["kopā", "kumulatīvi", "kopumā", "pavisam", "kopsummā", "uzkrāti", "cumulative", "cumulatively", "in total", "total", "overall"];

/// Splits a cell into its parts at "/" and ";", and makes a bracket that counts
/// in total ("5 (kopā 15)") a part of its own.
fn split_parts(lower: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = lower;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        let inner = rest[open + 1..close].trim();
        text.push_str(&rest[..open]);
        if strip_cumulative(inner).0 {
            text.push_str(" / ");
            text.push_str(inner);
        } else {
            text.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text.split(['/', ';']).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// Whether a part says it counts in total, and the part without that word.
fn strip_cumulative(part: &str) -> (bool, &str) {
    let p = part.trim();
    for w in CUMULATIVE_WORDS {
        if let Some(rest) = p.strip_prefix(w).filter(|r| r.is_empty() || r.starts_with([' ', ':', '-'])) {
            return (true, rest.trim_start_matches([' ', ':']).trim());
        }
        if let Some(rest) = p.strip_suffix(w).filter(|r| r.ends_with(' ')) {
            return (true, rest.trim());
        }
    }
    (false, p)
}

/// Whether a condition is about an amount, so it can be counted in total.
fn is_amount(c: &Condition) -> bool {
    matches!(
        c,
        Condition::AtLeast { .. }
            | Condition::MoreThan { .. }
            | Condition::AtMost { .. }
            | Condition::LessThan { .. }
            | Condition::Equal { .. }
            | Condition::Range { .. }
            | Condition::AtLeastTimes { .. }
    )
}

/// One part's parser: the part (lower case) and the year it applies to.
type PartParser = fn(&str, Option<i32>) -> Option<Condition>;

/// The part parsers, tried in order; the first that understands a part wins.
const PART_PARSERS: [PartParser; 8] = [
    parse_baseline_set,
    parse_mark,
    parse_stage_target,
    |t, _| parse_times(t),
    |t, _| parse_signed(t),
    |t, _| parse_told_change(t),
    |t, _| parse_trend(t),
    |t, _| parse_comparison(t),
];

fn parse_part(part: &str, year: Option<i32>) -> Option<Condition> {
    let p = part.trim().trim_end_matches('.').trim();
    // Year phrases ("2027. gadā") place the target; a reference year stays in the part.
    let w = match reference_of(p) {
        Some((before, Against::Year { .. })) => format!("{} {}", strip_year_phrases(&before), &p[p.find(&before).map_or(0, |at| at + before.len())..]),
        _ => strip_year_phrases(p),
    };
    let w = w.trim();
    PART_PARSERS.iter().find_map(|parse| parse(w, year))
}

/// Phrases saying that the baseline is measured that year.
const BASELINE_SET_WORDS: [&str; 16] = [
    "bāzes vērtība tiks noteikta",
    "tiks noteikta bāzes vērtība",
    "bāzes vērtību noteiks",
    "nosaka bāzes vērtību",
    "noteikta bāzes vērtība",
    "bāzes vērtības noteikšana",
    "bāzes vērtības mērījums",
    "bāzes vērtība tiks izmērīta",
    "baseline to be set",
    "baseline will be set",
    "baseline to be determined",
    "baseline will be determined",
    "baseline to be measured",
    "baseline will be measured",
    "baseline set",
    "set the baseline",
];

/// "bāzes vērtība tiks noteikta 2025. gadā": the baseline is measured that year.
fn parse_baseline_set(t: &str, year: Option<i32>) -> Option<Condition> {
    if BASELINE_SET_WORDS.contains(&t) { year.map(|year| Condition::BaselineSetIn { year }) } else { None }
}

/// Milestone marks: "x", "done", "izpildīts" mean done in the column's (or named) year.
fn parse_mark(t: &str, year: Option<i32>) -> Option<Condition> {
    let marks = ["x", "done", "izpildīts", "izpildīta", "ieviests", "ieviesta", "izveidots", "izveidota", "jā"];
    if marks.contains(&t) { year.map(|year| Condition::DoneIn { year }) } else { None }
}

/// Stage words as a target: "pabeigts", "uzsākts 2025. gadā".
fn parse_stage_target(t: &str, year: Option<i32>) -> Option<Condition> {
    parse_stage(t).map(|stage| Condition::StageReached { stage, year })
}

/// Trend words: "nepalielinās", "saglabājas vai pieaug", "samazinās".
fn parse_trend(w: &str) -> Option<Condition> {
    let table: [(&[&str], Condition); 6] = [
        (&["nepalielinās", "nepieaug", "does not increase", "not increase", "no increase"], Condition::DoesNotIncrease),
        (&["saglabājas vai pieaug", "nesamazinās", "does not decrease", "not decrease", "no decrease", "keeps or increases"], Condition::DoesNotDecrease),
        (&["saglabājas vai samazinās", "keeps or decreases"], Condition::DoesNotIncrease),
        (&["nemainīgs", "nemainīga", "saglabājas", "nemainās", "unchanged", "stays the same", "keep"], Condition::Unchanged),
        (&["pieaug", "palielinās", "pieaugums", "increases", "increase", "grows"], Condition::Increases),
        (&["samazinās", "samazinājums", "decreases", "decrease", "falls"], Condition::Decreases),
    ];
    table.into_iter().find(|(words, _)| words.contains(&w)).map(|(_, c)| c)
}

/// "≥ 20 %", "nepārsniedz 11 %", "līdz 11 %", "vismaz 80", "10–20", "35 %",
/// "nav mazāks kā 40 %", "samazinājies līdz 25 %".
fn parse_comparison(text: &str) -> Option<Condition> {
    let t = text.trim();
    type Make = fn(f64) -> Condition;
    let prefixes: [(&[&str], Make); 5] = [
        (
            &[
                "≥", "vismaz", "ne mazāk kā", "ne mazāk par", "ne zemāk kā", "nav zemāks par", "nav zemāka par", "nav mazāks kā", "nav mazāks par",
                "nav mazāka kā", "nav mazāka par", "pieaug līdz", "palielinās līdz", "pieaudzis līdz", "at least", "not less than", "not below",
                "rises to", "increases to", "min.",
            ],
            |value| Condition::AtLeast { value },
        ),
        (
            &[
                "≤", "nepārsniedz", "nepārsniegs", "samazinās līdz", "samazinājies līdz", "samazinājusies līdz", "līdz", "ne vairāk kā", "ne vairāk par",
                "nav lielāks kā", "nav lielāks par", "nav lielāka kā", "nav lielāka par", "does not exceed", "not more than", "at most", "falls to",
                "decreases to", "up to", "max.",
            ],
            |value| Condition::AtMost { value },
        ),
        (&[">", "virs", "vairāk nekā", "vairāk kā", "more than", "above", "over"], |value| Condition::MoreThan { value }),
        (&["<", "zem", "mazāk nekā", "mazāk kā", "mazāk par", "less than", "below", "under"], |value| Condition::LessThan { value }),
        (&["=", "ir", "sasniedz", "reach", "equals"], |value| Condition::Equal { value }),
    ];
    for (words, make) in prefixes {
        for w in words {
            if let Some(rest) = t.strip_prefix(w) {
                let rest = rest.trim();
                if let Some((value, tail)) = leading_number(rest) {
                    if is_unit_only(tail) {
                        return Some(make(value));
                    }
                }
            }
        }
    }
    let (min, rest) = leading_number(t)?;
    let rest = rest.trim_start();
    let rest_no_unit = rest.trim_start_matches(['%', ' ']);
    if let Some(after_dash) = rest_no_unit.strip_prefix(['-', '–']) {
        let (max, tail) = leading_number(after_dash.trim_start())?;
        return is_unit_only(tail).then_some(Condition::Range { min, max });
    }
    is_unit_only(rest).then_some(Condition::Equal { value: min })
}

/// Counts written as words: "divreiz gadā", "twice a year".
const COUNT_WORDS: [(&str, u32); 9] =
    [("vienreiz", 1), ("reizi", 1), ("divreiz", 2), ("trīsreiz", 3), ("četrreiz", 4), ("once", 1), ("twice", 2), ("thrice", 3), ("divas reizes", 2)];

/// "2x", "2 x gadā", "vismaz 2 ziņas mēnesī", "1 reizi pusgadā", "twice a year", "divreiz gadā".
fn parse_times(text: &str) -> Option<Condition> {
    let t = text.trim().strip_prefix("vismaz").or_else(|| text.trim().strip_prefix("at least")).unwrap_or(text).trim();
    let per = if t.contains("mēnes") || t.contains("month") {
        Frequency::Month
    } else if t.contains("pusgad") || t.contains("half") {
        Frequency::HalfYear
    } else if t.contains("ceturksn") || t.contains("quarter") {
        Frequency::Quarter
    } else {
        Frequency::Year
    };
    let named = COUNT_WORDS.into_iter().find(|(w, _)| t.starts_with(w)).map(|(_, n)| n);
    let count = match named {
        Some(n) => n,
        None => {
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            let count: u32 = digits.parse().ok()?;
            let rest = t[digits.len()..].trim_start();
            if rest.starts_with(['%', '.', ',']) {
                return None;
            }
            let is_times = rest.starts_with('x') || rest.starts_with("reiz") || rest.starts_with("times");
            // "2 ziņas mēnesī": a count per period without the word "times".
            let is_per_period = per != Frequency::Year || rest.contains("gadā") || rest.contains("a year") || rest.contains("per year");
            if !is_times && !is_per_period {
                return None;
            }
            count
        }
    };
    Some(Condition::AtLeastTimes { count, per })
}

/// Words joining a change to what it is measured against ("+5 % pret …").
const AGAINST_JOINS: [&str; 15] = [
    "salīdzinājumā ar",
    "salīdzinot ar",
    "attiecībā pret",
    "pret",
    "nekā",
    "kā",
    "compared with",
    "compared to",
    "versus",
    "vs.",
    "vs",
    "against",
    "over",
    "from",
    "since",
];

/// Words for the baseline and for the previous year as a reference.
const BASELINE_WORDS: [&str; 9] =
    ["bāzes vērtību", "bāzes vērtības", "bāzes gadu", "bāzes gada", "bāzes līmeni", "bāzi", "baseline", "the baseline", "base year"];
const PREVIOUS_YEAR_WORDS: [&str; 10] = [
    "iepriekšējo gadu",
    "iepriekšējā gada līmeni",
    "iepriekšējā gada",
    "iepriekšējā gadā",
    "previous year",
    "the previous year",
    "prior year",
    "the prior year",
    "last year",
    "the year before",
];
/// Phrases that alone make a change yearly, i.e. against the previous year.
const YEARLY_WORDS: [&str; 9] = ["gadā", "ik gadu", "katru gadu", "a year", "per year", "each year", "annually", "year on year", "gadu no gada"];

/// A reference named at the end of a text: the text before it and the reference.
/// "5 % pret iepriekšējo gadu" gives ("5 %", previous year); "5 % gadā" gives ("5 %", previous year).
fn reference_of(text: &str) -> Option<(String, Against)> {
    let t = format!(" {}", text.trim().trim_end_matches('.').trim());
    for w in YEARLY_WORDS {
        // Only right after the amount: "+5 % gadā", not "izveidots 2026. gadā".
        let Some(before) = t.strip_suffix(w).filter(|b| b.ends_with(' ')) else { continue };
        let before = before.trim();
        if before.is_empty() || before.ends_with('%') || before.ends_with(|c: char| c.is_ascii_digit()) {
            return Some((before.to_string(), Against::PreviousYear));
        }
    }
    AGAINST_JOINS.iter().find_map(|join| {
        let needle = format!(" {join} ");
        let at = t.find(&needle)?;
        let (before, tail) = (&t[..at], t[at + needle.len()..].trim());
        let against = if BASELINE_WORDS.contains(&tail) {
            Against::Baseline
        } else if PREVIOUS_YEAR_WORDS.contains(&tail) {
            Against::PreviousYear
        } else {
            let year = find_year(tail)?;
            let rest = tail.replacen(&year.to_string(), "", 1);
            let rest = rest.trim().trim_start_matches('.').trim();
            if !["", "gadu", "gada", "gadā", "g.", "year", "the year"].contains(&rest) {
                return None;
            }
            Against::Year { year }
        };
        Some((before.trim().to_string(), against))
    })
}

/// A text without the reference it names, for finding the target's own year.
fn without_reference(part: &str) -> String {
    reference_of(part).map_or_else(|| part.to_string(), |(before, _)| before)
}

/// Words after a number that make it a change in points, not in percent.
const POINT_WORDS: [&str; 7] = ["procentpunkti", "procentpunktiem", "procentpunktus", "procentpunktu", "p.p.", "pp", "percentage points"];

/// Signed changes: "+5 %", "-2 %", "+5 % pret bāzes vērtību" (against the
/// baseline), "+5 % pret iepriekšējo gadu", "+10 % pret 2023. gadu", "+2"
/// (the baseline + 2 units), "-3 procentpunkti pret iepriekšējo gadu".
fn parse_signed(text: &str) -> Option<Condition> {
    let t = text.trim();
    let sign = match t.chars().next()? {
        '+' => 1.0,
        '-' => -1.0,
        _ => return None,
    };
    let (value, rest) = leading_number(t[1..].trim_start())?;
    let (rest, against) = match reference_of(rest) {
        Some((before, against)) => (before, against),
        None => (rest.trim().to_string(), Against::Baseline),
    };
    let rest = rest.trim();
    if let Some(after) = rest.strip_prefix('%') {
        if !after.trim().is_empty() {
            return None;
        }
        let percent = sign * value;
        return Some(match against {
            Against::Baseline => Condition::RelativeChange { percent },
            _ => Condition::PercentChange { percent, against },
        });
    }
    (POINT_WORDS.contains(&rest) || is_unit_only(rest)).then_some(Condition::Increment { amount: sign * value, against })
}

/// Words that tell the direction of a change: up, then down.
const UP_WORDS: [&str; 11] =
    ["pieaug", "palielinās", "pieaudzis", "pieaugusi", "palielinājies", "vairāk", "pieaugums", "increases", "grows", "rises", "more"];
const DOWN_WORDS: [&str; 12] = [
    "samazinās",
    "samazinājies",
    "samazinājusies",
    "mazāk",
    "samazinājums",
    "sarūk",
    "decreases",
    "falls",
    "drops",
    "less",
    "reduction",
    "lower",
];

/// Changes told by a verb with "par"/"by": "pieaug par 5 %", "samazinās par 2 %
/// pret iepriekšējo gadu", "par 127 MWh samazinājies salīdzinot ar 2019. gadu",
/// "par 3 procentpunktiem mazāk nekā iepriekšējā gadā", "increases by 5 %".
fn parse_told_change(text: &str) -> Option<Condition> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !words.iter().any(|w| ["par", "by"].contains(w)) {
        return None;
    }
    let sign = words.iter().find_map(|w| {
        if UP_WORDS.contains(w) {
            Some('+')
        } else if DOWN_WORDS.contains(w) {
            Some('-')
        } else {
            None
        }
    })?;
    let rest: Vec<&str> = words.into_iter().filter(|w| !UP_WORDS.contains(w) && !DOWN_WORDS.contains(w) && !["par", "by"].contains(w)).collect();
    let rest = rest.join(" ");
    leading_number(&rest)?;
    parse_signed(&format!("{sign}{rest}"))
}

/// A number at the start: "11", "11,5", "348.29", "1 234" (with spaces between
/// groups of three). Returns it with the rest of the text.
fn leading_number(text: &str) -> Option<(f64, &str)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut digits = String::new();
    let mut seen_separator = false;
    while end < bytes.len() {
        let c = bytes[end] as char;
        if c.is_ascii_digit() {
            digits.push(c);
            end += 1;
        } else if (c == ',' || c == '.') && !seen_separator && end + 1 < bytes.len() && bytes[end + 1].is_ascii_digit() && !digits.is_empty() {
            digits.push('.');
            seen_separator = true;
            end += 1;
        } else if c == ' '
            && !seen_separator
            && !digits.is_empty()
            && bytes.len() >= end + 4
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            end += 1; // thousands separator
        } else {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    digits.parse().ok().map(|v| (v, &text[end..]))
}

/// Whether what follows a number is only a unit or a phrase that adds no condition.
fn is_unit_only(rest: &str) -> bool {
    let r = rest.trim().trim_end_matches('.').trim();
    const UNITS: [&str; 24] = [
        "", "%", "% gadā", "gadā", "a year", "per year", "eur", "euro", "mwh", "kwh", "punkti", "points", "personas",
        "people", "skaits", "count", "pasākumi", "pasākumu", "dienas", "days", "% no kopējā", "procenti", "percent", "reizes",
    ];
    UNITS.contains(&r)
}

/// A four-digit year 1900–2200 anywhere in the text.
fn find_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(3)).find_map(|i| {
        let window: String = chars[i..i + 4].iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit() && *c != ',');
        let year: i32 = window.parse().ok()?;
        (before_ok && after_ok && crate::model::PLAUSIBLE_YEARS.contains(&year)).then_some(year)
    })
}

/// Removes year phrases ("2027. gadā", "(2023)", "in 2027", "līdz 2025. gadam")
/// so the remaining text is the condition.
fn strip_year_phrases(text: &str) -> String {
    let (rest, _) = split_year(text);
    rest
}

/// Splits a year phrase off a cell: returns the text without it and the year.
fn split_year(text: &str) -> (String, Option<i32>) {
    let Some(year) = find_year(text) else { return (text.to_string(), None) };
    let y = year.to_string();
    let mut out = text.to_string();
    for phrase in [
        format!("({y})"),
        format!("līdz {y}. gadam"),
        format!("{y}. gadā"),
        format!("{y}. g."),
        format!("{y}.gadā"),
        format!("by {y}"),
        format!("in {y}"),
        format!("{y}:"),
        format!("{y}."),
        y.clone(),
    ] {
        if out.contains(&phrase) {
            out = out.replacen(&phrase, " ", 1);
            break;
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    (out.trim_matches([',', ' ']).to_string(), Some(year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Condition::*;

    fn conditions(text: &str) -> Vec<Condition> {
        parse_target(text, Some(2025)).conditions
    }

    #[test]
    fn target_phrasings_from_the_documents() {
        let cases: Vec<(&str, Vec<Condition>)> = vec![
            ("≥ 80", vec![AtLeast { value: 80.0 }]),
            (">= 80 %", vec![AtLeast { value: 80.0 }]),
            ("≤ 11 %", vec![AtMost { value: 11.0 }]),
            ("nepārsniedz 11 % gadā", vec![AtMost { value: 11.0 }]),
            ("NEPĀRSNIEDZ 15 %", vec![AtMost { value: 15.0 }]),
            ("līdz 11 %", vec![AtMost { value: 11.0 }]),
            ("up to 11 %", vec![AtMost { value: 11.0 }]),
            ("does not exceed 15 %", vec![AtMost { value: 15.0 }]),
            ("> 5", vec![MoreThan { value: 5.0 }]),
            ("< 5", vec![LessThan { value: 5.0 }]),
            ("= 100", vec![Equal { value: 100.0 }]),
            ("35 %", vec![Equal { value: 35.0 }]),
            ("348,29 MWh", vec![Equal { value: 348.29 }]),
            ("10–20", vec![Range { min: 10.0, max: 20.0 }]),
            ("10 - 20 %", vec![Range { min: 10.0, max: 20.0 }]),
            ("10 % – 20 %", vec![Range { min: 10.0, max: 20.0 }]),
            ("nepalielinās", vec![DoesNotIncrease]),
            ("does not increase", vec![DoesNotIncrease]),
            ("nesamazinās", vec![DoesNotDecrease]),
            ("saglabājas vai pieaug", vec![DoesNotDecrease]),
            ("nemainīgs", vec![Unchanged]),
            ("unchanged", vec![Unchanged]),
            ("pieaug", vec![Increases]),
            ("samazinās", vec![Decreases]),
            ("x", vec![DoneIn { year: 2025 }]),
            ("X", vec![DoneIn { year: 2025 }]),
            ("1x", vec![AtLeastTimes { count: 1, per: Frequency::Year }]),
            ("2x", vec![AtLeastTimes { count: 2, per: Frequency::Year }]),
            ("2 x gadā", vec![AtLeastTimes { count: 2, per: Frequency::Year }]),
            ("vismaz 2 ziņas mēnesī", vec![AtLeastTimes { count: 2, per: Frequency::Month }]),
            ("1 reizi pusgadā", vec![AtLeastTimes { count: 1, per: Frequency::HalfYear }]),
            ("twice a year", vec![AtLeastTimes { count: 2, per: Frequency::Year }]),
            ("+5 %", vec![RelativeChange { percent: 5.0 }]),
            ("−2 %", vec![RelativeChange { percent: -2.0 }]),
            ("-2%", vec![RelativeChange { percent: -2.0 }]),
            ("≥ 20 % / ≥ 40 %", vec![AtLeast { value: 20.0 }, AtLeast { value: 40.0 }]),
            ("ne mazāk kā 1 000", vec![AtLeast { value: 1000.0 }]),
        ];
        for (text, expected) in cases {
            assert_eq!(conditions(text), expected, "parsing {text:?}");
        }
    }

    #[test]
    fn a_year_in_the_text_is_found_and_used_for_milestones() {
        let t = parse_target("2027. GADĀ 35 %", None);
        assert_eq!(t.conditions, vec![Equal { value: 35.0 }]);
        assert_eq!(t.year, Some(2027));
        let m = parse_target("izveidots 2026. gadā", None);
        assert_eq!(m.conditions, vec![DoneIn { year: 2026 }]);
        assert_eq!(m.year, Some(2026));
        assert_eq!(parse_target("x", None).conditions, vec![], "a mark without any year cannot be placed");
    }

    #[test]
    fn text_that_is_not_understood_gives_no_conditions() {
        for text in [
            "",
            "skaits",
            "pozitīvo atbilžu īpatsvars no kopējā atbilžu skaita",
            "2027. gadā pieaug pozitīva vērtējuma īpatsvars (mērījums no 2025. gada)",
            "skaits / +5 %",
            "≥ abc",
        ] {
            assert_eq!(parse_target(text, Some(2025)).conditions, vec![], "{text:?} should not parse");
        }
    }

    #[test]
    fn baselines_as_written() {
        let cases: Vec<(&str, BaselineValue, Option<i32>)> = vec![
            ("348,29 (2023)", BaselineValue::Number { value: 348.29 }, Some(2023)),
            ("29 (2024)", BaselineValue::Number { value: 29.0 }, Some(2024)),
            ("63,8 %", BaselineValue::Number { value: 63.8 }, None),
            ("2024. gadā 79,6 %", BaselineValue::Number { value: 79.6 }, Some(2024)),
            ("N/a", BaselineValue::NotAvailable, None),
            ("n/a", BaselineValue::NotAvailable, None),
            ("not available", BaselineValue::NotAvailable, None),
            ("Mērījums no 2026. gada", BaselineValue::MeasuredFrom { year: 2026 }, None),
            ("measured from 2025", BaselineValue::MeasuredFrom { year: 2025 }, None),
            ("≥ 80", BaselineValue::Bound { condition: AtLeast { value: 80.0 } }, None),
            ("Nav izstrādātas", BaselineValue::Word { word: "Nav izstrādātas".into() }, None),
            ("nav uzsākts", BaselineValue::Word { word: "nav uzsākts".into() }, None),
            ("", BaselineValue::Unknown, None),
        ];
        for (text, value, year) in cases {
            assert_eq!(parse_baseline(text), (value, year), "parsing {text:?}");
        }
    }

    /// Stage words as baselines: lm-annual-report-2023 writes "Uzsākta …",
    /// "turpinājās sagatavošanās …"; the table cells are the bare words.
    #[test]
    fn stage_baselines() {
        let cases = [
            ("uzsākts", Stage::Started),
            ("Uzsākts", Stage::Started),
            ("Uzsākta (2024)", Stage::Started),
            ("started", Stage::Started),
            ("turpina darbu", Stage::Continues),
            ("Turpinās", Stage::Continues),
            ("work continues", Stage::Continues),
            ("sagatavošana", Stage::InPreparation),
            ("in preparation", Stage::InPreparation),
            ("pabeigts", Stage::Completed),
            ("Pabeigta.", Stage::Completed),
            ("completed", Stage::Completed),
        ];
        for (text, stage) in cases {
            assert_eq!(parse_baseline(text).0, BaselineValue::Stage { stage }, "parsing {text:?}");
        }
        assert_eq!(parse_baseline("Uzsākta (2024)").1, Some(2024));
        assert!(Stage::InPreparation < Stage::Started && Stage::Started < Stage::Continues && Stage::Continues < Stage::Completed);
    }

    /// Frequency baselines: "1x", "2x gadā"; lm-strategy-2024-2027 monitors
    /// "vismaz divreiz gadā".
    #[test]
    fn frequency_baselines() {
        let cases = [
            ("1x", 1, Frequency::Year, None),
            ("2x gadā", 2, Frequency::Year, None),
            ("2x gadā (2024)", 2, Frequency::Year, Some(2024)),
            ("divreiz gadā", 2, Frequency::Year, None),
            ("1 reizi pusgadā", 1, Frequency::HalfYear, None),
            ("4 reizes gadā", 4, Frequency::Year, None),
            ("twice a year", 2, Frequency::Year, None),
            ("2 ziņas mēnesī", 2, Frequency::Month, None),
        ];
        for (text, count, per, year) in cases {
            assert_eq!(parse_baseline(text), (BaselineValue::Times { count, per }, year), "parsing {text:?}");
        }
        assert_eq!(parse_baseline("2 (2024)").0, BaselineValue::Number { value: 2.0 }, "a bare count stays a number");
        assert_eq!(parse_baseline("10 % gadā").0, BaselineValue::Number { value: 10.0 }, "a yearly rate is not a frequency");
    }

    /// lm-strategy-2024-2027: "348,29 MWh (2023)" for "Samazinās siltumenerģijas patēriņš".
    #[test]
    fn a_baseline_keeps_the_unit_it_is_written_in() {
        let b = baseline_from_text("348,29 MWh (2023)");
        assert_eq!(b, Baseline { text: "348,29 MWh (2023)".into(), value: BaselineValue::Number { value: 348.29 }, year: Some(2023), unit: Some("MWh".into()), carried_from: None });
        assert_eq!(baseline_from_text("10 pasākumi (2023)").unit.as_deref(), Some("pasākumi"));
        assert_eq!(baseline_from_text("63,8 %").unit.as_deref(), Some("%"));
        assert_eq!(baseline_from_text("29 (2024)").unit, None);
        assert_eq!(baseline_from_text("N/a").unit, None);
        // The target "−2 %" is a change against that baseline, whatever its unit.
        assert_eq!(conditions("−2 %"), vec![RelativeChange { percent: -2.0 }]);
    }

    /// Changes against the previous year or a named year; lm-annual-report-2023
    /// writes "par 3 procentpunktiem mazāk nekā iepriekšējā gadā" and "par 127 MWh
    /// samazinājies … salīdzinot ar … 2019. gadā".
    #[test]
    fn changes_against_a_year() {
        let prev = Against::PreviousYear;
        let cases: Vec<(&str, Vec<Condition>)> = vec![
            ("+5 % pret iepriekšējo gadu", vec![PercentChange { percent: 5.0, against: prev }]),
            ("+5 % salīdzinot ar iepriekšējo gadu", vec![PercentChange { percent: 5.0, against: prev }]),
            ("−3 % pret iepriekšējā gada", vec![PercentChange { percent: -3.0, against: prev }]),
            ("+5 % vs previous year", vec![PercentChange { percent: 5.0, against: prev }]),
            ("+5 % gadā", vec![PercentChange { percent: 5.0, against: prev }]),
            ("+5 % year on year", vec![PercentChange { percent: 5.0, against: prev }]),
            ("+10 % pret 2023. gadu", vec![PercentChange { percent: 10.0, against: Against::Year { year: 2023 } }]),
            ("+10 % compared to 2023", vec![PercentChange { percent: 10.0, against: Against::Year { year: 2023 } }]),
            ("+5 % pret bāzes vērtību", vec![RelativeChange { percent: 5.0 }]),
            ("+5 % vs baseline", vec![RelativeChange { percent: 5.0 }]),
            ("pieaug par 5 %", vec![RelativeChange { percent: 5.0 }]),
            ("samazinās par 2 % pret iepriekšējo gadu", vec![PercentChange { percent: -2.0, against: prev }]),
            ("increases by 5 % over the previous year", vec![PercentChange { percent: 5.0, against: prev }]),
            ("par 3 procentpunktiem mazāk nekā iepriekšējā gadā", vec![Increment { amount: -3.0, against: prev }]),
            ("par 127 MWh samazinājies salīdzinot ar 2019. gadu", vec![Increment { amount: -127.0, against: Against::Year { year: 2019 } }]),
            ("+2 pret iepriekšējo gadu", vec![Increment { amount: 2.0, against: prev }]),
        ];
        for (text, expected) in cases {
            assert_eq!(conditions(text), expected, "parsing {text:?}");
        }
        let t = parse_target("+10 % pret 2023. gadu", Some(2026));
        assert_eq!(t.year, None, "the year it is measured against is not the target's year");
        let t = parse_target("2027. gadā +10 % pret 2023. gadu", None);
        assert_eq!((t.year, t.conditions), (Some(2027), vec![PercentChange { percent: 10.0, against: Against::Year { year: 2023 } }]));
    }

    /// Signed increments are in the indicator's units, distinct from percent.
    #[test]
    fn signed_increments_against_the_baseline() {
        let cases: Vec<(&str, Vec<Condition>)> = vec![
            ("+2", vec![Increment { amount: 2.0, against: Against::Baseline }]),
            ("−1", vec![Increment { amount: -1.0, against: Against::Baseline }]),
            ("+2 pasākumi", vec![Increment { amount: 2.0, against: Against::Baseline }]),
            ("+3 procentpunkti", vec![Increment { amount: 3.0, against: Against::Baseline }]),
            ("+1,5 pp pret bāzes vērtību", vec![Increment { amount: 1.5, against: Against::Baseline }]),
            ("+2 %", vec![RelativeChange { percent: 2.0 }]),
        ];
        for (text, expected) in cases {
            assert_eq!(conditions(text), expected, "parsing {text:?}");
        }
    }

    /// Two-part cells: yearly and cumulative ("5 (kopā 15)"), count and growth ("120 / +5 %").
    #[test]
    fn yearly_and_cumulative_parts() {
        let total = |c: Condition| Cumulative { condition: Box::new(c) };
        let cases: Vec<(&str, Vec<Condition>)> = vec![
            ("5 (kopā 15)", vec![Equal { value: 5.0 }, total(Equal { value: 15.0 })]),
            ("≥ 5 (kopā ≥ 15)", vec![AtLeast { value: 5.0 }, total(AtLeast { value: 15.0 })]),
            ("5 / kopā 15", vec![Equal { value: 5.0 }, total(Equal { value: 15.0 })]),
            ("≥ 20 % / ≥ 40 % kumulatīvi", vec![AtLeast { value: 20.0 }, total(AtLeast { value: 40.0 })]),
            ("≥ 20 % / ≥ 40 %", vec![AtLeast { value: 20.0 }, AtLeast { value: 40.0 }]),
            ("3 (15 in total)", vec![Equal { value: 3.0 }, total(Equal { value: 15.0 })]),
            ("cumulative ≥ 12", vec![total(AtLeast { value: 12.0 })]),
            ("120 / +5 %", vec![Equal { value: 120.0 }, RelativeChange { percent: 5.0 }]),
            ("≥ 120 / +5 % pret iepriekšējo gadu", vec![AtLeast { value: 120.0 }, PercentChange { percent: 5.0, against: Against::PreviousYear }]),
        ];
        for (text, expected) in cases {
            assert_eq!(conditions(text), expected, "parsing {text:?}");
        }
        assert_eq!(conditions("kopā pieaug"), vec![], "only amounts are counted in total");
        assert_eq!(conditions("348,29 (2023)"), vec![Equal { value: 348.29 }], "a bracket that does not count in total stays");
    }

    /// Stage words as targets: a milestone "pabeigts" in 2026.
    #[test]
    fn stage_targets() {
        let cases: Vec<(&str, Option<i32>, Condition)> = vec![
            ("pabeigts", Some(2026), StageReached { stage: Stage::Completed, year: Some(2026) }),
            ("Pabeigts", None, StageReached { stage: Stage::Completed, year: None }),
            ("uzsākts 2025. gadā", None, StageReached { stage: Stage::Started, year: Some(2025) }),
            ("turpina darbu", Some(2026), StageReached { stage: Stage::Continues, year: Some(2026) }),
            ("sagatavošana", Some(2024), StageReached { stage: Stage::InPreparation, year: Some(2024) }),
            ("completed in 2027", None, StageReached { stage: Stage::Completed, year: Some(2027) }),
            ("started", Some(2025), StageReached { stage: Stage::Started, year: Some(2025) }),
        ];
        for (text, column, expected) in cases {
            assert_eq!(parse_target(text, column).conditions, vec![expected], "parsing {text:?}");
        }
        assert_eq!(conditions("nav uzsākts"), vec![], "a negated stage is not a target");
    }

    /// A target year in which the baseline is first measured.
    #[test]
    fn baseline_measured_in_a_year() {
        let cases: Vec<(&str, Option<i32>, Option<i32>)> = vec![
            ("bāzes vērtība tiks noteikta 2025. gadā", None, Some(2025)),
            ("Bāzes vērtība tiks noteikta", Some(2024), Some(2024)),
            ("bāzes vērtības noteikšana", Some(2025), Some(2025)),
            ("baseline to be set in 2025", None, Some(2025)),
            ("baseline will be determined", Some(2026), Some(2026)),
            ("bāzes vērtība tiks noteikta", None, None),
        ];
        for (text, column, year) in cases {
            let parsed = parse_target(text, column);
            assert_eq!(parsed.conditions, year.map(|year| BaselineSetIn { year }).into_iter().collect::<Vec<_>>(), "parsing {text:?}");
        }
        assert_eq!(parse_target("bāzes vērtība tiks noteikta 2025. gadā", None).year, Some(2025));
    }

    /// Phrasings of social-protection-guidelines-2021-2027 that read better now.
    #[test]
    fn more_phrasings_from_the_guidelines() {
        assert_eq!(parse_target("2027. GADĀ NAV MAZĀKS KĀ 40%", None).conditions, vec![AtLeast { value: 40.0 }]);
        assert_eq!(conditions("SAMAZINĀJIES LĪDZ 25%"), vec![AtMost { value: 25.0 }]);
        assert_eq!(conditions("VISMAZ PAR 20%"), vec![], "“at least by 20 %” does not say which way");
    }

    #[test]
    fn the_json_of_the_new_kinds() {
        let json = |c: &Condition| serde_json::to_string(c).unwrap_or_default();
        assert_eq!(json(&PercentChange { percent: 5.0, against: Against::PreviousYear }), r#"{"op":"percent_change","percent":5.0,"against":{"to":"previous_year"}}"#);
        assert_eq!(json(&Increment { amount: -127.0, against: Against::Year { year: 2019 } }), r#"{"op":"increment","amount":-127.0,"against":{"to":"year","year":2019}}"#);
        assert_eq!(json(&Cumulative { condition: Box::new(Equal { value: 15.0 }) }), r#"{"op":"cumulative","condition":{"op":"equal","value":15.0}}"#);
        assert_eq!(json(&StageReached { stage: Stage::Completed, year: Some(2026) }), r#"{"op":"stage_reached","stage":"completed","year":2026}"#);
        assert_eq!(json(&BaselineSetIn { year: 2025 }), r#"{"op":"baseline_set_in","year":2025}"#);
        let b = |v: &BaselineValue| serde_json::to_string(v).unwrap_or_default();
        assert_eq!(b(&BaselineValue::Stage { stage: Stage::Started }), r#"{"type":"stage","stage":"started"}"#);
        assert_eq!(b(&BaselineValue::Times { count: 2, per: Frequency::Year }), r#"{"type":"times","count":2,"per":"year"}"#);
        // The existing forms read as before.
        let old: Vec<Condition> = serde_json::from_str(r#"[{"op":"relative_change","percent":-2.0},{"op":"done_in","year":2026}]"#).unwrap_or_default();
        assert_eq!(old, vec![RelativeChange { percent: -2.0 }, DoneIn { year: 2026 }]);
        for c in [PercentChange { percent: 5.0, against: Against::Year { year: 2023 } }, Cumulative { condition: Box::new(AtLeast { value: 1.0 }) }] {
            assert_eq!(serde_json::from_str::<Condition>(&json(&c)).ok(), Some(c));
        }
    }

    #[test]
    fn parse_missing_fills_only_what_has_no_parsed_form() {
        use crate::model::Target;
        let ind = |baseline: &str, targets: Vec<Target>| Indicator {
            baseline: Baseline { text: baseline.into(), ..Default::default() },
            targets,
            ..Default::default()
        };
        let t = |year: Option<i32>, text: &str, conditions: Vec<Condition>| Target { year, text: text.into(), conditions };
        let mut first = ind("348,29 MWh (2023)", vec![t(Some(2025), "−2 %", vec![]), t(Some(2026), "≤ 5", vec![AtMost { value: 4.0 }])]);
        first.final_target = Some(t(None, "2027. gadā pieaug", vec![]));
        let mut task = Node { id: "t".into(), indicators: vec![ind("", vec![t(Some(2025), "skaits", vec![])])], ..Default::default() };
        task.indicators.push(ind("uzsākts", vec![t(Some(2026), "pabeigts", vec![])]));
        let mut s = Strategy {
            overarching_goal: Some(Node { id: "og".into(), indicators: vec![first], ..Default::default() }),
            items: vec![Node { id: "p".into(), children: vec![task], ..Default::default() }],
            ..Default::default()
        };
        assert_eq!(parse_missing(&mut s), 5, "two baselines, three targets");
        let og = &s.overarching_goal.as_ref().unwrap().indicators[0];
        assert_eq!((og.baseline.value.clone(), og.baseline.year, og.baseline.unit.as_deref()), (BaselineValue::Number { value: 348.29 }, Some(2023), Some("MWh")));
        assert_eq!(og.targets[0].conditions, vec![RelativeChange { percent: -2.0 }]);
        assert_eq!(og.targets[1].conditions, vec![AtMost { value: 4.0 }], "a parsed form is kept");
        assert_eq!(og.final_target.as_ref().map(|f| (f.year, f.conditions.clone())), Some((Some(2027), vec![Increases])));
        let inds = &s.items[0].children[0].indicators;
        assert_eq!(inds[0].targets[0].conditions, vec![], "text that is not understood stays text");
        assert_eq!(inds[0].targets[0].text, "skaits");
        assert_eq!(inds[1].baseline.value, BaselineValue::Stage { stage: Stage::Started });
        assert_eq!(inds[1].targets[0].conditions, vec![StageReached { stage: Stage::Completed, year: Some(2026) }]);
        assert_eq!(parse_missing(&mut s), 0, "nothing left to fill");
    }

    #[test]
    fn actuals_as_entered() {
        assert_eq!(parse_actual("pabeigts"), (None, Some(true)));
        assert_eq!(parse_stage("Uzsākts"), Some(Stage::Started));
        assert_eq!(parse_stage("9"), None);
        assert_eq!(parse_actual("9"), (Some(9.0), None));
        assert_eq!(parse_actual("9,5 %"), (Some(9.5), None));
        assert_eq!(parse_actual("jā"), (None, Some(true)));
        assert_eq!(parse_actual("x"), (None, Some(true)));
        assert_eq!(parse_actual("nē"), (None, Some(false)));
        assert_eq!(parse_actual("daudz"), (None, None));
    }

    #[test]
    fn numbers_with_separators() {
        assert_eq!(leading_number("1 234,5 EUR"), Some((1234.5, " EUR")));
        assert_eq!(leading_number("12 gadi"), Some((12.0, " gadi")));
        assert_eq!(leading_number("abc"), None);
    }
}
