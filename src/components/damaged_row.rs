//! A library entry that cannot be read — damaged, or written by a newer
//! Strategy Studio — whose raw data can be downloaded. A newer version's
//! entry is left as it is: this version offers no delete.

use leptos::prelude::*;
use strategy_core::i18n::fill;

use crate::state::use_app;

/// A row for an entry this version cannot read: `newer` is the format
/// version that wrote it, when a newer app did; otherwise `reason` says why.
#[component]
pub fn DamagedRow(id: String, reason: String, #[prop(optional)] newer: Option<u32>) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let id = StoredValue::new(id);
    let message = move || match newer {
        Some(version) => fill(t().newer_entry, &[("version", &version.to_string())]),
        None => t().damaged_entry.to_string(),
    };
    view! {
        <tr class="damaged">
            <th scope="row">{id.get_value()}</th>
            <td colspan="3">
                <p>{message}</p>
                {(!reason.is_empty()).then(|| view! { <p class="field-hint">{reason}</p> })}
            </td>
            <td class="row-actions">
                <button type="button" class="button small" on:click=move |_| app.library.export_by_id(&id.get_value())>{move || t().download_raw}</button>
                {newer.is_none().then(|| view! {
                    <button type="button" class="button small danger" on:click=move |_| app.library.delete(&id.get_value())>{move || t().delete}</button>
                })}
            </td>
        </tr>
    }
}
