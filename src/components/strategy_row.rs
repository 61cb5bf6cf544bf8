//! One strategy in the library table, with its actions.

use leptos::prelude::*;
use strategy_core::library::Meta;

use crate::route::{Route, Section};
use crate::state::use_app;

/// Formats an ISO time in the interface language's local form.
pub fn local_time(iso: &str, lang: &str) -> String {
    if iso.is_empty() {
        return String::new();
    }
    let date = js_sys::Date::new(&iso.into());
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    String::from(date.to_locale_string(lang, &options))
}

/// A row of the library table.
#[component]
pub fn StrategyRow(meta: Meta) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(meta.title.clone());
    let id = StoredValue::new(meta.id.clone());
    let title = if meta.title.trim().is_empty() { None } else { Some(meta.title.clone()) };
    let open = move |_| app.navigate(Route::Strategy { id: id.get_value(), section: Section::Overview, focus: None });
    let commit = move || {
        renaming.set(false);
        let title = draft.get_untracked();
        if !title.trim().is_empty() {
            app.library.rename(&id.get_value(), title.trim());
        }
    };
    let updated = meta.updated.clone();
    // A reminder that the browser's copy may be the only one.
    let unexported = meta.unexported();
    view! {
        <tr>
            <th scope="row">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let title = title.clone();
                        move || {
                            let shown = title.clone().unwrap_or_else(|| t().untitled.to_string());
                            view! { <a href=Route::Strategy { id: id.get_value(), section: Section::Overview, focus: None }.hash()>{shown}</a> }
                        }
                    }
                >
                    <form class="inline-form" on:submit=move |ev| {
                        ev.prevent_default();
                        commit();
                    }>
                        <label class="visually-hidden" for=move || format!("rename-{}", id.get_value())>{move || t().new_title}</label>
                        <input
                            id=move || format!("rename-{}", id.get_value())
                            prop:value=draft
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    renaming.set(false);
                                }
                            }
                            autofocus
                        />
                        <button type="submit" class="button small primary">{move || t().save}</button>
                        <button type="button" class="button small" on:click=move |_| renaming.set(false)>{move || t().cancel}</button>
                    </form>
                </Show>
            </th>
            <td>{meta.institution.clone()}</td>
            <td>{format!("{}–{}", meta.start_year, meta.end_year)}</td>
            <td>
                {move || local_time(&updated, app.lang.get().code())}
                {unexported.then(|| view! { <span class="unexported" title=move || t().unexported_hint>{move || t().unexported}</span> })}
            </td>
            <td class="row-actions">
                <button type="button" class="button small primary" on:click=open>{move || t().open}</button>
                <button type="button" class="button small" on:click=move |_| renaming.set(true)>{move || t().rename}</button>
                <button type="button" class="button small" on:click=move |_| app.library.duplicate(&id.get_value())>{move || t().duplicate}</button>
                <button type="button" class="button small" on:click=move |_| app.library.export_by_id(&id.get_value())>{move || t().export}</button>
                <button type="button" class="button small danger" on:click=move |_| app.library.delete(&id.get_value())>{move || t().delete}</button>
            </td>
        </tr>
    }
}

/// A table of strategies as the library shows them: a header cell per
/// column, then `rows` (each a [`StrategyRow`] or the like).
pub fn library_table(columns: Vec<Signal<&'static str>>, rows: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="library-table">
                <thead>
                    <tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
