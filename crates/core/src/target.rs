//! Parsing targets and baselines as people write them, in Latvian or English,
//! into [`Condition`]s and [`BaselineValue`]s. The verbatim text is always kept
//! beside the parsed form by the caller; a text that is not understood parses
//! to nothing rather than to a guess.

use crate::model::{BaselineValue, Condition, Frequency};

/// The parsed form of one target cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedTarget {
    /// Every condition of the cell; empty when the text was not understood.
    pub conditions: Vec<Condition>,
    /// A year named in the text ("2027. gadā 35 %"), if any.
    pub year: Option<i32>,
}

/// Parses a target cell. `column_year` is the year of the table column the cell
/// stands in, used for milestone marks ("x" = done that year).
/// Compound cells ("≥ 20 % / ≥ 40 %", "skaits / +5 %") give one condition per
/// part that is understood; if any part is not understood, nothing is returned.
pub fn parse_target(text: &str, column_year: Option<i32>) -> ParsedTarget {
    let lower = normalise(text);
    let year = find_year(&lower);
    let mut conditions = Vec::new();
    for part in lower.split(['/', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        match parse_part(part, year.or(column_year)) {
            Some(c) => conditions.push(c),
            None => return ParsedTarget { conditions: Vec::new(), year },
        }
    }
    ParsedTarget { conditions, year }
}

/// Parses a baseline cell into its value and, when the text names one, its year:
/// "348,29 (2023)", "N/a", "Mērījums no 2026. gada", "≥ 80", "uzsākts".
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

/// Parses an actual value as entered: a number ("9", "9,5 %"), or for milestones
/// a yes/no word. Returns `(value, done)`.
pub fn parse_actual(text: &str) -> (Option<f64>, Option<bool>) {
    let lower = normalise(text);
    let t = lower.trim();
    if ["x", "jā", "ja", "yes", "done", "izpildīts", "izpildīta", "ir", "true", "✓"].contains(&t) {
        return (None, Some(true));
    }
    if ["nē", "ne", "no", "not done", "nav", "neizpildīts", "false"].contains(&t) {
        return (None, Some(false));
    }
    let value = leading_number(t).filter(|(_, rest)| is_unit_only(rest)).map(|(v, _)| v);
    (value, None)
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

fn parse_part(part: &str, year: Option<i32>) -> Option<Condition> {
    let p = part.trim().trim_end_matches('.').trim();
    // Milestones: "x", "done", "izpildīts" mean done in the column's (or named) year.
    let without_year = strip_year_phrases(p);
    let w = without_year.trim();
    if ["x", "done", "izpildīts", "izpildīta", "ieviests", "ieviesta", "izveidots", "izveidota", "jā"].contains(&w) {
        return year.map(|year| Condition::DoneIn { year });
    }
    if let Some(c) = parse_times(w) {
        return Some(c);
    }
    if let Some(c) = parse_relative(w) {
        return Some(c);
    }
    for (words, condition) in [
        (&["nepalielinās", "nepieaug", "does not increase", "not increase", "no increase"][..], Condition::DoesNotIncrease),
        (&["saglabājas vai pieaug", "nesamazinās", "does not decrease", "not decrease", "no decrease", "keeps or increases"][..], Condition::DoesNotDecrease),
        (&["saglabājas vai samazinās", "keeps or decreases"][..], Condition::DoesNotIncrease),
        (&["nemainīgs", "nemainīga", "saglabājas", "nemainās", "unchanged", "stays the same", "keep"][..], Condition::Unchanged),
        (&["pieaug", "palielinās", "increases", "increase", "grows"][..], Condition::Increases),
        (&["samazinās", "decreases", "decrease", "falls"][..], Condition::Decreases),
    ] {
        if words.contains(&w) {
            return Some(condition);
        }
    }
    parse_comparison(w)
}

/// "≥ 20 %", "nepārsniedz 11 %", "līdz 11 %", "vismaz 80", "10–20", "35 %".
fn parse_comparison(text: &str) -> Option<Condition> {
    let t = text.trim();
    type Make = fn(f64) -> Condition;
    let prefixes: [(&[&str], Make); 5] = [
        (
            &["≥", "vismaz", "ne mazāk kā", "ne mazāk par", "ne zemāk kā", "nav zemāks par", "at least", "not less than", "min."],
            |value| Condition::AtLeast { value },
        ),
        (
            &["≤", "nepārsniedz", "nepārsniegs", "līdz", "ne vairāk kā", "ne vairāk par", "does not exceed", "not more than", "at most", "up to", "max."],
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

/// "2x", "2 x gadā", "vismaz 2 ziņas mēnesī", "1 reizi pusgadā", "twice a year".
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
    let named = [("once", 1), ("twice", 2), ("thrice", 3)].into_iter().find(|(w, _)| t.starts_with(w)).map(|(_, n)| n);
    let count = match named {
        Some(n) => n,
        None => {
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            let count: u32 = digits.parse().ok()?;
            let rest = t[digits.len()..].trim_start();
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

/// "+5 %", "-2 %", "+5 % pret bāzes vērtību".
fn parse_relative(text: &str) -> Option<Condition> {
    let t = text.trim();
    let sign = match t.chars().next()? {
        '+' => 1.0,
        '-' => -1.0,
        _ => return None,
    };
    let (value, rest) = leading_number(t[1..].trim_start())?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('%')?.trim();
    let vs_baseline = ["", "pret bāzes vērtību", "pret bāzi", "vs baseline", "from baseline", "compared to baseline"];
    vs_baseline.contains(&rest).then_some(Condition::RelativeChange { percent: sign * value })
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
    const UNITS: [&str; 22] = [
        "", "%", "% gadā", "gadā", "a year", "per year", "eur", "euro", "mwh", "kwh", "punkti", "points", "personas",
        "people", "skaits", "count", "pasākumi", "dienas", "days", "% no kopējā", "procenti", "percent",
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
            ("uzsākts", BaselineValue::Word { word: "uzsākts".into() }, None),
            ("completed", BaselineValue::Word { word: "completed".into() }, None),
            ("", BaselineValue::Unknown, None),
        ];
        for (text, value, year) in cases {
            assert_eq!(parse_baseline(text), (value, year), "parsing {text:?}");
        }
    }

    #[test]
    fn actuals_as_entered() {
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
