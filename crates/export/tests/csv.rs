//! The CSV writer: RFC 4180 quoting, flattened header rows, repeated spans.

mod common;

use common::{annex_table, HOSTILE};
use strategy_export::{Cell, Table};

#[test]
fn header_rows_flatten_and_spans_repeat() {
    let csv = strategy_export::csv(&annex_table());
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(rows[0], ["Prioritāte", "Mērķis", "Sasniedzamie rezultāti", "Izpilde / Vērtība", "Izpilde / Statuss"]);
    assert_eq!(rows.len(), 1 + 4, "one header line and a line per body row");
    assert_eq!(rows[1], ["1. Mērķtiecīga cilvēkresursu attīstība", "1. Vadīta kompetenču attīstība", "1.1. Personāla mainība ≤ 11 %", "9,5", "IZPILDĪTS"]);
    assert_eq!(rows[2], ["1. Mērķtiecīga cilvēkresursu attīstība", "1. Vadīta kompetenču attīstība", "1.2. Apmācības\notrā rindkopa", "42", "PROCESĀ"], "row spans repeat");
    assert_eq!(rows[3], ["1. Mērķtiecīga cilvēkresursu attīstība", "2. Digitālās prasmes", HOSTILE, "−3,25", "NEIZPILDĪTS"]);
    assert_eq!(rows[4], ["Kopā ģimenēm šķērsām", "Kopā ģimenēm šķērsām", "Kopā ģimenēm šķērsām", "1 234 567", "Nav datu"], "column spans repeat");
}

#[test]
fn quotes_only_where_needed_and_ends_lines_with_crlf() {
    let table = Table {
        header: vec![vec![Cell::text("a"), Cell::text("b")]],
        rows: vec![vec![Cell::text("b, c"), Cell::text("say \"hi\"")], vec![Cell::text("two\nlines"), Cell::text("plain")]],
        ..Table::default()
    };
    assert_eq!(strategy_export::csv(&table), "a,b\r\n\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",plain\r\n");
    assert_eq!(strategy_export::csv_for_excel(&table), format!("\u{feff}{}", strategy_export::csv(&table)), "a BOM for Excel");
    let headless = Table { rows: vec![vec![Cell::text("x")]], ..Table::default() };
    assert_eq!(strategy_export::csv(&headless), "x\r\n", "no header rows, no header line");
}
