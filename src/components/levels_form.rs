//! The strategy's levels, top first: each one's name in Latvian and English
//! and its numbering rule; a level is added at the end, and only the last one
//! is removed, when no node is at it ([`MIN_LEVELS`]..=[`MAX_LEVELS`]
//! levels); and what the strategy calls its indicators. Every change is an
//! edit of the document (undone with Ctrl+Z, saved like any other).

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::{Level, Numbering, MAX_LEVELS, MIN_LEVELS};
use wasm_bindgen::JsCast;

use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::state::use_app;

/// Edits the levels and the indicators' name.
#[component]
pub fn LevelsForm() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let count = move || app.document.read(|s, _| Some(s.levels.len())).unwrap_or(0);
    // How many nodes are at the last level (it can be removed only when none).
    let at_last = move || app.document.read(|s, _| Some(s.nodes_at_level(s.levels.len().checked_sub(1)?).len())).unwrap_or(0);
    let add = move |_| {
        let mut added = None;
        app.document.edit(None, |s| {
            if s.levels.len() >= MAX_LEVELS {
                return;
            }
            let n = s.levels.len() + 1;
            let key = (n..).map(|k| format!("l{k}")).find(|k| s.level_index(k).is_none()).expect("keys are unbounded");
            let name = |lang: strategy_core::i18n::Lang| fill(lang.texts().level_n, &[("n", &n.to_string())]);
            s.levels.push(Level::new(&key, &name(strategy_core::i18n::Lang::Lv), &name(strategy_core::i18n::Lang::En), Numbering::Hierarchical));
            added = Some(n - 1);
        });
        if let Some(i) = added {
            request_animation_frame(move || {
                if let Ok(Some(el)) = document().query_selector(&format!("[data-level-index=\"{i}\"] input")) {
                    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            });
        }
    };
    let remove = move |_| {
        app.document.edit(None, |s| {
            if s.levels.len() > MIN_LEVELS && s.nodes_at_level(s.levels.len() - 1).is_empty() {
                s.levels.pop();
            }
        })
    };
    let (indicator_lv, set_indicator_lv) = app.document.bind("indicator_name.lv", |s, _| Some(s.indicator_name.lv.clone()), |s, v| s.indicator_name.lv = v);
    let (indicator_en, set_indicator_en) = app.document.bind("indicator_name.en", |s, _| Some(s.indicator_name.en.clone()), |s, v| s.indicator_name.en = v);
    view! {
        <details class="card levels-form">
            <summary>{move || t().levels}</summary>
            <p class="field-hint">{move || t().levels_hint}</p>
            <For each=move || 0..count() key=|i| *i children=move |i| view! { <LevelRow index=i /> } />
            <div class="toolbar">
                <Show when=move || { count() < MAX_LEVELS }>
                    <button type="button" class="button small" on:click=add>"+ "{move || t().add_level}</button>
                </Show>
                <Show when=move || { count() > MIN_LEVELS && at_last() == 0 }>
                    <button type="button" class="button small" on:click=remove>{move || t().remove_last_level}</button>
                </Show>
                <Show when=move || { count() > MIN_LEVELS && at_last() > 0 }>
                    <span class="field-hint">{move || fill(t().last_level_in_use, &[("count", &at_last().to_string())])}</span>
                </Show>
            </div>
            <fieldset class="level-row">
                <legend>{move || t().indicators_level}</legend>
                <div class="grid-3">
                    <TextField label=move || t().name_lv value=indicator_lv on_change=set_indicator_lv />
                    <TextField label=move || t().name_en value=indicator_en on_change=set_indicator_en />
                </div>
            </fieldset>
        </details>
    }
}

/// The level at `index`: its names and numbering rule.
#[component]
fn LevelRow(index: usize) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let i = index;
    let (lv, set_lv) = app.document.bind(
        format!("levels[{i}].name.lv"),
        move |s, _| s.levels.get(i).map(|l| l.name.lv.clone()),
        move |s, v| {
            if let Some(l) = s.levels.get_mut(i) {
                l.name.lv = v
            }
        },
    );
    let (en, set_en) = app.document.bind(
        format!("levels[{i}].name.en"),
        move |s, _| s.levels.get(i).map(|l| l.name.en.clone()),
        move |s, v| {
            if let Some(l) = s.levels.get_mut(i) {
                l.name.en = v
            }
        },
    );
    let (numbering, set_numbering) = app.document.bind(
        format!("levels[{i}].numbering"),
        move |s, _| s.levels.get(i).map(|l| if l.numbering == Numbering::Global { "global".into() } else { "hierarchical".into() }),
        move |s, v| {
            if let Some(l) = s.levels.get_mut(i) {
                l.numbering = if v == "global" { Numbering::Global } else { Numbering::Hierarchical }
            }
        },
    );
    let options = Signal::derive(move || {
        vec![("global".to_string(), t().numbering_global.to_string()), ("hierarchical".to_string(), t().numbering_hierarchical.to_string())]
    });
    let legend = move || fill(t().level_n, &[("n", &(i + 1).to_string())]);
    view! {
        <fieldset class="level-row" data-level-index=i>
            <legend>{legend}</legend>
            <div class="grid-3">
                <TextField label=move || t().name_lv value=lv on_change=set_lv />
                <TextField label=move || t().name_en value=en on_change=set_en />
                <SelectField label=move || t().numbering value=numbering options=options on_change=set_numbering />
            </div>
        </fieldset>
    }
}
