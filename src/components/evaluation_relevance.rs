//! Relevance of each goal in one evaluation record: a traffic light (green:
//! the results fit the goal; orange: they fit, but could be more precise;
//! red: they only partly fit) with its reasoning. Rule: a goal without an
//! entry is "not assessed"; choosing a light or typing a reasoning makes its
//! entry, as an edit of the record's own fields.

use leptos::prelude::*;
use strategy_core::{Evaluation, TrafficLight};

use crate::components::text_field::TextArea;
use crate::state::use_app;

/// The lights, in the order shown.
const LIGHTS: [TrafficLight; 3] = [TrafficLight::Green, TrafficLight::Orange, TrafficLight::Red];

/// The CSS class and value of a light.
fn light_key(l: TrafficLight) -> &'static str {
    match l {
        TrafficLight::Green => "green",
        TrafficLight::Orange => "orange",
        TrafficLight::Red => "red",
    }
}

/// The meaning of a light in the current language.
fn light_label(t: &strategy_core::i18n::Texts, l: TrafficLight) -> &'static str {
    match l {
        TrafficLight::Green => t.light_green,
        TrafficLight::Orange => t.light_orange,
        TrafficLight::Red => t.light_red,
    }
}

/// The relevance of the goal `goal_id` (labelled `goal`) in the record `id`.
#[component]
pub fn EvaluationRelevance(id: String, goal_id: String, goal: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (read_id, read_goal) = (id.clone(), goal_id.clone());
    let light = Memo::new(move |_| {
        app.document.read(|s, _| s.evaluations.iter().find(|e| e.id == read_id).map(|e| e.relevance_of(&read_goal).map(|r| r.light))).flatten()
    });
    let (get_goal, set_goal) = (goal_id.clone(), goal_id.clone());
    let (reasoning, set_reasoning) = app.document.bind_listed::<Evaluation>(
        &id,
        &format!("relevance.{goal_id}"),
        move |e| e.relevance_of(&get_goal).map(|r| r.reasoning.clone()).unwrap_or_default(),
        move |e, v| e.set_relevance_reasoning(&set_goal, v),
    );
    let group = format!("{id}-{goal_id}-light");
    let lights = LIGHTS
        .into_iter()
        .map(|l| {
            let (edit_id, edit_goal, name) = (id.clone(), goal_id.clone(), group.clone());
            let choose = move |_| {
                app.document.edit_item(&edit_id, None, |s| {
                    if let Some(e) = s.evaluation_mut(&edit_id) {
                        e.set_light(&edit_goal, l)
                    }
                })
            };
            view! {
                <label class=format!("light light-{}", light_key(l))>
                    <input type="radio" name=name value=light_key(l) prop:checked=move || light.get() == Some(l) on:change=choose />
                    <span class="light-dot" aria-hidden="true"></span>
                    {move || light_label(t(), l)}
                </label>
            }
        })
        .collect_view();
    let current = move || light.get().map_or("none", light_key);
    view! {
        <fieldset class="relevance" data-light=current>
            <legend>{goal}</legend>
            <div class="lights" role="radiogroup" aria-label=move || t().light>
                {lights}
                <Show when=move || light.get().is_none()>
                    <span class="muted">{move || t().light_none}</span>
                </Show>
            </div>
            <label class="field">
                <span class="field-label">{move || t().criterion_reasoning}</span>
                <TextArea rows=3 value=reasoning on_change=set_reasoning />
            </label>
        </fieldset>
    }
}
