//! The annual public report's strategy part for one year, as the 2023
//! report lays it out: the section "Darbības stratēģijas ieviešana" (N of M
//! goals and results achieved, the recommendations), annex 7 (Priority |
//! Goal | Results and their indicators | Achieved, one row per node with
//! indicators, the upper levels' cells spanning their rows; the key
//! indicators after) and annex 6, the year's evaluation.
//!
//! Rule: statuses are the nodes' own for the year (their report's word, else
//! the roll-up, [`crate::report::annual_table`]); the evaluation shown is
//! the year's final one, else its annual one ([`crate::evaluation::for_year`]).

use super::build::{head, number_text, paragraphs, period, span_rows, status_cell};
use super::{Block, Cell, Doc, Orientation, Section, Span, Table, Tone};
use crate::evaluation::{self, Effectiveness, Matrix};
use crate::i18n::{fill, Lang};
use crate::model::{Criterion, Evaluation, Strategy, TrafficLight};
use crate::report::annual_table;
use crate::status::actual_for;

/// The annual report's strategy part of `s` for `year`, statuses as of `current_year`.
pub fn annual_report(s: &Strategy, year: i32, current_year: i32, lang: Lang) -> Doc {
    let t = lang.texts();
    let y = year.to_string();
    let title = fill(t.doc_annual_title, &[("year", &y)]);
    let eff = evaluation::effectiveness(s, year, current_year);
    let ev = evaluation::for_year(s, year);
    let mut summary = vec![Block::heading(1, title.clone())];
    if !s.institution.name.trim().is_empty() {
        summary.push(Block::Paragraph(vec![Span::bold(s.institution.name.clone())]));
    }
    summary.push(Block::heading(2, t.doc_implementation));
    summary.push(tallies(s, &eff, lang));
    if let Some(e) = ev.filter(|e| !e.recommendations.is_empty()) {
        summary.push(Block::Paragraph(vec![Span::bold(t.doc_recommendations)]));
        summary.push(Block::List { ordered: false, items: e.recommendations.clone() });
    }
    let sections = vec![
        Section { orientation: Orientation::Portrait, blocks: summary },
        Section { orientation: Orientation::Portrait, blocks: annex7(s, year, current_year, lang) },
        Section { orientation: Orientation::Portrait, blocks: annex6(s, ev, &eff, lang) },
    ];
    Doc { title: format!("{} — {title}", s.title), lang: lang.code().into(), sections }
}

/// "Goal: 5 of 9 achieved" and the same for results, as a list.
fn tallies(s: &Strategy, eff: &Effectiveness, lang: Lang) -> Block {
    let items = [&eff.goals, &eff.results]
        .iter()
        .filter(|t| t.total() > 0)
        .map(|t| {
            let level = s.levels.get(t.level).map(|l| lang.name(&l.name).to_string()).unwrap_or_default();
            fill(lang.texts().level_achieved, &[("level", &level), ("achieved", &t.achieved().to_string()), ("total", &t.total().to_string())])
        })
        .collect::<Vec<_>>();
    Block::List { ordered: false, items }
}

/// Annex 7: the implementation table.
fn annex7(s: &Strategy, year: i32, current_year: i32, lang: Lang) -> Vec<Block> {
    let t = lang.texts();
    let table = annual_table(s, year, current_year);
    let columns = table.levels.len();
    let own_level = columns;
    let results = match s.levels.get(own_level) {
        Some(l) if l.key == "result" => t.doc_results_indicators.to_string(),
        Some(l) => fill(t.doc_level_indicators, &[("level", lang.name(&l.name))]),
        None => t.doc_results_indicators.to_string(),
    };
    let mut header: Vec<Cell> = table.levels.iter().map(|l| head(lang.name(&s.levels[*l].name))).collect();
    header.extend([head(results), head(t.doc_achieved)]);
    let rows: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|r| {
            let mut row: Vec<Cell> = r.context.iter().map(|c| Cell::text(c.join("\n"))).collect();
            let mut own = r.label.clone();
            for i in &r.indicators {
                own.push_str(&format!("\n• {}", i.name));
            }
            row.push(Cell::text(own));
            row.push(status_cell(lang, r.status, &r.narrative));
            row
        })
        .collect();
    let mut rows = span_rows(rows, columns);
    if !table.key.is_empty() {
        let og = s.overarching_goal.as_ref().map(|o| o.title.clone()).unwrap_or_default();
        let span = u16::try_from(columns + 2).unwrap_or(u16::MAX);
        rows.push(vec![Cell { bold: true, col_span: span, ..Cell::text(og) }]);
        let by_id: std::collections::HashMap<&str, _> = s.indicator_refs().into_iter().map(|r| (r.indicator.id.as_str(), r.indicator)).collect();
        for k in &table.key {
            let actual = by_id.get(k.id.as_str()).and_then(|i| actual_for(i, year));
            let narrative = [actual.map(|a| a.text.as_str()).unwrap_or(""), k.narrative.as_str()]
                .iter()
                .filter(|x| !x.trim().is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n");
            let name_span = u16::try_from(columns + 1).unwrap_or(u16::MAX);
            rows.push(vec![Cell { col_span: name_span, ..Cell::text(k.name.clone()) }, status_cell(lang, k.status, &narrative)]);
        }
    }
    let mut widths = vec![1.5; columns];
    widths.extend([2.5, 4.0]);
    vec![
        Block::heading(2, fill(t.doc_annex7, &[("period", &period(s, lang))])),
        Block::Table(Table { name: t.doc_achieved.into(), widths, header: vec![header], rows }),
    ]
}

/// A criteria table: criterion | met | reasoning.
fn criteria(c: &[Criterion], lang: Lang) -> Block {
    let t = lang.texts();
    let rows = c
        .iter()
        .map(|x| {
            let (word, tone) = if x.met { (t.doc_met, Tone::Good) } else { (t.doc_not_met, Tone::Poor) };
            vec![Cell::text(x.name.clone()), Cell { tone: Some(tone), ..Cell::text(word) }, Cell::text(x.reasoning.clone())]
        })
        .collect();
    Block::Table(Table {
        name: t.doc_criterion.into(),
        widths: vec![1.5, 1.0, 5.0],
        header: vec![vec![head(t.doc_criterion), head(t.doc_met), head(t.doc_reasoning)]],
        rows,
    })
}

/// A matrix as a table: the row heading, a column per item, "x" where marked.
fn matrix(name: &str, corner: &str, m: &Matrix, lang: Lang) -> Block {
    let mut header = vec![head(corner)];
    header.extend(m.columns.iter().map(|c| head(c.label.clone())));
    let rows = m
        .rows
        .iter()
        .zip(&m.marked)
        .map(|(r, marks)| {
            let mut row = vec![Cell::text(r.label.clone())];
            row.extend(marks.iter().map(|x| Cell::text(if *x { lang.texts().doc_marked } else { "" })));
            row
        })
        .collect();
    let mut widths = vec![3.0];
    widths.extend(m.columns.iter().map(|_| 1.0));
    Block::Table(Table { name: name.chars().take(31).collect(), widths, header: vec![header], rows })
}

/// The text and tone of a relevance light.
fn light(l: TrafficLight, lang: Lang) -> (&'static str, Tone) {
    let t = lang.texts();
    match l {
        TrafficLight::Green => (t.doc_light_green, Tone::Good),
        TrafficLight::Orange => (t.doc_light_orange, Tone::Fair),
        TrafficLight::Red => (t.doc_light_red, Tone::Poor),
    }
}

/// Annex 6: the evaluation.
fn annex6(s: &Strategy, ev: Option<&Evaluation>, eff: &Effectiveness, lang: Lang) -> Vec<Block> {
    let t = lang.texts();
    let mut out = vec![Block::heading(2, fill(t.doc_annex6, &[("period", &period(s, lang))]))];
    let Some(e) = ev else {
        out.push(Block::para(t.doc_no_evaluation));
        return out;
    };
    let level_name = |l: usize| s.levels.get(l).map(|x| lang.name(&x.name).to_string()).unwrap_or_default();
    if !e.mission_criteria.is_empty() {
        out.push(Block::heading(3, t.doc_mission_criteria));
        out.push(Block::Paragraph(vec![Span { italic: true, ..Span::plain(s.mission.clone()) }]));
        out.push(criteria(&e.mission_criteria, lang));
    }
    if !e.vision_criteria.is_empty() {
        out.push(Block::heading(3, t.doc_vision_criteria));
        out.push(Block::Paragraph(vec![Span { italic: true, ..Span::plain(s.vision.clone()) }]));
        out.push(criteria(&e.vision_criteria, lang));
    }
    out.push(Block::heading(3, t.doc_values_analysis));
    let vp = evaluation::values_priorities(s, e);
    out.push(Block::heading(4, t.doc_values_priorities));
    out.push(matrix(t.doc_values_priorities, &level_name(evaluation::priority_level(s)), &vp, lang));
    let vg = evaluation::values_goals(s, e);
    out.push(Block::heading(4, t.doc_values_goals));
    out.push(matrix(t.doc_values_goals, &level_name(evaluation::goal_level(s)), &vg, lang));
    if !e.values_survey.is_empty() || !e.values_survey_note.trim().is_empty() {
        out.push(Block::heading(4, t.doc_values_survey));
        if !e.values_survey.is_empty() {
            let rows = e
                .values_survey
                .iter()
                .map(|f| {
                    let shown = match f.value {
                        Some(v) => [number_text(v, lang), f.unit.clone(), f.text.clone()].iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<_>>().join(" "),
                        None => f.text.clone(),
                    };
                    let answer = match f.value {
                        Some(v) => Cell::number(v, shown),
                        None => Cell::text(shown),
                    };
                    vec![Cell::text(f.label.clone()), answer]
                })
                .collect();
            out.push(Block::Table(Table {
                name: t.doc_values_survey.into(),
                widths: vec![5.0, 1.5],
                header: vec![vec![head(t.doc_survey_item), head(t.doc_survey_answer)]],
                rows,
            }));
        }
        out.extend(paragraphs(&e.values_survey_note));
    }
    if !e.relevance.is_empty() {
        out.push(Block::heading(3, t.doc_relevance));
        let numbers = crate::numbering::numbers(s);
        let nodes = s.nodes();
        let rows = e
            .relevance
            .iter()
            .map(|r| {
                let goal = nodes.iter().find(|n| n.node.id == r.goal_id).map(|n| crate::numbering::label(&numbers, n.node)).unwrap_or_else(|| r.goal_id.clone());
                let (word, tone) = light(r.light, lang);
                vec![Cell::text(goal), Cell { tone: Some(tone), ..Cell::text(word) }, Cell::text(r.reasoning.clone())]
            })
            .collect();
        out.push(Block::Table(Table {
            name: t.doc_relevance.into(),
            widths: vec![2.0, 1.5, 5.0],
            header: vec![vec![head(level_name(evaluation::goal_level(s))), head(t.doc_light), head(t.doc_reasoning)]],
            rows,
        }));
    }
    out.push(Block::heading(3, t.doc_effectiveness));
    out.push(tallies(s, eff, lang));
    out.extend(paragraphs(&e.effectiveness));
    if !s.policy_documents.is_empty() {
        out.push(Block::heading(3, t.doc_coherence));
        out.push(matrix(t.doc_coherence, &level_name(evaluation::goal_level(s)), &evaluation::coherence(s, e), lang));
    }
    if !e.recommendations.is_empty() {
        out.push(Block::heading(3, t.doc_recommendations));
        out.push(Block::List { ordered: false, items: e.recommendations.clone() });
    }
    out
}
