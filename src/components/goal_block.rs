//! A goal in the outline: number, title, purpose, its priority, results and
//! the goal's own indicators.

use leptos::prelude::*;
use strategy_core::Goal;

use crate::components::indicator_row::IndicatorRow;
use crate::components::reorder;
use crate::components::result_block::ResultBlock;
use crate::components::text_field::TextField;
use crate::components::outline_item::OutlineItem;
use crate::state::use_app;

/// Edits the goal with `id`.
#[component]
pub fn GoalBlock(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.bind_item::<Goal>(&id, "title", |g| g.title.clone(), |g, v| g.title = v);
    let (purpose, set_purpose) = app.bind_item::<Goal>(&id, "purpose", |g| g.purpose.clone(), |g, v| g.purpose = v);
    let level = move || app.read(|s, _| Some(s.level_names.goal.clone())).unwrap_or_default();
    let sid = StoredValue::new(id.clone());
    let number = move || app.numbers.with(|n| n.get(&sid.get_value()).cloned().unwrap_or_default());
    let result_ids = move || app.read_item::<Goal, _>(&sid.get_value(), |g| g.results.iter().map(|r| r.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    let indicator_ids = move || app.read_item::<Goal, _>(&sid.get_value(), |g| g.indicators.iter().map(|r| r.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    // The priority this goal is under, and every priority to move it to.
    let priorities = move || {
        app.read(|s, ix| {
            let (list, _) = ix.locate(&sid.get_value())?;
            let current = match list {
                strategy_core::walk::ListRef::Goals(p) => s.priorities.get(p).map(|p| p.id.clone()),
                _ => None,
            };
            let all: Vec<(String, String)> = s.priorities.iter().enumerate().map(|(i, p)| (p.id.clone(), format!("{} {}", i + 1, p.title))).collect();
            Some((current.unwrap_or_default(), all))
        })
        .unwrap_or_default()
    };
    let move_to = move |ev| {
        let target = event_target_value(&ev);
        app.edit(None, |s| {
            s.move_goal_to_priority(&sid.get_value(), &target);
        });
        reorder::focus_item(sid.get_value());
    };
    let add = move |result: bool| {
        move |_| {
            let t = app.t();
            app.add_and_focus(|s| if result { s.add_result(&sid.get_value(), t.new_result) } else { s.add_indicator(&sid.get_value(), t.new_indicator) });
        }
    };
    let heading = Signal::derive(move || format!("{} {}", level(), number()));
    view! {
        <OutlineItem id=id kind="goal" number=heading title_label=move || t().title title=title set_title=set_title>
            <div class="grid-2">
                <TextField label=move || t().purpose value=purpose on_change=set_purpose multiline=true />
                <label class="field">
                    <span class="field-label">{move || t().move_to_priority}</span>
                    <select on:change=move_to>
                        {move || {
                            let (current, all) = priorities();
                            all.into_iter()
                                .map(|(pid, label)| {
                                    let selected = pid == current;
                                    view! { <option value=pid selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            <div class="outline-children">
                <For each=indicator_ids key=|id| id.clone() children=move |id| view! { <IndicatorRow id=id /> } />
                <For each=result_ids key=|id| id.clone() children=move |id| view! { <ResultBlock id=id /> } />
            </div>
            <div class="toolbar">
                <button type="button" class="button small" on:click=add(true)>"+ "{move || t().add_result}</button>
                <button type="button" class="button small" on:click=add(false)>"+ "{move || t().add_indicator}</button>
            </div>
        </OutlineItem>
    }
}
