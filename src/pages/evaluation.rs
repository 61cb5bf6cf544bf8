//! Evaluation ("Izvērtēšana"): the strategy's evaluation records, one per
//! year, annual or final, and the chosen record: mission and vision
//! criteria, values × priorities and values × goals matrices, relevance per
//! goal as a traffic light, effectiveness ("N of M goals and K of L results
//! achieved" in the record's year, with a narrative), coherence of goals with policy
//! documents (suggested from the goals' own links, accepted with one click)
//! the values survey and the recommendations. Rule: adding and removing a
//! record are named changes, every other edit is an edit of the record's own
//! fields; all undo and autosave like every other edit. Which levels are the
//! priorities and the goals is `strategy_core::evaluation`'s rule; the
//! matrices are laid out as the annual report lays them out (priorities or
//! goals in rows, values in columns).

use std::collections::HashMap;

use leptos::prelude::*;
use strategy_core::change::Change;
use strategy_core::edit::MatrixKind;
use strategy_core::evaluation::{coherence_suggestions, effectiveness, goal_level, priority_level};
use strategy_core::i18n::{fill, Lang, Texts};
use strategy_core::{Evaluation, EvaluationKind, Node, Strategy};

use crate::components::evaluation_criteria::EvaluationCriteria;
use crate::components::evaluation_matrix::{Axis, EvaluationMatrix};
use crate::components::evaluation_recommendations::EvaluationRecommendations;
use crate::components::evaluation_relevance::EvaluationRelevance;
use crate::components::evaluation_survey::EvaluationSurvey;
use crate::components::text_field::TextField;
use crate::state::{use_app, AppState};

/// The label of a record's kind.
fn kind_label(t: &Texts, k: EvaluationKind) -> &'static str {
    match k {
        EvaluationKind::Annual => t.evaluation_annual,
        EvaluationKind::Final => t.evaluation_final,
    }
}

/// The record shown: the chosen one while it exists, else the latest year's.
fn shown_record(s: &Strategy, chosen: Option<&str>) -> Option<String> {
    let chosen = chosen.filter(|id| s.evaluations.iter().any(|e| e.id == *id));
    chosen.map(str::to_string).or_else(|| s.evaluations.iter().max_by_key(|e| e.year).map(|e| e.id.clone()))
}

/// The year a new record is for: last year (kept within the period) when
/// it has none, else the latest year of the period without one, else the
/// year after the latest record's.
fn next_record_year(s: &Strategy, current_year: i32) -> i32 {
    let taken = |y: i32| s.evaluations.iter().any(|e| e.year == y);
    let usual = s.period.clamp(current_year - 1);
    if !taken(usual) {
        return usual;
    }
    let free = s.period.years().filter(|y| !taken(*y)).max();
    free.unwrap_or_else(|| s.evaluations.iter().map(|e| e.year + 1).max().unwrap_or(usual))
}

/// The level name of `node` followed by its number ("Priority 1"), in `lang`.
fn numbered(s: &Strategy, numbers: &HashMap<String, String>, lang: Lang, node: &Node) -> String {
    let level = s.level_of(node).map(|l| lang.name(&l.name).to_string()).unwrap_or_default();
    match numbers.get(&node.id) {
        Some(n) if !n.is_empty() => format!("{level} {n}").trim().to_string(),
        _ => node.title.clone(),
    }
}

/// A header no longer than a few words' room.
fn short(text: &str) -> String {
    const MAX: usize = 48;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX - 1).collect::<String>().trim_end())
    }
}

/// The axis of nodes: each labelled by number and title, named by level and number.
fn node_axis(s: &Strategy, numbers: &HashMap<String, String>, lang: Lang, level: usize) -> Vec<Axis> {
    s.nodes_at_level(level).into_iter().map(|r| r.node).map(|n| Axis { id: n.id.clone(), header: short(&strategy_core::numbering::label(numbers, n)), name: numbered(s, numbers, lang, n) }).collect()
}

/// The (row, column) pairs marked in a matrix of the record `id` (tracked);
/// `row_is_from` says whether a link's `from_id` names the row.
fn marked(app: AppState, id: String, which: MatrixKind, row_is_from: bool) -> Signal<Vec<(String, String)>> {
    let pairs = Memo::new(move |_| {
        app.document
            .read(|s, _| {
                let e = s.evaluations.iter().find(|e| e.id == id)?;
                Some(e.matrix(which).iter().map(|l| if row_is_from { (l.from_id.clone(), l.to_id.clone()) } else { (l.to_id.clone(), l.from_id.clone()) }).collect())
            })
            .unwrap_or_default()
    });
    pairs.into()
}

/// Toggles a cell (row, column) of a matrix of the record `id`: one undo step per cell.
fn toggler(app: AppState, id: String, which: MatrixKind, row_is_from: bool) -> Callback<(String, String)> {
    Callback::new(move |(row, col): (String, String)| {
        let (from, to) = if row_is_from { (row, col) } else { (col, row) };
        app.document.edit_item(&id, None, |s| {
            if let Some(e) = s.evaluation_mut(&id) {
                e.toggle_link(which, &from, &to)
            }
        })
    })
}

/// The evaluation section of the editor.
#[component]
pub fn EvaluationSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let chosen = RwSignal::new(None::<String>);
    let shown = Memo::new(move |_| app.document.read(|s, _| shown_record(s, chosen.get().as_deref())));
    // (id, "2023, final"), by year.
    let records = Memo::new(move |_| {
        let t = app.t();
        app.document
            .read(|s, _| {
                let mut list: Vec<&Evaluation> = s.evaluations.iter().collect();
                list.sort_by_key(|e| e.year);
                Some(list.into_iter().map(|e| (e.id.clone(), format!("{}, {}", e.year, kind_label(t, e.kind)))).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    let add = move |_| {
        let change = app.document.doc.with_untracked(|d| {
            d.as_ref().map(|s| {
                let year = next_record_year(s, crate::web::current_year());
                let kind = if year == s.period.end_year { EvaluationKind::Final } else { EvaluationKind::Annual };
                s.new_evaluation(year, kind)
            })
        });
        if let Some(change) = change {
            let id = change.added_id().map(str::to_string);
            if app.document.change(change) {
                chosen.set(id);
            }
        }
    };
    let remove = move |_| {
        if let Some(id) = shown.get_untracked() {
            app.document.change(Change::Remove { id });
        }
    };
    view! {
        <h1>{move || t().section_evaluation}</h1>
        <section class="card evaluation-records" aria-label=move || t().evaluation_record>
            <div class="toolbar">
                <Show when=move || !records.with(Vec::is_empty) fallback=move || view! { <p>{move || t().evaluation_none}</p> }>
                    <label class="field">
                        <span class="field-label">{move || t().evaluation_record}</span>
                        <select on:change=move |ev| chosen.set(Some(event_target_value(&ev))) prop:value=move || shown.get().unwrap_or_default()>
                            {move || {
                                let current = shown.get().unwrap_or_default();
                                records.get().into_iter().map(|(id, label)| {
                                    let selected = id == current;
                                    view! { <option value=id selected=selected>{label}</option> }
                                }).collect_view()
                            }}
                        </select>
                    </label>
                </Show>
                <button type="button" class="button" on:click=add>"+ "{move || t().add_evaluation}</button>
                <Show when=move || shown.with(Option::is_some)>
                    <button type="button" class="button danger" on:click=remove>{move || t().remove_evaluation}</button>
                </Show>
            </div>
        </section>
        {move || shown.get().map(|id| view! { <EvaluationRecord id=id /> })}
    }
}

/// One evaluation record, every part of it.
#[component]
fn EvaluationRecord(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (year, set_year) = app.document.bind_listed::<Evaluation>(&id, "year", |e| e.year.to_string(), |e, v| {
        if let Ok(y) = v.trim().parse() {
            e.year = y
        }
    });
    let record_year = Memo::new(move |_| year.get().parse::<i32>().unwrap_or_default());
    let (kind_id, kind_edit) = (id.clone(), id.clone());
    let kind = Memo::new(move |_| app.document.read(|s, _| s.evaluations.iter().find(|e| e.id == kind_id).map(|e| e.kind)).unwrap_or_default());
    let set_kind = move |ev| {
        let k = if event_target_value(&ev) == "final" { EvaluationKind::Final } else { EvaluationKind::Annual };
        app.document.edit_item(&kind_edit, None, |s| {
            if let Some(e) = s.evaluation_mut(&kind_edit) {
                e.kind = k
            }
        });
    };
    // The axes, redrawn only when items, titles, numbers or the language change.
    let axes = Memo::new(move |_| {
        let lang = app.lang.get();
        let numbers = app.document.numbers.get();
        app.document
            .read(|s, _| {
                let values: Vec<Axis> = s.values.iter().map(|v| Axis { id: v.id.clone(), header: short(&v.name), name: v.name.clone() }).collect();
                let priorities = node_axis(s, &numbers, lang, priority_level(s));
                let goals = node_axis(s, &numbers, lang, goal_level(s));
                let documents: Vec<Axis> = s.policy_documents.iter().map(|d| Axis { id: d.id.clone(), header: short(&d.title), name: d.title.clone() }).collect();
                Some((values, priorities, goals, documents))
            })
            .unwrap_or_default()
    });
    let values = Signal::derive(move || axes.with(|a| a.0.clone()));
    let priorities = Signal::derive(move || axes.with(|a| a.1.clone()));
    let goals = Signal::derive(move || axes.with(|a| a.2.clone()));
    let documents = Signal::derive(move || axes.with(|a| a.3.clone()));
    let coherence = marked(app, id.clone(), MatrixKind::Coherence, true);
    // The goals' own policy-document links not yet marked.
    let suggested_id = id.clone();
    let suggested = Memo::new(move |_| {
        app.document
            .read(|s, _| {
                let e = s.evaluations.iter().find(|e| e.id == suggested_id)?;
                Some(coherence_suggestions(s, e).into_iter().map(|l| (l.from_id, l.to_id)).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    let accept_id = id.clone();
    let accept = move |_| {
        app.document.edit_item(&accept_id, None, |s| {
            let links = s.evaluations.iter().find(|e| e.id == accept_id).map(|e| coherence_suggestions(s, e)).unwrap_or_default();
            if let Some(e) = s.evaluation_mut(&accept_id) {
                e.accept_links(MatrixKind::Coherence, &links);
            }
        });
    };
    // "5 of 9 goals and 13 of 14 results achieved" in the record's year.
    let achieved = Memo::new(move |_| {
        let year = record_year.get();
        app.document
            .read(|s, _| {
                let x = effectiveness(s, year, crate::web::current_year());
                let n = |v: usize| v.to_string();
                Some(fill(
                    app.t().effectiveness_count,
                    &[("goals", &n(x.goals.achieved())), ("goals_total", &n(x.goals.total())), ("results", &n(x.results.achieved())), ("results_total", &n(x.results.total()))],
                ))
            })
            .unwrap_or_default()
    });
    let (narrative, set_narrative) = app.document.bind_listed::<Evaluation>(&id, "effectiveness", |e| e.effectiveness.clone(), |e, v| e.effectiveness = v);
    let relevance_id = id.clone();
    view! {
        <div class="evaluation" data-item-id=id.clone()>
            <section class="card" aria-label=move || t().evaluation_record>
                <div class="grid-2">
                    <TextField label=move || t().evaluation_year value=year on_change=set_year input_type="number" lazy=true />
                    <label class="field">
                        <span class="field-label">{move || t().evaluation_kind}</span>
                        <select on:change=set_kind prop:value=move || if kind.get() == EvaluationKind::Final { "final" } else { "annual" }>
                            <option value="annual" selected=move || kind.get() == EvaluationKind::Annual>{move || t().evaluation_annual}</option>
                            <option value="final" selected=move || kind.get() == EvaluationKind::Final>{move || t().evaluation_final}</option>
                        </select>
                    </label>
                </div>
            </section>
            <EvaluationCriteria id=id.clone() vision=false />
            <EvaluationCriteria id=id.clone() vision=true />
            <EvaluationSurvey id=id.clone() />
            <section class="card" aria-labelledby="ev-values">
                <h2 id="ev-values">{move || t().values_priorities}</h2>
                <p class="muted">{move || t().matrix_keys}</p>
                <EvaluationMatrix
                    caption=Signal::derive(move || t().values_priorities.to_string())
                    rows=priorities
                    cols=values
                    marked=marked(app, id.clone(), MatrixKind::ValuesPriorities, false)
                    cell_name=Signal::derive(move || t().value_supports)
                    suggested_word=Signal::derive(move || t().suggested)
                    empty=Signal::derive(move || t().matrix_empty)
                    on_toggle=toggler(app, id.clone(), MatrixKind::ValuesPriorities, false)
                />
                <EvaluationMatrix
                    caption=Signal::derive(move || t().values_goals.to_string())
                    rows=goals
                    cols=values
                    marked=marked(app, id.clone(), MatrixKind::ValuesGoals, false)
                    cell_name=Signal::derive(move || t().value_supports)
                    suggested_word=Signal::derive(move || t().suggested)
                    empty=Signal::derive(move || t().matrix_empty)
                    on_toggle=toggler(app, id.clone(), MatrixKind::ValuesGoals, false)
                />
            </section>
            <section class="card" aria-labelledby="ev-relevance">
                <h2 id="ev-relevance">{move || t().relevance}</h2>
                <p class="muted">{move || t().relevance_hint}</p>
                <For
                    each=move || goals.get()
                    key=|g| (g.id.clone(), g.header.clone())
                    children=move |g| view! { <EvaluationRelevance id=relevance_id.clone() goal_id=g.id goal=g.header /> }
                />
            </section>
            <section class="card" aria-labelledby="ev-effectiveness">
                <h2 id="ev-effectiveness">{move || t().effectiveness}</h2>
                <p class="muted">{move || fill(t().effectiveness_year, &[("year", &record_year.get().to_string())])}</p>
                <p class="tile" data-testid="effectiveness">{achieved}</p>
                <TextField label=move || t().effectiveness_narrative value=narrative on_change=set_narrative multiline=true />
            </section>
            <section class="card" aria-labelledby="ev-coherence">
                <h2 id="ev-coherence">{move || t().coherence}</h2>
                <p class="muted">{move || t().coherence_hint}</p>
                <button type="button" class="button" disabled=move || suggested.with(Vec::is_empty) on:click=accept>
                    {move || fill(t().accept_suggestions, &[("n", &suggested.with(Vec::len).to_string())])}
                </button>
                <EvaluationMatrix
                    caption=Signal::derive(move || t().coherence.to_string())
                    rows=goals
                    cols=documents
                    marked=coherence
                    suggested=suggested
                    cell_name=Signal::derive(move || t().coherent_with)
                    suggested_word=Signal::derive(move || t().suggested)
                    empty=Signal::derive(move || t().matrix_empty)
                    on_toggle=toggler(app, id.clone(), MatrixKind::Coherence, true)
                />
            </section>
            <EvaluationRecommendations id=id.clone() />
        </div>
    }
}
