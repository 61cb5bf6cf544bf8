//! A document as HTML: [`html`] is a complete standalone page (its style
//! inline, no external resource, the goal map an embedded `data:` image) for
//! printing to PDF from the browser; [`html_body`] is the same content
//! without the page around it, for the app's preview, styled by
//! [`PRINT_CSS`] (every rule scoped to `.doc`, apart from the `@page` rules).
//!
//! Rules: every text is escaped, and the drawing is embedded as an image, so
//! no content can add markup or script. Printed pages are A4; a landscape
//! section goes on the named landscape page; each section after the first
//! starts a new page; table headers repeat on every page and no row is cut
//! across pages. A status cell shows its word on a light tinted background
//! (dark text, contrast well over WCAG AA's 4.5:1), so colour is never the
//! only sign.

use std::fmt::Write;

use super::{Block, Cell, Doc, Orientation, Span, Table, Tone};

/// The stylesheet of [`html_body`]'s markup, screen and print.
pub const PRINT_CSS: &str = r#"@page { size: A4 portrait; margin: 18mm 16mm; }
@page landscape { size: A4 landscape; margin: 14mm 14mm; }
.doc { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; background: #fff; }
.doc .doc-section { box-sizing: border-box; }
.doc .doc-section + .doc-section { break-before: page; }
.doc .doc-section.landscape { page: landscape; }
.doc h1 { font-size: 20pt; margin: 0 0 12pt; }
.doc h2 { font-size: 15pt; margin: 16pt 0 8pt; break-after: avoid; }
.doc h3 { font-size: 12.5pt; margin: 12pt 0 6pt; break-after: avoid; }
.doc h4 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
.doc p { margin: 0 0 6pt; }
.doc ul, .doc ol { margin: 0 0 8pt; padding-left: 18pt; }
.doc table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0 0 10pt; font-size: 9pt; }
.doc thead { display: table-header-group; }
.doc tr { break-inside: avoid; page-break-inside: avoid; }
.doc th, .doc td { border: 1px solid #5a5a5a; padding: 3pt 5pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.doc th { background: #e8e8e8; font-size: 8.5pt; }
.doc td.b { font-weight: bold; }
.doc td.num { text-align: right; }
.doc td.tone-good { background: #d9f2df; color: #0f3d1c; }
.doc td.tone-progress { background: #dbe7f6; color: #0d2f57; }
.doc td.tone-fair { background: #fdebc8; color: #4d3000; }
.doc td.tone-poor { background: #f9d7d7; color: #5c0a0a; }
.doc td.tone-neutral { background: #ececec; color: #262626; }
.doc figure { margin: 0; break-inside: avoid; }
.doc figure img { display: block; width: 100%; height: auto; max-height: 155mm; object-fit: contain; }
@media screen {
  .doc { padding: 16px 0; background: #f0f0f0; }
  .doc .doc-section { max-width: 210mm; margin: 0 auto 16px; padding: 18mm 16mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .doc .doc-section.landscape { max-width: 297mm; }
}
@media print {
  .doc { padding: 0; background: #fff; }
  .doc td.tone-good, .doc td.tone-progress, .doc td.tone-fair, .doc td.tone-poor, .doc td.tone-neutral, .doc th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub use crate::map::escape;

/// A complete standalone HTML page of `doc`, for printing.
pub fn html(doc: &Doc) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\nbody {{ margin: 0; }}\n{PRINT_CSS}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&doc.lang),
        escape(&doc.title),
        html_body(doc)
    )
}

/// The content of `doc` as a `<div class="doc">`, styled by [`PRINT_CSS`].
pub fn html_body(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<div class=\"doc\" lang=\"{}\">", escape(&doc.lang));
    for section in &doc.sections {
        let orientation = match section.orientation {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        };
        let _ = writeln!(out, "<section class=\"doc-section {orientation}\">");
        for block in &section.blocks {
            write_block(&mut out, block);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</div>\n");
    out
}

/// Writes one block.
fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let h = (*level).clamp(1, 4);
            let _ = writeln!(out, "<h{h}>{}</h{h}>", escape(text));
        }
        Block::Paragraph(spans) => {
            out.push_str("<p>");
            for s in spans {
                write_span(out, s);
            }
            out.push_str("</p>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = write!(out, "<{tag}>");
            for item in items {
                let _ = write!(out, "<li>{}</li>", escape(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table(t) => write_table(out, t),
        Block::Image { svg, alt, width, height } => {
            let ratio = if *width > 0.0 && *height > 0.0 { format!(" style=\"aspect-ratio: {width:.0} / {height:.0}\"") } else { String::new() };
            let _ = writeln!(
                out,
                "<figure><img alt=\"{}\"{ratio} src=\"data:image/svg+xml;base64,{}\"></figure>",
                escape(alt),
                base64(svg.as_bytes())
            );
        }
    }
}

/// Writes a run of text with its emphasis.
fn write_span(out: &mut String, s: &Span) {
    let mut text = escape(&s.text);
    if s.italic {
        text = format!("<em>{text}</em>");
    }
    if s.bold {
        text = format!("<strong>{text}</strong>");
    }
    out.push_str(&text);
}

/// Writes a table: header rows in `<thead>` (repeated on printed pages), rows in `<tbody>`.
fn write_table(out: &mut String, t: &Table) {
    let _ = write!(out, "<table aria-label=\"{}\">", escape(&t.name));
    let total: f64 = t.widths.iter().filter(|w| **w > 0.0).sum();
    if total > 0.0 {
        out.push_str("<colgroup>");
        for w in &t.widths {
            let _ = write!(out, "<col style=\"width: {:.1}%\">", w.max(0.0) / total * 100.0);
        }
        out.push_str("</colgroup>");
    }
    out.push('\n');
    if !t.header.is_empty() {
        out.push_str("<thead>\n");
        for row in &t.header {
            write_row(out, row, "th");
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in &t.rows {
        write_row(out, row, "td");
    }
    out.push_str("</tbody></table>\n");
}

/// Writes one row of `tag` cells.
fn write_row(out: &mut String, row: &[Cell], tag: &str) {
    out.push_str("<tr>");
    for c in row {
        let mut classes = Vec::new();
        if c.bold && tag == "td" {
            classes.push("b");
        }
        if c.number.is_some() {
            classes.push("num");
        }
        if let Some(tone) = c.tone {
            classes.push(match tone {
                Tone::Good => "tone-good",
                Tone::Progress => "tone-progress",
                Tone::Fair => "tone-fair",
                Tone::Poor => "tone-poor",
                Tone::Neutral => "tone-neutral",
            });
        }
        let _ = write!(out, "<{tag}");
        if tag == "th" {
            out.push_str(" scope=\"col\"");
        }
        if !classes.is_empty() {
            let _ = write!(out, " class=\"{}\"", classes.join(" "));
        }
        if c.row_span > 1 {
            let _ = write!(out, " rowspan=\"{}\"", c.row_span);
        }
        if c.col_span > 1 {
            let _ = write!(out, " colspan=\"{}\"", c.col_span);
        }
        out.push('>');
        let lines: Vec<String> = c.text.split('\n').map(escape).collect();
        out.push_str(&lines.join("<br>"));
        let _ = write!(out, "</{tag}>");
    }
    out.push_str("</tr>\n");
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::Section;

    #[test]
    fn base64_pads_as_the_standard_says() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("ā<".as_bytes()), "xIE8");
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let evil = "</title><script>alert('x')</script>\"&";
        let doc = Doc {
            title: evil.into(),
            lang: "lv\"><script>".into(),
            sections: vec![Section {
                orientation: Orientation::Landscape,
                blocks: vec![
                    Block::heading(9, evil),
                    Block::Paragraph(vec![Span::bold(evil)]),
                    Block::List { ordered: true, items: vec![evil.into()] },
                    Block::Table(Table { name: evil.into(), widths: vec![], header: vec![vec![Cell::text(evil)]], rows: vec![vec![Cell::text(evil)]] }),
                    Block::Image { svg: format!("<svg><script>{evil}</script></svg>"), alt: evil.into(), width: 10.0, height: 5.0 },
                ],
            }],
        };
        let page = html(&doc);
        assert!(!page.to_lowercase().contains("<script"), "{page}");
        assert!(!page.contains("</title><"), "the title cannot end early");
        assert_eq!(page.matches("&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;").count(), 8, "title, heading, paragraph, list, table name, header, cell, image alt");
        assert!(page.contains("<h4>"), "heading levels are clamped to 1–4");
        assert!(page.contains("src=\"data:image/svg+xml;base64,"), "the drawing is an embedded image");
    }

    #[test]
    fn the_page_is_standalone_with_a_print_stylesheet() {
        let doc = Doc { title: "T".into(), lang: "en".into(), sections: vec![Section::default(), Section { orientation: Orientation::Landscape, blocks: vec![] }] };
        let page = html(&doc);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        for rule in ["size: A4 portrait", "@page landscape", "page: landscape", "break-before: page", "thead { display: table-header-group; }", "tr { break-inside: avoid;"] {
            assert!(page.contains(rule), "{rule}");
        }
        assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("<link"), "no external resource");
        assert_eq!(page.matches("<section class=\"doc-section portrait\">").count(), 1);
        assert_eq!(page.matches("<section class=\"doc-section landscape\">").count(), 1);
        assert!(html_body(&doc).starts_with("<div class=\"doc\" lang=\"en\">"));
        assert!(PRINT_CSS.lines().filter(|l| l.starts_with('.')).all(|l| l.starts_with(".doc")), "every rule is scoped to .doc");
    }

    #[test]
    fn cells_carry_spans_tones_and_line_breaks() {
        let t = Table {
            name: "n".into(),
            widths: vec![1.0, 3.0],
            header: vec![vec![Cell::text("A"), Cell::text("B")]],
            rows: vec![vec![
                Cell { row_span: 2, bold: true, ..Cell::text("P") },
                Cell { tone: Some(Tone::Good), ..Cell::text("IZPILDĪTS\nDone") },
            ], vec![Cell::number(5.0, "5")]],
        };
        let mut out = String::new();
        write_table(&mut out, &t);
        assert!(out.contains("<col style=\"width: 25.0%\"><col style=\"width: 75.0%\">"));
        assert!(out.contains("<thead>\n<tr><th scope=\"col\">A</th><th scope=\"col\">B</th></tr>\n</thead>"));
        assert!(out.contains("<td class=\"b\" rowspan=\"2\">P</td><td class=\"tone-good\">IZPILDĪTS<br>Done</td>"));
        assert!(out.contains("<td class=\"num\">5</td>"));
    }
}
