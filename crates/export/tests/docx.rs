//! The DOCX writer: the package unzipped and its parts checked for what Word
//! and LibreOffice need to show real headings, lists and tables.

mod common;

use std::io::Read;

use common::{sample, HOSTILE, PNG};
use strategy_export::Picture;

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut text = String::new();
    zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut text).unwrap();
    text
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn headings_use_the_heading_styles_with_outline_levels() {
    let docx = strategy_export::docx(&sample());
    assert!(docx.starts_with(b"PK"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    assert_eq!(zip.by_name("word/document.xml").unwrap().compression(), zip::CompressionMethod::Deflated, "parts are compressed");
    let document = part(&docx, "word/document.xml");
    for level in 1..=4 {
        assert!(document.contains(&format!(r#"<w:pStyle w:val="Heading{level}" />"#)), "Heading{level} used");
    }
    assert_eq!(count(&document, r#"<w:pStyle w:val="Heading2" />"#), 3);
    let styles = part(&docx, "word/styles.xml");
    for level in 1..=4 {
        let at = styles.find(&format!(r#"w:styleId="Heading{level}""#)).unwrap_or_else(|| panic!("style Heading{level}"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(style.contains(&format!(r#"<w:name w:val="heading {level}" />"#)), "{style}");
        assert!(style.contains(&format!(r#"<w:outlineLvl w:val="{}" />"#, level - 1)), "{style}");
    }
}

#[test]
fn lists_are_paragraphs_on_real_numbering_definitions() {
    let docx = strategy_export::docx(&sample());
    let document = part(&docx, "word/document.xml");
    assert_eq!(count(&document, "<w:numPr>"), 3 + 2 + 1, "one numbered paragraph per item");
    for id in 2..=4 {
        assert!(document.contains(&format!(r#"<w:numId w:val="{id}" />"#)), "each list has its numbering {id}");
    }
    let numbering = part(&docx, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:abstractNum w:abstractNumId="2""#) && numbering.contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="2" />"#), "bullets: {numbering}");
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet" />"#), "{numbering}");
    assert!(numbering.contains(r#"<w:numFmt w:val="decimal" />"#));
    assert_eq!(count(&numbering, "<w:startOverride w:val=\"1\" />"), 2, "each numbered list restarts at 1: {numbering}");
    assert!(part(&docx, "word/_rels/document.xml.rels").contains("numbering.xml"));
}

#[test]
fn tables_repeat_header_rows_keep_rows_whole_and_merge_spans() {
    let docx = strategy_export::docx(&sample());
    let document = part(&docx, "word/document.xml");
    assert_eq!(count(&document, "<w:tbl>"), 2);
    assert_eq!(count(&document, "<w:tr>"), (2 + 4) + (1 + 4), "every row of both tables");
    assert_eq!(count(&document, "<w:tblHeader />"), 2 + 1, "the header rows repeat");
    assert_eq!(count(&document, "<w:cantSplit />"), (2 + 4) + (1 + 4), "no row splits");
    assert!(!document.contains("<w:trHeight"), "the header mark is all replaced");
    // Header: three cells span two rows; the body's priority spans 3 rows, the goal 2.
    assert_eq!(count(&document, r#"<w:vMerge w:val="restart" />"#), 3 + 2);
    assert_eq!(count(&document, r#"<w:vMerge w:val="continue" />"#), 3 + (2 + 1));
    assert!(document.contains(r#"<w:gridSpan w:val="2" />"#), "Izpilde spans two columns");
    assert!(document.contains(r#"<w:gridSpan w:val="3" />"#), "Kopā spans three");
    for fill in ["C6EFCE", "FFE3B3", "FFC7CE", "E7E6E6"] {
        assert!(document.contains(&format!(r#"w:fill="{fill}""#)), "tone {fill}");
    }
    for text in ["IZPILDĪTS", "PROCESĀ", "NEIZPILDĪTS", "9,5", "1 234 567", "otrā rindkopa"] {
        assert!(document.contains(text), "{text} is written beside its tone");
    }
    let grid = &document[document.find("<w:tblGrid>").unwrap()..document.find("</w:tblGrid>").unwrap()];
    assert_eq!(count(grid, "<w:gridCol"), 5, "{grid}");
}

#[test]
fn sections_keep_their_orientation_and_the_image_becomes_a_note() {
    let docx = strategy_export::docx(&sample());
    let document = part(&docx, "word/document.xml");
    assert_eq!(count(&document, "<w:sectPr>"), 3, "one per section");
    assert_eq!(count(&document, r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#), 1, "{document}");
    assert_eq!(count(&document, r#"<w:pgSz w:w="11906" w:h="16838""#), 2);
    let landscape = document.find(r#"w:orient="landscape""#).unwrap();
    let note = document.find("Attēls „Mērķu karte” ir šī dokumenta HTML un drukas (PDF) versijā.").expect("the note stands for the image");
    let map_heading = document.find("Mērķu karte</w:t>").unwrap();
    assert!(map_heading < note && note < landscape, "the note is on the landscape section, after its heading");
    assert!(!document.contains("<svg"), "no SVG is embedded");
}

#[test]
fn a_picture_goes_in_for_the_image_fitted_to_the_page_with_its_alt_text() {
    assert_eq!(Picture::from_png(b"GIF89a not a png at all".to_vec()), None);
    let picture = Picture::from_png(PNG.to_vec()).expect("a PNG");
    assert_eq!((picture.width, picture.height), (40, 20));
    let docx = strategy_export::docx_with_pictures(&sample(), &[picture]);
    let document = part(&docx, "word/document.xml");
    assert!(!document.contains("Attēls „Mērķu karte” ir"), "no note where the picture is");
    assert_eq!(count(&document, "<w:drawing>"), 1);
    assert!(document.contains(r#"<wp:docPr id="1" name="Figure 1" descr="Mērķu karte" />"#), "the alt text goes with it");
    // Landscape A4 less 2 cm margins is 14570 twips wide; at 2:1 the height is half.
    let wide = 14_570 * 635;
    assert!(document.contains(&format!(r#"<wp:extent cx="{wide}" cy="{}" />"#, wide / 2)), "fitted to the text width: {document}");
    let map_heading = document.find("Mērķu karte</w:t>").unwrap();
    assert!(map_heading < document.find("<w:drawing>").unwrap() && document.find("<w:drawing>").unwrap() < document.find(r#"w:orient="landscape""#).unwrap());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let media: Vec<String> = zip.file_names().filter(|n| n.starts_with("word/media/") && !n.ends_with('/')).map(String::from).collect();
    assert_eq!(media.len(), 1, "{media:?}");
    let mut stored = Vec::new();
    zip.by_name(&media[0]).unwrap().read_to_end(&mut stored).unwrap();
    assert_eq!(stored, PNG, "the PNG is stored as given");
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(rels.contains("media/"), "{rels}");
}

#[test]
fn text_is_escaped_and_keeps_its_diacritics() {
    let docx = strategy_export::docx(&sample());
    let document = part(&docx, "word/document.xml");
    assert!(!document.contains(HOSTILE));
    assert_eq!(count(&document, "&lt;w:p&gt;&amp; &quot;quoted&quot;, &apos;x&apos; &lt;/table&gt;</w:t>"), 3, "in a list, a paragraph and a cell");
    for text in ["Mērķtiecīga cilvēkresursu attīstība", "Kopā ģimenēm šķērsām", "−3,25", "2024–2027"] {
        assert!(document.contains(text), "{text}");
    }
    assert!(document.contains("<w:b />"), "bold runs");
    assert!(document.contains("<w:i />"), "italic runs");
}
