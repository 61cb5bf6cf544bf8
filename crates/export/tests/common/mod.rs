//! A document built by hand that holds every kind of block the writers must
//! handle: headings of each level, paragraphs with bold and italic, both list
//! kinds, a table with two header rows, row and column spans, tones and
//! numbers, a landscape section with an SVG image, Latvian diacritics and
//! hostile text.

#![allow(dead_code)] // each test file uses part of it

use strategy_export::{Block, Cell, Doc, Orientation, Section, Span, Table, Tone};

/// Text that would break XML, HTML or CSV if written unescaped.
pub const HOSTILE: &str = "<w:p>& \"quoted\", 'x' </table>";

/// A 40 × 20 PNG, one colour: the raster copy of the sample's image.
pub const PNG: [u8; 93] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x14, 0x08, 0x02,
    0x00, 0x00, 0x00, 0x70, 0x24, 0xe8, 0xec, 0x00, 0x00, 0x00, 0x24, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x90, 0x8b, 0x5f, 0x31, 0x20, 0x88, 0x61, 0xd4,
    0xe2, 0x51, 0x8b, 0x47, 0x2d, 0x1e, 0xb5, 0x78, 0xd4, 0xe2, 0x51, 0x8b, 0x47, 0x2d, 0x1e, 0xb5, 0x78, 0xe4, 0x58, 0x0c, 0x00, 0x19, 0xfd, 0x93, 0xce, 0x56,
    0xf7, 0xe7, 0x4e, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

pub fn cell(text: &str, rows: u16, cols: u16) -> Cell {
    Cell { row_span: rows, col_span: cols, ..Cell::text(text) }
}

pub fn toned(text: &str, tone: Tone) -> Cell {
    Cell { tone: Some(tone), ..Cell::text(text) }
}

/// Annex 7 in small: Priority | Goal | Result | Achieved, over two header rows.
pub fn annex_table() -> Table {
    Table {
        name: "Rādītāji: 2023/24 [pielikums]".into(),
        widths: vec![2.0, 3.0, 4.0, 1.5, 2.0],
        header: vec![
            vec![cell("Prioritāte", 2, 1), cell("Mērķis", 2, 1), cell("Sasniedzamie rezultāti", 2, 1), cell("Izpilde", 1, 2)],
            vec![Cell::text("Vērtība"), Cell::text("Statuss")],
        ],
        rows: vec![
            vec![
                cell("1. Mērķtiecīga cilvēkresursu attīstība", 3, 1),
                cell("1. Vadīta kompetenču attīstība", 2, 1),
                Cell::text("1.1. Personāla mainība ≤ 11 %"),
                Cell::number(9.5, "9,5"),
                toned("IZPILDĪTS", Tone::Good),
            ],
            vec![Cell::text("1.2. Apmācības\notrā rindkopa"), Cell::number(42.0, "42"), toned("PROCESĀ", Tone::Fair)],
            vec![cell("2. Digitālās prasmes", 1, 1), Cell::text(HOSTILE), Cell::number(-3.25, "−3,25"), toned("NEIZPILDĪTS", Tone::Poor)],
            vec![cell("Kopā ģimenēm šķērsām", 1, 3), Cell { bold: true, ..Cell::number(1234567.0, "1 234 567") }, toned("Nav datu", Tone::Neutral)],
        ],
    }
}

/// A second table with no name and no widths.
pub fn plain_table() -> Table {
    Table {
        name: String::new(),
        widths: Vec::new(),
        header: vec![vec![Cell::text("Gads"), Cell::text("Vērtība")]],
        rows: (2020..2024).map(|y| vec![Cell::number(f64::from(y), y.to_string()), Cell::number(f64::from(y - 2000), format!("{}", y - 2000))]).collect(),
    }
}

pub fn sample() -> Doc {
    Doc {
        title: "Darbības stratēģija 2024–2027".into(),
        lang: "lv".into(),
        sections: vec![
            Section {
                orientation: Orientation::Portrait,
                blocks: vec![
                    Block::heading(1, "Darbības stratēģija 2024–2027"),
                    Block::Paragraph(vec![Span::plain("Labklājības ministrija — "), Span::bold("misija"), Span { text: " un vīzija".into(), italic: true, ..Span::default() }]),
                    Block::heading(2, "Vērtības un prioritātes"),
                    Block::List { ordered: false, items: vec!["Cieņa".into(), "Atbildība".into(), HOSTILE.into()] },
                    Block::heading(3, "Ieteikumi"),
                    Block::List { ordered: true, items: vec!["Pārskatīt rādītājus".into(), "Ieviest digitālos rīkus".into()] },
                    Block::List { ordered: true, items: vec!["Otrs saraksts sākas no 1".into()] },
                    Block::heading(4, "Ceturtā līmeņa virsraksts"),
                    Block::para(HOSTILE),
                ],
            },
            Section {
                orientation: Orientation::Landscape,
                blocks: vec![
                    Block::heading(2, "Mērķu karte"),
                    Block::Image { svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".into(), alt: "Mērķu karte".into(), width: 10.0, height: 10.0 },
                ],
            },
            Section {
                orientation: Orientation::Portrait,
                blocks: vec![Block::heading(2, "7. pielikums"), Block::Table(annex_table()), Block::para("Beigas."), Block::Table(plain_table())],
            },
        ],
    }
}
