//! Editors for one item of each context list: target group, policy document,
//! SWOT factor, risk, organisational unit, abbreviation and reference. Each is
//! a few bound fields beside the shared move/remove actions. A SWOT factor may
//! be linked to any node of the tree: its picker lists every node with its
//! number and level. A link is shown as one only when it is a web address.
//! A target group or SWOT item can be locked (see `strategy_core::lock`):
//! its fields and actions are then disabled, beside a lock mark, and the
//! core refuses its edits whatever the form does.

use leptos::prelude::*;
use strategy_core::edit::Listed;
use strategy_core::i18n::{fill, policy_rating_label, rating_label, risk_kind_label, swot_label};
use strategy_core::validate::web_url;
use strategy_core::{Abbreviation, PolicyDocument, PolicyLevel, Rating, Reference, Risk, RiskKind, SwotItem, SwotKind, TargetGroup, Unit};

use crate::components::lock_icon::{toggle_lock, LockToggle};
use crate::components::checklist::Checklist;
use crate::components::filter_select::node_choices;

use crate::components::item_actions::ItemActions;
use crate::components::item_problems::ItemProblems;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::serde_enum::{name, options, parse};
use crate::state::use_app;

fn row(id: String, fields: impl IntoView + 'static) -> AnyView {
    let item_id = id.clone();
    let path = use_app().document.item_path_signal(&id);
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

/// Whether the listed item `id` is locked, by `locked` (tracked: its own fields).
pub fn listed_locked<T: Listed + 'static>(id: &str, locked: fn(&T) -> bool) -> Signal<bool> {
    let (flag, _) = use_app().document.bind_listed::<T>(id, "locked", move |x| locked(x).to_string(), |_, _| {});
    Signal::derive(move || flag.get() == "true")
}

/// The lock mark and the lock / unlock button of the item `id`, named by
/// `name` for the button's label.
#[component]
pub fn LockControl(id: String, locked: Signal<bool>, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let app = use_app();
    let sid = StoredValue::new(id);
    let toggle = Callback::new(move |()| toggle_lock(app, &sid.get_value()));
    view! {
        <LockToggle locked=locked on_toggle=toggle name=name />
    }
}

/// A lockable item's row: its fields and actions disabled while it is locked.
fn locked_row(id: String, locked: Signal<bool>, name: Signal<String>, fields: impl IntoView + 'static) -> AnyView {
    let item_id = id.clone();
    let path = use_app().document.item_path_signal(&id);
    view! {
        <div class="list-item" class:locked=move || locked.get() data-item-id=item_id>
            <div class="grow">
                <LockControl id=id.clone() locked=locked name=name />
                <fieldset class="plain" disabled=move || locked.get()>
                    <div class="grid-2">{fields}</div>
                </fieldset>
                <ItemProblems path=path />
            </div>
            <fieldset class="plain" disabled=move || locked.get()>
                <ItemActions id=id />
            </fieldset>
        </div>
    }
    .into_any()
}

/// The lines of a text area as list entries, one per line as typed.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// A target group, its needs and its interests (one per line).
pub fn target_group(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (n, set_n) = app.document.bind_listed::<TargetGroup>(&id, "name", |x| x.name.clone(), |x, v| x.name = v);
    let (needs, set_needs) = app.document.bind_listed::<TargetGroup>(&id, "needs", |x| x.needs.join("\n"), |x, v| x.needs = lines(&v));
    let (interests, set_interests) = app.document.bind_listed::<TargetGroup>(&id, "interests", |x| x.interests.join("\n"), |x, v| x.interests = lines(&v));
    let locked = listed_locked::<TargetGroup>(&id, |x| x.locked);
    locked_row(id, locked, n, view! {
        <TextField label=move || t().col_title value=n on_change=set_n />
        <TextField label=move || t().needs_one_per_line value=needs on_change=set_needs multiline=true />
        <TextField label=move || t().interests_one_per_line value=interests on_change=set_interests multiline=true />
    })
}

/// The link field of a policy document or reference, and the link itself
/// when the text is a web address ([`web_url`]; nothing else becomes an `href`).
fn link_field(url: Signal<String>, set_url: Callback<String>) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let href = move || url.with(|u| web_url(u).map(str::to_string));
    view! {
        <div>
            <TextField label=move || t().link_url value=url on_change=set_url input_type="url" />
            {move || {
                href().map(|href| {
                    view! {
                        <a class="external-link" href=href.clone() target="_blank" rel="noopener noreferrer">
                            {href.clone()}
                            <span class="visually-hidden">" "{t().opens_in_new_tab}</span>
                        </a>
                    }
                })
            }}
        </div>
    }
}

/// A policy planning document.
pub fn policy_document(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.document.bind_listed::<PolicyDocument>(&id, "title", |x| x.title.clone(), |x, v| x.title = v);
    let (level, set_level) = app.document.bind_listed::<PolicyDocument>(&id, "level", |x| name(x.level), |x, v| x.level = parse(&v).unwrap_or(x.level));
    let (themes, set_themes) = app.document.bind_listed::<PolicyDocument>(&id, "themes", |x| x.themes.join(", "), |x, v| {
        x.themes = v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
    });
    let (url, set_url) = app.document.bind_listed::<PolicyDocument>(&id, "url", |x| x.url.clone(), |x, v| x.url = v);
    let levels = Signal::derive(move || {
        let lang = app.lang.get();
        use PolicyLevel::*;
        options(&[International, National, Sector, Institution], |l| policy_rating_label(lang, l))
    });
    row(id, view! {
        <TextField label=move || t().col_title value=title on_change=set_title />
        <SelectField label=move || t().policy_level value=level options=levels on_change=set_level />
        <TextField label=move || t().themes value=themes on_change=set_themes lazy=true />
        {link_field(url, set_url)}
    })
}

/// A SWOT item or environment factor.
pub fn swot_item(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (kind, set_kind) = app.document.bind_listed::<SwotItem>(&id, "kind", |x| name(x.kind), |x, v| x.kind = parse(&v).unwrap_or(x.kind));
    let (text, set_text) = app.document.bind_listed::<SwotItem>(&id, "text", |x| x.text.clone(), |x, v| x.text = v);
    let (sub_items, set_sub_items) = app.document.bind_listed::<SwotItem>(&id, "sub_items", |x| x.sub_items.join("\n"), |x, v| x.sub_items = lines(&v));
    let kinds = Signal::derive(move || {
        let lang = app.lang.get();
        use SwotKind::*;
        options(
            &[Strength, Weakness, Opportunity, Threat, InternalEnabling, InternalHindering, ExternalEnabling, ExternalHindering],
            |k| swot_label(lang, k),
        )
    });
    let locked = listed_locked::<SwotItem>(&id, |x| x.locked);
    locked_row(id.clone(), locked, text, view! {
        <SelectField label=move || t().kind value=kind options=kinds on_change=set_kind />
        <TextField label=move || t().text value=text on_change=set_text multiline=true />
        <TextField label=move || t().swot_sub_items value=sub_items on_change=set_sub_items multiline=true />
        {swot_links(id)}
    })
}

/// The nodes a SWOT item is linked to: a checkbox per node of the tree.
fn swot_links(id: String) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let sid = StoredValue::new(id);
    let linked = Memo::new(move |_| {
        app.document.read(|s, _| s.swot.iter().find(|x| x.id == sid.get_value()).map(|x| x.linked_ids.clone())).unwrap_or_default()
    });
    let nodes = Memo::new(move |_| {
        let numbers = app.document.numbers.get();
        app.document.read(|s, _| Some(node_choices(s, &numbers, app.lang.get()))).unwrap_or_default()
    });
    let on_toggle = Callback::new(move |(node, on): (String, bool)| {
        let id = sid.get_value();
        app.document.edit_item(&id.clone(), None, |s| {
            s.link_swot(&id, &node, on);
        })
    });
    view! {
        <details class="links">
            <summary>{move || fill(t().swot_links_count, &[("n", &linked.with(Vec::len).to_string())])}</summary>
            <Checklist legend=Signal::derive(move || t().swot_links) hide_legend=true class="link-list" choices=nodes checked=linked on_toggle />
        </details>
    }
}

/// A risk: where it comes from, who watches it, likelihood, impact and mitigation.
pub fn risk(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (description, set_description) = app.document.bind_listed::<Risk>(&id, "description", |x| x.description.clone(), |x, v| x.description = v);
    let (kind, set_kind) = app.document.bind_listed::<Risk>(&id, "kind", |x| name(x.kind), |x, v| x.kind = parse(&v).unwrap_or(x.kind));
    let (owner, set_owner) = app.document.bind_listed::<Risk>(&id, "owner", |x| x.owner.clone(), |x, v| x.owner = v);
    let (likelihood, set_likelihood) = app.document.bind_listed::<Risk>(&id, "likelihood", |x| name(x.likelihood), |x, v| x.likelihood = parse(&v).unwrap_or(x.likelihood));
    let (impact, set_impact) = app.document.bind_listed::<Risk>(&id, "impact", |x| name(x.impact), |x, v| x.impact = parse(&v).unwrap_or(x.impact));
    let (mitigation, set_mitigation) = app.document.bind_listed::<Risk>(&id, "mitigation", |x| x.mitigation.clone(), |x, v| x.mitigation = v);
    let levels = Signal::derive(move || {
        let lang = app.lang.get();
        options(&[Rating::Unrated, Rating::Low, Rating::Medium, Rating::High], |l| rating_label(lang, l))
    });
    let kinds = Signal::derive(move || {
        let lang = app.lang.get();
        options(&[RiskKind::Unspecified, RiskKind::Internal, RiskKind::External], |k| risk_kind_label(lang, k))
    });
    row(id, view! {
        <TextField label=move || t().description value=description on_change=set_description multiline=true />
        <TextField label=move || t().mitigation value=mitigation on_change=set_mitigation multiline=true />
        <SelectField label=move || t().risk_kind value=kind options=kinds on_change=set_kind />
        <TextField label=move || t().risk_owner value=owner on_change=set_owner />
        <SelectField label=move || t().likelihood value=likelihood options=levels on_change=set_likelihood />
        <SelectField label=move || t().impact value=impact options=levels on_change=set_impact />
    })
}

/// An organisational unit: code and name.
pub fn unit(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (code, set_code) = app.document.bind_listed::<Unit>(&id, "code", |x| x.code.clone(), |x, v| x.code = v);
    let (n, set_n) = app.document.bind_listed::<Unit>(&id, "name", |x| x.name.clone(), |x, v| x.name = v);
    row(id, view! {
        <TextField label=move || t().unit_code value=code on_change=set_code />
        <TextField label=move || t().col_title value=n on_change=set_n />
    })
}

/// An abbreviation of the glossary: as written, and in full.
pub fn abbreviation(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (short, set_short) = app.document.bind_listed::<Abbreviation>(&id, "short", |x| x.short.clone(), |x, v| x.short = v);
    let (long, set_long) = app.document.bind_listed::<Abbreviation>(&id, "long", |x| x.long.clone(), |x, v| x.long = v);
    row(id, view! {
        <TextField label=move || t().abbreviation_short value=short on_change=set_short />
        <TextField label=move || t().abbreviation_long value=long on_change=set_long />
    })
}

/// A document or source the strategy cites: its title and link.
pub fn reference(id: String) -> AnyView {
    let app = use_app();
    let t = move || app.t();
    let (title, set_title) = app.document.bind_listed::<Reference>(&id, "title", |x| x.title.clone(), |x, v| x.title = v);
    let (url, set_url) = app.document.bind_listed::<Reference>(&id, "url", |x| x.url.clone(), |x, v| x.url = v);
    row(id, view! {
        <TextField label=move || t().col_title value=title on_change=set_title />
        {link_field(url, set_url)}
    })
}
