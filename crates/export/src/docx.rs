//! DOCX (Word, LibreOffice) with `docx-rs`: real heading styles, real
//! numbering definitions and tables that keep their shape across pages.
//!
//! Rule: headings are paragraphs in the styles `Heading1`…`Heading4` (named
//! "heading 1"… with outline levels, so the navigation pane and a table of
//! contents find them); a list is a run of paragraphs on a numbering of its own
//! (bullets, or decimals restarting at 1); a table's header rows are marked to
//! repeat on every page (`w:tblHeader`), no row splits across pages
//! (`w:cantSplit`), row spans are vertical merges and column spans grid spans
//! on a grid whose widths follow `Table::widths`, and a toned cell is shaded
//! with the tone's fill (its text is kept). Each section is a Word section on
//! A4, starting on a new page, landscape ones with the page turned. An SVG
//! image cannot go in: Word needs a raster copy beside it and nothing here
//! rasterises, so the image is written as an italic note that the figure comes
//! as a separate file, with its alt text.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, HeightRule, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumberFormat,
    Numbering, NumberingId, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Section as DocxSection, Shading, SpecialIndentType,
    Start, Style, StyleType, TableCell, TableLayoutType, TableRow, VMergeType, WidthType,
};
use strategy_core::docs::{Block, Cell, Doc, Orientation, Section, Span, Table};
use strategy_core::i18n::fill;

use crate::grid::{Grid, Slot};
use crate::{lang, tone_fill};

/// A4 in twentieths of a point, portrait.
const A4: (u32, u32) = (11906, 16838);
/// Page margins on every side: 2 cm.
const MARGIN: i32 = 1134;
/// The abstract numberings: bullets, decimals (docx-rs always writes a
/// default abstract numbering 1 and numbering 1, so ours come after).
const BULLETS: usize = 2;
const DECIMALS: usize = 3;
/// Row property written for each header row and turned into `<w:tblHeader />`
/// after building (docx-rs 0.4 has no setter for it; no other row has a height).
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="exact" />"#;

/// The document as a DOCX file.
pub fn docx(doc: &Doc) -> Vec<u8> {
    let mut writer = Writer { doc, docx: base(), lists: 0 };
    let last = doc.sections.len().saturating_sub(1);
    for (i, section) in doc.sections.iter().enumerate() {
        let (w, h, orient) = page(section.orientation);
        if i < last {
            let mut s = DocxSection::new().page_size(docx_rs::PageSize::new().size(w, h).orient(orient)).page_margin(margins());
            for child in writer.blocks(section) {
                s = match child {
                    Child::Paragraph(p) => s.add_paragraph(*p),
                    Child::Table(t) => s.add_table(*t),
                };
            }
            writer.docx = writer.docx.add_section(s);
        } else {
            let children = writer.blocks(section);
            let mut d = std::mem::take(&mut writer.docx).page_size(w, h).page_orient(orient).page_margin(margins());
            for child in children {
                d = match child {
                    Child::Paragraph(p) => d.add_paragraph(*p),
                    Child::Table(t) => d.add_table(*t),
                };
            }
            writer.docx = d;
        }
    }
    let mut xml = writer.docx.build();
    let document = String::from_utf8(xml.document).expect("docx-rs writes UTF-8");
    xml.document = document.replace(HEADER_MARK, "<w:tblHeader />").into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).expect("writing to memory cannot fail");
    out.into_inner()
}

/// Page width, height and orientation of a section.
fn page(o: Orientation) -> (u32, u32, PageOrientationType) {
    match o {
        Orientation::Portrait => (A4.0, A4.1, PageOrientationType::Portrait),
        Orientation::Landscape => (A4.1, A4.0, PageOrientationType::Landscape),
    }
}

fn margins() -> PageMargin {
    PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN).header(709).footer(709).gutter(0)
}

/// The styles and numberings every document has.
fn base() -> Docx {
    let font = RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial").east_asia("Arial");
    let mut d = Docx::new().default_fonts(font).default_size(22);
    for (level, size) in [(1usize, 36usize), (2, 30), (3, 26), (4, 23)] {
        let style = Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .outline_lvl(level - 1)
            .size(size)
            .bold();
        d = d.add_style(style);
    }
    let level = |format: &str, text: &str| {
        Level::new(0, Start::new(1), NumberFormat::new(format), LevelText::new(text), LevelJc::new("left")).indent(
            Some(720),
            Some(SpecialIndentType::Hanging(360)),
            None,
            None,
        )
    };
    d.add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(level("bullet", "•")))
        .add_abstract_numbering(AbstractNumbering::new(DECIMALS).add_level(level("decimal", "%1.")))
}

enum Child {
    Paragraph(Box<Paragraph>),
    Table(Box<docx_rs::Table>),
}

struct Writer<'a> {
    doc: &'a Doc,
    docx: Docx,
    /// Numberings made so far (one per list).
    lists: usize,
}

impl Writer<'_> {
    fn blocks(&mut self, section: &Section) -> Vec<Child> {
        let width = page(section.orientation).0 as usize - 2 * MARGIN as usize;
        let mut out = Vec::new();
        for block in &section.blocks {
            match block {
                Block::Heading { level, text } => {
                    let level = level.clamp(&1, &4);
                    out.push(Child::Paragraph(Box::new(runs(Paragraph::new().style(&format!("Heading{level}")).keep_next(true), &[Span::plain(text)]))));
                }
                Block::Paragraph(spans) => out.push(Child::Paragraph(Box::new(runs(Paragraph::new(), spans)))),
                Block::List { ordered, items } => {
                    self.lists += 1;
                    let id = self.lists + 1;
                    let numbering = if *ordered {
                        Numbering::new(id, DECIMALS).add_override(LevelOverride::new(0).start(1))
                    } else {
                        Numbering::new(id, BULLETS)
                    };
                    self.docx = std::mem::take(&mut self.docx).add_numbering(numbering);
                    for item in items {
                        let p = Paragraph::new().numbering(NumberingId::new(id), IndentLevel::new(0));
                        out.push(Child::Paragraph(Box::new(runs(p, &[Span::plain(item)]))));
                    }
                }
                Block::Table(table) => out.push(Child::Table(Box::new(self::table(table, width)))),
                Block::Image { alt, .. } => {
                    let note = fill(lang(self.doc).texts().export_image_note, &[("alt", alt)]);
                    out.push(Child::Paragraph(Box::new(runs(Paragraph::new(), &[Span { text: note, italic: true, ..Span::default() }]))));
                }
            }
        }
        out
    }
}

/// `p` with a run per span; a `\n` in a span is a line break.
fn runs(mut p: Paragraph, spans: &[Span]) -> Paragraph {
    for span in spans {
        let mut run = Run::new();
        for (i, line) in span.text.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        if span.bold {
            run = run.bold();
        }
        if span.italic {
            run = run.italic();
        }
        p = p.add_run(run);
    }
    p
}

/// The table on a grid `width` twips wide.
fn table(table: &Table, width: usize) -> docx_rs::Table {
    let grid = Grid::of(table);
    let weights: Vec<f64> = (0..grid.cols).map(|c| table.widths.get(c).copied().filter(|w| *w > 0.0).unwrap_or(1.0)).collect();
    let total: f64 = weights.iter().sum();
    let cols: Vec<usize> = weights.iter().map(|w| (w / total * width as f64).floor() as usize).collect();
    let rows = grid.rows.iter().enumerate().map(|(r, slots)| {
        let mut cells = Vec::new();
        for (c, slot) in slots.iter().enumerate() {
            let span_width = |n: usize| cols[c..c + n].iter().sum::<usize>();
            match *slot {
                Slot::Origin { cell, rows, cols: n } => {
                    let mut tc = cell_content(cell, r < grid.header_rows).width(span_width(n), WidthType::Dxa).grid_span(n);
                    if rows > 1 {
                        tc = tc.vertical_merge(VMergeType::Restart);
                    }
                    cells.push(shade(tc, cell));
                }
                Slot::Covered { cell, row, col } if row < r && col == c => {
                    let n = usize::from(cell.col_span.max(1));
                    let tc = TableCell::new().add_paragraph(Paragraph::new()).width(span_width(n), WidthType::Dxa).grid_span(n);
                    cells.push(shade(tc.vertical_merge(VMergeType::Continue), cell));
                }
                Slot::Covered { .. } => {}
                Slot::Empty => cells.push(TableCell::new().add_paragraph(Paragraph::new()).width(cols[c], WidthType::Dxa)),
            }
        }
        let row = TableRow::new(cells).cant_split();
        if r < grid.header_rows { row.row_height(1.0).height_rule(HeightRule::Exact) } else { row }
    });
    docx_rs::Table::new(rows.collect()).set_grid(cols).width(width, WidthType::Dxa).layout(TableLayoutType::Fixed)
}

/// A cell's paragraphs (one per `\n`-separated line), bold in a header row,
/// numbers aligned right.
fn cell_content(cell: &Cell, header: bool) -> TableCell {
    let mut tc = TableCell::new();
    for line in cell.text.split('\n') {
        let span = Span { text: line.to_string(), bold: cell.bold || header, italic: false };
        let mut p = runs(Paragraph::new(), &[span]);
        if cell.number.is_some() {
            p = p.align(AlignmentType::Right);
        }
        tc = tc.add_paragraph(p);
    }
    tc
}

fn shade(tc: TableCell, cell: &Cell) -> TableCell {
    match cell.tone {
        Some(tone) => tc.shading(Shading::new().fill(tone_fill(tone))),
        None => tc,
    }
}
