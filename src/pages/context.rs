//! Context: the context analysis and methodology, target groups with their
//! needs and interests (under the name the strategy gives them), policy
//! documents, SWOT, risks, resources, organisational units, implementation
//! and monitoring, the glossary of abbreviations and the references.

use leptos::prelude::*;
use strategy_core::{Abbreviation, PolicyDocument, Reference, Risk, SwotItem, TargetGroup, Unit};

use crate::components::context_items;
use crate::components::list_editor::ListEditor;
use crate::components::text_field::TextField;
use crate::strategy_field;
use crate::state::{use_app, AppState};

/// The ids of a flat list and a callback that adds an item to it.
fn list<T: strategy_core::edit::Listed + 'static>(app: AppState) -> (Signal<Vec<String>>, Callback<()>) {
    let ids = Signal::derive(move || app.document.listed_ids::<T>());
    let add = Callback::new(move |_| app.document.add_and_focus(|s| Some(s.new_listed::<T>())));
    (ids, add)
}

/// The target groups' heading: what the strategy calls them in the
/// interface language, else the interface's own words (tracked).
fn target_groups_title(app: AppState) -> String {
    let lang = app.lang.get();
    app.document.read(|s, _| Some(lang.name(&s.target_group_name).trim().to_string()))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| app.t().target_groups.to_string())
}

/// The context section of the editor.
#[component]
pub fn ContextSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    view! {
        <h1>{move || t().section_context}</h1>
        <section class="card" aria-labelledby="ctx-analysis">
            <h2 id="ctx-analysis">{move || t().analysis}</h2>
            {strategy_field!(app, context_analysis, context_analysis, multiline)}
            {strategy_field!(app, methodology, methodology, multiline)}
        </section>
        {
            let (ids, add) = list::<TargetGroup>(app);
            view! {
                <ListEditor title=move || target_groups_title(app) add_label=move || t().add_target_group ids=ids on_add=add item=context_items::target_group>
                    <div class="grid-2">
                        {strategy_field!(app, target_group_name_lv, target_group_name.lv)}
                        {strategy_field!(app, target_group_name_en, target_group_name.en)}
                    </div>
                </ListEditor>
            }
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
        {
            let (ids, add) = list::<Abbreviation>(app);
            view! { <ListEditor title=move || t().glossary add_label=move || t().add_abbreviation ids=ids on_add=add item=context_items::abbreviation /> }
        }
        {
            let (ids, add) = list::<Reference>(app);
            view! { <ListEditor title=move || t().references add_label=move || t().add_reference ids=ids on_add=add item=context_items::reference /> }
        }
    }
}
