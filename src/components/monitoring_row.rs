//! One indicator in the monitoring view: its target for the period, the
//! actual, what was done, evidence, and its status (computed, or set by hand
//! with a reason), with its chart on demand; above its name, the full number
//! and title of the node it hangs on. Far from the view it is rendered
//! light: its heading only. Its edits are its indicator's own
//! (an undo step keeps only that indicator's fields; other rows' fields are
//! not recomputed).

use leptos::prelude::*;
use strategy_core::dashboard::{set_actual, set_actual_comment, set_actual_evidence, set_status_override, MonitoringRow};
use strategy_core::i18n::status_label;
use strategy_core::{Indicator, IndicatorKind, ReportingPeriod, StatusOverride};

use crate::components::indicator_chart::IndicatorChart;
use crate::components::text_field::TextField;
use crate::components::status_badge::{parse_status, status_badge};
use crate::serde_enum::name;
use crate::state::use_app;

/// The monitoring row of indicator `id` for `period`; `rows` holds the computed statuses by id.
#[component]
pub fn MonitoringRowView(
    id: String,
    #[prop(into)] period: Signal<ReportingPeriod>,
    rows: Memo<std::collections::HashMap<String, MonitoringRow>>,
    /// Shown under a group's heading (its name is then a third-level heading).
    #[prop(default = false)]
    nested: bool,
    /// Rendered whole, with its fields; otherwise light: its heading and a
    /// space of about the fields' height (a row far from the view).
    #[prop(into)]
    whole: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let sid = StoredValue::new(id.clone());
    let row = move || rows.with(|r| r.get(&sid.get_value()).cloned());
    let actual_field = move |get: fn(&strategy_core::Actual) -> String| {
        move || {
            app.document.read_item::<Indicator, _>(&sid.get_value(), |i| {
                i.actuals.iter().find(|a| a.period == period.get()).map(get).unwrap_or_default()
            })
            .unwrap_or_default()
        }
    };
    let edit = move |key: &'static str, f: fn(&mut strategy_core::Strategy, &str, ReportingPeriod, &str) -> bool| {
        Callback::new(move |v: String| {
            let (p, id) = (period.get_untracked(), sid.get_value());
            app.document.edit_item(&id, Some(&format!("{id}.{key}.{p}")), |s| {
                f(s, &id, p, &v);
            })
        })
    };
    let value = Signal::derive(actual_field(|a| a.text.clone()));
    let comment = Signal::derive(actual_field(|a| a.comment.clone()));
    let evidence = Signal::derive(actual_field(|a| a.evidence_url.clone()));
    let override_status = Signal::derive(actual_field(|a| a.status_override.as_ref().map(|o| name(o.status)).unwrap_or_default()));
    let reason = Signal::derive(actual_field(|a| a.status_override.as_ref().map(|o| o.reason.clone()).unwrap_or_default()));
    let set_override = move |status: String, reason: String| {
        let (p, id) = (period.get_untracked(), sid.get_value());
        app.document.edit_item(&id, Some(&format!("{id}.override.{p}")), |s| {
            let over = parse_status(&status).map(|status| StatusOverride { status, reason });
            set_status_override(s, &id, p, over);
        });
    };
    let chart_open = RwSignal::new(false);
    let indicator = Signal::derive(move || app.document.read_item::<Indicator, _>(&sid.get_value(), Clone::clone));
    let strategy_period = Memo::new(move |_| app.document.read_outline(|s, _| Some(s.period)).unwrap_or_default());
    let milestone = move || row().is_some_and(|r| r.kind == IndicatorKind::Milestone);
    let badge = move || row().map(|r| status_badge(r.status, status_label(app.lang.get(), r.status), r.overridden));
    let title = move || row().map(|r| format!("{}{}", r.name, if r.key { " *" } else { "" })).unwrap_or_default();
    let heading = move || if nested { view! { <h3>{title}</h3> }.into_any() } else { view! { <h2>{title}</h2> }.into_any() };
    view! {
        <article class="monitoring-row card" class:light=move || !whole.get() data-item-id=id>
            <header class="monitoring-head">
                <div class="grow">
                    <p class="goal-label">{move || row().map(|r| r.owner_label).unwrap_or_default()}</p>
                    {heading}
                    <p class="target-text">
                        {move || t().target}": "
                        <strong>{move || row().map(|r| if r.target_text.is_empty() { "—".to_string() } else { r.target_text }).unwrap_or_default()}</strong>
                        {move || row().filter(|r| !r.target_text.is_empty() && !r.target_text.contains(r.unit.as_str())).map(|r| format!(" {}", r.unit))}
                    </p>
                </div>
                {badge}
            </header>
            <Show when=move || whole.get() fallback=|| view! { <div class="monitoring-fields-space" aria-hidden="true"></div> }>
            <div class="grid-3">
                <TextField
                    label=move || if milestone() { format!("{} ({})", t().actual, t().actual_hint_milestone) } else { t().actual.to_string() }
                    value=value
                    on_change=edit("actual", set_actual)
                />
                <label class="field">
                    <span class="field-label">{move || t().status_override}</span>
                    <select on:change=move |ev| set_override(event_target_value(&ev), reason.get_untracked())>
                        <option value="" selected=move || override_status.get().is_empty()>{move || t().computed}</option>
                        {move || {
                            strategy_core::status::STATUS_ORDER
                                .iter()
                                .map(|s| {
                                    let v = name(*s);
                                    let selected = v.clone();
                                    view! { <option value=v selected=move || override_status.get() == selected>{status_label(app.lang.get(), *s)}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <Show when=move || !override_status.get().is_empty()>
                    <TextField label=move || t().override_reason value=reason on_change=Callback::new(move |r: String| set_override(override_status.get_untracked(), r)) />
                </Show>
            </div>
            <div class="grid-2">
                <TextField label=move || t().comment value=comment on_change=edit("comment", set_actual_comment) multiline=true />
                <TextField label=move || t().evidence_url value=evidence on_change=edit("evidence", set_actual_evidence) input_type="url" />
            </div>
            <button type="button" class="button small" aria-expanded=move || chart_open.get().to_string() on:click=move |_| chart_open.update(|o| *o = !*o)>
                {move || t().show_chart}
            </button>
            <Show when=move || chart_open.get()>
                <IndicatorChart indicator=indicator period=strategy_period />
            </Show>
            </Show>
        </article>
    }
}
