//! The recommendations for the next period of one evaluation record, as a
//! list: add, edit, move up and down, remove. Rule: each is an edit of the
//! record's own fields (typing in one recommendation is one undo step); rows
//! are by position, so moving one moves its text, not its field.

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::Evaluation;

use crate::components::text_field::TextArea;
use crate::state::use_app;

/// The recommendations of the record `id`.
#[component]
pub fn EvaluationRecommendations(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let count_id = id.clone();
    let count = Memo::new(move |_| app.document.read(|s, _| s.evaluations.iter().find(|e| e.id == count_id).map(|e| e.recommendations.len())).unwrap_or(0));
    let edit = move |id: String, f: Box<dyn FnOnce(&mut Evaluation)>| {
        app.document.edit_item(&id, None, |s| {
            if let Some(e) = s.evaluation_mut(&id) {
                f(e)
            }
        })
    };
    let add_id = id.clone();
    let add = move |_| {
        edit(add_id.clone(), Box::new(|e| e.recommendations.push(String::new())));
        let last = count.get_untracked().saturating_sub(1);
        // The new row's field, once it is drawn.
        request_animation_frame(move || {
            let found = document().query_selector(&format!("[data-recommendation=\"{last}\"] textarea")).ok().flatten();
            if let Some(el) = found.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
                let _ = el.focus();
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="ev-recommendations">
            <h2 id="ev-recommendations">{move || t().recommendations}</h2>
            <ol class="recommendations">
                <For
                    each=move || 0..count.get()
                    key=|i| *i
                    children=move |i| {
                        let (get_field, n) = (format!("recommendations.{i}"), (i + 1).to_string());
                        let (text, set_text) = app.document.bind_listed::<Evaluation>(
                            &id,
                            &get_field,
                            move |e| e.recommendations.get(i).cloned().unwrap_or_default(),
                            move |e, v| {
                                if let Some(r) = e.recommendations.get_mut(i) {
                                    *r = v
                                }
                            },
                        );
                        let (up_id, down_id, remove_id) = (id.clone(), id.clone(), id.clone());
                        let (n1, n2, n3, n4) = (n.clone(), n.clone(), n.clone(), n.clone());
                        let at_end = move || i + 1 >= count.get();
                        let up = move |_| edit(up_id.clone(), Box::new(move |e| {
                            e.move_recommendation(i, -1);
                        }));
                        let down = move |_| edit(down_id.clone(), Box::new(move |e| {
                            e.move_recommendation(i, 1);
                        }));
                        let remove = move |_| edit(remove_id.clone(), Box::new(move |e| {
                            if i < e.recommendations.len() {
                                e.recommendations.remove(i);
                            }
                        }));
                        view! {
                            <li class="recommendation" data-recommendation=i.to_string()>
                                <TextArea rows=2 aria_label=Signal::derive(move || fill(t().recommendation_n, &[("n", &n1)])) value=text on_change=set_text />
                                <div class="item-actions">
                                    <button type="button" class="icon-button" disabled=move || i == 0 aria-label=move || fill(t().recommendation_up, &[("n", &n2)]) on:click=up>"↑"</button>
                                    <button type="button" class="icon-button" disabled=at_end aria-label=move || fill(t().recommendation_down, &[("n", &n3)]) on:click=down>"↓"</button>
                                    <button type="button" class="icon-button danger" aria-label=move || fill(t().recommendation_remove, &[("n", &n4)]) on:click=remove>"✕"</button>
                                </div>
                            </li>
                        }
                    }
                />
            </ol>
            <button type="button" class="button" on:click=add>"+ "{move || t().add_recommendation}</button>
        </section>
    }
}
