//! The goal map: the strategy on one page, as SVG, with status colours and a
//! legend, highlight on hover or focus, zoom and pan, a filter by top-level
//! item, the levels shown, per-branch collapse, a presentation mode, and SVG,
//! PNG and print export.
//!
//! The map is drawn once, by the core ([`to_page_svg`], the same drawing as
//! the SVG file and print); this page only inserts it and listens on the
//! `<svg>` for what happens on its boxes and toggles (see [`Highlights`] and
//! [`to_page_svg`] for the attributes it reads).
//!
//! The highlight is one stylesheet rule (fast on 1,000+ boxes) built only from
//! a node's position among the strategy's nodes: boxes and connectors carry
//! `data-lit="n0 n5"`, the positions of the nodes whose highlight keeps them lit.
//!
//! Zoom and pan are a CSS transform of the HTML box holding the `<svg>`
//! (`.map-canvas`), not an SVG transform: changing it only repaints, where an
//! SVG transform lays every box's text out again. The map is fitted once per
//! drawing, in the frame that first paints it, so it is laid out once.
//!
//! A box that can be collapsed has a +/− toggle in its top right corner, a
//! button of its own beside the box (never inside it), reached by Tab and
//! pressed with Enter or Space; the focus stays on it when the map is redrawn.

use std::collections::HashSet;

use leptos::prelude::*;
use strategy_core::i18n::status_label;
use strategy_core::map::{layout, to_page_svg, to_svg, Highlights, MapOptions, FONT_FAMILY};
use strategy_core::numbering::{label, numbers};
use wasm_bindgen::JsCast;

use crate::route::{Route, Section};
use crate::state::use_app;
use crate::web;

/// Text size in presentation mode.
const PRESENTATION_SCALE: f64 = 1.6;

/// The closest element to the event's target matching `selector`, inside the map.
fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

/// The toggle of the node `id`, if it is on the page.
fn toggle_element(id: &str) -> Option<web_sys::SvgElement> {
    let list = document().get_elements_by_class_name("map-toggle");
    (0..list.length()).filter_map(|i| list.item(i)).find(|el| el.get_attribute("data-for").as_deref() == Some(id)).and_then(|el| el.dyn_into().ok())
}

/// Rules for the toggles: a visible focus, and none on paper.
const TOGGLE_STYLE: &str = ".map-toggle { cursor: pointer; } .map-toggle:focus { outline: none; } .map-toggle:focus rect { stroke: var(--focus); stroke-width: 3; } @media print { .map-toggle { display: none; } }";

/// The goal map section of the editor.
#[component]
pub fn MapSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let show_status = RwSignal::new(false);
    let year = RwSignal::new(web::current_year() - 1);
    let only_item = RwSignal::new(None::<String>);
    let presenting = RwSignal::new(false);
    // Levels shown (0: the map's default) and the collapsed nodes.
    let depth = RwSignal::new(0_usize);
    let collapsed = RwSignal::new(HashSet::<String>::new());
    let options = move || MapOptions {
        status_year: show_status.get().then(|| year.get()),
        current_year: web::current_year(),
        only_item: only_item.get(),
        scale: if presenting.get() { PRESENTATION_SCALE } else { 1.0 },
        lang: app.lang.get(),
        depth: depth.get(),
        collapsed: collapsed.get(),
    };
    let map = Memo::new(move |_| app.document.read(|s, _| Some(layout(s, options()))).unwrap_or_default());
    // The position of the hovered or focused node.
    let hovered = RwSignal::new(None::<usize>);
    // For each item, the nodes whose highlight keeps it lit: computed once per
    // strategy, so a hover only changes one stylesheet rule (fast on 1,000+ boxes).
    let highlights = Memo::new(move |_| app.document.read(|s, _| Some(Highlights::of(s))).unwrap_or_default());
    let drawing = move || highlights.with(|h| map.with(|m| to_page_svg(m, h)));
    // Built from a number only.
    let highlight_rule = move || {
        hovered.get().map_or(String::new(), |n: usize| {
            format!(".goal-map .map-box:not([data-kind=\"band\"]):not([data-lit~=\"n{n}\"]), .goal-map .connector:not([data-lit~=\"n{n}\"]) {{ opacity: .18; }}")
        })
    };
    // Collapsing or expanding redraws the map; the focus stays on the toggle.
    let flip = Callback::new(move |id: String| {
        collapsed.update(|c| {
            if !c.remove(&id) {
                c.insert(id.clone());
            }
        });
        if let Ok(frame) = request_animation_frame_with_handle(move || {
            if let Some(el) = toggle_element(&id) {
                let _ = el.focus();
            }
        }) {
            on_cleanup(move || frame.cancel());
        }
    });
    // The level names, top first, for the "levels shown" choice.
    let level_names = move || {
        let lang = app.lang.get();
        app.document.read(|s, _| Some(s.levels.iter().map(|l| lang.name(&l.name).to_string()).collect::<Vec<_>>())).unwrap_or_default()
    };
    let zoom = RwSignal::new(1.0_f64);
    let pan = RwSignal::new((0.0_f64, 0.0_f64));
    let dragging = RwSignal::new(None::<(f64, f64)>);
    let years = move || app.document.read(|s, _| Some(s.period.years().collect::<Vec<_>>())).unwrap_or_default();
    // The top-level items, as (id, label).
    let items = move || {
        app.document.read(|s, _| {
            let numbers = numbers(s);
            Some(s.items.iter().map(|n| (n.id.clone(), label(&numbers, n))).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    };
    let file_stem = move || {
        let title = app.document.read(|s, _| Some(s.title.clone())).unwrap_or_default();
        web::file_name(&[&title, "map"], "x").trim_end_matches(".x").to_string()
    };
    let export_svg = move |_| web::download(&format!("{}.svg", file_stem()), &to_svg(&map.get_untracked()), "image/svg+xml");
    let export_png = move |_| {
        let l = map.get_untracked();
        web::download_svg_as_png(&to_svg(&l), l.width, l.height, 2.0, &format!("{}.png", file_stem()));
    };
    let viewport = NodeRef::<leptos::html::Div>::new();
    // What goes full screen when presenting: the presentation bar and the map.
    let stage = NodeRef::<leptos::html::Div>::new();
    let present_button = NodeRef::<leptos::html::Button>::new();
    let zoom_by = move |f: f64| zoom.update(|z| *z = (*z * f).clamp(0.05, 5.0));
    // Fits the whole map into the viewport, centred.
    let fit = move || {
        let Some(el) = viewport.get_untracked() else { return };
        let (vw, vh) = (el.client_width() as f64, el.client_height() as f64);
        let (mw, mh) = map.with_untracked(|m| (m.width, m.height));
        if mw <= 0.0 || mh <= 0.0 || vw <= 0.0 {
            return;
        }
        let z = (vw / mw).min(vh / mh).min(1.0);
        zoom.set(z);
        pan.set(((vw - mw * z) / 2.0, 0.0));
    };
    // Open fitted to the screen, and fit again whenever what is shown changes
    // (the boxes are then new, so none is hovered or focused any more); a fit
    // still waiting for its frame is cancelled when the next one is asked for
    // or the section goes (it would read disposed signals).
    Effect::new(move |_| {
        map.track();
        hovered.set(None);
        if viewport.get().is_some() {
            if let Ok(frame) = request_animation_frame_with_handle(fit) {
                on_cleanup(move || frame.cancel());
            }
        }
    });
    let focus_map = move || {
        if let Some(el) = viewport.get_untracked() {
            let _ = el.focus();
        }
    };
    // Presentation: top-level item by item, in large type, full screen.
    let step = move |delta: isize| {
        let ids: Vec<String> = items().into_iter().map(|(id, _)| id).collect();
        if ids.is_empty() {
            return;
        }
        let current = only_item.get_untracked().and_then(|p| ids.iter().position(|x| *x == p));
        let next = match current {
            None if delta > 0 => Some(0),
            None => Some(ids.len() - 1),
            Some(i) => i.checked_add_signed(delta).filter(|n| *n < ids.len()),
        };
        only_item.set(next.map(|n| ids[n].clone()));
    };
    // The keys work at once: the map has the focus, inside the full-screen element.
    let start_presenting = move |_| {
        presenting.set(true);
        only_item.set(None);
        step(1);
        focus_map();
        if let Some(el) = stage.get_untracked() {
            let _ = el.request_fullscreen();
        }
    };
    let stop_presenting = move || {
        presenting.set(false);
        only_item.set(None);
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        if let Some(button) = present_button.get_untracked() {
            let _ = button.focus();
        }
    };
    // The browser left full screen by itself (Esc, F11, another window).
    let on_fullscreen_change = move |_| {
        if presenting.get_untracked() && document().fullscreen_element().is_none() {
            stop_presenting();
        }
    };
    // A step replaces the boxes, so a focused box would take the focus with it.
    let present_step = move |delta: isize| {
        step(delta);
        focus_map();
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let pan_step = 40.0;
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" | " " if presenting.get_untracked() => present_step(1),
            "ArrowLeft" | "PageUp" if presenting.get_untracked() => present_step(-1),
            "Escape" if presenting.get_untracked() => stop_presenting(),
            "+" | "=" => zoom_by(1.2),
            "-" => zoom_by(1.0 / 1.2),
            "0" => fit(),
            "ArrowLeft" => pan.update(|p| p.0 += pan_step),
            "ArrowRight" => pan.update(|p| p.0 -= pan_step),
            "ArrowUp" => pan.update(|p| p.1 += pan_step),
            "ArrowDown" => pan.update(|p| p.1 -= pan_step),
            _ => return,
        }
        ev.prevent_default();
    };
    // A CSS transform of the HTML box around the <svg>, never an SVG one: the
    // browser then repaints a zoom or pan without laying the map's text out
    // again (an SVG transform does, which on 1,000+ boxes costs a second full
    // layout right after the first). Never `none`, so a change never makes a
    // new layer (which would relayout too).
    let transform = move || {
        let (x, y) = pan.get();
        format!("translate({x:.1}px, {y:.1}px) scale({:.4})", zoom.get())
    };
    // Navigating unmounts the section, so it comes last.
    let open_item = Callback::new(move |id: String| {
        let strategy = app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
        if presenting.get_untracked() {
            stop_presenting();
        }
        app.navigate(Route::Strategy { id: strategy, section: Section::Structure, focus: Some(id) });
    });
    // What happens on the drawing's boxes and toggles, heard on the <svg>.
    // Only the pointer's own moves highlight (never a new box drawn under a
    // still pointer, as when a presentation steps on).
    let hover = move |ev: &web_sys::Event| {
        let position = closest(ev, ".map-box[data-pos]").and_then(|b| b.get_attribute("data-pos")?.parse().ok());
        if hovered.get_untracked() != position {
            hovered.set(position);
        }
    };
    let on_map_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(toggle) = closest(&ev, ".map-toggle") {
            ev.stop_propagation();
            flip.run(toggle.get_attribute("data-for").unwrap_or_default());
        } else if let Some(b) = closest(&ev, ".map-box[role=button]") {
            open_item.run(b.get_attribute("data-id").unwrap_or_default());
        }
    };
    let on_map_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if let Some(toggle) = closest(&ev, ".map-toggle") {
            if key == "Enter" || key == " " {
                ev.prevent_default();
                ev.stop_propagation();
                flip.run(toggle.get_attribute("data-for").unwrap_or_default());
            }
        } else if let Some(b) = closest(&ev, ".map-box[role=button]") {
            if key == "Enter" {
                ev.stop_propagation();
                open_item.run(b.get_attribute("data-id").unwrap_or_default());
            }
        }
    };
    // A press on a toggle is no drag of the map.
    let on_map_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if closest(&ev, ".map-toggle").is_some() {
            ev.stop_propagation();
        }
    };
    let legend = move || {
        let lang = app.lang.get();
        map.with(|m| {
            m.legend
                .iter()
                .map(|(status, colour)| {
                    view! {
                        <li>
                            <span class="swatch" style=format!("background: {colour}")></span>
                            {status_label(lang, *status)}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let presenting_title = move || {
        let id = only_item.get()?;
        items().into_iter().find(|(p, _)| *p == id).map(|(_, title)| title)
    };
    let top_level_name = move || level_names().into_iter().next().unwrap_or_default();
    view! {
        <h1>{move || t().map_title}</h1>
        <style>{TOGGLE_STYLE}</style>
        <style>{highlight_rule}</style>
        <div class="toolbar map-toolbar">
            <button type="button" class="button small" on:click=move |_| zoom_by(1.2) aria-label=move || t().zoom_in>"+"</button>
            <button type="button" class="button small" on:click=move |_| zoom_by(1.0 / 1.2) aria-label=move || t().zoom_out>"−"</button>
            <button type="button" class="button small" on:click=move |_| fit()>{move || t().map_fit}</button>
            <label class="field inline">
                <span class="field-label">{top_level_name}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    only_item.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || only_item.get().is_none()>{move || t().map_show_all}</option>
                    {move || {
                        items()
                            .into_iter()
                            .map(|(id, label)| {
                                let selected = id.clone();
                                view! { <option value=id selected=move || only_item.get().as_deref() == Some(selected.as_str())>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="field inline">
                <span class="field-label">{move || t().map_levels}</span>
                <select on:change=move |ev| depth.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || {
                        let names = level_names();
                        (1..=names.len())
                            .map(|d| {
                                let text = names[..d].join(" → ");
                                view! { <option value=d.to_string() selected=move || map.with(|m| m.depth) == d>{text}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=show_status on:change=move |ev| show_status.set(event_target_checked(&ev)) />
                {move || t().map_status_colours}
            </label>
            <Show when=move || show_status.get()>
                <label class="field inline">
                    <span class="field-label">{move || t().map_year}</span>
                    <select on:change=move |ev| year.set(event_target_value(&ev).parse().unwrap_or(year.get_untracked()))>
                        {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <button type="button" class="button small" on:click=export_svg>"SVG"</button>
            <button type="button" class="button small" on:click=export_png>"PNG"</button>
            <button type="button" class="button small" on:click=move |_| { let _ = window().print(); }>{move || t().map_print}</button>
            <button type="button" class="button small primary" node_ref=present_button on:click=start_presenting>{move || t().map_present}</button>
        </div>
        <ul class="map-legend" aria-label=move || t().map_legend>{legend}</ul>
        <Show when=move || !map.with(|m| m.boxes.is_empty()) fallback=move || view! { <p>{t().map_empty}</p> }>
            <div node_ref=stage class:presenting=move || presenting.get() on:keydown=on_key on:fullscreenchange=on_fullscreen_change>
                <Show when=move || presenting.get()>
                    <div class="presenting-bar" role="status">
                        <strong class="grow">{presenting_title}</strong>
                        <button type="button" class="button" on:click=move |_| step(-1) aria-label=move || t().map_previous>"←"</button>
                        <button type="button" class="button" on:click=move |_| step(1) aria-label=move || t().map_next>"→"</button>
                        <button type="button" class="button" on:click=move |_| stop_presenting()>{move || t().close}</button>
                    </div>
                </Show>
                <div
                    node_ref=viewport
                    class="map-viewport"
                    tabindex="0"
                    role="group"
                    aria-label=move || t().map_title
                    on:wheel=move |ev: leptos::ev::WheelEvent| {
                        ev.prevent_default();
                        zoom_by(if ev.delta_y() < 0.0 { 1.1 } else { 1.0 / 1.1 });
                    }
                    on:pointerdown=move |ev| dragging.set(Some((ev.client_x() as f64, ev.client_y() as f64)))
                    on:pointermove=move |ev| {
                        if let Some((x0, y0)) = dragging.get_untracked() {
                            let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
                            pan.update(|p| {
                                p.0 += x - x0;
                                p.1 += y - y0;
                            });
                            dragging.set(Some((x, y)));
                        }
                    }
                    on:pointerup=move |_| dragging.set(None)
                    on:pointerleave=move |_| dragging.set(None)
                >
                    <div class="map-canvas" style:transform=transform>
                    <svg
                        class="goal-map"
                        role="group"
                        aria-label=move || map.with(|m| m.title.clone())
                        viewBox=move || map.with(|m| format!("0 0 {:.0} {:.0}", m.width, m.height))
                        width=move || map.with(|m| format!("{:.0}", m.width))
                        height=move || map.with(|m| format!("{:.0}", m.height))
                        xmlns="http://www.w3.org/2000/svg"
                        font-family=FONT_FAMILY
                        on:mousemove=move |ev| hover(&ev)
                        on:mouseleave=move |_| hovered.set(None)
                        on:focusin=move |ev| hover(&ev)
                        on:focusout=move |_| hovered.set(None)
                        on:click=on_map_click
                        on:keydown=on_map_key
                        on:pointerdown=on_map_pointerdown
                    >
                        <g inner_html=drawing></g>
                    </svg>
                    </div>
                </div>
            </div>
        </Show>
    }
}
