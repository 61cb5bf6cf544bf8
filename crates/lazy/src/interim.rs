//! Interim documents until the core's `docs` builders and the `export`
//! writers are merged: the annual report's annex-7 table from
//! [`report::annual_table`], the strategy's goal map on a landscape page and
//! the indicator CSV ([`report::indicators_csv`]). DOCX and XLSX are refused
//! with a message.
//!
//! Rule: the HTML body is a list of `<section class="doc-section">`, each on
//! its own printed page (`landscape` for the goal map), tables with a
//! `<thead>`; the print stylesheet (style/print.css) relies on exactly that.

use std::fmt::Write;

use strategy_core::i18n::{status_label, Lang};
use strategy_core::map::{layout, to_svg, MapOptions};
use strategy_core::report::{annual_table, indicators_csv};
use strategy_core::Strategy;

use crate::{Format, Kind, Request};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The document's title.
fn title(s: &Strategy, r: Request) -> String {
    let en = r.lang == Lang::En;
    match r.kind {
        Kind::Strategy => s.title.clone(),
        Kind::Annual if en => format!("{}: annual report {}", s.title, r.year),
        Kind::Annual => format!("{}: gada pārskats {}", s.title, r.year),
        Kind::Workbook if en => format!("{}: indicators", s.title),
        Kind::Workbook => format!("{}: rādītāji", s.title),
    }
}

/// The body: sections of headings, paragraphs and tables.
fn body(s: &Strategy, r: Request) -> String {
    let en = r.lang == Lang::En;
    let mut out = format!("<article class=\"doc\" lang=\"{}\">", r.lang.code());
    let _ = write!(out, "<section class=\"doc-section\"><h1>{}</h1><p>{}</p>", escape(&title(s, r)), escape(&s.institution.name));
    match r.kind {
        Kind::Strategy => {
            for (heading, text) in [(if en { "Mission" } else { "Misija" }, &s.mission), (if en { "Vision" } else { "Vīzija" }, &s.vision)] {
                let _ = write!(out, "<h2>{heading}</h2><p>{}</p>", escape(text));
            }
            out.push_str("</section><section class=\"doc-section landscape\">");
            let map = layout(s, MapOptions { lang: r.lang, ..MapOptions::default() });
            let _ = write!(out, "<h2>{}</h2>{}", if en { "Goal map" } else { "Mērķu karte" }, to_svg(&map));
        }
        Kind::Annual => {
            let table = annual_table(s, r.year, r.current_year);
            let _ = write!(out, "<h2>{}</h2><table><thead><tr>", if en { "Implementation of the indicators" } else { "Rādītāju ieviešana" });
            for l in &table.levels {
                let level = &s.levels[*l];
                let _ = write!(out, "<th>{}</th>", escape(if en { &level.name.en } else { &level.name.lv }));
            }
            let _ = write!(out, "<th>{}</th><th>{}</th></tr></thead><tbody>", if en { "Item and its indicators" } else { "Rezultāts un tā rādītāji" }, if en { "Achieved" } else { "Sasniegts" });
            for row in &table.rows {
                out.push_str("<tr>");
                for cell in &row.context {
                    let _ = write!(out, "<td>{}</td>", escape(&cell.join("\n")));
                }
                let _ = write!(out, "<td><strong>{}</strong><ul>", escape(&row.label));
                for i in &row.indicators {
                    let _ = write!(out, "<li>{}</li>", escape(&i.name));
                }
                let _ = write!(out, "</ul></td><td><strong>{}</strong><p>{}</p></td></tr>", status_label(r.lang, row.status).to_uppercase(), escape(&row.narrative));
            }
            out.push_str("</tbody></table>");
        }
        Kind::Workbook => {
            let csv = indicators_csv(s);
            let mut lines = csv.lines();
            out.push_str("<table><thead><tr>");
            for cell in split_csv(lines.next().unwrap_or_default()) {
                let _ = write!(out, "<th>{}</th>", escape(&cell));
            }
            out.push_str("</tr></thead><tbody>");
            for line in lines {
                out.push_str("<tr>");
                for cell in split_csv(line) {
                    let _ = write!(out, "<td>{}</td>", escape(&cell));
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table>");
        }
    }
    out.push_str("</section></article>");
    out
}

/// The cells of one CSV line (quoted cells may hold commas and quotes, not line breaks here).
fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().expect("a cell").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            _ => cells.last_mut().expect("a cell").push(c),
        }
    }
    cells
}

/// Makes the file.
pub fn make(s: &Strategy, r: Request, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Preview => Ok(body(s, r).into_bytes()),
        Format::Html => Ok(format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>{}</body></html>",
            r.lang.code(),
            escape(&title(s, r)),
            body(s, r)
        )
        .into_bytes()),
        Format::Csv => Ok(indicators_csv(s).into_bytes()),
        Format::Docx | Format::Xlsx => Err("DOCX and XLSX are not built yet".into()),
    }
}

/// `institution-title-kind-year.ext`, lower case, dashes.
pub fn file_name(s: &Strategy, r: Request, format: Format) -> String {
    let kind = match r.kind {
        Kind::Strategy => "strategy",
        Kind::Annual => "annual",
        Kind::Workbook => "workbook",
    };
    let year = if r.kind == Kind::Annual { r.year.to_string() } else { String::new() };
    let short = if s.institution.short_name.is_empty() { &s.institution.name } else { &s.institution.short_name };
    let joined = [short.as_str(), &s.title, kind, &year].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("-");
    let mut name = String::new();
    for c in joined.to_lowercase().chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let ext = match format {
        Format::Preview | Format::Html => "html",
        Format::Docx => "docx",
        Format::Xlsx => "xlsx",
        Format::Csv => "csv",
    };
    format!("{}.{ext}", name.trim_matches('-'))
}
