//! The goal map ("mērķu karte") as boxes and connectors, laid out the way the
//! institutions draw it: a header band with mandate, mission, vision and
//! values; then one column per priority with its goals and, under them, the
//! results with their indicators (key ones marked `*`). Deterministic: the
//! same strategy and options give the same layout and the same SVG.
//!
//! # Balancing rule
//! A *goal block* (a goal with its own indicators, its results and their
//! indicators) is never split. A priority's column is one or more *lanes*
//! (each 340 map units wide at scale 1) under a heading box that spans them; its goal
//! blocks go, in order, into the lane that is currently shortest (the first on
//! a tie). Columns are wrapped, in priority order, into *bands* (rows) of at
//! most `k` lanes.
//!
//! The height limit `t` a column may reach is chosen from the heights the
//! columns can take; each column gets the fewest lanes that keep it within
//! `t`, and for each `t` the band width `k` giving the aspect (width ÷ height)
//! nearest 1.4 (A4 landscape) is taken. Among the limits that keep the map
//! *balanced* — every column at most twice the mean column height — the
//! largest (fewest lanes) whose aspect lies in 1.1–1.8 wins, else the one with
//! the aspect nearest 1.4. When no limit balances the map (a single goal block
//! taller than twice the mean), every limit is considered.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::chart::status_colour;
use crate::i18n::{status_label, Lang};
use crate::model::{Goal, Id, Indicator, Priority, Status, Strategy};
use crate::status::StatusContext;

/// Font size of box text at scale 1, in map units (pixels at 100 %); see [`Layout::font`].
pub const FONT: f64 = 13.0;
/// Line height of box text at scale 1; see [`Layout::line`].
pub const LINE: f64 = 17.0;
/// Average width of a character in ems, for wrapping (conservative for sans-serif).
const REGULAR_EM: f64 = 0.56;
/// The same for bold text (goals, headings, the title).
const BOLD_EM: f64 = 0.62;
const PAD: f64 = 8.0;
const GAP: f64 = 12.0;
/// Width of one lane at scale 1.
const COL_W: f64 = 340.0;
const MARGIN: f64 = 24.0;
const INDENT: f64 = 16.0;
const TITLE_FONT: f64 = 18.0;
/// Room for the title above the header band.
const TITLE_SPACE: f64 = 28.0;
/// The aspect aimed at (A4 landscape) and the range that counts as near it.
const ASPECT: f64 = 1.4;
const ASPECT_NEAR: (f64, f64) = (1.1, 1.8);
const EPS: f64 = 1e-6;
/// The order of statuses in the legend.
const LEGEND_ORDER: [Status; 6] = [Status::Achieved, Status::OnTrack, Status::AtRisk, Status::NotAchieved, Status::NoData, Status::NotYetDue];

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
    /// Index of the priority in the strategy, also when only one priority is
    /// drawn, so colours match the full map (0 for band boxes).
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
    /// Font size of box text ([`FONT`] × scale).
    pub font: f64,
    /// Line height of box text ([`LINE`] × scale); line `i` of a box has its
    /// baseline at `y + pad + line × (i + 1) − 4 × scale`.
    pub line: f64,
    /// Inner padding of boxes (8 × scale).
    pub pad: f64,
    /// Language of the band headings and the legend.
    pub lang: Lang,
    /// The statuses that occur on the map's goals, results and indicators,
    /// with their colours, in the order achieved, on track, at risk, not
    /// achieved, no data, not yet due. Empty when status colours are off.
    pub legend: Vec<(Status, String)>,
    /// Top of the legend, below the columns.
    pub legend_y: f64,
}

/// Options for laying out and drawing the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Colour boxes by status for this year.
    pub status_year: Option<i32>,
    /// Today's year, for deciding what is due; 0 means unknown, and then the
    /// status year counts as ended.
    pub current_year: i32,
    /// Draw only this priority's column (with the header band).
    pub only_priority: Option<Id>,
    /// Text size factor (1.0 normal, e.g. 1.6 for a projector); fonts, lines,
    /// paddings and lane widths scale with it. Clamped to 0.25–4; not a
    /// positive number means 1.
    pub scale: f64,
    /// Language of the band headings and the legend.
    pub lang: Lang,
}

impl Default for MapOptions {
    /// No status colours, current year unknown, every priority, scale 1, Latvian.
    fn default() -> Self {
        MapOptions { status_year: None, current_year: 0, only_priority: None, scale: 1.0, lang: Lang::Lv }
    }
}

/// Wraps `text` into lines of at most `max` characters, breaking long words.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(4);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let (mut line, mut line_len) = (String::new(), 0);
        for mut word in paragraph.split_whitespace() {
            let mut len = word.chars().count();
            // Break a word longer than a line, with a hyphen.
            while len > max {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let cut = word.char_indices().nth(max - 1).map_or(word.len(), |(i, _)| i);
                lines.push(format!("{}-", &word[..cut]));
                word = &word[cut..];
                len -= max - 1;
            }
            if !line.is_empty() && line_len + 1 + len > max {
                lines.push(std::mem::take(&mut line));
            }
            if line.is_empty() {
                line_len = 0;
            } else {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += len;
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Sizes and spacing at one scale.
#[derive(Debug, Clone, Copy)]
struct Metrics {
    scale: f64,
    font: f64,
    line: f64,
    pad: f64,
    gap: f64,
    lane: f64,
    indent: f64,
    margin: f64,
}

impl Metrics {
    fn new(scale: f64) -> Self {
        let s = if scale.is_finite() && scale > 0.0 { scale.clamp(0.25, 4.0) } else { 1.0 };
        Metrics { scale: s, font: FONT * s, line: LINE * s, pad: PAD * s, gap: GAP * s, lane: COL_W * s, indent: INDENT * s, margin: MARGIN * s }
    }

    fn char_w(&self, bold: bool) -> f64 {
        self.font * if bold { BOLD_EM } else { REGULAR_EM }
    }

    /// How many characters fit on a line of a box `width` wide.
    fn chars(&self, width: f64, bold: bool) -> usize {
        ((width - 2.0 * self.pad) / self.char_w(bold)).floor().max(4.0) as usize
    }

    fn box_h(&self, lines: usize) -> f64 {
        2.0 * self.pad + self.line * lines.max(1) as f64
    }

    /// Width of `lanes` lanes side by side.
    fn span(&self, lanes: usize) -> f64 {
        lanes as f64 * self.lane + lanes.saturating_sub(1) as f64 * self.gap
    }

    /// Space between goal blocks in a lane.
    fn block_gap(&self) -> f64 {
        1.5 * self.gap
    }

    /// Space between columns, between bands and between the map's sections.
    fn wide_gap(&self) -> f64 {
        2.0 * self.gap
    }

    fn title_font(&self) -> f64 {
        TITLE_FONT * self.scale
    }

    /// Top of the header band, below the title.
    fn top(&self) -> f64 {
        self.margin + TITLE_SPACE * self.scale
    }

    /// A box `w` wide at (0, 0), as high as its lines need.
    fn text_box(&self, id: &str, kind: BoxKind, column: usize, w: f64, lines: Vec<String>) -> MapBox {
        MapBox { id: id.to_string(), kind, column, x: 0.0, y: 0.0, w, h: self.box_h(lines.len()), lines, key: false, status: None }
    }
}

/// Status computation for one year, when status colours are on.
type StatusYear<'a> = Option<(&'a StatusContext<'a>, i32)>;

/// A goal with its indicators, results and their indicators, laid out from (0, 0).
struct Block {
    boxes: Vec<MapBox>,
    h: f64,
}

/// Indicator boxes `w` wide stacked from (`x`, `y`); returns the y below them.
fn push_indicators(out: &mut Vec<MapBox>, list: &[Indicator], column: usize, (x, mut y): (f64, f64), w: f64, m: &Metrics, sy: StatusYear) -> f64 {
    for i in list {
        let mark = if i.key { "* " } else { "• " };
        let mut b = MapBox { x, y, ..m.text_box(&i.id, BoxKind::Indicator, column, w, wrap(&format!("{mark}{}", i.name), m.chars(w, false))) };
        b.key = i.key;
        b.status = sy.map(|(c, yr)| c.indicator(i, yr));
        y += b.h;
        out.push(b);
    }
    y
}

fn goal_block(g: &Goal, number: &str, column: usize, m: &Metrics, sy: StatusYear) -> Block {
    let mut boxes = Vec::new();
    let mut gb = m.text_box(&g.id, BoxKind::Goal, column, m.lane, wrap(&format!("{number}. {}", g.title), m.chars(m.lane, true)));
    gb.status = sy.map(|(c, yr)| c.goal(g, yr));
    let mut y = gb.h + m.gap / 2.0;
    boxes.push(gb);
    let (rx, rw) = (m.indent, m.lane - m.indent);
    if !g.indicators.is_empty() {
        y = push_indicators(&mut boxes, &g.indicators, column, (rx, y), rw, m, sy) + m.gap / 2.0;
    }
    for r in &g.results {
        let mut rb = MapBox { x: rx, y, ..m.text_box(&r.id, BoxKind::Result, column, rw, wrap(&r.title, m.chars(rw, false))) };
        rb.key = r.title.trim_end().ends_with('*') || r.indicators.iter().any(|i| i.key);
        rb.status = sy.map(|(c, yr)| c.result(r, yr));
        y += rb.h;
        boxes.push(rb);
        y = push_indicators(&mut boxes, &r.indicators, column, (rx + m.indent, y), rw - m.indent, m, sy) + m.gap / 2.0;
    }
    Block { boxes, h: y - m.gap / 2.0 }
}

/// Puts blocks of the given heights, in order, into the currently shortest of
/// `lanes` lanes (the first on a tie). Returns each block's lane and offset
/// from the lanes' top, and the height of the tallest lane.
fn fill_lanes(heights: &[f64], lanes: usize, spacing: f64) -> (Vec<(usize, f64)>, f64) {
    let mut ends = vec![0.0_f64; lanes.max(1)];
    let mut tallest = 0.0_f64;
    let places = heights
        .iter()
        .map(|h| {
            let lane = (0..ends.len()).min_by(|&a, &b| ends[a].total_cmp(&ends[b])).unwrap_or(0);
            let top = ends[lane];
            ends[lane] += h + spacing;
            tallest = tallest.max(top + h);
            (lane, top)
        })
        .collect();
    (places, tallest)
}

/// One priority's column, measured for every possible number of lanes.
struct Column<'a> {
    /// Index of the priority in the strategy.
    index: usize,
    priority: &'a Priority,
    heading: String,
    status: Option<Status>,
    blocks: Vec<Block>,
    /// Column height (heading, gap, tallest lane) with 1, 2, … lanes (one per goal at most).
    heights: Vec<f64>,
}

impl<'a> Column<'a> {
    fn new(index: usize, p: &'a Priority, numbers: &HashMap<Id, String>, m: &Metrics, sy: StatusYear) -> Self {
        let heading = format!("{} {}", numbers[&p.id], p.title);
        let blocks: Vec<Block> = p.goals.iter().map(|g| goal_block(g, &numbers[&g.id], index, m, sy)).collect();
        let block_h: Vec<f64> = blocks.iter().map(|b| b.h).collect();
        let heights = (1..=blocks.len().max(1))
            .map(|lanes| {
                let head = m.box_h(wrap(&heading, m.chars(m.span(lanes), true)).len());
                if blocks.is_empty() { head } else { head + m.gap + fill_lanes(&block_h, lanes, m.block_gap()).1 }
            })
            .collect();
        Column { index, priority: p, heading, status: sy.map(|(c, yr)| c.priority(p, yr)), blocks, heights }
    }

    /// The fewest lanes that keep the column within `limit`.
    fn lanes_for(&self, limit: f64) -> usize {
        self.heights.iter().position(|&h| h <= limit + EPS).map_or(self.heights.len(), |i| i + 1)
    }
}

/// Columns (by position in `lanes`) into bands of at most `k` lanes, in order.
fn bands_for(lanes: &[usize], k: usize) -> Vec<Vec<usize>> {
    let mut bands: Vec<Vec<usize>> = Vec::new();
    let mut used = 0;
    for (i, &l) in lanes.iter().enumerate() {
        match bands.last_mut() {
            Some(band) if used + l <= k => band.push(i),
            _ => {
                bands.push(vec![i]);
                used = 0;
            }
        }
        used += l;
    }
    bands
}

/// Width of the widest band and the height of all bands with their gaps.
fn bands_size(cols: &[Column], lanes: &[usize], bands: &[Vec<usize>], m: &Metrics) -> (f64, f64) {
    let width = bands
        .iter()
        .map(|band| band.iter().map(|&i| m.span(lanes[i])).sum::<f64>() + band.len().saturating_sub(1) as f64 * m.wide_gap())
        .fold(0.0, f64::max);
    let height = bands.iter().map(|band| band.iter().map(|&i| cols[i].heights[lanes[i] - 1]).fold(0.0, f64::max)).sum::<f64>()
        + bands.len().saturating_sub(1) as f64 * m.wide_gap();
    (width, height)
}

/// Lanes per column and bands, by the balancing rule of the module docs.
/// `size` gives the map's width and height for a band width and band height.
fn arrange(cols: &[Column], m: &Metrics, size: &mut dyn FnMut(f64, f64) -> (f64, f64)) -> (Vec<usize>, Vec<Vec<usize>>) {
    struct Candidate {
        lanes: Vec<usize>,
        bands: Vec<Vec<usize>>,
        aspect: f64,
        balanced: bool,
    }
    if cols.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let off = |aspect: f64| (aspect / ASPECT).ln().abs();
    // The lowest limit every column can keep to.
    let floor = cols.iter().map(|c| c.heights.iter().copied().fold(f64::INFINITY, f64::min)).fold(0.0, f64::max);
    let mut limits: Vec<f64> = cols.iter().flat_map(|c| c.heights.iter().copied()).filter(|&t| t >= floor).collect();
    limits.sort_by(|a, b| b.total_cmp(a));
    limits.dedup();
    let candidates: Vec<Candidate> = limits
        .iter()
        .map(|&limit| {
            let lanes: Vec<usize> = cols.iter().map(|c| c.lanes_for(limit)).collect();
            let heights: Vec<f64> = cols.iter().zip(&lanes).map(|(c, &l)| c.heights[l - 1]).collect();
            let mean = heights.iter().sum::<f64>() / heights.len() as f64;
            let balanced = heights.iter().all(|&h| h <= 2.0 * mean + EPS);
            let widest = lanes.iter().copied().max().unwrap_or(1);
            let (bands, aspect) = (widest..=lanes.iter().sum())
                .map(|k| {
                    let bands = bands_for(&lanes, k);
                    let (bw, bh) = bands_size(cols, &lanes, &bands, m);
                    let (w, h) = size(bw, bh);
                    (bands, w / h)
                })
                .min_by(|a, b| off(a.1).total_cmp(&off(b.1)))
                .expect("at least one band width");
            Candidate { lanes, bands, aspect, balanced }
        })
        .collect();
    let any_balanced = candidates.iter().any(|c| c.balanced);
    let pool: Vec<&Candidate> = candidates.iter().filter(|c| c.balanced || !any_balanced).collect();
    let chosen = pool
        .iter()
        .find(|c| (ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&c.aspect))
        .or_else(|| pool.iter().min_by(|a, b| off(a.aspect).total_cmp(&off(b.aspect))))
        .expect("at least one candidate");
    (chosen.lanes.clone(), chosen.bands.clone())
}

/// The header band's boxes across `inner` width from `y`, in as few rows as
/// keep every box at least one lane wide, spread evenly over the rows;
/// returns them and their height.
fn header(items: &[(&str, &str, String)], inner: f64, y: f64, m: &Metrics) -> (Vec<MapBox>, f64) {
    let fit = (((inner + m.gap) / (m.lane + m.gap)).floor() as usize).max(1);
    let per_row = items.len().div_ceil(items.len().div_ceil(fit).max(1)).max(1);
    let mut boxes = Vec::new();
    let mut top = y;
    for row in items.chunks(per_row) {
        let bw = (inner - m.gap * (row.len() - 1) as f64) / row.len() as f64;
        let mut row_boxes: Vec<MapBox> = row
            .iter()
            .enumerate()
            .map(|(i, (id, heading, text))| {
                let mut lines = vec![heading.to_string()];
                lines.extend(wrap(text, m.chars(bw, false)));
                MapBox { x: m.margin + i as f64 * (bw + m.gap), y: top, ..m.text_box(id, BoxKind::Band, 0, bw, lines) }
            })
            .collect();
        let h = row_boxes.iter().map(|b| b.h).fold(0.0, f64::max);
        for b in &mut row_boxes {
            b.h = h;
        }
        boxes.extend(row_boxes);
        top += h + m.gap;
    }
    let height = if boxes.is_empty() { 0.0 } else { top - m.gap - y };
    (boxes, height)
}

/// Where each legend entry goes, relative to the legend's top left, when the
/// legend flows across `inner` width; and the legend's height.
fn legend_flow(legend: &[(Status, String)], lang: Lang, inner: f64, m: &Metrics) -> (Vec<(f64, f64)>, f64) {
    let (mut x, mut y) = (0.0, 0.0);
    let mut places = Vec::new();
    for (status, _) in legend {
        let w = m.font + m.pad / 2.0 + status_label(lang, *status).chars().count() as f64 * m.char_w(false);
        if x > 0.0 && x + w > inner {
            x = 0.0;
            y += m.line;
        }
        places.push((x, y));
        x += w + 1.5 * m.font;
    }
    let height = if legend.is_empty() { 0.0 } else { y + m.line };
    (places, height)
}

/// The height of the map from its sections' heights (empty ones left out).
fn total_height(sections: [f64; 3], m: &Metrics) -> f64 {
    let present: Vec<f64> = sections.into_iter().filter(|&h| h > 0.0).collect();
    m.top() + present.iter().sum::<f64>() + present.len().saturating_sub(1) as f64 * m.wide_gap() + m.margin
}

/// Lays out the map of `s`.
pub fn layout(s: &Strategy, options: MapOptions) -> Layout {
    let m = Metrics::new(options.scale);
    let numbers = crate::numbering::numbers(s);
    let current_year = if options.current_year == 0 { options.status_year.map_or(0, |y| y + 1) } else { options.current_year };
    let ctx = StatusContext::new(s, current_year);
    let sy = options.status_year.map(|y| (&ctx, y));

    let cols: Vec<Column> = s
        .priorities
        .iter()
        .enumerate()
        .filter(|(_, p)| options.only_priority.as_ref().is_none_or(|id| *id == p.id))
        .map(|(i, p)| Column::new(i, p, &numbers, &m, sy))
        .collect();

    // Header band: mandate, mission, vision, values.
    let headings = match options.lang {
        Lang::Lv => ["MANDĀTS", "MISIJA", "VĪZIJA", "VĒRTĪBAS"],
        Lang::En => ["MANDATE", "MISSION", "VISION", "VALUES"],
    };
    let values: Vec<String> =
        s.values.iter().map(|v| if v.definition.is_empty() { v.name.clone() } else { format!("{} – {}", v.name, v.definition) }).collect();
    let texts = [s.mandate.clone(), s.mission.clone(), s.vision.clone(), values.join("\n")];
    let items: Vec<(&str, &str, String)> = ["mandate", "mission", "vision", "values"]
        .into_iter()
        .zip(headings)
        .zip(texts)
        .map(|((id, heading), text)| (id, heading, text))
        .filter(|(_, _, text)| !text.trim().is_empty())
        .collect();

    // Legend: the statuses shown as colours (priority headings keep their own colour).
    let legend: Vec<(Status, String)> = if options.status_year.is_some() {
        let seen: HashSet<Status> = cols.iter().flat_map(|c| c.blocks.iter().flat_map(|b| b.boxes.iter().filter_map(|b| b.status))).collect();
        LEGEND_ORDER.into_iter().filter(|st| seen.contains(st)).map(|st| (st, status_colour(st).to_string())).collect()
    } else {
        Vec::new()
    };

    let title_w = s.title.chars().count() as f64 * m.title_font() * BOLD_EM;
    let inner_of = |bands_w: f64| bands_w.max(title_w).max(m.lane);
    let mut header_heights: HashMap<u64, f64> = HashMap::new();
    let mut size = |bands_w: f64, bands_h: f64| {
        let inner = inner_of(bands_w);
        let header_h = *header_heights.entry(inner.to_bits()).or_insert_with(|| header(&items, inner, 0.0, &m).1);
        let legend_h = legend_flow(&legend, options.lang, inner, &m).1;
        (inner + 2.0 * m.margin, total_height([header_h, bands_h, legend_h], &m))
    };
    let (lanes, bands) = arrange(&cols, &m, &mut size);
    let (bands_w, bands_h) = bands_size(&cols, &lanes, &bands, &m);
    let (width, height) = size(bands_w, bands_h);
    let inner = inner_of(bands_w);

    let mut y = m.top();
    let (mut boxes, header_h) = header(&items, inner, y, &m);
    if header_h > 0.0 {
        y += header_h + m.wide_gap();
    }
    for band in &bands {
        let mut x = m.margin;
        for &ci in band {
            let (c, l) = (&cols[ci], lanes[ci]);
            let w = m.span(l);
            let mut head = MapBox { x, y, ..m.text_box(&c.priority.id, BoxKind::Priority, c.index, w, wrap(&c.heading, m.chars(w, true))) };
            head.status = c.status;
            let lanes_top = y + head.h + m.gap;
            boxes.push(head);
            let block_h: Vec<f64> = c.blocks.iter().map(|b| b.h).collect();
            for (block, (lane, top)) in c.blocks.iter().zip(fill_lanes(&block_h, l, m.block_gap()).0) {
                let (dx, dy) = (x + lane as f64 * (m.lane + m.gap), lanes_top + top);
                boxes.extend(block.boxes.iter().map(|b| MapBox { x: b.x + dx, y: b.y + dy, ..b.clone() }));
            }
            x += w + m.wide_gap();
        }
        y += band.iter().map(|&i| cols[i].heights[lanes[i] - 1]).fold(0.0, f64::max) + m.wide_gap();
    }

    // Connectors from each goal to the results it is also served by.
    let at = |kind: BoxKind| -> HashMap<&str, &MapBox> { boxes.iter().filter(|b| b.kind == kind).map(|b| (b.id.as_str(), b)).collect() };
    let (goal_boxes, result_boxes) = (at(BoxKind::Goal), at(BoxKind::Result));
    let mut connectors = Vec::new();
    for g in s.goal_refs() {
        for r in &g.goal.results {
            for other in &r.also_serves_goal_ids {
                let (Some(gb), Some(rb)) = (goal_boxes.get(other.as_str()), result_boxes.get(r.id.as_str())) else { continue };
                let x1 = gb.x + gb.w / 2.0;
                let y1 = if rb.y >= gb.y { gb.y + gb.h } else { gb.y };
                let x2 = if x1 > rb.x + rb.w { rb.x + rb.w } else { rb.x };
                let y2 = rb.y + rb.h / 2.0;
                let mid = (y1 + y2) / 2.0;
                connectors.push(Connector {
                    from: other.clone(),
                    to: r.id.clone(),
                    path: format!("M{x1:.1},{y1:.1} C{x1:.1},{mid:.1} {x2:.1},{mid:.1} {x2:.1},{y2:.1}"),
                });
            }
        }
    }
    Layout {
        width,
        height,
        boxes,
        connectors,
        title: s.title.clone(),
        font: m.font,
        line: m.line,
        pad: m.pad,
        lang: options.lang,
        legend,
        legend_y: y,
    }
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

/// `text` for XML character data or a double-quoted attribute value: markup
/// characters escaped, characters XML does not allow (most control
/// characters, U+FFFE, U+FFFF) left out.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
    out
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
    let m = Metrics::new(layout.font / FONT);
    let mut out = String::new();
    let (w, h) = (layout.width, layout.height);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"{:.1}\">",
        m.font
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" font-weight=\"bold\" fill=\"#202124\">{}</text>",
        m.margin,
        m.margin + 8.0 * m.scale,
        m.title_font(),
        escape(&layout.title)
    );
    for c in &layout.connectors {
        let _ = writeln!(out, "<path d=\"{}\" fill=\"none\" stroke=\"#5f6368\" stroke-width=\"{:.1}\" stroke-dasharray=\"4 3\"/>", c.path, 1.5 * m.scale);
    }
    let baseline = |y: f64, i: usize| y + m.pad + m.line * (i as f64 + 1.0) - 4.0 * m.scale;
    for b in &layout.boxes {
        let (fill, text) = box_colours(b);
        let stroke = PRIORITY_COLOURS[b.column % PRIORITY_COLOURS.len()];
        let _ = writeln!(
            out,
            "<g data-id=\"{}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\"/>",
            escape(&b.id),
            b.x,
            b.y,
            b.w,
            b.h,
            (if b.key { 2.5 } else { 1.0 }) * m.scale
        );
        // One text with a line per tspan, each but the last ending in a
        // space, so the text reads (and is found) as the box shows it.
        let _ = write!(out, "<text fill=\"{text}\">");
        for (i, line) in b.lines.iter().enumerate() {
            let bold = (i == 0 && matches!(b.kind, BoxKind::Band | BoxKind::Priority)) || b.kind == BoxKind::Goal;
            let _ = write!(
                out,
                "<tspan x=\"{:.1}\" y=\"{:.1}\"{}>{}{}</tspan>",
                b.x + m.pad,
                baseline(b.y, i),
                if bold { " font-weight=\"bold\"" } else { "" },
                escape(line),
                if i + 1 < b.lines.len() { " " } else { "" }
            );
        }
        out.push_str("</text></g>\n");
    }
    if !layout.legend.is_empty() {
        out.push_str("<g class=\"legend\">\n");
        let (places, _) = legend_flow(&layout.legend, layout.lang, layout.width - 2.0 * m.margin, &m);
        for ((status, colour), (dx, dy)) in layout.legend.iter().zip(places) {
            let (x, y) = (m.margin + dx, layout.legend_y + dy);
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"2\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#202124\">{}</text>",
                y + (m.line - m.font) / 2.0,
                m.font,
                m.font,
                escape(colour),
                x + m.font + m.pad / 2.0,
                baseline(y - m.pad, 0),
                escape(status_label(layout.lang, *status))
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
    use crate::model::{Actual, Condition, Goal, ReportingPeriod, Result, Target};

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

    /// Deterministic pseudo-random numbers for the big strategy.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }

        fn text(&mut self, min_words: usize, max_words: usize) -> String {
            const WORDS: [&str; 16] = [
                "Labklājības", "ministrijas", "darbības", "stratēģijas", "pilnveidota", "nodarbināto", "kompetenču", "attīstība",
                "un", "sadarbība", "ar", "iekšējo", "procesu", "efektivitāte", "klimatneitralitāte", "Pretkorupcijasizglītībaspasākumuorganizēšana",
            ];
            let n = min_words + self.below(max_words - min_words + 1);
            (0..n).map(|_| WORDS[self.below(WORDS.len())]).collect::<Vec<_>>().join(" ")
        }
    }

    /// 12 priorities with 1–12 goals (60 in all), 5 results per goal (300), 3
    /// indicators per result (900); every 7th result also serves another goal.
    fn big() -> Strategy {
        const GOALS: [usize; 12] = [1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 12];
        let mut rng = Lcg(7);
        let mut s = Strategy {
            id: "big".into(),
            title: "Labklājības ministrijas darbības stratēģija 2024–2027".into(),
            mandate: rng.text(30, 40),
            mission: rng.text(10, 20),
            vision: rng.text(10, 20),
            ..Default::default()
        };
        let (mut goal_n, mut result_n, mut indicator_n) = (0, 0, 0);
        for (k, &goals) in GOALS.iter().enumerate() {
            let mut p = Priority { id: format!("p{}", k + 1), title: rng.text(2, 6), ..Default::default() };
            for _ in 0..goals {
                goal_n += 1;
                let mut g = Goal { id: format!("g{goal_n}"), title: rng.text(3, 12), ..Default::default() };
                for _ in 0..5 {
                    result_n += 1;
                    let mut r = Result { id: format!("r{result_n}"), title: rng.text(2, 10), ..Default::default() };
                    if result_n % 7 == 0 {
                        r.also_serves_goal_ids.push(format!("g{}", (goal_n + 16) % 60 + 1));
                    }
                    for _ in 0..3 {
                        indicator_n += 1;
                        r.indicators.push(Indicator { id: format!("i{indicator_n}"), name: rng.text(3, 14), key: indicator_n % 4 == 0, ..Default::default() });
                    }
                    g.results.push(r);
                }
                p.goals.push(g);
            }
            s.priorities.push(p);
        }
        assert_eq!((goal_n, result_n, indicator_n), (60, 300, 900));
        s
    }

    /// No overlaps, every box inside the map, and every line within its box's width.
    fn assert_well_formed(l: &Layout) {
        let m = Metrics::new(l.font / FONT);
        for (i, a) in l.boxes.iter().enumerate() {
            for b in &l.boxes[i + 1..] {
                assert!(!overlaps(a, b), "{} overlaps {}", a.id, b.id);
            }
            assert!(a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= l.width && a.y + a.h <= l.height, "{} is inside the map", a.id);
            for (li, line) in a.lines.iter().enumerate() {
                let bold = (li == 0 && matches!(a.kind, BoxKind::Band | BoxKind::Priority)) || a.kind == BoxKind::Goal;
                let w = line.chars().count() as f64 * m.char_w(bold) + 2.0 * m.pad;
                assert!(w <= a.w + EPS, "{:?} ({w:.1}) is wider than {} ({:.1})", line, a.id, a.w);
            }
        }
    }

    fn count(l: &Layout, id: &str) -> usize {
        l.boxes.iter().filter(|b| b.id == id).count()
    }

    /// Height of each priority's column: from its heading's top to its lowest box.
    fn column_heights(l: &Layout) -> Vec<f64> {
        l.boxes
            .iter()
            .filter(|b| b.kind == BoxKind::Priority)
            .map(|head| {
                let bottom = l.boxes.iter().filter(|b| b.kind != BoxKind::Band && b.column == head.column).map(|b| b.y + b.h).fold(0.0, f64::max);
                bottom - head.y
            })
            .collect()
    }

    #[test]
    fn wrapping_never_exceeds_the_width_and_breaks_long_words() {
        let lines = wrap("Labklājības ministrijas darbības stratēģijas mērķu karte", 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.concat().replace(['-', ' '], ""), "Labklājībasministrijasdarbībasstratēģijasmērķukarte");
        let long = wrap("Pretkorupcijasizglītībaspasākumuorganizēšana", 10);
        assert!(long.iter().all(|l| l.chars().count() <= 10), "{long:?}");
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }

    #[test]
    fn every_item_is_present_once_without_overlaps_and_links_are_drawn() {
        let s = example();
        let l = layout(&s, MapOptions { status_year: None, current_year: 2026, ..Default::default() });
        for id in ["p1", "p2", "g1", "g2", "r1", "i1", "mission"] {
            assert_eq!(count(&l, id), 1, "{id}");
        }
        assert_well_formed(&l);
        assert_eq!(l.connectors.len(), 1);
        assert_eq!((l.connectors[0].from.as_str(), l.connectors[0].to.as_str()), ("g2", "r1"));
        assert!(l.boxes.iter().find(|b| b.id == "r1").unwrap().key, "a result marked * is key");
    }

    #[test]
    fn the_same_strategy_gives_the_same_svg() {
        let s = example();
        let options = MapOptions { status_year: Some(2025), current_year: 2026, ..Default::default() };
        let a = to_svg(&layout(&s, options.clone()));
        assert_eq!(a, to_svg(&layout(&s, options)));
        assert!(a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(a.contains("Veicināta klimatneitralitāte*"));
    }

    #[test]
    fn text_is_escaped() {
        let mut s = example();
        s.priorities[0].title = "<script>&".into();
        let svg = to_svg(&layout(&s, MapOptions::default()));
        assert!(svg.contains("&lt;script&gt;&amp;") && !svg.contains("<script>"));
    }

    #[test]
    fn hostile_ids_and_titles_stay_inside_their_attributes_and_text() {
        let mut s = example();
        let hostile_id = "\"><image href=\"https://evil.example/x\"/><g x=\"";
        s.priorities[0].goals[0].id = hostile_id.into();
        s.title = "</text><style>*{background:url(https://evil.example/y)}</style>\u{1}".into();
        s.priorities[1].goals[0].title = "a\"b' <tspan>\u{1}c\u{fffe}".into();
        let svg = to_svg(&layout(&s, MapOptions::default()));
        assert!(!svg.contains("<image") && !svg.contains("<style") && !svg.contains("<tspan>"), "{svg}");
        assert!(svg.contains("data-id=\"&quot;&gt;&lt;image href=&quot;https://evil.example/x&quot;/&gt;&lt;g x=&quot;\""), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;style&gt;"));
        assert!(svg.contains("a&quot;b' &lt;tspan&gt;c<"), "{svg}");
        assert!(!svg.chars().any(|c| (c.is_control() && !"\t\n\r".contains(c)) || c == '\u{fffe}'), "no character XML forbids");
    }

    #[test]
    fn a_box_is_one_text_with_its_lines_as_tspans_a_space_apart() {
        let mut s = example();
        s.priorities[0].goals[0].title = "Vadīta profesionālo (fokusā digitālo) kompetenču attīstība visā ministrijā un tās padotības iestādēs".into();
        let l = layout(&s, MapOptions::default());
        let g1 = l.boxes.iter().find(|b| b.id == "g1").unwrap();
        assert!(g1.lines.len() > 1);
        let svg = to_svg(&l);
        let start = svg.find("<g data-id=\"g1\">").unwrap();
        let element = &svg[start..start + svg[start..].find("</g>").unwrap()];
        assert_eq!(element.matches("<text").count(), 1);
        assert_eq!(element.matches("<tspan").count(), g1.lines.len());
        assert_eq!(element.matches(" </tspan><tspan").count(), g1.lines.len() - 1);
        assert!(element.ends_with(&format!(">{}</tspan></text>", g1.lines.last().unwrap())));
    }

    #[test]
    fn a_goal_highlights_its_results_and_those_that_also_serve_it() {
        let s = example();
        let g2 = related_to_goal(&s, "g2");
        assert!(g2.contains("r1") && g2.contains("i1") && g2.contains("p2"));
        assert!(!g2.contains("g1"));
    }

    /// The balance criterion: every priority column is at most twice the mean
    /// column height; a priority much taller than the others gets lanes; the
    /// map wraps into bands and stays landscape-ish.
    #[test]
    fn a_big_uneven_strategy_is_balanced_and_landscape() {
        let s = big();
        let l = layout(&s, MapOptions::default());
        for g in s.goal_refs() {
            assert_eq!(count(&l, &g.goal.id), 1, "{}", g.goal.id);
            for r in &g.goal.results {
                assert_eq!(count(&l, &r.id), 1, "{}", r.id);
                for i in &r.indicators {
                    assert_eq!(count(&l, &i.id), 1, "{}", i.id);
                }
            }
        }
        assert_eq!(l.boxes.len(), 12 + 60 + 300 + 900 + 3, "priorities, goals, results, indicators and three band boxes");
        assert_well_formed(&l);

        let mut links: Vec<(String, String)> =
            s.goal_refs().iter().flat_map(|g| g.goal.results.iter()).flat_map(|r| r.also_serves_goal_ids.iter().map(|g| (g.clone(), r.id.clone()))).collect();
        let mut drawn: Vec<(String, String)> = l.connectors.iter().map(|c| (c.from.clone(), c.to.clone())).collect();
        links.sort();
        drawn.sort();
        assert_eq!(links.len(), 42);
        assert_eq!(drawn, links, "a connector for every also-serves link");

        let aspect = l.width / l.height;
        assert!((0.8..=2.5).contains(&aspect), "aspect {aspect:.2} ({:.0} × {:.0})", l.width, l.height);
        let heights = column_heights(&l);
        assert_eq!(heights.len(), 12);
        let mean = heights.iter().sum::<f64>() / 12.0;
        let max = heights.iter().copied().fold(0.0, f64::max);
        assert!(max <= 2.0 * mean, "tallest column {max:.0} vs mean {mean:.0}");
        let lanes = |column: usize| {
            l.boxes.iter().filter(|b| b.kind == BoxKind::Goal && b.column == column).map(|b| b.x.to_bits()).collect::<HashSet<_>>().len()
        };
        assert!(lanes(11) > 1 && lanes(0) == 1, "the 12-goal priority gets lanes, the 1-goal one does not");
        assert_eq!(to_svg(&l), to_svg(&layout(&s, MapOptions::default())), "deterministic");
    }

    #[test]
    fn many_short_priorities_wrap_into_bands() {
        let mut s = Strategy { title: "Map".into(), ..Default::default() };
        for k in 1..=12 {
            let p = s.add_priority(&format!("Prioritāte {k}"));
            let g = s.add_goal(&p, "Uzlabot procesus").unwrap();
            let r = s.add_result(&g, "Veikti uzlabojumi").unwrap();
            s.add_indicator(&r, "Skaits").unwrap();
        }
        let l = layout(&s, MapOptions::default());
        assert_well_formed(&l);
        let band_tops: HashSet<u64> = l.boxes.iter().filter(|b| b.kind == BoxKind::Priority).map(|b| b.y.to_bits()).collect();
        assert!(band_tops.len() > 1, "12 priorities wrap into several bands");
        assert!((ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&(l.width / l.height)), "{:.0} × {:.0}", l.width, l.height);
        let empty = layout(&Strategy::default(), MapOptions::default());
        assert!(empty.boxes.is_empty() && empty.width > 0.0 && empty.height > 0.0);
    }

    #[test]
    fn the_example_map_keeps_three_columns_and_is_landscape() {
        let path = format!("{}/../../public/examples/lm-strategy-2024-2027.json", env!("CARGO_MANIFEST_DIR"));
        let s = crate::import(&std::fs::read_to_string(path).unwrap()).unwrap().strategy;
        let l = layout(&s, MapOptions::default());
        assert_well_formed(&l);
        let heads: Vec<&MapBox> = l.boxes.iter().filter(|b| b.kind == BoxKind::Priority).collect();
        let widths: Vec<f64> = heads.iter().map(|b| b.w).collect();
        println!("example map {:.0} × {:.0}, aspect {:.2}, priority widths {widths:?}", l.width, l.height, l.width / l.height);
        assert_eq!(heads.len(), 3);
        assert!((ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&(l.width / l.height)));
    }

    #[test]
    fn only_priority_draws_that_column_with_the_header() {
        let s = big();
        let l = layout(&s, MapOptions { only_priority: Some("p9".into()), ..Default::default() });
        let goals: Vec<&str> = l.boxes.iter().filter(|b| b.kind == BoxKind::Goal).map(|b| b.id.as_str()).collect();
        let own: Vec<&str> = s.priorities[8].goals.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(goals, own);
        assert!(l.boxes.iter().filter(|b| b.kind != BoxKind::Band).all(|b| b.column == 8), "the column keeps its index, so its colour");
        assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Band).count(), 3);
        assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Priority).count(), 1);
        assert_well_formed(&l);
        assert!(l.connectors.iter().all(|c| own.contains(&c.from.as_str())));
        let none = layout(&s, MapOptions { only_priority: Some("nope".into()), ..Default::default() });
        assert!(none.boxes.iter().all(|b| b.kind == BoxKind::Band));
    }

    #[test]
    fn a_larger_scale_gives_larger_boxes_that_still_fit() {
        let s = big();
        let normal = layout(&s, MapOptions::default());
        let large = layout(&s, MapOptions { scale: 1.6, ..Default::default() });
        assert!((large.font - FONT * 1.6).abs() < EPS && (large.line - LINE * 1.6).abs() < EPS && (large.pad - 8.0 * 1.6).abs() < EPS);
        assert_well_formed(&large);
        let find = |l: &Layout, id: &str| l.boxes.iter().find(|b| b.id == id).unwrap().clone();
        for id in ["p1", "g1", "r1", "i1"] {
            let (a, b) = (find(&normal, id), find(&large, id));
            assert!(b.w > a.w && b.h > a.h, "{id}: {:.0}×{:.0} → {:.0}×{:.0}", a.w, a.h, b.w, b.h);
        }
        let one = layout(&s, MapOptions { scale: 1.6, only_priority: Some("p12".into()), ..Default::default() });
        assert_well_formed(&one);
        assert!(to_svg(&large).contains("font-size=\"20.8\""));
    }

    #[test]
    fn the_legend_lists_the_statuses_on_the_map_in_order() {
        let mut s = example();
        let target = |cond| Target { year: Some(2026), text: String::new(), conditions: vec![cond] };
        let actual = |v| Actual { period: ReportingPeriod::year(2026), value: Some(v), ..Default::default() };
        let i1 = s.indicator_mut("i1").unwrap();
        i1.targets.push(target(Condition::AtMost { value: 11.0 }));
        i1.actuals.push(actual(14.0));
        let r2 = s.add_result("g2", "Procesi").unwrap();
        s.add_indicator(&r2, "nav mērīts").unwrap();
        let i3 = s.add_indicator(&r2, "mērīts").unwrap();
        let i3 = s.indicator_mut(&i3).unwrap();
        i3.targets.push(target(Condition::AtLeast { value: 3.0 }));
        i3.actuals.push(actual(5.0));

        let l = layout(&s, MapOptions { status_year: Some(2026), current_year: 2026, ..Default::default() });
        let statuses: Vec<Status> = l.legend.iter().map(|(st, _)| *st).collect();
        assert_eq!(statuses, vec![Status::Achieved, Status::NotAchieved, Status::NotYetDue]);
        assert_eq!(l.legend[0].1, status_colour(Status::Achieved));
        assert_well_formed(&l);
        assert!(l.legend_y + l.line <= l.height);
        let svg = to_svg(&l);
        assert!(svg.contains(">Izpildīts</text>") && svg.contains(">Neizpildīts</text>") && !svg.contains(">Nav datu</text>"));
        let en = to_svg(&layout(&s, MapOptions { status_year: Some(2026), current_year: 2026, lang: Lang::En, ..Default::default() }));
        assert!(en.contains(">Not achieved</text>"));
        assert!(layout(&s, MapOptions::default()).legend.is_empty(), "no legend without status colours");
        let unknown_today = layout(&s, MapOptions { status_year: Some(2026), ..Default::default() });
        assert!(unknown_today.legend.iter().any(|(st, _)| *st == Status::NoData), "with today unknown the status year counts as ended");
    }

    #[test]
    fn band_headings_follow_the_language() {
        let mut s = example();
        s.mandate = "Likums".into();
        s.vision = "Nākotne".into();
        s.values = vec![crate::model::Value { id: "v1".into(), name: "Cieņa".into(), definition: String::new() }];
        let headings = |lang| {
            let l = layout(&s, MapOptions { lang, ..Default::default() });
            l.boxes.iter().filter(|b| b.kind == BoxKind::Band).map(|b| b.lines[0].clone()).collect::<Vec<_>>()
        };
        assert_eq!(headings(Lang::Lv), ["MANDĀTS", "MISIJA", "VĪZIJA", "VĒRTĪBAS"]);
        assert_eq!(headings(Lang::En), ["MANDATE", "MISSION", "VISION", "VALUES"]);
    }

    /// Prints how long layout and SVG take for the big strategy (run with `--release --nocapture`).
    #[test]
    fn timing_of_the_big_map() {
        let s = big();
        let options = MapOptions { status_year: Some(2025), current_year: 2026, ..Default::default() };
        let runs = 5;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            layout(&s, options.clone());
        }
        let layout_time = start.elapsed() / runs;
        let l = layout(&s, options);
        let start = std::time::Instant::now();
        let svg: Vec<String> = (0..runs).map(|_| to_svg(&l)).collect();
        let svg_time = start.elapsed() / runs;
        println!(
            "big map ({} boxes, {:.0} × {:.0}, aspect {:.2}): layout {layout_time:?}, to_svg {svg_time:?} ({} bytes)",
            l.boxes.len(),
            l.width,
            l.height,
            l.width / l.height,
            svg[0].len()
        );
    }
}
