//! A node of the outline, at any level: its level's name and number, title,
//! description, a top-level item's goal statement, its indicators and its
//! children (each again a [`NodeBlock`]), with buttons to add a child at the
//! next level (none at the deepest) and an indicator. Its branch collapses
//! in the outline's view, never in the document. Its details also tick the
//! SWOT items linked to it (the same links the Context section edits).
//! In a long outline each child is built only once near the view
//! ([`DeferredItem`]).

use leptos::prelude::*;
use strategy_core::i18n::{fill, swot_label, Lang};
use strategy_core::numbering::label;
use strategy_core::change::Change;
use strategy_core::{Node, Strategy};
use wasm_bindgen::JsCast;

use crate::components::checklist::Checklist;
use crate::components::deferred_item::DeferredItem;
use crate::components::indicator_row::IndicatorRow;
use crate::components::lock_icon::{toggle_lock, LockButton};
use crate::components::outline_item::OutlineItem;
use crate::components::reorder::{self, OutlineView};
use crate::components::text_field::TextField;
use crate::state::use_app;

/// The name of a node's level in `lang` (the overarching goal's for it, the
/// key itself for a level the strategy does not declare).
pub fn level_name(s: &Strategy, node: &Node, lang: Lang) -> String {
    match s.level_of(node) {
        Some(level) => lang.name(&level.name).to_string(),
        None if node.level.is_empty() => lang.texts().overarching_goal.to_string(),
        None => node.level.clone(),
    }
}

/// About how tall an outline item is, without its children, in pixels (a
/// node's, an indicator's): the placeholders' heights before they are built.
const NODE_PX: f64 = 150.0;
const INDICATOR_PX: f64 = 80.0;

/// A node's estimated height with everything under it, in pixels.
fn subtree_px(node: &Node) -> f64 {
    NODE_PX + node.indicators.len() as f64 * INDICATOR_PX + node.children.iter().map(subtree_px).sum::<f64>()
}

/// The node `id` of the outline, built once near the view.
pub fn deferred_node(id: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let number = app.document.numbers.with_untracked(|n| n.get(&id).cloned().unwrap_or_default());
    let (label, estimate) = app
        .document
        .doc
        .with_untracked(|d| d.as_ref().and_then(|s| s.node_by_id(&id).map(|n| (format!("{} {number}: {}", level_name(s, n, lang), n.title), subtree_px(n)))))
        .unwrap_or_default();
    let child = id.clone();
    view! { <DeferredItem id=id own=NODE_PX estimate=estimate label=label><NodeBlock id=child.clone() /></DeferredItem> }
}

/// The indicator `id` of the outline, built once near the view.
fn deferred_indicator(id: String) -> impl IntoView {
    let app = use_app();
    let label = app
        .document
        .doc
        .with_untracked(|d| d.as_ref().and_then(|s| app.document.index.with_untracked(|ix| s.indicator_at(ix.locate(&id)?).map(|i| i.name.clone()))))
        .unwrap_or_default();
    let child = id.clone();
    view! { <DeferredItem id=id own=INDICATOR_PX estimate=INDICATOR_PX label=label><IndicatorRow id=child.clone() /></DeferredItem> }
}

/// Edits the node with `id` and its subtree.
#[component]
pub fn NodeBlock(id: String) -> impl IntoView {
    let app = use_app();
    let view = expect_context::<OutlineView>();
    let t = move || app.t();
    let sid = StoredValue::new(id.clone());
    let (title, set_title) = app.document.bind_item::<Node>(&id, "title", |n| n.title.clone(), |n, v| n.title = v);
    let (description, set_description) = app.document.bind_item::<Node>(&id, "description", |n| n.description.clone(), |n, v| n.description = v);
    let (statement, set_statement) = app.document.bind_item::<Node>(&id, "goal_statement", |n| n.goal_statement.clone(), |n, v| n.goal_statement = v);
    let (fixed, set_fixed) =
        app.document.bind_item::<Node>(&id, "number", |n| n.number.clone().unwrap_or_default(), |n, v| n.number = Some(v.trim().to_string()).filter(|v| !v.is_empty()));
    let at = Memo::new(move |_| app.document.index.with(|ix| ix.node(&sid.get_value()).cloned()));
    let overarching = at.get_untracked().is_some_and(|a| a.overarching && a.steps.is_empty());
    let is_top = move || at.get().is_some_and(|a| !a.overarching && a.steps.len() == 1);
    let level_key = Signal::derive(move || app.document.read_item::<Node, _>(&sid.get_value(), |n| n.level.clone()).unwrap_or_default());
    let depth = Signal::derive(move || at.get().map_or(0, |a| a.depth()));
    let heading = Signal::derive(move || {
        let name = app.document.read(|s, ix| Some(level_name(s, s.node(ix.node(&sid.get_value())?)?, app.lang.get()))).unwrap_or_default();
        let number = app.document.numbers.with(|n| n.get(&sid.get_value()).cloned().unwrap_or_default());
        format!("{name} {number}").trim_end().to_string()
    });
    let child_ids = move || app.document.read_item::<Node, _>(&sid.get_value(), |n| n.children.iter().map(|c| c.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    let indicator_ids = move || app.document.read_item::<Node, _>(&sid.get_value(), |n| n.indicators.iter().map(|i| i.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    // The name of the level a new child gets; none at the deepest level.
    let child_level = Memo::new(move |_| {
        app.document.read(|s, _| {
            let l = s.child_level(&at.get()?)?;
            Some(app.lang.get().name(&s.levels[l].name).to_string())
        })
    });
    let indicator_name = move || app.document.read(|s, _| Some(app.lang.get().name(&s.indicator_name).to_string())).unwrap_or_default();
    let locked = Signal::derive(move || app.document.read_item::<Node, _>(&sid.get_value(), |n| n.locked).unwrap_or(false));
    let on_lock = Callback::new(move |()| toggle_lock(app, &sid.get_value()));
    let add_child = move |_| app.document.add_and_focus(|s| s.new_child(Some(&sid.get_value()), ""));
    let add_indicator = move |_| app.document.add_and_focus(|s| s.new_indicator(&sid.get_value(), ""));

    let collapsed = Signal::derive(move || view.collapsed.with(|c| c.contains(&sid.get_value())));
    let toggle = move |_| {
        view.collapsed.update(|c| {
            let id = sid.get_value();
            if !c.remove(&id) {
                c.insert(id);
            }
        })
    };
    let body_id = format!("node-body-{id}");
    let toggle_button = {
        let body_id = body_id.clone();
        move || {
            let name = move || if collapsed.get() { t().expand } else { t().collapse };
            view! {
                <button type="button" class="icon-button" on:click=toggle aria-expanded=move || (!collapsed.get()).to_string() aria-controls=body_id.clone() aria-label=name title=name>
                    {move || if collapsed.get() { "▸" } else { "▾" }}
                </button>
            }
        }
    };
    let (over_into, drop_into) = reorder::on_drop_into(app, id.clone());
    // The details are built only while open: their lists scan the whole tree.
    let open = RwSignal::new(!description.get_untracked().is_empty());
    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            open.set(el.has_attribute("open"));
        }
    };
    view! {
        <OutlineItem
            id=id.clone()
            kind=if overarching { "node overarching" } else { "node" }
            number=heading
            title_label=move || t().title
            title=title
            set_title=set_title
            level=level_key
            depth=depth
            on_title_keydown=reorder::on_title_keydown(app, view, id.clone())
            locked=locked
            aside=ChildrenFn::to_children(move || view! {
                {toggle_button()}
                <LockButton locked=locked on_toggle=on_lock />
            })
        >
            <div class="node-body" id=body_id hidden=move || collapsed.get() on:dragover=over_into on:drop=drop_into>
                <Show when=is_top>
                    <fieldset class="plain" disabled=move || locked.get()>
                        <TextField label=move || t().goal_statement value=statement on_change=set_statement multiline=true />
                    </fieldset>
                </Show>
                <details class="more" prop:open=open on:toggle=on_toggle>
                    <summary>{move || t().node_details}</summary>
                    <fieldset class="plain" disabled=move || locked.get()>
                    <Show when=move || open.get()>
                        <TextField label=move || t().description value=description on_change=set_description multiline=true />
                        <Show when=move || !overarching>
                            <TextField label=move || t().fixed_number value=fixed on_change=set_fixed lazy=true />
                        </Show>
                        <MoveTo id=sid.get_value() />
                        <Serves id=sid.get_value() />
                        <SwotLinks id=sid.get_value() />
                    </Show>
                    </fieldset>
                </details>
                <div class="outline-children">
                    <For each=indicator_ids key=|id| id.clone() children=deferred_indicator />
                    <For each=child_ids key=|id| id.clone() children=move |id| deferred_node(id).into_any() />
                </div>
                <div class="toolbar">
                    <Show when=move || child_level.get().is_some()>
                        <button type="button" class="button small" on:click=add_child>
                            "+ "{move || fill(t().add_named, &[("name", &child_level.get().unwrap_or_default())])}
                        </button>
                    </Show>
                    <button type="button" class="button small" on:click=add_indicator>
                        "+ "{move || fill(t().add_named, &[("name", &indicator_name())])}
                    </button>
                </div>
            </div>
        </OutlineItem>
    }
}

/// Moves the node `id` under another parent: any node whose children are at
/// its level (the current parent selected). Not shown for top-level items.
#[component]
fn MoveTo(id: String) -> impl IntoView {
    let app = use_app();
    let view = expect_context::<OutlineView>();
    let sid = StoredValue::new(id);
    let parents = move || {
        app.document.read(|s, ix| {
            let at = ix.node(&sid.get_value())?;
            let parent = at.parent().filter(|p| !p.is_root())?;
            let current = s.node(&parent)?.id.clone();
            let level = s.level_index(&s.node(at)?.level)?;
            let (numbers, lang) = (app.document.numbers.get(), app.lang.get());
            let options: Vec<(String, String)> = s
                .nodes()
                .into_iter()
                .filter(|r| r.node.id == current || (!r.at.is_within(at) && s.child_level(&r.at) == Some(level)))
                .map(|r| (r.node.id.clone(), format!("{} {}", level_name(s, r.node, lang), label(&numbers, r.node))))
                .collect();
            (options.len() > 1).then_some((current, options))
        })
    };
    let move_to = move |ev| {
        let target = event_target_value(&ev);
        let id = sid.get_value();
        let moved = app.document.change(Change::MoveInto { id: id.clone(), parent: target });
        view.moved(app, &id, moved);
    };
    move || {
        parents().map(|(current, options)| {
            view! {
                <label class="field">
                    <span class="field-label">{move || app.t().move_to_priority}</span>
                    <select on:change=move_to>
                        {options
                            .into_iter()
                            .map(|(pid, text)| {
                                let selected = pid == current;
                                view! { <option value=pid selected=selected>{text}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            }
        })
    }
}

/// The further nodes the node `id` serves besides its parent: any other node
/// at its parent's level (a result serving several goals).
#[component]
fn Serves(id: String) -> impl IntoView {
    let app = use_app();
    let sid = StoredValue::new(id);
    // (id, label, served) of each node it may also serve.
    let targets = Memo::new(move |_| {
        app.document.read(|s, ix| {
            let at = ix.node(&sid.get_value())?;
            let me = s.node(at)?;
            let parent = s.node(&at.parent().filter(|p| !p.is_root())?)?;
            let (numbers, lang) = (app.document.numbers.get(), app.lang.get());
            let targets: Vec<(String, String, bool)> = s
                .nodes()
                .into_iter()
                .filter(|r| r.node.id != parent.id && !r.at.is_within(at))
                .filter(|r| (!r.node.level.is_empty() && r.node.level == parent.level) || me.serves.contains(&r.node.id))
                .map(|r| (r.node.id.clone(), format!("{} {}", level_name(s, r.node, lang), label(&numbers, r.node)), me.serves.contains(&r.node.id)))
                .collect();
            Some(targets)
        })
        .unwrap_or_default()
    });
    let choices = Signal::derive(move || targets.with(|t| t.iter().map(|(id, text, _)| (id.clone(), text.clone())).collect::<Vec<_>>()));
    let checked = Signal::derive(move || targets.with(|t| t.iter().filter(|t| t.2).map(|t| t.0.clone()).collect::<Vec<_>>()));
    let on_toggle = Callback::new(move |(target, _): (String, bool)| {
        app.document.change(Change::ToggleServes { id: sid.get_value(), target });
    });
    view! {
        <Show when=move || targets.with(|t| !t.is_empty())>
            <Checklist legend=Signal::derive(move || app.t().also_serves_items) choices checked on_toggle />
        </Show>
    }
}

/// The SWOT items linked to the node `id`: a checkbox per SWOT item of the
/// strategy; ticking one edits that item's `linked_ids`. Not shown when the
/// strategy has no SWOT items.
#[component]
fn SwotLinks(id: String) -> impl IntoView {
    let app = use_app();
    let sid = StoredValue::new(id);
    let choices = Memo::new(move |_| {
        let lang = app.lang.get();
        app.document.read(|s, _| Some(s.swot.iter().map(|x| (x.id.clone(), format!("{}: {}", swot_label(lang, x.kind), x.text))).collect::<Vec<_>>())).unwrap_or_default()
    });
    let checked = Memo::new(move |_| {
        let node = sid.get_value();
        app.document.read(|s, _| Some(s.swot.iter().filter(|x| x.linked_ids.contains(&node)).map(|x| x.id.clone()).collect::<Vec<_>>())).unwrap_or_default()
    });
    let on_toggle = Callback::new(move |(swot, on): (String, bool)| {
        let node = sid.get_value();
        app.document.edit_item(&swot.clone(), None, |s| {
            s.link_swot(&swot, &node, on);
        });
    });
    view! {
        <Show when=move || choices.with(|c| !c.is_empty())>
            <div data-testid="node-swot">
                <Checklist legend=Signal::derive(move || app.t().swot_items_linked) choices checked on_toggle />
            </div>
        </Show>
    }
}
