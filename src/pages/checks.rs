//! Checks: every validation problem of the strategy, each with a link to the
//! item it concerns: nodes of the tree (at any depth) and their indicators
//! open in Structure, the overarching goal in Overview.

use leptos::prelude::*;
use strategy_core::problem::item_path;
use strategy_core::walk::{ItemKind, NodeAt, Place};

use crate::components::problem_list::{problem_list, PathShown};
use crate::route::{Route, Section};
use crate::state::use_app;

/// The editor section that shows the item at a place.
fn section_of(place: &Place) -> Section {
    match place {
        Place::Node(at) if *at == NodeAt::overarching() => Section::Overview,
        _ => match place.kind() {
            ItemKind::Node | ItemKind::Indicator => Section::Structure,
            ItemKind::TargetGroup | ItemKind::PolicyDocument | ItemKind::Swot | ItemKind::Risk | ItemKind::Table | ItemKind::Unit => Section::Context,
            ItemKind::Evaluation => Section::Evaluation,
            _ => Section::Overview,
        },
    }
}

/// The list of validation problems.
#[component]
pub fn ChecksSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    // Where each item path leads: (section, item id).
    let targets = Memo::new(move |_| {
        app.document.read(|s, _| {
            Some(
                s.every_id()
                    .into_iter()
                    .map(|(id, place)| (place.path(), (section_of(&place), id.to_string())))
                    .collect::<std::collections::HashMap<_, _>>(),
            )
        })
        .unwrap_or_default()
    });
    let show = move |path: &str| {
        let (section, focus) = targets.with(|m| m.get(item_path(path)).cloned()).map_or((Section::Overview, None), |(s, id)| (s, Some(id)));
        let id = app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
        app.navigate(Route::Strategy { id, section, focus });
    };
    let list = move || {
        let problems = app.document.problems.get();
        if problems.is_empty() {
            return view! { <p class="ok-text">{t().no_problems}</p> }.into_any();
        }
        problem_list(problems, app.lang.get(), PathShown::Full, Some(Callback::new(move |path: String| show(&path)))).into_any()
    };
    view! {
        <h1>{move || t().section_checks}</h1>
        {list}
    }
}
