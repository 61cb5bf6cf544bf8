//! The root component: state, routing by URL hash, global keys, saving on
//! page hide, file drop, one writer per strategy across tabs, and the page
//! for the route.

use leptos::prelude::*;

use crate::components::app_header::AppHeader;
use crate::components::import_dialog::ImportDialog;
use crate::components::notice_bar::NoticeBar;
use crate::pages::editor::EditorPage;
use crate::pages::library::LibraryPage;
use crate::route::Route;
use crate::state::AppState;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    app.provide();

    // The URL is the source of the route: back, forward and reload work.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        app.route.set(Route::parse(&window().location().hash().unwrap_or_default()));
    });
    // Open the strategy the route names.
    Effect::new(move |_| {
        let route = app.route.get();
        match route.strategy_id() {
            Some(id) => {
                if app.document.doc.with_untracked(|d| d.as_ref().map(|s| s.id.as_str()) != Some(id)) {
                    app.library.open(id);
                }
            }
            None => {
                app.autosave.flush();
                app.files.session_ended();
            }
        }
        // One writer per strategy: the tab whose editor shows it.
        app.writer.hold_edit_lock(app.route.with_untracked(|r| r.strategy_id().map(str::to_string)).as_deref());
    });
    // Another tab asks this one to hand over the strategy it edits.
    let channel = crate::tabs::channel();
    let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if let Some(id) = ev.data().as_string().as_deref().and_then(crate::tabs::hand_over_id) {
            app.writer.on_hand_over_request(id);
        }
    });
    if let Some(channel) = &channel {
        use wasm_bindgen::JsCast;
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    }
    // The <html lang> follows the interface language.
    Effect::new(move |_| {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", app.lang.get().code());
        }
    });

    // Never lose an edit: save when the tab is hidden or closed.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| app.autosave.flush());
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| app.autosave.flush_on_close());
    // Another tab changed storage.
    let storage = window_event_listener(leptos::ev::storage, move |ev| app.writer.on_storage_changed(ev.key(), ev.new_value()));
    // Undo and redo anywhere in the editor.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let ctrl = ev.ctrl_key() || ev.meta_key();
        if !ctrl || app.document.doc.with_untracked(Option::is_none) || !matches!(app.route.get_untracked(), Route::Strategy { .. }) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => app.document.redo(),
            "z" => app.document.undo(),
            "y" => app.document.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    // Drop a JSON file anywhere to import it.
    let dragover = window_event_listener(leptos::ev::dragover, move |ev| {
        if app.dragging.get_untracked().is_none() {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if app.dragging.get_untracked().is_some() {
            return;
        }
        ev.prevent_default();
        let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) else { return };
        leptos::task::spawn_local(async move { app.import.import_file(file).await });
    });
    let channel = StoredValue::new_local(Some((channel, on_message)));
    on_cleanup(move || {
        for handle in [hash_listener, hidden, pagehide, storage, keys, dragover, drop] {
            handle.remove();
        }
        if let Some((Some(channel), _on_message)) = channel.try_update_value(Option::take).flatten() {
            channel.close();
        }
        app.writer.hold_edit_lock(None);
    });

    if let Route::Audience { id } = app.route.get_untracked() {
        return view! { <crate::components::workshop_audience::AudiencePage id=id /> }.into_any();
    }
    view! {
        <a class="skip-link" href="#main">{move || if app.lang.get() == strategy_core::i18n::Lang::Lv { "Pāriet uz saturu" } else { "Skip to content" }}</a>
        <div class="top-bar">
            <AppHeader />
            <NoticeBar />
            <crate::components::update_notice::UpdateNotice />
        </div>
        {move || match app.route.get() {
            Route::Library => view! { <LibraryPage /> }.into_any(),
            Route::Strategy { .. } => view! { <EditorPage /> }.into_any(),
            Route::Audience { id } => view! { <crate::components::workshop_audience::AudiencePage id=id /> }.into_any(),
        }}
        <ImportDialog />
    }
    .into_any()
}
