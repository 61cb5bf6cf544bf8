//! Checks: every validation problem of the strategy, each with a link to the
//! item it concerns.

use leptos::prelude::*;
use strategy_core::problem::item_path;
use strategy_core::walk::ItemKind;
use strategy_core::Severity;

use crate::route::{Route, Section};
use crate::state::use_app;

/// The editor section that shows items of a kind.
fn section_of(kind: ItemKind) -> Section {
    match kind {
        ItemKind::Priority | ItemKind::Goal | ItemKind::Result | ItemKind::Task | ItemKind::Indicator => Section::Structure,
        ItemKind::TargetGroup | ItemKind::PolicyDocument | ItemKind::Swot | ItemKind::Risk | ItemKind::Table | ItemKind::Unit => Section::Context,
        _ => Section::Overview,
    }
}

/// The list of validation problems.
#[component]
pub fn ChecksSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    // Where each item path leads: (section, item id).
    let targets = Memo::new(move |_| {
        app.read(|s, _| {
            Some(
                s.all_ids()
                    .into_iter()
                    .map(|(id, list, i)| (format!("{}[{i}]", list.path()), (section_of(list.kind()), id.to_string())))
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
        let problems = app.problems.get();
        if problems.is_empty() {
            return view! { <p class="ok-text">{t().no_problems}</p> }.into_any();
        }
        view! {
            <ul class="problems">
                {problems
                    .into_iter()
                    .map(|p| {
                        let (class, label) = if p.severity == Severity::Error { ("problem error", t().error) } else { ("problem warning", t().warning) };
                        let path = p.path.clone();
                        let message = p.message_in(app.lang.get()).to_string();
                        view! {
                            <li class=class>
                                <strong>{label}</strong>
                                " "
                                <code>{p.path}</code>
                                ": "
                                {message}
                                " "
                                <button type="button" class="button small" on:click=move |_| show(&path)>{t().show}</button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h1>{move || t().section_checks}</h1>
        {list}
    }
}
