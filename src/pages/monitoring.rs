//! Monitoring: for a reporting period, each indicator's actual value, what
//! was done, evidence, and the computed status (which may be set by hand with
//! a reason); filters and the progress of data entry. Indicators are grouped
//! under the nodes of the level chosen in "group by", each node with its
//! status rolled up through every level below it; indicators above that level
//! come last, under "other indicators".
//!
//! Rule: a long list renders light. Every row of the page shows its heading
//! (number, title, target, status: what find-in-page looks for), and only the
//! rows in or near the view are rendered whole, with their fields; a row
//! becomes whole as it is scrolled near and stays so.

use leptos::prelude::*;
use strategy_core::dashboard::{by_level, monitoring_rows, reported};
use strategy_core::i18n::{fill, status_label};
use strategy_core::status::STATUS_ORDER;
use strategy_core::ReportingPeriod;

use crate::components::filter_select::{node_choices, FilterSelect};
use crate::components::monitoring_row::MonitoringRowView;
use crate::components::status_badge::status_badge;
use crate::components::year_select::{default_reporting_year, YearSelect};
use crate::route::Route;
use crate::serde_enum::name;
use crate::state::use_app;
use crate::web;

/// Rows shown at a time.
const PAGE: usize = 100;
/// Rows within this many pixels of the view are rendered whole.
const NEAR_PX: f64 = 800.0;

/// The ids of the rows still rendered light (`.monitoring-row.light`) that
/// lie within [`NEAR_PX`] of the view: one pass, one layout.
fn rows_near_view() -> Vec<String> {
    use wasm_bindgen::JsCast;
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    // document.querySelectorAll, through js_sys (web-sys's NodeList is not enabled).
    let doc: wasm_bindgen::JsValue = document().into();
    let query = js_sys::Reflect::get(&doc, &"querySelectorAll".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(light) = query.and_then(|f| f.call1(&doc, &".monitoring-row.light".into()).ok()) else { return Vec::new() };
    js_sys::Array::from(&light)
        .iter()
        .filter_map(|el| el.dyn_into::<web_sys::Element>().ok())
        .filter(|el| {
            let r = el.get_bounding_client_rect();
            r.top() < height + NEAR_PX && r.bottom() > -NEAR_PX
        })
        .filter_map(|el| el.get_attribute("data-item-id"))
        .collect()
}

/// The monitoring section of the editor.
#[component]
pub fn MonitoringSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let year = RwSignal::new(default_reporting_year(app));
    let half = RwSignal::new(None::<u8>);
    let period = Signal::derive(move || ReportingPeriod { year: year.get(), half: half.get() });
    // The level to group by ("" for none): the top level at first.
    let group_by = RwSignal::new("0".to_string());
    // A node to filter by comes from the route (a click on the dashboard).
    let focus = move || app.route.with(|r| if let Route::Strategy { focus, .. } = r { focus.clone() } else { None });
    let branch_filter = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(id) = focus() else { return };
        if app.document.index.with(|ix| ix.node(&id).is_some()) {
            branch_filter.set(id);
        }
    });
    let status_filter = RwSignal::new(String::new());
    let unit_filter = RwSignal::new(String::new());
    let rows = Memo::new(move |_| app.document.read(|s, _| Some(monitoring_rows(s, year.get(), web::current_year()))).unwrap_or_default());
    // By indicator id, so each row finds its own in O(1).
    let by_id = Memo::new(move |_| rows.with(|r| r.iter().map(|x| (x.indicator_id.clone(), x.clone())).collect::<std::collections::HashMap<_, _>>()));
    // Long strategies are shown a page at a time.
    let limit = RwSignal::new(PAGE);
    let shown = Memo::new(move |_| {
        let (b, st, u) = (branch_filter.get(), status_filter.get(), unit_filter.get());
        rows.get()
            .into_iter()
            .filter(|r| b.is_empty() || r.is_under(&b))
            .filter(|r| st.is_empty() || name(r.status) == st)
            .filter(|r| u.is_empty() || r.responsible_codes.contains(&u))
            .map(|r| r.indicator_id)
            .collect::<Vec<_>>()
    });
    // The nodes of the chosen level with their roll-up for the year.
    let groups = Memo::new(move |_| {
        let level = group_by.get().parse::<usize>().ok()?;
        app.document.read(|s, _| Some(by_level(s, level, year.get(), web::current_year())))
    });
    // The rows of this page by group id (`None`: not grouped, or above the
    // level); statuses are read separately, so entering an actual keeps the rows.
    let grouped = Memo::new(move |_| {
        let page: Vec<String> = shown.with(|ids| ids.iter().take(limit.get()).cloned().collect());
        let Some(group_ids) = groups.with(|g| g.as_ref().map(|g| g.iter().map(|x| x.id.clone()).collect::<Vec<_>>())) else { return vec![(None, page)] };
        let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
        let mut placed = std::collections::HashSet::new();
        by_id.with(|m| {
            for g in group_ids {
                let ids: Vec<String> = page.iter().filter(|id| m.get(*id).is_some_and(|r| r.is_under(&g))).cloned().collect();
                if !ids.is_empty() {
                    placed.extend(ids.iter().cloned());
                    out.push((Some(g), ids));
                }
            }
        });
        let rest: Vec<String> = page.into_iter().filter(|id| !placed.contains(id)).collect();
        if !rest.is_empty() {
            out.push((None, rest));
        }
        out
    });
    let progress = move || {
        let (n, m) = app.document.read(|s, _| Some(reported(s, year.get()))).unwrap_or_default();
        fill(t().reported_progress, &[("done", &n.to_string()), ("total", &m.to_string()), ("year", &year.get().to_string())])
    };
    let levels = Signal::derive(move || {
        let lang = app.lang.get();
        app.document.read(|s, _| Some(s.levels.iter().enumerate().map(|(i, l)| (i.to_string(), lang.name(&l.name).to_string())).collect::<Vec<_>>())).unwrap_or_default()
    });
    let branches = Signal::derive(move || {
        let numbers = app.document.numbers.get();
        app.document.read(|s, _| Some(node_choices(s, &numbers, app.lang.get()))).unwrap_or_default()
    });
    // Each unit by its code, with what the code stands for when known.
    let units = Signal::derive(move || {
        let label = |s: &strategy_core::Strategy, code: &str| s.expand_code(code).map_or_else(|| code.to_string(), |full| format!("{code} — {full}"));
        app.document.read(|s, _| Some(s.units.iter().map(|u| (u.code.clone(), label(s, &u.code))).collect::<Vec<_>>())).unwrap_or_default()
    });
    let statuses = Signal::derive(move || STATUS_ORDER.iter().map(|s| (name(*s), status_label(app.lang.get(), *s).to_string())).collect::<Vec<_>>());
    let level_name = move |id: &str| {
        let lang = app.lang.get();
        app.document.read(|s, ix| {
            let node = s.node(ix.node(id)?)?;
            s.level_of(node).map(|l| lang.name(&l.name).to_string())
        })
        .unwrap_or_default()
    };
    // The rows rendered whole (near the view at some point), found after
    // each render and on scrolling (at most once a frame).
    let whole = RwSignal::new(std::collections::HashSet::<String>::new());
    let looking = StoredValue::new(false);
    let look = move || {
        if looking.get_value() {
            return;
        }
        looking.set_value(true);
        request_animation_frame(move || {
            looking.set_value(false);
            let near = rows_near_view();
            if !near.is_empty() {
                whole.update(|w| w.extend(near));
            }
        });
    };
    Effect::new(move |_| {
        grouped.track();
        whole.track();
        look();
    });
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| look());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| look());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    let group_view = move |(grouping, gid): (String, Option<String>)| {
        let nested = !grouping.is_empty();
        let key = StoredValue::new(gid.clone());
        let ids = move || grouped.with(|g| key.with_value(|k| g.iter().find(|(id, _)| id == k).map(|x| x.1.clone())).unwrap_or_default());
        let head = match gid.clone() {
            Some(id) => {
                let found = StoredValue::new(id);
                let group = move || groups.with(|g| g.as_ref().and_then(|g| g.iter().find(|x| x.id == found.get_value()).cloned()));
                let level = move || level_name(&found.get_value());
                let count = move || fill(t().group_indicators, &[("n", &ids().len().to_string())]);
                view! {
                    <header class="monitoring-head group-head">
                        <div class="grow">
                            <p class="goal-label">{level}" · "{count}</p>
                            <h2>{move || group().map(|g| g.label).unwrap_or_default()}</h2>
                        </div>
                        {move || group().map(|g| status_badge(g.status, status_label(app.lang.get(), g.status), false))}
                    </header>
                }
                .into_any()
            }
            None if nested => view! { <h2>{move || t().other_indicators}</h2> }.into_any(),
            None => ().into_any(),
        };
        view! {
            <section class="monitoring-group" data-group-id=gid>
                {head}
                <div class="monitoring-list">
                    <For
                        each=ids
                        key=|id| id.clone()
                        children=move |id| {
                            let sid = StoredValue::new(id.clone());
                            let is_whole = Signal::derive(move || whole.with(|w| sid.with_value(|id| w.contains(id))));
                            view! { <MonitoringRowView id=id period=period rows=by_id nested=nested whole=is_whole /> }
                        }
                    />
                </div>
            </section>
        }
    };
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
                <FilterSelect label=move || t().group_by value=group_by options=levels all_label=move || t().no_grouping />
                <FilterSelect label=move || t().filter_branch value=branch_filter options=branches />
                <FilterSelect label=move || t().status value=status_filter options=statuses />
                <FilterSelect label=move || t().responsible value=unit_filter options=units />
            </div>
            <p class="progress" role="status" data-testid="reported">{progress}</p>
        </div>
        <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! { <p>{t().no_matching}</p> }>
            <For
                each=move || { let grouping = group_by.get(); grouped.with(|g| g.iter().map(|(id, _)| (grouping.clone(), id.clone())).collect::<Vec<_>>()) }
                key=|k| k.clone()
                children=group_view
            />
            <Show when=move || { shown.with(Vec::len) > limit.get() }>
                <button type="button" class="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || fill(t().show_more, &[("n", &PAGE.min(shown.with(Vec::len) - limit.get()).to_string()), ("total", &shown.with(Vec::len).to_string())])}
                </button>
            </Show>
        </Show>
    }
}
