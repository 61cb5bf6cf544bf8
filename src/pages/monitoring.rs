//! Monitoring: for a reporting period, each indicator's actual value, what
//! was done, evidence, and the computed status (which may be set by hand with
//! a reason); filters and the progress of data entry.

use leptos::prelude::*;
use strategy_core::dashboard::{monitoring_rows, reported};
use strategy_core::i18n::{fill, status_label};
use strategy_core::{ReportingPeriod, Status};

use crate::components::monitoring_row::MonitoringRowView;
use crate::components::year_select::{default_reporting_year, YearSelect};
use crate::route::Route;
use crate::serde_enum::{name, parse};
use crate::state::use_app;
use crate::web;

/// Rows shown at a time.
const PAGE: usize = 100;

/// Every status, in the order they are listed.
pub const STATUSES: [Status; 6] = [Status::Achieved, Status::OnTrack, Status::AtRisk, Status::NotAchieved, Status::NoData, Status::NotYetDue];

/// The monitoring section of the editor.
#[component]
pub fn MonitoringSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let year = RwSignal::new(default_reporting_year(app));
    let half = RwSignal::new(None::<u8>);
    let period = Signal::derive(move || ReportingPeriod { year: year.get(), half: half.get() });
    // A priority or goal to filter by comes from the route (a click on the dashboard).
    let focus = move || app.route.with(|r| if let Route::Strategy { focus, .. } = r { focus.clone() } else { None });
    let priority_filter = RwSignal::new(String::new());
    let goal_filter = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(id) = focus() else { return };
        let kind = app.index.with(|ix| ix.locate(&id)).map(|(l, _)| l.kind());
        match kind {
            Some(strategy_core::walk::ItemKind::Priority) => priority_filter.set(id),
            Some(strategy_core::walk::ItemKind::Goal) => goal_filter.set(id),
            _ => {}
        }
    });
    let status_filter = RwSignal::new(String::new());
    let unit_filter = RwSignal::new(String::new());
    let rows = Memo::new(move |_| app.read(|s, _| Some(monitoring_rows(s, year.get(), web::current_year()))).unwrap_or_default());
    // By indicator id, so each row finds its own in O(1).
    let by_id = Memo::new(move |_| rows.with(|r| r.iter().map(|x| (x.indicator_id.clone(), x.clone())).collect::<std::collections::HashMap<_, _>>()));
    // Long strategies are shown a page at a time.
    let limit = RwSignal::new(PAGE);
    let goal_of = Memo::new(move |_| {
        app.read(|s, _| {
            Some(
                s.indicator_refs()
                    .into_iter()
                    .map(|r| (r.indicator.id.clone(), r.goal.map(|g| g.id.clone()).unwrap_or_default()))
                    .collect::<std::collections::HashMap<_, _>>(),
            )
        })
        .unwrap_or_default()
    });
    let shown = Memo::new(move |_| {
        let (p, g, st, u) = (priority_filter.get(), goal_filter.get(), status_filter.get(), unit_filter.get());
        rows.get()
            .into_iter()
            .filter(|r| p.is_empty() || r.priority_id.as_deref() == Some(p.as_str()))
            .filter(|r| g.is_empty() || goal_of.with(|m| m.get(&r.indicator_id).is_some_and(|x| *x == g)))
            .filter(|r| st.is_empty() || name(r.status) == st)
            .filter(|r| u.is_empty() || r.responsible_codes.contains(&u))
            .map(|r| r.indicator_id)
            .collect::<Vec<_>>()
    });
    let progress = move || {
        let (n, m) = app.read(|s, _| Some(reported(s, year.get()))).unwrap_or_default();
        fill(t().reported_progress, &[("done", &n.to_string()), ("total", &m.to_string()), ("year", &year.get().to_string())])
    };
    let option_list = move |items: Vec<(String, String)>, current: RwSignal<String>| {
        let all = t().all;
        let mut options = vec![view! { <option value="" selected=move || current.get().is_empty()>{all}</option> }.into_any()];
        options.extend(items.into_iter().map(|(v, l)| {
            let selected = v.clone();
            view! { <option value=v selected=move || current.get() == selected>{l}</option> }.into_any()
        }));
        options
    };
    let priorities = move || app.read(|s, _| Some(s.priorities.iter().enumerate().map(|(i, p)| (p.id.clone(), format!("{} {}", i + 1, p.title))).collect::<Vec<_>>())).unwrap_or_default();
    let goals = move || {
        let numbers = app.numbers.get();
        app.read(|s, _| Some(s.goal_refs().into_iter().map(|g| (g.goal.id.clone(), format!("{}. {}", numbers.get(&g.goal.id).cloned().unwrap_or_default(), g.goal.title))).collect::<Vec<_>>()))
            .unwrap_or_default()
    };
    let units = move || app.read(|s, _| Some(s.units.iter().map(|u| (u.code.clone(), u.code.clone())).collect::<Vec<_>>())).unwrap_or_default();
    let statuses = move || STATUSES.iter().map(|s| (name(*s), status_label(app.lang.get(), *s).to_string())).collect::<Vec<_>>();
    view! {
        <h1>{move || t().section_monitoring}</h1>
        <div class="card filters">
            <div class="grid-3">
                <YearSelect year=year />
                <label class="field">
                    <span class="field-label">{move || t().reporting_period}</span>
                    <select on:change=move |ev| half.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || half.get().is_none()>{move || t().whole_year}</option>
                        <option value="1" selected=move || half.get() == Some(1)>{move || fill(t().half_year, &[("n", "1")])}</option>
                        <option value="2" selected=move || half.get() == Some(2)>{move || fill(t().half_year, &[("n", "2")])}</option>
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{move || t().filter_priority}</span>
                    <select on:change=move |ev| priority_filter.set(event_target_value(&ev))>{move || option_list(priorities(), priority_filter)}</select>
                </label>
                <label class="field">
                    <span class="field-label">{move || t().filter_goal}</span>
                    <select on:change=move |ev| goal_filter.set(event_target_value(&ev))>{move || option_list(goals(), goal_filter)}</select>
                </label>
                <label class="field">
                    <span class="field-label">{move || t().status}</span>
                    <select on:change=move |ev| status_filter.set(event_target_value(&ev))>{move || option_list(statuses(), status_filter)}</select>
                </label>
                <label class="field">
                    <span class="field-label">{move || t().responsible}</span>
                    <select on:change=move |ev| unit_filter.set(event_target_value(&ev))>{move || option_list(units(), unit_filter)}</select>
                </label>
            </div>
            <p class="progress" role="status" data-testid="reported">{progress}</p>
        </div>
        <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! { <p>{t().no_matching}</p> }>
            <div class="monitoring-list">
                <For
                    each=move || shown.with(|ids| ids.iter().take(limit.get()).cloned().collect::<Vec<_>>())
                    key=|id| id.clone()
                    children=move |id| view! { <MonitoringRowView id=id period=period rows=by_id /> }
                />
            </div>
            <Show when=move || { shown.with(Vec::len) > limit.get() }>
                <button type="button" class="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || fill(t().show_more, &[("n", &PAGE.min(shown.with(Vec::len) - limit.get()).to_string()), ("total", &shown.with(Vec::len).to_string())])}
                </button>
            </Show>
        </Show>
    }
}

/// Parses a status name from a select, `""` meaning none.
pub fn parse_status(value: &str) -> Option<Status> {
    if value.is_empty() { None } else { parse(value) }
}
