//! An indicator in the outline: its name, key mark and lock, opening to the
//! full form. The form is built only while it is open, so a long outline
//! stays light. A locked indicator's name, key mark and form are read-only
//! (its actuals are entered under Monitoring).

use leptos::prelude::*;
use strategy_core::Indicator;

use crate::components::indicator_form::IndicatorForm;
use crate::components::lock_icon::{toggle_lock, LockButton};
use crate::components::outline_item::OutlineItem;
use crate::state::use_app;

/// Edits the indicator with `id`.
#[component]
pub fn IndicatorRow(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (name, set_name) = app.document.bind_item::<Indicator>(&id, "name", |i| i.name.clone(), |i, v| i.name = v);
    let sid = StoredValue::new(id.clone());
    let open = RwSignal::new(false);
    let key = move || app.document.read_item::<Indicator, _>(&sid.get_value(), |i| i.key).unwrap_or(false);
    let set_key = move |ev| {
        let on = event_target_checked(&ev);
        let id = sid.get_value();
        app.document.edit_item(&id, None, |s| {
            if let Some(i) = s.indicator_mut(&id) {
                i.key = on;
            }
        })
    };
    let locked = Signal::derive(move || app.document.read_item::<Indicator, _>(&sid.get_value(), |i| i.locked).unwrap_or(false));
    let on_lock = Callback::new(move |()| toggle_lock(app, &sid.get_value()));
    let aside = move || {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=key on:change=set_key disabled=move || locked.get() />
                {move || t().key_indicator}
            </label>
            <LockButton locked=locked on_toggle=on_lock name=name />
        }
    };
    view! {
        <OutlineItem id=id.clone() kind="indicator" number=Signal::derive(|| "◆".to_string()) title_label=move || t().indicator_name title=name set_title=set_name locked=locked aside=ChildrenFn::to_children(aside)>
            <details class="more" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{move || t().targets}</summary>
                <Show when=move || open.get()>
                    <fieldset class="plain" disabled=move || locked.get()>
                        <IndicatorForm id=sid.get_value() />
                    </fieldset>
                </Show>
            </details>
        </OutlineItem>
    }
}
