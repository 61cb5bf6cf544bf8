//! The indicator workbook: one table, one row per indicator (the overarching
//! goal's first, then in document order), with a column per level, the
//! indicator, unit, baseline and its year, then for every year of the period
//! the target, the actual and the status, then data source and responsible unit.
//!
//! Rule: numbers (baseline, actuals, the baseline's year) are number cells, so a
//! spreadsheet can compute with them; a status is its word and its tone.

use super::build::{baseline_text, baseline_value, head, level_columns, number_text, status_cell, target_text, units_text};
use super::{Block, Cell, Doc, Orientation, Section, Table};
use crate::i18n::{fill, Lang};
use crate::model::{Node, Strategy};
use crate::numbering::numbers;
use crate::status::{actual_for, StatusContext};

/// The indicator workbook of `s`, statuses as of `current_year`.
pub fn indicator_workbook(s: &Strategy, current_year: i32, lang: Lang) -> Doc {
    let t = lang.texts();
    let ctx = StatusContext::new(s, current_year);
    let numbers = numbers(s);
    let years: Vec<i32> = s.period.years().collect();
    let indicator = lang.name(&s.indicator_name).to_string();
    let mut header: Vec<String> = s.levels.iter().map(|l| lang.name(&l.name).to_string()).collect();
    header.extend([indicator.clone(), t.doc_unit.into(), t.doc_baseline.into(), t.doc_baseline_year.into()]);
    for y in &years {
        let y = y.to_string();
        header.extend([fill(t.doc_target_year, &[("year", &y)]), fill(t.doc_actual_year, &[("year", &y)]), fill(t.doc_status_year, &[("year", &y)])]);
    }
    header.extend([t.doc_data_source.into(), t.doc_responsible.into()]);
    let rows = s
        .indicator_refs()
        .iter()
        .map(|r| {
            let chain: Vec<&Node> = r.chain().collect();
            let ind = r.indicator;
            let mut row: Vec<Cell> = level_columns(s, &numbers, &chain).into_iter().map(Cell::text).collect();
            row.push(Cell { bold: ind.key, ..Cell::text(ind.name.clone()) });
            row.push(Cell::text(ind.unit.clone()));
            let base = baseline_text(ind, lang);
            row.push(match baseline_value(ind) {
                Some(v) => Cell::number(v, base),
                None => Cell::text(base),
            });
            row.push(match ind.baseline.year {
                Some(y) => Cell::number(f64::from(y), y.to_string()),
                None => Cell::default(),
            });
            for y in &years {
                row.push(Cell::text(target_text(ind, *y)));
                let actual = actual_for(ind, *y);
                row.push(match actual {
                    Some(a) => match a.value {
                        Some(v) => Cell::number(v, if a.text.trim().is_empty() { number_text(v, lang) } else { a.text.clone() }),
                        None => Cell::text(a.text.clone()),
                    },
                    None => Cell::default(),
                });
                row.push(status_cell(lang, ctx.indicator(ind, *y), ""));
            }
            row.push(Cell::text(ind.data_source.clone()));
            row.push(Cell::text(units_text(s, &ind.responsible_unit_ids)));
            row
        })
        .collect();
    let mut widths = vec![2.0; s.levels.len()];
    widths.extend([3.0, 1.0, 1.5, 1.0]);
    for _ in &years {
        widths.extend([1.2, 1.2, 1.2]);
    }
    widths.extend([2.0, 1.2]);
    let title = t.doc_workbook_title.to_string();
    Doc {
        title: format!("{} — {title}", s.title),
        lang: lang.code().into(),
        sections: vec![Section {
            orientation: Orientation::Landscape,
            blocks: vec![
                Block::heading(1, format!("{} — {title}", s.title)),
                Block::Table(Table { name: indicator.chars().take(31).collect(), widths, header: vec![header.into_iter().map(head).collect()], rows }),
            ],
        }],
    }
}
