//! XLSX with `rust_xlsxwriter`: one worksheet per table of the document.
//!
//! Rule: the document's tables, in its order, each on a sheet named by
//! [`sheet_names`]; paragraphs, lists and images are not written (the
//! workbook is for the figures). On each sheet the header rows come first, in
//! bold, frozen, with an autofilter on the last of them over the body; a cell
//! with a `number` is a number cell, every other one a string (text with `\n`
//! wraps); a spanning cell is a merged range; a toned cell has the tone's fill;
//! column widths follow `Table::widths` (16 characters on average, 6 to 60
//! each). A document without tables gets one sheet holding its title.

use std::collections::HashSet;

use rust_xlsxwriter::{Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use strategy_core::docs::{Cell, Doc, Table};
use strategy_core::i18n::fill;

use crate::grid::{Grid, Slot};
use crate::{lang, tone_fill};

/// The characters Excel refuses in a sheet name.
const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// The document's tables as an XLSX workbook. Fails only on what Excel cannot
/// hold (a text over 32,767 characters, more than 1,048,576 rows or 16,384 columns).
pub fn xlsx(doc: &Doc) -> Result<Vec<u8>, String> {
    write(doc).map_err(|e| e.to_string())
}

fn write(doc: &Doc) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_title(&doc.title));
    let tables: Vec<&Table> = doc.tables().collect();
    let names = sheet_names(doc);
    if tables.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name(&names[0])?;
        sheet.write_string_with_format(0, 0, &doc.title, &Format::new().set_bold())?;
    }
    for (table, name) in tables.iter().zip(&names) {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        sheet_of(sheet, table)?;
    }
    book.save_to_buffer()
}


/// The sheet names [`xlsx`] gives the document's tables, in order (one name,
/// for the title's sheet, when it has none). A name is the table's `name`
/// with Excel's forbidden characters `[]:*?/\` turned into "-", blanks
/// collapsed, apostrophes trimmed from its ends and cut to 31 characters;
/// a blank one is "Tabula N" ("Table N" in English) by the table's place; a
/// name already taken (Excel ignores case) or Excel's reserved "History" gets
/// " (2)", " (3)"… within the 31.
pub fn sheet_names(doc: &Doc) -> Vec<String> {
    let tables: Vec<&Table> = doc.tables().collect();
    let count = tables.len().max(1);
    let mut taken: HashSet<String> = HashSet::from(["history".to_string()]);
    (0..count)
        .map(|i| {
            let raw = tables.get(i).map_or("", |t| t.name.as_str());
            let cleaned: String = raw.chars().map(|c| if FORBIDDEN.contains(&c) { '-' } else { c }).collect();
            let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut base = cut(cleaned.trim_matches('\''), 31).trim_end().to_string();
            if base.is_empty() {
                base = fill(lang(doc).texts().export_sheet, &[("n", &(i + 1).to_string())]);
            }
            let mut name = base.clone();
            let mut n = 2;
            while taken.contains(&name.to_lowercase()) {
                let suffix = format!(" ({n})");
                name = format!("{}{suffix}", cut(&base, 31 - suffix.chars().count()).trim_end());
                n += 1;
            }
            taken.insert(name.to_lowercase());
            name
        })
        .collect()
}

/// The first `n` characters of `s` (Excel counts UTF-16 units; every
/// character a strategy's names use is one unit).
fn cut(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn sheet_of(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let grid = Grid::of(table);
    for (r, slots) in grid.rows.iter().enumerate() {
        let header = r < grid.header_rows;
        for (c, slot) in slots.iter().enumerate() {
            let Slot::Origin { cell, rows, cols } = *slot else { continue };
            let format = format_of(cell, header);
            let (row, col) = (r as u32, c as u16);
            if rows > 1 || cols > 1 {
                sheet.merge_range(row, col, row + rows as u32 - 1, col + cols as u16 - 1, "", &format)?;
            }
            match cell.number {
                Some(v) => sheet.write_number_with_format(row, col, v, &format)?,
                None => sheet.write_string_with_format(row, col, &cell.text, &format)?,
            };
        }
    }
    let weights: Vec<f64> = (0..grid.cols).map(|c| table.widths.get(c).copied().filter(|w| *w > 0.0).unwrap_or(1.0)).collect();
    let total: f64 = weights.iter().sum();
    for (c, w) in weights.iter().enumerate() {
        sheet.set_column_width(c as u16, (w / total * 16.0 * grid.cols as f64).clamp(6.0, 60.0))?;
    }
    if grid.header_rows > 0 && grid.cols > 0 {
        sheet.set_freeze_panes(grid.header_rows as u32, 0)?;
        let last_row = grid.rows.len().max(grid.header_rows) as u32 - 1;
        sheet.autofilter(grid.header_rows as u32 - 1, 0, last_row, grid.cols as u16 - 1)?;
    }
    Ok(())
}

fn format_of(cell: &Cell, header: bool) -> Format {
    let mut f = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
    if cell.text.contains('\n') || cell.number.is_none() {
        f = f.set_text_wrap();
    }
    if cell.bold || header {
        f = f.set_bold();
    }
    if let Some(tone) = cell.tone {
        let rgb = u32::from_str_radix(tone_fill(tone), 16).expect("the fills are hex");
        f = f.set_background_color(Color::RGB(rgb));
    }
    f
}
