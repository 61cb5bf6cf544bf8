//! A labelled text input or text area bound to a value and a change callback.
//!
//! Rule: every keystroke is passed on (and saved) unless the field is lazy,
//! and leaving a field ends its undo step.

use leptos::prelude::*;

use crate::state::use_app;

/// A labelled input. Every keystroke is passed on (and saved); leaving the
/// field ends its undo step.
#[component]
pub fn TextField(
    /// The visible label (also the accessible name).
    #[prop(into)]
    label: TextProp,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    /// A text area instead of a single line.
    #[prop(optional)]
    multiline: bool,
    /// The input's `type` ("text", "number").
    #[prop(default = "text")]
    input_type: &'static str,
    /// Hint shown under the field.
    #[prop(optional, into)]
    hint: Signal<String>,
    /// Pass the value on only when the field is left (for values that are
    /// interpreted, such as unit codes), not on every keystroke.
    #[prop(optional)]
    lazy: bool,
) -> impl IntoView {
    let app = use_app();
    let on_input = move |ev| {
        if !lazy {
            on_change.run(event_target_value(&ev))
        }
    };
    let on_commit = move |ev| {
        if lazy {
            on_change.run(event_target_value(&ev))
        }
    };
    let seal = move |_| app.document.seal_undo_step();
    let control = if multiline {
        view! { <TextArea value=value on_change=on_change lazy=lazy /> }.into_any()
    } else {
        view! { <input type=input_type prop:value=value on:input=on_input on:change=on_commit on:blur=seal /> }.into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{move || label.get()}</span>
            {control}
            <Show when=move || !hint.get().is_empty()>
                <span class="field-hint">{hint}</span>
            </Show>
        </label>
    }
}

/// A text area without a label of its own: inside a `<label>`, or named by
/// `aria_label` (a table cell, a list item).
#[component]
pub fn TextArea(
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(default = 4)] rows: u32,
    /// The accessible name when no `<label>` holds the area.
    #[prop(optional, into)]
    aria_label: Option<Signal<String>>,
    /// Pass the value on only when the area is left.
    #[prop(optional)]
    lazy: bool,
) -> impl IntoView {
    let app = use_app();
    view! {
        <textarea
            rows=rows
            aria-label=move || aria_label.map(|l| l.get())
            prop:value=value
            on:input=move |ev| if !lazy { on_change.run(event_target_value(&ev)) }
            on:change=move |ev| if lazy { on_change.run(event_target_value(&ev)) }
            on:blur=move |_| app.document.seal_undo_step()
        ></textarea>
    }
}

/// A [`TextField`] bound to a string field of the open strategy:
/// `strategy_field!(app, label_key, path.to.field)`, with `multiline` last for
/// a text area. The caller imports `TextField`.
#[macro_export]
macro_rules! strategy_field {
    ($app:expr, $label:ident, $($field:ident).+, multiline) => {
        $crate::strategy_field!(@bind $app, $label, true, $($field).+)
    };
    ($app:expr, $label:ident, $($field:ident).+) => {
        $crate::strategy_field!(@bind $app, $label, false, $($field).+)
    };
    (@bind $app:expr, $label:ident, $multiline:expr, $($field:ident).+) => {{
        let app: $crate::state::AppState = $app;
        let (value, on_change) = app.document.bind_text(stringify!($($field).+), |s, _| Some(s.$($field).+.clone()), |s, v| s.$($field).+ = v);
        view! { <TextField label=move || app.t().$label value=value on_change=on_change multiline=$multiline /> }
    }};
}
