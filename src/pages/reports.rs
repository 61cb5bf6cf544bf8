//! Documents: pick a document (the strategy document, the annual report for a
//! year, the indicator workbook), see it on the page, print it (or save it as
//! PDF) and download it as DOCX, XLSX, CSV or HTML.
//!
//! Rule: every document is made by the documents module ([`crate::lazy`]),
//! loaded the first time this section is opened; the page only inserts the
//! preview's HTML body and offers the files. While the module loads or works
//! the page says so; when it fails, the page says why and offers to try
//! again, and the rest of the app is untouched. Printing prints only the
//! preview (style/print.css hides the app around it).

use std::sync::Arc;

use leptos::prelude::*;
use strategy_core::i18n::fill;

use crate::lazy::{self, DocRequest};
use crate::state::use_app;
use crate::web;

/// The downloads offered: format, button label, MIME type.
const DOWNLOADS: [(&str, &str, &str); 4] = [
    ("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("csv", "CSV", "text/csv;charset=utf-8"),
    ("html", "HTML", "text/html;charset=utf-8"),
];

/// What the page is doing with the module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Idle,
    /// The module's first load.
    Loading,
    /// Making a preview or a file.
    Making,
}

/// The strategy document's goal map ([`strategy_core::docs::goal_map_figure`])
/// drawn as a PNG about 3,000 pixels wide (300 dpi across a landscape page).
async fn goal_map_png(app: crate::state::AppState) -> Option<Vec<u8>> {
    let lang = app.lang.get_untracked();
    let figure = app.document.doc.with_untracked(|d| d.as_ref().map(|s| strategy_core::docs::goal_map_figure(s, lang)))?;
    let strategy_core::docs::Block::Image { svg, width, height, .. } = figure else { return None };
    web::svg_to_png(&svg, width, height, (3000.0 / width.max(1.0)).clamp(1.0, 3.0)).await
}

/// The Documents section of the editor.
#[component]
pub fn ReportsSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let current_year = web::current_year();
    let period = app.document.read_outline(|s, _| Some((s.period.start_year, s.period.end_year))).unwrap_or((current_year, current_year));
    let kind = RwSignal::new("annual");
    // The last year reported on: last year, within the strategy's period.
    let year = RwSignal::new((current_year - 1).clamp(period.0, period.1.max(period.0)));
    let request = Memo::new(move |_| {
        let json: Arc<str> = app.document.read(|s, _| Some(strategy_core::compact(s)))?.into();
        Some(DocRequest { json, kind: kind.get(), year: year.get(), current_year, lang: app.lang.get().code() })
    });
    let preview = RwSignal::new(None::<String>);
    let busy = RwSignal::new(Busy::Idle);
    let error = RwSignal::new(None::<String>);
    // Each preview asked for; an answer to an older one is dropped.
    let generation = StoredValue::new(0_u32);
    let start = move || {
        busy.set(if lazy::started() { Busy::Making } else { Busy::Loading });
        error.set(None);
    };
    let make_preview = move || {
        let Some(request) = request.get_untracked() else { return };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        start();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = lazy::make(&request, "preview", None).await;
            if generation.get_value() != mine {
                return;
            }
            busy.set(Busy::Idle);
            match answer {
                Ok(bytes) => preview.set(Some(String::from_utf8_lossy(&bytes).into_owned())),
                Err(reason) => {
                    preview.set(None);
                    error.set(Some(reason));
                }
            }
        });
    };
    Effect::new(move |_| {
        request.track();
        make_preview();
    });
    let download = move |format: &'static str, mime: &'static str| {
        let Some(request) = request.get_untracked() else { return };
        start();
        wasm_bindgen_futures::spawn_local(async move {
            // The DOCX of the strategy document carries the goal map as a picture the page draws.
            let picture = match (request.kind, format) {
                ("strategy", "docx") => goal_map_png(app).await,
                _ => None,
            };
            let answer =
                async { Ok::<_, String>((lazy::file_name(&request, format).await?, lazy::make(&request, format, picture.as_deref()).await?)) }.await;
            busy.set(Busy::Idle);
            match answer {
                Ok((name, bytes)) => web::download_bytes(&name, &bytes, mime),
                Err(reason) => error.set(Some(reason)),
            }
        });
    };
    let years = move || (period.0..=period.1.max(period.0)).collect::<Vec<_>>();
    let kinds = move || [("strategy", t().reports_strategy), ("annual", t().reports_annual), ("workbook", t().reports_workbook)];
    let status = move || match busy.get() {
        Busy::Idle => None,
        Busy::Loading => Some(t().reports_loading),
        Busy::Making => Some(t().reports_making),
    };
    view! {
        <h1 class="no-print">{move || t().section_reports}</h1>
        <div class="toolbar reports-toolbar no-print">
            <label class="field inline">
                <span class="field-label">{move || t().reports_document}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((k, _)) = kinds().into_iter().find(|(k, _)| *k == v) {
                        kind.set(k);
                    }
                }>
                    {move || kinds().into_iter().map(|(k, label)| view! { <option value=k selected=move || kind.get() == k>{label}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || kind.get() == "annual">
                <label class="field inline">
                    <span class="field-label">{move || t().reports_year}</span>
                    <select on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse() {
                            year.set(y);
                        }
                    }>
                        {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <button type="button" class="button" disabled=move || preview.with(Option::is_none) on:click=move |_| { let _ = window().print(); }>
                {move || t().reports_print}
            </button>
            <span class="field-label" id="reports-download-label">{move || t().reports_download}</span>
            <div class="button-group" role="group" aria-labelledby="reports-download-label">
                {DOWNLOADS
                    .into_iter()
                    .map(|(format, label, mime)| {
                        view! {
                            <button type="button" class="button small" disabled=move || busy.get() != Busy::Idle || request.with(Option::is_none) on:click=move |_| download(format, mime)>
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
        <p class="reports-status no-print" role="status" aria-live="polite">{status}</p>
        {move || {
            error.get().map(|reason| {
                view! {
                    <div class="notice error no-print" role="alert">
                        <p>{fill(t().reports_failed, &[("reason", &reason)])}</p>
                        <button type="button" class="button small" on:click=move |_| make_preview()>{move || t().reports_retry}</button>
                    </div>
                }
            })
        }}
        <section class="doc-preview" aria-label=move || t().reports_preview aria-busy=move || (busy.get() != Busy::Idle).to_string() inner_html=move || preview.get().unwrap_or_default()></section>
    }
}
