//! The documents built from the examples: the 2023 annual report's strategy
//! part from the 2020–2023 strategy (annex 7 row by row with the seed's
//! statuses and narratives, the summary's 5 of 9 goals, annex 6 with every
//! goal's relevance reasoning), the strategy document in the 2024–2027
//! strategy's order, the indicator workbook and the download names.

use strategy_core::docs::{self, Block, Cell, Doc, Orientation, Table, Tone};
use strategy_core::i18n::Lang;
use strategy_core::*;

fn example(name: &str) -> Strategy {
    let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    import(&std::fs::read_to_string(path).unwrap()).unwrap().strategy
}

fn headings(doc: &Doc) -> Vec<(u8, String)> {
    doc.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b { Block::Heading { level, text } => Some((*level, text.clone())), _ => None }).collect()
}

fn tables(doc: &Doc) -> Vec<&Table> {
    doc.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b { Block::Table(t) => Some(t), _ => None }).collect()
}

/// The table that follows the heading `heading`.
fn table_after<'a>(doc: &'a Doc, heading: &str) -> &'a Table {
    let blocks: Vec<&Block> = doc.sections.iter().flat_map(|s| &s.blocks).collect();
    let at = blocks.iter().position(|b| matches!(b, Block::Heading { text, .. } if text == heading)).unwrap_or_else(|| panic!("no heading {heading}"));
    blocks[at..].iter().find_map(|b| match b { Block::Table(t) => Some(t), _ => None }).unwrap()
}

fn last_cell(row: &[Cell]) -> &Cell {
    row.last().unwrap()
}

#[test]
fn annex_7_has_a_row_per_result_with_the_seeds_status_and_narrative() {
    let s = example("lm-strategy-2020-2023");
    let doc = docs::annual_report(&s, 2023, 2026, Lang::Lv);
    let annex7 = table_after(&doc, "Darbības stratēģijas 2020.–2023. gadam rādītāju ieviešana");
    let head: Vec<&str> = annex7.header[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(head, ["Prioritārais virziens", "Mērķis", "Sasniedzamie rezultāti un to rādītāji", "Sasniegtais"]);
    let results: Vec<&Vec<Cell>> = annex7.rows.iter().filter(|r| r.len() >= 2 && r[r.len() - 2].text.contains('•')).take(14).collect();
    assert_eq!(results.len(), 14, "one row per result");
    let words: Vec<&str> = results.iter().map(|r| last_cell(r).text.lines().next().unwrap()).collect();
    assert_eq!(words.iter().filter(|w| **w == "IZPILDĪTS").count(), 13);
    assert_eq!(words.iter().filter(|w| **w == "PROCESĀ").count(), 1);
    let training = results.iter().find(|r| r[r.len() - 2].text.contains("Izveidota iekšējā mācību sistēma")).unwrap();
    assert_eq!(last_cell(training).text, "PROCESĀ\nSagatavots Nodarbināto profesionālās attīstības noteikumu projekts.");
    assert_eq!(last_cell(training).tone, Some(Tone::Progress), "on track is shown in the app's on-track tone, with its word");
    assert!(last_cell(results[0]).text.starts_with("IZPILDĪTS\nĪstenota iniciatīva «Virtuālais paldies»"), "{}", last_cell(results[0]).text);
    // The first priority spans its results' rows; the training system serves goals 2 and 3.
    assert_eq!(results[0][0].row_span, 3, "priority 1 spans its results up to one that also serves goal 8 under priority 3");
    assert!(results[3][0].text.starts_with("1. Komandā") && results[3][0].text.contains("\n3. Atbalstoša"), "{}", results[3][0].text);
    assert_eq!((results[6][0].row_span, results[7].len(), results[8].len()), (5, 3, 2), "priority 2 spans 5 rows, goal 5 three");
    assert!(training.iter().any(|c| c.text.starts_with("2. Īstenota vadītāju attīstība") && c.text.contains("\n3. Īstenota individuāli")));
    // Every row of the body fills the four columns once its spans are counted.
    let key_rows = annex7.rows.len() - 14;
    assert_eq!(key_rows, 1 + s.overarching_goal.as_ref().unwrap().indicators.len(), "the key indicators follow under their heading");
}

#[test]
fn the_summary_counts_5_of_9_goals_and_13_of_14_results_and_lists_the_recommendations() {
    let s = example("lm-strategy-2020-2023");
    let doc = docs::annual_report(&s, 2023, 2026, Lang::Lv);
    assert_eq!(headings(&doc)[1], (2, "Darbības stratēģijas ieviešana".to_string()));
    let Block::List { items, .. } = &doc.sections[0].blocks[3] else { panic!("{:?}", doc.sections[0].blocks[3]) };
    assert_eq!(items, &["Mērķis: sasniegti 5 no 9", "Sasniedzamais rezultāts: sasniegti 13 no 14"]);
    let text = docs::plain_text(&doc);
    assert!(text.contains("• paredzēt tādus rezultātus mērķu sasniegšanai"), "recommendations as a list");
    let en = docs::annual_report(&s, 2023, 2026, Lang::En);
    assert_eq!(headings(&en)[1].1, "Implementation of the operational strategy");
    assert!(docs::plain_text(&en).contains("Goal: 5 of 9 achieved"));
}

#[test]
fn annex_6_holds_the_evaluation_with_every_goals_relevance_reasoning() {
    let s = example("lm-strategy-2020-2023");
    let doc = docs::annual_report(&s, 2023, 2026, Lang::Lv);
    let h: Vec<String> = headings(&doc).into_iter().map(|(_, t)| t).collect();
    let at = |x: &str| h.iter().position(|t| t.starts_with(x)).unwrap_or_else(|| panic!("no {x} in {h:?}"));
    assert!(at("Darbības stratēģijas 2020.–2023. gadam novērtējums") < at("Misijas vērtēšana"));
    assert!(at("Misijas vērtēšana") < at("Vīzijas vērtēšana") && at("Vīzijas vērtēšana") < at("Vērtību analīze"));
    assert!(at("Vērtību analīze") < at("Atbilstība") && at("Atbilstība") < at("Rezultativitāte"));
    assert!(at("Rezultativitāte") < at("Saskaņotība") && at("Saskaņotība") < at("Rekomendācijas"));
    let mission = table_after(&doc, "Misijas vērtēšana (kritēriji: oriģināla, fundamentāla, uzrunājoša, neaizmirstama)");
    assert_eq!(mission.rows.iter().map(|r| r[0].text.as_str()).collect::<Vec<_>>(), ["oriģināla", "fundamentāla", "uzrunājoša", "neaizmirstama"]);
    let relevance = table_after(&doc, "Atbilstība");
    assert_eq!(relevance.rows.len(), 9);
    for (row, r) in relevance.rows.iter().zip(&s.evaluations[0].relevance) {
        assert_eq!(row[2].text, r.reasoning, "the seed's reasoning");
    }
    let red: Vec<&str> = relevance.rows.iter().filter(|r| r[1].tone == Some(Tone::Poor)).map(|r| r[0].text.as_str()).collect();
    assert_eq!(red.len(), 2);
    assert!(red[0].starts_with("4. ") && red[1].starts_with("7. "), "{red:?}");
    assert!(relevance.rows.iter().all(|r| !r[1].text.is_empty()), "the light has words, not colour alone");
    let survey = table_after(&doc, "Vērtību aptauja");
    assert_eq!((survey.rows[2][1].number, survey.rows[2][1].text.as_str()), (Some(91.0), "91 %"));
    let coherence = table_after(&doc, "Saskaņotība");
    assert_eq!(coherence.rows.len(), 9);
    assert_eq!(coherence.header[0].len(), 1 + s.policy_documents.len());
    let marks: usize = coherence.rows.iter().map(|r| r.iter().filter(|c| c.text == "x").count()).sum();
    assert_eq!(marks, s.evaluations[0].coherence.len());
    let wide = doc.sections.iter().find(|sec| sec.blocks.iter().any(|b| matches!(b, Block::Heading { text, .. } if text == "Saskaņotība"))).unwrap();
    assert_eq!(wide.orientation, Orientation::Landscape, "a column per policy document needs the page's width");
    let text = docs::plain_text(&doc);
    assert!(text.contains("COVID-19 un karš Ukrainā"), "the effectiveness narrative");
}

#[test]
fn a_year_without_an_evaluation_says_so() {
    let s = example("lm-strategy-2020-2023");
    let doc = docs::annual_report(&s, 2021, 2026, Lang::En);
    assert!(docs::plain_text(&doc).contains("There is no evaluation for this year."));
}

#[test]
fn the_strategy_document_follows_the_2024_2027_order_with_the_map_on_a_landscape_page() {
    let s = example("lm-strategy-2024-2027");
    let doc = docs::strategy_document(&s, Lang::Lv);
    assert_eq!(doc.title, s.title);
    let h: Vec<String> = headings(&doc).into_iter().map(|(_, t)| t).collect();
    assert_eq!(h[0], s.title);
    let order = ["Priekšvārds", "Darbības pilnvarojums (mandāts)", "Misija", "Vīzija", "Vērtības", "Prioritātes un mērķi", "Mērķu karte"];
    let positions: Vec<usize> = order.iter().map(|x| h.iter().position(|t| t == x).unwrap_or_else(|| panic!("no {x} in {h:?}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let later = [docs_name(&s), "Politikas plānošanas dokumenti".into(), "SVID analīze".into(), "Resursi".into(), "Ieviešana un uzraudzība".into(), "Sasniedzamie rezultāti un to snieguma rādītāji".into()];
    let mut last = positions[positions.len() - 1];
    for x in later.iter() {
        if let Some(p) = h.iter().position(|t| t == x) {
            assert!(p > last, "{x} after the map");
            last = p;
        }
    }
    assert_eq!(h.last().unwrap(), "Sasniedzamie rezultāti un to snieguma rādītāji");
    let map = doc.sections.iter().find(|sec| sec.blocks.iter().any(|b| matches!(b, Block::Image { .. }))).unwrap();
    assert_eq!(map.orientation, Orientation::Landscape);
    assert_eq!(map.blocks.len(), 2, "the map has its page to itself");
    let Block::Image { svg, .. } = &map.blocks[1] else { panic!() };
    assert!(svg.starts_with("<svg"));
    let text = docs::plain_text(&doc);
    assert!(text.contains(&s.foreword.signatory_name) && text.contains(&s.foreword.signatory_position), "the signatory");
    let goals = s.nodes_at_level(1);
    assert!(goals.iter().all(|g| h.iter().any(|t| t.ends_with(&g.node.title))), "every goal has its heading");
}

fn docs_name(s: &Strategy) -> String {
    Lang::Lv.name(&s.target_group_name).to_string()
}

#[test]
fn the_indicator_table_has_baseline_yearly_targets_source_and_unit() {
    let s = example("lm-strategy-2024-2027");
    let doc = docs::strategy_document(&s, Lang::Lv);
    let t = table_after(&doc, "Sasniedzamie rezultāti un to snieguma rādītāji");
    let head: Vec<&str> = t.header[0].iter().map(|c| c.text.as_str()).collect();
    let n = s.levels.len();
    assert_eq!(head[n..n + 3], [s.indicator_name.lv.as_str(), "Mērvienība", "Bāzes vērtība"]);
    assert_eq!(head[n + 3..n + 7], ["2024", "2025", "2026", "2027"]);
    assert_eq!(head[n + 7..], ["Mērķvērtība perioda beigās", "Datu avots", "Atbildīgā struktūrvienība"]);
    assert_eq!(t.rows.len(), s.indicator_refs().len());
    let with_target = s.indicator_refs().iter().filter(|r| r.indicator.targets.iter().any(|x| x.year == Some(2025))).count();
    let shown = t.rows.iter().filter(|r| !r[r.len() - 7].text.is_empty()).count();
    assert_eq!(shown, with_target, "the 2025 targets, counted from the right past any spanned cells");
}

#[test]
fn the_workbook_has_a_row_per_indicator_with_numbers_and_statuses_by_year() {
    let s = example("lm-strategy-2020-2023");
    let doc = docs::indicator_workbook(&s, 2026, Lang::Lv);
    let t = tables(&doc);
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(t.rows.len(), s.indicator_refs().len());
    assert!(t.rows.iter().all(|r| r.len() == t.header[0].len()), "no spans: every row has every column");
    let head: Vec<&str> = t.header[0].iter().map(|c| c.text.as_str()).collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no {name} in {head:?}"));
    let (actual, status) = (col("2023 faktiski"), col("2023 statuss"));
    let i18 = s.indicator_refs().iter().position(|r| r.indicator.id == "i18").unwrap();
    assert_eq!(t.rows[i18][actual].number, Some(10.0));
    assert_eq!(t.rows[i18][status].text, "IZPILDĪTS");
    assert_eq!(t.rows[i18][col("2021 faktiski")].number, Some(11.0));
    assert!(t.name.chars().count() <= 31);
}

#[test]
fn download_names_are_institution_title_kind_year() {
    let s = example("lm-strategy-2020-2023");
    assert_eq!(docs::file_name(&s, "report", Some(2023), "docx"), "lm-darbibas-strategija-2020-2023-report-2023.docx");
}

#[test]
fn the_printed_report_is_one_standalone_page_with_its_tables() {
    let s = example("lm-strategy-2020-2023");
    let doc = docs::annual_report(&s, 2023, 2026, Lang::Lv);
    let page = docs::html(&doc);
    assert!(page.contains("<title>Darbības stratēģija 2020–2023 — Gada publiskais pārskats par 2023. gadu</title>"));
    assert_eq!(page.matches("<section class=\"doc-section").count(), doc.sections.len());
    let rows: usize = tables(&doc).iter().map(|t| t.header.len() + t.rows.len()).sum();
    assert_eq!(page.matches("<tr>").count(), rows, "every table row is written");
    assert!(page.matches("<td class=\"tone-good\">IZPILDĪTS").count() >= 13);
    let body = docs::html_body(&doc);
    assert!(!body.contains("<html") && !body.contains("<style"), "the body is for the app's preview page");
    let strategy = docs::html(&docs::strategy_document(&example("lm-strategy-2024-2027"), Lang::Lv));
    assert_eq!(strategy.matches("<section class=\"doc-section landscape\">").count(), 2, "the goal map and the indicator table");
    assert_eq!(strategy.matches("<img alt=").count(), 1);
}

/// How many columns each row of `t` fills, counting the cells that rows
/// above cover by their row spans.
fn filled_columns(t: &Table) -> Vec<usize> {
    let mut pending: Vec<(usize, usize)> = Vec::new(); // (rows still covered, columns covered)
    let mut out = Vec::new();
    for row in t.header.iter().chain(&t.rows) {
        let covered: usize = pending.iter().map(|(_, c)| c).sum();
        let own: usize = row.iter().map(|c| usize::from(c.col_span.max(1))).sum();
        out.push(covered + own);
        pending.retain_mut(|(rows, _)| {
            *rows -= 1;
            *rows > 0
        });
        pending.extend(row.iter().filter(|c| c.row_span > 1).map(|c| (usize::from(c.row_span) - 1, usize::from(c.col_span.max(1)))));
    }
    out
}

#[test]
fn every_table_of_every_document_is_rectangular_once_spans_are_counted() {
    for name in ["lm-strategy-2024-2027", "lm-strategy-2020-2023", "social-protection-guidelines-2021-2027", "digital-governance-agency-2025-2028"] {
        let s = example(name);
        for lang in [Lang::Lv, Lang::En] {
            let year = s.period.end_year;
            for doc in [docs::strategy_document(&s, lang), docs::annual_report(&s, year, year + 1, lang), docs::indicator_workbook(&s, year + 1, lang)] {
                for t in tables(&doc) {
                    let width = t.header[0].len();
                    assert!(filled_columns(t).iter().all(|w| *w == width), "{name}: {} is not {width} columns wide: {:?}", t.name, filled_columns(t));
                    assert!(t.widths.is_empty() || t.widths.len() == width, "{name}: {} has a width per column", t.name);
                    assert!(!t.name.is_empty() && t.name.chars().count() <= 31, "{name}: sheet name {:?}", t.name);
                }
            }
        }
    }
}
