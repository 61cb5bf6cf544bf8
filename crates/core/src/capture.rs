//! One typed line that makes an indicator with its baseline and yearly
//! targets: the workshop's quick capture at the "indicators and targets"
//! step. The rule, with the fewest keys beyond the text itself:
//!
//! `name [unit] ; year: baseline ; year: target ; …`
//!
//! - Parts are split by `;`. The first is the name; a trailing `%` or a
//!   trailing `(unit)` without spaces in it is the unit ("Share of X %",
//!   "Energy use (MWh)").
//! - Each further part is a year and a value, `2025: 60` (the colon may be a
//!   space or `=`). The first is the baseline, in its year; each later one a
//!   target, written as the indicator table reads one ("≥ 60", "x", "+5 %"),
//!   for a year of the strategy's period, the years rising.
//! - A line with no `;` is a name alone. A line that breaks the rule is
//!   refused with what is wrong ([`CaptureError::message`]), never half-read.

use crate::i18n::{fill, Lang};
use crate::model::{Id, Indicator, Period, Target, PLAUSIBLE_YEARS};
use crate::target::{baseline_from_text, parse_target};

/// Why a captured line was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureError {
    /// Years and values but no name before the first `;`.
    NoName,
    /// A part that does not start with a year.
    NotYearValue { part: String },
    /// A year with nothing after it.
    NoValue { year: i32 },
    /// A target's year outside the strategy's period.
    OutsidePeriod { year: i32, period: Period },
    /// A year not after the one before it.
    NotAfter { year: i32, before: i32 },
}

impl CaptureError {
    /// What is wrong, in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            CaptureError::NoName => t.capture_no_name.into(),
            CaptureError::NotYearValue { part } => fill(t.capture_not_year_value, &[("part", part)]),
            CaptureError::NoValue { year } => fill(t.capture_no_value, &[("year", &year.to_string())]),
            CaptureError::OutsidePeriod { year, period } => fill(
                t.capture_outside_period,
                &[("year", &year.to_string()), ("start", &period.start_year.to_string()), ("end", &period.end_year.to_string())],
            ),
            CaptureError::NotAfter { year, before } => fill(t.capture_not_after, &[("year", &year.to_string()), ("before", &before.to_string())]),
        }
    }
}

/// An indicator read from one line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Captured {
    pub name: String,
    pub unit: String,
    /// The baseline's year and verbatim value, when the line gives one.
    pub baseline: Option<(i32, String)>,
    /// Each target's year and verbatim value.
    pub targets: Vec<(i32, String)>,
}

impl Captured {
    /// The indicator with `id`: the baseline and targets parsed as the
    /// indicator table parses its cells, each keeping its verbatim text.
    pub fn indicator(&self, id: Id) -> Indicator {
        let mut ind = Indicator { id, name: self.name.clone(), unit: self.unit.clone(), ..Indicator::default() };
        if let Some((year, text)) = &self.baseline {
            ind.baseline = baseline_from_text(text);
            ind.baseline.year = Some(*year);
        }
        ind.targets = self
            .targets
            .iter()
            .map(|(year, text)| Target { year: Some(*year), text: text.clone(), conditions: parse_target(text, Some(*year)).conditions })
            .collect();
        ind
    }
}

/// Reads `line` against the strategy's `period` (see the module's rule).
pub fn parse_indicator_line(line: &str, period: Period) -> Result<Captured, CaptureError> {
    let mut parts = line.split(';').map(str::trim);
    let (name, unit) = split_unit(parts.next().unwrap_or_default());
    let mut out = Captured { name, unit, ..Captured::default() };
    let mut last: Option<i32> = None;
    for part in parts.filter(|p| !p.is_empty()) {
        let (year, value) = year_value(part)?;
        if let Some(before) = last.filter(|b| year <= *b) {
            return Err(CaptureError::NotAfter { year, before });
        }
        if out.baseline.is_none() {
            if year > period.end_year {
                return Err(CaptureError::OutsidePeriod { year, period });
            }
            out.baseline = Some((year, value));
        } else {
            if !period.contains(year) {
                return Err(CaptureError::OutsidePeriod { year, period });
            }
            out.targets.push((year, value));
        }
        last = Some(year);
    }
    if out.name.is_empty() && (out.baseline.is_some() || !out.unit.is_empty()) {
        return Err(CaptureError::NoName);
    }
    Ok(out)
}

/// A name and the unit written at its end ("Share %", "Use (MWh)").
fn split_unit(text: &str) -> (String, String) {
    if let Some(rest) = text.strip_suffix('%') {
        return (rest.trim_end().trim_end_matches(',').trim_end().to_string(), "%".into());
    }
    if let Some((name, unit)) = text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        if !unit.is_empty() && !unit.contains(char::is_whitespace) && !name.trim().is_empty() {
            return (name.trim_end().trim_end_matches(',').trim_end().to_string(), unit.to_string());
        }
    }
    (text.to_string(), String::new())
}

/// "2025: 60", "2025 60", "2025 = ≥ 60": the year and the value.
fn year_value(part: &str) -> Result<(i32, String), CaptureError> {
    let digits = part.chars().take_while(char::is_ascii_digit).count();
    let year = part[..digits].parse::<i32>().ok().filter(|y| digits == 4 && PLAUSIBLE_YEARS.contains(y));
    let rest = &part[digits..];
    let separated = rest.starts_with([':', '=', ' ', '\u{a0}']) || rest.is_empty();
    let Some(year) = year.filter(|_| separated) else { return Err(CaptureError::NotYearValue { part: part.into() }) };
    let value = rest.trim_start_matches([':', '=', ' ', '\u{a0}']).trim();
    if value.is_empty() {
        return Err(CaptureError::NoValue { year });
    }
    Ok((year, value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BaselineValue, Condition};

    const PERIOD: Period = Period { start_year: 2024, end_year: 2027 };

    #[test]
    fn a_line_gives_the_name_unit_baseline_and_yearly_targets() {
        let c = parse_indicator_line("Share of X % ; 2023: 40 ; 2025: 60 ; 2027: 80", PERIOD).expect("reads");
        assert_eq!((c.name.as_str(), c.unit.as_str()), ("Share of X", "%"));
        assert_eq!(c.baseline, Some((2023, "40".to_string())));
        assert_eq!(c.targets, vec![(2025, "60".to_string()), (2027, "80".to_string())]);
        let ind = c.indicator("i9".into());
        assert_eq!((ind.id.as_str(), ind.baseline.text.as_str(), ind.baseline.year), ("i9", "40", Some(2023)));
        assert_eq!(ind.baseline.value, BaselineValue::Number { value: 40.0 });
        assert_eq!(ind.targets.iter().map(|t| (t.year, t.text.as_str())).collect::<Vec<_>>(), [(Some(2025), "60"), (Some(2027), "80")]);
        assert!(!ind.targets[0].conditions.is_empty(), "targets are parsed as the table parses them");
    }

    #[test]
    fn separators_units_and_target_forms_as_people_type_them() {
        let c = parse_indicator_line("Energy use (MWh);2023 348,29;2026=≤ 300", PERIOD).expect("reads");
        assert_eq!((c.name.as_str(), c.unit.as_str()), ("Energy use", "MWh"));
        assert_eq!(c.targets, vec![(2026, "≤ 300".to_string())]);
        assert_eq!(c.indicator(String::new()).targets[0].conditions, vec![Condition::AtMost { value: 300.0 }]);
        let plain = parse_indicator_line("Events held (including online)", PERIOD).expect("a name alone");
        assert_eq!((plain.name.as_str(), plain.unit.as_str(), plain.baseline), ("Events held (including online)", "", None), "a spaced bracket is part of the name");
        let base_only = parse_indicator_line("Visits ; 2024: 100 ;", PERIOD).expect("a baseline alone");
        assert_eq!((base_only.baseline, base_only.targets.len()), (Some((2024, "100".to_string())), 0));
    }

    #[test]
    fn a_line_that_breaks_the_rule_says_what_is_wrong() {
        let cases = [
            (" ; 2023: 40", CaptureError::NoName, "Write the indicator's name before the first “;”."),
            ("X ; forty", CaptureError::NotYearValue { part: "forty".into() }, "“forty” is not “year: value” (e.g. “2025: 60”)."),
            ("X ; 20235: 4", CaptureError::NotYearValue { part: "20235: 4".into() }, "“20235: 4” is not “year: value” (e.g. “2025: 60”)."),
            ("X ; 2023:", CaptureError::NoValue { year: 2023 }, "2023 has no value after it."),
            ("X ; 2023: 40 ; 2030: 80", CaptureError::OutsidePeriod { year: 2030, period: PERIOD }, "2030 is outside the strategy's period 2024–2027."),
            ("X ; 2029: 40", CaptureError::OutsidePeriod { year: 2029, period: PERIOD }, "2029 is outside the strategy's period 2024–2027."),
            ("X ; 2023: 40 ; 2025: 60 ; 2025: 70", CaptureError::NotAfter { year: 2025, before: 2025 }, "2025 must come after 2025: write the years rising."),
        ];
        for (line, error, en) in cases {
            let got = parse_indicator_line(line, PERIOD);
            assert_eq!(got, Err(error.clone()), "{line}");
            assert_eq!(error.message(Lang::En), en);
            assert!(!error.message(Lang::Lv).is_empty() && error.message(Lang::Lv) != en, "said in Latvian too");
        }
    }
}
