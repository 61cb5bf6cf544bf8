//! The form that starts a blank strategy, with the default levels
//! (priority → goal → result, named in both languages).

use leptos::prelude::*;
use strategy_core::{Institution, Level, Period, Strategy};

use crate::state::use_app;
use crate::web;

/// Title, institution and period of a new strategy.
#[component]
pub fn NewStrategyForm(on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let year = web::current_year();
    let title = RwSignal::new(String::new());
    let institution = RwSignal::new(String::new());
    let start = RwSignal::new((year + 1).to_string());
    let end = RwSignal::new((year + 4).to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let start_year = start.get_untracked().trim().parse().unwrap_or(year + 1);
        let end_year = end.get_untracked().trim().parse().unwrap_or(start_year + 3).max(start_year);
        let title_text = title.get_untracked();
        let strategy = Strategy {
            id: web::random_id("s-"),
            title: if title_text.trim().is_empty() { app.t().untitled.to_string() } else { title_text.trim().to_string() },
            institution: Institution { name: institution.get_untracked().trim().to_string(), short_name: String::new() },
            period: Period { start_year, end_year },
            levels: Level::defaults(),
            ..Default::default()
        };
        app.library.create(strategy);
        on_close.run(());
    };
    let input = |label: &'static str, value: RwSignal<String>, kind: &'static str, autofocus: bool| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input type=kind prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) autofocus=autofocus />
            </label>
        }
    };
    view! {
        <form class="card new-strategy" on:submit=submit>
            <h2>{move || t().new_strategy}</h2>
            <div class="grid-2">
                {move || input(t().title, title, "text", true)}
                {move || input(t().institution_name, institution, "text", false)}
                {move || input(t().start_year, start, "number", false)}
                {move || input(t().end_year, end, "number", false)}
            </div>
            <div class="dialog-actions">
                <button type="submit" class="button primary">{move || t().create}</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>{move || t().cancel}</button>
            </div>
        </form>
    }
}
