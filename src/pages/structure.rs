//! Structure: the outline of the strategy's tree at any depth (the
//! overarching goal with its own children above the top-level items), and
//! the levels this strategy declares. Which branches are collapsed is kept
//! here, in the view, never in the document.
//!
//! Rule: a long outline (more than [`BUILT_AT_ONCE`] items) builds each item
//! only as it comes near the view, so it opens as fast as a short one; the
//! find box (the find-in-page of items not built yet) and the keyboard
//! reach every item all the same, building it on the way.

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::change::Change;
use strategy_core::{Node, Strategy};

use crate::components::levels_form::LevelsForm;
use crate::components::node_block::{deferred_node, level_name, NodeBlock};
use crate::components::reorder::OutlineView;
use crate::route::Route;
use crate::state::use_app;

/// Up to how many items (nodes and indicators) an outline is built at once.
pub const BUILT_AT_ONCE: usize = 400;

/// The ids of the outline's items whose level, number and title (a node's)
/// or name (an indicator's) contain `needle` (lower case), in the outline's order.
fn outline_matches(s: &Strategy, numbers: &std::collections::HashMap<String, String>, lang: strategy_core::i18n::Lang, needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in s.nodes() {
        let number = numbers.get(&r.node.id).map_or("", String::as_str);
        if format!("{} {number} {}", level_name(s, r.node, lang), r.node.title).to_lowercase().contains(needle) {
            out.push(r.node.id.clone());
        }
        out.extend(r.node.indicators.iter().filter(|i| i.name.to_lowercase().contains(needle)).map(|i| i.id.clone()));
    }
    out
}

/// The structure section of the editor.
#[component]
pub fn StructureSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let items = app.document.doc.with_untracked(|d| d.as_ref().map_or(0, |s| s.nodes().iter().map(|r| 1 + r.node.indicators.len()).sum::<usize>()));
    let view = OutlineView::new(items > BUILT_AT_ONCE);
    provide_context(view);
    // Opened on an item (from the checks or the goal map): build it.
    Effect::new(move |_| {
        if let Route::Strategy { focus: Some(id), .. } = app.route.get() {
            view.reveal(app, &id);
        }
    });
    // Find: each Enter (or Next) focuses the next item that matches, built or not.
    let needle = RwSignal::new(String::new());
    let found = RwSignal::new(String::new());
    let last_found = StoredValue::new(None::<String>);
    let find_next = move || {
        let text = needle.get_untracked().trim().to_lowercase();
        if text.is_empty() {
            return;
        }
        let (lang, numbers) = (app.lang.get_untracked(), app.document.numbers.get_untracked());
        let matches = app.document.doc.with_untracked(|d| d.as_ref().map(|s| outline_matches(s, &numbers, lang, &text))).unwrap_or_default();
        let texts = lang.texts();
        let after = last_found.get_value().and_then(|id| matches.iter().position(|m| *m == id));
        let Some(next) = matches.get(after.map_or(0, |i| (i + 1) % matches.len())) else {
            found.set(texts.outline_not_found.to_string());
            return;
        };
        let n = matches.iter().position(|m| m == next).unwrap_or(0) + 1;
        found.set(fill(texts.outline_found, &[("n", &n.to_string()), ("total", &matches.len().to_string())]));
        last_found.set_value(Some(next.clone()));
        view.reveal(app, next);
        crate::web::focus_item(next.clone());
    };
    let on_find_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            find_next();
        }
    };
    let item_ids = move || app.document.read(|s, _| Some(s.items.iter().map(|n| n.id.clone()).collect::<Vec<_>>())).unwrap_or_default();
    let overarching = move || app.document.read(|s, _| s.overarching_goal.as_ref().map(|o| o.id.clone()));
    let top_level = move || app.document.read(|s, _| s.levels.first().map(|l| app.lang.get().name(&l.name).to_string())).unwrap_or_default();
    let add_item = move |_| app.document.add_and_focus(|s| s.new_child(None, ""));
    let add_overarching = move |_| {
        app.document.add_and_focus(|s| Some(Change::Overarching(Some(Box::new(Node { id: s.fresh_id("og"), ..Node::default() })))))
    };
    // Collapses every branch that has something under it.
    let collapse_all = move |_| {
        let ids = app.document.read(|s, _| Some(s.nodes().iter().filter(|r| !r.node.children.is_empty() || !r.node.indicators.is_empty()).map(|r| r.node.id.clone()).collect()));
        view.collapsed.set(ids.unwrap_or_default());
    };
    view! {
        <h1>{move || t().section_structure}</h1>
        <p class="lead">{move || t().outline_keys}</p>
        <LevelsForm />
        <div class="toolbar">
            <button type="button" class="button small" on:click=collapse_all>{move || t().collapse_all}</button>
            <button type="button" class="button small" on:click=move |_| view.collapsed.set(Default::default())>{move || t().expand_all}</button>
            <label class="field outline-find">
                <span class="field-label">{move || t().outline_find}</span>
                <input type="search" data-testid="outline-find" placeholder=move || t().outline_find_hint prop:value=move || needle.get() on:input=move |ev| needle.set(event_target_value(&ev)) on:keydown=on_find_key />
            </label>
            <button type="button" class="button small" on:click=move |_| find_next()>{move || t().outline_find_next}</button>
            <span role="status" data-testid="outline-found">{move || found.get()}</span>
        </div>
        {move || match overarching() {
            Some(id) => view! { <div class="outline"><NodeBlock id=id /></div> }.into_any(),
            None => view! { <button type="button" class="button small" on:click=add_overarching>"+ "{move || t().add_overarching_goal}</button> }.into_any(),
        }}
        <div class="outline">
            <For each=item_ids key=|id| id.clone() children=move |id| deferred_node(id).into_any() />
        </div>
        <button type="button" class="button primary" on:click=add_item>"+ "{move || fill(t().add_named, &[("name", &top_level())])}</button>
        <p class="visually-hidden" role="status" aria-live="polite">{move || view.announce.get()}</p>
    }
}
