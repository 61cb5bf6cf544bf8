//! Strategy Studio's second wasm module: everything that makes a document
//! file — the document builders and the HTML, DOCX, XLSX and CSV writers —
//! kept out of the start-up wasm and loaded by the app (`src/lazy.rs`) the
//! first time a document is previewed or downloaded.
//!
//! Rule: the module's whole interface is text and bytes. The app hands over
//! the strategy as its compact storage JSON ([`strategy_core::compact`]) and
//! says what to make; the module answers with the file's bytes, or an error
//! message. It keeps no state between calls.

use strategy_core::docs::{self, Doc, Table};
use strategy_core::i18n::Lang;
use strategy_core::Strategy;
use strategy_export::Picture;
use wasm_bindgen::prelude::*;

/// Which document to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The strategy document itself.
    Strategy,
    /// The annual report's strategy part for a year.
    Annual,
    /// One row per indicator, every level, targets and actuals by year.
    Workbook,
}

/// Which file format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The document's body only, for the preview on the page.
    Preview,
    /// A whole HTML page with its print stylesheet.
    Html,
    Docx,
    Xlsx,
    Csv,
}

impl Kind {
    /// Reads `strategy`, `annual` or `workbook`.
    pub fn parse(text: &str) -> Result<Kind, String> {
        match text {
            "strategy" => Ok(Kind::Strategy),
            "annual" => Ok(Kind::Annual),
            "workbook" => Ok(Kind::Workbook),
            _ => Err(format!("unknown document kind “{text}”")),
        }
    }
}

impl Format {
    /// Reads `preview`, `html`, `docx`, `xlsx` or `csv`.
    pub fn parse(text: &str) -> Result<Format, String> {
        match text {
            "preview" => Ok(Format::Preview),
            "html" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            "xlsx" => Ok(Format::Xlsx),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("unknown file format “{text}”")),
        }
    }
}

/// What the app asks for: the document, its year and language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    /// The report's year (the annual report; the others ignore it).
    pub year: i32,
    /// Today's year, for deciding which targets are due.
    pub current_year: i32,
    pub lang: Lang,
}

/// Reads the strategy from its stored JSON.
fn read(strategy_json: &str) -> Result<Strategy, String> {
    strategy_core::import(strategy_json).map(|i| i.strategy).map_err(|problems| {
        let first = problems.first().map_or_else(String::new, |p| p.message.clone());
        format!("the strategy could not be read: {first}")
    })
}

fn lang(code: &str) -> Lang {
    if code == "en" {
        Lang::En
    } else {
        Lang::Lv
    }
}

/// Builds the document asked for.
pub fn build(s: &Strategy, r: Request) -> Doc {
    match r.kind {
        Kind::Strategy => docs::strategy_document(s, r.lang),
        Kind::Annual => docs::annual_report(s, r.year, r.current_year, r.lang),
        Kind::Workbook => docs::indicator_workbook(s, r.current_year, r.lang),
    }
}

/// The document's main table, the one a CSV holds: the one with most rows
/// (the annual report's annex 7, the strategy's indicator table, the workbook).
fn main_table(doc: &Doc) -> Option<&Table> {
    doc.tables().max_by_key(|t| t.rows.len())
}

/// Makes the file: the host-testable core of [`make`]. The preview is the
/// document's HTML body after its stylesheet ([`docs::PRINT_CSS`]).
pub fn make_file(strategy: &Strategy, request: Request, format: Format, pictures: &[Picture]) -> Result<Vec<u8>, String> {
    let doc = build(strategy, request);
    let text = match format {
        Format::Preview => format!("<style>{}</style>\n{}", docs::PRINT_CSS, docs::html_body(&doc)),
        Format::Html => docs::html(&doc),
        Format::Csv => strategy_export::csv_for_excel(main_table(&doc).ok_or("the document has no table")?),
        Format::Docx => return Ok(strategy_export::docx_with_pictures(&doc, pictures)),
        Format::Xlsx => return strategy_export::xlsx(&doc),
    };
    Ok(text.into_bytes())
}

/// The file's name, `institution-title-kind-year.ext` ([`docs::file_name`]);
/// the year only for the annual report.
pub fn name_file(strategy: &Strategy, request: Request, format: Format) -> String {
    let (kind, year) = match request.kind {
        Kind::Strategy => ("strategy", None),
        Kind::Annual => ("annual-report", Some(request.year)),
        Kind::Workbook => ("workbook", None),
    };
    let ext = match format {
        Format::Preview | Format::Html => "html",
        Format::Docx => "docx",
        Format::Xlsx => "xlsx",
        Format::Csv => "csv",
    };
    docs::file_name(strategy, kind, year, ext)
}

/// Makes a document file from the strategy's stored JSON: `kind` is
/// `strategy`, `annual` or `workbook`; `format` is `preview` (the HTML body
/// for the page), `html`, `docx`, `xlsx` or `csv`; `lang` is `lv` or `en`;
/// `picture` is the PNG of the document's figure (the goal map), drawn by
/// the page, for the DOCX. Throws an `Error` with a message when it cannot.
#[wasm_bindgen]
pub fn make(strategy_json: &str, kind: &str, year: i32, current_year: i32, lang_code: &str, format: &str, picture: Option<Vec<u8>>) -> Result<Vec<u8>, JsError> {
    let run = || -> Result<Vec<u8>, String> {
        let request = Request { kind: Kind::parse(kind)?, year, current_year, lang: lang(lang_code) };
        let pictures: Vec<Picture> = picture.and_then(Picture::from_png).into_iter().collect();
        make_file(&read(strategy_json)?, request, Format::parse(format)?, &pictures)
    };
    run().map_err(|e| JsError::new(&e))
}

/// The download name of the file [`make`] makes with the same arguments.
#[wasm_bindgen]
pub fn file_name(strategy_json: &str, kind: &str, year: i32, lang_code: &str, format: &str) -> Result<String, JsError> {
    let run = || -> Result<String, String> {
        let request = Request { kind: Kind::parse(kind)?, year, current_year: year, lang: lang(lang_code) };
        Ok(name_file(&read(strategy_json)?, request, Format::parse(format)?))
    };
    run().map_err(|e| JsError::new(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Strategy {
        read(include_str!("../../../public/examples/lm-strategy-2020-2023.json")).expect("the example reads")
    }

    fn annual(year: i32) -> Request {
        Request { kind: Kind::Annual, year, current_year: 2024, lang: Lang::Lv }
    }

    #[test]
    fn the_annual_preview_of_2023_holds_the_annex_7_table_with_a_row_per_result() {
        let body = String::from_utf8(make_file(&example(), annual(2023), Format::Preview, &[]).unwrap()).unwrap();
        assert!(body.starts_with("<style>") && body.contains("<div class=\"doc\""), "the stylesheet and a body, not a page");
        let annex = body.split("<table").find(|t| t.contains("IZPILDĪTS")).expect("the annex-7 table");
        let body_rows = annex.split("<tbody>").nth(1).unwrap().split("</tbody>").next().unwrap();
        // A result's cell lists its indicators ("• …"); the overarching goal's key indicators follow.
        assert_eq!(body_rows.split("<tr>").filter(|r| r.contains('•')).count(), 14);
    }

    #[test]
    fn kinds_and_formats_are_read_by_name_and_unknown_ones_are_refused() {
        assert_eq!(Kind::parse("workbook"), Ok(Kind::Workbook));
        assert_eq!(Format::parse("xlsx"), Ok(Format::Xlsx));
        assert!(Kind::parse("memo").unwrap_err().contains("memo"));
        assert!(Format::parse("pdf").unwrap_err().contains("pdf"));
        assert!(read("{").unwrap_err().starts_with("the strategy could not be read"));
    }

    #[test]
    fn files_are_named_institution_title_kind_year() {
        let s = example();
        let name = name_file(&s, annual(2023), Format::Docx);
        assert_eq!(name, "lm-darbibas-strategija-2020-2023-annual-report-2023.docx");
        let csv = name_file(&s, Request { kind: Kind::Workbook, ..annual(2023) }, Format::Csv);
        assert!(csv.ends_with("-workbook.csv"), "{csv}");
    }

    #[test]
    fn the_office_files_are_zips_the_html_file_a_whole_page_and_the_workbook_csv_has_a_line_per_indicator() {
        let s = example();
        let html = String::from_utf8(make_file(&s, Request { kind: Kind::Strategy, ..annual(2023) }, Format::Html, &[]).unwrap()).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("data:image/svg+xml") && html.contains("doc-section landscape"));
        for format in [Format::Docx, Format::Xlsx] {
            assert!(make_file(&s, annual(2023), format, &[]).unwrap().starts_with(b"PK"), "{format:?} is a zip");
        }
        let csv = String::from_utf8(make_file(&s, Request { kind: Kind::Workbook, ..annual(2023) }, Format::Csv, &[]).unwrap()).unwrap();
        // Records end in CRLF; line breaks inside a cell are LF.
        assert_eq!(csv.matches("\r\n").count(), s.indicator_refs().len() + 1, "a header and a record per indicator");
    }
}
