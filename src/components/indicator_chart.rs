//! An indicator's chart, drawn by ECharts (loaded on first use) from options
//! built in the domain crate.

use charming::WasmRenderer;
use leptos::prelude::*;
use strategy_core::chart::indicator_chart;
use strategy_core::{Indicator, Period};

use crate::state::use_app;
use crate::web;

/// Draws `indicator` over `period`; redraws when either or the language changes,
/// and follows the container's size.
#[component]
pub fn IndicatorChart(#[prop(into)] indicator: Signal<Option<Indicator>>, #[prop(into)] period: Signal<Period>) -> impl IntoView {
    let app = use_app();
    let id = web::random_id("chart-");
    let container = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let dom_id = id.clone();
    Effect::new(move |_| {
        let Some(indicator) = indicator.get() else { return };
        let (period, lang) = (period.get(), app.lang.get());
        let Some(el) = container.get() else { return };
        let dom_id = dom_id.clone();
        leptos::task::spawn_local(async move {
            if !web::load_echarts().await {
                failed.set(true);
                return;
            }
            let chart = indicator_chart(&indicator, period, web::current_year(), lang);
            let width = el.client_width().max(320) as u32;
            // Drawing again replaces the chart; drawing into a live instance would warn.
            web::dispose_chart(&el);
            if WasmRenderer::new(width, 320).render(&dom_id, &chart).is_err() {
                failed.set(true);
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = container.get_untracked() {
            web::resize_chart(&el);
        }
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(el) = container.get_untracked() {
            web::dispose_chart(&el);
        }
    });
    view! {
        <figure class="chart">
            <div id=id node_ref=container class="chart-canvas" role="img" aria-label=move || indicator.get().map(|i| i.name).unwrap_or_default()></div>
            <Show when=move || failed.get()>
                <p class="error">{move || app.t().chart_failed}</p>
            </Show>
        </figure>
    }
}
