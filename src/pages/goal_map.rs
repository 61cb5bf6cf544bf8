//! The goal map: the strategy on one page, as SVG, with status colours,
//! highlight on hover or focus, zoom and pan, and SVG export.

use leptos::prelude::*;
use strategy_core::map::{box_colours, layout, related_to_goal, to_svg, BoxKind, MapOptions, FONT, LINE, PRIORITY_COLOURS};

use crate::route::{Route, Section};
use crate::state::use_app;
use crate::web;

/// The goal map section of the editor.
#[component]
pub fn MapSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let show_status = RwSignal::new(false);
    let year = RwSignal::new(web::current_year() - 1);
    let options = move || MapOptions { status_year: show_status.get().then(|| year.get()), current_year: web::current_year() };
    let map = Memo::new(move |_| app.read(|s, _| Some(layout(s, options()))).unwrap_or_default());
    let hovered = RwSignal::new(None::<String>);
    let related = Memo::new(move |_| hovered.get().and_then(|g| app.read(|s, _| Some(related_to_goal(s, &g)))));
    let zoom = RwSignal::new(1.0_f64);
    let pan = RwSignal::new((0.0_f64, 0.0_f64));
    let dragging = RwSignal::new(None::<(f64, f64)>);
    let years = move || app.read(|s, _| Some(s.period.years().collect::<Vec<_>>())).unwrap_or_default();
    let export_svg = move |_| {
        let svg = to_svg(&map.get_untracked());
        let title = app.read(|s, _| Some(s.title.clone())).unwrap_or_default();
        web::download(&web::file_name(&[&title, "map"], "svg"), &svg, "image/svg+xml");
    };
    let zoom_by = move |f: f64| zoom.update(|z| *z = (*z * f).clamp(0.2, 5.0));
    let fit = move |_| {
        zoom.set(1.0);
        pan.set((0.0, 0.0));
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        zoom_by(if ev.delta_y() < 0.0 { 1.1 } else { 1.0 / 1.1 });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = 40.0;
        match ev.key().as_str() {
            "+" | "=" => zoom_by(1.2),
            "-" => zoom_by(1.0 / 1.2),
            "0" => fit(()),
            "ArrowLeft" => pan.update(|p| p.0 += step),
            "ArrowRight" => pan.update(|p| p.0 -= step),
            "ArrowUp" => pan.update(|p| p.1 += step),
            "ArrowDown" => pan.update(|p| p.1 -= step),
            _ => return,
        }
        ev.prevent_default();
    };
    let transform = move || {
        let (x, y) = pan.get();
        format!("translate({x:.1} {y:.1}) scale({:.3})", zoom.get())
    };
    let open_item = move |id: String| {
        let strategy = app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
        app.navigate(Route::Strategy { id: strategy, section: Section::Structure, focus: Some(id) });
    };
    let boxes = move || {
        let l = map.get();
        let dim = move |id: &str| related.with(|r| r.as_ref().is_some_and(|r| !r.contains(id)));
        l.boxes
            .into_iter()
            .map(|b| {
                let (fill, text) = box_colours(&b);
                let stroke = PRIORITY_COLOURS[b.column % PRIORITY_COLOURS.len()];
                let id = b.id.clone();
                let interactive = b.kind != BoxKind::Band;
                let is_goal = b.kind == BoxKind::Goal;
                let (hover_id, click_id, key_id, dim_id) = (id.clone(), id.clone(), id.clone(), id.clone());
                let bold_first = matches!(b.kind, BoxKind::Band | BoxKind::Priority);
                let lines = b
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| {
                        let weight = if (i == 0 && bold_first) || is_goal { "bold" } else { "normal" };
                        view! {
                            <text x=b.x + 8.0 y=b.y + 8.0 + LINE * (i as f64 + 1.0) - 4.0 fill=text font-weight=weight font-size=FONT>
                                {line.clone()}
                            </text>
                        }
                    })
                    .collect_view();
                let label = b.lines.join(" ");
                view! {
                    <g
                        class="map-box"
                        class:dimmed=move || dim(&dim_id)
                        class:goal=is_goal
                        data-id=id.clone()
                        data-kind=format!("{:?}", b.kind).to_lowercase()
                        tabindex=if interactive { "0" } else { "-1" }
                        role=if interactive { "button" } else { "img" }
                        aria-label=label
                        on:mouseenter=move |_| {
                            if is_goal {
                                hovered.set(Some(hover_id.clone()))
                            }
                        }
                        on:focus=move |_| {
                            if is_goal {
                                hovered.set(Some(key_id.clone()))
                            }
                        }
                        on:mouseleave=move |_| hovered.set(None)
                        on:blur=move |_| hovered.set(None)
                        on:click=move |_| {
                            if interactive {
                                open_item(click_id.clone())
                            }
                        }
                        on:keydown={
                            let id = id.clone();
                            move |ev: leptos::ev::KeyboardEvent| {
                                if interactive && ev.key() == "Enter" {
                                    ev.stop_propagation();
                                    open_item(id.clone())
                                }
                            }
                        }
                    >
                        <rect x=b.x y=b.y width=b.w height=b.h rx="4" fill=fill stroke=stroke stroke-width=if b.key { "2.5" } else { "1" }></rect>
                        {lines}
                    </g>
                }
            })
            .collect_view()
    };
    let connectors = move || {
        map.get()
            .connectors
            .into_iter()
            .map(|c| {
                let to = c.to.clone();
                view! { <path class="connector" class:dimmed=move || related.with(|r| r.as_ref().is_some_and(|r| !r.contains(&to))) d=c.path data-from=c.from></path> }
            })
            .collect_view()
    };
    view! {
        <h1>{move || t().map_title}</h1>
        <div class="toolbar map-toolbar">
            <button type="button" class="button small" on:click=move |_| zoom_by(1.2) aria-label="Zoom in">"+"</button>
            <button type="button" class="button small" on:click=move |_| zoom_by(1.0 / 1.2) aria-label="Zoom out">"−"</button>
            <button type="button" class="button small" on:click=move |_| fit(())>"100 %"</button>
            <label class="check">
                <input type="checkbox" prop:checked=show_status on:change=move |ev| show_status.set(event_target_checked(&ev)) />
                {move || t().map_status_colours}
            </label>
            <Show when=move || show_status.get()>
                <label class="field inline">
                    <span class="field-label">{move || t().map_year}</span>
                    <select on:change=move |ev| year.set(event_target_value(&ev).parse().unwrap_or(year.get_untracked())) prop:value=move || year.get().to_string()>
                        {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <button type="button" class="button small" on:click=export_svg>"SVG"</button>
        </div>
        <Show when=move || !map.with(|m| m.boxes.is_empty()) fallback=move || view! { <p>{t().map_empty}</p> }>
            <div
                class="map-viewport"
                tabindex="0"
                aria-label=move || t().map_title
                on:wheel=on_wheel
                on:keydown=on_key
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
        </Show>
    }
}
