//! The parsed conditions of one target of an indicator, shown next to the
//! verbatim text, for the user to correct: per condition an operator, its
//! value(s) and, for changes, what they are measured against. The text is
//! never changed here; "read again" replaces the conditions by the parse of it.

use leptos::prelude::*;
use strategy_core::i18n::{fill, Texts};
use strategy_core::target::{parse_target, Against, Stage};
use strategy_core::{Condition, Frequency, Indicator, Target};

use crate::state::{use_app, AppState};

/// Which target of an indicator is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSlot {
    /// The yearly target at this index of `Indicator::targets`.
    Yearly(usize),
    /// `Indicator::final_target`.
    Final,
}

impl TargetSlot {
    fn get(self, ind: &Indicator) -> Option<&Target> {
        match self {
            TargetSlot::Yearly(i) => ind.targets.get(i),
            TargetSlot::Final => ind.final_target.as_ref(),
        }
    }

    fn get_mut(self, ind: &mut Indicator) -> Option<&mut Target> {
        match self {
            TargetSlot::Yearly(i) => ind.targets.get_mut(i),
            TargetSlot::Final => ind.final_target.as_mut(),
        }
    }
}

/// The operators the editor offers, by their file-format names.
const OPS: [&str; 18] = [
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "equal",
    "range",
    "does_not_increase",
    "does_not_decrease",
    "unchanged",
    "increases",
    "decreases",
    "percent_change",
    "increment",
    "at_least_times",
    "done_in",
    "stage_reached",
    "baseline_set_in",
    "rating_at_least",
];

fn op_label(t: &Texts, op: &str) -> &'static str {
    match op {
        "at_least" => t.op_at_least,
        "more_than" => t.op_more_than,
        "at_most" => t.op_at_most,
        "less_than" => t.op_less_than,
        "equal" => t.op_equal,
        "range" => t.op_range,
        "does_not_increase" => t.op_does_not_increase,
        "does_not_decrease" => t.op_does_not_decrease,
        "unchanged" => t.op_unchanged,
        "increases" => t.op_increases,
        "decreases" => t.op_decreases,
        "percent_change" => t.op_percent_change,
        "increment" => t.op_increment,
        "at_least_times" => t.op_at_least_times,
        "done_in" => t.op_done_in,
        "stage_reached" => t.op_stage_reached,
        "baseline_set_in" => t.op_baseline_set_in,
        _ => t.op_rating_at_least,
    }
}

fn stage_label(t: &Texts, s: Stage) -> &'static str {
    match s {
        Stage::InPreparation => t.stage_in_preparation,
        Stage::Started => t.stage_started,
        Stage::Continues => t.stage_continues,
        Stage::Completed => t.stage_completed,
    }
}

const PERS: [(Frequency, &str); 4] = [(Frequency::Year, "year"), (Frequency::HalfYear, "half_year"), (Frequency::Quarter, "quarter"), (Frequency::Month, "month")];

fn per_label(t: &Texts, per: Frequency) -> &'static str {
    match per {
        Frequency::Year => t.per_year,
        Frequency::HalfYear => t.per_half_year,
        Frequency::Quarter => t.per_quarter,
        Frequency::Month => t.per_month,
    }
}

/// One condition as the form's fields: the operator, whether it counts in
/// total, two numbers, the reference, the frequency, the stage and the level.
#[derive(Debug, Clone, PartialEq)]
struct Fields {
    op: &'static str,
    in_total: bool,
    value: f64,
    max: f64,
    against: Against,
    per: Frequency,
    stage: Stage,
    level: String,
}

impl Fields {
    /// The fields of a condition; `year` fills the year of milestones without one.
    fn of(c: &Condition, year: i32) -> Fields {
        let mut f = Fields { op: "equal", in_total: false, value: 0.0, max: 0.0, against: Against::Baseline, per: Frequency::Year, stage: Stage::Completed, level: String::new() };
        match c {
            Condition::AtLeast { value } => (f.op, f.value) = ("at_least", *value),
            Condition::MoreThan { value } => (f.op, f.value) = ("more_than", *value),
            Condition::AtMost { value } => (f.op, f.value) = ("at_most", *value),
            Condition::LessThan { value } => (f.op, f.value) = ("less_than", *value),
            Condition::Equal { value } => (f.op, f.value) = ("equal", *value),
            Condition::Range { min, max } => (f.op, f.value, f.max) = ("range", *min, *max),
            Condition::DoesNotIncrease => f.op = "does_not_increase",
            Condition::DoesNotDecrease => f.op = "does_not_decrease",
            Condition::Unchanged => f.op = "unchanged",
            Condition::Increases => f.op = "increases",
            Condition::Decreases => f.op = "decreases",
            Condition::RelativeChange { percent } => (f.op, f.value) = ("percent_change", *percent),
            Condition::PercentChange { percent, against } => (f.op, f.value, f.against) = ("percent_change", *percent, *against),
            Condition::Increment { amount, against } => (f.op, f.value, f.against) = ("increment", *amount, *against),
            Condition::AtLeastTimes { count, per } => (f.op, f.value, f.per) = ("at_least_times", f64::from(*count), *per),
            Condition::DoneIn { year } => (f.op, f.value) = ("done_in", f64::from(*year)),
            Condition::StageReached { stage, year: y } => (f.op, f.value, f.stage) = ("stage_reached", f64::from(y.unwrap_or(year)), *stage),
            Condition::BaselineSetIn { year } => (f.op, f.value) = ("baseline_set_in", f64::from(*year)),
            Condition::RatingAtLeast { level } => (f.op, f.level) = ("rating_at_least", level.clone()),
            Condition::Cumulative { condition } => {
                f = Fields::of(condition, year);
                f.in_total = true;
            }
        }
        f
    }

    /// Whether the value is a year rather than an amount.
    fn value_is_year(&self) -> bool {
        matches!(self.op, "done_in" | "stage_reached" | "baseline_set_in")
    }

    /// Whether the operator takes a value at all.
    fn has_value(&self) -> bool {
        !matches!(self.op, "does_not_increase" | "does_not_decrease" | "unchanged" | "increases" | "decreases" | "rating_at_least")
    }

    /// Whether the operator is an amount that may count in total.
    fn may_total(&self) -> bool {
        matches!(self.op, "at_least" | "more_than" | "at_most" | "less_than" | "equal" | "range" | "at_least_times")
    }

    /// The condition these fields describe.
    fn condition(&self) -> Condition {
        let (value, year) = (self.value, self.value.round() as i32);
        let count = self.value.round().max(0.0) as u32;
        let c = match self.op {
            "at_least" => Condition::AtLeast { value },
            "more_than" => Condition::MoreThan { value },
            "at_most" => Condition::AtMost { value },
            "less_than" => Condition::LessThan { value },
            "range" => Condition::Range { min: value, max: self.max },
            "does_not_increase" => Condition::DoesNotIncrease,
            "does_not_decrease" => Condition::DoesNotDecrease,
            "unchanged" => Condition::Unchanged,
            "increases" => Condition::Increases,
            "decreases" => Condition::Decreases,
            "percent_change" if self.against == Against::Baseline => Condition::RelativeChange { percent: value },
            "percent_change" => Condition::PercentChange { percent: value, against: self.against },
            "increment" => Condition::Increment { amount: value, against: self.against },
            "at_least_times" => Condition::AtLeastTimes { count, per: self.per },
            "done_in" => Condition::DoneIn { year },
            "stage_reached" => Condition::StageReached { stage: self.stage, year: Some(year) },
            "baseline_set_in" => Condition::BaselineSetIn { year },
            "rating_at_least" => Condition::RatingAtLeast { level: self.level.clone() },
            _ => Condition::Equal { value },
        };
        if self.in_total && self.may_total() { Condition::Cumulative { condition: Box::new(c) } } else { c }
    }
}

/// A number as typed, with a decimal comma or point.
fn number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok().filter(|v: &f64| v.is_finite())
}

/// The conditions of one target of the indicator `indicator_id`, next to its
/// verbatim text, with a row of fields per condition.
#[component]
pub fn ConditionEditor(
    /// The indicator's id.
    indicator_id: String,
    /// Which of its targets.
    target_slot: TargetSlot,
) -> impl IntoView {
    let slot = target_slot;
    let app = use_app();
    let t = move || app.t();
    let id = StoredValue::new(indicator_id);
    let target = Memo::new(move |_| app.document.read(|s, ix| slot.get(s.indicator_at(ix.locate(&id.get_value())?)?).cloned()));
    let count = move || target.get().map_or(0, |t| t.conditions.len());
    let text = move || target.get().map(|t| t.text).unwrap_or_default();
    let add = move |_| edit_conditions(app, id, slot, |cs, _| cs.push(Condition::AtLeast { value: 0.0 }));
    let reread = move |_| edit_conditions(app, id, slot, |cs, target| *cs = parse_target(&target.text, target.year).conditions);
    view! {
        <fieldset class="condition-editor">
            <legend>{move || t().conditions}</legend>
            <p class="condition-text">
                <span class="field-label">{move || t().as_written}</span>
                " "
                <q>{text}</q>
            </p>
            <Show when=move || count() == 0>
                <p class="field-hint">{move || t().no_conditions}</p>
            </Show>
            <For
                each=move || 0..count()
                key=|i| *i
                children=move |i| view! { <ConditionRow app=app id=id target_slot=slot index=i target=target /> }
            />
            <div class="condition-actions">
                <button type="button" on:click=add>{move || t().add_condition}</button>
                <button type="button" on:click=reread>{move || t().read_from_text}</button>
            </div>
        </fieldset>
    }
}

/// Applies `f` to the conditions of the edited target (given the target as it was).
fn edit_conditions(app: AppState, id: StoredValue<String>, slot: TargetSlot, f: impl FnOnce(&mut Vec<Condition>, &Target)) {
    let (id, key) = (id.get_value(), format!("{}.conditions", id.get_value()));
    app.document.edit_item(&id, Some(&key), |s| {
        if let Some(target) = s.indicator_mut(&id).and_then(|i| slot.get_mut(i)) {
            let before = target.clone();
            f(&mut target.conditions, &before);
        }
    });
}

/// The fields of condition `index`.
#[component]
fn ConditionRow(app: AppState, id: StoredValue<String>, target_slot: TargetSlot, index: usize, target: Memo<Option<Target>>) -> impl IntoView {
    let slot = target_slot;
    let t = move || app.t();
    let default_year = move || target.get().and_then(|t| t.year).unwrap_or_default();
    let fields = Memo::new(move |_| target.get().and_then(|t| t.conditions.get(index).map(|c| Fields::of(c, t.year.unwrap_or_default()))));
    let set = move |change: Box<dyn FnOnce(&mut Fields)>| {
        let Some(mut f) = fields.get_untracked() else { return };
        change(&mut f);
        let c = f.condition();
        edit_conditions(app, id, slot, move |cs, _| {
            if let Some(slot) = cs.get_mut(index) {
                *slot = c;
            }
        });
    };
    let on_op = move |ev| {
        let op = event_target_value(&ev);
        let year = default_year();
        set(Box::new(move |f| {
            let was_year = f.value_is_year();
            f.op = OPS.iter().copied().find(|o| *o == op).unwrap_or("equal");
            if f.value_is_year() && !was_year {
                f.value = f64::from(year);
            }
        }))
    };
    let on_value = move |ev| {
        if let Some(v) = number(&event_target_value(&ev)) {
            set(Box::new(move |f| f.value = v))
        }
    };
    let on_max = move |ev| {
        if let Some(v) = number(&event_target_value(&ev)) {
            set(Box::new(move |f| f.max = v))
        }
    };
    let on_against = move |ev| {
        let v = event_target_value(&ev);
        let year = default_year() - 1;
        set(Box::new(move |f| {
            f.against = match v.as_str() {
                "previous_year" => Against::PreviousYear,
                "year" => Against::Year { year: match f.against { Against::Year { year } => year, _ => year } },
                _ => Against::Baseline,
            }
        }))
    };
    let on_reference_year = move |ev| {
        if let Some(y) = number(&event_target_value(&ev)) {
            set(Box::new(move |f| f.against = Against::Year { year: y.round() as i32 }))
        }
    };
    let on_per = move |ev| {
        let v = event_target_value(&ev);
        set(Box::new(move |f| f.per = PERS.iter().find(|(_, n)| *n == v).map_or(Frequency::Year, |(p, _)| *p)))
    };
    let on_stage = move |ev| {
        let v = event_target_value(&ev);
        set(Box::new(move |f| f.stage = Stage::ALL.into_iter().find(|s| stage_key(*s) == v).unwrap_or(Stage::Completed)))
    };
    let on_level = move |ev| {
        let v = event_target_value(&ev);
        set(Box::new(move |f| f.level = v))
    };
    let on_total = move |ev| {
        let on = event_target_checked(&ev);
        set(Box::new(move |f| f.in_total = on))
    };
    let remove = move |_| edit_conditions(app, id, slot, move |cs, _| drop((index < cs.len()).then(|| cs.remove(index))));
    let f = move || fields.get();
    let op = move || f().map(|f| f.op).unwrap_or("equal");
    let has = move |test: fn(&Fields) -> bool| move || f().is_some_and(|f| test(&f));
    let value = move || f().map(|f| f.value.to_string()).unwrap_or_default();
    let max = move || f().map(|f| f.max.to_string()).unwrap_or_default();
    let against = move || match f().map(|f| f.against) {
        Some(Against::PreviousYear) => "previous_year",
        Some(Against::Year { .. }) => "year",
        _ => "baseline",
    };
    let reference_year = move || match f().map(|f| f.against) {
        Some(Against::Year { year }) => year.to_string(),
        _ => String::new(),
    };
    let n = (index + 1).to_string();
    let legend = { let n = n.clone(); move || fill(t().condition_n, &[("n", &n)]) };
    let remove_label = move || fill(t().remove_condition, &[("n", &n)]);
    view! {
        <fieldset class="condition-row">
            <legend>{legend}</legend>
            <label class="field">
                <span class="field-label">{move || t().operator}</span>
                <select on:change=on_op prop:value=op>
                    {move || OPS.iter().map(|o| view! { <option value=*o selected=*o == op()>{op_label(t(), o)}</option> }).collect_view()}
                </select>
            </label>
            <Show when=has(Fields::has_value)>
                <label class="field">
                    <span class="field-label">{move || if has(Fields::value_is_year)() { t().condition_year } else { t().condition_value }}</span>
                    <input type="number" step="any" prop:value=value on:change=on_value />
                </label>
            </Show>
            <Show when=move || op() == "range">
                <label class="field">
                    <span class="field-label">{move || t().condition_value_to}</span>
                    <input type="number" step="any" prop:value=max on:change=on_max />
                </label>
            </Show>
            <Show when=move || matches!(op(), "percent_change" | "increment")>
                <label class="field">
                    <span class="field-label">{move || t().change_against}</span>
                    <select on:change=on_against prop:value=against>
                        <option value="baseline" selected=move || against() == "baseline">{move || t().against_baseline}</option>
                        <option value="previous_year" selected=move || against() == "previous_year">{move || t().against_previous_year}</option>
                        <option value="year" selected=move || against() == "year">{move || t().against_year}</option>
                    </select>
                </label>
                <Show when=move || against() == "year">
                    <label class="field">
                        <span class="field-label">{move || t().reference_year}</span>
                        <input type="number" step="1" prop:value=reference_year on:change=on_reference_year />
                    </label>
                </Show>
            </Show>
            <Show when=move || op() == "at_least_times">
                <label class="field">
                    <span class="field-label">{move || t().times_per}</span>
                    <select on:change=on_per>
                        {move || {
                            let current = f().map(|f| f.per);
                            PERS.iter().map(|(p, name)| view! { <option value=*name selected=current == Some(*p)>{per_label(t(), *p)}</option> }).collect_view()
                        }}
                    </select>
                </label>
            </Show>
            <Show when=move || op() == "stage_reached">
                <label class="field">
                    <span class="field-label">{move || t().stage}</span>
                    <select on:change=on_stage>
                        {move || {
                            let current = f().map(|f| f.stage);
                            Stage::ALL.into_iter().map(|s| view! { <option value=stage_key(s) selected=current == Some(s)>{stage_label(t(), s)}</option> }).collect_view()
                        }}
                    </select>
                </label>
            </Show>
            <Show when=move || op() == "rating_at_least">
                <label class="field">
                    <span class="field-label">{move || t().rating_level}</span>
                    <input type="text" prop:value=move || f().map(|f| f.level).unwrap_or_default() on:change=on_level />
                </label>
            </Show>
            <Show when=has(Fields::may_total)>
                <label class="field field-check">
                    <input type="checkbox" prop:checked=move || f().is_some_and(|f| f.in_total) on:change=on_total />
                    <span class="field-label">{move || t().in_total}</span>
                </label>
            </Show>
            <button type="button" class="remove" on:click=remove aria-label=remove_label.clone() title=remove_label>"×"</button>
        </fieldset>
    }
}

/// A stage's file-format name, for the select.
fn stage_key(s: Stage) -> &'static str {
    match s {
        Stage::InPreparation => "in_preparation",
        Stage::Started => "started",
        Stage::Continues => "continues",
        Stage::Completed => "completed",
    }
}
