//! CSV of one table (RFC 4180: comma, `\r\n`, quotes only where needed),
//! written with the `csv` crate.
//!
//! Rule: a CSV has one header line and a line per body row, every line as
//! wide as the grid. The header rows are flattened into that one line: a
//! column is headed by the texts of the header cells over it, top to bottom,
//! joined with " / " (a cell spanning columns heads each of them, and one
//! spanning rows is named once). In the body a spanning cell's text is
//! repeated in every slot it covers, so each line stands on its own when
//! sorted or filtered. A cell's `\n` stays inside its quoted field. A table
//! without header rows has no header line. [`csv`] has no byte-order mark
//! (for scripts and pipes); [`csv_for_excel`] starts with one, without which
//! Excel reads UTF-8 as the local code page and mangles "ā", "ē", "š".

use crate::grid::{Grid, Slot};
use strategy_core::docs::Table;

/// The table as CSV text, without a byte-order mark.
pub fn csv(table: &Table) -> String {
    let grid = Grid::of(table);
    let mut out = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).flexible(true).from_writer(Vec::new());
    let text = |slot: &Slot| match *slot {
        Slot::Origin { cell, .. } | Slot::Covered { cell, .. } => cell.text.clone(),
        Slot::Empty => String::new(),
    };
    if grid.header_rows > 0 {
        let header: Vec<String> = (0..grid.cols)
            .map(|c| {
                let mut names: Vec<String> = Vec::new();
                for (r, row) in grid.rows[..grid.header_rows].iter().enumerate() {
                    let from_above = matches!(row[c], Slot::Covered { row, .. } if row != r);
                    let t = text(&row[c]);
                    if !from_above && !t.trim().is_empty() {
                        names.push(t);
                    }
                }
                names.join(" / ")
            })
            .collect();
        write(&mut out, &header);
    }
    for row in &grid.rows[grid.header_rows..] {
        write(&mut out, &row.iter().map(text).collect::<Vec<_>>());
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the fields are UTF-8")
}

/// The table as CSV text for Excel: [`csv`] after a UTF-8 byte-order mark.
pub fn csv_for_excel(table: &Table) -> String {
    format!("\u{feff}{}", csv(table))
}

fn write(out: &mut ::csv::Writer<Vec<u8>>, fields: &[String]) {
    out.write_record(fields).expect("writing to memory cannot fail");
}
