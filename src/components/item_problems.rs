//! Validation problems of one item, shown next to it.

use leptos::prelude::*;
use strategy_core::problem::item_path;
use strategy_core::Severity;

use crate::state::use_app;

/// The problems whose item is the one at `path` (`""`: the strategy itself).
#[component]
pub fn ItemProblems(#[prop(into)] path: Signal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let mine = move || {
        let Some(path) = path.get() else { return Vec::new() };
        app.problems.with(|ps| ps.iter().filter(|p| item_path(&p.path) == path).cloned().collect::<Vec<_>>())
    };
    view! {
        <Show when=move || !mine().is_empty()>
            <ul class="problems inline" role="status">
                {move || {
                    mine()
                        .into_iter()
                        .map(|p| {
                            let class = if p.severity == Severity::Error { "problem error" } else { "problem warning" };
                            let field = p.path.rsplit('.').next().unwrap_or_default().to_string();
                            let message = p.message_in(app.lang.get()).to_string();
                            view! {
                                <li class=class>
                                    <code>{field}</code>
                                    ": "
                                    {message}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
