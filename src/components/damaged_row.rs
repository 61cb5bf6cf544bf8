//! A library entry that cannot be read: its raw data can be downloaded.

use leptos::prelude::*;

use crate::state::use_app;

/// A row for a damaged entry.
#[component]
pub fn DamagedRow(id: String, reason: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let id = StoredValue::new(id);
    view! {
        <tr class="damaged">
            <th scope="row">{id.get_value()}</th>
            <td colspan="3">
                <p>{move || t().damaged_entry}</p>
                <p class="field-hint">{reason}</p>
            </td>
            <td class="row-actions">
                <button type="button" class="button small" on:click=move |_| app.export_by_id(&id.get_value())>{move || t().download_raw}</button>
                <button type="button" class="button small danger" on:click=move |_| app.delete(&id.get_value())>{move || t().delete}</button>
            </td>
        </tr>
    }
}
