//! A list of checkboxes under a legend: the one shape of every "link this to
//! those" choice (what a node also serves, the SWOT items linked to a node,
//! the nodes a SWOT item is linked to). Rule: it only shows and reports;
//! ticking a box calls `on_toggle` with the choice's value and its new state,
//! and the caller makes the edit.

use leptos::prelude::*;

/// One choice: the value reported and its label.
pub type Choice = (String, String);

/// Checkboxes for `choices`, ticked when their value is in `checked`.
#[component]
pub fn Checklist(
    /// The fieldset's legend.
    #[prop(into)]
    legend: Signal<&'static str>,
    /// Keep the legend for screen readers only (a summary above says it).
    #[prop(optional)]
    hide_legend: bool,
    /// The fieldset's class (`checklist` unless given).
    #[prop(optional)]
    class: Option<&'static str>,
    #[prop(into)] choices: Signal<Vec<Choice>>,
    #[prop(into)] checked: Signal<Vec<String>>,
    on_toggle: Callback<(String, bool)>,
) -> impl IntoView {
    view! {
        <fieldset class=class.unwrap_or("checklist")>
            <legend class:visually-hidden=hide_legend>{legend}</legend>
            <For
                each=move || choices.get()
                key=|choice| choice.clone()
                children=move |(value, label)| {
                    let ticked = value.clone();
                    let is_checked = move || checked.with(|c| c.contains(&ticked));
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=is_checked on:change=move |ev| on_toggle.run((value.clone(), event_target_checked(&ev))) />
                            {label}
                        </label>
                    }
                }
            />
        </fieldset>
    }
}
