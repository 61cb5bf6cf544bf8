//! A document as plain text, for comparing with what `pdftotext` reads out
//! of a printed or converted file, and for tests.
//!
//! Rule: every block's text in reading order, one paragraph a line, a blank
//! line after each block; list items one a line ("• " or "N. " before them);
//! a table row by row, each cell's paragraphs on lines of their own; an
//! image by its alternative text; a form feed between sections (as
//! `pdftotext` puts one between pages).

use super::{Block, Doc};

/// The text of `doc` (see the module docs).
pub fn plain_text(doc: &Doc) -> String {
    let mut out = String::new();
    for (i, section) in doc.sections.iter().enumerate() {
        if i > 0 {
            out.push('\u{c}');
        }
        for block in &section.blocks {
            match block {
                Block::Heading { text, .. } => line(&mut out, text),
                Block::Paragraph(spans) => line(&mut out, &spans.iter().map(|s| s.text.as_str()).collect::<String>()),
                Block::List { ordered, items } => {
                    for (n, item) in items.iter().enumerate() {
                        let mark = if *ordered { format!("{}. ", n + 1) } else { "• ".to_string() };
                        out.push_str(&mark);
                        out.push_str(item);
                        out.push('\n');
                    }
                }
                Block::Table(t) => {
                    for row in t.header.iter().chain(&t.rows) {
                        for cell in row.iter().filter(|c| !c.text.is_empty()) {
                            out.push_str(&cell.text);
                            out.push('\n');
                        }
                    }
                }
                Block::Image { alt, .. } => line(&mut out, &format!("[{alt}]")),
            }
            out.push('\n');
        }
    }
    out
}

/// Appends `text` and a line break.
fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::{Cell, Section, Table};

    #[test]
    fn blocks_come_out_in_reading_order_with_sections_on_new_pages() {
        let doc = Doc {
            sections: vec![
                Section { blocks: vec![Block::heading(1, "Title"), Block::List { ordered: true, items: vec!["a".into(), "b".into()] }], ..Section::default() },
                Section {
                    blocks: vec![Block::Table(Table { header: vec![vec![Cell::text("H")]], rows: vec![vec![Cell::text("x\ny"), Cell::text("")]], ..Table::default() })],
                    ..Section::default()
                },
            ],
            ..Doc::default()
        };
        assert_eq!(plain_text(&doc), "Title\n\n1. a\n2. b\n\n\u{c}H\nx\ny\n\n");
    }
}
