//! A table's cells placed on its grid: the rule that turns the model's
//! "a spanning cell is written once, the cells it covers are left out" into
//! one slot per row and column, which every writer walks.
//!
//! Rule: each cell takes the first column of its row not covered by a cell
//! above that spans rows; a span reaching past the end of its part (header or
//! body) stops there; rows shorter than the widest are padded with empty slots,
//! and the grid is at least as wide as `Table::widths`.

use strategy_core::docs::{Cell, Table};

/// One slot of the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Slot<'a> {
    /// Where a cell starts, with its row and column span (each at least 1).
    Origin { cell: &'a Cell, rows: usize, cols: usize },
    /// Covered by the cell starting at (`row`, `col`) of the grid.
    Covered { cell: &'a Cell, row: usize, col: usize },
    /// No cell.
    Empty,
}

/// A table's header rows and body rows on one grid of `cols` columns.
#[derive(Debug)]
pub(crate) struct Grid<'a> {
    pub cols: usize,
    /// How many of `rows` are header rows (they come first).
    pub header_rows: usize,
    pub rows: Vec<Vec<Slot<'a>>>,
}

impl<'a> Grid<'a> {
    /// Places `table`'s cells.
    pub fn of(table: &'a Table) -> Grid<'a> {
        let mut rows = Vec::new();
        place(&table.header, &mut rows);
        let header_rows = rows.len();
        place(&table.rows, &mut rows);
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0).max(table.widths.len());
        for row in &mut rows {
            row.resize(cols, Slot::Empty);
        }
        Grid { cols, header_rows, rows }
    }
}

/// Places one part's rows after the `out` rows already placed.
fn place<'a>(part: &'a [Vec<Cell>], out: &mut Vec<Vec<Slot<'a>>>) {
    let first = out.len();
    out.extend(part.iter().map(|_| Vec::new()));
    let end = out.len();
    for (r, cells) in part.iter().enumerate() {
        let r = first + r;
        let mut c = 0;
        for cell in cells {
            while matches!(out[r].get(c), Some(s) if *s != Slot::Empty) {
                c += 1;
            }
            let rows = usize::from(cell.row_span.max(1)).min(end - r);
            let cols = usize::from(cell.col_span.max(1));
            for (dr, row) in out[r..r + rows].iter_mut().enumerate() {
                if row.len() < c + cols {
                    row.resize(c + cols, Slot::Empty);
                }
                for (dc, slot) in row[c..c + cols].iter_mut().enumerate() {
                    *slot = if dr == 0 && dc == 0 { Slot::Origin { cell, rows, cols } } else { Slot::Covered { cell, row: r, col: c } };
                }
            }
            c += cols;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, rows: u16, cols: u16) -> Cell {
        Cell { row_span: rows, col_span: cols, ..Cell::text(text) }
    }

    #[test]
    fn spans_cover_the_slots_beside_and_below() {
        let table = Table {
            header: vec![vec![span("A", 2, 1), span("B", 1, 2)], vec![Cell::text("b1"), Cell::text("b2")]],
            rows: vec![vec![span("x", 3, 1), Cell::text("1")], vec![Cell::text("2"), Cell::text("3")]],
            ..Table::default()
        };
        let g = Grid::of(&table);
        assert_eq!((g.cols, g.header_rows, g.rows.len()), (3, 2, 4));
        assert!(matches!(g.rows[0][0], Slot::Origin { rows: 2, cols: 1, .. }));
        assert!(matches!(g.rows[0][2], Slot::Covered { row: 0, col: 1, .. }));
        assert!(matches!(g.rows[1][0], Slot::Covered { row: 0, col: 0, .. }));
        assert!(matches!(g.rows[1][1], Slot::Origin { cell, .. } if cell.text == "b1"));
        assert!(matches!(g.rows[2][0], Slot::Origin { rows: 2, .. }), "a row span stops at the end of the body");
        assert!(matches!(g.rows[2][2], Slot::Empty), "a short row is padded");
        assert!(matches!(g.rows[3][1], Slot::Origin { cell, .. } if cell.text == "2"), "a covered slot is skipped");
        assert!(matches!(g.rows[3][2], Slot::Origin { cell, .. } if cell.text == "3"));
    }

    #[test]
    fn widths_make_the_grid_at_least_as_wide() {
        let table = Table { widths: vec![1.0; 4], rows: vec![vec![Cell::text("a")]], ..Table::default() };
        let g = Grid::of(&table);
        assert_eq!((g.cols, g.rows[0].len()), (4, 4));
    }
}
