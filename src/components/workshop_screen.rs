//! The workshop's big screen: the current step's name, its cards in large
//! type, the open ideas, the timer and the vote's state. The audience window
//! and the presenter's preview (and its full-screen mode) draw the same
//! [`Screen`]; only the presenter passes the card controls (lock, tally).

use leptos::prelude::*;
use strategy_core::workshop::Screen;

use crate::components::lock_icon::{LockIcon, LockMark};

/// The presenter's lock toggle (by card id) and its two labels (lock, unlock).
pub type LockControl = (Callback<String>, Signal<(&'static str, &'static str)>);

/// Draws `screen`, its timer at the time `now` (ms since the epoch).
#[component]
pub fn WorkshopScreen(
    #[prop(into)] screen: Signal<Screen>,
    #[prop(into)] now: Signal<f64>,
    /// The presenter's lock toggle per card (its label).
    #[prop(optional)]
    on_lock: Option<LockControl>,
    /// The presenter's tally buttons per card (index, up).
    #[prop(optional)]
    on_count: Option<Callback<(usize, bool)>>,
    /// The presenter's lock toggle of the step's text (mission, vision…),
    /// named by `on_lock`'s labels.
    #[prop(optional)]
    on_text_lock: Option<Callback<()>>,
) -> impl IntoView {
    let timer = move || screen.with(|s| s.timer.display(now.get()));
    let over = move || screen.with(|s| s.timer.planned_ms > 0.0 && s.timer.remaining(now.get()) < 0.0);
    let running = move || screen.with(|s| s.timer.running());
    let cards = move || {
        screen
            .get()
            .cards
            .into_iter()
            .enumerate()
            .map(|(i, card)| {
                let id = card.id.clone();
                let label = card.label.clone();
                let lock = on_lock.map(|(cb, names)| {
                    let locked = card.locked;
                    let label = label.clone();
                    let id = id.clone();
                    let name = move || {
                        let (lock, unlock) = names.get();
                        format!("{} {label}", if locked { unlock } else { lock })
                    };
                    view! {
                        <button type="button" class="button small" aria-label=name.clone() title=name on:click=move |_| cb.run(id.clone())>
                            <LockIcon open=locked />
                        </button>
                    }
                });
                let count = on_count.filter(|_| card.dots.is_some()).map(|cb| {
                    let (minus, plus) = (format!("− {label}"), format!("+ {label}"));
                    view! {
                        <button type="button" class="button small" aria-label=minus on:click=move |_| cb.run((i, false))>"−"</button>
                        <button type="button" class="button small" aria-label=plus on:click=move |_| cb.run((i, true))>"+"</button>
                    }
                });
                view! {
                    <li class="ws-card" class:locked=card.locked class:kept=card.kept data-card-id=id>
                        <span class="ws-card-label">
                            {card.locked.then(|| view! { <LockMark said=screen.with_untracked(|s| s.locked_label.clone()) /> })}
                            {card.label}
                        </span>
                        {card.dots.map(|n| view! { <span class="ws-dots" data-dots=n>{"● ".repeat(n.min(12) as usize)}<strong>{n}</strong></span> })}
                        <For each=move || card.detail.clone() key=|d| d.clone() children=|d| view! { <span class="ws-card-detail">{d}</span> } />
                        {(lock.is_some() || count.is_some()).then(|| view! { <span class="ws-card-actions">{lock}{count}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="ws-screen" lang=move || screen.with(|s| s.lang.clone())>
            <header class="ws-screen-head">
                <span class="ws-position">{move || screen.with(|s| s.position.clone())}</span>
                <h2 class="ws-heading" data-testid="audience-step">{move || screen.with(|s| s.heading.clone())}</h2>
                <span class="ws-timer" class:over=over class:running=running role="timer" aria-live="off">{timer}</span>
            </header>
            <Show when=move || screen.with(|s| !s.context.is_empty())>
                <p class="ws-context">{move || screen.with(|s| s.context.clone())}</p>
            </Show>
            <Show when=move || screen.with(|s| !s.vote.is_empty())>
                <p class="ws-vote" role="status">{move || screen.with(|s| s.vote.clone())}</p>
            </Show>
            <Show when=move || screen.with(|s| !s.text.is_empty())>
                <p class="ws-text" class:locked=move || screen.with(|s| s.text_locked)>
                    <Show when=move || screen.with(|s| s.text_locked)>
                        <LockMark said=screen.with_untracked(|s| s.locked_label.clone()) />
                    </Show>
                    {move || screen.with(|s| s.text.clone())}
                </p>
                {on_text_lock.zip(on_lock).map(|(cb, (_, names))| {
                    let locked = move || screen.with(|s| s.text_locked);
                    let name = move || {
                        let (lock, unlock) = names.get();
                        format!("{} {}", if locked() { unlock } else { lock }, screen.with(|s| s.heading.clone()))
                    };
                    view! {
                        <button type="button" class="button small ws-text-lock" aria-label=name title=name aria-keyshortcuts="Alt+L" on:click=move |_| cb.run(())>
                            {move || view! { <LockIcon open=locked() /> }}
                        </button>
                    }
                })}
            </Show>
            <ol class="ws-cards">{cards}</ol>
            <Show when=move || screen.with(|s| !s.ideas.is_empty())>
                <ul class="ws-ideas">
                    <For each=move || screen.with(|s| s.ideas.clone()) key=|i| i.clone() children=|i| view! { <li>{i}</li> } />
                </ul>
            </Show>
        </div>
    }
}
