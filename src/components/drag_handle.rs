//! The handle by which an outline item is dragged.

use leptos::prelude::*;

use crate::components::reorder;
use crate::state::use_app;

/// A draggable handle for the item with `id`.
#[component]
pub fn DragHandle(id: String) -> impl IntoView {
    let app = use_app();
    view! {
        <span class="drag-handle" draggable="true" on:dragstart=reorder::on_dragstart(app, id) on:dragend=move |_| app.dragging.set(None) title=move || app.t().outline_hint aria-hidden="true">
            "⠿"
        </span>
    }
}
