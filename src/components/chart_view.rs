//! Draws a charming [`Chart`] with ECharts (loaded on first use), follows the
//! container's size, and reports clicks on its data.

use charming::{Chart, WasmRenderer};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_app;
use crate::web;

/// What was clicked in a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartClick {
    /// Index of the data item within its series (the category for bars).
    pub data_index: usize,
    /// The item's value; for heat-maps `[x, y, status]`.
    pub value: Vec<f64>,
}

fn click_of(params: &JsValue) -> Option<ChartClick> {
    let get = |k: &str| js_sys::Reflect::get(params, &k.into()).ok();
    let data_index = get("dataIndex")?.as_f64()? as usize;
    let value = get("value").map(|v| {
        if js_sys::Array::is_array(&v) {
            js_sys::Array::from(&v).iter().filter_map(|x| x.as_f64()).collect()
        } else {
            v.as_f64().into_iter().collect()
        }
    });
    Some(ChartClick { data_index, value: value.unwrap_or_default() })
}

/// A chart `height` pixels high; redrawn whenever `chart` changes.
#[component]
pub fn ChartView(
    #[prop(into)] chart: Signal<Option<Chart>>,
    #[prop(default = 320)] height: u32,
    /// Called with the clicked data item.
    #[prop(optional)]
    on_click: Option<Callback<ChartClick>>,
    /// Accessible description of the chart.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let id = web::random_id("chart-");
    let container = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let handler = StoredValue::new_local(None::<Closure<dyn FnMut(JsValue)>>);
    let dom_id = id.clone();
    Effect::new(move |_| {
        let Some(chart) = chart.get() else { return };
        let Some(el) = container.get() else { return };
        let dom_id = dom_id.clone();
        leptos::task::spawn_local(async move {
            if !web::load_echarts().await {
                failed.set(true);
                return;
            }
            web::dispose_chart(&el);
            let width = el.client_width().max(320) as u32;
            match WasmRenderer::new(width, height).render(&dom_id, &chart) {
                Ok(instance) => {
                    if let Some(on_click) = on_click {
                        let closure = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
                            if let Some(click) = click_of(&params) {
                                on_click.run(click);
                            }
                        });
                        if let Ok(on) = js_sys::Reflect::get(&instance, &"on".into()) {
                            if let Some(on) = on.dyn_ref::<js_sys::Function>() {
                                let _ = on.call2(&instance, &"click".into(), closure.as_ref().unchecked_ref());
                            }
                        }
                        handler.set_value(Some(closure));
                    }
                }
                Err(_) => failed.set(true),
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
            <div id=id node_ref=container class="chart-canvas" style=format!("height: {height}px") role="img" aria-label=move || label.get()></div>
            <Show when=move || failed.get()>
                <p class="error">{move || app.t().chart_failed}</p>
            </Show>
        </figure>
    }
}
