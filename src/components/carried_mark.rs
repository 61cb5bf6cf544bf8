//! The mark of a baseline carried from the previous period's last actual
//! (`Baseline::carried_from`): "carried from “Darbības stratēģija
//! 2020–2023”, 2023" — the source named by its title while it is in the
//! library, else by its id.

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::library::Entry;
use strategy_core::Indicator;

use crate::state::{use_app, AppState};

/// What the indicator `id`'s baseline was carried from, in words; `None` when it was not carried.
pub fn carried_text(app: AppState, id: &str) -> Option<String> {
    let (source, year) = app.document.read_item::<Indicator, _>(id, |i| Some((i.baseline.carried_from.clone()?, i.baseline.year)))??;
    let title = app.library.entries.with(|entries| {
        entries.iter().find_map(|e| match e {
            Entry::Ok(m) if m.id == source && !m.title.trim().is_empty() => Some(m.title.clone()),
            _ => None,
        })
    });
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    Some(fill(app.t().carried_from, &[("source", title.as_deref().unwrap_or(&source)), ("year", &year)]))
}

/// A compact mark for a table cell: "↪" with the whole text as its tooltip and for screen readers.
#[component]
pub fn CarriedMark(id: String) -> impl IntoView {
    let app = use_app();
    let text = Memo::new(move |_| carried_text(app, &id));
    move || {
        text.get().map(|text| {
            view! {
                <span class="carried-mark" title=text.clone()>
                    <span aria-hidden="true">"↪"</span>
                    <span class="visually-hidden">{text.clone()}</span>
                </span>
            }
        })
    }
}
