//! A button that opens the file picker and starts an import, and where the
//! browser can keep real files, "Open file…", whose file stays linked when
//! it is imported as it is (see `crate::state::file`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_app;

/// Opens a file picker for a JSON file and shows the import preview.
#[component]
pub fn ImportButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let app = use_app();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = ev.target().expect("an input").unchecked_into();
        let Some(file) = target.files().and_then(|f| f.get(0)) else { return };
        target.set_value("");
        leptos::task::spawn_local(async move { app.import.import_file(file).await });
    };
    view! {
        <button
            type="button"
            class=if primary { "button primary" } else { "button" }
            on:click=move |_| {
                if let Some(i) = input.get() {
                    i.click();
                }
            }
        >
            {move || app.t().import_file}
        </button>
        <Show when=move || app.files.supported()>
            <button type="button" class="button" on:click=move |_| leptos::task::spawn_local(async move { app.files.open_file(app.import).await })>
                {move || app.t().open_file}
            </button>
        </Show>
        <input
            node_ref=input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            data-testid="import-file"
            on:change=on_change
        />
    }
}
