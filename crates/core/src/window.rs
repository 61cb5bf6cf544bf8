//! Windowing of a long list of rows of one height: which rows to render for
//! a scroll position (those in view and a margin on either side), how tall
//! the spacers above and below them are, so that the scrollbar is true to
//! the whole list, and where to scroll to bring a row into view. Pure
//! arithmetic over pixels; the page measures and renders.

use std::ops::Range;

/// The rendered slice of a list and the spacers around it, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// The rows to render, by index.
    pub rows: Range<usize>,
    /// The height of the space above the first rendered row.
    pub before: f64,
    /// The height of the space below the last rendered row.
    pub after: f64,
}

/// What the page measures: the list's scroll offset from its first row
/// (negative while the list starts below the top of the view), the height
/// of the view, and the height of one row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub offset: f64,
    pub height: f64,
    pub row_height: f64,
}

/// The rows of a list of `len` to render in `view`, with `margin` more rows
/// on either side. A row height that is not positive counts as one pixel
/// (a list not measured yet renders only its start).
pub fn window(len: usize, view: Viewport, margin: usize) -> Window {
    let h = if view.row_height > 0.0 { view.row_height } else { 1.0 };
    let first = (view.offset.max(0.0) / h).floor() as usize;
    let last = ((view.offset + view.height.max(0.0)).max(0.0) / h).ceil() as usize;
    let start = first.saturating_sub(margin).min(len);
    let end = last.saturating_add(margin).min(len).max(start);
    Window { rows: start..end, before: start as f64 * h, after: (len - end) as f64 * h }
}

/// The scroll offset that shows row `row` whole, moving as little as
/// possible from `view.offset`: unchanged when it is in view already.
pub fn scroll_to_show(row: usize, view: Viewport) -> f64 {
    let top = row as f64 * view.row_height;
    let bottom = top + view.row_height;
    if top < view.offset {
        top
    } else if bottom > view.offset + view.height {
        (bottom - view.height).min(top)
    } else {
        view.offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(offset: f64, height: f64) -> Viewport {
        Viewport { offset, height, row_height: 40.0 }
    }

    #[test]
    fn at_the_top_the_view_and_the_margin_below_are_rendered() {
        let w = window(3000, view(0.0, 400.0), 5);
        assert_eq!(w.rows, 0..15);
        assert_eq!(w.before, 0.0);
        assert_eq!(w.after, (3000 - 15) as f64 * 40.0);
    }

    #[test]
    fn in_the_middle_the_margin_is_on_both_sides_and_the_spacers_fill_the_rest() {
        let w = window(3000, view(40_000.0, 400.0), 5);
        assert_eq!(w.rows, 995..1015);
        assert_eq!(w.before + (w.rows.len() as f64) * 40.0 + w.after, 3000.0 * 40.0, "the scroll height is the whole list's");
    }

    #[test]
    fn a_part_row_at_either_edge_is_rendered() {
        let w = window(100, view(20.0, 100.0), 0);
        assert_eq!(w.rows, 0..3, "rows 0 (half), 1, 2 (half)");
    }

    #[test]
    fn at_the_end_the_last_row_is_rendered_and_nothing_follows() {
        let w = window(3000, view(3000.0 * 40.0 - 400.0, 400.0), 5);
        assert_eq!(w.rows, 2985..3000);
        assert_eq!(w.after, 0.0);
    }

    #[test]
    fn scrolled_past_the_end_or_a_short_list_renders_what_there_is() {
        assert_eq!(window(10, view(10_000.0, 400.0), 5).rows, 10..10);
        assert_eq!(window(10, view(0.0, 400.0), 5).rows, 0..10);
        assert_eq!(window(0, view(0.0, 400.0), 5), Window { rows: 0..0, before: 0.0, after: 0.0 });
    }

    #[test]
    fn a_list_below_the_top_of_the_view_renders_from_its_start() {
        let w = window(3000, view(-300.0, 400.0), 2);
        assert_eq!(w.rows, 0..5, "100 px of the list are in view: rows 0..3, and 2 more");
        assert_eq!(window(3000, view(-500.0, 400.0), 2).rows, 0..2, "only the margin while the list is below the view");
    }

    #[test]
    fn an_unmeasured_row_height_renders_only_the_start() {
        let w = window(3000, Viewport { offset: 0.0, height: 0.0, row_height: 0.0 }, 5);
        assert_eq!(w.rows, 0..5);
    }

    #[test]
    fn scrolling_to_a_row_moves_only_as_far_as_needed() {
        let v = view(400.0, 400.0); // rows 10..20 in view
        assert_eq!(scroll_to_show(12, v), 400.0, "in view: no move");
        assert_eq!(scroll_to_show(25, v), 26.0 * 40.0 - 400.0, "below: its bottom at the view's bottom");
        assert_eq!(scroll_to_show(3, v), 120.0, "above: its top at the view's top");
        assert_eq!(scroll_to_show(0, Viewport { offset: 0.0, height: 10.0, row_height: 40.0 }), 0.0, "a view shorter than a row shows its top");
    }
}
