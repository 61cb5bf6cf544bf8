//! Messages above the page: errors, storage full, a deletion to undo, a
//! conflict with another tab, and read-only while another tab edits. They stay in view (sticky under the header,
//! above any dialog), and the ones that matter are announced as alerts.

use leptos::prelude::*;
use strategy_core::i18n::fill;

use crate::state::{use_app, use_notices, Notice};

/// Shows the current notice and the conflict banner, each with its actions.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let app = use_app();
    let notices = use_notices();
    let t = move || app.t();
    // Information fades after a while; errors and offers to undo stay until dismissed.
    Effect::new(move |_| {
        if let Some(Notice::Info(text)) = notices.notice.get() {
            set_timeout(
                move || {
                    if notices.notice.get_untracked() == Some(Notice::Info(text)) {
                        notices.set(None);
                    }
                },
                std::time::Duration::from_secs(8),
            );
        }
    });
    let export_open = move |_| app.library.export_open();
    let notice = move || {
        notices.notice.get().map(|n| {
            let (class, text, action) = match n {
                Notice::Info(text) => ("notice info", text, None),
                Notice::Error(text) => ("notice error", text, None),
                Notice::QuotaFull => (
                    "notice error",
                    t().quota_full.to_string(),
                    app.document.doc
                        .with(Option::is_some)
                        .then(|| view! { <button type="button" class="button" on:click=export_open>{t().export_now}</button> }.into_any()),
                ),
                Notice::KeepAFile { id, title } => {
                    let text = fill(t().keep_a_file, &[("title", &title)]);
                    let export = move |_| {
                        notices.set(None);
                        app.library.export_by_id(&id);
                    };
                    let save = move |_| {
                        notices.set(None);
                        leptos::task::spawn_local(async move { app.files.save_to_file().await });
                    };
                    let open = app.document.doc.with(Option::is_some) && app.files.supported();
                    let actions = view! {
                        <button type="button" class="button" on:click=export>{t().export}</button>
                        {open.then(|| view! { <button type="button" class="button" on:click=save>{t().save_to_file}</button> })}
                    };
                    ("notice warning", text, Some(actions.into_any()))
                }
                Notice::Deleted(meta) => {
                    let text = fill(t().deleted, &[("title", &meta.title)]);
                    let undo = move |_| app.library.restore(&meta.doc);
                    ("notice info", text, Some(view! { <button type="button" class="button" on:click=undo>{t().undo}</button> }.into_any()))
                }
            };
            let role = if class.contains("error") { "alert" } else { "status" };
            view! {
                <div class=class role=role>
                    <p>{text}</p>
                    {action}
                    <button type="button" class="button small" on:click=move |_| notices.set(None) aria-label=move || t().close>
                        "×"
                    </button>
                </div>
            }
        })
    };
    let conflict = move || {
        app.autosave.conflict.get().map(|_| {
            view! {
                <div class="notice warning" role="alert">
                    <p>{t().conflict}</p>
                    <button type="button" class="button" on:click=move |_| app.writer.load_theirs()>{t().load_theirs}</button>
                    <button type="button" class="button" on:click=move |_| app.autosave.keep_mine()>{t().keep_mine}</button>
                    <button type="button" class="button" on:click=export_open>{t().export_mine}</button>
                </div>
            }
        })
    };
    let read_only = move || {
        (app.autosave.read_only.get() && matches!(app.route.get(), crate::route::Route::Strategy { .. })).then(|| {
            view! {
                <div class="notice info" role="status" data-testid="read-only">
                    <p>{t().read_only}</p>
                    <button type="button" class="button" on:click=move |_| app.writer.take_over()>{t().take_over}</button>
                </div>
            }
        })
    };
    view! { <div class="notices">{read_only}{conflict}{notice}</div> }
}
