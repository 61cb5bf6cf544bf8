//! Registers the service worker (which keeps the app working offline) and
//! offers a new deployment when its worker is installed and waiting: "A new
//! version is ready — Reload". The update is never forced: only the user's
//! click tells the waiting worker to take over, and the page reloads when it
//! has (`controllerchange`). Rendered once, in the app root, so it shows in
//! the library and in the editor alike.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::state::use_app;
use crate::web;

/// How often a long-open tab looks for a new version when it is shown again.
const CHECK_EVERY_MS: f64 = 60.0 * 60.0 * 1000.0;

/// The service worker's registration and the "new version" notice.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    // A new version is waiting (or another tab already switched to it).
    let offered = RwSignal::new(false);
    let dismissed = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<web_sys::ServiceWorkerRegistration>);
    // The user asked for the new version: reload once it controls the page.
    let asked = StoredValue::new(false);
    let last_check = StoredValue::new(js_sys::Date::now());

    leptos::task::spawn_local(async move {
        let Some(container) = web::service_worker_container() else { return };
        // Was the page controlled before this change? On the first visit the
        // new worker claims the page: that is no update.
        let controlled = StoredValue::new(container.controller().is_some());
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            let was = controlled.try_get_value().unwrap_or(false);
            controlled.try_set_value(true);
            if asked.try_get_value().unwrap_or(false) {
                let _ = window().location().reload();
            } else if was {
                // Another tab took the new version; this one still runs the old.
                offered.try_set(true);
                dismissed.try_set(false);
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();

        let Some(reg) = web::register_service_worker().await else { return };
        let offer_if_waiting = {
            let reg = reg.clone();
            let container = container.clone();
            move || {
                // A waiting worker while another controls the page is an update.
                if reg.waiting().is_some() && container.controller().is_some() {
                    offered.try_set(true);
                    dismissed.try_set(false);
                }
            }
        };
        offer_if_waiting();
        let on_update_found = {
            let reg = reg.clone();
            let offer_if_waiting = offer_if_waiting.clone();
            Closure::<dyn FnMut()>::new(move || {
                let Some(installing) = reg.installing() else { return };
                let offer_if_waiting = offer_if_waiting.clone();
                let on_state = Closure::<dyn FnMut()>::new(offer_if_waiting);
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            })
        };
        reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        registration.try_set_value(Some(reg));
    });

    // A tab left open for days looks for a new version when shown again.
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() || js_sys::Date::now() - last_check.get_value() < CHECK_EVERY_MS {
            return;
        }
        last_check.set_value(js_sys::Date::now());
        if let Some(reg) = registration.get_value() {
            leptos::task::spawn_local(async move { web::check_for_update(&reg).await });
        }
    });
    on_cleanup(move || visible.remove());

    let reload = move |_| {
        app.autosave.flush();
        asked.set_value(true);
        match registration.get_value().and_then(|r| r.waiting()) {
            Some(waiting) => web::activate_waiting(&waiting),
            // Already switched (in another tab): just load it.
            None => {
                let _ = window().location().reload();
            }
        }
    };

    view! {
        <Show when=move || offered.get() && !dismissed.get()>
            <div class="notices">
                <div class="notice update" role="status" data-testid="update-notice">
                    <p>{move || t().update_ready}</p>
                    <button type="button" class="button primary" on:click=reload>{move || t().update_reload}</button>
                    <button type="button" class="button" on:click=move |_| dismissed.set(true)>{move || t().update_later}</button>
                </div>
            </div>
        </Show>
    }
}
