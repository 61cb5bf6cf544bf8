//! Dashboard: progress at a glance for a year — for every declared level
//! "N of M achieved" as the annual report states it (under the strategy's own
//! level names), key indicators and data entry; then, for the level chosen in
//! "group by", each node's indicator statuses as stacked bars and its status
//! over the years as a heat-map. Every chart opens the items behind it.

use leptos::prelude::*;
use strategy_core::chart::{status_bars, status_heatmap};
use strategy_core::dashboard::{dashboard, reported};
use strategy_core::i18n::fill;

use crate::components::chart_view::{ChartClick, ChartView};
use crate::components::year_select::{default_reporting_year, YearSelect};
use crate::route::{Route, Section};
use crate::state::{use_app, AppState};
use crate::web;

/// The level shown by default: the second (the goals, whose "N of M
/// achieved" the annual report states), or the only one.
pub fn default_group_level(app: AppState) -> usize {
    app.document.read(|s, _| Some(usize::from(s.levels.len() > 1))).unwrap_or(0)
}

/// A labelled select of the declared levels by name, bound to `level`.
#[component]
pub fn GroupBySelect(level: RwSignal<usize>) -> impl IntoView {
    let app = use_app();
    let names = move || {
        let lang = app.lang.get();
        app.document.read(|s, _| Some(s.levels.iter().map(|l| lang.name(&l.name).to_string()).collect::<Vec<_>>())).unwrap_or_default()
    };
    view! {
        <label class="field">
            <span class="field-label">{move || app.t().group_by}</span>
            <select on:change=move |ev| {
                if let Ok(l) = event_target_value(&ev).parse() {
                    level.set(l)
                }
            }>
                {move || {
                    names()
                        .into_iter()
                        .enumerate()
                        .map(|(i, name)| view! { <option value=i.to_string() selected=move || level.get() == i>{name}</option> })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The dashboard section of the editor.
#[component]
pub fn DashboardSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let year = RwSignal::new(default_reporting_year(app));
    let group_level = RwSignal::new(default_group_level(app));
    let data = Memo::new(move |_| app.document.read(|s, _| Some(dashboard(s, year.get(), web::current_year()))));
    let open_monitoring = move |focus: Option<String>| {
        let id = app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
        app.navigate(Route::Strategy { id, section: Section::Monitoring, focus });
    };
    let lang = move || app.lang.get();
    let level_name = move || {
        data.with(|d| d.as_ref().and_then(|d| d.levels.get(group_level.get()).map(|l| lang().name(&l.name).to_string()))).unwrap_or_default()
    };
    let bars_title = move || fill(t().status_by_level, &[("level", &level_name())]);
    let heat_title = move || fill(t().level_by_year, &[("level", &level_name())]);
    let bar_chart = Signal::derive(move || data.get().and_then(|d| d.levels.get(group_level.get()).map(|l| status_bars(&l.groups, &bars_title(), lang()))));
    let heat_chart = Signal::derive(move || data.get().and_then(|d| d.levels.get(group_level.get()).map(|l| status_heatmap(&l.heat, lang()))));
    let click_bar = Callback::new(move |c: ChartClick| {
        let id = data.with_untracked(|d| d.as_ref().and_then(|d| d.levels.get(group_level.get_untracked())?.groups.get(c.data_index).map(|g| g.id.clone())));
        open_monitoring(id);
    });
    let click_heat = Callback::new(move |c: ChartClick| {
        // Heat-map items are [year index, row index, status]; the node is the row.
        let row = c.value.get(1).map(|g| *g as usize);
        let id = data.with_untracked(|d| d.as_ref().and_then(|d| d.levels.get(group_level.get_untracked())?.heat.get(row?).map(|h| h.0.clone())));
        open_monitoring(id);
    });
    let tile = move |text: String, testid: &'static str, level: Option<String>| view! { <p class="tile" data-testid=testid data-level=level>{text}</p> };
    let tiles = move || {
        data.get().map(|d| {
            let (n, m) = app.document.read(|s, _| Some(reported(s, d.year))).unwrap_or_default();
            let per_level = d
                .levels
                .iter()
                .map(|l| {
                    let text = fill(
                        t().level_achieved,
                        &[("level", lang().name(&l.name)), ("achieved", &l.statuses.achieved.to_string()), ("total", &l.statuses.total().to_string())],
                    );
                    tile(text, "level-achieved", Some(l.key.clone()))
                })
                .collect_view();
            view! {
                <div class="tiles">
                    {per_level}
                    {tile(
                        fill(t().key_achieved, &[("achieved", &d.key_achieved.to_string()), ("assessed", &d.key_assessed.to_string()), ("total", &d.key_total.to_string())]),
                        "key-achieved",
                        None,
                    )}
                    {tile(fill(t().reported_progress, &[("done", &n.to_string()), ("total", &m.to_string()), ("year", &d.year.to_string())]), "reported", None)}
                </div>
            }
        })
    };
    // Bars are 28 px a row; heights are fixed when a level is chosen.
    let height_for = |rows: usize| (rows as u32 * 28 + 110).clamp(220, 1400);
    let charts = move || {
        let rows = data.with_untracked(|d| d.as_ref().and_then(|d| d.levels.get(group_level.get()).map(|l| l.groups.len())).unwrap_or(0));
        let height = height_for(rows);
        view! {
            <section class="card">
                <ChartView chart=bar_chart label=Signal::derive(bars_title) on_click=click_bar height=height />
            </section>
            <section class="card">
                <ChartView chart=heat_chart label=Signal::derive(heat_title) on_click=click_heat height=height />
            </section>
        }
    };
    view! {
        <h1>{move || t().section_dashboard}</h1>
        <div class="grid-3">
            <YearSelect year=year />
            <GroupBySelect level=group_level />
        </div>
        {tiles}
        {charts}
    }
}
