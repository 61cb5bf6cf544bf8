//! The mission or the vision criteria of one evaluation record: each
//! criterion met or not, with its reasoning. Rule: every tick and every
//! typed reasoning is an edit of the record's own fields (typing in one
//! reasoning is one undo step).

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::{Criterion, Evaluation};

use crate::components::text_field::TextArea;
use crate::state::use_app;

/// The criteria list of `e`: the vision's when `vision`, else the mission's.
fn criteria(e: &Evaluation, vision: bool) -> &Vec<Criterion> {
    if vision { &e.vision_criteria } else { &e.mission_criteria }
}

fn criteria_mut(e: &mut Evaluation, vision: bool) -> &mut Vec<Criterion> {
    if vision { &mut e.vision_criteria } else { &mut e.mission_criteria }
}

/// The mission (or, with `vision`, the vision) criteria of the record `id`.
#[component]
pub fn EvaluationCriteria(id: String, vision: bool) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let record = id.clone();
    // (position, name): the rows, redrawn only when a criterion comes, goes or is renamed.
    let names = Memo::new(move |_| {
        app.document
            .read(|s, _| s.evaluations.iter().find(|e| e.id == record).map(|e| criteria(e, vision).iter().map(|c| c.name.clone()).enumerate().collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let heading_id = crate::web::random_id("crit-");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || if vision { t().vision_criteria } else { t().mission_criteria }}</h2>
            <p class="muted">{move || app.document.read(|s, _| Some(if vision { s.vision.clone() } else { s.mission.clone() })).unwrap_or_default()}</p>
            <table class="criteria">
                <thead>
                    <tr>
                        <th scope="col">{move || t().criterion}</th>
                        <th scope="col">{move || t().criterion_met}</th>
                        <th scope="col">{move || t().criterion_reasoning}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || names.get()
                        key=|row| row.clone()
                        children=move |(i, name)| {
                            let (read_id, edit_id, field) = (id.clone(), id.clone(), format!("{}.{i}.reasoning", if vision { "vision" } else { "mission" }));
                            let met = Memo::new(move |_| app.document.read(|s, _| s.evaluations.iter().find(|e| e.id == read_id).and_then(|e| criteria(e, vision).get(i)).map(|c| c.met)).unwrap_or(false));
                            let toggle_id = id.clone();
                            let on_met = move |ev| {
                                let on = event_target_checked(&ev);
                                app.document.edit_item(&toggle_id, None, |s| {
                                    if let Some(c) = s.evaluation_mut(&toggle_id).and_then(|e| criteria_mut(e, vision).get_mut(i)) {
                                        c.met = on;
                                    }
                                });
                            };
                            let (reasoning, set_reasoning) = app.document.bind_listed::<Evaluation>(
                                &edit_id,
                                &field,
                                move |e| criteria(e, vision).get(i).map(|c| c.reasoning.clone()).unwrap_or_default(),
                                move |e, v| {
                                    if let Some(c) = criteria_mut(e, vision).get_mut(i) {
                                        c.reasoning = v;
                                    }
                                },
                            );
                            let (n1, n2) = (name.clone(), name.clone());
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>
                                        <input type="checkbox" aria-label=move || fill(t().criterion_met_named, &[("name", &n1)]) prop:checked=met on:change=on_met />
                                    </td>
                                    <td>
                                        <TextArea rows=2 aria_label=Signal::derive(move || fill(t().criterion_reasoning_named, &[("name", &n2)])) value=reasoning on_change=set_reasoning />
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </section>
    }
}
