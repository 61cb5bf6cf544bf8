//! Structure: the outline of the strategy's tree at any depth (the
//! overarching goal with its own children above the top-level items), and
//! the levels this strategy declares. Which branches are collapsed is kept
//! here, in the view, never in the document.

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::change::Change;
use strategy_core::Node;

use crate::components::levels_form::LevelsForm;
use crate::components::node_block::NodeBlock;
use crate::components::reorder::OutlineView;
use crate::state::use_app;

/// The structure section of the editor.
#[component]
pub fn StructureSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let view = OutlineView::new();
    provide_context(view);
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
        </div>
        {move || match overarching() {
            Some(id) => view! { <div class="outline"><NodeBlock id=id /></div> }.into_any(),
            None => view! { <button type="button" class="button small" on:click=add_overarching>"+ "{move || t().add_overarching_goal}</button> }.into_any(),
        }}
        <div class="outline">
            <For each=item_ids key=|id| id.clone() children=move |id| view! { <NodeBlock id=id /> } />
        </div>
        <button type="button" class="button primary" on:click=add_item>"+ "{move || fill(t().add_named, &[("name", &top_level())])}</button>
        <p class="visually-hidden" role="status" aria-live="polite">{move || view.announce.get()}</p>
    }
}
