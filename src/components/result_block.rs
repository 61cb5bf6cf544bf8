//! A result in the outline: its title, the other goals it serves, its indicators.

use leptos::prelude::*;
use strategy_core::Result as StrategyResult;

use crate::components::indicator_row::IndicatorRow;
use crate::components::outline_item::OutlineItem;
use crate::state::use_app;

/// Edits the result with `id`.
#[component]
pub fn ResultBlock(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.bind_item::<StrategyResult>(&id, "title", |r| r.title.clone(), |r, v| r.title = v);
    let level = move || app.read(|s, _| Some(s.level_names.result.clone())).unwrap_or_default();
    let sid = StoredValue::new(id.clone());
    let indicator_ids = move || app.read_item::<StrategyResult, _>(&sid.get_value(), |r| r.indicators.iter().map(|i| i.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    // Every goal other than the one the result is under, with whether it is served.
    let goals = move || {
        app.read(|s, ix| {
            let (list, r) = ix.locate(&sid.get_value())?;
            let strategy_core::walk::ListRef::Results(p, g) = list else { return None };
            let own = &s.priorities[p].goals[g];
            let serves = &own.results[r].also_serves_goal_ids;
            let numbers = app.numbers.get();
            Some(
                s.goal_refs()
                    .into_iter()
                    .filter(|x| x.goal.id != own.id)
                    .map(|x| (x.goal.id.clone(), format!("{} {}", numbers.get(&x.goal.id).cloned().unwrap_or_default(), x.goal.title), serves.contains(&x.goal.id)))
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or_default()
    };
    let add_indicator = move |_| {
        let name = app.t().new_indicator;
        app.add_and_focus(|s| s.add_indicator(&sid.get_value(), name));
    };
    view! {
        <OutlineItem id=id kind="result" number=Signal::derive(level) title_label=move || t().title title=title set_title=set_title>
            <details class="more">
                <summary>{move || t().also_serves}</summary>
                <fieldset class="checklist">
                    <legend class="visually-hidden">{move || t().also_serves}</legend>
                    {move || {
                        goals()
                            .into_iter()
                            .map(|(gid, label, checked)| {
                                let toggle = move |_| app.edit(None, |s| {
                                    s.toggle_result_serves(&sid.get_value(), &gid);
                                });
                                view! {
                                    <label class="check">
                                        <input type="checkbox" prop:checked=checked on:change=toggle />
                                        {label}
                                    </label>
                                }
                            })
                            .collect_view()
                    }}
                </fieldset>
            </details>
            <div class="outline-children">
                <For each=indicator_ids key=|id| id.clone() children=move |id| view! { <IndicatorRow id=id /> } />
            </div>
            <button type="button" class="button small" on:click=add_indicator>"+ "{move || t().add_indicator}</button>
        </OutlineItem>
    }
}
