//! The strategy editor: section navigation and the chosen section.

use leptos::prelude::*;

use crate::pages::{checks::ChecksSection, context::ContextSection, dashboard::DashboardSection, goal_map::MapSection, indicators::IndicatorsSection};
use crate::pages::compare::CompareSection;
use crate::pages::evaluation::EvaluationSection;
use crate::pages::monitoring::MonitoringSection;
use crate::pages::reports::ReportsSection;
use crate::pages::{overview::OverviewSection, structure::StructureSection};
use crate::route::{Route, Section};
use crate::state::use_app;

/// The label of a section in the current language.
pub fn section_label(t: &strategy_core::i18n::Texts, s: Section) -> &'static str {
    match s {
        Section::Overview => t.section_overview,
        Section::Structure => t.section_structure,
        Section::Context => t.section_context,
        Section::Indicators => t.section_indicators,
        Section::Monitoring => t.section_monitoring,
        Section::Dashboard => t.section_dashboard,
        Section::Evaluation => t.section_evaluation,
        Section::Map => t.section_map,
        Section::Checks => t.section_checks,
        Section::Workshop => t.section_workshop,
        Section::Reports => t.section_reports,
        Section::Compare => t.section_compare,
    }
}

/// The editor of the open strategy.
#[component]
pub fn EditorPage() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let current = move || match app.route.get() {
        Route::Strategy { section, .. } => section,
        Route::Library | Route::Audience { .. } => Section::Overview,
    };
    let id = move || app.route.with(|r| r.strategy_id().unwrap_or_default().to_string());
    let problem_count = move || app.document.problems.with(|p| p.len());
    let nav = move || {
        Section::ALL
            .into_iter()
            .map(|s| {
                let href = move || Route::Strategy { id: id(), section: s, focus: None }.hash();
                let badge = move || (s == Section::Checks && problem_count() > 0).then(|| view! { <span class="badge">{problem_count()}</span> });
                view! {
                    <a href=href class="section-link" aria-current=move || (current() == s).then_some("page")>
                        {move || section_label(t(), s)}
                        {badge}
                    </a>
                }
            })
            .collect_view()
    };
    // Opened from the goal map or the checks: bring the item into view.
    Effect::new(move |_| {
        if let Route::Strategy { focus: Some(id), .. } = app.route.get() {
            if app.document.doc.with(Option::is_some) {
                crate::web::focus_item(id);
            }
        }
    });
    let body = move || match current() {
        Section::Overview => view! { <OverviewSection /> }.into_any(),
        Section::Structure => view! { <StructureSection /> }.into_any(),
        Section::Context => view! { <ContextSection /> }.into_any(),
        Section::Indicators => view! { <IndicatorsSection /> }.into_any(),
        Section::Monitoring => view! { <MonitoringSection /> }.into_any(),
        Section::Dashboard => view! { <DashboardSection /> }.into_any(),
        Section::Evaluation => view! { <EvaluationSection /> }.into_any(),
        Section::Map => view! { <MapSection /> }.into_any(),
        Section::Checks => view! { <ChecksSection /> }.into_any(),
        Section::Workshop => view! { <crate::pages::workshop::WorkshopSection /> }.into_any(),
        Section::Reports => view! { <ReportsSection /> }.into_any(),
        Section::Compare => view! { <CompareSection /> }.into_any(),
    };
    view! {
        <div class="editor">
            <nav class="sections" aria-label=move || t().sections_label>{nav}</nav>
            <main class="page" id="main">
                <Show when=move || app.document.doc.with(Option::is_some) fallback=move || view! { <p>{t().loading}</p> }>
                    // Read-only while another tab edits this strategy: every control of a
                    // section that edits is disabled; the goal map, dashboard and checks
                    // only show, so their views (zoom, filters, years, export) stay usable.
                    <fieldset class="editor-body" disabled=move || app.autosave.read_only.get() && current().edits()>
                        {body}
                    </fieldset>
                </Show>
            </main>
        </div>
    }
}
