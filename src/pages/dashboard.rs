//! Dashboard: progress at a glance for a year — goals achieved N of M as the
//! annual report states it, key indicators, results, status per priority and
//! per goal, and goals × years; every chart opens the items behind it.

use leptos::prelude::*;
use strategy_core::chart::{status_bars, status_heatmap};
use strategy_core::dashboard::{dashboard, reported};
use strategy_core::i18n::fill;

use crate::components::chart_view::{ChartClick, ChartView};
use crate::components::year_select::{default_reporting_year, YearSelect};
use crate::route::{Route, Section};
use crate::state::use_app;
use crate::web;

/// The dashboard section of the editor.
#[component]
pub fn DashboardSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let year = RwSignal::new(default_reporting_year(app));
    let data = Memo::new(move |_| app.read(|s, _| Some(dashboard(s, year.get(), web::current_year()))));
    let open_monitoring = move |focus: Option<String>| {
        let id = app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
        app.navigate(Route::Strategy { id, section: Section::Monitoring, focus });
    };
    let lang = move || app.lang.get();
    let priority_chart = Signal::derive(move || data.get().map(|d| status_bars(&d.priorities, t().status_by_priority, lang())));
    let goal_chart = Signal::derive(move || data.get().map(|d| status_bars(&d.goals, t().status_by_goal, lang())));
    let heat_chart = Signal::derive(move || data.get().map(|d| status_heatmap(&d, lang())));
    let click_row = move |goals: bool| {
        Callback::new(move |c: ChartClick| {
            let id = data.with_untracked(|d| d.as_ref().and_then(|d| if goals { d.goals.get(c.data_index) } else { d.priorities.get(c.data_index) }).map(|r| r.id.clone()));
            open_monitoring(id);
        })
    };
    let click_heat = Callback::new(move |c: ChartClick| {
        // Heat-map items are [year index, goal index, status]; the goal is the row.
        let goal = c.value.get(1).map(|g| *g as usize);
        let id = data.with_untracked(|d| d.as_ref().and_then(|d| goal.and_then(|g| d.heat.get(g)).map(|h| h.0.clone())));
        open_monitoring(id);
    });
    let tile = move |text: String, testid: &'static str| view! { <p class="tile" data-testid=testid>{text}</p> };
    let tiles = move || {
        data.get().map(|d| {
            let (n, m) = app.read(|s, _| Some(reported(s, d.year))).unwrap_or_default();
            view! {
                <div class="tiles">
                    {tile(fill(t().goals_achieved, &[("achieved", &d.goals_achieved.to_string()), ("total", &d.goals_total.to_string())]), "goals-achieved")}
                    {tile(fill(t().results_achieved, &[("achieved", &d.results.achieved.to_string()), ("total", &d.results.total().to_string())]), "results-achieved")}
                    {tile(
                        fill(t().key_achieved, &[("achieved", &d.key_achieved.to_string()), ("assessed", &d.key_assessed.to_string()), ("total", &d.key_total.to_string())]),
                        "key-achieved",
                    )}
                    {tile(fill(t().reported_progress, &[("done", &n.to_string()), ("total", &m.to_string()), ("year", &d.year.to_string())]), "reported")}
                </div>
            }
        })
    };
    // Bars are 28 px a row; heights are fixed when the section opens.
    let height_for = |rows: usize| (rows as u32 * 28 + 110).clamp(220, 1400);
    let priority_height = height_for(data.with_untracked(|d| d.as_ref().map_or(0, |d| d.priorities.len())));
    let goal_height = height_for(data.with_untracked(|d| d.as_ref().map_or(0, |d| d.goals.len())));
    view! {
        <h1>{move || t().section_dashboard}</h1>
        <YearSelect year=year />
        {tiles}
        <section class="card">
            <ChartView chart=priority_chart label=Signal::derive(move || t().status_by_priority.to_string()) on_click=click_row(false) height=priority_height />
        </section>
        <section class="card">
            <ChartView chart=goal_chart label=Signal::derive(move || t().status_by_goal.to_string()) on_click=click_row(true) height=goal_height />
        </section>
        <section class="card">
            <ChartView chart=heat_chart label=Signal::derive(move || t().goals_by_year.to_string()) on_click=click_heat height=goal_height />
        </section>
    }
}
