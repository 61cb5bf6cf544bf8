//! The values survey of one evaluation record: a small table of figures
//! (statement or count, number, unit, answer in words) and a note around
//! them. Rule: each is an edit of the record's own fields; a number that
//! does not parse is kept as it was (the field is read when left).

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::{Evaluation, SurveyFigure};

use crate::components::text_field::TextField;
use crate::state::use_app;

/// One text field of a survey figure.
type Field = (&'static str, fn(&strategy_core::i18n::Texts) -> &'static str, fn(&SurveyFigure) -> String, fn(&mut SurveyFigure, String));

/// The columns of the table, in order.
const FIELDS: [Field; 4] = [
    ("label", |t| t.survey_label, |f| f.label.clone(), |f, v| f.label = v),
    (
        "value",
        |t| t.survey_value,
        |f| f.value.map(|x| x.to_string()).unwrap_or_default(),
        |f, v| {
            let v = v.trim().replace(',', ".");
            if v.is_empty() {
                f.value = None
            } else if let Ok(x) = v.parse() {
                f.value = Some(x)
            }
        },
    ),
    ("unit", |t| t.survey_unit, |f| f.unit.clone(), |f, v| f.unit = v),
    ("text", |t| t.survey_text, |f| f.text.clone(), |f, v| f.text = v),
];

/// The values survey of the record `id`.
#[component]
pub fn EvaluationSurvey(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let rows_id = id.clone();
    let rows = Memo::new(move |_| {
        app.document.read(|s, _| s.evaluations.iter().find(|e| e.id == rows_id).map(|e| e.values_survey.iter().map(|f| f.id.clone()).collect::<Vec<_>>())).unwrap_or_default()
    });
    let add_id = id.clone();
    let add = move |_| {
        app.document.edit_item(&add_id, None, |s| {
            if let Some(e) = s.evaluation_mut(&add_id) {
                e.add_survey_figure();
            }
        })
    };
    let (note, set_note) = app.document.bind_listed::<Evaluation>(&id, "values_survey_note", |e| e.values_survey_note.clone(), |e, v| e.values_survey_note = v);
    view! {
        <section class="card" aria-labelledby="ev-survey">
            <h2 id="ev-survey">{move || t().values_survey}</h2>
            <table class="criteria survey">
                <thead>
                    <tr>
                        {FIELDS.iter().map(|(_, label, _, _)| view! { <th scope="col">{move || label(t())}</th> }).collect_view()}
                        <td></td>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get().into_iter().enumerate()
                        key=|row| row.clone()
                        children=move |(i, figure)| {
                            let n = (i + 1).to_string();
                            let cells = FIELDS
                                .iter()
                                .map(|&(field, label, get, set)| {
                                    let (get_id, set_id, n) = (figure.clone(), figure.clone(), n.clone());
                                    let (value, on_change) = app.document.bind_listed::<Evaluation>(
                                        &id,
                                        &format!("survey.{figure}.{field}"),
                                        move |e| e.values_survey.iter().find(|f| f.id == get_id).map(get).unwrap_or_default(),
                                        move |e, v| {
                                            if let Some(f) = e.survey_figure_mut(&set_id) {
                                                set(f, v)
                                            }
                                        },
                                    );
                                    let lazy = field == "value";
                                    let on_input = move |ev| if !lazy { on_change.run(event_target_value(&ev)) };
                                    let on_commit = move |ev| if lazy { on_change.run(event_target_value(&ev)) };
                                    view! {
                                        <td>
                                            <input
                                                type="text"
                                                inputmode=if lazy { "decimal" } else { "text" }
                                                aria-label=move || fill(t().survey_row, &[("n", &n), ("what", label(t()))])
                                                prop:value=value
                                                on:input=on_input
                                                on:change=on_commit
                                                on:blur=move |_| app.document.seal_undo_step()
                                            />
                                        </td>
                                    }
                                })
                                .collect_view();
                            let (remove_id, remove_figure) = (id.clone(), figure.clone());
                            let remove = move |_| {
                                app.document.edit_item(&remove_id, None, |s| {
                                    if let Some(e) = s.evaluation_mut(&remove_id) {
                                        e.values_survey.retain(|f| f.id != remove_figure)
                                    }
                                })
                            };
                            view! {
                                <tr>
                                    {cells}
                                    <td>
                                        <button type="button" class="icon-button danger" aria-label=move || fill(t().survey_remove, &[("n", &n)]) on:click=remove>"✕"</button>
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
            <button type="button" class="button" on:click=add>"+ "{move || t().add_survey_figure}</button>
            <TextField label=move || t().survey_note value=note on_change=set_note multiline=true />
        </section>
    }
}
