//! A priority in the outline: its title and description, and its goals.

use leptos::prelude::*;
use strategy_core::Priority;

use crate::components::goal_block::GoalBlock;
use crate::components::outline_item::OutlineItem;
use crate::components::text_field::TextField;
use crate::state::use_app;

/// Edits the priority with `id` and lists its goals.
#[component]
pub fn PriorityBlock(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.bind_item::<Priority>(&id, "title", |p| p.title.clone(), |p, v| p.title = v);
    let (description, set_description) = app.bind_item::<Priority>(&id, "description", |p| p.description.clone(), |p, v| p.description = v);
    let sid = StoredValue::new(id.clone());
    let number = Signal::derive(move || {
        let level = app.read(|s, _| Some(s.level_names.priority.clone())).unwrap_or_default();
        format!("{level} {}", app.numbers.with(|n| n.get(&sid.get_value()).cloned().unwrap_or_default()))
    });
    let goal_ids = move || app.read_item::<Priority, _>(&sid.get_value(), |p| p.goals.iter().map(|g| g.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    let add_goal = move |_| {
        let title = app.t().new_goal;
        app.add_and_focus(|s| s.add_goal(&sid.get_value(), title));
    };
    view! {
        <OutlineItem id=id kind="priority" number=number title_label=move || t().title title=title set_title=set_title>
            <details class="more">
                <summary>{move || t().description}</summary>
                <TextField label=move || t().description value=description on_change=set_description multiline=true />
            </details>
            <div class="outline-children">
                <For each=goal_ids key=|id| id.clone() children=move |id| view! { <GoalBlock id=id /> } />
            </div>
            <button type="button" class="button small" on:click=add_goal>"+ "{move || t().add_goal}</button>
        </OutlineItem>
    }
}
