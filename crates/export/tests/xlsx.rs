//! The XLSX writer, read back with calamine cell by cell, and its sheet XML
//! for what calamine does not read (frozen panes, autofilter, widths).

mod common;

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use common::{annex_table, plain_table, sample, HOSTILE};
use strategy_export::{Block, Doc, Section, Table};

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("an XLSX workbook")
}

fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn one_sheet_per_table_named_by_the_table() {
    let book = open(strategy_export::xlsx(&sample()).unwrap());
    assert_eq!(book.sheet_names(), vec!["Rādītāji- 2023-24 -pielikums-".to_string(), "Tabula 2".into()], "forbidden characters replaced");
}

#[test]
fn cells_are_numbers_or_text_as_the_model_says() {
    let mut book = open(strategy_export::xlsx(&sample()).unwrap());
    let range = book.worksheet_range("Rādītāji- 2023-24 -pielikums-").unwrap();
    assert_eq!(range.start(), Some((0, 0)));
    assert_eq!(range.end(), Some((5, 4)), "2 header rows and 4 body rows, 5 columns");
    let at = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let s = |t: &str| Data::String(t.into());
    assert_eq!(at(0, 0), s("Prioritāte"));
    assert_eq!(at(0, 3), s("Izpilde"));
    assert_eq!((at(1, 3), at(1, 4)), (s("Vērtība"), s("Statuss")));
    assert_eq!(at(2, 0), s("1. Mērķtiecīga cilvēkresursu attīstība"));
    assert_eq!(at(2, 3), Data::Float(9.5), "numbers are numbers");
    assert_eq!(at(2, 4), s("IZPILDĪTS"));
    assert_eq!((at(3, 0), at(3, 1)), (Data::Empty, Data::Empty), "covered by the spans above");
    assert_eq!(at(3, 2), s("1.2. Apmācības\notrā rindkopa"));
    assert_eq!(at(3, 3), Data::Float(42.0));
    assert_eq!((at(4, 1), at(4, 2), at(4, 3)), (s("2. Digitālās prasmes"), s(HOSTILE), Data::Float(-3.25)));
    assert_eq!((at(5, 0), at(5, 3), at(5, 4)), (s("Kopā ģimenēm šķērsām"), Data::Float(1234567.0), s("Nav datu")));

    let years = book.worksheet_range("Tabula 2").unwrap();
    assert_eq!(years.get_value((0, 0)), Some(&s("Gads")));
    assert_eq!(years.get_value((4, 0)), Some(&Data::Float(2023.0)));
    assert_eq!(years.get_value((4, 1)), Some(&Data::Float(23.0)));
}

#[test]
fn spans_are_merged_ranges() {
    let mut book = open(strategy_export::xlsx(&sample()).unwrap());
    let mut merged: Vec<((u32, u32), (u32, u32))> =
        book.merge_cells_by_sheet_name("Rādītāji- 2023-24 -pielikums-").unwrap().iter().map(|d| (d.start, d.end)).collect();
    merged.sort();
    assert_eq!(
        merged,
        vec![((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 4)), ((2, 0), (4, 0)), ((2, 1), (3, 1)), ((5, 0), (5, 2))]
    );
    assert!(book.merge_cells_by_sheet_name("Tabula 2").unwrap().is_empty());
}

#[test]
fn header_rows_are_bold_frozen_and_filtered_and_tones_fill() {
    let bytes = strategy_export::xlsx(&sample()).unwrap();
    let mut book = open(bytes.clone());
    let styles = book.worksheet_style("Rādītāji- 2023-24 -pielikums-").unwrap();
    let bold = |r, c| styles.get((r, c)).and_then(|s| s.font.as_ref()).is_some_and(|f| f.is_bold());
    assert!(bold(0, 0) && bold(1, 4), "header cells are bold");
    assert!(!bold(2, 2), "body text is not");
    assert!(bold(5, 3), "a bold cell is");
    let fill = |r, c| {
        let c = styles.get((r, c)).and_then(|s| s.fill.as_ref()).and_then(|f| f.foreground_color.or(f.background_color))?;
        Some(format!("{:02X}{:02X}{:02X}", c.red, c.green, c.blue))
    };
    assert_eq!(
        [fill(2, 4), fill(3, 4), fill(4, 4), fill(5, 4)],
        [Some("C6EFCE".into()), Some("FFE3B3".into()), Some("FFC7CE".into()), Some("E7E6E6".into())]
    );
    assert_eq!(fill(2, 3), None, "an untoned cell has no fill");

    let sheet = sheet_xml(&bytes, 1);
    assert!(sheet.contains(r#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#), "{sheet}");
    assert!(sheet.contains(r#"<autoFilter ref="A2:E6"/>"#), "{sheet}");
    let cols = &sheet[sheet.find("<cols>").unwrap()..sheet.find("</cols>").unwrap()];
    let widths: Vec<f64> = cols.split("width=\"").skip(1).map(|w| w[..w.find('"').unwrap()].parse().unwrap()).collect();
    assert_eq!(widths.len(), 5);
    assert!(widths[2] > widths[1] && widths[1] > widths[0] && widths[3] < widths[0], "widths follow the table's: {widths:?}");
    assert!(sheet_xml(&bytes, 2).contains(r#"<autoFilter ref="A1:B5"/>"#));
}

#[test]
fn sheet_names_are_unique_short_and_allowed() {
    let named = |name: &str| Block::Table(Table { name: name.into(), ..plain_table() });
    let doc = Doc {
        title: "T".into(),
        lang: "en".into(),
        sections: vec![Section {
            blocks: vec![
                named("Rādītāji"),
                named("RĀDĪTĀJI"),
                named("Rādītāji"),
                named("'quoted'"),
                named("Ļoti garš nosaukums, kas nepārprotami pārsniedz robežu"),
                named("Ļoti garš nosaukums, kas nepārprotami pārsniedz robežu"),
                named("   "),
                named("History"),
                Block::Table(annex_table()),
            ],
            ..Section::default()
        }],
    };
    let names = strategy_export::sheet_names(&doc);
    assert_eq!(
        names,
        [
            "Rādītāji",
            "RĀDĪTĀJI (2)",
            "Rādītāji (3)",
            "quoted",
            "Ļoti garš nosaukums, kas nepārp",
            "Ļoti garš nosaukums, kas ne (2)",
            "Table 7",
            "History (2)",
            "Rādītāji- 2023-24 -pielikums-",
        ]
    );
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    let book = open(strategy_export::xlsx(&doc).unwrap());
    assert_eq!(book.sheet_names(), names, "Excel's rules hold: the workbook is written");
}

#[test]
fn a_document_without_tables_gets_its_title_on_one_sheet() {
    let doc = Doc { title: "Tikai teksts".into(), lang: "lv".into(), sections: vec![Section { blocks: vec![Block::para("x")], ..Section::default() }] };
    let mut book = open(strategy_export::xlsx(&doc).unwrap());
    assert_eq!(book.sheet_names(), vec!["Tabula 1".to_string()]);
    assert_eq!(book.worksheet_range("Tabula 1").unwrap().get_value((0, 0)), Some(&Data::String("Tikai teksts".into())));
}

#[test]
fn text_over_excels_limit_is_an_error_not_a_broken_file() {
    let mut table = plain_table();
    table.rows[0][1] = strategy_export::Cell::text("x".repeat(40_000));
    let doc = Doc { sections: vec![Section { blocks: vec![Block::Table(table)], ..Section::default() }], ..Doc::default() };
    assert!(strategy_export::xlsx(&doc).is_err());
}
