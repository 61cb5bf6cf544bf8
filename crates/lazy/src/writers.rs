//! The file writers the module calls, until the workspace's `strategy-export`
//! crate (DOCX, XLSX, CSV) is merged: CSV is written here, DOCX and XLSX are
//! refused with a message the page shows.
//!
//! Rule: a CSV has one line per header row and row, RFC 4180 quoting, CRLF;
//! a cell spanning rows or columns fills every position it covers with its
//! text, so each line has a cell per column.

use strategy_core::docs::{Cell, Doc, Table};

/// The table as CSV.
pub fn csv(table: &Table) -> String {
    let rows: Vec<&Vec<Cell>> = table.header.iter().chain(&table.rows).collect();
    // Cells carried down by a row span: (column, rows left, text).
    let mut carried: Vec<(usize, u16, String)> = Vec::new();
    let mut out = String::new();
    for row in rows {
        let mut line: Vec<String> = Vec::new();
        let mut cells = row.iter();
        let mut next_carried: Vec<(usize, u16, String)> = Vec::new();
        loop {
            let column = line.len();
            if let Some((_, left, text)) = carried.iter().find(|(c, _, _)| *c == column) {
                line.push(text.clone());
                if *left > 1 {
                    next_carried.push((column, left - 1, text.clone()));
                }
                continue;
            }
            let Some(cell) = cells.next() else { break };
            for _ in 0..cell.col_span.max(1) {
                let column = line.len();
                if cell.row_span > 1 {
                    next_carried.push((column, cell.row_span - 1, cell.text.clone()));
                }
                line.push(cell.text.clone());
            }
        }
        carried = next_carried;
        let quoted: Vec<String> = line.iter().map(|c| if c.contains([',', '"', '\n', '\r']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() }).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

/// DOCX: not in this module yet.
pub fn docx(_doc: &Doc) -> Result<Vec<u8>, String> {
    Err("DOCX is not available in this build yet".into())
}

/// XLSX: not in this module yet.
pub fn xlsx(_doc: &Doc) -> Result<Vec<u8>, String> {
    Err("XLSX is not available in this build yet".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanned_cells_fill_what_they_cover_and_text_is_quoted() {
        let spanned = Cell { row_span: 2, ..Cell::text("P1") };
        let table = Table {
            header: vec![vec![Cell::text("Priority"), Cell::text("Goal, result")]],
            rows: vec![vec![spanned, Cell::text("a \"b\"")], vec![Cell::text("c")]],
            ..Table::default()
        };
        assert_eq!(csv(&table), "Priority,\"Goal, result\"\r\nP1,\"a \"\"b\"\"\"\r\nP1,c\r\n");
    }
}
