//! The import preview: what the file holds (its items per level) and its
//! problems, before anything is stored. It reads the pending import in
//! place, never copying its strategy (thousands of items).

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::id::shown_id;

use crate::components::level_counts::level_counts;
use crate::components::problem_list::{problem_list, PathShown};
use crate::state::{use_app, use_import, ImportMode, ImportState};

/// A modal dialog showing the pending import.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let app = use_app();
    let import = use_import();
    let t = move || app.t();
    let cancel = move |_| import.cancel();
    let body = move || import.current.with(|state| state.as_ref().map(|state| {
        let content = match state {
            ImportState::Refused(problems) => {
                let problems = problems.clone();
                view! {
                <h2 id="import-title">{t().import_refused}</h2>
                <p>{t().nothing_changed}</p>
                {problem_list(problems, app.lang.get(), PathShown::Full, None)}
                <div class="dialog-actions">
                    <button type="button" class="button primary" on:click=cancel autofocus>{t().close}</button>
                </div>
                }
                .into_any()
            }
            ImportState::Preview { imported, existing, renamed } => {
                let s = &imported.strategy;
                let counts = level_counts(s, app.lang.get());
                let migrated = imported.migrated_from.map(|v| fill(t().migrated_note, &[("version", &v.to_string())]));
                let problems = imported.problems.clone();
                let problem_count = fill(t().problems_count, &[("n", &problems.len().to_string())]);
                let actions = match existing.clone() {
                    None => view! {
                        <button type="button" class="button primary" on:click=move |_| import.finish_import(ImportMode::AsIs) autofocus>
                            {t().do_import}
                        </button>
                    }
                    .into_any(),
                    Some(meta) => view! {
                        <p class="warning-text">{fill(t().already_here, &[("title", &meta.title)])}</p>
                        <button type="button" class="button primary" on:click=move |_| import.finish_import(ImportMode::AsCopy) autofocus>
                            {t().import_as_copy}
                        </button>
                        <button type="button" class="button danger" on:click=move |_| import.finish_import(ImportMode::Replace)>
                            {t().replace_existing}
                        </button>
                    }
                    .into_any(),
                };
                view! {
                    <h2 id="import-title">{t().import_preview}</h2>
                    <p class="import-title">
                        <strong>{s.title.clone()}</strong>
                        " — "
                        {s.institution.name.clone()}
                        {format!(" ({}–{})", s.period.start_year, s.period.end_year)}
                    </p>
                    <p data-testid="import-counts">{counts}</p>
                    {migrated.map(|m| view! { <p class="info-text">{m}</p> })}
                    {(!renamed.is_empty()).then(|| {
                        let n = renamed.len().to_string();
                        view! {
                            <div class="renamed-ids" data-testid="renamed-ids">
                                <p class="warning-text">{fill(t().ids_replaced, &[("n", &n)])}</p>
                                <ul>
                                    {renamed
                                        .iter()
                                        .map(|(old, new)| view! { <li><code>{shown_id(old)}</code>" → "<code>{new.clone()}</code></li> })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })}
                    <Show when={
                        let empty = problems.is_empty();
                        move || !empty
                    }>
                        <details open>
                            <summary>{problem_count.clone()}</summary>
                            {problem_list(problems.clone(), app.lang.get(), PathShown::Full, None)}
                        </details>
                    </Show>
                    <div class="dialog-actions">
                        {actions}
                        <button type="button" class="button" on:click=cancel>{t().cancel}</button>
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <div class="backdrop" on:click=cancel></div>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    import.cancel();
                }
            }>
                {content}
            </div>
        }
    }));
    view! { {body} }
}
