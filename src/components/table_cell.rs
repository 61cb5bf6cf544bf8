//! One editable cell of the indicator table: Enter and ↓ move down, ↑ up,
//! Tab from a row's last cell to the next row's first (and Shift+Tab back),
//! also into rows the windowed table has not rendered yet; a pasted block of
//! spreadsheet rows fills the cells from here. The cell reads only its own
//! indicator, so typing elsewhere does not touch it. The responsible units'
//! cell explains its codes in its tooltip; a carried baseline is marked. A
//! locked indicator's cells are read-only (still focusable, so the keys
//! move through them).

use leptos::prelude::*;
use strategy_core::table::{cell_not_understood, explain_codes, paste_block, Column};
use strategy_core::Indicator;

use crate::components::carried_mark::CarriedMark;
use crate::state::use_app;

/// The cell a key moves to from (`row`, `col`) in a table of `columns`
/// columns, if that key moves at all (Tab moves natively within a row).
fn target(key: &str, shift: bool, row: usize, col: usize, columns: usize) -> Option<(usize, usize)> {
    match (key, shift) {
        ("Enter", false) | ("ArrowDown", false) => Some((row + 1, col)),
        ("ArrowUp", false) => row.checked_sub(1).map(|r| (r, col)),
        ("Tab", false) if col + 1 == columns => Some((row + 1, 0)),
        ("Tab", true) if col == 0 => row.checked_sub(1).map(|r| (r, columns - 1)),
        _ => None,
    }
}

/// The cell of indicator `id` in column `col` (the `col_index`-th of
/// `columns`), on row `row`; `move_to` focuses another cell by (row, column).
#[component]
pub fn TableCell(
    id: String,
    col: Column,
    col_index: usize,
    columns: usize,
    #[prop(into)] row: Signal<usize>,
    #[prop(into)] label: TextProp,
    row_ids: Memo<Vec<String>>,
    move_to: Callback<(usize, usize)>,
    /// The indicator is locked: the cell is read-only.
    #[prop(into)]
    locked: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let (value, on_change) = app.document.bind_cell(&id, col);
    let sid = StoredValue::new(id);
    let not_understood = move || app.document.read_item::<Indicator, _>(&sid.get_value(), |i| cell_not_understood(i, col)).unwrap_or(false);
    let lazy = col == Column::Responsible;
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let row = row.get_untracked();
        let key = ev.key();
        let Some(to) = target(&key, ev.shift_key(), row, col_index, columns) else { return };
        // Past the last row Enter stays put and Tab leaves the table.
        let inside = to.0 < row_ids.with_untracked(Vec::len);
        if inside || key == "Enter" {
            ev.prevent_default();
        }
        if lazy && key == "Enter" {
            on_change.run(event_target_value(&ev));
        }
        if inside {
            move_to.run(to);
        }
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if !text.contains('\t') && !text.trim_end().contains('\n') {
            return; // a single value: let the input take it
        }
        ev.prevent_default();
        let ids = row_ids.get_untracked();
        // Locked rows keep their cells (the edit holds the locks).
        app.document.edit(None, |s| {
            paste_block(s, &ids, row.get_untracked(), col_index, &text);
        });
    };
    view! {
        <td class:not-understood=not_understood>
            <input
                data-cell=move || format!("{}-{}", row.get(), col_index)
                aria-label=move || label.get()
                readonly=move || locked.get()
                prop:value=value
                on:input=move |ev| {
                    if !lazy {
                        on_change.run(event_target_value(&ev))
                    }
                }
                on:change=move |ev| {
                    if lazy {
                        on_change.run(event_target_value(&ev))
                    }
                }
                on:blur=move |_| app.document.seal_undo_step()
                on:keydown=on_keydown
                on:paste=on_paste
                title=move || {
                    if not_understood() {
                        app.t().not_understood.to_string()
                    } else if lazy {
                        let codes = value.get();
                        app.document.read_frame(|s, _| Some(explain_codes(s, &codes))).unwrap_or_default()
                    } else {
                        String::new()
                    }
                }
            />
            {(col == Column::Baseline).then(|| view! { <CarriedMark id=sid.get_value() /> })}
        </td>
    }
}
