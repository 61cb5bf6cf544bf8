//! The one way problems are listed: the import preview, the Checks section
//! and the problems beside an item all render their `<li>`s here, with the
//! severity's class and the message in the interface language.

use leptos::prelude::*;
use strategy_core::i18n::Lang;
use strategy_core::{Problem, Severity};

/// How much of a problem's JSON path a list shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PathShown {
    /// Only the field's name, beside the item it belongs to (no severity word).
    Field,
    /// The whole path, after the severity word.
    Full,
}

/// A list of `problems`; with `show`, each gets a button that opens its item.
pub fn problem_list(problems: Vec<Problem>, lang: Lang, shown: PathShown, show: Option<Callback<String>>) -> impl IntoView {
    let t = lang.texts();
    let class = if shown == PathShown::Field { "problems inline" } else { "problems" };
    let role = (shown == PathShown::Field).then_some("status");
    view! {
        <ul class=class role=role>
            {problems
                .into_iter()
                .map(|p| {
                    let (class, label) = if p.severity == Severity::Error { ("problem error", t.error) } else { ("problem warning", t.warning) };
                    let message = p.message_in(lang).to_string();
                    let path = match shown {
                        PathShown::Field => p.path.rsplit('.').next().unwrap_or_default().to_string(),
                        PathShown::Full => p.path.clone(),
                    };
                    let open = show.map(|show| {
                        let full = p.path.clone();
                        view! { " " <button type="button" class="button small" on:click=move |_| show.run(full.clone())>{t.show}</button> }
                    });
                    view! {
                        <li class=class>
                            {(shown == PathShown::Full).then(|| view! { <strong>{label}</strong> " " })}
                            {(!path.is_empty()).then(|| view! { <code>{path}</code> ": " })}
                            {message}
                            {open}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
