//! One document model for every document the app produces (the strategy
//! document, the annual report's strategy part, the indicator workbook): a
//! list of page sections holding headings, paragraphs, lists, tables and
//! images.
//!
//! Rule: builders decide the content and its order; writers (HTML for the
//! page and print, DOCX, XLSX, CSV) decide only its appearance. A writer never
//! reads the strategy itself, so every format says the same thing.

/// A whole document: its title and its sections, each starting on a new page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    /// The document's title (the file's title property, the HTML `<title>`).
    pub title: String,
    /// Language of the generated labels: `"lv"` or `"en"`.
    pub lang: String,
    pub sections: Vec<Section>,
}

/// A run of pages with one orientation; each section starts on a new page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

/// Page orientation of a section (the goal map gets a landscape page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// One block of a section, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1 (the document's title) to 4.
    Heading { level: u8, text: String },
    /// A paragraph of text runs.
    Paragraph(Vec<Span>),
    /// A bulleted (`ordered: false`) or numbered list of one-paragraph items.
    List { ordered: bool, items: Vec<String> },
    Table(Table),
    /// An SVG drawing (the goal map), scaled to the page width.
    Image { svg: String, alt: String, width: f64, height: f64 },
}

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// A table: its name (the XLSX sheet's name), column headings and rows.
/// Header rows repeat on every page; a row is never split across pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Short name, e.g. "Rādītāji" (an XLSX sheet name: at most 31 characters).
    pub name: String,
    /// Relative column widths, one per column (they need not sum to anything).
    pub widths: Vec<f64>,
    /// Header rows, repeated on every page.
    pub header: Vec<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell. A cell spanning several rows or columns is written once;
/// the cells it covers are left out of the following rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// The cell's text; `\n` separates paragraphs.
    pub text: String,
    /// The number the text shows, when it is one (XLSX writes it as a number).
    pub number: Option<f64>,
    pub bold: bool,
    /// How many rows and columns the cell covers (1 when 0).
    pub row_span: u16,
    pub col_span: u16,
    /// A status or traffic-light colour for the cell.
    pub tone: Option<Tone>,
}

/// The colour a status or verdict is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Achieved, met, green.
    Good,
    /// On track, in progress (the report's PROCESĀ), blue: the app's own colour for it.
    Progress,
    /// At risk, partly fitting, orange.
    Fair,
    /// Not achieved, red.
    Poor,
    /// No data, not due.
    Neutral,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Span { text: text.into(), ..Span::default() }
    }
    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Span { text: text.into(), bold: true, ..Span::default() }
    }
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Self {
        Cell { text: text.into(), ..Cell::default() }
    }
    /// A number cell, shown as `text`.
    pub fn number(value: f64, text: impl Into<String>) -> Self {
        Cell { text: text.into(), number: Some(value), ..Cell::default() }
    }
}

impl Doc {
    /// Every table of the document, in reading order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

impl Block {
    /// A paragraph of one plain run.
    pub fn para(text: impl Into<String>) -> Self {
        Block::Paragraph(vec![Span::plain(text)])
    }
    /// A heading.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading { level, text: text.into() }
    }
}

mod annual;
mod build;
mod html;
mod name;
mod strategy;
mod text;
mod workbook;

pub use annual::annual_report;
pub use build::{tone, verdict};
pub use html::{escape, html, html_body, PRINT_CSS};
pub use name::{file_name, slug};
pub use strategy::{goal_map_figure, strategy_document};
pub use text::plain_text;
pub use workbook::indicator_workbook;
