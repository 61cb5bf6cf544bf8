//! A titled list of items with an "add" button; each item renders itself.
//! Fields that belong to the list as a whole may stand under the title.

use leptos::prelude::*;

/// Lists the items `ids`, each drawn by `item`, and adds new ones with `on_add`.
#[component]
pub fn ListEditor(
    #[prop(into)] title: TextProp,
    #[prop(into)] add_label: TextProp,
    #[prop(into)] ids: Signal<Vec<String>>,
    on_add: Callback<()>,
    item: fn(String) -> AnyView,
    /// Fields of the list as a whole, shown under its title.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let heading_id = crate::web::random_id("list-");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || title.get()}</h2>
            {children.map(|c| c())}
            <For each=move || ids.get() key=|id| id.clone() children=move |id| item(id) />
            <button type="button" class="button" on:click=move |_| on_add.run(())>"+ "{move || add_label.get()}</button>
        </section>
    }
}
