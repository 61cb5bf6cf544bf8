//! A matrix of an evaluation (values × priorities, values × goals, goals ×
//! policy documents) as a grid of toggle buttons. Rule: it only shows and
//! reports: a cell is a button with `aria-pressed` named from `cell_name`
//! ("Value “Cilvēks” supports Priority 1"); a click, Space or Enter calls
//! `on_toggle` with the (row id, column id), and the caller makes the edit.
//! The grid is one tab stop: the arrow keys, Home and End move between
//! cells. A suggested cell that is not marked is drawn dotted and says so.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One row or column: its id, its header text and the words that name it in a cell's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Axis {
    pub id: String,
    /// Shown in the header.
    pub header: String,
    /// Fills `{row}` or `{col}` of the cell names.
    pub name: String,
}

/// The grid of `rows` × `cols`, marked where `marked` holds the (row, column) pair.
#[component]
pub fn EvaluationMatrix(
    /// The table's caption (its accessible name).
    #[prop(into)]
    caption: Signal<String>,
    #[prop(into)] rows: Signal<Vec<Axis>>,
    #[prop(into)] cols: Signal<Vec<Axis>>,
    #[prop(into)] marked: Signal<Vec<(String, String)>>,
    /// Cells suggested but not (yet) marked.
    #[prop(optional, into)]
    suggested: Signal<Vec<(String, String)>>,
    /// A cell's accessible name, with `{row}` and `{col}`.
    #[prop(into)]
    cell_name: Signal<&'static str>,
    /// Said after a suggested cell's name.
    #[prop(into)]
    suggested_word: Signal<&'static str>,
    /// Said when there are no rows or no columns.
    #[prop(into)]
    empty: Signal<&'static str>,
    on_toggle: Callback<(String, String)>,
) -> impl IntoView {
    let table = NodeRef::<leptos::html::Table>::new();
    // The one cell in the tab order (row, column ids); the first when unset or gone.
    let active = RwSignal::new(None::<(String, String)>);
    let is_active = move |r: &str, c: &str| {
        let known = active.with(|a| a.clone()).filter(|(ar, ac)| rows.with(|rs| rs.iter().any(|x| &x.id == ar)) && cols.with(|cs| cs.iter().any(|x| &x.id == ac)));
        match known {
            Some((ar, ac)) => ar == r && ac == c,
            None => rows.with(|rs| rs.first().is_some_and(|x| x.id == r)) && cols.with(|cs| cs.first().is_some_and(|x| x.id == c)),
        }
    };
    let focus_cell = move |r: usize, c: usize| {
        let (Some(row), Some(col)) = (rows.with_untracked(|rs| rs.get(r).map(|x| x.id.clone())), cols.with_untracked(|cs| cs.get(c).map(|x| x.id.clone()))) else { return };
        active.set(Some((row.clone(), col.clone())));
        let Some(table) = table.get_untracked() else { return };
        let table: &web_sys::Element = table.as_ref();
        // Ids are safe (letters, digits, `-`, `_`), so they go into the selector as they are.
        let found = table.query_selector(&format!("button[data-row=\"{row}\"][data-col=\"{col}\"]")).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = found {
            let _ = button.focus();
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let (Some(row), Some(col)) = (target.get_attribute("data-row"), target.get_attribute("data-col")) else { return };
        let (Some(r), Some(c)) = (rows.with_untracked(|rs| rs.iter().position(|x| x.id == row)), cols.with_untracked(|cs| cs.iter().position(|x| x.id == col))) else { return };
        let (last_r, last_c) = (rows.with_untracked(Vec::len).saturating_sub(1), cols.with_untracked(Vec::len).saturating_sub(1));
        let to = match ev.key().as_str() {
            "ArrowUp" => (r.saturating_sub(1), c),
            "ArrowDown" => ((r + 1).min(last_r), c),
            "ArrowLeft" => (r, c.saturating_sub(1)),
            "ArrowRight" => (r, (c + 1).min(last_c)),
            "Home" => (r, 0),
            "End" => (r, last_c),
            _ => return,
        };
        ev.prevent_default();
        focus_cell(to.0, to.1);
    };
    let has_cells = move || rows.with(|r| !r.is_empty()) && cols.with(|c| !c.is_empty());
    view! {
        <Show when=has_cells fallback=move || view! { <p class="muted">{empty}</p> }>
            <div class="matrix-scroll">
                <table class="matrix" node_ref=table on:keydown=on_keydown>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            <For each=move || cols.get() key=|c| c.clone() children=move |c| view! { <th scope="col" title=c.name.clone()>{c.header}</th> } />
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|r| r.clone()
                            children=move |row| {
                                let row_name = row.name.clone();
                                let row_id = row.id.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{row.header}</th>
                                        <For
                                            each=move || cols.get()
                                            key=|c| c.clone()
                                            children=move |col| {
                                                let (r, c) = (row_id.clone(), col.id.clone());
                                                let (r2, c2, r3, c3, r4, c4) = (r.clone(), c.clone(), r.clone(), c.clone(), r.clone(), c.clone());
                                                let on = Memo::new(move |_| marked.with(|m| m.iter().any(|(a, b)| *a == r2 && *b == c2)));
                                                let hinted = Memo::new(move |_| !on.get() && suggested.with(|m| m.iter().any(|(a, b)| *a == r3 && *b == c3)));
                                                let (row_name, col_name) = (row_name.clone(), col.name.clone());
                                                let name = move || {
                                                    let base = strategy_core::i18n::fill(cell_name.get(), &[("row", &row_name), ("col", &col_name)]);
                                                    if hinted.get() { format!("{base} ({})", suggested_word.get()) } else { base }
                                                };
                                                let toggle = (r.clone(), c.clone());
                                                view! {
                                                    <td>
                                                        <button
                                                            type="button"
                                                            class="matrix-cell"
                                                            class:suggested=move || hinted.get()
                                                            data-row=r.clone()
                                                            data-col=c.clone()
                                                            aria-label=name
                                                            aria-pressed=move || if on.get() { "true" } else { "false" }
                                                            tabindex=move || if is_active(&r4, &c4) { "0" } else { "-1" }
                                                            on:focus=move |_| active.set(Some((r.clone(), c.clone())))
                                                            on:click=move |_| on_toggle.run(toggle.clone())
                                                        >
                                                            <span aria-hidden="true">{move || if on.get() { "✓" } else if hinted.get() { "·" } else { "" }}</span>
                                                        </button>
                                                    </td>
                                                }
                                            }
                                        />
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
