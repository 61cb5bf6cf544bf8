//! One editable cell of the indicator table: Enter moves down, a pasted block
//! of spreadsheet rows fills the cells from here. The responsible units'
//! cell explains its codes in its tooltip.

use leptos::prelude::*;
use strategy_core::table::{cell_not_understood, explain_codes, paste_block, Column};
use strategy_core::Indicator;
use wasm_bindgen::JsCast;

use crate::state::use_app;

/// Focuses the cell at (`row`, `col`) if there is one.
fn focus_cell(row: usize, col: usize) {
    if let Ok(Some(el)) = document().query_selector(&format!("[data-cell=\"{row}-{col}\"]")) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The cell of indicator `id` in column `col` (the `col_index`-th), on row `row`.
#[component]
pub fn TableCell(id: String, col: Column, col_index: usize, #[prop(into)] row: Signal<usize>, #[prop(into)] label: TextProp, row_ids: Memo<Vec<String>>) -> impl IntoView {
    let app = use_app();
    let (value, on_change) = app.document.bind_cell(&id, col);
    let sid = StoredValue::new(id);
    let not_understood = move || app.document.read_item::<Indicator, _>(&sid.get_value(), |i| cell_not_understood(i, col)).unwrap_or(false);
    let lazy = col == Column::Responsible;
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() {
            ev.prevent_default();
            if lazy {
                on_change.run(event_target_value(&ev));
            }
            focus_cell(row.get_untracked() + 1, col_index);
        }
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if !text.contains('\t') && !text.trim_end().contains('\n') {
            return; // a single value: let the input take it
        }
        ev.prevent_default();
        let ids = row_ids.get_untracked();
        app.document.edit(None, |s| {
            paste_block(s, &ids, row.get_untracked(), col_index, &text);
        });
    };
    view! {
        <td class:not-understood=not_understood>
            <input
                data-cell=move || format!("{}-{}", row.get(), col_index)
                aria-label=move || label.get()
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
                        app.document.read(|s, _| Some(explain_codes(s, &value.get()))).unwrap_or_default()
                    } else {
                        String::new()
                    }
                }
            />
        </td>
    }
}
