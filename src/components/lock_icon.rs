//! The padlock of a locked item, drawn in SVG in the text's colour, the mark
//! that shows an item is locked, and the button that locks or unlocks it.
//!
//! Rule: the mark never depends on an emoji font (a projector's machine may
//! have none); the icon is decorative, the element around it carries the
//! words. Every lockable item's mark and button are these.

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

/// The mark of a locked item, with its words (`said`, or the interface's
/// "Locked: read-only until unlocked") for screen readers and as a tooltip.
#[component]
pub fn LockMark(#[prop(optional, into)] said: Option<String>) -> impl IntoView {
    let app = crate::state::use_app();
    let said = move || said.clone().unwrap_or_else(|| app.t().workshop_locked.to_string());
    view! { <span class="lock-mark" role="img" aria-label=said.clone() title=said><LockIcon /></span> }
}

/// "Lock" / "Unlock" (pressed while locked), named "Lock: <name>" for
/// screen readers when `name` is given; `on_toggle` does the edit.
#[component]
pub fn LockButton(
    locked: Signal<bool>,
    on_toggle: Callback<()>,
    #[prop(optional, into)] name: Option<Signal<String>>,
) -> impl IntoView {
    let app = crate::state::use_app();
    let t = move || app.t();
    let label = move || name.map(|n| strategy_core::i18n::fill(if locked.get() { t().unlock_item } else { t().lock_item }, &[("name", &n.get())]));
    view! {
        <button type="button" class="button small" aria-pressed=move || locked.get().to_string() aria-label=label on:click=move |_| on_toggle.run(())>
            {move || if locked.get() { t().workshop_unlock } else { t().workshop_lock }}
        </button>
    }
}

/// A lockable item's controls: the mark while it is locked, and the button.
#[component]
pub fn LockToggle(locked: Signal<bool>, on_toggle: Callback<()>, #[prop(into)] name: Signal<String>) -> impl IntoView {
    view! {
        <div class="toolbar lock-control">
            <Show when=move || locked.get()>
                <LockMark />
            </Show>
            <LockButton locked=locked on_toggle=on_toggle name=name />
        </div>
    }
}

/// Locks or unlocks the item `id` (a node, indicator, value, target group or
/// SWOT item): one undoable edit of its own fields.
pub fn toggle_lock(app: crate::state::AppState, id: &str) {
    let id = id.to_string();
    app.document.edit_item(&id.clone(), None, move |s| {
        let on = !s.is_locked(&id);
        s.set_locked(&id, on);
    });
}
