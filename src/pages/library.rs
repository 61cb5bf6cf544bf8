//! The start page: every strategy in this browser, the recently deleted
//! ones, and ways to begin.

use leptos::prelude::*;
use strategy_core::library::Entry;

use crate::components::damaged_row::DamagedRow;
use crate::components::deleted_list::DeletedList;
use crate::components::example_list::ExampleList;
use crate::components::import_button::ImportButton;
use crate::components::new_strategy_form::NewStrategyForm;
use crate::components::paste_dialog::PasteDialog;
use crate::components::storage_status::StorageStatus;
use crate::components::strategy_row::{library_table, StrategyRow};
use crate::state::use_app;

/// The library of strategies, with create, import and the examples.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let creating = RwSignal::new(false);
    let pasting = RwSignal::new(false);
    let empty = move || app.library.entries.with(Vec::is_empty);
    let rows = move || {
        app.library.entries
            .get()
            .into_iter()
            .map(|e| match e {
                Entry::Ok(meta) => view! { <StrategyRow meta=meta /> }.into_any(),
                Entry::Damaged { id, reason } => view! { <DamagedRow id=id reason=reason /> }.into_any(),
                Entry::Newer { id, version } => view! { <DamagedRow id=id reason=String::new() newer=version /> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <main class="page library" id="main">
            <h1>{move || if empty() { t().start_title } else { t().library_title }}</h1>
            <p class="lead">{move || t().library_hint}</p>
            <StorageStatus />
            <div class="toolbar">
                <button type="button" class="button primary" on:click=move |_| creating.set(true)>{move || t().new_strategy}</button>
                <ImportButton />
                <button type="button" class="button" on:click=move |_| pasting.set(true)>{move || t().paste_json}</button>
            </div>
            <p class="field-hint">{move || t().drop_hint}</p>
            <Show when=move || creating.get()>
                <NewStrategyForm on_close=Callback::new(move |_| creating.set(false)) />
            </Show>
            <Show when=move || pasting.get()>
                <PasteDialog on_close=Callback::new(move |_| pasting.set(false)) />
            </Show>
            <Show when=move || !empty()>
                {library_table(
                    vec![
                        Signal::derive(move || t().col_title),
                        Signal::derive(move || t().col_institution),
                        Signal::derive(move || t().col_period),
                        Signal::derive(move || t().col_updated),
                        Signal::derive(move || t().col_actions),
                    ],
                    rows,
                )}
            </Show>
            <DeletedList />
            <ExampleList />
        </main>
    }
}
