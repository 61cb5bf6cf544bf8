//! A dialog to paste JSON text, for files that arrive by e-mail or chat.

use leptos::prelude::*;

use crate::state::use_app;

/// A text area whose content is imported like a file.
#[component]
pub fn PasteDialog(on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let text = RwSignal::new(String::new());
    view! {
        <div class="backdrop" on:click=move |_| on_close.run(())></div>
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title">
            <h2 id="paste-title">{move || t().paste_json}</h2>
            <label class="field">
                <span class="field-label">{move || t().paste_json_label}</span>
                <textarea rows="10" prop:value=text on:input=move |ev| text.set(event_target_value(&ev)) autofocus></textarea>
            </label>
            <div class="dialog-actions">
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| {
                        on_close.run(());
                        app.import.start_import(&text.get_untracked());
                    }
                >
                    {move || t().paste_json_go}
                </button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>{move || t().cancel}</button>
            </div>
        </div>
    }
}
