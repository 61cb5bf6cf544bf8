//! Structure: the outline of priorities → goals → results → indicators, and
//! what this strategy calls each level.

use leptos::prelude::*;

use crate::components::level_names_form::LevelNamesForm;
use crate::components::priority_block::PriorityBlock;
use crate::state::use_app;

/// The structure section of the editor.
#[component]
pub fn StructureSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let priority_ids = move || app.read(|s, _| Some(s.priorities.iter().map(|p| p.id.clone()).collect::<Vec<_>>())).unwrap_or_default();
    let add_priority = move |_| {
        let title = app.t().new_priority;
        app.add_and_focus(|s| Some(s.add_priority(title)));
    };
    view! {
        <h1>{move || t().section_structure}</h1>
        <p class="lead">{move || t().outline_hint}</p>
        <LevelNamesForm />
        <div class="outline">
            <For each=priority_ids key=|id| id.clone() children=move |id| view! { <PriorityBlock id=id /> } />
        </div>
        <button type="button" class="button primary" on:click=add_priority>"+ "{move || t().add_priority}</button>
    }
}
