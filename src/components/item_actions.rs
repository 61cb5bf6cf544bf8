//! Move up, move down and remove buttons for any item, by id.

use leptos::prelude::*;

use crate::state::use_app;

/// Reorders or removes the item with `id` (undoable).
#[component]
pub fn ItemActions(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let id = StoredValue::new(id);
    view! {
        <div class="item-actions">
            <button type="button" class="icon-button" on:click=move |_| app.edit(None, |s| { s.move_by(&id.get_value(), -1); }) aria-label=move || t().move_up title=move || t().move_up>
                "↑"
            </button>
            <button type="button" class="icon-button" on:click=move |_| app.edit(None, |s| { s.move_by(&id.get_value(), 1); }) aria-label=move || t().move_down title=move || t().move_down>
                "↓"
            </button>
            <button type="button" class="icon-button danger" on:click=move |_| app.edit(None, |s| { s.remove_item(&id.get_value()); }) aria-label=move || t().remove title=move || t().remove>
                "×"
            </button>
        </div>
    }
}
