//! The padlock of a locked item, drawn in SVG in the text's colour.
//!
//! Rule: the mark never depends on an emoji font (a projector's machine may
//! have none); it is decorative, the element around it carries the words.

use leptos::prelude::*;

/// A padlock, closed, or open (`open`: the action that unlocks).
#[component]
pub fn LockIcon(#[prop(optional)] open: bool) -> impl IntoView {
    let shackle = if open { "M5.5 7V4.8a2.5 2.5 0 0 1 4.9-.7" } else { "M5.5 7V4.8a2.5 2.5 0 0 1 5 0V7" };
    view! {
        <svg class="lock-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
            <path d=shackle fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
            <rect x="3" y="7" width="10" height="8" rx="1.6" fill="currentColor" />
        </svg>
    }
}
