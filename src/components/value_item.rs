//! One of the institution's values: name and definition, with remove and
//! reorder; a locked value (see `strategy_core::lock`) shows its mark and
//! has its fields and actions disabled.

use leptos::prelude::*;
use strategy_core::Value;

use crate::components::context_items::{listed_locked, LockControl};
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
    let locked = listed_locked::<Value>(&id, |v| v.locked);
    view! {
        <div class="list-item" class:locked=move || locked.get() data-item-id=id.clone()>
            <LockControl id=id.clone() locked=locked name=name />
            <fieldset class="plain" disabled=move || locked.get()>
                <div class="grid-value">
                    <TextField label=move || t().value_name value=name on_change=set_name />
                    <TextField label=move || t().value_definition value=definition on_change=set_definition multiline=true />
                </div>
            </fieldset>
            <ItemProblems path=app.document.item_path_signal(&id) />
            <fieldset class="plain" disabled=move || locked.get()>
                <ItemActions id=id.clone() />
            </fieldset>
        </div>
    }
}
