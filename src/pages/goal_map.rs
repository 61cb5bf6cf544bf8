//! The goal map: the strategy on one page, as SVG, with status colours and a
//! legend, highlight on hover or focus, zoom and pan, a filter by priority, a
//! presentation mode, and SVG, PNG and print export.
//!
//! The highlight is one stylesheet rule (fast on 1,000+ boxes) built only from
//! a goal's position among the strategy's goals, never from its id or any
//! other content: boxes and connectors carry `data-goals="g0 g5"`, the
//! positions of the goals whose highlight keeps them lit.

use std::collections::HashMap;

use leptos::prelude::*;
use strategy_core::i18n::status_label;
use strategy_core::map::{box_colours, layout, related_to_goal, to_svg, BoxKind, Layout, MapBox, MapOptions, PRIORITY_COLOURS};

use crate::route::{Route, Section};
use crate::state::use_app;
use crate::web;

/// Text size in presentation mode.
const PRESENTATION_SCALE: f64 = 1.6;

/// Which goals' highlights keep each item lit, by the goals' positions in the
/// strategy (see the module docs).
#[derive(Debug, Clone, PartialEq, Default)]
struct LitBy {
    /// Each goal's position.
    position: HashMap<String, usize>,
    /// Each item's `data-goals` value, e.g. `g0 g5`.
    goals: HashMap<String, String>,
}

/// One box of the map as SVG. `goals` is its `data-goals` value and
/// `position` the goal's position when it is a goal's box (hovering or
/// focusing it sets `hovered`; the stylesheet rule in [`MapSection`] dims the
/// boxes that are not lit by it). The box's lines are `tspan`s of one `text`,
/// each but the last ending in a space, so its accessible name reads as it
/// looks (as in [`to_svg`]).
fn map_box(b: MapBox, l: &Layout, goals: String, position: Option<usize>, hovered: RwSignal<Option<usize>>, open: Callback<String>) -> impl IntoView {
    let (fill, text) = box_colours(&b);
    let stroke = PRIORITY_COLOURS[b.column % PRIORITY_COLOURS.len()];
    let interactive = b.kind != BoxKind::Band;
    let is_goal = b.kind == BoxKind::Goal;
    let (font, line, pad) = (l.font, l.line, l.pad);
    let bold_first = matches!(b.kind, BoxKind::Band | BoxKind::Priority);
    let last = b.lines.len().saturating_sub(1);
    let lines = b
        .lines
        .iter()
        .enumerate()
        .map(|(i, text_line)| {
            let weight = if (i == 0 && bold_first) || is_goal { "bold" } else { "normal" };
            let y = b.y + pad + line * (i as f64 + 1.0) - 4.0 * font / strategy_core::map::FONT;
            let text_line = if i < last { format!("{text_line} ") } else { text_line.clone() };
            view! { <tspan x=b.x + pad y=y font-weight=weight>{text_line}</tspan> }
        })
        .collect_view();
    let highlight = move || {
        if position.is_some() {
            hovered.set(position)
        }
    };
    let (on_click, on_enter) = (b.id.clone(), b.id.clone());
    view! {
        <g
            class="map-box"
            data-id=b.id.clone()
            data-goals=goals
            data-kind=format!("{:?}", b.kind).to_lowercase()
            tabindex=if interactive { "0" } else { "-1" }
            role=if interactive { "button" } else { "img" }
            // A button is named by its text; a band box is an image and needs a label.
            aria-label=(!interactive).then(|| b.lines.join(" "))
            on:mouseenter=move |_| highlight()
            on:focus=move |_| highlight()
            on:mouseleave=move |_| hovered.set(None)
            on:blur=move |_| hovered.set(None)
            on:click=move |_| {
                if interactive {
                    open.run(on_click.clone())
                }
            }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if interactive && ev.key() == "Enter" {
                    ev.stop_propagation();
                    open.run(on_enter.clone())
                }
            }
        >
            <rect x=b.x y=b.y width=b.w height=b.h rx="4" fill=fill stroke=stroke stroke-width=if b.key { "2.5" } else { "1" }></rect>
            <text fill=text font-size=font>{lines}</text>
        </g>
    }
}

/// The goal map section of the editor.
#[component]
pub fn MapSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let show_status = RwSignal::new(false);
    let year = RwSignal::new(web::current_year() - 1);
    let only_priority = RwSignal::new(None::<String>);
    let presenting = RwSignal::new(false);
    let options = move || MapOptions {
        status_year: show_status.get().then(|| year.get()),
        current_year: web::current_year(),
        only_priority: only_priority.get(),
        scale: if presenting.get() { PRESENTATION_SCALE } else { 1.0 },
        lang: app.lang.get(),
    };
    let map = Memo::new(move |_| app.read(|s, _| Some(layout(s, options()))).unwrap_or_default());
    // The position of the hovered or focused goal.
    let hovered = RwSignal::new(None::<usize>);
    // For each item, the goals whose highlight keeps it lit: computed once per
    // map, so a hover only changes one stylesheet rule (fast on 1,000+ boxes).
    let lit_by = Memo::new(move |_| {
        map.track();
        app.read(|s, _| {
            let mut lit = LitBy::default();
            for (n, g) in s.goal_refs().into_iter().enumerate() {
                lit.position.entry(g.goal.id.clone()).or_insert(n);
                for id in related_to_goal(s, &g.goal.id) {
                    let goals = lit.goals.entry(id).or_default();
                    if !goals.is_empty() {
                        goals.push(' ');
                    }
                    goals.push_str(&format!("g{n}"));
                }
            }
            Some(lit)
        })
        .unwrap_or_default()
    });
    // Built from a number only.
    let highlight_rule = move || {
        hovered.get().map_or(String::new(), |n: usize| {
            format!(".goal-map .map-box:not([data-kind=\"band\"]):not([data-goals~=\"g{n}\"]), .goal-map .connector:not([data-goals~=\"g{n}\"]) {{ opacity: .18; }}")
        })
    };
    let zoom = RwSignal::new(1.0_f64);
    let pan = RwSignal::new((0.0_f64, 0.0_f64));
    let dragging = RwSignal::new(None::<(f64, f64)>);
    let years = move || app.read(|s, _| Some(s.period.years().collect::<Vec<_>>())).unwrap_or_default();
    let priorities = move || app.read(|s, _| Some(s.priorities.iter().enumerate().map(|(i, p)| (p.id.clone(), format!("{} {}", i + 1, p.title))).collect::<Vec<_>>())).unwrap_or_default();
    let file_stem = move || {
        let title = app.read(|s, _| Some(s.title.clone())).unwrap_or_default();
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
    // Presentation: priority by priority, in large type, full screen.
    let step = move |delta: isize| {
        let ids: Vec<String> = priorities().into_iter().map(|(id, _)| id).collect();
        if ids.is_empty() {
            return;
        }
        let current = only_priority.get_untracked().and_then(|p| ids.iter().position(|x| *x == p));
        let next = match current {
            None if delta > 0 => Some(0),
            None => Some(ids.len() - 1),
            Some(i) => i.checked_add_signed(delta).filter(|n| *n < ids.len()),
        };
        only_priority.set(next.map(|n| ids[n].clone()));
    };
    // The keys work at once: the map has the focus, inside the full-screen element.
    let start_presenting = move |_| {
        presenting.set(true);
        only_priority.set(None);
        step(1);
        focus_map();
        if let Some(el) = stage.get_untracked() {
            let _ = el.request_fullscreen();
        }
    };
    let stop_presenting = move || {
        presenting.set(false);
        only_priority.set(None);
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
    let transform = move || {
        let (x, y) = pan.get();
        format!("translate({x:.1} {y:.1}) scale({:.4})", zoom.get())
    };
    // Navigating unmounts the section, so it comes last.
    let open_item = Callback::new(move |id: String| {
        let strategy = app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
        if presenting.get_untracked() {
            stop_presenting();
        }
        app.navigate(Route::Strategy { id: strategy, section: Section::Structure, focus: Some(id) });
    });
    let goals_of = move |id: &str| lit_by.with(|lit| lit.goals.get(id).cloned().unwrap_or_default());
    let boxes = move || {
        let l = map.get();
        lit_by.with(|lit| {
            l.boxes
                .iter()
                .map(|b| {
                    let goals = lit.goals.get(&b.id).cloned().unwrap_or_default();
                    let position = if b.kind == BoxKind::Goal { lit.position.get(&b.id).copied() } else { None };
                    map_box(b.clone(), &l, goals, position, hovered, open_item)
                })
                .collect_view()
        })
    };
    let connectors = move || {
        map.get()
            .connectors
            .into_iter()
            .map(|c| view! { <path class="connector" d=c.path data-from=c.from data-goals=goals_of(&c.to)></path> })
            .collect_view()
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
        let id = only_priority.get()?;
        priorities().into_iter().find(|(p, _)| *p == id).map(|(_, title)| title)
    };
    view! {
        <h1>{move || t().map_title}</h1>
        <style>{highlight_rule}</style>
        <div class="toolbar map-toolbar">
            <button type="button" class="button small" on:click=move |_| zoom_by(1.2) aria-label=move || t().zoom_in>"+"</button>
            <button type="button" class="button small" on:click=move |_| zoom_by(1.0 / 1.2) aria-label=move || t().zoom_out>"−"</button>
            <button type="button" class="button small" on:click=move |_| fit()>{move || t().map_fit}</button>
            <label class="field inline">
                <span class="field-label">{move || t().map_filter}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    only_priority.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || only_priority.get().is_none()>{move || t().map_all_priorities}</option>
                    {move || {
                        priorities()
                            .into_iter()
                            .map(|(id, label)| {
                                let selected = id.clone();
                                view! { <option value=id selected=move || only_priority.get().as_deref() == Some(selected.as_str())>{label}</option> }
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
                    <svg
                        class="goal-map"
                        role="group"
                        aria-label=move || map.with(|m| m.title.clone())
                        viewBox=move || map.with(|m| format!("0 0 {:.0} {:.0}", m.width, m.height))
                        width=move || map.with(|m| format!("{:.0}", m.width))
                        height=move || map.with(|m| format!("{:.0}", m.height))
                        xmlns="http://www.w3.org/2000/svg"
                    >
                        <g transform=transform>
                            <text x="24" y="32" font-size="18" font-weight="bold" fill="#202124">{move || map.with(|m| m.title.clone())}</text>
                            {connectors}
                            {boxes}
                        </g>
                    </svg>
                </div>
            </div>
        </Show>
    }
}
