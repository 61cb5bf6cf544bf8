//! Every field of one indicator: unit, kind, direction, baseline (and what it was carried from), targets per
//! year, data source, responsible units (their codes explained under the
//! field), frequency and footnote.

use leptos::prelude::*;
use strategy_core::i18n::{direction_label, kind_label};
use strategy_core::table::{explain_codes, Column};
use strategy_core::{Direction, Indicator, IndicatorKind};

use crate::components::carried_mark::carried_text;
use crate::components::condition_editor::{ConditionEditor, TargetSlot};
use crate::components::select_field::SelectField;
use crate::serde_enum::{name as snake, options, parse as from_snake};
use crate::components::text_field::TextField;
use crate::state::use_app;

/// The full form of the indicator with `id`.
#[component]
pub fn IndicatorForm(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let sid = StoredValue::new(id.clone());
    // A cell of the indicator table as a labelled field, marked when its text was not understood.
    let cell = move |col: Column, label: TextProp| {
        let (value, on_change) = app.document.bind_cell(&sid.get_value(), col);
        let not_understood = move || {
            app.document.read_item::<Indicator, _>(&sid.get_value(), |i| strategy_core::table::cell_not_understood(i, col)).unwrap_or(false)
        };
        let hint = Signal::derive(move || {
            if not_understood() {
                t().not_understood.to_string()
            } else if col == Column::Responsible {
                app.document.read(|s, _| Some(explain_codes(s, &value.get()))).unwrap_or_default()
            } else if col == Column::Baseline {
                carried_text(app, &sid.get_value()).unwrap_or_default()
            } else {
                String::new()
            }
        });
        view! { <TextField label=label value=value on_change=on_change hint=hint lazy=col == Column::Responsible /> }
    };
    let (kind, set_kind) = app.document.bind_item::<Indicator>(&id, "kind", |i| snake(i.kind), |i, v| {
        if let Some(k) = from_snake(&v) {
            i.kind = k
        }
    });
    let (direction, set_direction) = app.document.bind_item::<Indicator>(&id, "direction", |i| snake(i.direction), |i, v| {
        if let Some(d) = from_snake(&v) {
            i.direction = d
        }
    });
    let (frequency, set_frequency) = app.document.bind_item::<Indicator>(&id, "frequency", |i| i.frequency.clone(), |i, v| i.frequency = v);
    let (footnote, set_footnote) = app.document.bind_item::<Indicator>(&id, "footnote", |i| i.footnote.clone(), |i, v| i.footnote = v);
    let kinds = Signal::derive(move || {
        let lang = app.lang.get();
        options(&[IndicatorKind::Quantitative, IndicatorKind::Milestone, IndicatorKind::Qualitative], |k| kind_label(lang, k))
    });
    let directions = Signal::derive(move || {
        let lang = app.lang.get();
        options(&[Direction::Unspecified, Direction::Increase, Direction::Decrease, Direction::Keep, Direction::Reach], |d| direction_label(lang, d))
    });
    let years = move || app.document.read(|s, _| Some(s.period.years().collect::<Vec<_>>())).unwrap_or_default();
    // The targets there are (their years, and whether a final one exists): the
    // condition editors are rebuilt only when a target comes or goes.
    let target_slots = Memo::new(move |_| {
        app.document.read_item::<Indicator, _>(&sid.get_value(), |i| (i.targets.iter().map(|t| t.year).collect::<Vec<_>>(), i.final_target.is_some()))
            .unwrap_or_default()
    });
    view! {
        <div class="indicator-form">
            <div class="grid-3">
                {cell(Column::Unit, TextProp::from(move || t().unit))}
                <SelectField label=move || t().kind value=kind options=kinds on_change=set_kind />
                <SelectField label=move || t().direction value=direction options=directions on_change=set_direction />
                {cell(Column::Baseline, TextProp::from(move || t().baseline))}
                {cell(Column::BaselineYear, TextProp::from(move || t().baseline_year))}
            </div>
            <fieldset class="targets">
                <legend>{move || t().targets}</legend>
                <div class="grid-years">
                    {move || {
                        years()
                            .into_iter()
                            .map(|y| cell(Column::Year(y), y.to_string().into()))
                            .collect_view()
                    }}
                    {cell(Column::Final, TextProp::from(move || t().final_target))}
                </div>
                <details class="conditions">
                    <summary>{move || t().conditions}</summary>
                    {move || {
                        let (years, has_final) = target_slots.get();
                        let yearly = years.into_iter().enumerate().map(|(i, year)| {
                            let heading = year.map(|y| y.to_string()).unwrap_or_default();
                            view! {
                                <h4>{heading}</h4>
                                <ConditionEditor indicator_id=sid.get_value() target_slot=TargetSlot::Yearly(i) />
                            }
                        });
                        let last = has_final.then(|| {
                            view! {
                                <h4>{move || t().final_target}</h4>
                                <ConditionEditor indicator_id=sid.get_value() target_slot=TargetSlot::Final />
                            }
                        });
                        view! { {yearly.collect_view()} {last} }
                    }}
                </details>
            </fieldset>
            <div class="grid-2">
                {cell(Column::Source, TextProp::from(move || t().data_source))}
                {cell(Column::Responsible, TextProp::from(move || t().responsible))}
                <TextField label=move || t().frequency value=frequency on_change=set_frequency />
                <TextField label=move || t().footnote value=footnote on_change=set_footnote multiline=true />
            </div>
        </div>
    }
}
