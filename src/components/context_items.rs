//! Editors for one item of each context list: target group, policy document,
//! SWOT factor, risk and organisational unit. Each is a few bound fields
//! beside the shared move/remove actions.

use leptos::prelude::*;
use strategy_core::i18n::{rating_label, policy_rating_label, swot_label};
use strategy_core::{Level, PolicyDocument, PolicyLevel, Risk, SwotItem, SwotKind, TargetGroup, Unit};

use crate::components::item_actions::ItemActions;
use crate::components::item_problems::ItemProblems;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::serde_enum::{name, options, parse};
use crate::state::use_app;

fn row(id: String, fields: impl IntoView + 'static) -> AnyView {
    let item_id = id.clone();
    let path = use_app().item_path_signal(&id);
    view! {
        <div class="list-item" data-item-id=item_id>
            <div class="grow">
                <div class="grid-2">{fields}</div>
                <ItemProblems path=path />
            </div>
            <ItemActions id=id />
        </div>
    }
    .into_any()
}

/// A target group and its needs (one per line).
pub fn target_group(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (n, set_n) = app.bind_listed::<TargetGroup>(&id, "name", |x| x.name.clone(), |x, v| x.name = v);
    let (needs, set_needs) = app.bind_listed::<TargetGroup>(&id, "needs", |x| x.needs.join("\n"), |x, v| x.needs = v.lines().map(str::to_string).collect());
    row(id, view! {
        <TextField label=move || t().col_title value=n on_change=set_n />
        <TextField label=move || t().needs_one_per_line value=needs on_change=set_needs multiline=true />
    })
}

/// A policy planning document.
pub fn policy_document(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.bind_listed::<PolicyDocument>(&id, "title", |x| x.title.clone(), |x, v| x.title = v);
    let (level, set_level) = app.bind_listed::<PolicyDocument>(&id, "level", |x| name(x.level), |x, v| x.level = parse(&v).unwrap_or(x.level));
    let (themes, set_themes) = app.bind_listed::<PolicyDocument>(&id, "themes", |x| x.themes.join(", "), |x, v| {
        x.themes = v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
    });
    let levels = Signal::derive(move || {
        let lang = app.lang.get();
        options(&[PolicyLevel::National, PolicyLevel::Sector, PolicyLevel::Institution], |l| policy_rating_label(lang, l))
    });
    row(id, view! {
        <TextField label=move || t().col_title value=title on_change=set_title />
        <SelectField label=move || t().policy_level value=level options=levels on_change=set_level />
        <TextField label=move || t().themes value=themes on_change=set_themes lazy=true />
    })
}

/// A SWOT item or environment factor.
pub fn swot_item(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (kind, set_kind) = app.bind_listed::<SwotItem>(&id, "kind", |x| name(x.kind), |x, v| x.kind = parse(&v).unwrap_or(x.kind));
    let (text, set_text) = app.bind_listed::<SwotItem>(&id, "text", |x| x.text.clone(), |x, v| x.text = v);
    let kinds = Signal::derive(move || {
        let lang = app.lang.get();
        use SwotKind::*;
        options(
            &[Strength, Weakness, Opportunity, Threat, InternalEnabling, InternalHindering, ExternalEnabling, ExternalHindering],
            |k| swot_label(lang, k),
        )
    });
    row(id, view! {
        <SelectField label=move || t().kind value=kind options=kinds on_change=set_kind />
        <TextField label=move || t().text value=text on_change=set_text multiline=true />
    })
}

/// A risk with likelihood, impact and mitigation.
pub fn risk(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (description, set_description) = app.bind_listed::<Risk>(&id, "description", |x| x.description.clone(), |x, v| x.description = v);
    let (likelihood, set_likelihood) = app.bind_listed::<Risk>(&id, "likelihood", |x| name(x.likelihood), |x, v| x.likelihood = parse(&v).unwrap_or(x.likelihood));
    let (impact, set_impact) = app.bind_listed::<Risk>(&id, "impact", |x| name(x.impact), |x, v| x.impact = parse(&v).unwrap_or(x.impact));
    let (mitigation, set_mitigation) = app.bind_listed::<Risk>(&id, "mitigation", |x| x.mitigation.clone(), |x, v| x.mitigation = v);
    let levels = Signal::derive(move || {
        let lang = app.lang.get();
        options(&[Level::Unrated, Level::Low, Level::Medium, Level::High], |l| rating_label(lang, l))
    });
    row(id, view! {
        <TextField label=move || t().description value=description on_change=set_description multiline=true />
        <TextField label=move || t().mitigation value=mitigation on_change=set_mitigation multiline=true />
        <SelectField label=move || t().likelihood value=likelihood options=levels on_change=set_likelihood />
        <SelectField label=move || t().impact value=impact options=levels on_change=set_impact />
    })
}

/// An organisational unit: code and name.
pub fn unit(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (code, set_code) = app.bind_listed::<Unit>(&id, "code", |x| x.code.clone(), |x, v| x.code = v);
    let (n, set_n) = app.bind_listed::<Unit>(&id, "name", |x| x.name.clone(), |x, v| x.name = v);
    row(id, view! {
        <TextField label=move || t().unit_code value=code on_change=set_code />
        <TextField label=move || t().col_title value=n on_change=set_n />
    })
}
