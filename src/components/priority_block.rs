//! A priority in the outline: its title and description, and its goals.

use leptos::prelude::*;
use strategy_core::Priority;

use crate::components::item_problems::ItemProblems;
use crate::components::drag_handle::DragHandle;
use crate::components::goal_block::GoalBlock;
use crate::components::item_actions::ItemActions;
use crate::components::reorder;
use crate::components::text_field::TextField;
use crate::state::use_app;

/// Edits the priority with `id` and lists its goals.
#[component]
pub fn PriorityBlock(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.bind_item::<Priority>(&id, "title", |p| p.title.clone(), |p, v| p.title = v);
    let (description, set_description) = app.bind_item::<Priority>(&id, "description", |p| p.description.clone(), |p, v| p.description = v);
    let level = move || app.read(|s, _| Some(s.level_names.priority.clone())).unwrap_or_default();
    let number = {
        let id = id.clone();
        move || app.numbers.with(|n| n.get(&id).cloned().unwrap_or_default())
    };
    let goal_ids = {
        let id = id.clone();
        move || app.read_item::<Priority, _>(&id, |p| p.goals.iter().map(|g| g.id.clone()).collect::<Vec<_>>()).unwrap_or_default()
    };
    let add_goal = {
        let id = id.clone();
        move |_| {
            let title = app.t().new_goal;
            let mut added = None;
            app.edit(None, |s| added = s.add_goal(&id, title));
            if let Some(g) = added {
                reorder::focus_item(g);
            }
        }
    };
    let (over, drop) = reorder::on_drop(app, id.clone());
    view! {
        <section class="outline-item priority" data-item-id=id.clone() on:keydown=reorder::on_keydown(app, id.clone()) on:dragover=over on:drop=drop>
            <div class="outline-head">
                <DragHandle id=id.clone() />
                <span class="item-number">{move || format!("{} {}", level(), number())}</span>
                <div class="grow">
                    <TextField label=move || t().title value=title on_change=set_title />
                </div>
                <ItemActions id=id.clone() />
            </div>
            <ItemProblems path=app.item_path_signal(&id) />
            <details class="more">
                <summary>{move || t().description}</summary>
                <TextField label=move || t().description value=description on_change=set_description multiline=true />
            </details>
            <div class="outline-children">
                <For each=goal_ids key=|id| id.clone() children=move |id| view! { <GoalBlock id=id /> } />
            </div>
            <button type="button" class="button small" on:click=add_goal>"+ "{move || t().add_goal}</button>
        </section>
    }
}
