//! Compare: this strategy beside another version — any other strategy stored
//! in this browser, or one of this strategy's snapshots — as the counts of
//! added, removed and changed items and the list of differences by id
//! (`strategy_core::compare`, shown by the shared compare table). Rule: the
//! other version is the "before" and this strategy as it is now the "after";
//! by default the other is the strategy's source (`source_strategy`, the
//! strategy its next period was started from) when that is stored, else
//! nothing is picked and a hint says what to pick. "Keep this version as a
//! snapshot" stores a snapshot to compare later edits with.

use leptos::prelude::*;
use strategy_core::compare::{compare, Change, Counts};
use strategy_core::i18n::fill;
use strategy_core::library::Entry;
use strategy_core::Strategy;

use crate::components::compare_table::CompareTable;
use crate::state::use_app;

/// What the comparison shows.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    /// Nothing picked.
    Nothing,
    /// The picked strategy is being read.
    Reading,
    /// The picked strategy could not be read: why.
    Failed(String),
    Changes(Vec<Change>),
}

/// The value of the picker for a stored strategy.
fn stored_value(id: &str) -> String {
    format!("s:{id}")
}

/// The value of the picker for a snapshot.
fn snapshot_value(id: &str) -> String {
    format!("snap:{id}")
}

/// The compare section of the editor.
#[component]
pub fn CompareSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let this_id = move || app.route.with(|r| r.strategy_id().unwrap_or_default().to_string());
    // Every other strategy of the library: id and "title (start–end)".
    let stored = Memo::new(move |_| {
        let me = this_id();
        app.library.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Ok(m) if m.id != me => Some((m.id.clone(), format!("{} ({}–{})", m.title, m.start_year, m.end_year))),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let source = Memo::new(move |_| app.document.read(|s, _| s.source_strategy.clone()));
    let snapshots = Memo::new(move |_| {
        app.document.read(|s, _| Some(s.snapshots.iter().map(|x| (x.id.clone(), format!("{} — {}", x.name, x.taken_at.get(..16).unwrap_or(&x.taken_at).replace('T', " ")))).collect::<Vec<_>>())).unwrap_or_default()
    });
    // What the user picked (`None`: the default, the source when stored).
    let picked = RwSignal::new(None::<String>);
    let choice = Memo::new(move |_| {
        picked.get().unwrap_or_else(|| source.get().filter(|id| stored.with(|s| s.iter().any(|(i, _)| i == id))).map(|id| stored_value(&id)).unwrap_or_default())
    });
    // The picked stored strategy, once read: its id and it, or why it could not be read.
    let other = RwSignal::new(None::<(String, Result<Strategy, String>)>);
    Effect::new(move |_| {
        let Some(id) = choice.get().strip_prefix("s:").map(str::to_string) else { return };
        if other.with_untracked(|o| o.as_ref().is_some_and(|(i, _)| *i == id)) {
            return;
        }
        crate::web::run(async move {
            let read = app.library.read(&id).await;
            if choice.try_get_untracked().is_some_and(|c| c == stored_value(&id)) {
                other.set(Some((id, read)));
            }
        });
    });
    let shown = Memo::new(move |_| {
        let c = choice.get();
        if let Some(id) = c.strip_prefix("snap:") {
            return app
                .document
                .doc
                .with(|d| d.as_ref().and_then(|s| Some(compare(&s.snapshots.iter().find(|x| x.id == id)?.strategy, s))))
                .map_or(Shown::Nothing, Shown::Changes);
        }
        let Some(id) = c.strip_prefix("s:") else { return Shown::Nothing };
        other.with(|o| match o {
            Some((i, Ok(before))) if i == id => app.document.doc.with(|d| d.as_ref().map_or(Shown::Nothing, |s| Shown::Changes(compare(before, s)))),
            Some((i, Err(reason))) if i == id => Shown::Failed(reason.clone()),
            _ => Shown::Reading,
        })
    });
    let options = move || {
        let (c, src) = (choice.get(), source.get());
        let strategies = stored.get().into_iter().map(|(id, label)| {
            let value = stored_value(&id);
            let label = if src.as_deref() == Some(id.as_str()) { fill(t().compare_source, &[("title", &label)]) } else { label };
            view! { <option value=value.clone() prop:selected=c == value>{label}</option> }
        }).collect_view();
        let snaps = snapshots.get().into_iter().map(|(id, label)| {
            let value = snapshot_value(&id);
            view! { <option value=value.clone() prop:selected=c == value>{label}</option> }
        }).collect_view();
        view! {
            <option value="" prop:selected=c.is_empty()>{t().compare_pick}</option>
            <optgroup label=t().compare_strategies>{strategies}</optgroup>
            <optgroup label=t().workshop_snapshots>{snaps}</optgroup>
        }
    };
    let snapshot_name = RwSignal::new(String::new());
    let keep_snapshot = move || {
        if app.autosave.read_only.get_untracked() {
            return;
        }
        let typed = snapshot_name.get_untracked().trim().to_string();
        let at = crate::web::now_iso();
        let name = if typed.is_empty() { at.get(..16).unwrap_or(&at).replace('T', " ") } else { typed };
        let mut id = String::new();
        app.document.edit(None, |s| id = s.take_snapshot(&name, &at));
        snapshot_name.set(String::new());
        if !id.is_empty() {
            picked.set(Some(snapshot_value(&id)));
        }
    };
    let body = move || match shown.get() {
        Shown::Nothing => view! { <p class="field-hint">{t().compare_hint}</p> }.into_any(),
        Shown::Reading => view! { <p role="status">{t().compare_loading}</p> }.into_any(),
        Shown::Failed(reason) => view! { <p class="error" role="alert">{reason}</p> }.into_any(),
        Shown::Changes(changes) => {
            let n = Counts::of(&changes);
            let counts = fill(t().compare_counts, &[("added", &n.added.to_string()), ("removed", &n.removed.to_string()), ("changed", &n.changed.to_string())]);
            view! {
                <p class="compare-counts" role="status" data-testid="compare-counts">{counts}</p>
                <CompareTable changes=changes />
            }
            .into_any()
        }
    };
    view! {
        <h1>{move || t().section_compare}</h1>
        <section class="card compare-pick" aria-label=move || t().compare_with>
            <label class="field">
                <span class="field-label">{move || t().compare_with}</span>
                <select on:change=move |ev| picked.set(Some(event_target_value(&ev)))>{options}</select>
            </label>
            <div class="compare-keep">
                <label class="field">
                    <span class="field-label">{move || t().workshop_snapshot_name}</span>
                    <input type="text" autocomplete="off" prop:value=snapshot_name on:input=move |ev| snapshot_name.set(event_target_value(&ev)) on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); keep_snapshot() } />
                </label>
                <button type="button" class="button" disabled=move || app.autosave.read_only.get() on:click=move |_| keep_snapshot()>{move || t().compare_keep_snapshot}</button>
            </div>
        </section>
        <section class="compare-result" aria-label=move || t().workshop_compare>{body}</section>
    }
}
