//! Indicators: every indicator of the strategy in one spreadsheet-like
//! table, each beside the full number and title of the item it hangs on
//! (at any level), filtered by that item's level, by branch of the tree and
//! by text (number, item or name: the find-in-page of a table whose rows are
//! not all rendered); and the chart of the selected one.
//!
//! Rule: the table is windowed. Only the rows in view and a margin are in
//! the page, between two spaces (padding) that keep the scrollbar true to the whole
//! list (`strategy_core::window`); moving from a cell to a row not rendered
//! scrolls there and focuses it once rendered. Every list here is rebuilt on
//! changes to the outline, never on a keystroke in a cell.

use leptos::prelude::*;
use strategy_core::table::{columns, rows as table_rows, Column, TableRow};
use strategy_core::window::{scroll_to_show, window as rows_in_view, Viewport};
use strategy_core::Indicator;
use wasm_bindgen::JsCast;

use crate::components::filter_select::{level_choices, level_value, node_choices, FilterSelect};
use crate::components::indicator_chart::IndicatorChart;
use crate::components::lock_icon::LockMark;
use crate::components::table_cell::TableCell;
use crate::state::use_app;

/// Rows rendered beyond each edge of the view.
const MARGIN: usize = 8;
/// A row's height before one is measured, in pixels.
const ROW_HEIGHT: f64 = 37.0;
/// How long typing pauses before the chart of the indicator typed into is redrawn.
const CHART_PAUSE_MS: u64 = 300;

/// The header of a column in the current language.
fn column_label(t: &strategy_core::i18n::Texts, col: Column) -> String {
    match col {
        Column::Name => t.indicator_name.into(),
        Column::Unit => t.unit.into(),
        Column::Key => t.key_indicator.into(),
        Column::Baseline => t.baseline.into(),
        Column::BaselineYear => t.baseline_year.into(),
        Column::Year(y) => y.to_string(),
        Column::Final => t.final_target.into(),
        Column::Source => t.data_source.into(),
        Column::Responsible => t.responsible.into(),
    }
}

/// Whether a row matches the find text `needle` (lower case): in its
/// owner's number or title, or in the indicator's name.
fn row_matches(row: &TableRow, name: &str, needle: &str) -> bool {
    needle.is_empty() || [row.owner_number.as_str(), row.owner_title.as_str(), name].iter().any(|text| text.to_lowercase().contains(needle))
}

/// Focuses the cell at (`row`, `col`) if it is rendered; says whether it was.
fn focus_cell(row: usize, col: usize) -> bool {
    let Ok(Some(el)) = document().query_selector(&format!("[data-cell=\"{row}-{col}\"]")) else { return false };
    el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|el| el.focus().is_ok())
}

/// Focuses the cell once its row is rendered (within a few frames).
fn focus_when_rendered(row: usize, col: usize, frames: u32) {
    if !focus_cell(row, col) && frames > 0 {
        request_animation_frame(move || focus_when_rendered(row, col, frames - 1));
    }
}

/// The indicators section of the editor.
#[component]
pub fn IndicatorsSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let level_filter = RwSignal::new(String::new());
    let branch_filter = RwSignal::new(String::new());
    let text_filter = RwSignal::new(String::new());
    // Every row of the table with its owner's level as a filter value.
    let owners = Memo::new(move |_| {
        app.document
            .read_outline(|s, ix| {
                let level_of = |id: &str| level_value(ix.node(id).and_then(|at| s.node(at)).and_then(|n| s.level_index(&n.level)));
                Some(table_rows(s).into_iter().map(|r| (level_of(&r.owner_id), r)).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    let rows = Memo::new(move |_| {
        let (level, branch) = (level_filter.get(), branch_filter.get());
        let needle = text_filter.get().trim().to_lowercase();
        // Names as they are when the find text changes: a row being typed
        // into does not vanish from under the cursor.
        let name_of = |id: &str| app.document.doc.with_untracked(|d| d.as_ref().and_then(|s| app.document.index.with_untracked(|ix| s.indicator_at(ix.locate(id)?).map(|i| i.name.to_lowercase())))).unwrap_or_default();
        owners.with(|o| {
            o.iter()
                .filter(|(l, _)| level.is_empty() || *l == level)
                .filter(|(_, r)| branch.is_empty() || r.owner_id == branch || r.ancestor_ids.contains(&branch))
                .filter(|(_, r)| needle.is_empty() || row_matches(r, &name_of(&r.indicator_id), &needle))
                .map(|(_, r)| r.indicator_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let owner_of = Memo::new(move |_| {
        owners.with(|o| o.iter().map(|(_, r)| (r.indicator_id.clone(), (r.owner_number.clone(), r.owner_title.clone()))).collect::<std::collections::HashMap<_, _>>())
    });
    let levels = Memo::new(move |_| app.document.read_outline(|s, _| Some(level_choices(s, app.lang.get()))).unwrap_or_default());
    let branches = Memo::new(move |_| {
        let numbers = app.document.numbers.get();
        app.document.read_outline(|s, _| Some(node_choices(s, &numbers, app.lang.get()))).unwrap_or_default()
    });
    let has_indicators = move || !owners.with(Vec::is_empty);
    let row_of = Memo::new(move |_| rows.with(|r| r.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect::<std::collections::HashMap<_, _>>()));
    let cols = Memo::new(move |_| app.document.read_outline(|s, _| Some(columns(s))).unwrap_or_default());
    let selected = RwSignal::new(None::<String>);
    let chosen = Memo::new(move |_| selected.get().filter(|id| row_of.with(|r| r.contains_key(id))).or_else(|| rows.with(|r| r.first().cloned())));
    // The chart follows the selected indicator at once, and its edits once
    // typing pauses: a redraw takes far longer than a keystroke.
    let chart_source = Memo::new(move |_| chosen.get().and_then(|id| app.document.read_item::<Indicator, _>(&id, Clone::clone)));
    let chart_indicator = RwSignal::new(None::<Indicator>);
    let redraw = StoredValue::new_local(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    Effect::new(move |shown: Option<Option<String>>| {
        let now = chart_source.get();
        let id = now.as_ref().map(|i| i.id.clone());
        if let Some(pending) = redraw.get_value() {
            pending.clear();
        }
        if shown.as_ref() == Some(&id) {
            let later = set_timeout_with_handle(move || chart_indicator.set(chart_source.get_untracked()), std::time::Duration::from_millis(CHART_PAUSE_MS));
            redraw.set_value(later.ok());
        } else {
            chart_indicator.set(now);
        }
        id
    });
    let period = Memo::new(move |_| app.document.read_outline(|s, _| Some(s.period)).unwrap_or_default());

    // The window: the scroll container's offset and height, and a row's height, as measured.
    let wrap = NodeRef::<leptos::html::Div>::new();
    let head = NodeRef::<leptos::html::Thead>::new();
    let body = NodeRef::<leptos::html::Tbody>::new();
    let scroll_top = RwSignal::new(0.0);
    let view_height = RwSignal::new(window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0) * 0.7);
    let head_height = RwSignal::new(0.0);
    let row_height = RwSignal::new(ROW_HEIGHT);
    let viewport = move || Viewport { offset: scroll_top.get() - head_height.get(), height: view_height.get() - head_height.get(), row_height: row_height.get() };
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            view_height.set(f64::from(el.client_height()));
        }
        if let Some(h) = head.get_untracked() {
            head_height.set(h.get_bounding_client_rect().height());
        }
        let first_row = body.get_untracked().and_then(|b| b.query_selector("tr.data-row").ok().flatten());
        if let Some(h) = first_row.map(|r| r.get_bounding_client_rect().height()).filter(|h| *h > 0.0 && (*h - row_height.get_untracked()).abs() > 0.25) {
            row_height.set(h);
        }
    };
    let shown = Memo::new(move |_| rows.with(|r| rows_in_view(r.len(), viewport(), MARGIN)));
    let visible = Memo::new(move |_| {
        let range = shown.with(|w| w.rows.clone());
        rows.with(|r| r[range].to_vec())
    });
    // Measured after each render of the window (row heights follow the CSS and the font).
    Effect::new(move |_| {
        visible.track();
        request_animation_frame(measure);
    });
    // Other filters, other rows: back to the top of the table.
    Effect::new(move |seen: Option<()>| {
        rows.track();
        if seen.is_some() {
            if let Some(el) = wrap.get_untracked() {
                el.set_scroll_top(0);
            }
            measure();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || on_resize.remove());
    // Moving to a cell: focus it when rendered (focusing scrolls it into
    // view); otherwise scroll until its row is rendered, then focus it.
    let move_to = Callback::new(move |(row, col): (usize, usize)| {
        if row >= rows.with_untracked(Vec::len) || focus_cell(row, col) {
            return;
        }
        if let Some(el) = wrap.get_untracked() {
            let view = viewport_untracked(scroll_top, view_height, head_height, row_height);
            el.set_scroll_top((scroll_to_show(row, view) + head_height.get_untracked()).round() as i32);
            measure();
        }
        focus_when_rendered(row, col, 10);
    });

    let header = move || {
        let t = t();
        cols.get().into_iter().map(|c| view! { <th scope="col">{column_label(t, c)}</th> }).collect_view()
    };
    let counts = move || {
        let (shown, total) = (rows.with(Vec::len), owners.with(Vec::len));
        strategy_core::i18n::fill(t().rows_shown, &[("shown", &shown.to_string()), ("total", &total.to_string())])
    };
    view! {
        <h1>{move || t().section_indicators}</h1>
        <Show when=has_indicators fallback=move || view! { <p>{t().no_indicators}</p> }>
            <p class="lead">{move || t().table_hint}</p>
            <div class="card filters grid-3">
                <FilterSelect label=move || t().filter_level value=level_filter options=levels />
                <FilterSelect label=move || t().filter_branch value=branch_filter options=branches />
                <label class="field">
                    <span class="field-label">{move || t().filter_text}</span>
                    <input type="search" data-testid="table-find" placeholder=move || t().filter_text_hint prop:value=move || text_filter.get() on:input=move |ev| text_filter.set(event_target_value(&ev)) />
                </label>
            </div>
            <p class="rows-shown" role="status" data-testid="rows-shown">{counts}</p>
            <Show when=move || !rows.with(Vec::is_empty)>
            <div class="table-wrap windowed" node_ref=wrap on:scroll=move |_| measure()>
                // The space of the rows not rendered, above and below.
                <div style:padding-top=move || format!("{}px", shown.with(|w| w.before)) style:padding-bottom=move || format!("{}px", shown.with(|w| w.after))>
                <table class="indicator-table" aria-rowcount=move || rows.with(Vec::len) + 1>
                    <thead node_ref=head>
                        <tr aria-rowindex="1">
                            <th scope="col">{move || t().indicator_owner}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody node_ref=body>
                        <For
                            each=move || visible.get()
                            key=|id| id.clone()
                            children=move |id| {
                                let sid = StoredValue::new(id.clone());
                                let row = Signal::derive(move || row_of.with(|r| r.get(&sid.get_value()).copied().unwrap_or(0)));
                                let owner = move || owner_of.with(|o| o.get(&sid.get_value()).cloned().unwrap_or_default());
                                let number = move || owner().0;
                                let owner_title = move || owner().1;
                                let is_selected = move || chosen.with(|c| c.as_deref() == Some(sid.get_value().as_str()));
                                // A memo: typing in the row's cells does not re-run its cells' read-only flags.
                                let locked = Memo::new(move |_| app.document.read_item::<Indicator, _>(&sid.get_value(), |i| i.locked).unwrap_or(false));
                                view! {
                                    <tr class="data-row" class:selected=is_selected aria-rowindex=move || row.get() + 2>
                                        <th scope="row" title=owner_title>
                                            <button type="button" class="row-select" on:click=move |_| selected.set(Some(sid.get_value())) aria-pressed=move || is_selected().to_string() title=move || t().chart_of>
                                                {number}
                                                " ▸"
                                            </button>
                                            " "
                                            <Show when=move || locked.get()><LockMark /></Show>
                                            <span class="owner-title">{owner_title}</span>
                                        </th>
                                        {move || {
                                            cols.get()
                                                .into_iter()
                                                .enumerate()
                                                .map(|(i, col)| {
                                                    let label = move || column_label(t(), col);
                                                    view! { <TableCell id=sid.get_value() col=col col_index=i columns=cols.with_untracked(Vec::len) row=row label=label row_ids=rows move_to=move_to locked=locked /> }
                                                })
                                                .collect_view()
                                        }}
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
                </div>
            </div>
            </Show>
            <Show when=move || rows.with(Vec::is_empty)>
                <p>{move || t().no_matching}</p>
            </Show>
            <section class="card" aria-label=move || chart_indicator.get().map(|i| strategy_core::i18n::fill(t().chart_of, &[("name", &i.name)])).unwrap_or_default()>
                <IndicatorChart indicator=chart_indicator period=period />
            </section>
        </Show>
    }
}

/// The window's viewport as last measured (untracked).
fn viewport_untracked(scroll_top: RwSignal<f64>, view_height: RwSignal<f64>, head_height: RwSignal<f64>, row_height: RwSignal<f64>) -> Viewport {
    let head = head_height.get_untracked();
    Viewport { offset: scroll_top.get_untracked() - head, height: view_height.get_untracked() - head, row_height: row_height.get_untracked() }
}
