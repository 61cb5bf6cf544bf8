//! "Start the next period from this strategy": a modal dialog that lists the
//! top two levels with checkboxes (all kept at first; unticking one drops
//! its subtree, as `strategy_core::carry::next_period` does), shows the new
//! period, and stores the draft as a new strategy in the library, which then
//! opens with a notice of how many baselines were carried. Rule: the dialog
//! is a real modal `<dialog>` (focus stays inside, Esc closes), and closing
//! it in any way puts the focus back on the button that opened it.

use std::collections::HashSet;

use leptos::prelude::*;
use strategy_core::carry::{carried_count, following, goal_choices, next_period};
use strategy_core::i18n::fill;

use crate::state::{use_app, Notice};

/// The button that opens the dialog, and the dialog (always in the page,
/// closed; its content is built each time it opens, from the strategy as it
/// is then).
#[component]
pub fn NextPeriodButton() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Opened modal in the click itself, not in a later effect: the rest of
    // the page is inert and Esc closes it from the first frame on.
    let show = move |_| {
        open.set(true);
        if let Some(d) = dialog.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    };
    let on_close = move |_| {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    view! {
        <button type="button" class="button" node_ref=button aria-haspopup="dialog" on:click=show>{move || t().next_period_start}</button>
        <dialog class="np-dialog" node_ref=dialog aria-labelledby="np-title" on:close=on_close>
            <h2 id="np-title">{move || t().next_period_title}</h2>
            <Show when=move || open.get()>
                <NextPeriodForm dialog=dialog />
            </Show>
        </dialog>
    }
}

/// The dialog's content under its heading: goals to keep, the new period, "Create the draft".
#[component]
fn NextPeriodForm(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    // The first choice takes the focus once it is there (the dialog had it
    // while its content was being built).
    let first = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = first.get() {
            let _ = input.focus();
        }
    });
    let dropped = RwSignal::new(HashSet::<String>::new());
    let choices = app.document.read(|s, _| Some(goal_choices(s))).unwrap_or_default();
    let period = app.document.read(|s, _| Some(following(s.period))).unwrap_or_default();
    let period_text = move || fill(t().next_period_period, &[("start", &period.start_year.to_string()), ("end", &period.end_year.to_string())]);
    let rows = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (id, parent) = (c.id.clone(), c.parent);
            let node_ref = if i == 0 { first } else { NodeRef::new() };
            let parent_dropped = Signal::derive(move || parent.as_ref().is_some_and(|p| dropped.with(|d| d.contains(p))));
            let checked = { let id = id.clone(); move || !parent_dropped.get() && !dropped.with(|d| d.contains(&id)) };
            let toggle = move |ev| {
                let keep = event_target_checked(&ev);
                dropped.update(|d| {
                    if keep { d.remove(&id); } else { d.insert(id.clone()); }
                });
            };
            view! {
                <li class="np-choice" data-depth=c.depth.to_string()>
                    <label class="check">
                        <input type="checkbox" node_ref=node_ref prop:checked=checked disabled=parent_dropped on:change=toggle />
                        {c.label}
                    </label>
                </li>
            }
        })
        .collect_view();
    let create = move |_| {
        let dropped = dropped.get_untracked();
        let id = crate::web::random_id("s-");
        let year = crate::web::current_year();
        let Some(draft) = app.document.doc.with_untracked(|d| d.as_ref().map(|s| next_period(s, &|n| !dropped.contains(&n.id), &id, year))) else { return };
        let text = fill(app.notices.texts().next_period_done, &[("title", &draft.title), ("n", &carried_count(&draft).to_string())]);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        app.notices.set(Some(Notice::Info(text)));
        app.library.create(draft);
    };
    view! {
        <div class="np-form">
            <p class="np-period" data-testid="next-period">{period_text}</p>
            <p class="field-hint">{move || t().next_period_intro}</p>
            <fieldset class="np-goals">
                <legend>{move || t().next_period_goals}</legend>
                <p class="field-hint">{move || t().next_period_goals_hint}</p>
                <ul class="np-choices">{rows}</ul>
            </fieldset>
            <div class="dialog-actions">
                <button type="button" class="button primary" on:click=create>{move || t().next_period_create}</button>
                <button type="button" class="button" on:click=move |_| if let Some(d) = dialog.get_untracked() { d.close() }>{move || t().cancel}</button>
            </div>
        </div>
    }
}
