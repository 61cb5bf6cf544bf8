//! How safely this browser keeps the strategies: whether its storage is
//! persistent (asked for with `navigator.storage.persist()` once there is
//! something to keep, or on the first click of create or import) and how much
//! of the quota is used.

use std::cell::Cell;

use leptos::prelude::*;
use strategy_core::i18n::{fill, Lang};
use wasm_bindgen::JsCast;

use crate::state::use_app;
use crate::web;

thread_local! {
    /// Persistence is asked for once per page load.
    static REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// "Stored persistently in this browser" or a warning to keep an exported
/// file, and "1.2 MB of 2.1 GB used".
#[component]
pub fn StorageStatus() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let persisted = RwSignal::new(None::<bool>);
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            let p = web::storage_persisted().await;
            persisted.try_set(Some(p.unwrap_or(false)));
            if let Some(e) = web::storage_estimate().await {
                estimate.try_set(Some(e));
            }
        });
    };
    let request = move || {
        if REQUESTED.with(|r| r.replace(true)) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Some(granted) = web::request_persistent_storage().await {
                persisted.try_set(Some(granted));
            }
            refresh();
        });
    };
    // On mount and whenever the library changes: the state, and the request
    // once any strategy exists.
    Effect::new(move |_| {
        let any = app.library.entries.with(|e| !e.is_empty());
        if any {
            request();
        }
        refresh();
    });
    // The first click of a button in the library (create, import, paste, a
    // template) asks too, inside the user's gesture as some browsers want.
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("main.library button").ok().flatten())
            .is_some();
        if on_button {
            request();
        }
    });
    on_cleanup(move || clicks.remove());

    let state = move || match persisted.get() {
        None => String::new(),
        Some(true) => t().storage_persistent.to_string(),
        Some(false) => t().storage_not_persistent.to_string(),
    };
    let usage = move || {
        estimate.get().map(|(used, quota)| {
            let comma = app.lang.get() == Lang::Lv;
            fill(t().storage_used, &[("used", &web::human_bytes(used, comma)), ("quota", &web::human_bytes(quota, comma))])
        })
    };
    view! {
        <p
            class="storage-status"
            class:persistent=move || persisted.get() == Some(true)
            data-testid="storage-status"
            data-persisted=move || persisted.get().map(|p| p.to_string())
        >
            <span class="storage-persistence">{state}</span>
            {move || usage().map(|u| view! { <span class="storage-usage">{u}</span> })}
        </p>
    }
}
