//! Reordering outline items by dragging a handle or with Alt+↑ / Alt+↓.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppState;

/// Focuses the first field of the item with `id` once the DOM has settled.
/// The id may come from the URL: it is escaped for the selector.
pub fn focus_item(id: String) {
    request_animation_frame(move || {
        let selector = format!("[data-item-id=\"{}\"] :is(input, textarea, select)", web_sys::css::escape(&id));
        if let Ok(Some(el)) = document().query_selector(&selector) {
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                el.scroll_into_view_with_bool(false);
                let _ = el.focus();
            }
        }
    });
}

/// Alt+↑ / Alt+↓ inside an item moves it among its siblings.
pub fn on_keydown(app: AppState, id: String) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev| {
        if !ev.alt_key() {
            return;
        }
        let delta = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        let mut moved = false;
        app.edit(None, |s| moved = s.move_by(&id, delta));
        if moved {
            focus_item(id.clone());
        }
    }
}

/// Starts dragging the item with `id`.
pub fn on_dragstart(app: AppState, id: String) -> impl Fn(leptos::ev::DragEvent) + 'static {
    move |ev| {
        ev.stop_propagation();
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &id);
            dt.set_effect_allowed("move");
        }
        app.dragging.set(Some(id.clone()));
    }
}

/// Accepts a dragged item of the same kind, dropping it before `id`.
pub fn on_drop(app: AppState, id: String) -> (impl Fn(leptos::ev::DragEvent) + 'static, impl Fn(leptos::ev::DragEvent) + 'static) {
    let target = id.clone();
    let over = move |ev: leptos::ev::DragEvent| {
        let same_kind = app.dragging.with_untracked(|d| {
            d.as_ref().is_some_and(|d| app.index.with_untracked(|ix| ix.locate(d).zip(ix.locate(&target)).is_some_and(|(a, b)| a.0.kind() == b.0.kind())))
        });
        if same_kind {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        let Some(dragged) = app.dragging.get_untracked() else { return };
        ev.prevent_default();
        ev.stop_propagation();
        app.dragging.set(None);
        app.edit(None, |s| {
            s.move_before(&dragged, &id);
        });
    };
    (over, drop)
}
