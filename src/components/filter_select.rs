//! A labelled filter select whose first option is "all", and the choices the
//! filters offer: the declared levels by their names, and every node of the
//! tree with its number and level name, indented by depth.

use std::collections::HashMap;

use leptos::prelude::*;
use strategy_core::i18n::Lang;
use strategy_core::numbering::label;
use strategy_core::walk::{NodeAt, NodeRef};
use strategy_core::Strategy;

use crate::state::use_app;

/// The option value that stands for the overarching goal's level (it has none).
pub const OVERARCHING: &str = "overarching";

/// A labelled `<select>` bound to `value`; `""` is "all" (or `all_label`).
#[component]
pub fn FilterSelect(
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] all_label: Option<TextProp>,
) -> impl IntoView {
    let app = use_app();
    let all = move || all_label.as_ref().map_or_else(|| app.t().all.to_string(), |l| l.get().to_string());
    view! {
        <label class="field">
            <span class="field-label">{move || label.get()}</span>
            <select on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                <option value="" selected=move || value.get().is_empty()>{all}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v.clone();
                            view! { <option value=v selected=move || value.get() == selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The level of a node as an option value: its index, or [`OVERARCHING`].
pub fn level_value(level: Option<usize>) -> String {
    level.map_or_else(|| OVERARCHING.to_string(), |l| l.to_string())
}

/// One choice per declared level (value: its index), named in `lang`; the
/// overarching goal first when the strategy has one.
pub fn level_choices(s: &Strategy, lang: Lang) -> Vec<(String, String)> {
    let og = s.overarching_goal.as_ref().map(|_| (OVERARCHING.to_string(), lang.texts().overarching_goal.to_string()));
    og.into_iter().chain(s.levels.iter().enumerate().map(|(l, level)| (l.to_string(), lang.name(&level.name).to_string()))).collect()
}

/// A node's label in a list of every node: "1.2. Title — Goal", indented by depth.
pub fn node_choice_label(s: &Strategy, numbers: &HashMap<String, String>, n: &NodeRef, lang: Lang) -> String {
    let level = match n.level.and_then(|l| s.levels.get(l)) {
        Some(level) => lang.name(&level.name).to_string(),
        None if n.at == NodeAt::overarching() => lang.texts().overarching_goal.to_string(),
        // An undeclared level (validation reports it): its key.
        None => n.node.level.clone(),
    };
    let indent = "\u{a0}\u{a0}\u{a0}".repeat(n.ancestors.len());
    format!("{indent}{} — {level}", label(numbers, n.node))
}

/// Every node in document order (value: its id), labelled by [`node_choice_label`].
pub fn node_choices(s: &Strategy, numbers: &HashMap<String, String>, lang: Lang) -> Vec<(String, String)> {
    s.nodes().iter().map(|n| (n.node.id.clone(), node_choice_label(s, numbers, n, lang))).collect()
}
