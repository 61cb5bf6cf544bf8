//! The DOCX and XLSX files opened by LibreOffice: each converted to PDF
//! headless, its text extracted with `pdftotext` and compared with the
//! document's own text: headings, paragraphs and list items (with their
//! bullets and numbers) in order, and every word of every table cell.
//!
//! These tests need `soffice` and `pdftotext` (Debian's
//! `libreoffice-writer-nogui`, `libreoffice-calc-nogui`, `poppler-utils`),
//! so they are `#[ignore]`d in a plain `cargo test`; `scripts/test.sh`
//! installs the packages and runs them with `--ignored`, or says why not.
//! Without the tools they fail: they never pass without having run.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{annex_table, plain_table, sample, PNG};
use strategy_export::{Block, Cell, Table};

const NEEDS: &str = "needs LibreOffice and pdftotext: scripts/test.sh runs it with --ignored";

/// A fresh directory under /tmp, with its own LibreOffice profile, so that
/// two runs (or two tests) never share one.
fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("lo-strategy-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `bytes` saved as `name` in a scratch directory, converted to PDF by
/// LibreOffice: the directory and the PDF's path.
fn to_pdf(bytes: &[u8], name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch();
    let input = dir.join(name);
    std::fs::write(&input, bytes).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("soffice: {e} ({NEEDS})"));
    let pdf = input.with_extension("pdf");
    assert!(pdf.exists(), "LibreOffice converted {name}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (dir, pdf)
}

/// `bytes` saved as `name`, converted to PDF by LibreOffice, as text, and its page count.
fn pdf_text(bytes: &[u8], name: &str) -> (String, usize) {
    let (dir, pdf) = to_pdf(bytes, name);
    let pages = page_count(&pdf);
    // `-raw`: in the order LibreOffice drew the text, so a cell's lines stay together.
    let text = Command::new("pdftotext").arg("-raw").arg(&pdf).arg("-").output().unwrap_or_else(|e| panic!("pdftotext: {e} ({NEEDS})"));
    assert!(text.status.success());
    let _ = std::fs::remove_dir_all(&dir);
    (String::from_utf8(text.stdout).unwrap(), pages)
}

fn page_count(pdf: &Path) -> usize {
    let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).expect("a page count")
}

/// Collapses every run of whitespace to one space.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts each of `expected` occurs in `text` (whitespace aside), each after the one before it.
fn in_order(text: &str, expected: &[String]) {
    let text = words(text);
    let mut at = 0;
    for e in expected {
        let e = words(e);
        match text[at..].find(&e) {
            Some(i) => at += i + e.len(),
            None => panic!("{e:?} is missing or out of order after byte {at} of:\n{text}"),
        }
    }
}

/// Asserts every word of `expected` occurs in `text` at least as often.
/// (pdftotext reads a table column by column, so cells are compared by their words.)
fn every_word(text: &str, expected: &[String]) {
    let mut have: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *have.entry(w).or_default() += 1;
    }
    let mut need: HashMap<&str, usize> = HashMap::new();
    for w in expected.iter().flat_map(|e| e.split_whitespace()) {
        *need.entry(w).or_default() += 1;
    }
    for (w, n) in need {
        assert!(have.get(w).copied().unwrap_or(0) >= n, "{w:?} occurs {n} times in the document, fewer in:\n{text}");
    }
}

/// Every cell's text of a table, row by row (`text_of` picks what a format shows).
fn cells(table: &Table, text_of: impl Fn(&Cell) -> Vec<String>) -> Vec<String> {
    table.header.iter().chain(&table.rows).flatten().flat_map(text_of).collect()
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it with --ignored"]
fn docx_opens_in_libreoffice_with_every_text_in_order() {
    let doc = sample();
    let (text, pages) = pdf_text(&strategy_export::docx(&doc), "sample.docx");
    assert_eq!(pages, 3, "one page per section (the landscape one too):\n{text}");
    // Headings, paragraphs, list items and the image's note in order; the
    // tables' words all there.
    let (mut flow, mut table_words) = (Vec::new(), Vec::new());
    for block in doc.sections.iter().flat_map(|s| &s.blocks) {
        match block {
            Block::Heading { text, .. } => flow.push(text.clone()),
            Block::Paragraph(spans) => flow.push(spans.iter().map(|s| s.text.as_str()).collect()),
            Block::List { items, .. } => flow.extend(items.iter().cloned()),
            Block::Table(t) => table_words.extend(cells(t, |c| c.text.split_whitespace().map(String::from).collect())),
            Block::Image { alt, .. } => flow.push(format!("Attēls „{alt}”")),
        }
    }
    in_order(&text, &flow);
    // A narrow column breaks a long word where it wraps ("cilvēkresurs" / "u"),
    // so each word of a cell is looked for in the text without its blanks.
    let joined: String = text.split_whitespace().collect();
    for word in table_words {
        assert!(joined.contains(&word), "{word:?} of a table cell is missing from:\n{text}");
    }
    assert_eq!(text.matches('•').count(), 3, "a bullet per item of the bulleted list (pdftotext may set them apart)");
    let numbered = ["1. Pārskatīt rādītājus", "2. Ieviest digitālos rīkus", "1. Otrs saraksts sākas no 1"];
    in_order(&text, &numbered.map(String::from));
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it with --ignored"]
fn xlsx_opens_in_libreoffice_with_every_cell_in_order() {
    let (text, _) = pdf_text(&strategy_export::xlsx(&sample()).unwrap(), "sample.xlsx");
    let shown = |c: &Cell| match c.number {
        Some(v) => vec![format!("{v}")],
        None => c.text.lines().map(String::from).collect(),
    };
    let mut expected = cells(&annex_table(), shown);
    expected.extend(cells(&plain_table(), shown));
    every_word(&text, &expected);
    in_order(&text, &["Prioritāte".into(), "Gads".into()]);
}

/// The 2023 annual report's strategy part and the 2024–2027 strategy
/// document, built from the examples.
fn real_documents() -> Vec<(&'static str, strategy_export::Doc)> {
    use strategy_core::{docs, i18n::Lang};
    let load = |name: &str| {
        let path = format!("{}/../../public/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        strategy_core::import(&std::fs::read_to_string(path).unwrap()).unwrap().strategy
    };
    vec![
        ("annual-2023", docs::annual_report(&load("lm-strategy-2020-2023"), 2023, 2026, Lang::Lv)),
        ("strategy-2024", docs::strategy_document(&load("lm-strategy-2024-2027"), Lang::Lv)),
    ]
}

#[test]
#[ignore = "needs LibreOffice and pdftotext: scripts/test.sh runs it with --ignored"]
fn the_real_documents_open_with_their_headings_in_order_and_every_cell() {
    for (name, doc) in real_documents() {
        let docx = strategy_export::docx(&doc);
        let (text, pages) = pdf_text(&docx, &format!("{name}.docx"));
        let headings: Vec<String> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Heading { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(headings.len() > 3, "{name}");
        in_order(&text, &headings);
        let joined: String = text.split_whitespace().collect();
        let tables = doc.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        });
        for word in tables.flat_map(|t| cells(t, |c| c.text.split_whitespace().map(String::from).collect())) {
            assert!(joined.contains(&word), "{name}: {word:?} of a table cell is missing");
        }
        assert!(pages >= doc.sections.len(), "{name}: every section starts a page");
        let xlsx = strategy_export::xlsx(&doc).unwrap();
        let (sheets, _) = pdf_text(&xlsx, &format!("{name}.xlsx"));
        assert!(sheets.contains("IZPILDĪTS") || name != "annual-2023", "{name}: the statuses are in the workbook");
        eprintln!("{name}: DOCX {} bytes, {pages} PDF pages; XLSX {} bytes", docx.len(), xlsx.len());
    }
}

#[test]
#[ignore = "needs LibreOffice and pdfimages: scripts/test.sh runs it with --ignored"]
fn a_docx_picture_is_drawn_by_libreoffice() {
    let picture = strategy_export::Picture::from_png(PNG.to_vec()).unwrap();
    let (dir, pdf) = to_pdf(&strategy_export::docx_with_pictures(&sample(), &[picture]), "picture.docx");
    let list = Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap_or_else(|e| panic!("pdfimages: {e} ({NEEDS})"));
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    // A header line, a rule, then one line per image: on page 2 (the landscape section), 40 × 20 px.
    let images: Vec<Vec<&str>> = list.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(images.len(), 1, "{list}");
    assert_eq!((images[0][0], images[0][3], images[0][4]), ("2", "40", "20"), "{list}");
}
