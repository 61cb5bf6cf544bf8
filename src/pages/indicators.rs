//! Indicators: every indicator of the strategy in one spreadsheet-like
//! table, each beside the full number and title of the item it hangs on
//! (at any level), filtered by that item's level and by branch of the tree;
//! and the chart of the selected one.

use leptos::prelude::*;
use strategy_core::table::{columns, rows as table_rows, Column};
use strategy_core::Indicator;

use crate::components::filter_select::{level_choices, level_value, node_choices, FilterSelect};
use crate::components::indicator_chart::IndicatorChart;
use crate::components::table_cell::TableCell;
use crate::state::use_app;

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

/// The indicators section of the editor.
#[component]
pub fn IndicatorsSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let level_filter = RwSignal::new(String::new());
    let branch_filter = RwSignal::new(String::new());
    // Every row of the table with its owner's level as a filter value.
    let owners = Memo::new(move |_| {
        app.document.read(|s, ix| {
            let level_of = |id: &str| level_value(ix.node(id).and_then(|at| s.node(at)).and_then(|n| s.level_index(&n.level)));
            Some(table_rows(s).into_iter().map(|r| (level_of(&r.owner_id), r)).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    });
    let rows = Memo::new(move |_| {
        let (level, branch) = (level_filter.get(), branch_filter.get());
        owners.with(|o| {
            o.iter()
                .filter(|(l, _)| level.is_empty() || *l == level)
                .filter(|(_, r)| branch.is_empty() || r.owner_id == branch || r.ancestor_ids.contains(&branch))
                .map(|(_, r)| r.indicator_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let owner_of = Memo::new(move |_| {
        owners.with(|o| o.iter().map(|(_, r)| (r.indicator_id.clone(), (r.owner_number.clone(), r.owner_title.clone()))).collect::<std::collections::HashMap<_, _>>())
    });
    let levels = Signal::derive(move || app.document.read(|s, _| Some(level_choices(s, app.lang.get()))).unwrap_or_default());
    let branches = Signal::derive(move || {
        let numbers = app.document.numbers.get();
        app.document.read(|s, _| Some(node_choices(s, &numbers, app.lang.get()))).unwrap_or_default()
    });
    let has_indicators = move || !owners.with(Vec::is_empty);
    let row_of = Memo::new(move |_| rows.with(|r| r.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect::<std::collections::HashMap<_, _>>()));
    let cols = Memo::new(move |_| app.document.read(|s, _| Some(columns(s))).unwrap_or_default());
    let selected = RwSignal::new(None::<String>);
    let chosen = move || selected.get().filter(|id| row_of.with(|r| r.contains_key(id))).or_else(|| rows.with(|r| r.first().cloned()));
    let chart_indicator = Signal::derive(move || chosen().and_then(|id| app.document.read_item::<Indicator, _>(&id, Clone::clone)));
    let period = Signal::derive(move || app.document.read(|s, _| Some(s.period)).unwrap_or_default());
    let header = move || {
        let t = t();
        cols.get().into_iter().map(|c| view! { <th scope="col">{column_label(t, c)}</th> }).collect_view()
    };
    view! {
        <h1>{move || t().section_indicators}</h1>
        <Show when=has_indicators fallback=move || view! { <p>{t().no_indicators}</p> }>
            <p class="lead">{move || t().table_hint}</p>
            <div class="card filters grid-3">
                <FilterSelect label=move || t().filter_level value=level_filter options=levels />
                <FilterSelect label=move || t().filter_branch value=branch_filter options=branches />
            </div>
            <Show when=move || !rows.with(Vec::is_empty)>
            <div class="table-wrap">
                <table class="indicator-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().indicator_owner}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|id| id.clone()
                            children=move |id| {
                                let sid = StoredValue::new(id.clone());
                                let row = Signal::derive(move || row_of.with(|r| r.get(&sid.get_value()).copied().unwrap_or(0)));
                                let owner = move || owner_of.with(|o| o.get(&sid.get_value()).cloned().unwrap_or_default());
                                let number = move || owner().0;
                                let owner_title = move || owner().1;
                                let is_selected = move || chosen().as_deref() == Some(sid.get_value().as_str());
                                view! {
                                    <tr class:selected=is_selected>
                                        <th scope="row">
                                            <button type="button" class="row-select" on:click=move |_| selected.set(Some(sid.get_value())) aria-pressed=move || is_selected().to_string() title=move || t().chart_of>
                                                {number}
                                                " ▸"
                                            </button>
                                            " "
                                            <span class="owner-title">{owner_title}</span>
                                        </th>
                                        {move || {
                                            cols.get()
                                                .into_iter()
                                                .enumerate()
                                                .map(|(i, col)| {
                                                    let label = move || column_label(t(), col);
                                                    view! { <TableCell id=sid.get_value() col=col col_index=i row=row label=label row_ids=rows /> }
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

