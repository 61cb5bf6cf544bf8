//! Validation problems of one item, shown next to it.

use leptos::prelude::*;
use strategy_core::problem::item_path;

use crate::components::problem_list::{problem_list, PathShown};
use crate::state::use_app;

/// The problems whose item is the one at `path` (`""`: the strategy itself).
#[component]
pub fn ItemProblems(#[prop(into)] path: Signal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let mine = move || {
        let Some(path) = path.get() else { return Vec::new() };
        app.document.problems.with(|ps| ps.iter().filter(|p| item_path(&p.path) == path).cloned().collect::<Vec<_>>())
    };
    view! {
        <Show when=move || !mine().is_empty()>
            {move || problem_list(mine(), app.lang.get(), PathShown::Field, None)}
        </Show>
    }
}
