//! Indicators: every indicator of the strategy in one spreadsheet-like
//! table, and the chart of the selected one.

use leptos::prelude::*;
use strategy_core::table::{columns, Column};
use strategy_core::Indicator;

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
    let rows = Memo::new(move |_| {
        app.read(|s, _| Some(s.indicator_refs().into_iter().map(|r| r.indicator.id.clone()).collect::<Vec<_>>())).unwrap_or_default()
    });
    let goal_numbers = Memo::new(move |_| {
        let numbers = app.numbers.get();
        app.read(|s, _| {
            Some(
                s.indicator_refs()
                    .into_iter()
                    .map(|r| (r.indicator.id.clone(), r.goal.and_then(|g| numbers.get(&g.id).cloned()).unwrap_or_default()))
                    .collect::<std::collections::HashMap<_, _>>(),
            )
        })
        .unwrap_or_default()
    });
    let row_of = Memo::new(move |_| rows.with(|r| r.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect::<std::collections::HashMap<_, _>>()));
    let cols = Memo::new(move |_| app.read(|s, _| Some(columns(s))).unwrap_or_default());
    let selected = RwSignal::new(None::<String>);
    let chosen = move || selected.get().filter(|id| row_of.with(|r| r.contains_key(id))).or_else(|| rows.with(|r| r.first().cloned()));
    let chart_indicator = Signal::derive(move || chosen().and_then(|id| app.read_item::<Indicator, _>(&id, Clone::clone)));
    let period = Signal::derive(move || app.read(|s, _| Some(s.period)).unwrap_or_default());
    let header = move || {
        let t = t();
        cols.get().into_iter().map(|c| view! { <th scope="col">{column_label(t, c)}</th> }).collect_view()
    };
    view! {
        <h1>{move || t().section_indicators}</h1>
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p>{t().no_indicators}</p> }>
            <p class="lead">{move || t().table_hint}</p>
            <div class="table-wrap">
                <table class="indicator-table">
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
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
                                let number = move || goal_numbers.with(|g| g.get(&sid.get_value()).cloned().unwrap_or_default());
                                let is_selected = move || chosen().as_deref() == Some(sid.get_value().as_str());
                                view! {
                                    <tr class:selected=is_selected>
                                        <th scope="row">
                                            <button type="button" class="row-select" on:click=move |_| selected.set(Some(sid.get_value())) aria-pressed=move || is_selected().to_string() title=move || t().chart_of>
                                                {number}
                                                " ▸"
                                            </button>
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
            <section class="card" aria-label=move || chart_indicator.get().map(|i| strategy_core::i18n::fill(t().chart_of, &[("name", &i.name)])).unwrap_or_default()>
                <IndicatorChart indicator=chart_indicator period=period />
            </section>
        </Show>
    }
}
