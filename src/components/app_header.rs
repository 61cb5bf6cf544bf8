//! The bar at the top: the app's name, the open strategy, undo/redo, the save
//! state and the interface language.

use leptos::prelude::*;
use strategy_core::file_link::FileState;
use strategy_core::i18n::{fill, Lang};

use crate::route::Route;
use crate::state::{use_app, SaveState};

/// Export, "Save to file…" (where the browser can keep a real file) and
/// what the open strategy's file holds.
#[component]
fn FileControls() -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let state = move || match app.files.state() {
        FileState::Unlinked => None,
        FileState::Saved { name } => Some(("file-state", fill(t().file_saved_to, &[("name", &name)]))),
        FileState::Writing { name } => Some(("file-state pending", fill(t().file_writing, &[("name", &name)]))),
        FileState::Failed { name, .. } => Some(("file-state failed", fill(t().file_failed, &[("name", &name)]))),
    };
    let save_to_file = move |_| leptos::task::spawn_local(async move { app.files.save_to_file().await });
    view! {
        <div class="file-buttons" role="group" aria-label=move || t().export>
            <button type="button" class="button small" on:click=move |_| app.library.export_open()>{move || t().export}</button>
            <Show when=move || app.files.supported()>
                <button type="button" class="button small" on:click=save_to_file>{move || t().save_to_file}</button>
            </Show>
        </div>
        {move || state().map(|(class, text)| view! { <span class=class role="status" data-testid="file-state">{text}</span> })}
    }
    .into_any()
}

/// The app's header.
#[component]
pub fn AppHeader() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let open_title = move || app.document.doc.with(|d| d.as_ref().map(|s| s.title.clone()));
    let in_editor = move || matches!(app.route.get(), Route::Strategy { .. });
    let save_label = move || match app.autosave.save_state.get() {
        SaveState::Saved => t().saved,
        SaveState::Pending => t().saving,
        SaveState::Failed => t().not_saved,
    };
    view! {
        <header class="app-header">
            <a class="brand" href="#/" on:click=move |_| app.autosave.flush()>
                <svg aria-hidden="true" viewBox="0 0 16 16" width="22" height="22">
                    <rect width="16" height="16" rx="3" fill="currentColor"></rect>
                    <path d="M4 11l3-3 2 2 3-4" stroke="#fff" stroke-width="1.6" fill="none"></path>
                </svg>
                <span>{move || t().app_name}</span>
            </a>
            <Show when=in_editor>
                <span class="open-title" title=move || open_title().unwrap_or_default()>{move || open_title().unwrap_or_default()}</span>
                <div class="history-buttons" role="group" aria-label=move || format!("{} / {}", t().undo, t().redo)>
                    <button type="button" class="button small" on:click=move |_| app.document.undo() disabled=move || !app.document.can_undo.get() || app.autosave.read_only.get() title="Ctrl+Z">
                        "↶ "{move || t().undo}
                    </button>
                    <button type="button" class="button small" on:click=move |_| app.document.redo() disabled=move || !app.document.can_redo.get() || app.autosave.read_only.get() title="Ctrl+Shift+Z">
                        "↷ "{move || t().redo}
                    </button>
                </div>
                <span
                    class="save-state"
                    class:pending=move || app.autosave.save_state.get() == SaveState::Pending
                    class:failed=move || app.autosave.save_state.get() == SaveState::Failed
                    role="status"
                    data-testid="save-state"
                >
                    {save_label}
                </span>
                <FileControls />
            </Show>
            <label class="lang-switch">
                <span class="visually-hidden">{move || t().interface_language}</span>
                <select
                    aria-label=move || t().interface_language
                    on:change=move |ev| app.set_lang(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Lv })
                    prop:value=move || app.lang.get().code()
                >
                    <option value="lv">"Latviešu"</option>
                    <option value="en">"English"</option>
                </select>
            </label>
        </header>
    }
}
