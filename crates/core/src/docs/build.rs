//! Pieces every builder shares: the status word and tone of a cell, a node's
//! context by level, baseline and target texts, and text split into paragraphs.
//!
//! Rule: a status is shown by its word (the annual report's capitals, from
//! [`crate::i18n::status_label`], the one source of status words) and by the
//! tone of its cell, never by colour alone.

use std::collections::HashMap;

use super::{Block, Cell, Tone};
use crate::i18n::{status_label, Lang};
use crate::model::{BaselineValue, Id, Indicator, Node, Status, Strategy};
use crate::numbering::label;

/// The tone a status is shown in.
pub fn tone(status: Status) -> Tone {
    match status {
        Status::Achieved => Tone::Good,
        Status::OnTrack => Tone::Progress,
        Status::AtRisk => Tone::Fair,
        Status::NotAchieved => Tone::Poor,
        Status::NoData | Status::NotYetDue => Tone::Neutral,
    }
}

/// The annual report's word for a status: its label in capitals
/// ("IZPILDĪTS", "PROCESĀ", "NEIZPILDĪTS").
pub fn verdict(lang: Lang, status: Status) -> String {
    status_label(lang, status).to_uppercase()
}

/// A cell with the status word, then `narrative` as further paragraphs, in the status's tone.
pub fn status_cell(lang: Lang, status: Status, narrative: &str) -> Cell {
    let mut text = verdict(lang, status);
    if !narrative.trim().is_empty() {
        text.push('\n');
        text.push_str(narrative.trim());
    }
    Cell { tone: Some(tone(status)), ..Cell::text(text) }
}

/// A header cell (bold).
pub fn head(text: impl Into<String>) -> Cell {
    Cell { bold: true, ..Cell::text(text) }
}

/// The period as the documents write it before "gadam": "2020.–2023" in
/// Latvian, "2020–2023" in English.
pub fn period(s: &Strategy, lang: Lang) -> String {
    let (a, b) = (s.period.start_year, s.period.end_year);
    match lang {
        Lang::Lv => format!("{a}.–{b}"),
        Lang::En => format!("{a}–{b}"),
    }
}

/// Non-empty lines of `text`, each a paragraph.
pub fn paragraphs(text: &str) -> Vec<Block> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(Block::para).collect()
}

/// A number as the documents write it: no trailing ".0", a decimal comma in Latvian.
pub fn number_text(value: f64, lang: Lang) -> String {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 { format!("{value:.0}") } else { format!("{value}") };
    match lang {
        Lang::Lv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The baseline as written, else its number.
pub fn baseline_text(ind: &Indicator, lang: Lang) -> String {
    let b = &ind.baseline;
    let shown = if !b.text.trim().is_empty() {
        b.text.trim().to_string()
    } else if let BaselineValue::Number { value } = b.value {
        number_text(value, lang)
    } else {
        String::new()
    };
    match b.year {
        Some(y) if !shown.is_empty() && !shown.contains(&y.to_string()) => format!("{shown} ({y})"),
        _ => shown,
    }
}

/// The baseline's number, when it is one.
pub fn baseline_value(ind: &Indicator) -> Option<f64> {
    match ind.baseline.value {
        BaselineValue::Number { value } => Some(value),
        _ => None,
    }
}

/// The text of the indicator's yearly target for `year`.
pub fn target_text(ind: &Indicator, year: i32) -> String {
    ind.targets.iter().find(|t| t.year == Some(year)).map(|t| t.text.clone()).unwrap_or_default()
}

/// The responsible units' codes (their names when they have none), comma-separated.
pub fn units_text(s: &Strategy, ids: &[Id]) -> String {
    ids.iter()
        .filter_map(|id| s.units.iter().find(|u| &u.id == id))
        .map(|u| if u.code.trim().is_empty() { u.name.clone() } else { u.code.clone() })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One text per declared level: the label of the node of that level in
/// `chain` (a node and its ancestors), empty where the chain has none. The
/// overarching goal, which has no level, is named in the first column.
pub fn level_columns(s: &Strategy, numbers: &HashMap<Id, String>, chain: &[&Node]) -> Vec<String> {
    let mut out = vec![String::new(); s.levels.len()];
    for n in chain {
        match s.level_index(&n.level) {
            Some(l) => out[l] = label(numbers, n),
            None if n.level.is_empty() && !out.is_empty() => out[0] = n.title.clone(),
            None => {}
        }
    }
    out
}

/// Merges runs of equal cells down each column, left to right: a cell
/// spans the rows below while it and every cell to its left are unchanged.
/// Covered cells are left out, as [`super::Cell`] asks. Only the first
/// `columns` cells of each row take part.
pub fn span_rows(rows: Vec<Vec<Cell>>, columns: usize) -> Vec<Vec<Cell>> {
    let key = |row: &[Cell], c: usize| row.iter().take(c + 1).map(|x| x.text.clone()).collect::<Vec<_>>();
    let mut covered = vec![vec![false; columns]; rows.len()];
    let mut spans = vec![vec![1u16; columns]; rows.len()];
    for c in 0..columns {
        let mut start = 0;
        while start < rows.len() {
            let mut end = start + 1;
            while end < rows.len() && key(&rows[end], c) == key(&rows[start], c) && !rows[start][c].text.is_empty() {
                covered[end][c] = true;
                end += 1;
            }
            spans[start][c] = u16::try_from(end - start).unwrap_or(u16::MAX);
            start = end;
        }
    }
    rows.into_iter()
        .enumerate()
        .map(|(r, row)| {
            row.into_iter()
                .enumerate()
                .filter(|(c, _)| *c >= columns || !covered[r][*c])
                .map(|(c, mut cell)| {
                    if c < columns {
                        cell.row_span = spans[r][c];
                    }
                    cell
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_cells_span_down_within_their_left_neighbours_span() {
        let row = |a: &str, b: &str, c: &str| vec![Cell::text(a), Cell::text(b), Cell::text(c)];
        let rows = vec![row("P1", "G1", "r1"), row("P1", "G1", "r2"), row("P1", "G2", "r3"), row("P2", "G2", "r4")];
        let out = span_rows(rows, 2);
        let shape: Vec<Vec<(&str, u16)>> = out.iter().map(|r| r.iter().map(|c| (c.text.as_str(), c.row_span)).collect()).collect();
        assert_eq!(
            shape,
            vec![
                vec![("P1", 3), ("G1", 2), ("r1", 0)],
                vec![("r2", 0)],
                vec![("G2", 1), ("r3", 0)],
                vec![("P2", 1), ("G2", 1), ("r4", 0)],
            ],
            "G2 under P2 is a new cell though its text repeats"
        );
    }

    #[test]
    fn numbers_are_written_as_in_the_documents() {
        assert_eq!(number_text(90.83, Lang::Lv), "90,83");
        assert_eq!(number_text(126.0, Lang::Lv), "126");
        assert_eq!(number_text(2.5, Lang::En), "2.5");
    }

    #[test]
    fn status_words_are_the_labels_in_capitals_with_a_tone() {
        assert_eq!(verdict(Lang::Lv, Status::Achieved), "IZPILDĪTS");
        assert_eq!(verdict(Lang::Lv, Status::OnTrack), "PROCESĀ");
        assert_eq!(verdict(Lang::Lv, Status::NotAchieved), "NEIZPILDĪTS");
        let c = status_cell(Lang::Lv, Status::NotAchieved, " Nav paveikts. ");
        assert_eq!((c.text.as_str(), c.tone), ("NEIZPILDĪTS\nNav paveikts.", Some(Tone::Poor)));
    }
}
