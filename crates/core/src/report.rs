//! Counts, completeness and the indicator table as CSV.

use crate::model::{BaselineValue, Strategy, Target};

/// How big a strategy is and what its indicators still lack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub priorities: usize,
    pub goals: usize,
    pub results: usize,
    pub tasks: usize,
    pub indicators: usize,
    pub key_indicators: usize,
    pub without_baseline: usize,
    pub without_target: usize,
    /// Indicators with a target whose text was not parsed into conditions.
    pub with_unparsed_target: usize,
    pub without_source: usize,
    pub without_responsible: usize,
    pub actuals: usize,
}

/// Counts items and incomplete indicators.
pub fn stats(s: &Strategy) -> Stats {
    let goals: Vec<_> = s.goal_refs();
    let results = goals.iter().map(|g| g.goal.results.len()).sum();
    let tasks = goals.iter().map(|g| g.goal.tasks.len() + g.goal.results.iter().map(|r| r.tasks.len()).sum::<usize>()).sum();
    let mut st = Stats { priorities: s.priorities.len(), goals: goals.len(), results, tasks, ..Default::default() };
    for r in s.indicator_refs() {
        let i = r.indicator;
        st.indicators += 1;
        st.key_indicators += usize::from(i.key);
        st.without_baseline += usize::from(i.baseline.value == BaselineValue::Unknown && i.baseline.text.trim().is_empty());
        let targets: Vec<&Target> = i.targets.iter().chain(i.final_target.iter()).collect();
        st.without_target += usize::from(targets.is_empty());
        st.with_unparsed_target += usize::from(targets.iter().any(|t| t.conditions.is_empty()));
        st.without_source += usize::from(i.data_source.trim().is_empty());
        st.without_responsible += usize::from(i.responsible_unit_ids.is_empty());
        st.actuals += i.actuals.len();
    }
    st
}

/// One row per indicator: priority, goal, result, indicator, unit, key,
/// baseline, a column per year of the period, final target, source, responsible.
pub fn indicators_csv(s: &Strategy) -> String {
    let numbers = crate::numbering::numbers(s);
    let unit_code = |id: &String| s.units.iter().find(|u| &u.id == id).map_or(id.clone(), |u| u.code.clone());
    let mut header: Vec<String> =
        ["priority", "goal_number", "goal", "result", "indicator", "unit", "key", "baseline", "baseline_year"].map(String::from).to_vec();
    header.extend(s.period.years().map(|y| y.to_string()));
    header.extend(["final_target", "data_source", "responsible"].map(String::from));
    let mut out = csv_line(&header);
    for r in s.indicator_refs() {
        let i = r.indicator;
        let mut row = vec![
            r.priority.map(|p| p.title.clone()).unwrap_or_default(),
            r.goal.map(|g| numbers.get(&g.id).cloned().unwrap_or_default()).unwrap_or_default(),
            r.goal.map(|g| g.title.clone()).unwrap_or_default(),
            r.result.map(|x| x.title.clone()).unwrap_or_default(),
            i.name.clone(),
            i.unit.clone(),
            if i.key { "*".into() } else { String::new() },
            i.baseline.text.clone(),
            i.baseline.year.map(|y| y.to_string()).unwrap_or_default(),
        ];
        row.extend(s.period.years().map(|y| i.targets.iter().find(|t| t.year == Some(y)).map(|t| t.text.clone()).unwrap_or_default()));
        row.push(i.final_target.as_ref().map(|t| t.text.clone()).unwrap_or_default());
        row.push(i.data_source.clone());
        row.push(i.responsible_unit_ids.iter().map(unit_code).collect::<Vec<_>>().join(", "));
        out.push_str(&csv_line(&row));
    }
    out
}

/// One CSV line (RFC 4180 quoting), ending in CRLF.
fn csv_line(cells: &[String]) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_cells_that_need_it() {
        assert_eq!(csv_line(&["a".into(), "b, c".into(), "say \"hi\"".into()]), "a,\"b, c\",\"say \"\"hi\"\"\"\r\n");
    }
}
