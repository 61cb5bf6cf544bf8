//! Overview: who, when, and why — institution, period, foreword, mandate,
//! mission, vision, values, the size of the tree per level and the
//! overarching goal (its title and description; its indicators and children
//! are edited under Structure); and the actions on the whole strategy: a
//! workshop, and starting the next period from it. The mandate, mission and
//! vision lock on their own (read-only until unlocked).

use leptos::prelude::*;
use strategy_core::i18n::Texts;
use strategy_core::{ContentLanguage, Node, StrategyText, Value};

use crate::components::item_problems::ItemProblems;
use crate::components::level_counts::level_counts;
use crate::components::lock_icon::LockToggle;
use crate::components::next_period_dialog::NextPeriodButton;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::components::value_item::ValueItem;
use crate::strategy_field;
use crate::route::{Route, Section};
use crate::state::use_app;

/// Parses a year typed in a number field, keeping the old one when it is not a number.
pub fn parse_year(text: &str, old: i32) -> i32 {
    text.trim().parse().unwrap_or(old)
}

/// A text of the strategy itself (mandate, mission, vision) with its lock:
/// read-only while locked.
#[component]
fn LockableText(text: StrategyText) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    // Its undo key, its field's label, and the short name its lock button
    // is named by ("Lock: Mission").
    type Text = fn(&Texts) -> &'static str;
    let (key, label_of, name_of): (&str, Text, Text) = match text {
        StrategyText::Mandate => ("mandate", |t| t.mandate, |t| t.step_mandate),
        StrategyText::Mission => ("mission", |t| t.mission, |t| t.step_mission),
        StrategyText::Vision => ("vision", |t| t.vision, |t| t.step_vision),
    };
    let (value, on_change) = app.document.bind_text(key, move |s, _| Some(text.of(s).clone()), move |s, v| *text.of_mut(s) = v);
    let label = Signal::derive(move || label_of(t()).to_string());
    let name = Signal::derive(move || name_of(t()).to_string());
    let locked = Signal::derive(move || app.document.read(|s, _| Some(s.text_locked(text))).unwrap_or(false));
    let toggle = Callback::new(move |()| {
        app.document.edit(None, |s| {
            let on = !s.text_locked(text);
            s.set_text_locked(text, on);
        })
    });
    view! {
        <div class="lockable-text" class:locked=move || locked.get()>
            <fieldset class="plain grow" disabled=move || locked.get()>
                <TextField label=label value=value on_change=on_change multiline=true />
            </fieldset>
            <LockToggle locked=locked on_toggle=toggle name=name />
        </div>
    }
}

/// The overview section of the editor.
#[component]
pub fn OverviewSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let (start, set_start) = app.document.bind("period.start", |s, _| Some(s.period.start_year.to_string()), |s, v| s.period.start_year = parse_year(&v, s.period.start_year));
    let (end, set_end) = app.document.bind("period.end", |s, _| Some(s.period.end_year.to_string()), |s, v| s.period.end_year = parse_year(&v, s.period.end_year));
    let (content_lang, set_content_lang) = app.document.bind(
        "content_language",
        |s, _| Some(crate::serde_enum::name(s.content_language)),
        |s, v| {
            if let Some(l) = crate::serde_enum::parse::<ContentLanguage>(&v) {
                s.content_language = l;
            }
        },
    );
    let lang_options = Signal::derive(move || {
        vec![("lv".to_string(), t().lang_lv.to_string()), ("en".to_string(), t().lang_en.to_string()), ("both".to_string(), t().lang_both.to_string())]
    });
    let value_ids = move || app.document.doc.with(|d| d.as_ref().map(|s| s.values.iter().map(|v| v.id.clone()).collect::<Vec<_>>()).unwrap_or_default());
    let add_value = move |_| {
        app.document.edit(None, |s| {
            let id = s.fresh_id("v");
            s.values.push(Value { id, ..Default::default() });
        })
    };
    let has_og = move || app.document.doc.with(|d| d.as_ref().is_some_and(|s| s.overarching_goal.is_some()));
    let toggle_og = move |ev| {
        let on = event_target_checked(&ev);
        app.document.edit(None, |s| {
            if on {
                let id = s.fresh_id("og");
                s.overarching_goal = Some(Node { id, ..Node::default() });
            } else if let Some(id) = s.overarching_goal.as_ref().map(|o| o.id.clone()) {
                // Links to it and to what was under it go with it.
                s.remove_item(&id);
            }
        });
    };
    let og_field = move |multiline: bool| {
        let (value, on_change) = app.document.bind(
            if multiline { "og.description" } else { "og.title" },
            move |s, _| s.overarching_goal.as_ref().map(|o| if multiline { o.description.clone() } else { o.title.clone() }),
            move |s, v| {
                if let Some(o) = s.overarching_goal.as_mut() {
                    if multiline { o.description = v } else { o.title = v }
                }
            },
        );
        let label = Signal::derive(move || if multiline { t().description } else { t().title });
        view! { <TextField label=label value=value on_change=on_change multiline=multiline /> }
    };
    let og_path = Signal::derive(move || app.document.read(|s, _| s.overarching_goal.as_ref().map(|o| o.id.clone())).and_then(|id| app.document.item_path_of(&id)));
    let og_structure = move || {
        let id = app.route.with(|r| r.strategy_id().unwrap_or_default().to_string());
        let focus = app.document.read(|s, _| s.overarching_goal.as_ref().map(|o| o.id.clone()));
        Route::Strategy { id, section: Section::Structure, focus }.hash()
    };
    let counts = move || app.document.read_outline(|s, _| Some(level_counts(s, app.lang.get()))).unwrap_or_default();
    let workshop_href = move || Route::Strategy { id: app.route.with(|r| r.strategy_id().unwrap_or_default().to_string()), section: Section::Workshop, focus: None }.hash();
    let has_workshop = move || app.document.doc.with(|d| d.as_ref().is_some_and(|s| s.workshop.is_some()));
    view! {
        <h1>{move || t().section_overview}</h1>
        <div class="toolbar">
            <a class="button" href=workshop_href>{move || if has_workshop() { t().workshop_resume } else { t().workshop_start }}</a>
            <NextPeriodButton />
        </div>
        <section class="card" aria-labelledby="ov-basics">
            <h2 id="ov-basics" class="visually-hidden">{move || t().section_overview}</h2>
            {strategy_field!(app, title, title)}
            <div class="grid-2">
                {strategy_field!(app, institution_name, institution.name)}
                {strategy_field!(app, institution_short, institution.short_name)}
                <TextField label=move || t().start_year value=start on_change=set_start input_type="number" />
                <TextField label=move || t().end_year value=end on_change=set_end input_type="number" />
                <SelectField label=move || t().content_language value=content_lang options=lang_options on_change=set_content_lang />
            </div>
            <p class="field-hint" data-testid="level-counts">{move || t().level_counts}": "{counts}</p>
            // The strategy's own problems (title, period) beside its fields.
            <ItemProblems path=Signal::derive(|| Some(String::new())) />
        </section>
        <section class="card" aria-labelledby="ov-foreword">
            <h2 id="ov-foreword">{move || t().foreword}</h2>
            {strategy_field!(app, foreword, foreword.text, multiline)}
            <div class="grid-2">
                {strategy_field!(app, signatory_name, foreword.signatory_name)}
                {strategy_field!(app, signatory_position, foreword.signatory_position)}
            </div>
        </section>
        <section class="card" aria-labelledby="ov-identity">
            <h2 id="ov-identity">{move || t().mandate}</h2>
            <LockableText text=StrategyText::Mandate />
            <LockableText text=StrategyText::Mission />
            <LockableText text=StrategyText::Vision />
        </section>
        <section class="card" aria-labelledby="ov-values">
            <h2 id="ov-values">{move || t().values}</h2>
            <For each=value_ids key=|id| id.clone() children=move |id| view! { <ValueItem id=id /> } />
            <button type="button" class="button" on:click=add_value>{move || t().add_value}</button>
        </section>
        <section class="card" aria-labelledby="ov-og">
            <h2 id="ov-og">{move || t().overarching_goal}</h2>
            <label class="check">
                <input type="checkbox" prop:checked=has_og on:change=toggle_og />
                {move || t().has_overarching_goal}
            </label>
            <Show when=has_og>
                {og_field(false)}
                {og_field(true)}
                <ItemProblems path=og_path />
                <p class="field-hint">
                    <a href=og_structure>{move || t().overarching_in_structure}</a>
                </p>
            </Show>
        </section>
        <section class="card" aria-labelledby="ov-notes">
            <h2 id="ov-notes">{move || t().notes}</h2>
            {strategy_field!(app, notes, notes, multiline)}
        </section>
    }
}
