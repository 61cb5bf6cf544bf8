//! One of the institution's values: name and definition, with remove and reorder.

use leptos::prelude::*;
use strategy_core::Value;

use crate::components::item_actions::ItemActions;
use crate::components::item_problems::ItemProblems;
use crate::components::text_field::TextField;
use crate::state::use_app;

/// Edits the value with `id`.
#[component]
pub fn ValueItem(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (name, set_name) = app.document.bind_listed::<Value>(&id, "name", |v| v.name.clone(), |v, x| v.name = x);
    let (definition, set_definition) = app.document.bind_listed::<Value>(&id, "definition", |v| v.definition.clone(), |v, x| v.definition = x);
    view! {
        <div class="list-item" data-item-id=id.clone()>
            <div class="grid-value">
                <TextField label=move || t().value_name value=name on_change=set_name />
                <TextField label=move || t().value_definition value=definition on_change=set_definition multiline=true />
            </div>
            <ItemProblems path=app.document.item_path_signal(&id) />
            <ItemActions id=id.clone() />
        </div>
    }
}
