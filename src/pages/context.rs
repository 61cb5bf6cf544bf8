//! Context: target groups and needs, policy documents, SWOT, risks,
//! resources, organisational units, implementation and monitoring.

use leptos::prelude::*;
use strategy_core::{PolicyDocument, Risk, SwotItem, TargetGroup, Unit};

use crate::components::context_items;
use crate::components::list_editor::ListEditor;
use crate::components::text_field::TextField;
use crate::strategy_field;
use crate::state::{use_app, AppState};

/// The ids of a flat list and a callback that adds an item to it.
fn list<T: strategy_core::edit::Listed + 'static>(app: AppState) -> (Signal<Vec<String>>, Callback<()>) {
    let ids = Signal::derive(move || app.listed_ids::<T>());
    let add = Callback::new(move |_| app.add_and_focus(|s| Some(s.new_listed::<T>())));
    (ids, add)
}

/// The context section of the editor.
#[component]
pub fn ContextSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    view! {
        <h1>{move || t().section_context}</h1>
        {
            let (ids, add) = list::<TargetGroup>(app);
            view! { <ListEditor title=move || t().target_groups add_label=move || t().add_target_group ids=ids on_add=add item=context_items::target_group /> }
        }
        {
            let (ids, add) = list::<PolicyDocument>(app);
            view! { <ListEditor title=move || t().policy_documents add_label=move || t().add_policy_document ids=ids on_add=add item=context_items::policy_document /> }
        }
        {
            let (ids, add) = list::<SwotItem>(app);
            view! { <ListEditor title=move || t().swot add_label=move || t().add_swot ids=ids on_add=add item=context_items::swot_item /> }
        }
        {
            let (ids, add) = list::<Risk>(app);
            view! { <ListEditor title=move || t().risks add_label=move || t().add_risk ids=ids on_add=add item=context_items::risk /> }
        }
        <section class="card" aria-labelledby="ctx-resources">
            <h2 id="ctx-resources">{move || t().resources}</h2>
            {strategy_field!(app, human_resources, resources.human, multiline)}
            {strategy_field!(app, financial_resources, resources.financial, multiline)}
            {strategy_field!(app, technical_resources, resources.technical, multiline)}
        </section>
        {
            let (ids, add) = list::<Unit>(app);
            view! { <ListEditor title=move || t().units add_label=move || t().add_unit ids=ids on_add=add item=context_items::unit /> }
        }
        <section class="card" aria-labelledby="ctx-monitoring">
            <h2 id="ctx-monitoring">{move || t().monitoring}</h2>
            {strategy_field!(app, text, monitoring.text, multiline)}
            {strategy_field!(app, review_frequency, monitoring.review_frequency, multiline)}
        </section>
    }
}
