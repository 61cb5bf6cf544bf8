//! Move up, move down and remove buttons for any item, by id; focus stays
//! with the item that moved, or goes to a neighbour of the one removed.

use leptos::prelude::*;

use crate::components::reorder;
use crate::state::use_app;

/// Reorders or removes the item with `id` (undoable).
#[component]
pub fn ItemActions(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let id = StoredValue::new(id);
    view! {
        <div class="item-actions">
            <button type="button" class="icon-button" data-action="up" on:click=move |_| reorder::move_by_button(app, &id.get_value(), -1, "up") aria-label=move || t().move_up title=move || t().move_up>
                "↑"
            </button>
            <button type="button" class="icon-button" data-action="down" on:click=move |_| reorder::move_by_button(app, &id.get_value(), 1, "down") aria-label=move || t().move_down title=move || t().move_down>
                "↓"
            </button>
            <button type="button" class="icon-button danger" on:click=move |_| reorder::remove(app, &id.get_value()) aria-label=move || t().remove title=move || t().remove>
                "×"
            </button>
        </div>
    }
}
