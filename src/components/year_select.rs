//! The reporting-year picker of the monitoring view and the dashboard.

use leptos::prelude::*;

use crate::state::{use_app, AppState};
use crate::web;

/// Last year, kept within the open strategy's period: the year usually reported on.
pub fn default_reporting_year(app: AppState) -> i32 {
    app.document.read(|s, _| Some(s.period.clamp(web::current_year() - 1))).unwrap_or_else(|| web::current_year() - 1)
}

/// A labelled select of the strategy's years bound to `year`.
#[component]
pub fn YearSelect(year: RwSignal<i32>) -> impl IntoView {
    let app = use_app();
    let years = move || app.document.read(|s, _| Some(s.period.years().collect::<Vec<_>>())).unwrap_or_default();
    // An inverted period has no years: say so instead of an empty list.
    let no_years = move || years().is_empty();
    view! {
        <label class="field">
            <span class="field-label">{move || app.t().reporting_year}</span>
            <select
                disabled=no_years
                on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() {
                        year.set(y)
                    }
                }
            >
                {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
                <Show when=no_years>
                    <option value="">{move || app.t().no_years}</option>
                </Show>
            </select>
        </label>
    }
}
