//! Checks: every validation problem of the strategy, with where it is.

use leptos::prelude::*;
use strategy_core::Severity;

use crate::state::use_app;

/// The list of validation problems.
#[component]
pub fn ChecksSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
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
                        view! {
                            <li class=class>
                                <strong>{label}</strong>
                                " "
                                <code>{p.path}</code>
                                ": "
                                {p.message}
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
