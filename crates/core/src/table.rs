//! The indicator table as cells of text: its rows (every indicator in
//! document order, with the full number and title of the node it hangs on, at
//! any depth), what each cell shows, what typing into it changes, and pasting
//! a block of rows copied from a spreadsheet; and the one lookup of what a
//! unit code such as "PDPD" stands for.

use crate::model::{Id, Indicator, Strategy, Target, Unit};
use crate::target::{parse_baseline, parse_target};

/// A column of the indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Unit,
    Key,
    Baseline,
    BaselineYear,
    /// The target for a year of the period.
    Year(i32),
    Final,
    Source,
    Responsible,
}

/// One row of the indicator table: an indicator and the node it hangs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub indicator_id: Id,
    pub owner_id: Id,
    /// The owner's full number ("1.2.3"; "" for the overarching goal).
    pub owner_number: String,
    pub owner_title: String,
    /// Ids of the owner's ancestors, top first (the owner not included).
    pub ancestor_ids: Vec<Id>,
}

/// The table's rows: every indicator in document order.
pub fn rows(s: &Strategy) -> Vec<TableRow> {
    let numbers = crate::numbering::numbers(s);
    s.indicator_refs()
        .into_iter()
        .map(|r| TableRow {
            indicator_id: r.indicator.id.clone(),
            owner_id: r.owner.id.clone(),
            owner_number: numbers.get(&r.owner.id).cloned().unwrap_or_default(),
            owner_title: r.owner.title.clone(),
            ancestor_ids: r.ancestors.iter().map(|a| a.id.clone()).collect(),
        })
        .collect()
}

/// The table's columns for a strategy, in order.
pub fn columns(s: &Strategy) -> Vec<Column> {
    let mut cols = vec![Column::Name, Column::Unit, Column::Key, Column::Baseline, Column::BaselineYear];
    cols.extend(s.period.years().map(Column::Year));
    cols.extend([Column::Final, Column::Source, Column::Responsible]);
    cols
}

/// What a cell shows.
pub fn cell_text(s: &Strategy, ind: &Indicator, col: Column) -> String {
    match col {
        Column::Name => ind.name.clone(),
        Column::Unit => ind.unit.clone(),
        Column::Key => if ind.key { "*".into() } else { String::new() },
        Column::Baseline => ind.baseline.text.clone(),
        Column::BaselineYear => ind.baseline.year.map(|y| y.to_string()).unwrap_or_default(),
        Column::Year(y) => ind.targets.iter().find(|t| t.year == Some(y)).map(|t| t.text.clone()).unwrap_or_default(),
        Column::Final => ind.final_target.as_ref().map(|t| t.text.clone()).unwrap_or_default(),
        Column::Source => ind.data_source.clone(),
        Column::Responsible => ind
            .responsible_unit_ids
            .iter()
            .map(|id| s.unit_code(id))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

impl Strategy {
    /// The code the unit with `id` is shown by ("PDPD"); the id itself for
    /// an unknown unit.
    pub fn unit_code<'a>(&'a self, id: &'a str) -> &'a str {
        self.units.iter().find(|u| u.id == id).map_or(id, |u| u.code.as_str())
    }

    /// What a code such as "PDPD" stands for: the name of the unit with that
    /// code, else the long form of the glossary's abbreviation written the
    /// same way (both compared without case; empty names are skipped).
    pub fn expand_code(&self, code: &str) -> Option<&str> {
        let code = code.trim();
        if code.is_empty() {
            return None;
        }
        fn full(text: &str) -> Option<&str> {
            Some(text.trim()).filter(|t| !t.is_empty())
        }
        let unit = self.units.iter().filter(|u| u.code.trim().eq_ignore_ascii_case(code)).find_map(|u| full(&u.name));
        unit.or_else(|| self.glossary.iter().filter(|a| a.short.trim().eq_ignore_ascii_case(code)).find_map(|a| full(&a.long)))
    }
}

/// The codes of a list such as "PDPD, ITD" that [`Strategy::expand_code`]
/// can expand, as "PDPD — Personāla…; ITD — …" ("" when none can).
pub fn explain_codes(s: &Strategy, codes: &str) -> String {
    codes
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter_map(|code| s.expand_code(code).map(|full| format!("{code} — {full}")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether a target cell holds text that was not understood.
pub fn cell_not_understood(ind: &Indicator, col: Column) -> bool {
    let target = match col {
        Column::Year(y) => ind.targets.iter().find(|t| t.year == Some(y)),
        Column::Final => ind.final_target.as_ref(),
        _ => None,
    };
    target.is_some_and(|t| !t.text.trim().is_empty() && t.conditions.is_empty())
}

/// Unit ids for a list of codes ("PDPD, ITD"), adding units for unknown codes.
fn unit_ids(s: &mut Strategy, text: &str) -> Vec<Id> {
    let mut ids = Vec::new();
    for code in text.split([',', ';', '\n']).map(str::trim).filter(|c| !c.is_empty()) {
        let id = match s.units.iter().find(|u| u.code.eq_ignore_ascii_case(code) || u.id == code) {
            Some(u) => u.id.clone(),
            None => {
                let id = s.fresh_id("u");
                s.units.push(Unit { id: id.clone(), code: code.to_string(), name: String::new() });
                id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Sets a cell of the indicator with `id` from typed text. Targets keep the
/// verbatim text and its parsed conditions; an empty target cell removes the
/// target. Returns whether the indicator exists.
pub fn set_cell(s: &mut Strategy, id: &str, col: Column, text: &str) -> bool {
    let units = if col == Column::Responsible { Some(unit_ids(s, text)) } else { None };
    let Some(ind) = s.indicator_mut(id) else { return false };
    let trimmed = text.trim();
    match col {
        Column::Name => ind.name = text.to_string(),
        Column::Unit => ind.unit = text.to_string(),
        Column::Key => ind.key = !trimmed.is_empty() && !["0", "nē", "ne", "no", "false", "-"].contains(&trimmed.to_lowercase().as_str()),
        Column::Baseline => {
            let (value, year) = parse_baseline(text);
            ind.baseline.text = text.to_string();
            ind.baseline.value = value;
            if year.is_some() {
                ind.baseline.year = year;
            }
        }
        Column::BaselineYear => ind.baseline.year = trimmed.parse().ok(),
        Column::Year(y) => {
            ind.targets.retain(|t| t.year != Some(y));
            if !trimmed.is_empty() {
                let conditions = parse_target(text, Some(y)).conditions;
                let at = ind.targets.iter().position(|t| t.year.is_some_and(|ty| ty > y)).unwrap_or(ind.targets.len());
                ind.targets.insert(at, Target { year: Some(y), text: text.to_string(), conditions });
            }
        }
        Column::Final => {
            ind.final_target = (!trimmed.is_empty()).then(|| {
                let parsed = parse_target(text, None);
                Target { year: parsed.year, text: text.to_string(), conditions: parsed.conditions }
            })
        }
        Column::Source => ind.data_source = text.to_string(),
        Column::Responsible => ind.responsible_unit_ids = units.unwrap_or_default(),
    }
    true
}

/// Pastes tab-separated rows (as spreadsheets copy them) starting at the cell
/// (`row`, `col`) of the table whose rows are `row_ids`. Cells beyond the
/// table's last row or column are ignored. Returns how many cells were set.
pub fn paste_block(s: &mut Strategy, row_ids: &[Id], row: usize, col: usize, text: &str) -> usize {
    let cols = columns(s);
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let mut set = 0;
    for (dr, line) in text.split('\n').enumerate() {
        let Some(id) = row_ids.get(row + dr) else { break };
        for (dc, cell) in line.trim_end_matches('\r').split('\t').enumerate() {
            let Some(&c) = cols.get(col + dc) else { break };
            if set_cell(s, id, c, cell) {
                set += 1;
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BaselineValue, Condition, Period};

    fn sample() -> (Strategy, Vec<Id>) {
        let mut s = Strategy { id: "s".into(), period: Period { start_year: 2024, end_year: 2027 }, ..Default::default() };
        let p = s.add_child(None, "P").unwrap();
        let g = s.add_child(Some(&p), "G").unwrap();
        let a = s.add_indicator(&g, "A").unwrap();
        let b = s.add_indicator(&g, "B").unwrap();
        (s, vec![a, b])
    }

    #[test]
    fn rows_carry_the_owners_full_number_and_title_at_any_depth() {
        let (mut s, ids) = sample();
        s.levels.push(crate::model::Level::new("task", "Uzdevums", "Task", crate::model::Numbering::Hierarchical));
        let g = s.items[0].children[0].id.clone();
        s.add_child(Some(&g), "R0").unwrap();
        let r = s.add_child(Some(&g), "R").unwrap();
        let t = s.add_child(Some(&r), "T").unwrap();
        let deep = s.add_indicator(&t, "C").unwrap();
        let rows = rows(&s);
        let got: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r.indicator_id.as_str(), r.owner_number.as_str(), r.owner_title.as_str())).collect();
        assert_eq!(got, vec![(ids[0].as_str(), "1", "G"), (ids[1].as_str(), "1", "G"), (deep.as_str(), "1.2.1", "T")]);
        assert_eq!(rows[2].owner_id, t);
        assert_eq!(rows[2].ancestor_ids, vec![s.items[0].id.clone(), g, r]);
    }

    #[test]
    fn typing_a_target_keeps_text_and_parses_it() {
        let (mut s, ids) = sample();
        assert!(set_cell(&mut s, &ids[0], Column::Year(2025), "≤ 11 %"));
        let ind = s.indicator_mut(&ids[0]).unwrap().clone();
        assert_eq!(ind.targets, vec![Target { year: Some(2025), text: "≤ 11 %".into(), conditions: vec![Condition::AtMost { value: 11.0 }] }]);
        assert_eq!(cell_text(&s, &ind, Column::Year(2025)), "≤ 11 %");
        set_cell(&mut s, &ids[0], Column::Year(2024), "x");
        let years: Vec<_> = s.indicator_mut(&ids[0]).unwrap().targets.iter().map(|t| t.year).collect();
        assert_eq!(years, vec![Some(2024), Some(2025)], "kept in year order");
        set_cell(&mut s, &ids[0], Column::Year(2025), "");
        assert_eq!(s.indicator_mut(&ids[0]).unwrap().targets.len(), 1, "an empty cell removes the target");
        set_cell(&mut s, &ids[0], Column::Final, "kaut kas neskaidrs");
        let ind = s.indicator_mut(&ids[0]).unwrap().clone();
        assert!(cell_not_understood(&ind, Column::Final));
        assert!(!cell_not_understood(&ind, Column::Year(2024)));
    }

    #[test]
    fn baseline_key_and_responsible_cells() {
        let (mut s, ids) = sample();
        set_cell(&mut s, &ids[0], Column::Baseline, "348,29 (2023)");
        set_cell(&mut s, &ids[0], Column::Key, "*");
        set_cell(&mut s, &ids[0], Column::Responsible, "PDPD, ITD, pdpd");
        let ind = s.indicator_mut(&ids[0]).unwrap().clone();
        assert_eq!((ind.baseline.value.clone(), ind.baseline.year), (BaselineValue::Number { value: 348.29 }, Some(2023)));
        assert!(ind.key);
        assert_eq!(s.units.iter().map(|u| u.code.as_str()).collect::<Vec<_>>(), vec!["PDPD", "ITD"]);
        assert_eq!(cell_text(&s, &ind, Column::Responsible), "PDPD, ITD");
        set_cell(&mut s, &ids[0], Column::Key, "nē");
        assert!(!s.indicator_mut(&ids[0]).unwrap().key);
        assert!(!set_cell(&mut s, "missing", Column::Name, "x"));
    }

    #[test]
    fn unit_codes_expand_with_the_unit_name_else_the_glossary() {
        use crate::model::Abbreviation;
        let (mut s, _) = sample();
        s.units = vec![
            Unit { id: "u1".into(), code: "PDPD".into(), name: "Personāla un dokumentu pārvaldības departaments".into() },
            Unit { id: "u2".into(), code: "ITD".into(), name: String::new() },
        ];
        s.glossary = vec![
            Abbreviation { id: "ab1".into(), short: "PDPD".into(), long: "not this one: the unit's name wins".into() },
            Abbreviation { id: "ab2".into(), short: "itd".into(), long: "Informācijas tehnoloģiju departaments".into() },
            Abbreviation { id: "ab3".into(), short: "KN".into(), long: " ".into() },
        ];
        assert_eq!(s.expand_code("PDPD"), Some("Personāla un dokumentu pārvaldības departaments"));
        assert_eq!(s.expand_code(" pdpd "), Some("Personāla un dokumentu pārvaldības departaments"), "case and spaces do not matter");
        assert_eq!(s.expand_code("ITD"), Some("Informācijas tehnoloģiju departaments"), "a unit without a name: the glossary");
        assert_eq!(s.expand_code("KN"), None, "an empty long form expands nothing");
        assert_eq!(s.expand_code("FVD"), None);
        assert_eq!(s.expand_code(""), None);
        assert_eq!(s.unit_code("u2"), "ITD");
        assert_eq!(s.unit_code("u-gone"), "u-gone");
        assert_eq!(
            explain_codes(&s, "PDPD, FVD; ITD"),
            "PDPD — Personāla un dokumentu pārvaldības departaments; ITD — Informācijas tehnoloģiju departaments"
        );
        assert_eq!(explain_codes(&s, "FVD"), "");
    }

    #[test]
    fn pasting_a_block_from_a_spreadsheet() {
        let (mut s, ids) = sample();
        let block = "Turnover\t%\t*\r\nNew tools\tcount\t\r\nbeyond the last row\tx\tx\r\n";
        let set = paste_block(&mut s, &ids, 0, 0, block);
        assert_eq!(set, 6);
        let names: Vec<String> = ids.iter().map(|id| s.indicator_mut(id).unwrap().name.clone()).collect();
        assert_eq!(names, vec!["Turnover", "New tools"]);
        assert_eq!(s.indicator_mut(&ids[1]).unwrap().unit, "count");
        assert!(s.indicator_mut(&ids[0]).unwrap().key);
        // Years start at column 5; a paste into the last year spills over into Final.
        let cols = columns(&s);
        let last_year = cols.iter().position(|c| *c == Column::Year(2027)).unwrap();
        paste_block(&mut s, &ids, 1, last_year, "≥ 5\t≥ 8");
        let b = s.indicator_mut(&ids[1]).unwrap().clone();
        assert_eq!(b.targets[0].conditions, vec![Condition::AtLeast { value: 5.0 }]);
        assert_eq!(b.final_target.unwrap().conditions, vec![Condition::AtLeast { value: 8.0 }]);
    }
}
