//! The differences between two versions of a strategy as a table, one row
//! per [`Change`] from `strategy_core::compare`: what happened, to which
//! item, where (its JSON path), and the text before and after. The one table
//! of differences: the workshop's snapshots and the Compare section both use it.

use leptos::prelude::*;
use strategy_core::compare::{Change, Kind};

use crate::state::use_app;

/// The table of `changes`, or "No differences." when there are none.
#[component]
pub fn CompareTable(changes: Vec<Change>) -> impl IntoView {
    let app = use_app();
    let t = app.t();
    if changes.is_empty() {
        return view! { <p class="compare-none">{t.workshop_compare_none}</p> }.into_any();
    }
    let rows = changes
        .into_iter()
        .map(|c| {
            let (word, label) = match c.kind {
                Kind::Added => ("added", t.workshop_added),
                Kind::Removed => ("removed", t.workshop_removed),
                Kind::Changed => ("changed", t.workshop_changed),
            };
            view! { <tr data-kind=word><td>{label}</td><td>{c.label}</td><td><code>{c.path}</code></td><td>{c.before}</td><td>{c.after}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{t.compare_kind}</th>
                        <th scope="col">{t.compare_item}</th>
                        <th scope="col">{t.compare_where}</th>
                        <th scope="col">{t.compare_before}</th>
                        <th scope="col">{t.compare_after}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
