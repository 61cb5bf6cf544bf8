//! The reporting-year picker of the monitoring view and the dashboard.

use leptos::prelude::*;

use crate::state::{use_app, AppState};
use crate::web;

/// Last year, kept within the open strategy's period: the year usually reported on.
pub fn default_reporting_year(app: AppState) -> i32 {
    app.read(|s, _| Some((web::current_year() - 1).clamp(s.period.start_year, s.period.end_year))).unwrap_or_else(|| web::current_year() - 1)
}

/// A labelled select of the strategy's years bound to `year`.
#[component]
pub fn YearSelect(year: RwSignal<i32>) -> impl IntoView {
    let app = use_app();
    let years = move || app.read(|s, _| Some(s.period.years().collect::<Vec<_>>())).unwrap_or_default();
    view! {
        <label class="field">
            <span class="field-label">{move || app.t().reporting_year}</span>
            <select on:change=move |ev| {
                if let Ok(y) = event_target_value(&ev).parse() {
                    year.set(y)
                }
            }>
                {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
            </select>
        </label>
    }
}
