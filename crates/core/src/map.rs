//! The goal map ("mērķu karte") as boxes and connectors, laid out the way the
//! institutions draw it: a header band with mandate, mission, vision and
//! values; the overarching goal, when there is one, as a band with its
//! indicators and children; then one column per top-level item (whatever the
//! strategy's first level is called) with its goal statement and indicators,
//! and under it every level of the tree down to the indicators (key ones
//! marked `*`), each level indented under its parent. Deterministic: the same
//! strategy and options give the same layout and the same SVG.
//!
//! # What is drawn
//! A node is drawn when its level is among the first [`MapOptions::depth`]
//! levels and no ancestor is collapsed ([`MapOptions::collapsed`]); a
//! collapsed node hides its indicators and everything under it. A node with
//! boxes hidden below it ends with a `+N` marker (N boxes not drawn), on its
//! last line when it fits there. Nodes serve
//! further nodes by [`Node::serves`]; each such link between two drawn nodes
//! is a connector.
//!
//! # Default depth
//! With [`MapOptions::depth`] 0 the map draws every level of a strategy with
//! fewer than four levels. A deeper strategy gets the most levels (at least
//! three) whose map is still readable on one A3 landscape page: fitted into
//! [`A3_MM`], box text stays at least [`MIN_TEXT_MM`] high (5 pt). See
//! [`default_depth`] and [`readable_on_a3`].
//!
//! # Balancing rule
//! A *block* (a second-level node with everything drawn under it) is never
//! split. A top-level item's column is one or more *lanes* (each 340 map units
//! wide at scale 1) under a heading that spans them; its blocks go, in order,
//! into the lane that is currently shortest (the first on a tie). Columns are
//! wrapped, in order, into *bands* (rows) of at most `k` lanes.
//!
//! The height limit `t` a column may reach is chosen from the heights the
//! columns can take; each column gets the fewest lanes that keep it within
//! `t`, and for each `t` the band width `k` giving the aspect (width ÷ height)
//! nearest 1.4 (A4 and A3 landscape) is taken. Among the limits that keep the
//! map *balanced* — every column at most twice the mean column height — the
//! largest (fewest lanes) whose aspect lies in 1.1–1.8 wins, else the one with
//! the aspect nearest 1.4. When no limit balances the map (a single block
//! taller than twice the mean), every limit is considered.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::chart::status_colour;
use crate::i18n::{status_label, Lang};
use crate::model::{Id, Indicator, Node, Status, Strategy};
use crate::numbering::{label, numbers};
use crate::status::{StatusContext, STATUS_ORDER};

/// Font size of box text at scale 1, in map units (pixels at 100 %); see [`Layout::font`].
pub const FONT: f64 = 13.0;
/// Line height of box text at scale 1; see [`Layout::line`].
pub const LINE: f64 = 17.0;
/// Average width of a character in ems, for wrapping (conservative for sans-serif).
const REGULAR_EM: f64 = 0.56;
/// The same for bold text (second-level nodes, headings, the title).
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
/// The aspect aimed at (A4 and A3 landscape) and the range that counts as near it.
const ASPECT: f64 = 1.4;
const ASPECT_NEAR: (f64, f64) = (1.1, 1.8);
const EPS: f64 = 1e-6;
/// The printable area of an A3 landscape page (10 mm margins), width × height in mm.
pub const A3_MM: (f64, f64) = (400.0, 277.0);
/// The least height of box text on paper that counts as readable: 5 pt, the
/// size of footnotes in print.
pub const MIN_TEXT_MM: f64 = 5.0 * 25.4 / 72.0;
/// Strategies with at least this many levels get a default depth that fits A3.
const DEEP: usize = 4;
/// The fewest levels a default depth draws.
const MIN_DEFAULT_DEPTH: usize = 3;

/// Colours of the top-level items' columns, in turn (AA contrast with white text).
pub const COLUMN_COLOURS: [&str; 6] = ["#1d4e89", "#7a3e9d", "#0f6e62", "#9a4a00", "#8a1f3d", "#44546a"];
/// Stroke of the boxes outside the columns (header and overarching goal bands).
const NEUTRAL: &str = "#5f6368";

/// What a box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoxKind {
    /// Mandate, mission, vision or values in the header band.
    Band,
    /// The overarching goal.
    Overarching,
    /// A top-level item's heading, spanning its column.
    Top,
    /// The goal statement of a top-level item or of the overarching goal, under its heading.
    Statement,
    /// A node below the top level.
    Node,
    Indicator,
}

/// One box of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapBox {
    /// The id of the item it shows (band boxes: `"mandate"`, `"mission"`,
    /// `"vision"`, `"values"`; a statement box: its node's id).
    pub id: Id,
    pub kind: BoxKind,
    /// Index of the top-level item whose column it is in, also when only one
    /// column is drawn, so colours match the full map; `None` outside the columns.
    pub column: Option<usize>,
    /// Depth in the tree: 0 for a top-level item and the overarching goal
    /// (and their statements), 1 for their children…; an indicator is one
    /// deeper than its node; 0 for band boxes.
    pub depth: usize,
    /// Key of the node's level (empty for band, statement and indicator boxes
    /// and the overarching goal).
    pub level: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub lines: Vec<String>,
    /// How many of the first lines are bold (headings, second-level nodes).
    pub bold: usize,
    /// A key indicator, or a node marked `*` or with a key indicator.
    pub key: bool,
    /// The computed status, when status colours are on.
    pub status: Option<Status>,
    /// For a node that can be collapsed or expanded: whether it is collapsed.
    /// Its top right corner ([`MapBox::toggle_at`]) is kept free for the toggle.
    pub toggle: Option<bool>,
    /// How many boxes under it are not drawn (collapsed, or below the depth);
    /// when any, the last line ends with `+N` (or is `+N`).
    pub hidden: usize,
}

impl MapBox {
    /// The square kept free for the collapse toggle: left, top and side length.
    pub fn toggle_at(&self, l: &Layout) -> (f64, f64, f64) {
        (self.x + self.w - l.pad / 2.0 - l.line, self.y + l.pad / 2.0, l.line)
    }
}

/// A line from a node to a node that also serves it, drawn from the served
/// node's box to the serving node's box.
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
    /// The statuses that occur on the map's nodes and indicators, with their
    /// colours, in [`STATUS_ORDER`]. Empty when status colours are off.
    pub legend: Vec<(Status, String)>,
    /// Top of the legend, below the columns.
    pub legend_y: f64,
    /// How many levels are drawn (the default resolved; see the module docs).
    pub depth: usize,
}

/// Options for laying out and drawing the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    /// Colour boxes by status for this year.
    pub status_year: Option<i32>,
    /// Today's year, for deciding what is due; 0 means unknown, and then the
    /// status year counts as ended.
    pub current_year: i32,
    /// Draw only this top-level item's column (with the header and overarching goal bands).
    pub only_item: Option<Id>,
    /// Text size factor (1.0 normal, e.g. 1.6 for a projector); fonts, lines,
    /// paddings and lane widths scale with it. Clamped to 0.25–4; not a
    /// positive number means 1.
    pub scale: f64,
    /// Language of the band headings and the legend.
    pub lang: Lang,
    /// How many levels to draw, top first; 0 means the default (see the
    /// module docs); as many as the strategy has, or more, draws everything.
    pub depth: usize,
    /// Nodes whose indicators and subtrees are hidden.
    pub collapsed: HashSet<Id>,
}

impl Default for MapOptions {
    /// No status colours, current year unknown, every column, scale 1,
    /// Latvian, the default depth, nothing collapsed.
    fn default() -> Self {
        MapOptions { status_year: None, current_year: 0, only_item: None, scale: 1.0, lang: Lang::Lv, depth: 0, collapsed: HashSet::new() }
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

    /// The width a box's text may take: less the toggle's corner when it has one.
    fn text_w(&self, width: f64, toggle: bool) -> f64 {
        if toggle { width - self.line } else { width }
    }

    fn box_h(&self, lines: usize) -> f64 {
        2.0 * self.pad + self.line * lines.max(1) as f64
    }

    /// Width of `lanes` lanes side by side.
    fn span(&self, lanes: usize) -> f64 {
        lanes as f64 * self.lane + lanes.saturating_sub(1) as f64 * self.gap
    }

    /// How many lanes fit side by side in `inner` width (at least one).
    fn lanes_in(&self, inner: f64) -> usize {
        (((inner + self.gap) / (self.lane + self.gap) + EPS).floor() as usize).max(1)
    }

    /// Space between blocks in a lane.
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
    fn text_box(&self, id: &str, kind: BoxKind, column: Option<usize>, w: f64, lines: Vec<String>) -> MapBox {
        MapBox {
            id: id.to_string(),
            kind,
            column,
            depth: 0,
            level: String::new(),
            x: 0.0,
            y: 0.0,
            w,
            h: self.box_h(lines.len()),
            lines,
            bold: 0,
            key: false,
            status: None,
            toggle: None,
            hidden: 0,
        }
    }
}

/// Boxes laid out from (0, 0), with their height.
#[derive(Debug, Clone, Default)]
struct Block {
    boxes: Vec<MapBox>,
    h: f64,
}

impl Block {
    /// The boxes moved by (`dx`, `dy`).
    fn moved(&self, dx: f64, dy: f64) -> impl Iterator<Item = MapBox> + '_ {
        self.boxes.iter().map(move |b| MapBox { x: b.x + dx, y: b.y + dy, ..b.clone() })
    }
}

/// How many boxes a node's indicators and subtree take.
fn boxes_below(node: &Node) -> usize {
    node.indicators.len() + node.children.iter().map(|c| 1 + boxes_below(c)).sum::<usize>()
}

/// Ends the last of `lines` with `marker` when it fits within `max`
/// characters, else adds it as a line of its own.
fn append_marker(lines: &mut Vec<String>, marker: &str, max: usize) {
    match lines.last_mut() {
        Some(last) if last.chars().count() + 1 + marker.chars().count() <= max => {
            last.push(' ');
            last.push_str(marker);
        }
        _ => lines.push(marker.to_string()),
    }
}

/// Builds the boxes of the tree for one set of options.
struct Draw<'a> {
    s: &'a Strategy,
    numbers: HashMap<Id, String>,
    m: Metrics,
    status: Option<(StatusContext<'a>, i32)>,
    /// Levels with an index below this are drawn.
    depth: usize,
    collapsed: &'a HashSet<Id>,
}

impl Draw<'_> {
    /// A node's level index: its declared level, else one below its parent's.
    fn level(&self, node: &Node, parent: Option<usize>) -> usize {
        self.s.level_index(&node.level).unwrap_or_else(|| parent.map_or(0, |p| p + 1))
    }

    /// The children of a node (at level `level`) that are drawn, with their levels.
    fn shown_children<'n>(&self, node: &'n Node, level: usize) -> Vec<(&'n Node, usize)> {
        if self.collapsed.contains(&node.id) {
            return Vec::new();
        }
        node.children.iter().map(|c| (c, self.level(c, Some(level)))).filter(|(_, l)| *l < self.depth).collect()
    }

    /// Boxes directly under a node that are not drawn, with their subtrees.
    fn hidden(&self, node: &Node, level: usize) -> usize {
        if self.collapsed.contains(&node.id) {
            return boxes_below(node);
        }
        node.children.iter().filter(|c| self.level(c, Some(level)) >= self.depth).map(|c| 1 + boxes_below(c)).sum()
    }

    /// Whether a node is collapsed, when there is anything to collapse or expand.
    fn toggle(&self, node: &Node, level: usize) -> Option<bool> {
        if self.collapsed.contains(&node.id) {
            Some(true)
        } else {
            (!node.indicators.is_empty() || !self.shown_children(node, level).is_empty()).then_some(false)
        }
    }

    fn node_status(&self, node: &Node) -> Option<Status> {
        self.status.as_ref().map(|(c, y)| c.node(node, *y))
    }

    /// A node's box `w` wide at (0, 0): `heading` first, then its label, then
    /// the `+N` marker. Headings, top-level items, the overarching goal and
    /// second-level nodes are bold.
    fn node_box(&self, node: &Node, kind: BoxKind, column: Option<usize>, (depth, level): (usize, usize), w: f64, heading: Option<&str>) -> MapBox {
        let bold = kind != BoxKind::Node || depth == 1;
        let toggle = self.toggle(node, level);
        let hidden = self.hidden(node, level);
        let mut lines: Vec<String> = heading.map(str::to_string).into_iter().collect();
        let title = label(&self.numbers, node);
        if !title.trim().is_empty() || lines.is_empty() {
            lines.extend(wrap(&title, self.m.chars(self.m.text_w(w, toggle.is_some()), bold)));
        }
        let bold_lines = if bold { lines.len() } else { usize::from(heading.is_some()) };
        if hidden > 0 {
            append_marker(&mut lines, &format!("+{hidden}"), self.m.chars(self.m.text_w(w, toggle.is_some()), bold));
        }
        let mut b = self.m.text_box(&node.id, kind, column, w, lines);
        b.depth = depth;
        b.level = if kind == BoxKind::Overarching { String::new() } else { node.level.clone() };
        b.bold = bold_lines;
        b.key = kind == BoxKind::Node && (node.title.trim_end().ends_with('*') || node.indicators.iter().any(|i| i.key));
        b.status = self.node_status(node);
        b.toggle = toggle;
        b.hidden = hidden;
        b
    }

    /// The goal statement of a node as a box `w` wide at (0, 0), if it has one.
    fn statement(&self, node: &Node, column: Option<usize>, w: f64) -> Option<MapBox> {
        let text = node.goal_statement.trim();
        (!text.is_empty()).then(|| self.m.text_box(&node.id, BoxKind::Statement, column, w, wrap(text, self.m.chars(w, false))))
    }

    /// An indicator's box `w` wide at (0, 0).
    fn indicator_box(&self, i: &Indicator, column: Option<usize>, depth: usize, w: f64) -> MapBox {
        let mark = if i.key { "* " } else { "• " };
        let mut b = self.m.text_box(&i.id, BoxKind::Indicator, column, w, wrap(&format!("{mark}{}", i.name), self.m.chars(w, false)));
        b.depth = depth;
        b.key = i.key;
        b.status = self.status.as_ref().map(|(c, y)| c.indicator(i, *y));
        b
    }

    /// Indicator boxes `w` wide stacked from (`x`, `y`); returns the y below them.
    fn indicators(&self, out: &mut Vec<MapBox>, list: &[Indicator], column: Option<usize>, depth: usize, (x, mut y): (f64, f64), w: f64) -> f64 {
        for i in list {
            let b = MapBox { x, y, ..self.indicator_box(i, column, depth, w) };
            y += b.h;
            out.push(b);
        }
        y
    }

    /// A node at depth `d` of a block (0: the block's own node) from `y`: its
    /// box, its indicators and its drawn children, each level one indent
    /// further in. Returns the y below them.
    fn rows(&self, out: &mut Vec<MapBox>, node: &Node, column: Option<usize>, (d, level): (usize, usize), y: f64) -> f64 {
        let m = &self.m;
        let x = d as f64 * m.indent;
        let w = m.lane - x;
        let b = MapBox { x, y, ..self.node_box(node, BoxKind::Node, column, (d + 1, level), w, None) };
        let mut y = y + b.h;
        out.push(b);
        if self.collapsed.contains(&node.id) {
            return y;
        }
        y = self.indicators(out, &node.indicators, column, d + 2, (x + m.indent, y), w - m.indent);
        let children = self.shown_children(node, level);
        if !children.is_empty() {
            y += m.gap / 2.0;
            for (child, l) in children {
                y = self.rows(out, child, column, (d + 1, l), y) + m.gap / 2.0;
            }
            y -= m.gap / 2.0;
        }
        y
    }

    /// A second-level node with everything drawn under it.
    fn block(&self, node: &Node, column: Option<usize>, level: usize) -> Block {
        let mut boxes = Vec::new();
        let h = self.rows(&mut boxes, node, column, (0, level), 0.0);
        Block { boxes, h }
    }

    /// The blocks of a node's drawn children.
    fn blocks(&self, node: &Node, column: Option<usize>, level: usize) -> Vec<Block> {
        self.shown_children(node, level).into_iter().map(|(c, l)| self.block(c, column, l)).collect()
    }
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

/// Blocks placed into `lanes` lanes from (`x`, `y`); returns their boxes and the tallest lane's height.
fn place_blocks(blocks: &[Block], lanes: usize, (x, y): (f64, f64), m: &Metrics) -> (Vec<MapBox>, f64) {
    let heights: Vec<f64> = blocks.iter().map(|b| b.h).collect();
    let (places, tallest) = fill_lanes(&heights, lanes, m.block_gap());
    let boxes = blocks.iter().zip(places).flat_map(|(b, (lane, top))| b.moved(x + lane as f64 * (m.lane + m.gap), y + top)).collect();
    (boxes, tallest)
}

/// One top-level item's column, measured for every possible number of lanes.
struct Column {
    blocks: Vec<Block>,
    /// For 1, 2, … lanes (one per block at most): the heading, statement and
    /// own indicators laid out from (0, 0), and the column's height.
    heads: Vec<(Block, f64)>,
}

impl Column {
    fn new(index: usize, node: &Node, d: &Draw) -> Self {
        let m = &d.m;
        let column = Some(index);
        let level = d.level(node, None);
        let blocks = d.blocks(node, column, level);
        let heads = (1..=blocks.len().max(1))
            .map(|lanes| {
                let w = m.span(lanes);
                let mut head = Block::default();
                let title = d.node_box(node, BoxKind::Top, column, (0, level), w, None);
                let mut y = title.h;
                head.boxes.push(title);
                if let Some(st) = d.statement(node, column, w) {
                    let h = st.h;
                    head.boxes.push(MapBox { y, ..st });
                    y += h;
                }
                if !d.collapsed.contains(&node.id) {
                    y = d.indicators(&mut head.boxes, &node.indicators, column, 1, (m.indent, y), w - m.indent);
                }
                head.h = y;
                let lanes_h = if blocks.is_empty() { 0.0 } else { m.gap + place_blocks(&blocks, lanes, (0.0, 0.0), m).1 };
                (head, y + lanes_h)
            })
            .collect();
        Column { blocks, heads }
    }

    /// The column's height with `lanes` lanes.
    fn height(&self, lanes: usize) -> f64 {
        self.heads[lanes - 1].1
    }

    /// The fewest lanes that keep the column within `limit`.
    fn lanes_for(&self, limit: f64) -> usize {
        self.heads.iter().position(|(_, h)| *h <= limit + EPS).map_or(self.heads.len(), |i| i + 1)
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
    let height = bands.iter().map(|band| band.iter().map(|&i| cols[i].height(lanes[i])).fold(0.0, f64::max)).sum::<f64>()
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
    let floor = cols.iter().map(|c| c.heads.iter().map(|(_, h)| *h).fold(f64::INFINITY, f64::min)).fold(0.0, f64::max);
    let mut limits: Vec<f64> = cols.iter().flat_map(|c| c.heads.iter().map(|(_, h)| *h)).filter(|&t| t >= floor).collect();
    limits.sort_by(|a, b| b.total_cmp(a));
    limits.dedup();
    let candidates: Vec<Candidate> = limits
        .iter()
        .map(|&limit| {
            let lanes: Vec<usize> = cols.iter().map(|c| c.lanes_for(limit)).collect();
            let heights: Vec<f64> = cols.iter().zip(&lanes).map(|(c, &l)| c.height(l)).collect();
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

/// `n` boxes across `inner` width from (`x`, `y`), in as few rows as keep
/// every box at least one lane wide, spread evenly over the rows, each row as
/// high as its highest box; `make(i, w)` gives box `i` at width `w`. Returns
/// them and their height.
fn grid(n: usize, inner: f64, (x, y): (f64, f64), m: &Metrics, make: &dyn Fn(usize, f64) -> MapBox) -> (Vec<MapBox>, f64) {
    if n == 0 {
        return (Vec::new(), 0.0);
    }
    let per_row = n.div_ceil(n.div_ceil(m.lanes_in(inner))).max(1);
    let mut boxes = Vec::new();
    let mut top = y;
    for start in (0..n).step_by(per_row) {
        let count = per_row.min(n - start);
        let bw = (inner - m.gap * (count - 1) as f64) / count as f64;
        let mut row: Vec<MapBox> = (0..count).map(|i| MapBox { x: x + i as f64 * (bw + m.gap), y: top, ..make(start + i, bw) }).collect();
        let h = row.iter().map(|b| b.h).fold(0.0, f64::max);
        for b in &mut row {
            b.h = h;
        }
        boxes.extend(row);
        top += h + m.gap;
    }
    (boxes, top - m.gap - y)
}

/// The header band's boxes (id, heading, text) across `inner` width from `y`.
fn header(items: &[(&str, &str, String)], inner: f64, y: f64, m: &Metrics) -> (Vec<MapBox>, f64) {
    grid(items.len(), inner, (m.margin, y), m, &|i, bw| {
        let (id, heading, text) = &items[i];
        let mut lines = vec![heading.to_string()];
        lines.extend(wrap(text, m.chars(bw, false)));
        MapBox { bold: 1, ..m.text_box(id, BoxKind::Band, None, bw, lines) }
    })
}

/// The overarching goal's band across `inner` width from `y`: its box, its
/// statement, its indicators side by side and the blocks of its children in
/// as many lanes as fit. Returns the boxes and their height.
fn overarching_band(og: &Node, blocks: &[Block], heading: &str, inner: f64, y: f64, d: &Draw) -> (Vec<MapBox>, f64) {
    let m = &d.m;
    let level = d.level(og, None);
    let head = d.node_box(og, BoxKind::Overarching, None, (0, level), inner, Some(heading));
    let mut bottom = y + head.h;
    let mut boxes = vec![MapBox { x: m.margin, y, ..head }];
    if let Some(st) = d.statement(og, None, inner) {
        boxes.push(MapBox { x: m.margin, y: bottom, ..st.clone() });
        bottom += st.h;
    }
    if d.collapsed.contains(&og.id) {
        return (boxes, bottom - y);
    }
    if !og.indicators.is_empty() {
        let (list, h) = grid(og.indicators.len(), inner, (m.margin, bottom + m.gap / 2.0), m, &|i, w| d.indicator_box(&og.indicators[i], None, 1, w));
        boxes.extend(list);
        bottom += m.gap / 2.0 + h;
    }
    if !blocks.is_empty() {
        let (list, h) = place_blocks(blocks, m.lanes_in(inner), (m.margin, bottom + m.gap), m);
        boxes.extend(list);
        bottom += m.gap + h;
    }
    (boxes, bottom - y)
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
fn total_height(sections: [f64; 4], m: &Metrics) -> f64 {
    let present: Vec<f64> = sections.into_iter().filter(|&h| h > 0.0).collect();
    m.top() + present.iter().sum::<f64>() + present.len().saturating_sub(1) as f64 * m.wide_gap() + m.margin
}

/// The depth [`layout`] draws when [`MapOptions::depth`] is 0 (see the module
/// docs): every level of a strategy with fewer than four, else the most levels
/// (at least three) whose whole map, with nothing collapsed, is
/// [`readable_on_a3`] in `lang`.
pub fn default_depth(s: &Strategy, lang: Lang) -> usize {
    let all = s.levels.len().max(1);
    if all < DEEP {
        return all;
    }
    (MIN_DEFAULT_DEPTH..=all)
        .rev()
        .find(|&depth| readable_on_a3(&layout(s, MapOptions { depth, lang, ..Default::default() })))
        .unwrap_or(MIN_DEFAULT_DEPTH)
}

/// Whether the map, fitted into an A3 landscape page's printable area
/// ([`A3_MM`]), keeps its box text at least [`MIN_TEXT_MM`] high.
pub fn readable_on_a3(l: &Layout) -> bool {
    if l.width <= 0.0 || l.height <= 0.0 {
        return true;
    }
    let mm_per_unit = (A3_MM.0 / l.width).min(A3_MM.1 / l.height);
    l.font * mm_per_unit >= MIN_TEXT_MM - EPS
}

/// Lays out the map of `s`.
pub fn layout(s: &Strategy, options: MapOptions) -> Layout {
    let m = Metrics::new(options.scale);
    let depth = if options.depth == 0 { default_depth(s, options.lang) } else { options.depth.min(s.levels.len().max(1)) };
    let current_year = if options.current_year == 0 { options.status_year.map_or(0, |y| y + 1) } else { options.current_year };
    let d = Draw {
        s,
        numbers: numbers(s),
        m,
        status: options.status_year.map(|y| (StatusContext::new(s, current_year), y)),
        // Every level drawn: nothing is cut, not even nodes of undeclared deeper levels.
        depth: if depth >= s.levels.len() { usize::MAX } else { depth },
        collapsed: &options.collapsed,
    };

    let cols: Vec<Column> = s
        .items
        .iter()
        .enumerate()
        .filter(|(_, n)| options.only_item.as_ref().is_none_or(|id| *id == n.id))
        .map(|(i, n)| Column::new(i, n, &d))
        .collect();

    // Header band: mandate, mission, vision, values.
    let (headings, og_heading) = match options.lang {
        Lang::Lv => (["MANDĀTS", "MISIJA", "VĪZIJA", "VĒRTĪBAS"], "VIRSMĒRĶIS"),
        Lang::En => (["MANDATE", "MISSION", "VISION", "VALUES"], "OVERARCHING GOAL"),
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

    // The overarching goal's children, laid out once; its band follows the width.
    let og = s.overarching_goal.as_ref();
    let og_blocks: Vec<Block> = og.map(|n| d.blocks(n, None, d.level(n, None))).unwrap_or_default();
    let band_of = |inner: f64, y: f64| og.map_or((Vec::new(), 0.0), |n| overarching_band(n, &og_blocks, og_heading, inner, y, &d));

    // Legend: the statuses shown as colours (headings keep their own colour).
    let legend: Vec<(Status, String)> = if options.status_year.is_some() {
        let column_boxes = cols.iter().flat_map(|c| c.blocks.iter().chain(c.heads.first().map(|(h, _)| h))).flat_map(|b| b.boxes.iter());
        let og_boxes = band_of(m.lane, 0.0).0;
        let seen: HashSet<Status> =
            column_boxes.chain(&og_boxes).filter(|b| matches!(b.kind, BoxKind::Node | BoxKind::Indicator)).filter_map(|b| b.status).collect();
        STATUS_ORDER.into_iter().filter(|st| seen.contains(st)).map(|st| (st, status_colour(st).to_string())).collect()
    } else {
        Vec::new()
    };

    let title_w = s.title.chars().count() as f64 * m.title_font() * BOLD_EM;
    let inner_of = |bands_w: f64| bands_w.max(title_w).max(m.lane);
    let mut heights: HashMap<u64, (f64, f64)> = HashMap::new();
    let mut size = |bands_w: f64, bands_h: f64| {
        let inner = inner_of(bands_w);
        let (header_h, band_h) = *heights.entry(inner.to_bits()).or_insert_with(|| (header(&items, inner, 0.0, &m).1, band_of(inner, 0.0).1));
        let legend_h = legend_flow(&legend, options.lang, inner, &m).1;
        (inner + 2.0 * m.margin, total_height([header_h, band_h, bands_h, legend_h], &m))
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
    let (band, band_h) = band_of(inner, y);
    boxes.extend(band);
    if band_h > 0.0 {
        y += band_h + m.wide_gap();
    }
    for band in &bands {
        let mut x = m.margin;
        for &ci in band {
            let (c, l) = (&cols[ci], lanes[ci]);
            let head = &c.heads[l - 1].0;
            boxes.extend(head.moved(x, y));
            boxes.extend(place_blocks(&c.blocks, l, (x, y + head.h + m.gap), &m).0);
            x += m.span(l) + m.wide_gap();
        }
        y += band.iter().map(|&i| cols[i].height(lanes[i])).fold(0.0, f64::max) + m.wide_gap();
    }
    let connectors = connectors(s, &boxes);
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
        depth,
    }
}

/// A connector from each drawn node to each drawn node that also serves it,
/// in the order of the serving nodes' boxes.
fn connectors(s: &Strategy, boxes: &[MapBox]) -> Vec<Connector> {
    let nodes: HashMap<&str, &Node> = s.nodes().into_iter().map(|n| (n.node.id.as_str(), n.node)).collect();
    let drawn: HashMap<&str, &MapBox> =
        boxes.iter().filter(|b| matches!(b.kind, BoxKind::Node | BoxKind::Top | BoxKind::Overarching)).map(|b| (b.id.as_str(), b)).collect();
    let mut out = Vec::new();
    for rb in boxes.iter().filter(|b| matches!(b.kind, BoxKind::Node | BoxKind::Top | BoxKind::Overarching)) {
        let Some(node) = nodes.get(rb.id.as_str()) else { continue };
        for target in &node.serves {
            let Some(gb) = drawn.get(target.as_str()) else { continue };
            let x1 = gb.x + gb.w / 2.0;
            let y1 = if rb.y >= gb.y { gb.y + gb.h } else { gb.y };
            let x2 = if x1 > rb.x + rb.w { rb.x + rb.w } else { rb.x };
            let y2 = rb.y + rb.h / 2.0;
            let mid = (y1 + y2) / 2.0;
            out.push(Connector { from: target.clone(), to: rb.id.clone(), path: format!("M{x1:.1},{y1:.1} C{x1:.1},{mid:.1} {x2:.1},{mid:.1} {x2:.1},{y2:.1}") });
        }
    }
    out
}

/// How the nodes of a strategy relate, for highlighting: built once, then
/// [`Relations::related`] for any number of nodes.
#[derive(Debug, Clone, Default)]
pub struct Relations<'a> {
    parent: HashMap<&'a str, &'a str>,
    node: HashMap<&'a str, &'a Node>,
    /// The nodes that also serve a node, by its id.
    served_by: HashMap<&'a str, Vec<&'a Node>>,
}

impl<'a> Relations<'a> {
    /// The relations in `s`.
    pub fn of(s: &'a Strategy) -> Self {
        let mut r = Relations::default();
        for n in s.nodes() {
            r.node.entry(&n.node.id).or_insert(n.node);
            if let Some(p) = n.ancestors.last() {
                r.parent.entry(&n.node.id).or_insert(&p.id);
            }
            for target in &n.node.serves {
                r.served_by.entry(target).or_default().push(n.node);
            }
        }
        r
    }

    /// The ids a node's highlight covers: the node, its ancestors, its
    /// subtree (nodes and indicators); the nodes it or any node of its subtree
    /// also serves; and the nodes that also serve any of those, with their
    /// subtrees. Just `id` when it is no node.
    pub fn related(&self, id: &str) -> HashSet<Id> {
        let mut out = HashSet::from([id.to_string()]);
        let Some(node) = self.node.get(id) else { return out };
        let mut up = id;
        while let Some(p) = self.parent.get(up) {
            out.insert(p.to_string());
            up = p;
        }
        let mut subtree = Vec::new();
        collect(node, &mut out, &mut subtree);
        for n in subtree {
            out.extend(n.serves.iter().cloned());
            for serving in self.served_by.get(n.id.as_str()).into_iter().flatten() {
                collect(serving, &mut out, &mut Vec::new());
            }
        }
        out
    }
}

/// Adds a node's id, its indicators' ids and its subtree's to `out`, and the nodes to `nodes`.
fn collect<'a>(node: &'a Node, out: &mut HashSet<Id>, nodes: &mut Vec<&'a Node>) {
    out.insert(node.id.clone());
    out.extend(node.indicators.iter().map(|i| i.id.clone()));
    nodes.push(node);
    for c in &node.children {
        collect(c, out, nodes);
    }
}

/// The ids a node's highlight covers (see [`Relations::related`]); use
/// [`Relations`] for many nodes.
pub fn related_to(s: &Strategy, node_id: &str) -> HashSet<Id> {
    Relations::of(s).related(node_id)
}

/// `text` for XML or HTML character data or a quoted attribute value: markup
/// characters and quotes escaped, characters XML does not allow (most control
/// characters, U+FFFE, U+FFFF) left out. The one escape of every markup the
/// core writes (the goal map, the documents' HTML).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// The fill, text and stroke colours of a box.
pub fn box_colours(b: &MapBox) -> (&'static str, &'static str, &'static str) {
    let stroke = b.column.map_or(NEUTRAL, |c| COLUMN_COLOURS[c % COLUMN_COLOURS.len()]);
    let (fill, text) = match (b.kind, b.status) {
        (BoxKind::Band, _) => ("#f1f3f4", "#202124"),
        (BoxKind::Overarching, _) => ("#3c4043", "#ffffff"),
        (BoxKind::Top, _) => (stroke, "#ffffff"),
        (BoxKind::Statement, _) => ("#eef1f5", "#202124"),
        (BoxKind::Node | BoxKind::Indicator, Some(status)) => (status_colour(status), "#ffffff"),
        (BoxKind::Node, None) if b.depth <= 1 => ("#ffffff", "#202124"),
        (BoxKind::Node, None) => ("#f8f9fa", "#202124"),
        (BoxKind::Indicator, None) => ("#ffffff", "#3c4043"),
    };
    (fill, text, stroke)
}

/// The font the map is drawn in.
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, sans-serif";

/// Which nodes' highlights keep each item lit, by the nodes' positions among
/// the strategy's nodes ([`Strategy::nodes`]), never by their ids or any
/// other content, so the page's one highlight rule is built from a number
/// (see [`to_page_svg`]). An indicator highlights as its node does.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Highlights {
    /// The position of each node, and of each indicator's node.
    position: HashMap<Id, usize>,
    /// Each item's `data-lit` value, e.g. `n0 n5`.
    lit: HashMap<Id, String>,
}

impl Highlights {
    /// The highlights of `s` (see [`Relations::related`]).
    pub fn of(s: &Strategy) -> Self {
        let relations = Relations::of(s);
        let mut out = Highlights::default();
        for (n, r) in s.nodes().into_iter().enumerate() {
            out.position.entry(r.node.id.clone()).or_insert(n);
            for i in &r.node.indicators {
                out.position.entry(i.id.clone()).or_insert(n);
            }
            for id in relations.related(&r.node.id) {
                let lit = out.lit.entry(id).or_default();
                if !lit.is_empty() {
                    lit.push(' ');
                }
                let _ = write!(lit, "n{n}");
            }
        }
        out
    }

    /// The position of the node whose highlight the item `id` starts.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    /// The `data-lit` value of an item.
    pub fn of_item(&self, id: &str) -> &str {
        self.lit.get(id).map_or("", String::as_str)
    }

    /// The `data-lit` value of a connector: lit by what lights both its ends.
    pub fn of_link(&self, from: &str, to: &str) -> String {
        let from: HashSet<&str> = self.of_item(from).split(' ').collect();
        self.of_item(to).split(' ').filter(|n| !n.is_empty() && from.contains(n)).collect::<Vec<_>>().join(" ")
    }
}

/// The map as a standalone SVG document (for export and the command line):
/// [`draw`] on a white page, with the legend.
pub fn to_svg(layout: &Layout) -> String {
    let mut out = String::new();
    let (w, h) = (layout.width, layout.height);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" font-family=\"{FONT_FAMILY}\" font-size=\"{:.1}\">",
        layout.font
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    draw(layout, None, &mut out);
    out.push_str("</svg>\n");
    out
}

/// The map as the page shows it: the content of the page's `<svg>` (which
/// sets [`FONT_FAMILY`] and the size), drawn by [`draw`] with what the page
/// needs to be used: every box but a band box is a button named by its text
/// (`class="map-box"`, `data-pos` the position of the node whose highlight it
/// starts, `data-lit` the positions that keep it lit), a band box an image
/// with a label, each connector `class="connector"` with its `data-lit`, and
/// each box that can be collapsed gets a +/− toggle button of its own
/// (`class="map-toggle"`, `data-for` its node) in its top right corner. The
/// legend is the page's own list.
pub fn to_page_svg(layout: &Layout, highlights: &Highlights) -> String {
    let mut out = String::new();
    draw(layout, Some(highlights), &mut out);
    out
}

/// Draws the title, the connectors, the boxes and, for a file (no
/// `highlights`), the legend: the one drawing of the map for screen, file
/// and print.
fn draw(layout: &Layout, highlights: Option<&Highlights>, out: &mut String) {
    let m = Metrics::new(layout.font / FONT);
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" font-weight=\"bold\" fill=\"#202124\">{}</text>",
        m.margin,
        m.margin + 8.0 * m.scale,
        m.title_font(),
        escape(&layout.title)
    );
    for c in &layout.connectors {
        let _ = write!(out, "<path d=\"{}\" fill=\"none\" stroke=\"#5f6368\" stroke-width=\"{:.1}\" stroke-dasharray=\"4 3\"", c.path, 1.5 * m.scale);
        if let Some(h) = highlights {
            let _ = write!(out, " class=\"connector\" data-from=\"{}\" data-lit=\"{}\"", escape(&c.from), h.of_link(&c.from, &c.to));
        }
        out.push_str("/>\n");
    }
    let baseline = |y: f64, i: usize| y + m.pad + m.line * (i as f64 + 1.0) - 4.0 * m.scale;
    for b in &layout.boxes {
        let (fill, text, stroke) = box_colours(b);
        let _ = write!(out, "<g data-id=\"{}\"", escape(&b.id));
        if let Some(h) = highlights {
            let _ = write!(out, " class=\"map-box\" data-kind=\"{}\" data-lit=\"{}\"", kind_name(b.kind), h.of_item(&b.id));
            if !b.level.is_empty() {
                let _ = write!(out, " data-level=\"{}\"", escape(&b.level));
            }
            if b.kind == BoxKind::Band {
                let _ = write!(out, " role=\"img\" tabindex=\"-1\" aria-label=\"{}\"", escape(&b.lines.join(" ")));
            } else {
                out.push_str(" role=\"button\" tabindex=\"0\"");
                if let Some(n) = h.position(&b.id) {
                    let _ = write!(out, " data-pos=\"{n}\"");
                }
            }
        }
        let _ = write!(
            out,
            "><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\"/>",
            b.x,
            b.y,
            b.w,
            b.h,
            (if b.key { 2.5 } else { 1.0 }) * m.scale
        );
        // One text with a line per tspan, each but the last ending in a
        // space, so the text reads (and is found) as the box shows it.
        let _ = write!(out, "<text fill=\"{text}\" font-size=\"{:.1}\">", m.font);
        for (i, line) in b.lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{:.1}\" y=\"{:.1}\"{}>{}{}</tspan>",
                b.x + m.pad,
                baseline(b.y, i),
                if i < b.bold { " font-weight=\"bold\"" } else { "" },
                escape(line),
                if i + 1 < b.lines.len() { " " } else { "" }
            );
        }
        out.push_str("</text></g>\n");
        if let (Some(_), Some(collapsed)) = (highlights, b.toggle) {
            let (x, y, side) = b.toggle_at(layout);
            let t = layout.lang.texts();
            let name = crate::i18n::fill(if collapsed { t.map_expand } else { t.map_collapse }, &[("name", &b.lines.join(" "))]);
            let _ = writeln!(
                out,
                "<g class=\"map-toggle\" data-for=\"{}\" role=\"button\" tabindex=\"0\" aria-expanded=\"{}\" aria-label=\"{}\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{side:.1}\" height=\"{side:.1}\" rx=\"3\" fill=\"#ffffff\" stroke=\"#5f6368\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{:.1}\" font-weight=\"bold\" fill=\"#202124\">{}</text></g>",
                escape(&b.id),
                !collapsed,
                escape(&name),
                x + side / 2.0,
                y + side * 0.78,
                m.font,
                if collapsed { "+" } else { "−" }
            );
        }
    }
    if highlights.is_none() && !layout.legend.is_empty() {
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
}

/// The `data-kind` of a box on the page.
fn kind_name(kind: BoxKind) -> &'static str {
    match kind {
        BoxKind::Band => "band",
        BoxKind::Overarching => "overarching",
        BoxKind::Top => "top",
        BoxKind::Statement => "statement",
        BoxKind::Node => "node",
        BoxKind::Indicator => "indicator",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Condition, Level, Numbering, ReportingPeriod, Target};

    fn overlaps(a: &MapBox, b: &MapBox) -> bool {
        a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01
    }

    fn example() -> Strategy {
        let mut s = Strategy { id: "s".into(), title: "Map".into(), mission: "Veidot cieņpilnu vidi".into(), ..Default::default() };
        let p1 = s.add_child(None, "Cilvēkresursi").unwrap();
        let p2 = s.add_child(None, "Vieda pārvaldība").unwrap();
        let g1 = s.add_child(Some(&p1), "Vadīta kompetenču attīstība").unwrap();
        let g2 = s.add_child(Some(&p2), "Uzlabot procesus").unwrap();
        let r = s.add_child(Some(&g1), "Veicināta klimatneitralitāte*").unwrap();
        s.add_indicator(&r, "siltumenerģijas patēriņš").unwrap();
        assert!(s.toggle_serves(&r, &g2));
        assert_eq!((p1.as_str(), p2.as_str(), g1.as_str(), g2.as_str(), r.as_str()), ("p1", "p2", "g1", "g2", "r1"));
        s
    }

    fn node(id: String, level: &str, title: String) -> Node {
        Node { id, level: level.into(), title, ..Node::default() }
    }

    /// Deterministic pseudo-random numbers for the big strategies.
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

        fn indicators(&mut self, prefix: &str, n: &mut usize, count: usize) -> Vec<Indicator> {
            self.indicators_of(prefix, n, count, (3, 14))
        }

        fn indicators_of(&mut self, prefix: &str, n: &mut usize, count: usize, (min, max): (usize, usize)) -> Vec<Indicator> {
            (0..count)
                .map(|_| {
                    *n += 1;
                    Indicator { id: format!("{prefix}{n}"), name: self.text(min, max), key: n.is_multiple_of(4), ..Default::default() }
                })
                .collect()
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
            let mut p = node(format!("p{}", k + 1), "priority", rng.text(2, 6));
            for _ in 0..goals {
                goal_n += 1;
                let mut g = node(format!("g{goal_n}"), "goal", rng.text(3, 12));
                for _ in 0..5 {
                    result_n += 1;
                    let mut r = node(format!("r{result_n}"), "result", rng.text(2, 10));
                    if result_n % 7 == 0 {
                        r.serves.push(format!("g{}", (goal_n + 16) % 60 + 1));
                    }
                    r.indicators = rng.indicators("i", &mut indicator_n, 3);
                    g.children.push(r);
                }
                p.children.push(g);
            }
            s.items.push(p);
        }
        assert_eq!((goal_n, result_n, indicator_n), (60, 300, 900));
        s
    }

    /// Four levels (priority → goal → result → task): 5 priorities, 9 goals,
    /// 35 results, each result with `per_result` indicators and `tasks` tasks
    /// of one indicator each.
    fn planned(per_result: usize, tasks: usize) -> Strategy {
        const GOALS: [usize; 5] = [2, 2, 2, 2, 1];
        const RESULTS: [usize; 9] = [4, 4, 4, 4, 4, 4, 4, 4, 3];
        let mut rng = Lcg(11);
        let mut s = Strategy {
            id: "planned".into(),
            title: "Darbības stratēģija 2024–2027".into(),
            mandate: rng.text(20, 30),
            mission: rng.text(8, 14),
            vision: rng.text(8, 14),
            values: (1..=4).map(|k| crate::model::Value { id: format!("v{k}"), name: rng.text(1, 1), definition: rng.text(4, 8), ..Default::default() }).collect(),
            ..Default::default()
        };
        s.levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
        let (mut goal_n, mut result_n, mut task_n, mut indicator_n) = (0, 0, 0, 0);
        for (k, &goals) in GOALS.iter().enumerate() {
            let mut p = node(format!("p{}", k + 1), "priority", rng.text(2, 5));
            p.goal_statement = rng.text(6, 12);
            for _ in 0..goals {
                let mut g = node(format!("g{}", goal_n + 1), "goal", rng.text(3, 6));
                for _ in 0..RESULTS[goal_n] {
                    result_n += 1;
                    let mut r = node(format!("r{result_n}"), "result", rng.text(4, 7));
                    r.indicators = rng.indicators_of("i", &mut indicator_n, per_result, (4, 7));
                    for _ in 0..tasks {
                        task_n += 1;
                        let mut t = node(format!("t{task_n}"), "task", rng.text(4, 7));
                        t.indicators = rng.indicators_of("i", &mut indicator_n, 1, (4, 7));
                        r.children.push(t);
                    }
                    g.children.push(r);
                }
                goal_n += 1;
                p.children.push(g);
            }
            s.items.push(p);
        }
        assert_eq!((goal_n, result_n), (9, 35));
        s
    }

    /// No overlaps, every box inside the map, and every line within its box's
    /// width (less the toggle's corner).
    fn assert_well_formed(l: &Layout) {
        let m = Metrics::new(l.font / FONT);
        for (i, a) in l.boxes.iter().enumerate() {
            for b in &l.boxes[i + 1..] {
                assert!(!overlaps(a, b), "{} ({:?}) overlaps {} ({:?})", a.id, a.kind, b.id, b.kind);
            }
            assert!(a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= l.width + EPS && a.y + a.h <= l.height + EPS, "{} is inside the map", a.id);
            for (li, line) in a.lines.iter().enumerate() {
                let w = line.chars().count() as f64 * m.char_w(li < a.bold) + 2.0 * m.pad;
                let room = m.text_w(a.w, a.toggle.is_some());
                assert!(w <= room + EPS, "{:?} ({w:.1}) is wider than {} ({room:.1})", line, a.id);
            }
        }
    }

    fn find<'a>(l: &'a Layout, id: &str) -> &'a MapBox {
        l.boxes.iter().find(|b| b.id == id && b.kind != BoxKind::Statement).unwrap_or_else(|| panic!("{id} is drawn"))
    }

    fn count(l: &Layout, id: &str) -> usize {
        l.boxes.iter().filter(|b| b.id == id && b.kind != BoxKind::Statement).count()
    }

    fn aspect(l: &Layout) -> f64 {
        l.width / l.height
    }

    /// Height of each column: from its heading's top to its lowest box.
    fn column_heights(l: &Layout) -> Vec<f64> {
        l.boxes
            .iter()
            .filter(|b| b.kind == BoxKind::Top)
            .map(|head| {
                let bottom = l.boxes.iter().filter(|b| b.column == head.column).map(|b| b.y + b.h).fold(0.0, f64::max);
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
        assert!(find(&l, "r1").key, "a node marked * is key");
        assert_eq!(find(&l, "p1").kind, BoxKind::Top);
        assert_eq!((find(&l, "g1").depth, find(&l, "r1").depth, find(&l, "i1").depth), (1, 2, 3));
        assert_eq!((find(&l, "g1").level.as_str(), find(&l, "i1").level.as_str()), ("goal", ""));
        assert_eq!(find(&l, "g1").lines[0], "1. Vadīta kompetenču attīstība");
        assert_eq!(find(&l, "r1").lines[0], "1.1. Veicināta klimatneitralitāte*");
        assert_eq!(l.depth, 3);
    }

    #[test]
    fn labels_honour_fixed_numbers() {
        let mut s = example();
        s.items[0].children[0].number = Some("1a".into());
        s.items[1].number = Some("B".into());
        let l = layout(&s, MapOptions::default());
        assert_eq!(find(&l, "g1").lines[0], "1a. Vadīta kompetenču attīstība");
        assert_eq!(find(&l, "r1").lines[0], "1a.1. Veicināta klimatneitralitāte*");
        assert_eq!(find(&l, "p2").lines[0], "B. Vieda pārvaldība");
        assert_eq!(find(&l, "g2").lines[0], "2. Uzlabot procesus", "a fixed number shifts no other");
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
        s.items[0].title = "<script>&".into();
        let svg = to_svg(&layout(&s, MapOptions::default()));
        assert!(svg.contains("&lt;script&gt;&amp;") && !svg.contains("<script>"));
    }

    #[test]
    fn the_page_and_the_file_are_one_drawing() {
        let s = example();
        let l = layout(&s, MapOptions { collapsed: HashSet::from(["g1".to_string()]), ..Default::default() });
        let (file, page) = (to_svg(&l), to_page_svg(&l, &Highlights::of(&s)));
        // Every box's rectangle and text, the title and the connectors are drawn alike.
        let shapes = |svg: &str| -> Vec<String> {
            svg.split('<').filter(|t| t.starts_with("rect x") || t.starts_with("tspan") || t.starts_with("path")).map(|t| t.split(" class=").next().unwrap().to_string()).collect()
        };
        let page_shapes: Vec<String> = shapes(&page).into_iter().filter(|t| !t.contains("rx=\"3\"")).collect();
        assert_eq!(shapes(&file), page_shapes);
        assert!(!l.boxes.is_empty() && page.matches("class=\"map-box\"").count() == l.boxes.len());
        // The page's boxes are buttons (band boxes labelled images), with what the highlight reads.
        let mission = l.boxes.iter().find(|b| b.kind == BoxKind::Band && b.id == "mission").unwrap();
        assert!(page.contains(&format!("data-id=\"mission\" class=\"map-box\" data-kind=\"band\" data-lit=\"\" role=\"img\" tabindex=\"-1\" aria-label=\"{}\"", mission.lines.join(" "))));
        assert!(page.contains("data-id=\"g1\" class=\"map-box\" data-kind=\"node\" data-lit=\"n0 n1 n2\" data-level=\"goal\" role=\"button\" tabindex=\"0\" data-pos=\"1\""), "{page}");
        // Only the page has toggles, named for what they do; only the file its legend.
        assert!(page.contains("class=\"map-toggle\" data-for=\"g1\" role=\"button\" tabindex=\"0\" aria-expanded=\"false\" aria-label=\"Izvērst: 1. Vadīta kompetenču attīstība +2\""), "{page}");
        assert!(page.contains("data-for=\"p1\" role=\"button\" tabindex=\"0\" aria-expanded=\"true\" aria-label=\"Sakļaut: 1. Cilvēkresursi"), "{page}");
        assert!(!file.contains("map-toggle") && !file.contains("data-pos") && !file.contains("role="));
        let coloured = layout(&s, MapOptions { status_year: Some(2025), current_year: 2026, ..Default::default() });
        assert!(to_svg(&coloured).contains("class=\"legend\"") && !to_page_svg(&coloured, &Highlights::of(&s)).contains("class=\"legend\""));
    }

    #[test]
    fn a_connector_is_lit_by_what_lights_both_its_ends() {
        let s = example();
        let h = Highlights::of(&s);
        // r1 (under g1, p1) also serves g2 (under p2): positions p1 0, g1 1, r1 2, p2 3, g2 4.
        assert_eq!((h.position("r1"), h.position(&s.items[0].children[0].children[0].indicators[0].id)), (Some(2), Some(2)));
        assert_eq!(h.of_item("g1"), "n0 n1 n2", "p2 and g2 light r1, not its parent");
        assert_eq!(h.of_item("g2"), "n0 n1 n2 n3 n4");
        assert_eq!(h.of_link("g1", "g2"), "n0 n1 n2");
        assert_eq!(h.of_link("nobody", "g2"), "");
        let l = layout(&s, MapOptions::default());
        assert!(to_page_svg(&l, &h).contains("class=\"connector\" data-from=\"g2\" data-lit=\"n0 n1 n2 n3 n4\""));
    }

    #[test]
    fn hostile_ids_and_titles_stay_inside_their_attributes_and_text() {
        let mut s = example();
        let hostile_id = "\"><image href=\"https://evil.example/x\"/><g x=\"";
        s.items[0].children[0].id = hostile_id.into();
        s.title = "</text><style>*{background:url(https://evil.example/y)}</style>\u{1}".into();
        s.items[1].children[0].title = "a\"b' <tspan>\u{1}c\u{fffe}".into();
        s.items[1].goal_statement = "<b>\u{1}".into();
        s.levels[1].key = "\"><script>".into();
        for n in &mut s.items[1].children {
            n.level = s.levels[1].key.clone();
        }
        let l = layout(&s, MapOptions::default());
        for svg in [to_svg(&l), to_page_svg(&l, &Highlights::of(&s))] {
            assert!(!svg.contains("<image") && !svg.contains("<style") && !svg.contains("<tspan>") && !svg.contains("<b>") && !svg.contains("<script"), "{svg}");
            assert!(svg.contains("data-id=\"&quot;&gt;&lt;image href=&quot;https://evil.example/x&quot;/&gt;&lt;g x=&quot;\""), "{svg}");
        }
        let svg = to_svg(&l);
        assert!(svg.contains("data-id=\"&quot;&gt;&lt;image href=&quot;https://evil.example/x&quot;/&gt;&lt;g x=&quot;\""), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;style&gt;"));
        assert!(svg.contains("a&quot;b&#39; &lt;tspan&gt;c<"), "{svg}");
        assert!(!svg.chars().any(|c| (c.is_control() && !"\t\n\r".contains(c)) || c == '\u{fffe}'), "no character XML forbids");
    }

    #[test]
    fn a_box_is_one_text_with_its_lines_as_tspans_a_space_apart() {
        let mut s = example();
        s.items[0].children[0].title = "Vadīta profesionālo (fokusā digitālo) kompetenču attīstība visā ministrijā un tās padotības iestādēs".into();
        let l = layout(&s, MapOptions::default());
        let g1 = find(&l, "g1");
        assert!(g1.lines.len() > 1);
        assert_eq!(g1.bold, g1.lines.len(), "a second-level node is bold");
        let svg = to_svg(&l);
        let start = svg.find("<g data-id=\"g1\">").unwrap();
        let element = &svg[start..start + svg[start..].find("</g>").unwrap()];
        assert_eq!(element.matches("<text").count(), 1);
        assert_eq!(element.matches("<tspan").count(), g1.lines.len());
        assert_eq!(element.matches(" font-weight=\"bold\"").count(), g1.lines.len());
        assert_eq!(element.matches(" </tspan><tspan").count(), g1.lines.len() - 1);
        assert!(element.ends_with(&format!(">{}</tspan></text>", g1.lines.last().unwrap())));
    }

    #[test]
    fn a_node_highlights_its_ancestors_subtree_and_what_it_serves_or_is_served_by() {
        let s = example();
        let g2 = related_to(&s, "g2");
        assert!(g2.contains("r1") && g2.contains("i1") && g2.contains("p2"), "{g2:?}");
        assert!(!g2.contains("g1") && !g2.contains("p1"));
        let r1 = related_to(&s, "r1");
        for id in ["r1", "i1", "g1", "p1", "g2"] {
            assert!(r1.contains(id), "{id} in {r1:?}");
        }
        assert!(!r1.contains("p2"));
        let p1 = related_to(&s, "p1");
        for id in ["p1", "g1", "r1", "i1", "g2"] {
            assert!(p1.contains(id), "{id} in {p1:?}");
        }
        assert!(!p1.contains("p2"));
        assert_eq!(related_to(&s, "i1"), HashSet::from(["i1".to_string()]), "an indicator is no node");
        let rel = Relations::of(&s);
        assert_eq!(rel.related("g2"), g2);
    }

    /// The balance criterion: every column is at most twice the mean column
    /// height; a column much taller than the others gets lanes; the map wraps
    /// into bands and stays landscape-ish.
    #[test]
    fn a_big_uneven_strategy_is_balanced_and_landscape() {
        let s = big();
        let l = layout(&s, MapOptions::default());
        for n in s.nodes() {
            assert_eq!(count(&l, &n.node.id), 1, "{}", n.node.id);
        }
        for i in s.indicator_refs() {
            assert_eq!(count(&l, &i.indicator.id), 1, "{}", i.indicator.id);
        }
        assert_eq!(l.boxes.len(), 12 + 60 + 300 + 900 + 3, "priorities, goals, results, indicators and three band boxes");
        assert_well_formed(&l);

        let mut links: Vec<(String, String)> = s.nodes().iter().flat_map(|n| n.node.serves.iter().map(|g| (g.clone(), n.node.id.clone()))).collect();
        let mut drawn: Vec<(String, String)> = l.connectors.iter().map(|c| (c.from.clone(), c.to.clone())).collect();
        links.sort();
        drawn.sort();
        assert_eq!(links.len(), 42);
        assert_eq!(drawn, links, "a connector for every serves link");

        assert!((0.8..=2.5).contains(&aspect(&l)), "aspect {:.2} ({:.0} × {:.0})", aspect(&l), l.width, l.height);
        let heights = column_heights(&l);
        assert_eq!(heights.len(), 12);
        let mean = heights.iter().sum::<f64>() / 12.0;
        let max = heights.iter().copied().fold(0.0, f64::max);
        assert!(max <= 2.0 * mean, "tallest column {max:.0} vs mean {mean:.0}");
        let lanes = |column: usize| {
            l.boxes.iter().filter(|b| b.depth == 1 && b.kind == BoxKind::Node && b.column == Some(column)).map(|b| b.x.to_bits()).collect::<HashSet<_>>().len()
        };
        assert!(lanes(11) > 1 && lanes(0) == 1, "the 12-goal priority gets lanes, the 1-goal one does not");
        assert_eq!(to_svg(&l), to_svg(&layout(&s, MapOptions::default())), "deterministic");
    }

    #[test]
    fn many_short_priorities_wrap_into_bands() {
        let mut s = Strategy { title: "Map".into(), ..Default::default() };
        for k in 1..=12 {
            let p = s.add_child(None, &format!("Prioritāte {k}")).unwrap();
            let g = s.add_child(Some(&p), "Uzlabot procesus").unwrap();
            let r = s.add_child(Some(&g), "Veikti uzlabojumi").unwrap();
            s.add_indicator(&r, "Skaits").unwrap();
        }
        let l = layout(&s, MapOptions::default());
        assert_well_formed(&l);
        let band_tops: HashSet<u64> = l.boxes.iter().filter(|b| b.kind == BoxKind::Top).map(|b| b.y.to_bits()).collect();
        assert!(band_tops.len() > 1, "12 priorities wrap into several bands");
        assert!((ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&aspect(&l)), "{:.0} × {:.0}", l.width, l.height);
        let empty = layout(&Strategy::default(), MapOptions::default());
        assert!(empty.boxes.is_empty() && empty.width > 0.0 && empty.height > 0.0);
    }

    #[test]
    fn the_example_map_keeps_three_columns_and_is_landscape() {
        let path = format!("{}/../../public/examples/lm-strategy-2024-2027.json", env!("CARGO_MANIFEST_DIR"));
        let s = crate::import(&std::fs::read_to_string(path).unwrap()).unwrap().strategy;
        let l = layout(&s, MapOptions::default());
        assert_well_formed(&l);
        let heads: Vec<&MapBox> = l.boxes.iter().filter(|b| b.kind == BoxKind::Top).collect();
        let widths: Vec<f64> = heads.iter().map(|b| b.w).collect();
        println!("example map {:.0} × {:.0}, aspect {:.2}, column widths {widths:?}", l.width, l.height, aspect(&l));
        assert_eq!(heads.len(), 3);
        assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Node && b.depth == 1).count(), 10, "goals 1–10");
        assert!((ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&aspect(&l)));
        assert!(readable_on_a3(&l));
    }

    /// Every example in `public/examples`, at its default depth, with status colours.
    #[test]
    fn every_example_map_is_well_formed_landscape_and_readable() {
        let dir = format!("{}/../../public/examples", env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
        paths.sort();
        assert!(paths.len() >= 3);
        for path in paths {
            let s = crate::import(&std::fs::read_to_string(&path).unwrap()).unwrap().strategy;
            let l = layout(&s, MapOptions { status_year: Some(s.period.start_year), current_year: 2026, ..Default::default() });
            let name = path.file_name().unwrap().to_string_lossy();
            println!("{name}: {} levels, depth {}, {} boxes, {:.0} × {:.0}, aspect {:.2}", s.levels.len(), l.depth, l.boxes.len(), l.width, l.height, aspect(&l));
            assert_well_formed(&l);
            assert!((ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&aspect(&l)), "{name}: aspect {:.2}", aspect(&l));
            assert!(readable_on_a3(&l), "{name}");
            assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Top).count(), s.items.len(), "{name}");
            assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Overarching).count(), usize::from(s.overarching_goal.is_some()), "{name}");
        }
    }

    #[test]
    fn only_item_draws_that_column_with_the_header() {
        let s = big();
        let l = layout(&s, MapOptions { only_item: Some("p9".into()), ..Default::default() });
        let goals: Vec<&str> = l.boxes.iter().filter(|b| b.kind == BoxKind::Node && b.depth == 1).map(|b| b.id.as_str()).collect();
        let own: Vec<&str> = s.items[8].children.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(goals, own);
        assert!(l.boxes.iter().filter(|b| b.kind != BoxKind::Band).all(|b| b.column == Some(8)), "the column keeps its index, so its colour");
        assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Band).count(), 3);
        assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Top).count(), 1);
        assert_well_formed(&l);
        assert!(l.connectors.iter().all(|c| own.contains(&c.from.as_str())));
        let none = layout(&s, MapOptions { only_item: Some("nope".into()), ..Default::default() });
        assert!(none.boxes.iter().all(|b| b.kind == BoxKind::Band));
    }

    #[test]
    fn a_larger_scale_gives_larger_boxes_that_still_fit() {
        let s = big();
        let normal = layout(&s, MapOptions::default());
        let large = layout(&s, MapOptions { scale: 1.6, ..Default::default() });
        assert!((large.font - FONT * 1.6).abs() < EPS && (large.line - LINE * 1.6).abs() < EPS && (large.pad - 8.0 * 1.6).abs() < EPS);
        assert_well_formed(&large);
        for id in ["p1", "g1", "r1", "i1"] {
            let (a, b) = (find(&normal, id), find(&large, id));
            assert!(b.w > a.w && b.h > a.h, "{id}: {:.0}×{:.0} → {:.0}×{:.0}", a.w, a.h, b.w, b.h);
        }
        let one = layout(&s, MapOptions { scale: 1.6, only_item: Some("p12".into()), ..Default::default() });
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
        let r2 = s.add_child(Some("g2"), "Procesi").unwrap();
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
        s.values = vec![crate::model::Value { id: "v1".into(), name: "Cieņa".into(), definition: String::new(), ..Default::default() }];
        let headings = |lang| {
            let l = layout(&s, MapOptions { lang, ..Default::default() });
            l.boxes.iter().filter(|b| b.kind == BoxKind::Band).map(|b| b.lines[0].clone()).collect::<Vec<_>>()
        };
        assert_eq!(headings(Lang::Lv), ["MANDĀTS", "MISIJA", "VĪZIJA", "VĒRTĪBAS"]);
        assert_eq!(headings(Lang::En), ["MANDATE", "MISSION", "VISION", "VALUES"]);
    }

    #[test]
    fn the_depth_limits_the_levels_drawn_and_marks_what_is_hidden() {
        let s = example();
        let two = layout(&s, MapOptions { depth: 2, ..Default::default() });
        assert_eq!((count(&two, "r1"), count(&two, "i1")), (0, 0));
        let g1 = find(&two, "g1");
        assert_eq!((g1.hidden, g1.lines.last().unwrap().as_str()), (2, "1. Vadīta kompetenču attīstība +2"), "the result and its indicator");
        assert_eq!(g1.toggle, None, "nothing drawn under it to collapse");
        assert!(two.connectors.is_empty(), "the serving result is not drawn");
        assert_eq!(two.depth, 2);
        assert_well_formed(&two);
        let one = layout(&s, MapOptions { depth: 1, ..Default::default() });
        assert!(one.boxes.iter().all(|b| matches!(b.kind, BoxKind::Band | BoxKind::Top)));
        assert_eq!((find(&one, "p1").hidden, find(&one, "p2").hidden), (3, 1));
        assert_eq!(layout(&s, MapOptions { depth: 9, ..Default::default() }).depth, 3, "more than there are draws them all");
    }

    #[test]
    fn a_collapsed_node_hides_its_indicators_and_subtree() {
        let s = example();
        let collapsed = |ids: &[&str]| MapOptions { collapsed: ids.iter().map(|x| x.to_string()).collect(), ..Default::default() };
        let full = layout(&s, MapOptions::default());
        assert_eq!((find(&full, "p1").toggle, find(&full, "g1").toggle, find(&full, "r1").toggle, find(&full, "g2").toggle), (Some(false), Some(false), Some(false), None));
        let l = layout(&s, collapsed(&["g1"]));
        assert_eq!((count(&l, "r1"), count(&l, "i1"), count(&l, "g2")), (0, 0, 1));
        let g1 = find(&l, "g1");
        assert_eq!((g1.toggle, g1.hidden, g1.lines.last().unwrap().as_str()), (Some(true), 2, "1. Vadīta kompetenču attīstība +2"));
        assert!(l.connectors.is_empty());
        assert_well_formed(&l);
        let r1 = layout(&s, collapsed(&["r1"]));
        assert_eq!((count(&r1, "r1"), count(&r1, "i1")), (1, 0), "a node's own indicators go too");
        let p1 = layout(&s, collapsed(&["p1"]));
        assert_eq!((count(&p1, "g1"), find(&p1, "p1").hidden), (0, 3));
        assert!(to_svg(&p1).contains(">1. Cilvēkresursi +3</tspan>"));
    }

    #[test]
    fn the_overarching_goal_is_a_band_above_the_columns() {
        let mut s = example();
        let key = Indicator { id: "ok1".into(), name: "nabadzības riska indekss nepārsniedz 15 %".into(), key: true, ..Default::default() };
        let other = Indicator { id: "ok2".into(), name: "2027. gadā 35 %".into(), ..Default::default() };
        let task = Node { id: "ot1".into(), level: "result".into(), title: "Kopīgs uzdevums".into(), ..Node::default() };
        s.overarching_goal =
            Some(Node { id: "og".into(), title: "Mazināt nabadzību".into(), indicators: vec![key, other], children: vec![task], ..Node::default() });
        let l = layout(&s, MapOptions::default());
        assert_well_formed(&l);
        let og = find(&l, "og");
        assert_eq!((og.kind, og.column, og.lines[0].as_str(), og.lines[1].as_str()), (BoxKind::Overarching, None, "VIRSMĒRĶIS", "Mazināt nabadzību"));
        assert_eq!(og.bold, 2);
        let columns_top = l.boxes.iter().filter(|b| b.kind == BoxKind::Top).map(|b| b.y).fold(f64::INFINITY, f64::min);
        let mission = find(&l, "mission");
        assert!(mission.y + mission.h <= og.y, "below the header band");
        for id in ["og", "ok1", "ok2", "ot1"] {
            let b = find(&l, id);
            assert!(b.y + b.h <= columns_top, "{id} above the columns");
            assert_eq!(b.column, None, "{id} is outside the columns");
        }
        assert!(find(&l, "ok1").key && find(&l, "ok1").lines[0].starts_with("* "));
        assert!((og.w - (l.width - 2.0 * MARGIN)).abs() < EPS, "the band spans the map");
        let en = layout(&s, MapOptions { lang: Lang::En, ..Default::default() });
        assert_eq!(find(&en, "og").lines[0], "OVERARCHING GOAL");
        let folded = layout(&s, MapOptions { collapsed: HashSet::from(["og".to_string()]), ..Default::default() });
        assert_eq!((count(&folded, "ok1"), count(&folded, "ot1"), find(&folded, "og").hidden), (0, 0, 3));
        let svg = to_svg(&l);
        assert!(svg.contains(">VIRSMĒRĶIS </tspan>"));
    }

    #[test]
    fn a_goal_statement_is_a_line_under_its_heading() {
        let mut s = example();
        s.items[0].goal_statement = "Mērķtiecīgi attīstīt cilvēkresursus".into();
        let l = layout(&s, MapOptions::default());
        assert_well_formed(&l);
        let head = find(&l, "p1");
        let st = l.boxes.iter().find(|b| b.kind == BoxKind::Statement).expect("a statement box");
        assert_eq!((st.id.as_str(), st.column, st.bold), ("p1", Some(0), 0));
        assert_eq!(st.lines, ["Mērķtiecīgi attīstīt cilvēkresursus"]);
        assert!((st.y - (head.y + head.h)).abs() < EPS && (st.x - head.x).abs() < EPS && (st.w - head.w).abs() < EPS);
        assert!(find(&l, "g1").y >= st.y + st.h);
        assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Statement).count(), 1, "none for an item without one");
    }

    #[test]
    fn four_levels_with_indicators_on_tasks() {
        let mut s = example();
        s.levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
        s.node_mut("r1").unwrap().indicators.clear();
        let t1 = s.add_child(Some("r1"), "Nomainīt apgaismojumu").unwrap();
        let t2 = s.add_child(Some("g2"), "Digitalizēt procesus").unwrap();
        s.node_mut(&t2).unwrap().level = "task".into();
        let i = s.add_indicator(&t1, "siltumenerģijas patēriņš samazinās").unwrap();
        s.add_indicator(&t2, "procesu skaits").unwrap();
        let ind = s.indicator_mut(&i).unwrap();
        ind.targets.push(Target { year: Some(2025), text: "≤ 300".into(), conditions: vec![Condition::AtMost { value: 300.0 }] });
        ind.actuals.push(Actual { period: ReportingPeriod::year(2025), value: Some(280.0), ..Default::default() });

        let l = layout(&s, MapOptions { status_year: Some(2025), current_year: 2026, ..Default::default() });
        assert_eq!(l.depth, 4, "a small four-level map draws every level");
        assert_well_formed(&l);
        let (g1, r1, t, ib) = (find(&l, "g1"), find(&l, "r1"), find(&l, &t1), find(&l, &i));
        assert!(g1.x < r1.x && r1.x < t.x && t.x < ib.x, "each level one indent further in");
        assert!(g1.y < r1.y && r1.y < t.y && t.y < ib.y);
        assert_eq!((t.depth, t.level.as_str(), t.lines[0].as_str()), (3, "task", "1.1.1. Nomainīt apgaismojumu"));
        assert_eq!(find(&l, &t2).lines[0], "2.1. Digitalizēt procesus", "a task straight under a goal");
        assert_eq!((ib.status, t.status, r1.status, g1.status), (Some(Status::Achieved), Some(Status::Achieved), Some(Status::Achieved), Some(Status::Achieved)));
        let three = layout(&s, MapOptions { depth: 3, ..Default::default() });
        assert_eq!((count(&three, &t1), count(&three, &i), count(&three, &t2)), (0, 0, 0));
        assert_eq!((find(&three, "r1").hidden, find(&three, "g2").hidden), (2, 2));
        assert_well_formed(&three);
    }

    /// The strategy of the brief: 5 top items, 9 second-level and 35
    /// third-level items stays one landscape page, readable on A3, at the
    /// default depth, with its fourth level too when it fits.
    #[test]
    fn five_nine_thirty_five_is_one_readable_landscape_page() {
        for (per_result, tasks) in [(1, 0), (2, 0), (1, 1), (2, 1), (2, 2)] {
            let s = planned(per_result, tasks);
            let l = layout(&s, MapOptions::default());
            println!(
                "5/9/35 with {per_result} indicators and {tasks} tasks per result: depth {}, {} boxes, {:.0} × {:.0}, aspect {:.2}, text {:.2} mm on A3",
                l.depth,
                l.boxes.len(),
                l.width,
                l.height,
                aspect(&l),
                FONT * (A3_MM.0 / l.width).min(A3_MM.1 / l.height)
            );
            assert_well_formed(&l);
            assert!((ASPECT_NEAR.0..=ASPECT_NEAR.1).contains(&aspect(&l)), "aspect {:.2}", aspect(&l));
            assert!(readable_on_a3(&l));
            assert!(l.depth >= 3);
            assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Top).count(), 5);
            assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Statement).count(), 5);
            assert_eq!(l.boxes.iter().filter(|b| b.kind == BoxKind::Node && b.depth == 2).count(), 35);
            let heights = column_heights(&l);
            let mean = heights.iter().sum::<f64>() / heights.len() as f64;
            assert!(heights.iter().all(|&h| h <= 2.0 * mean + EPS), "balanced: {heights:?}");
        }
    }

    #[test]
    fn the_default_depth_keeps_a_deep_strategy_on_one_page() {
        assert_eq!(default_depth(&example(), Lang::Lv), 3, "fewer than four levels: all of them");
        assert_eq!(default_depth(&big(), Lang::Lv), 3);
        let mut small = example();
        small.levels.push(Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical));
        small.add_child(Some("r1"), "Nomainīt apgaismojumu").unwrap();
        assert_eq!(default_depth(&small, Lang::Lv), 4, "a four-level map that fits draws every level");
        let deep = planned(2, 2);
        let all = layout(&deep, MapOptions { depth: 4, ..Default::default() });
        assert!(!readable_on_a3(&all), "{:.0} × {:.0}", all.width, all.height);
        assert_eq!(default_depth(&deep, Lang::Lv), 3, "tasks left out when they would not fit A3");
        let l = layout(&deep, MapOptions::default());
        assert_eq!(l.depth, 3);
        assert!(readable_on_a3(&l));
        assert!(l.boxes.iter().filter(|b| b.depth == 2).all(|b| b.hidden == 4), "two tasks with an indicator each under every result");
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
        let start = std::time::Instant::now();
        let rel = Relations::of(&s);
        let lit: usize = s.nodes().iter().map(|n| rel.related(&n.node.id).len()).sum();
        let related_time = start.elapsed();
        println!(
            "big map ({} boxes, {:.0} × {:.0}, aspect {:.2}): layout {layout_time:?}, to_svg {svg_time:?} ({} bytes), every node's highlight {related_time:?} ({lit} ids)",
            l.boxes.len(),
            l.width,
            l.height,
            aspect(&l),
            svg[0].len()
        );
    }
}
