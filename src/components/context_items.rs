//! Editors for one item of each context list: target group, policy document,
//! SWOT factor, risk and organisational unit. Each is a few bound fields
//! beside the shared move/remove actions. A SWOT factor may be linked to any
//! node of the tree: its picker lists every node with its number and level.

use leptos::prelude::*;
use strategy_core::i18n::{fill, policy_rating_label, rating_label, swot_label};
use strategy_core::{PolicyDocument, PolicyLevel, Rating, Risk, SwotItem, SwotKind, TargetGroup, Unit};

use crate::components::filter_select::node_choices;

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
    row(id.clone(), view! {
        <SelectField label=move || t().kind value=kind options=kinds on_change=set_kind />
        <TextField label=move || t().text value=text on_change=set_text multiline=true />
        {swot_links(id)}
    })
}

/// The nodes a SWOT item is linked to: a checkbox per node of the tree.
fn swot_links(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let sid = StoredValue::new(id);
    let linked = Memo::new(move |_| {
        app.read(|s, _| s.swot.iter().find(|x| x.id == sid.get_value()).map(|x| x.linked_ids.clone())).unwrap_or_default()
    });
    let nodes = Memo::new(move |_| {
        let numbers = app.numbers.get();
        app.read(|s, _| Some(node_choices(s, &numbers, app.lang.get()))).unwrap_or_default()
    });
    let toggle = move |node: String, on: bool| {
        app.edit(None, |s| {
            if let Some(item) = s.swot.iter_mut().find(|x| x.id == sid.get_value()) {
                item.linked_ids.retain(|x| *x != node);
                if on {
                    item.linked_ids.push(node);
                }
            }
        })
    };
    view! {
        <details class="links">
            <summary>{move || fill(t().swot_links_count, &[("n", &linked.with(Vec::len).to_string())])}</summary>
            <fieldset class="link-list" style="display: flex; flex-direction: column; max-height: 18rem; overflow: auto">
                <legend class="visually-hidden">{move || t().swot_links}</legend>
                <For
                    each=move || nodes.get()
                    key=|(id, label)| (id.clone(), label.clone())
                    children=move |(node, label)| {
                        let checked_id = node.clone();
                        let checked = move || linked.with(|l| l.contains(&checked_id));
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=checked on:change=move |ev| toggle(node.clone(), event_target_checked(&ev)) />
                                {label}
                            </label>
                        }
                    }
                />
            </fieldset>
        </details>
    }
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
        options(&[Rating::Unrated, Rating::Low, Rating::Medium, Rating::High], |l| rating_label(lang, l))
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
