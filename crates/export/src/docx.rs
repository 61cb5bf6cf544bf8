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
//! A4, starting on a new page, landscape ones with the page turned. An image
//! goes in as the PNG the caller rasterised from its SVG ([`Picture`], the
//! browser draws it on a canvas), scaled to fit the page's text area with its
//! alt text as the description; without one (the CLI rasterises nothing) it is
//! an italic note saying where the figure is, with its alt text. The parts are
//! deflated.

use std::io::Cursor;

use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, HeightRule, IndentLevel, Level, LevelJc, LevelOverride, LineSpacing, LevelText, NumberFormat,
    Numbering, NumberingId, PageMargin, Pic, PageOrientationType, Paragraph, Run, RunFonts, Section as DocxSection, Shading, SpecialIndentType,
    Start, Style, StyleType, TableCell, TableCellMargins, TableLayoutType, TableRow, VMergeType, WidthType,
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

/// A raster copy of one of a document's images: a PNG and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// The PNG `bytes` with the size its header gives; `None` when they are not a PNG.
    pub fn from_png(bytes: Vec<u8>) -> Option<Self> {
        const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
        if bytes.len() < 24 || &bytes[..8] != SIGNATURE || &bytes[12..16] != b"IHDR" {
            return None;
        }
        let number = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        let (width, height) = (number(16), number(20));
        (width > 0 && height > 0).then_some(Picture { png: bytes, width, height })
    }
}

/// The document as a DOCX file, its images as notes.
pub fn docx(doc: &Doc) -> Vec<u8> {
    docx_with_pictures(doc, &[])
}

/// The document as a DOCX file, with `pictures` standing for its images in
/// document order (an image past the end of `pictures` is a note).
pub fn docx_with_pictures(doc: &Doc, pictures: &[Picture]) -> Vec<u8> {
    let mut writer = Writer { doc, docx: base(), lists: 0, pictures, images: 0, alts: Vec::new() };
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
    xml.document = describe_pictures(&document.replace(HEADER_MARK, "<w:tblHeader />"), &writer.alts).into_bytes();
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored).expect("writing to memory cannot fail");
    deflate(stored.into_inner()).expect("re-zipping in memory cannot fail")
}

/// The package with every part compressed (docx-rs stores them: a strategy
/// document would be seven times larger), its parts in the same order.
fn deflate(stored: Vec<u8>) -> zip::result::ZipResult<Vec<u8>> {
    let mut input = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut part = input.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, options)?;
        } else {
            out.start_file(name, options)?;
            std::io::copy(&mut part, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
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
    let mut d = Docx::new().default_fonts(font).default_size(22).default_line_spacing(LineSpacing::new().after(100));
    for (level, size) in [(1usize, 36usize), (2, 30), (3, 26), (4, 23)] {
        let style = Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .outline_lvl(level - 1)
            .line_spacing(LineSpacing::new().before(240).after(120))
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
    pictures: &'a [Picture],
    /// Images met so far.
    images: usize,
    /// The alt texts of the pictures put in, in order.
    alts: Vec<String>,
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
                    let picture = self.pictures.get(self.images);
                    self.images += 1;
                    let paragraph = match picture {
                        Some(p) => {
                            self.alts.push(alt.clone());
                            Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_image(pic(p, width, page(section.orientation).1)))
                        }
                        None => runs(Paragraph::new(), &[Span { text: fill(lang(self.doc).texts().export_image_note, &[("alt", alt)]), italic: true, ..Span::default() }]),
                    };
                    out.push(Child::Paragraph(Box::new(paragraph)));
                }
            }
        }
        out
    }
}

/// The picture scaled to fit `width` twips across and the page's text height
/// (`page_height` less the margins and room for the heading above it).
fn pic(p: &Picture, width: usize, page_height: u32) -> Pic {
    const EMU_PER_TWIP: u64 = 635;
    let room_w = width as u64 * EMU_PER_TWIP;
    let room_h = (u64::from(page_height) - 2 * MARGIN as u64 - 1400) * EMU_PER_TWIP;
    let (w, h) = (u64::from(p.width), u64::from(p.height));
    let (fit_w, fit_h) = if room_w * h <= room_h * w { (room_w, room_w * h / w) } else { (room_h * w / h, room_h) };
    Pic::new_with_dimensions(p.png.clone(), p.width, p.height).size(fit_w as u32, fit_h as u32)
}

/// docx-rs's drawing properties, the same for every picture: no alt text and
/// one id for all.
const PICTURE_MARK: &str = r#"<wp:docPr id="1" name="Figure" />"#;

/// `document` with each picture's properties numbered and given its alt text
/// (`descr`, what Word's "Alt Text" and screen readers show), in order.
fn describe_pictures(document: &str, alts: &[String]) -> String {
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    for (i, alt) in alts.iter().enumerate() {
        let Some(at) = rest.find(PICTURE_MARK) else { break };
        out.push_str(&rest[..at]);
        let n = i + 1;
        out.push_str(&format!(r#"<wp:docPr id="{n}" name="Figure {n}" descr="{}" />"#, strategy_core::map::escape(alt)));
        rest = &rest[at + PICTURE_MARK.len()..];
    }
    out.push_str(rest);
    out
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
    docx_rs::Table::new(rows.collect())
        .set_grid(cols)
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(40, 80, 40, 80))
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
