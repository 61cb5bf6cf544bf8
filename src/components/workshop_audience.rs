//! The audience window of a workshop (`#/s/<id>/audience`), for the
//! projector. It opens no strategy and writes nothing: it asks the presenter
//! for the current screen when it loads (so closing and reopening it
//! resumes) and then draws every screen the presenter sends over the
//! workshop's `BroadcastChannel`. It says hello again when the presenter
//! asks who is there, and bye when it goes away, so the presenter knows
//! whether it is open.

use leptos::prelude::*;
use strategy_core::workshop::{read_screen, Screen, BYE, HELLO, WHO};
use wasm_bindgen::JsCast;

use crate::state::use_app;

/// The workshop's channel for strategy `id` (not the tabs' channel).
pub fn channel(id: &str) -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(&format!("strategy-studio:workshop:{id}")).ok()
}

/// The audience window of the workshop on strategy `id`.
#[component]
pub fn AudiencePage(id: String) -> impl IntoView {
    let app = use_app();
    let screen = RwSignal::new(None::<Screen>);
    let now = RwSignal::new(js_sys::Date::now());
    let channel = channel(&id);
    let reply = channel.clone();
    let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data().as_string();
        if data.as_deref() == Some(WHO) {
            if let Some(c) = &reply {
                let _ = c.post_message(&HELLO.into());
            }
        } else if let Some(s) = data.as_deref().and_then(read_screen) {
            screen.set(Some(s));
        }
    });
    let bye = channel.clone();
    let gone = window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some(c) = &bye {
            let _ = c.post_message(&BYE.into());
        }
    });
    if let Some(c) = &channel {
        c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let _ = c.post_message(&HELLO.into());
    }
    let tick = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_millis(250)).ok();
    let kept = StoredValue::new_local(Some((channel, on_message)));
    on_cleanup(move || {
        gone.remove();
        if let Some(t) = tick {
            t.clear();
        }
        if let Some((Some(c), _)) = kept.try_update_value(Option::take).flatten() {
            c.close();
        }
    });
    Effect::new(move |_| {
        let title = screen.with(|s| s.as_ref().map(|s| s.heading.clone())).unwrap_or_default();
        document().set_title(&format!("{} — {}", title, app.t().workshop_audience));
    });
    view! {
        <main class="audience" id="main">
            <Show when=move || screen.with(Option::is_some) fallback=move || view! { <p class="ws-waiting">{move || app.t().workshop_audience_waiting}</p> }>
                <crate::components::workshop_screen::WorkshopScreen screen=Signal::derive(move || screen.get().unwrap_or_default()) now=now />
            </Show>
        </main>
    }
}
