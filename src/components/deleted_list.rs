//! The recently deleted strategies: each with when it was deleted and a
//! Restore button; shown only when there are any (they are kept 30 days).

use leptos::prelude::*;

use crate::components::strategy_row::{library_table, local_time};
use crate::state::use_app;

/// The "Recently deleted" section of the library.
#[component]
pub fn DeletedList() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let rows = move || {
        app.library.deleted
            .get()
            .into_iter()
            .map(|meta| {
                let doc = StoredValue::new(meta.doc.clone());
                let title = if meta.title.trim().is_empty() { t().untitled.to_string() } else { meta.title.clone() };
                let deleted = meta.deleted.clone();
                view! {
                    <tr>
                        <th scope="row">{title}</th>
                        <td>{format!("{}–{}", meta.start_year, meta.end_year)}</td>
                        <td>{move || local_time(&deleted, app.lang.get().code())}</td>
                        <td class="row-actions">
                            <button type="button" class="button small" on:click=move |_| app.library.restore(&doc.get_value())>{move || t().restore}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || app.library.deleted.with(|d| !d.is_empty())>
            <section class="recently-deleted" aria-labelledby="recently-deleted">
                <h2 id="recently-deleted">{move || t().recently_deleted}</h2>
                <p class="field-hint">{move || t().recently_deleted_hint}</p>
                {library_table(
                    vec![
                        Signal::derive(move || t().col_title),
                        Signal::derive(move || t().col_period),
                        Signal::derive(move || t().col_deleted),
                        Signal::derive(move || t().col_actions),
                    ],
                    rows,
                )}
            </section>
        </Show>
    }
}
