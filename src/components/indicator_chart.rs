//! An indicator's chart over the strategy's period, built in the domain crate.

use leptos::prelude::*;
use strategy_core::chart::indicator_chart;
use strategy_core::{Indicator, Period};

use crate::components::chart_view::ChartView;
use crate::state::use_app;
use crate::web;

/// Draws `indicator` over `period`; redraws when either or the language changes.
#[component]
pub fn IndicatorChart(#[prop(into)] indicator: Signal<Option<Indicator>>, #[prop(into)] period: Signal<Period>) -> impl IntoView {
    let app = use_app();
    let chart = Signal::derive(move || indicator.get().map(|i| indicator_chart(&i, period.get(), web::current_year(), app.lang.get())));
    let label = Signal::derive(move || indicator.get().map(|i| i.name).unwrap_or_default());
    view! { <ChartView chart=chart label=label /> }
}
