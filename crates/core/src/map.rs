//! The goal map ("mērķu karte") as boxes and connectors, laid out the way the
//! institutions draw it: a header band with mandate, mission, vision and
//! values; then one column per priority with its goals and, under them, the
//! results with their indicators (key ones marked `*`). Deterministic: the
//! same strategy gives the same layout and the same SVG.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::chart::status_colour;
use crate::model::{Id, Status, Strategy};
use crate::status::StatusContext;

/// Font size of box text, in map units (pixels at 100 %).
pub const FONT: f64 = 13.0;
/// Line height of box text.
pub const LINE: f64 = 17.0;
/// Average width of a character, for wrapping (a conservative estimate for sans-serif at [`FONT`]).
const CHAR_W: f64 = FONT * 0.56;
const PAD: f64 = 8.0;
const GAP: f64 = 12.0;
const COL_W: f64 = 340.0;
const MARGIN: f64 = 24.0;

/// Colours of the priorities' columns, in turn (AA contrast with white text).
pub const PRIORITY_COLOURS: [&str; 6] = ["#1d4e89", "#7a3e9d", "#0f6e62", "#9a4a00", "#8a1f3d", "#44546a"];

/// What a box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoxKind {
    /// Mandate, mission, vision or values in the header band.
    Band,
    Priority,
    Goal,
    Result,
    Indicator,
}

/// One box of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapBox {
    /// The id of the item it shows (band boxes: `"mandate"`, `"mission"`, `"vision"`, `"values"`).
    pub id: Id,
    pub kind: BoxKind,
    /// Index of the priority column (0 for band boxes).
    pub column: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The first line is a heading for band and priority boxes.
    pub lines: Vec<String>,
    /// A key indicator, or a result with one.
    pub key: bool,
    /// The computed status, when status colours are on.
    pub status: Option<Status>,
}

/// A line from a goal to a result it is served by, drawn from the goal's
/// box to the result's box.
#[derive(Debug, Clone, PartialEq)]
pub struct Connector {
    pub from: Id,
    pub to: Id,
    /// SVG path data.
    pub path: String,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub boxes: Vec<MapBox>,
    pub connectors: Vec<Connector>,
    /// Title shown above the map.
    pub title: String,
}

/// Options for laying out and drawing the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapOptions {
    /// Colour boxes by status for this year.
    pub status_year: Option<i32>,
    /// Today's year, for deciding what is due.
    pub current_year: i32,
}

/// Wraps `text` into lines of at most `max` characters, breaking long words.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(4);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            // Break a word longer than a line, with a hyphen.
            while word.len() > max {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let head: String = word[..max - 1].iter().collect();
                lines.push(format!("{head}-"));
                word.drain(..max - 1);
            }
            let word: String = word.into_iter().collect();
            let needed = if line.is_empty() { word.chars().count() } else { line.chars().count() + 1 + word.chars().count() };
            if needed > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

fn chars_for(width: f64) -> usize {
    ((width - 2.0 * PAD) / CHAR_W).floor().max(4.0) as usize
}

fn text_box(id: &str, kind: BoxKind, column: usize, x: f64, y: f64, w: f64, lines: Vec<String>) -> MapBox {
    let h = 2.0 * PAD + LINE * lines.len().max(1) as f64;
    MapBox { id: id.to_string(), kind, column, x, y, w, h, lines, key: false, status: None }
}

/// Lays out the map of `s`.
pub fn layout(s: &Strategy, options: MapOptions) -> Layout {
    let numbers = crate::numbering::numbers(s);
    let ctx = StatusContext::new(s, options.current_year);
    let columns = s.priorities.len().max(1);
    let width = 2.0 * MARGIN + columns as f64 * COL_W + (columns - 1) as f64 * GAP;
    let mut boxes = Vec::new();
    let mut y = MARGIN + 28.0;

    // Header band: mandate, mission, vision, values side by side.
    let values: Vec<String> = s
        .values
        .iter()
        .map(|v| if v.definition.is_empty() { v.name.clone() } else { format!("{} – {}", v.name, v.definition) })
        .collect();
    let band: Vec<(&str, String, String)> = vec![
        ("mandate", "MANDĀTS / MANDATE".to_string(), s.mandate.clone()),
        ("mission", "MISIJA / MISSION".to_string(), s.mission.clone()),
        ("vision", "VĪZIJA / VISION".to_string(), s.vision.clone()),
        ("values", "VĒRTĪBAS / VALUES".to_string(), values.join("\n")),
    ];
    let band: Vec<_> = band.into_iter().filter(|(_, _, text)| !text.trim().is_empty()).collect();
    if !band.is_empty() {
        let bw = (width - 2.0 * MARGIN - GAP * (band.len() - 1) as f64) / band.len() as f64;
        let mut band_boxes: Vec<MapBox> = band
            .iter()
            .enumerate()
            .map(|(i, (id, heading, text))| {
                let mut lines = vec![heading.clone()];
                lines.extend(wrap(text, chars_for(bw)));
                text_box(id, BoxKind::Band, 0, MARGIN + i as f64 * (bw + GAP), y, bw, lines)
            })
            .collect();
        let h = band_boxes.iter().map(|b| b.h).fold(0.0, f64::max);
        for b in &mut band_boxes {
            b.h = h;
        }
        y += h + 2.0 * GAP;
        boxes.extend(band_boxes);
    }

    // One column per priority.
    let top = y;
    let mut bottom = top;
    let mut result_boxes: HashMap<Id, usize> = HashMap::new();
    let mut goal_boxes: HashMap<Id, usize> = HashMap::new();
    for (pi, p) in s.priorities.iter().enumerate() {
        let x = MARGIN + pi as f64 * (COL_W + GAP);
        let mut y = top;
        let mut head = text_box(&p.id, BoxKind::Priority, pi, x, y, COL_W, wrap(&format!("{} {}", numbers[&p.id], p.title), chars_for(COL_W)));
        head.status = options.status_year.map(|yr| ctx.priority(p, yr));
        y += head.h + GAP;
        boxes.push(head);
        for g in &p.goals {
            let mut gb = text_box(&g.id, BoxKind::Goal, pi, x, y, COL_W, wrap(&format!("{}. {}", numbers[&g.id], g.title), chars_for(COL_W)));
            gb.status = options.status_year.map(|yr| ctx.goal(g, yr));
            y += gb.h + GAP / 2.0;
            goal_boxes.insert(g.id.clone(), boxes.len());
            boxes.push(gb);
            let indent = 16.0;
            for r in &g.results {
                let rw = COL_W - indent;
                let mut lines = wrap(&r.title, chars_for(rw));
                let key = r.title.trim_end().ends_with('*') || r.indicators.iter().any(|i| i.key);
                let mut rb = text_box(&r.id, BoxKind::Result, pi, x + indent, y, rw, std::mem::take(&mut lines));
                rb.key = key;
                rb.status = options.status_year.map(|yr| ctx.result(r, yr));
                y += rb.h;
                result_boxes.insert(r.id.clone(), boxes.len());
                boxes.push(rb);
                for i in &r.indicators {
                    let iw = rw - indent;
                    let mark = if i.key { "* " } else { "• " };
                    let mut ib = text_box(&i.id, BoxKind::Indicator, pi, x + 2.0 * indent, y, iw, wrap(&format!("{mark}{}", i.name), chars_for(iw)));
                    ib.key = i.key;
                    ib.status = options.status_year.map(|yr| ctx.indicator(i, yr));
                    y += ib.h;
                    boxes.push(ib);
                }
                y += GAP / 2.0;
            }
            y += GAP;
        }
        bottom = f64::max(bottom, y);
    }

    // Connectors from each goal to the results it is also served by.
    let mut connectors = Vec::new();
    for g in s.goal_refs() {
        for r in &g.goal.results {
            for other in &r.also_serves_goal_ids {
                let (Some(&gi), Some(&ri)) = (goal_boxes.get(other), result_boxes.get(&r.id)) else { continue };
                let (gb, rb) = (&boxes[gi], &boxes[ri]);
                let (x1, y1) = (gb.x + gb.w / 2.0, gb.y + gb.h);
                let (x2, y2) = if gb.x < rb.x { (rb.x, rb.y + rb.h / 2.0) } else if gb.x > rb.x { (rb.x + rb.w, rb.y + rb.h / 2.0) } else { (rb.x, rb.y + rb.h / 2.0) };
                let mid = (y1 + y2) / 2.0;
                connectors.push(Connector {
                    from: other.clone(),
                    to: r.id.clone(),
                    path: format!("M{x1:.1},{y1:.1} C{x1:.1},{mid:.1} {x2:.1},{mid:.1} {x2:.1},{y2:.1}"),
                });
            }
        }
    }
    Layout { width, height: bottom + MARGIN, boxes, connectors, title: s.title.clone() }
}

/// The ids a goal's highlight covers: the goal, its results and the results
/// that also serve it, their indicators, and the goal's own indicators.
pub fn related_to_goal(s: &Strategy, goal_id: &str) -> HashSet<Id> {
    let mut out = HashSet::from([goal_id.to_string()]);
    for g in s.goal_refs() {
        let own = g.goal.id == goal_id;
        if own {
            out.insert(g.priority.id.clone());
            out.extend(g.goal.indicators.iter().map(|i| i.id.clone()));
        }
        for r in &g.goal.results {
            if own || r.also_serves_goal_ids.iter().any(|x| x == goal_id) {
                out.insert(r.id.clone());
                out.extend(r.indicators.iter().map(|i| i.id.clone()));
            }
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The fill and text colours of a box.
pub fn box_colours(b: &MapBox) -> (&'static str, &'static str) {
    let priority = PRIORITY_COLOURS[b.column % PRIORITY_COLOURS.len()];
    match (b.kind, b.status) {
        (BoxKind::Band, _) => ("#f1f3f4", "#202124"),
        (_, Some(status)) if b.kind != BoxKind::Priority => (status_colour(status), "#ffffff"),
        (BoxKind::Priority, _) => (priority, "#ffffff"),
        (BoxKind::Goal, _) => ("#ffffff", "#202124"),
        (BoxKind::Result, _) => ("#f8f9fa", "#202124"),
        (BoxKind::Indicator, _) => ("#ffffff", "#3c4043"),
    }
}

/// The map as a standalone SVG document (for export and the command line).
pub fn to_svg(layout: &Layout) -> String {
    let mut out = String::new();
    let (w, h) = (layout.width, layout.height);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"{FONT}\">\n"
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let _ = writeln!(out, "<text x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"18\" font-weight=\"bold\" fill=\"#202124\">{}</text>", MARGIN + 8.0, escape(&layout.title));
    for c in &layout.connectors {
        let _ = writeln!(out, "<path d=\"{}\" fill=\"none\" stroke=\"#5f6368\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", c.path);
    }
    for b in &layout.boxes {
        let (fill, text) = box_colours(b);
        let stroke = PRIORITY_COLOURS[b.column % PRIORITY_COLOURS.len()];
        let _ = writeln!(
            out,
            "<g data-id=\"{}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>",
            escape(&b.id),
            b.x,
            b.y,
            b.w,
            b.h,
            if b.key { 2.5 } else { 1.0 }
        );
        for (i, line) in b.lines.iter().enumerate() {
            let bold = (i == 0 && matches!(b.kind, BoxKind::Band | BoxKind::Priority)) || b.kind == BoxKind::Goal;
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{text}\"{}>{}</text>",
                b.x + PAD,
                b.y + PAD + LINE * (i as f64 + 1.0) - 4.0,
                if bold { " font-weight=\"bold\"" } else { "" },
                escape(line)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &MapBox, b: &MapBox) -> bool {
        a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01
    }

    fn example() -> Strategy {
        let mut s = Strategy { id: "s".into(), title: "Map".into(), mission: "Veidot cieņpilnu vidi".into(), ..Default::default() };
        let p1 = s.add_priority("Cilvēkresursi");
        let p2 = s.add_priority("Vieda pārvaldība");
        let g1 = s.add_goal(&p1, "Vadīta kompetenču attīstība").unwrap();
        let g2 = s.add_goal(&p2, "Uzlabot procesus").unwrap();
        let r = s.add_result(&g1, "Veicināta klimatneitralitāte*").unwrap();
        s.add_indicator(&r, "siltumenerģijas patēriņš").unwrap();
        s.toggle_result_serves(&r, &g2);
        s
    }

    #[test]
    fn wrapping_never_exceeds_the_width_and_breaks_long_words() {
        let lines = wrap("Labklājības ministrijas darbības stratēģijas mērķu karte", 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.concat().replace('-', "").replace(' ', ""), "Labklājībasministrijasdarbībasstratēģijasmērķukarte");
        let long = wrap("Pretkorupcijasizglītībaspasākumuorganizēšana", 10);
        assert!(long.iter().all(|l| l.chars().count() <= 10), "{long:?}");
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }

    #[test]
    fn every_item_is_present_once_without_overlaps_and_links_are_drawn() {
        let s = example();
        let l = layout(&s, MapOptions { status_year: None, current_year: 2026 });
        for id in ["p1", "p2", "g1", "g2", "r1", "i1", "mission"] {
            assert_eq!(l.boxes.iter().filter(|b| b.id == id).count(), 1, "{id}");
        }
        for (i, a) in l.boxes.iter().enumerate() {
            for b in &l.boxes[i + 1..] {
                assert!(!overlaps(a, b), "{} overlaps {}", a.id, b.id);
            }
            assert!(a.x + a.w <= l.width && a.y + a.h <= l.height, "{} is inside the map", a.id);
        }
        assert_eq!(l.connectors.len(), 1);
        assert_eq!((l.connectors[0].from.as_str(), l.connectors[0].to.as_str()), ("g2", "r1"));
        assert!(l.boxes.iter().find(|b| b.id == "r1").unwrap().key, "a result marked * is key");
    }

    #[test]
    fn the_same_strategy_gives_the_same_svg() {
        let s = example();
        let options = MapOptions { status_year: Some(2025), current_year: 2026 };
        let a = to_svg(&layout(&s, options));
        assert_eq!(a, to_svg(&layout(&s, options)));
        assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(a.contains("Veicināta klimatneitralitāte*"));
    }

    #[test]
    fn text_is_escaped() {
        let mut s = example();
        s.priorities[0].title = "<script>&".into();
        let svg = to_svg(&layout(&s, MapOptions { status_year: None, current_year: 2026 }));
        assert!(svg.contains("&lt;script&gt;&amp;") && !svg.contains("<script>"));
    }

    #[test]
    fn a_goal_highlights_its_results_and_those_that_also_serve_it() {
        let s = example();
        let g2 = related_to_goal(&s, "g2");
        assert!(g2.contains("r1") && g2.contains("i1") && g2.contains("p2"));
        assert!(!g2.contains("g1"));
    }
}
