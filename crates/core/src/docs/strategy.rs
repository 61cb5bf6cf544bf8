//! The strategy document, in the order the ministry's strategy 2024–2027
//! uses: title page and foreword with its signatory; mandate, mission,
//! vision and values; the priorities and goals with their purposes; the goal
//! map on a landscape page of its own; target groups and their needs, policy
//! documents, SWOT, risks, resources, implementation and monitoring; the
//! indicator table (baseline, yearly targets, data source, responsible unit).
//!
//! Rule: a part the strategy leaves empty is left out, heading and all.

use super::build::{baseline_text, head, level_columns, paragraphs, target_text, units_text};
use super::{Block, Cell, Doc, Orientation, Section, Span, Table};
use crate::i18n::{policy_rating_label, rating_label, swot_label, Lang};
use crate::map;
use crate::model::{Node, Strategy};
use crate::numbering::{label, numbers};

/// The strategy document of `s`, its generated labels in `lang`.
pub fn strategy_document(s: &Strategy, lang: Lang) -> Doc {
    let t = lang.texts();
    let mut sections = vec![title_page(s, lang), foundations(s, lang), priorities(s, lang)];
    sections.push(Section { orientation: Orientation::Landscape, blocks: vec![Block::heading(2, t.doc_goal_map), goal_map_figure(s, lang)] });
    sections.push(context(s, lang));
    sections.push(indicator_table(s, lang));
    sections.retain(|sec| !sec.blocks.is_empty());
    Doc { title: s.title.clone(), lang: lang.code().into(), sections }
}

/// The strategy document's figure: the goal map as an SVG image, its alt text
/// naming the strategy. The page draws the same figure as the DOCX's picture.
pub fn goal_map_figure(s: &Strategy, lang: Lang) -> Block {
    let layout = map::layout(s, map::MapOptions { lang, ..map::MapOptions::default() });
    Block::Image { svg: map::to_svg(&layout), alt: format!("{}: {}", lang.texts().doc_goal_map, s.title), width: layout.width, height: layout.height }
}

/// The title page: title, institution, period, then the foreword and who signed it.
fn title_page(s: &Strategy, lang: Lang) -> Section {
    let mut blocks = vec![Block::heading(1, s.title.clone())];
    if !s.institution.name.trim().is_empty() {
        blocks.push(Block::Paragraph(vec![Span::bold(s.institution.name.clone())]));
    }
    blocks.push(Block::para(format!("{}–{}", s.period.start_year, s.period.end_year)));
    let f = &s.foreword;
    if !f.text.trim().is_empty() {
        blocks.push(Block::heading(2, lang.texts().doc_foreword));
        blocks.extend(paragraphs(&f.text));
        if !f.signatory_name.trim().is_empty() {
            blocks.push(Block::Paragraph(vec![Span::bold(f.signatory_name.clone())]));
        }
        if !f.signatory_position.trim().is_empty() {
            blocks.push(Block::Paragraph(vec![Span { italic: true, ..Span::plain(f.signatory_position.clone()) }]));
        }
    }
    Section { orientation: Orientation::Portrait, blocks }
}

/// A heading and the text's paragraphs, or nothing when the text is empty.
fn part(blocks: &mut Vec<Block>, heading: &str, text: &str) {
    if !text.trim().is_empty() {
        blocks.push(Block::heading(2, heading));
        blocks.extend(paragraphs(text));
    }
}

/// Mandate, mission, vision and values.
fn foundations(s: &Strategy, lang: Lang) -> Section {
    let t = lang.texts();
    let mut blocks = Vec::new();
    part(&mut blocks, t.doc_mandate, &s.mandate);
    part(&mut blocks, t.doc_mission, &s.mission);
    part(&mut blocks, t.doc_vision, &s.vision);
    if !s.values.is_empty() {
        blocks.push(Block::heading(2, t.doc_values));
        for v in &s.values {
            let mut spans = vec![Span::bold(v.name.clone())];
            if !v.definition.trim().is_empty() {
                spans.push(Span::plain(format!(" — {}", v.definition.trim())));
            }
            blocks.push(Block::Paragraph(spans));
        }
    }
    Section { orientation: Orientation::Portrait, blocks }
}

/// The overarching goal, then every node down to the goals' level with its
/// goal statement and purpose; deeper nodes are listed under their parent.
fn priorities(s: &Strategy, lang: Lang) -> Section {
    let numbers = numbers(s);
    let goal_level = crate::evaluation::goal_level(s);
    let mut blocks = Vec::new();
    if s.overarching_goal.is_some() || !s.items.is_empty() {
        blocks.push(Block::heading(2, lang.texts().doc_priorities_goals));
    }
    if let Some(og) = &s.overarching_goal {
        blocks.push(Block::heading(3, og.title.clone()));
        describe(&mut blocks, og);
    }
    fn walk(s: &Strategy, numbers: &std::collections::HashMap<String, String>, node: &Node, depth: usize, goal_level: usize, lang: Lang, out: &mut Vec<Block>) {
        let level = s.level_of(node).map(|l| lang.name(&l.name).to_string()).unwrap_or_default();
        let heading = if level.is_empty() { label(numbers, node) } else { format!("{level} {}", label(numbers, node)) };
        out.push(Block::heading(u8::try_from(depth + 3).unwrap_or(4).min(4), heading));
        describe(out, node);
        if depth >= goal_level {
            let items: Vec<String> = node.children.iter().map(|c| label(numbers, c)).collect();
            if !items.is_empty() {
                out.push(Block::List { ordered: false, items });
            }
        } else {
            for c in &node.children {
                walk(s, numbers, c, depth + 1, goal_level, lang, out);
            }
        }
    }
    for item in &s.items {
        walk(s, &numbers, item, 0, goal_level, lang, &mut blocks);
    }
    Section { orientation: Orientation::Portrait, blocks }
}

/// A node's goal statement (italic) and its purpose's paragraphs.
fn describe(out: &mut Vec<Block>, node: &Node) {
    if !node.goal_statement.trim().is_empty() {
        out.push(Block::Paragraph(vec![Span { italic: true, ..Span::plain(node.goal_statement.trim()) }]));
    }
    out.extend(paragraphs(&node.description));
}

/// A table with one bold header row.
fn table(name: &str, header: Vec<&str>, widths: Vec<f64>, rows: Vec<Vec<Cell>>) -> Block {
    Block::Table(Table { name: name.chars().take(31).collect(), widths, header: vec![header.into_iter().map(head).collect()], rows })
}

/// Target groups and needs, policy documents, SWOT, risks, resources, implementation and monitoring.
fn context(s: &Strategy, lang: Lang) -> Section {
    let t = lang.texts();
    let mut blocks = Vec::new();
    if !s.target_groups.is_empty() {
        let name = lang.name(&s.target_group_name).to_string();
        blocks.push(Block::heading(2, name.clone()));
        let rows = s.target_groups.iter().map(|g| vec![Cell::text(g.name.clone()), Cell::text(g.needs.join("\n")), Cell::text(g.interests.join("\n"))]).collect();
        blocks.push(table(&name, vec![&name, t.doc_needs, t.doc_interests], vec![2.0, 3.0, 3.0], rows));
    }
    if !s.policy_documents.is_empty() {
        blocks.push(Block::heading(2, t.doc_policy_documents));
        let rows = s.policy_documents.iter().map(|d| vec![Cell::text(d.title.clone()), Cell::text(policy_rating_label(lang, d.level))]).collect();
        blocks.push(table(t.doc_policy_documents, vec![t.doc_policy_documents, t.doc_policy_level], vec![4.0, 1.0], rows));
    }
    if !s.swot.is_empty() {
        blocks.push(Block::heading(2, t.doc_swot));
        blocks.extend(paragraphs(&s.context_analysis));
        let rows = s
            .swot
            .iter()
            .map(|x| {
                let mut text = x.text.clone();
                for sub in &x.sub_items {
                    text.push_str(&format!("\n– {sub}"));
                }
                vec![Cell::text(swot_label(lang, x.kind)), Cell::text(text)]
            })
            .collect();
        blocks.push(table(t.doc_swot, vec![t.doc_swot, ""], vec![1.0, 4.0], rows));
    }
    if !s.risks.is_empty() {
        blocks.push(Block::heading(2, t.doc_risks));
        let rows = s
            .risks
            .iter()
            .map(|r| {
                vec![
                    Cell::text(r.description.clone()),
                    Cell::text(rating_label(lang, r.likelihood)),
                    Cell::text(rating_label(lang, r.impact)),
                    Cell::text(r.mitigation.clone()),
                ]
            })
            .collect();
        blocks.push(table(t.doc_risks, vec![t.doc_risk, t.doc_likelihood, t.doc_impact, t.doc_mitigation], vec![3.0, 1.0, 1.0, 3.0], rows));
    }
    let r = &s.resources;
    if [&r.human, &r.financial, &r.technical].iter().any(|x| !x.trim().is_empty()) || !r.tables.is_empty() {
        blocks.push(Block::heading(2, t.doc_resources));
        for (name, text) in [(t.doc_human_resources, &r.human), (t.doc_financial_resources, &r.financial), (t.doc_technical_resources, &r.technical)] {
            if !text.trim().is_empty() {
                blocks.push(Block::heading(3, name));
                blocks.extend(paragraphs(text));
            }
        }
        for tb in &r.tables {
            if !tb.caption.trim().is_empty() {
                blocks.push(Block::Paragraph(vec![Span::bold(tb.caption.clone())]));
            }
            let widths = vec![1.0; tb.columns.len()];
            let rows = tb.rows.iter().map(|row| row.iter().map(|c| Cell::text(c.clone())).collect()).collect();
            let name = if tb.caption.trim().is_empty() { t.doc_resources } else { tb.caption.as_str() };
            blocks.push(table(name, tb.columns.iter().map(String::as_str).collect(), widths, rows));
        }
    }
    let m = &s.monitoring;
    if !m.text.trim().is_empty() || !m.review_frequency.trim().is_empty() {
        blocks.push(Block::heading(2, t.doc_monitoring));
        blocks.extend(paragraphs(&m.text));
        if !m.review_frequency.trim().is_empty() {
            blocks.push(Block::Paragraph(vec![Span::bold(format!("{}: ", t.doc_review_frequency)), Span::plain(m.review_frequency.clone())]));
        }
    }
    Section { orientation: Orientation::Portrait, blocks }
}

/// The indicator table: a column per level, the indicator, its unit and
/// baseline, a target per year of the period, the final target, data source
/// and responsible unit.
fn indicator_table(s: &Strategy, lang: Lang) -> Section {
    let t = lang.texts();
    let refs = s.indicator_refs();
    if refs.is_empty() {
        return Section::default();
    }
    let numbers = numbers(s);
    let years: Vec<i32> = s.period.years().collect();
    let indicator = lang.name(&s.indicator_name).to_string();
    let mut header: Vec<String> = s.levels.iter().map(|l| lang.name(&l.name).to_string()).collect();
    header.extend([indicator.clone(), t.doc_unit.into(), t.doc_baseline.into()]);
    header.extend(years.iter().map(|y| y.to_string()));
    header.extend([t.doc_final_target.into(), t.doc_data_source.into(), t.doc_responsible.into()]);
    let rows: Vec<Vec<Cell>> = refs
        .iter()
        .map(|r| {
            let chain: Vec<&Node> = r.chain().collect();
            let mut row: Vec<Cell> = level_columns(s, &numbers, &chain).into_iter().map(Cell::text).collect();
            let ind = r.indicator;
            row.push(Cell { bold: ind.key, ..Cell::text(ind.name.clone()) });
            row.push(Cell::text(ind.unit.clone()));
            row.push(Cell::text(baseline_text(ind, lang)));
            row.extend(years.iter().map(|y| Cell::text(target_text(ind, *y))));
            row.push(Cell::text(ind.final_target.as_ref().map(|f| f.text.clone()).unwrap_or_default()));
            row.push(Cell::text(ind.data_source.clone()));
            row.push(Cell::text(units_text(s, &ind.responsible_unit_ids)));
            row
        })
        .collect();
    let rows = super::build::span_rows(rows, s.levels.len());
    let mut widths = vec![2.0; s.levels.len()];
    widths.extend([3.0, 1.4, 1.5]);
    widths.extend(years.iter().map(|_| 1.2));
    widths.extend([1.5, 2.0, 1.2]);
    Section {
        orientation: Orientation::Landscape,
        blocks: vec![
            Block::heading(2, t.doc_indicator_table),
            Block::Table(Table { name: indicator.chars().take(31).collect(), widths, header: vec![header.into_iter().map(head).collect()], rows }),
        ],
    }
}
