//! An item of a long structure outline, built only once it comes near the
//! view. Rule: until then it is a placeholder as tall as its estimated
//! subtree (so the scrollbar stays roughly true to the whole outline) that
//! an `IntersectionObserver` watches; once built an item stays built. The
//! placeholder is focusable, so the keyboard moves into items not built yet:
//! focusing it builds the item and focuses its first field. Items revealed
//! by the outline's view (found, moved, opened from another page) are built
//! at once, and so is the top of the outline, as far as the first screen
//! reaches ([`OutlineView::build_at_once`]). A short outline builds
//! everything at once (see [`OutlineView::deferred`]).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::reorder::OutlineView;

/// How far beyond the view a placeholder starts building its item.
const NEAR: &str = "600px 0px";

/// The item `id` (`own` pixels tall without its children), built by
/// `children` at once near the top, else once near the view; meanwhile a
/// placeholder `estimate` pixels tall named `label`.
#[component]
pub fn DeferredItem(id: String, own: f64, estimate: f64, #[prop(into)] label: String, children: ChildrenFn) -> impl IntoView {
    let view = expect_context::<OutlineView>();
    if !view.deferred {
        return children().into_any();
    }
    let sid = StoredValue::new(id);
    let near = RwSignal::new(view.build_at_once(own));
    let built = Memo::new(move |was: Option<&bool>| was == Some(&true) || near.get() || view.revealed.with(|r| r.contains(&sid.get_value())));
    let placeholder = NodeRef::<leptos::html::Div>::new();
    let watcher = StoredValue::new_local(None::<(web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    let stop = move || {
        if let Some((observer, _)) = watcher.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    };
    Effect::new(move |_| {
        if built.get() {
            stop();
            return;
        }
        let Some(el) = placeholder.get() else { return };
        if watcher.with_value(Option::is_some) {
            return;
        }
        let seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if entries.iter().any(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().is_ok_and(|e| e.is_intersecting())) {
                near.try_set(true);
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(NEAR);
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) {
            observer.observe(&el);
            watcher.set_value(Some((observer, seen)));
        }
    });
    on_cleanup(stop);
    let on_focus = move |_| {
        let id = sid.get_value();
        view.revealed.update(|r| {
            r.insert(id.clone());
        });
        crate::web::focus_item(id);
    };
    view! {
        <Show
            when=move || built.get()
            fallback=move || {
                view! { <div class="outline-pending" role="button" tabindex="0" aria-label=label.clone() style:height=format!("{estimate:.0}px") node_ref=placeholder on:focus=on_focus></div> }
            }
        >
            {children()}
        </Show>
    }
    .into_any()
}
