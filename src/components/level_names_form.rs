//! What this strategy calls each level (Priority → Goal → Result, or
//! Action line → Task…).

use leptos::prelude::*;

use crate::components::text_field::TextField;
use crate::state::use_app;

/// Edits the level names.
#[component]
pub fn LevelNamesForm() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    macro_rules! level {
        ($label:ident, $field:ident) => {{
            let (value, on_change) = app.bind(concat!("level_names.", stringify!($field)), |s, _| Some(s.level_names.$field.clone()), |s, v| s.level_names.$field = v);
            view! { <TextField label=move || t().$label value=value on_change=on_change /> }
        }};
    }
    view! {
        <details class="card">
            <summary>{move || t().level_names}</summary>
            <div class="grid-3">
                {level!(level_priority, priority)}
                {level!(level_goal, goal)}
                {level!(level_result, result)}
                {level!(level_task, task)}
                {level!(level_indicator, indicator)}
            </div>
        </details>
    }
}
