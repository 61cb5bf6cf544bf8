//! An indicator in the outline: its name and key mark, opening to the full form.

use leptos::prelude::*;
use strategy_core::Indicator;

use crate::components::item_problems::ItemProblems;
use crate::components::drag_handle::DragHandle;
use crate::components::indicator_form::IndicatorForm;
use crate::components::item_actions::ItemActions;
use crate::components::reorder;
use crate::components::text_field::TextField;
use crate::state::use_app;

/// Edits the indicator with `id`.
#[component]
pub fn IndicatorRow(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (name, set_name) = app.bind_item::<Indicator>(&id, "name", |i| i.name.clone(), |i, v| i.name = v);
    let sid = StoredValue::new(id.clone());
    let key = move || app.read_item::<Indicator, _>(&sid.get_value(), |i| i.key).unwrap_or(false);
    let set_key = move |ev| {
        let on = event_target_checked(&ev);
        app.edit(None, |s| {
            if let Some(i) = s.indicator_mut(&sid.get_value()) {
                i.key = on;
            }
        })
    };
    let (over, drop) = reorder::on_drop(app, id.clone());
    view! {
        <div class="outline-item indicator" data-item-id=id.clone() on:keydown=reorder::on_keydown(app, id.clone()) on:dragover=over on:drop=drop>
            <div class="outline-head">
                <DragHandle id=id.clone() />
                <span class="item-number" aria-hidden="true">"◆"</span>
                <div class="grow">
                    <TextField label=move || t().indicator_name value=name on_change=set_name />
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=key on:change=set_key />
                    {move || t().key_indicator}
                </label>
                <ItemActions id=id.clone() />
            </div>
            <ItemProblems path=app.item_path_signal(&id) />
            <details class="more">
                <summary>{move || t().targets}</summary>
                <IndicatorForm id=id.clone() />
            </details>
        </div>
    }
}
