//! Writers of Strategy Studio's documents: DOCX ([`docx()`]), XLSX
//! ([`xlsx()`]) and CSV ([`csv()`]), each from the one document model of
//! `strategy_core::docs`.
//!
//! Rule: a writer decides only how a [`Doc`] looks in its format, never what
//! it says; every block of the model is written, in its order, by every
//! format that can hold it (XLSX and CSV hold the tables only). The crate has
//! no web dependency and builds for `wasm32-unknown-unknown`, so the app and
//! the command-line tool write the same bytes.

mod csv;
mod docx;
mod grid;
mod xlsx;

pub use crate::csv::{csv, csv_for_excel};
pub use crate::docx::{docx, docx_with_pictures, Picture};
pub use crate::xlsx::{sheet_names, xlsx};

pub use strategy_core::docs::{Block, Cell, Doc, Orientation, Section, Span, Table, Tone};

use strategy_core::i18n::Lang;

/// The language of a document's generated words (`Doc::lang`, Latvian unless "en").
fn lang(doc: &Doc) -> Lang {
    if doc.lang == "en" { Lang::En } else { Lang::Lv }
}

/// The fill colour (RGB hex) a tone is shown in, the same in every format.
fn tone_fill(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "C6EFCE",
        Tone::Progress => "DDEBF7",
        Tone::Fair => "FFE3B3",
        Tone::Poor => "FFC7CE",
        Tone::Neutral => "E7E6E6",
    }
}
