//! The frame of an item in the structure outline: drag handle, number, title,
//! move/remove actions and the item's problems, with its own content below.

use leptos::prelude::*;

use crate::components::lock_icon::LockMark;
use crate::components::drag_handle::DragHandle;
use crate::components::item_actions::ItemActions;
use crate::components::item_problems::ItemProblems;
use crate::components::reorder;
use crate::components::text_field::TextField;
use crate::state::use_app;

/// An outline item of `kind` ("node", "indicator").
#[component]
pub fn OutlineItem(
    id: String,
    kind: &'static str,
    /// The level and number shown before the title ("Mērķis 4").
    #[prop(into)]
    number: Signal<String>,
    #[prop(into)] title_label: TextProp,
    title: Signal<String>,
    set_title: Callback<String>,
    /// The key of a node's level (`data-level`, for tests and styles).
    #[prop(optional, into)]
    level: Signal<String>,
    /// How many nodes lie above a node (`data-depth`).
    #[prop(optional, into)]
    depth: Option<Signal<usize>>,
    /// Keys pressed in the title field (a node's Enter, Tab, Shift+Tab).
    #[prop(optional)]
    on_title_keydown: Option<Callback<leptos::ev::KeyboardEvent>>,
    /// A locked item: its title cannot be edited and it shows a lock mark.
    #[prop(optional, into)]
    locked: Signal<bool>,
    /// Controls beside the title, such as the key mark.
    #[prop(optional)]
    aside: Option<ChildrenFn>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let (over, drop) = reorder::on_drop(app, id.clone());
    let path = app.document.item_path_signal(&id);
    let keydown = reorder::on_keydown(app, id.clone());
    let (handle_id, actions_id) = (id.clone(), id.clone());
    let title_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(f) = on_title_keydown {
            f.run(ev)
        }
    };
    view! {
        <section
            class=format!("outline-item {kind}")
            data-item-id=id
            data-level=move || Some(level.get()).filter(|l| !l.is_empty())
            data-depth=move || depth.map(|d| d.get())
            on:keydown=keydown
            on:dragover=over
            on:drop=drop
        >
            <div class="outline-head">
                <DragHandle id=handle_id />
                <span class="item-number">{number}</span>
                <Show when=move || locked.get()>
                    <LockMark />
                </Show>
                <fieldset class="grow plain" disabled=move || locked.get() on:keydown=title_keydown>
                    <TextField label=title_label value=title on_change=set_title />
                </fieldset>
                {aside.map(|a| a())}
                <ItemActions id=actions_id />
            </div>
            <ItemProblems path=path />
            {children()}
        </section>
    }
}
