//! Workshop mode, the presenter's page (`#/s/<id>/workshop`). The rule: the
//! room works on the strategy itself — quick capture adds real items through
//! the document's edit commands (undoable, autosaved), and the agenda, times,
//! ideas and votes are kept in `Strategy::workshop` the same way. The
//! presenter draws the audience's [`Screen`] and sends it to the audience
//! window over the workshop's channel at every change and whenever the
//! window says hello. Every action has a key (see [`KEYS`]).

use std::collections::HashSet;

use leptos::prelude::*;
use strategy_core::capture::parse_indicator_line;
use strategy_core::change::{Change, ListedItem};
use strategy_core::compare::compare;
use strategy_core::i18n::{fill, swot_label, Lang, Texts};
use strategy_core::walk::Place;
use strategy_core::workshop::{screen_message, Candidate, Capture, Card, Screen, Step, StepKind, Timer, VoteMode, VoteRound, Workshop, BYE, HELLO, WHO};
use strategy_core::{Strategy, SwotItem, SwotKind, TargetGroup, Value};
use wasm_bindgen::prelude::*;

use crate::components::compare_table::CompareTable;
use crate::components::workshop_audience::channel;
use crate::components::lock_icon::toggle_lock;
use crate::components::workshop_screen::WorkshopScreen;
use crate::route::Route;
use crate::state::{use_app, AppState};

#[wasm_bindgen(inline_js = r#"
export function beep() {
  const C = window.AudioContext || window.webkitAudioContext;
  if (!C) return;
  const c = new C();
  const o = c.createOscillator();
  const g = c.createGain();
  o.frequency.value = 880;
  o.connect(g);
  g.connect(c.destination);
  g.gain.setValueAtTime(0.25, c.currentTime);
  g.gain.exponentialRampToValueAtTime(0.001, c.currentTime + 1.5);
  o.start();
  o.stop(c.currentTime + 1.5);
}
"#)]
extern "C" {
    /// A short tone made with WebAudio (no file is fetched).
    fn beep();
}

/// The SWOT quadrants quick capture cycles through.
const QUADRANTS: [SwotKind; 4] = [SwotKind::Strength, SwotKind::Weakness, SwotKind::Opportunity, SwotKind::Threat];

/// A text of the catalogue, chosen by a function.
type Text = fn(&Texts) -> &'static str;

/// The keys of the presenter page and what they do (the `?` overlay).
const KEYS: [(&str, Text); 14] = [
    ("PageDown / PageUp", |t| t.key_next_step),
    ("Enter · Tab · Shift+Tab", |t| t.workshop_capture_hint),
    ("… % ; 2023: 40 ; 2025: 60 Enter", |t| t.key_indicator_line),
    ("Alt+↓ / Alt+↑", |t| t.key_parent),
    ("Alt+C", |t| t.key_capture),
    ("Alt+I", |t| t.key_idea),
    ("Alt+S · Alt+M · Alt+R", |t| t.key_timer),
    ("Alt+V", |t| t.key_vote),
    ("Alt+L", |t| t.key_lock),
    ("Alt+N", |t| t.key_snapshot),
    ("Alt+B", |t| t.key_full_screen),
    ("Alt+A", |t| t.key_audience),
    ("Alt+W", |t| t.key_finish),
    ("? · Alt+K", |t| t.key_help),
];

/// How a captured text is placed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// Enter: beside the last one.
    Beside,
    /// Tab: under the last one.
    Under,
    /// Shift+Tab: one level up.
    Up,
}

/// The presenter's own state (not stored): timer, where capture adds, the vote being run.
#[derive(Clone, Copy)]
struct Ui {
    timer: RwSignal<Timer>,
    now: RwSignal<f64>,
    /// The chosen parent (or quadrant, or indicator owner) of the step.
    cursor: RwSignal<usize>,
    /// The parent Tab went under.
    under: RwSignal<Option<String>>,
    /// The item added last.
    last: RwSignal<Option<String>>,
    /// The idea marked to merge.
    marked: RwSignal<Option<String>>,
    /// Why the last captured line was refused.
    error: RwSignal<Option<String>>,
    /// The running vote round's id.
    round: RwSignal<Option<String>>,
    /// The ballot being filled in a secret round.
    ballot: RwSignal<Vec<u32>>,
    setup: RwSignal<bool>,
    budget: RwSignal<u32>,
    mode: RwSignal<VoteMode>,
    top: RwSignal<usize>,
    excluded: RwSignal<HashSet<String>>,
    full: RwSignal<bool>,
    controls: RwSignal<bool>,
    help: RwSignal<bool>,
    summary: RwSignal<bool>,
    sound: RwSignal<bool>,
    picked: RwSignal<Vec<String>>,
}

/// The name of a step in the interface language.
fn step_name(s: &Strategy, step: &Step, lang: Lang) -> String {
    let t = lang.texts();
    match step.kind {
        StepKind::Mandate => t.step_mandate.into(),
        StepKind::Mission => t.step_mission.into(),
        StepKind::Vision => t.step_vision.into(),
        StepKind::Values => t.step_values.into(),
        StepKind::TargetGroups => t.step_target_groups.into(),
        StepKind::Swot => t.step_swot.into(),
        StepKind::Level => s.levels.iter().find(|l| l.key == step.level).map(|l| lang.name(&l.name).to_string()).unwrap_or_else(|| step.level.clone()),
        StepKind::Indicators => t.step_indicators.into(),
        StepKind::Review => t.step_review.into(),
    }
}

/// The ids of the nodes a step's new items may go under (one `None` for the top level).
fn parents(s: &Strategy, capture: &Capture) -> Vec<Option<String>> {
    match capture {
        Capture::Node(0) => vec![None],
        Capture::Node(l) => s.nodes_at_level(l - 1).into_iter().map(|n| Some(n.node.id.clone())).collect(),
        Capture::Indicator => s.nodes().into_iter().filter(|n| n.level.is_some()).map(|n| Some(n.node.id.clone())).collect(),
        _ => vec![None],
    }
}

fn parent_of(s: &Strategy, id: &str) -> Option<String> {
    s.nodes().into_iter().find(|n| n.node.id == id).and_then(|n| n.ancestors.last().map(|p| p.id.clone()))
}

fn workshop_of(s: &Strategy) -> Option<&Workshop> {
    s.workshop.as_ref()
}

/// Builds the audience's screen.
fn build_screen(s: &Strategy, numbers: &std::collections::HashMap<String, String>, ui: Ui, lang: Lang) -> Screen {
    let t = lang.texts();
    let Some(w) = workshop_of(s) else { return Screen::default() };
    let Some(step) = w.step() else { return Screen::default() };
    let capture = step.capture(s);
    let label = |n: &strategy_core::Node| strategy_core::numbering::label(numbers, n);
    let cursor = ui.cursor.get();
    let parent_ids = parents(s, &capture);
    let parent = parent_ids.get(cursor.min(parent_ids.len().saturating_sub(1))).cloned().flatten();
    let mut screen = Screen {
        lang: lang.code().into(),
        position: fill(t.workshop_step_of, &[("n", &(w.current + 1).to_string()), ("total", &w.agenda.len().to_string())]),
        heading: step_name(s, step, lang),
        timer: ui.timer.get(),
        locked_label: t.workshop_locked.into(),
        ..Screen::default()
    };
    let node_card = |n: &strategy_core::Node| Card {
        id: n.id.clone(),
        label: label(n),
        detail: n.children.iter().map(label).collect(),
        locked: n.locked,
        ..Card::default()
    };
    match capture {
        Capture::Text(text) => {
            screen.text = text.of(s).clone();
            screen.text_locked = s.text_locked(text);
        }
        Capture::Value => {
            screen.cards = s
                .values
                .iter()
                .map(|v| Card { id: v.id.clone(), label: v.name.clone(), detail: vec![v.definition.clone()].into_iter().filter(|d| !d.is_empty()).collect(), locked: v.locked, ..Card::default() })
                .collect()
        }
        Capture::TargetGroup => screen.cards = s.target_groups.iter().map(|g| Card { id: g.id.clone(), label: g.name.clone(), detail: g.needs.clone(), locked: g.locked, ..Card::default() }).collect(),
        Capture::Swot => {
            let kind = QUADRANTS[cursor % 4];
            screen.context = fill(t.workshop_quadrant, &[("kind", swot_label(lang, kind))]);
            screen.cards = s.swot.iter().map(|w| Card { id: w.id.clone(), label: w.text.clone(), detail: vec![swot_label(lang, w.kind).to_string()], locked: w.locked, ..Card::default() }).collect();
        }
        Capture::Node(l) => {
            if l > 0 {
                match parent.as_deref().and_then(|p| s.node_by_id(p)) {
                    Some(p) => {
                        screen.context = fill(t.workshop_under, &[("parent", &label(p))]);
                        screen.cards = p.children.iter().map(node_card).collect();
                    }
                    None => screen.context = t.workshop_no_parent.into(),
                }
            } else {
                screen.cards = s.items.iter().map(node_card).collect();
            }
        }
        Capture::Indicator => {
            if let Some(p) = parent.as_deref().and_then(|p| s.node_by_id(p)) {
                screen.context = fill(t.workshop_under, &[("parent", &label(p))]);
                screen.cards = p.indicators.iter().map(|i| Card { id: i.id.clone(), label: i.name.clone(), detail: indicator_detail(i), locked: i.locked, ..Card::default() }).collect();
            }
        }
        Capture::Nothing => {
            screen.cards = s
                .levels
                .iter()
                .enumerate()
                .map(|(i, l)| Card { id: l.key.clone(), label: format!("{}: {}", lang.name(&l.name), s.nodes_at_level(i).len()), ..Card::default() })
                .collect();
        }
    }
    screen.ideas = w
        .open_clusters(&step.id)
        .into_iter()
        .map(|(head, members)| if members.is_empty() { head.text.clone() } else { format!("{} ({})", head.text, fill(t.workshop_merged, &[("n", &members.len().to_string())])) })
        .collect();
    if let Some(round) = ui.round.get().and_then(|id| w.rounds.iter().find(|r| r.id == id)) {
        let totals = round.visible_totals();
        screen.text.clear();
        screen.context.clear();
        screen.vote = match (round.mode, round.revealed) {
            (_, true) => t.workshop_vote_result.into(),
            (VoteMode::Secret, false) => format!("{} {}", fill(t.workshop_ballots, &[("n", &round.ballots.len().to_string())]), t.workshop_vote_hidden),
            (VoteMode::Tally, false) => t.workshop_vote.into(),
        };
        let mut cards: Vec<Card> = round
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| Card { id: c.id.clone(), label: c.label.clone(), dots: totals.as_ref().map(|t| t[i]), kept: round.kept.contains(&c.id), ..Card::default() })
            .collect();
        if round.revealed {
            let order: Vec<String> = round.ranking().into_iter().map(|(c, _)| c.id.clone()).collect();
            cards.sort_by_key(|c| order.iter().position(|x| *x == c.id));
        }
        screen.cards = cards;
        screen.ideas.clear();
    }
    screen
}

/// An indicator's card lines: its baseline and targets by year ("2023: 40 %").
fn indicator_detail(i: &strategy_core::Indicator) -> Vec<String> {
    let line = |year: Option<i32>, text: &str| match year {
        Some(y) => format!("{y}: {text}"),
        None => text.to_string(),
    };
    let baseline = (!i.baseline.text.is_empty()).then(|| line(i.baseline.year, &i.baseline.text));
    baseline.into_iter().chain(i.targets.iter().map(|t| line(t.year, &t.text))).collect()
}

thread_local! {
    /// The audience window this page opened last, and how many it opened.
    static AUDIENCE: std::cell::RefCell<(Option<web_sys::Window>, u32)> = const { std::cell::RefCell::new((None, 0)) };
}

/// Opens the audience window of strategy `id`, or brings back the one this
/// page opened while it is open.
fn open_audience(id: &str) {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    let url = format!("{base}{}", Route::Audience { id: id.to_string() }.hash());
    AUDIENCE.with_borrow_mut(|(last, opened)| {
        if let Some(open) = last.as_ref().filter(|w| !w.closed().unwrap_or(true)) {
            let _ = open.focus();
            return;
        }
        *last = window().open_with_url_and_target_and_features(&url, &format!("strategy-studio-audience-{id}-{opened}"), "popup,width=1280,height=720").ok().flatten();
    });
}

/// Forgets the audience window that said bye: the next one is opened anew,
/// under a name of its own (a closing window may hold its name a moment
/// longer, and would swallow the open).
fn forget_audience() {
    AUDIENCE.with_borrow_mut(|(last, opened)| {
        if last.take().is_some() {
            *opened += 1;
        }
    });
}

/// Applies `f` to the open strategy's workshop (an undoable, autosaved edit).
fn edit_workshop(app: AppState, f: impl FnOnce(&mut Workshop, &mut Strategy)) {
    app.document.edit(None, |s| {
        if let Some(mut w) = s.workshop.take() {
            f(&mut w, s);
            s.workshop = Some(w);
        }
    });
}

/// The presenter's workshop page.
#[component]
pub fn WorkshopSection() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let ui = Ui {
        timer: RwSignal::new(Timer::default()),
        now: RwSignal::new(js_sys::Date::now()),
        cursor: RwSignal::new(0),
        under: RwSignal::new(None),
        last: RwSignal::new(None),
        marked: RwSignal::new(None),
        error: RwSignal::new(None),
        round: RwSignal::new(None),
        ballot: RwSignal::new(Vec::new()),
        setup: RwSignal::new(false),
        budget: RwSignal::new(3),
        mode: RwSignal::new(VoteMode::Tally),
        top: RwSignal::new(3),
        excluded: RwSignal::new(HashSet::new()),
        full: RwSignal::new(false),
        controls: RwSignal::new(false),
        help: RwSignal::new(false),
        summary: RwSignal::new(false),
        sound: RwSignal::new(false),
        picked: RwSignal::new(Vec::new()),
    };
    let sid = move || app.route.with_untracked(|r| r.strategy_id().unwrap_or_default().to_string());
    let started = move || app.document.doc.with(|d| d.as_ref().is_some_and(|s| s.workshop.is_some()));
    let current_step = move || app.document.doc.with(|d| d.as_ref().and_then(|s| s.workshop.as_ref()?.step().cloned()));
    // The timer restarts from what the step has spent whenever the step changes.
    Effect::new(move |prev: Option<Option<String>>| {
        let step = current_step();
        let id = step.as_ref().map(|s| s.id.clone());
        if prev.as_ref() != Some(&id) {
            ui.timer.set(step.map(|s| Timer::new(s.minutes, s.spent_seconds)).unwrap_or_default());
        }
        id
    });
    let tick = set_interval_with_handle(
        move || {
            let now = js_sys::Date::now();
            let before = ui.timer.with_untracked(|t| t.remaining(ui.now.get_untracked()));
            ui.now.set(now);
            let after = ui.timer.with_untracked(|t| t.remaining(now));
            if ui.sound.get_untracked() && ui.timer.with_untracked(Timer::running) && before > 0.0 && after <= 0.0 {
                beep();
            }
        },
        std::time::Duration::from_millis(250),
    )
    .ok();

    let screen = Memo::new(move |_| {
        let lang = app.lang.get();
        let numbers = app.document.numbers.get();
        app.document.doc.with(|d| d.as_ref().map(|s| build_screen(s, &numbers, ui, lang))).unwrap_or_default()
    });
    // The audience follows: every new screen is sent, and sent again to a window that says hello.
    let chan = channel(&sid());
    let chan = StoredValue::new_local(chan);
    // Whether an audience window is open (it says hello, and bye).
    let audience_open = RwSignal::new(false);
    let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        match ev.data().as_string().as_deref() {
            Some(HELLO) => {
                audience_open.set(true);
                let msg = screen_message(&screen.get_untracked());
                chan.with_value(|c| c.as_ref().map(|c| c.post_message(&msg.into())));
            }
            Some(BYE) => {
                audience_open.set(false);
                forget_audience();
            }
            _ => {}
        }
    });
    chan.with_value(|c| {
        if let Some(c) = c {
            use wasm_bindgen::JsCast;
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            let _ = c.post_message(&WHO.into());
        }
    });
    let on_message = StoredValue::new_local(Some(on_message));
    Effect::new(move |_| {
        let msg = screen_message(&screen.get());
        chan.with_value(|c| c.as_ref().map(|c| c.post_message(&msg.into())));
    });

    // Moving through the agenda keeps the time spent on the step left.
    let go = move |forward: bool| {
        let spent = (ui.timer.with_untracked(|t| t.elapsed(js_sys::Date::now())) / 1000.0) as u32;
        edit_workshop(app, |w, _| {
            if let Some(step) = w.agenda.get_mut(w.current) {
                step.spent_seconds = spent;
            }
            w.go(forward);
        });
        ui.cursor.set(0);
        ui.under.set(None);
        ui.last.set(None);
        ui.error.set(None);
        ui.round.set(None);
        ui.setup.set(false);
    };
    let start = move |_| {
        app.document.edit(None, |s| s.workshop = Some(Workshop::start(s)));
        open_audience(&sid());
        focus("ws-capture");
    };

    let capture = move |text: String, how: How| -> bool {
        let text = text.trim().to_string();
        ui.error.set(None);
        if text.is_empty() {
            return false;
        }
        let Some((capture_kind, step_label)) = app.document.doc.with_untracked(|d| {
            d.as_ref().and_then(|s| s.workshop.as_ref()?.step().map(|st| (st.capture(s), step_name(s, st, app.lang.get_untracked()))))
        }) else {
            return false;
        };
        let cursor = ui.cursor.get_untracked();
        match capture_kind {
            Capture::Text(which) => {
                if app.document.read(|s, _| Some(s.text_locked(which))).unwrap_or(false) {
                    ui.error.set(Some(fill(t().workshop_text_locked, &[("what", &step_label)])));
                    return false;
                }
                app.document.edit(None, |s| *which.of_mut(s) = text);
                true
            }
            Capture::Value | Capture::TargetGroup | Capture::Swot => {
                let Some(item) = app.document.doc.with_untracked(|d| {
                    let s = d.as_ref()?;
                    Some(match capture_kind {
                        Capture::Value => ListedItem::Value(Value { id: s.fresh_id("v"), name: text.clone(), ..Value::default() }),
                        Capture::TargetGroup => {
                            let (name, needs) = text.split_once(':').map_or((text.as_str(), ""), |(a, b)| (a.trim(), b));
                            let needs = needs.split(';').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect();
                            ListedItem::TargetGroup(TargetGroup { id: s.fresh_id("tg"), name: name.into(), needs, ..TargetGroup::default() })
                        }
                        _ => ListedItem::Swot(SwotItem { id: s.fresh_id("sw"), kind: QUADRANTS[cursor % 4], text: text.clone(), ..SwotItem::default() }),
                    })
                }) else {
                    return false;
                };
                let change = Change::AddListed(Box::new(item));
                let id = change.added_id().map(str::to_string);
                let done = app.document.change(change);
                if done {
                    ui.last.set(id);
                }
                done
            }
            Capture::Node(_) | Capture::Indicator => {
                let change = app.document.doc.with_untracked(|d| {
                    let s = d.as_ref()?;
                    let ps = parents(s, &capture_kind);
                    let base = ps.get(cursor.min(ps.len().saturating_sub(1))).cloned()?;
                    if capture_kind == Capture::Indicator {
                        // One line: the name, its unit, the baseline and the yearly targets.
                        let owner = s.node_by_id(base.as_deref()?)?;
                        return match parse_indicator_line(&text, s.period) {
                            Ok(line) => Some(Change::InsertIndicator {
                                owner: owner.id.clone(),
                                index: owner.indicators.len(),
                                indicator: Box::new(line.indicator(s.fresh_id("i"))),
                            }),
                            Err(e) => {
                                ui.error.set(Some(e.message(app.lang.get_untracked())));
                                None
                            }
                        };
                    }
                    let parent = match how {
                        How::Beside => ui.under.get_untracked().or(base),
                        How::Under => {
                            let p = ui.last.get_untracked().filter(|l| s.node_by_id(l).is_some()).or(ui.under.get_untracked()).or(base);
                            ui.under.set(p.clone());
                            p
                        }
                        How::Up => {
                            let up = ui.under.get_untracked().and_then(|u| parent_of(s, &u)).filter(|p| Some(p) != base.as_ref() && s.node_by_id(p).is_some());
                            ui.under.set(up.clone());
                            up.or(base)
                        }
                    };
                    s.new_child(parent.as_deref(), &text)
                });
                let Some(change) = change else { return false };
                let id = change.added_id().map(str::to_string);
                let done = app.document.change(change);
                if done && capture_kind != Capture::Indicator {
                    ui.last.set(id);
                }
                done
            }
            Capture::Nothing => false,
        }
    };
    let on_capture_key = move |ev: leptos::ev::KeyboardEvent| {
        let how = match (ev.key().as_str(), ev.shift_key()) {
            ("Enter", _) => How::Beside,
            ("Tab", false) => How::Under,
            ("Tab", true) => How::Up,
            _ => return,
        };
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        // An empty field lets Tab move focus on, as everywhere.
        if input.value().trim().is_empty() && how != How::Beside {
            return;
        }
        ev.prevent_default();
        if capture(input.value(), how) {
            input.set_value("");
        }
    };

    let add_idea = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        ev.prevent_default();
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let text = input.value().trim().to_string();
        if text.is_empty() {
            return;
        }
        edit_workshop(app, |w, _| {
            if let Some(step) = w.step().map(|s| s.id.clone()) {
                w.add_idea(&step, &text);
            }
        });
        input.set_value("");
    };
    // On an idea: Enter promotes its cluster into a real item, M merges, Delete removes.
    let idea_key = move |id: String, ev: leptos::ev::KeyboardEvent| {
        match ev.key().as_str() {
            "Enter" => {
                let text = app.document.doc.with_untracked(|d| {
                    let w = d.as_ref()?.workshop.as_ref()?;
                    let head = w.head_of(&id)?;
                    let mut probe = w.clone();
                    probe.promote(&head, "")
                });
                let Some(text) = text else { return };
                if capture(text, How::Beside) {
                    let item = ui.last.get_untracked().unwrap_or_default();
                    edit_workshop(app, |w, _| {
                        w.promote(&id, &item);
                    });
                    focus("ws-idea");
                }
            }
            "m" | "M" => match ui.marked.get_untracked() {
                Some(from) if from != id => {
                    edit_workshop(app, |w, _| {
                        w.merge(&from, &id);
                    });
                    ui.marked.set(None);
                }
                _ => ui.marked.set(Some(id)),
            },
            "Delete" => edit_workshop(app, |w, _| w.ideas.retain(|x| x.id != id && x.cluster.as_deref() != Some(id.as_str()))),
            _ => return,
        }
        ev.prevent_default();
    };

    // Any lockable item: a node, indicator, value, target group or SWOT item.
    let lock_item = move |id: String| toggle_lock(app, &id);
    // The text of a text step (mandate, mission, vision), if this is one.
    let step_text = move || {
        app.document.doc.with_untracked(|d| {
            d.as_ref().and_then(|s| match s.workshop.as_ref()?.step()?.capture(s) {
                Capture::Text(text) => Some(text),
                _ => None,
            })
        })
    };
    // Locks or unlocks the step's text; false when the step has none.
    let toggle_text_lock = move || {
        let Some(text) = step_text() else { return false };
        app.document.edit(None, |s| {
            let on = !s.text_locked(text);
            s.set_text_locked(text, on);
        });
        true
    };

    // Voting.
    let candidates = move || -> Vec<Candidate> {
        let numbers = app.document.numbers.get_untracked();
        app.document
            .doc
            .with(|d| {
                let s = d.as_ref()?;
                let w = s.workshop.as_ref()?;
                let step = w.step()?;
                let mut out: Vec<Candidate> = build_screen(s, &numbers, Ui { round: RwSignal::new(None), ..ui }, app.lang.get_untracked())
                    .cards
                    .into_iter()
                    .filter(|c| s.locate(&c.id).is_some())
                    .map(|c| Candidate { id: c.id, label: c.label })
                    .collect();
                out.extend(w.open_clusters(&step.id).into_iter().map(|(h, _)| Candidate { id: h.id.clone(), label: h.text.clone() }));
                Some(out)
            })
            .unwrap_or_default()
    };
    let start_vote = move || {
        let chosen: Vec<Candidate> = candidates().into_iter().filter(|c| !ui.excluded.with_untracked(|x| x.contains(&c.id))).collect();
        if chosen.is_empty() {
            return;
        }
        let n = chosen.len();
        let id = crate::web::random_id("vote");
        let rid = id.clone();
        edit_workshop(app, move |w, _| {
            let step = w.step().map(|s| s.id.clone()).unwrap_or_default();
            w.rounds.push(VoteRound::new(&rid, &step, ui.mode.get_untracked(), ui.budget.get_untracked(), chosen));
        });
        ui.round.set(Some(id));
        ui.ballot.set(vec![0; n]);
        ui.setup.set(false);
    };
    let with_round = move |f: &mut dyn FnMut(&mut VoteRound)| {
        let Some(id) = ui.round.get_untracked() else { return };
        edit_workshop(app, |w, _| {
            if let Some(r) = w.rounds.iter_mut().find(|r| r.id == id) {
                f(r);
            }
        });
    };
    let count = Callback::new(move |(i, up): (usize, bool)| with_round(&mut |r| {
        r.count(i, up);
    }));
    let round_info = move || {
        let id = ui.round.get()?;
        app.document.doc.with(|d| d.as_ref()?.workshop.as_ref()?.rounds.iter().find(|r| r.id == id).cloned())
    };
    let cast = move |_| {
        let dots = ui.ballot.get_untracked();
        let n = dots.len();
        let mut ok = false;
        with_round(&mut |r| ok = r.cast(dots.clone()).is_ok());
        if ok {
            ui.ballot.set(vec![0; n]);
            focus("ws-ballot-first");
        }
    };
    let reveal = move |_| {
        let top = ui.top.get_untracked();
        with_round(&mut |r| r.reveal(top));
    };

    let take_snapshot = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        ev.prevent_default();
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let name = input.value().trim().to_string();
        if name.is_empty() {
            return;
        }
        let at = crate::web::now_iso();
        app.document.edit(None, |s| {
            s.take_snapshot(&name, &at);
        });
        input.set_value("");
    };

    let toggle_full = move || {
        let on = !ui.full.get_untracked();
        ui.full.set(on);
        ui.controls.set(false);
        if on {
            if let Some(el) = document().document_element() {
                let _ = el.request_fullscreen();
            }
        } else if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    };
    let finish = move || {
        ui.summary.set(true);
        focus("ws-export");
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !started() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let done = match (ev.alt_key(), ev.code().as_str(), ev.key().as_str()) {
            (false, _, "PageDown") => {
                go(true);
                true
            }
            (false, _, "PageUp") => {
                go(false);
                true
            }
            (true, "ArrowDown", _) | (true, "ArrowUp", _) => {
                let down = ev.code() == "ArrowDown";
                ui.cursor.update(|c| *c = if down { *c + 1 } else { c.saturating_sub(1) });
                let len = app.document.doc.with_untracked(|d| {
                    let s = d.as_ref()?;
                    let step = s.workshop.as_ref()?.step()?;
                    let c = step.capture(s);
                    Some(if c == Capture::Swot { 4 } else { parents(s, &c).len() })
                });
                if let Some(len) = len.filter(|l| *l > 0) {
                    ui.cursor.update(|c| *c = (*c).min(len - 1));
                }
                ui.under.set(None);
                ui.last.set(None);
                true
            }
            (true, "KeyC", _) => focus("ws-capture"),
            (true, "KeyI", _) => focus("ws-idea"),
            (true, "KeyS", _) => {
                ui.timer.update(|t| t.toggle(js_sys::Date::now()));
                true
            }
            (true, "KeyM", _) => {
                ui.timer.update(Timer::add_minute);
                true
            }
            (true, "KeyR", _) => {
                ui.timer.update(Timer::reset);
                true
            }
            (true, "KeyV", _) => {
                ui.setup.set(true);
                focus("ws-budget")
            }
            (true, "KeyL", _) => {
                if !toggle_text_lock() {
                    if let Some(id) = ui.last.get_untracked() {
                        lock_item(id);
                    }
                }
                true
            }
            (true, "KeyN", _) => focus("ws-snapshot"),
            (true, "KeyB", _) => {
                toggle_full();
                true
            }
            (true, "KeyH", _) => {
                ui.controls.update(|c| *c = !*c);
                true
            }
            (true, "KeyA", _) => {
                open_audience(&sid());
                true
            }
            (true, "KeyW", _) => {
                finish();
                true
            }
            (true, "KeyK", _) => {
                ui.help.update(|h| *h = !*h);
                true
            }
            (false, _, "?") if !typing => {
                ui.help.update(|h| *h = !*h);
                true
            }
            (false, _, "Escape") if ui.help.get_untracked() => {
                ui.help.set(false);
                true
            }
            _ => false,
        };
        if done {
            ev.prevent_default();
        }
    });
    let fs_change = window_event_listener(leptos::ev::fullscreenchange, move |_| {
        if document().fullscreen_element().is_none() && ui.full.get_untracked() {
            ui.full.set(false);
        }
    });
    on_cleanup(move || {
        keys.remove();
        fs_change.remove();
        if let Some(t) = tick {
            t.clear();
        }
        chan.with_value(|c| c.as_ref().map(|c| c.close()));
        on_message.update_value(|m| drop(m.take()));
    });

    let lock_names = Signal::derive(move || (t().workshop_lock, t().workshop_unlock));
    let running_tally = Signal::derive(move || round_info().is_some_and(|r| r.mode == VoteMode::Tally && !r.revealed));
    let capture_label = move || {
        let step = current_step();
        let name = app.document.doc.with(|d| d.as_ref().zip(step.as_ref()).map(|(s, st)| step_name(s, st, app.lang.get()))).unwrap_or_default();
        let text = step.is_some_and(|s| matches!(s.kind, StepKind::Mandate | StepKind::Mission | StepKind::Vision));
        fill(if text { t().workshop_capture_text } else { t().workshop_capture }, &[("what", &name)])
    };

    view! {
        <section class="workshop" class:full=move || ui.full.get() class:show-controls=move || ui.controls.get()>
            <h1>{move || t().section_workshop}</h1>
            <Show when=started fallback=move || view! {
                <p>{move || t().workshop_intro}</p>
                <button type="button" class="button primary" on:click=start>{move || t().workshop_start}</button>
            }>
                <div class="ws-bar ws-controls" role="toolbar" aria-label=move || t().workshop_timer>
                    <button type="button" class="button small" on:click=move |_| go(false) aria-keyshortcuts="PageUp">{move || t().workshop_previous}</button>
                    <button type="button" class="button small" on:click=move |_| go(true) aria-keyshortcuts="PageDown">{move || t().workshop_next}</button>
                    <button type="button" class="button small" on:click=move |_| ui.timer.update(|x| x.toggle(js_sys::Date::now())) aria-keyshortcuts="Alt+S">{move || t().workshop_timer_toggle}</button>
                    <button type="button" class="button small" on:click=move |_| ui.timer.update(Timer::add_minute) aria-keyshortcuts="Alt+M">{move || t().workshop_timer_add}</button>
                    <button type="button" class="button small" on:click=move |_| ui.timer.update(Timer::reset) aria-keyshortcuts="Alt+R">{move || t().workshop_timer_reset}</button>
                    <label class="check"><input type="checkbox" prop:checked=move || ui.sound.get() on:change=move |ev| ui.sound.set(event_target_checked(&ev)) />{move || t().workshop_timer_sound}</label>
                    <button type="button" class="button small" on:click=move |_| open_audience(&sid()) aria-keyshortcuts="Alt+A">{move || t().workshop_open_audience}</button>
                    <span class="ws-audience-state" role="status" data-testid="audience-state">
                        {move || if audience_open.get() { t().workshop_audience_open } else { t().workshop_audience_closed }}
                    </span>
                    <button type="button" class="button small" on:click=move |_| toggle_full() aria-keyshortcuts="Alt+B">{move || t().workshop_full_screen}</button>
                    <button type="button" class="button small" on:click=move |_| ui.help.update(|h| *h = !*h) aria-keyshortcuts="Alt+K">{move || t().workshop_keys}" (?)"</button>
                    <button type="button" class="button small primary" on:click=move |_| finish() aria-keyshortcuts="Alt+W">{move || t().workshop_finish}</button>
                </div>
                <div class="ws-layout">
                    <div class="ws-main">
                        <div class="ws-stage">
                            <WorkshopScreen screen=screen now=ui.now on_lock=(Callback::new(lock_item), lock_names) on_count=count on_text_lock=Callback::new(move |()| { toggle_text_lock(); }) />
                        </div>
                        <div class="ws-controls ws-capture">
                            <label class="field">
                                <span class="field-label">{capture_label}</span>
                                <input id="ws-capture" type="text" autocomplete="off" on:keydown=on_capture_key aria-keyshortcuts="Alt+C"
                                    aria-describedby="ws-capture-hint ws-capture-error" aria-invalid=move || ui.error.with(Option::is_some).then_some("true") />
                            </label>
                            <p class="field-hint" id="ws-capture-hint">
                                {move || if current_step().is_some_and(|s| s.kind == StepKind::Indicators) { t().workshop_indicator_hint } else { t().workshop_capture_hint }}
                            </p>
                            <p class="field-hint error" id="ws-capture-error" role="alert">{move || ui.error.get()}</p>
                        </div>
                        <div class="ws-controls">
                            <Ideas ui=ui idea_key=idea_key add_idea=add_idea />
                            <VotePanel ui=ui candidates=candidates start_vote=start_vote cast=cast reveal=reveal running_tally=running_tally />
                            <Snapshots ui=ui take_snapshot=take_snapshot />
                        </div>
                    </div>
                    <Agenda />
                </div>
                <Show when=move || ui.summary.get()>
                    <Summary ui=ui />
                </Show>
                <Show when=move || ui.help.get()>
                    <div class="ws-help" role="dialog" aria-modal="false" aria-labelledby="ws-help-title">
                        <h2 id="ws-help-title">{move || t().workshop_keys}</h2>
                        <dl>
                            {KEYS.iter().map(|(k, what)| view! { <dt><kbd>{*k}</kbd></dt><dd>{move || what(t())}</dd> }).collect_view()}
                        </dl>
                        <button type="button" class="button" on:click=move |_| ui.help.set(false)>{move || t().close}" (Esc)"</button>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

/// Focuses the element with `id`; returns true (the key was used).
fn focus(id: &'static str) -> bool {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id).and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
    true
}

/// The agenda: each step's name, planned minutes, time spent, skip and order.
#[component]
fn Agenda() -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let steps = move || app.document.doc.with(|d| d.as_ref().and_then(|s| s.workshop.as_ref().map(|w| (w.current, w.agenda.clone())))).unwrap_or_default();
    let rows = move || {
        let (current, agenda) = steps();
        let n = agenda.len();
        agenda
            .into_iter()
            .enumerate()
            .map(|(i, step)| {
                let name = app.document.doc.with(|d| d.as_ref().map(|s| step_name(s, &step, app.lang.get()))).unwrap_or_default();
                let minutes_label = format!("{} — {name}", t().workshop_minutes);
                let skip_label = format!("{} — {name}", t().workshop_skip);
                let up_label = format!("{} — {name}", t().move_up);
                let down_label = format!("{} — {name}", t().move_down);
                let spent = fill(t().workshop_spent, &[("m", &(step.spent_seconds / 60).to_string())]);
                view! {
                    <li class="ws-step" class:skipped=step.skipped aria-current=(i == current).then_some("step")>
                        <span class="ws-step-name">{name}</span>
                        <span class="ws-step-spent">{spent}</span>
                        <input type="number" min="0" class="ws-minutes" aria-label=minutes_label prop:value=step.minutes.to_string()
                            on:change=move |ev| {
                                let m = event_target_value(&ev).trim().parse().unwrap_or(step.minutes);
                                edit_workshop(app, |w, _| if let Some(s) = w.agenda.get_mut(i) { s.minutes = m });
                            } />
                        <label class="check"><input type="checkbox" aria-label=skip_label prop:checked=step.skipped
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit_workshop(app, |w, _| if let Some(s) = w.agenda.get_mut(i) { s.skipped = on });
                            } />{move || t().workshop_skip}</label>
                        <button type="button" class="icon-button" aria-label=up_label disabled=i == 0 on:click=move |_| edit_workshop(app, |w, _| { w.move_step(i, -1); })>"↑"</button>
                        <button type="button" class="icon-button" aria-label=down_label disabled=i + 1 == n on:click=move |_| edit_workshop(app, |w, _| { w.move_step(i, 1); })>"↓"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <aside class="ws-agenda ws-controls" aria-labelledby="ws-agenda-title">
            <h2 id="ws-agenda-title">{move || t().workshop_agenda}</h2>
            <ol>{rows}</ol>
        </aside>
    }
}

/// The ideas area of the current step.
#[component]
fn Ideas(
    ui: Ui,
    idea_key: impl Fn(String, leptos::ev::KeyboardEvent) + Copy + Send + Sync + 'static,
    add_idea: impl Fn(leptos::ev::KeyboardEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let clusters = move || {
        app.document
            .doc
            .with(|d| {
                let w = d.as_ref()?.workshop.as_ref()?;
                let step = w.step()?.id.clone();
                Some(w.open_clusters(&step).into_iter().map(|(h, m)| (h.id.clone(), h.text.clone(), m.iter().map(|x| x.text.clone()).collect::<Vec<_>>())).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    };
    view! {
        <section class="ws-panel" aria-labelledby="ws-ideas-title">
            <h2 id="ws-ideas-title">{move || t().workshop_ideas}</h2>
            <label class="field">
                <span class="field-label">{move || t().workshop_idea}</span>
                <input id="ws-idea" type="text" autocomplete="off" on:keydown=add_idea aria-keyshortcuts="Alt+I" />
            </label>
            <p class="field-hint">{move || t().workshop_ideas_hint}</p>
            <ul class="ws-idea-list">
                <For each=clusters key=|c| (c.0.clone(), c.2.len()) children=move |(id, text, members)| {
                    let key_id = id.clone();
                    let marked = { let id = id.clone(); move || ui.marked.get().as_deref() == Some(id.as_str()) };
                    view! {
                        <li tabindex="0" class="ws-idea" class:marked=marked data-idea-id=id on:keydown=move |ev| idea_key(key_id.clone(), ev)>
                            {text}
                            {members.into_iter().map(|m| view! { <span class="ws-card-detail">{m}</span> }).collect_view()}
                        </li>
                    }
                } />
            </ul>
        </section>
    }
}

/// Dot-voting: set up a round, tally or cast secret ballots, reveal.
#[component]
fn VotePanel(
    ui: Ui,
    candidates: impl Fn() -> Vec<Candidate> + Copy + Send + Sync + 'static,
    start_vote: impl Fn() + Copy + Send + Sync + 'static,
    cast: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
    reveal: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
    running_tally: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let round = move || {
        let id = ui.round.get()?;
        app.document.doc.with(|d| d.as_ref()?.workshop.as_ref()?.rounds.iter().find(|r| r.id == id).cloned())
    };
    let left = move || {
        let budget = round().map_or(0, |r| r.budget);
        budget.saturating_sub(ui.ballot.with(|b| b.iter().sum::<u32>()))
    };
    let setup = move || {
        view! {
            <fieldset class="ws-setup">
                <legend>{move || t().workshop_vote_candidates}</legend>
                {move || candidates().into_iter().map(|c| {
                    let id = c.id.clone();
                    let checked = { let id = id.clone(); move || !ui.excluded.with(|x| x.contains(&id)) };
                    view! {
                        <label class="check"><input type="checkbox" prop:checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ui.excluded.update(|x| { if on { x.remove(&id); } else { x.insert(id.clone()); } });
                        } />{c.label}</label>
                    }
                }).collect_view()}
            </fieldset>
            <label class="field"><span class="field-label">{move || t().workshop_vote_budget}</span>
                <input id="ws-budget" type="number" min="1" prop:value=move || ui.budget.get().to_string() on:change=move |ev| ui.budget.set(event_target_value(&ev).parse().unwrap_or(3)) />
            </label>
            <label class="check"><input type="radio" name="ws-mode" prop:checked=move || ui.mode.get() == VoteMode::Tally on:change=move |_| ui.mode.set(VoteMode::Tally) />{move || t().workshop_vote_tally}</label>
            <label class="check"><input type="radio" name="ws-mode" prop:checked=move || ui.mode.get() == VoteMode::Secret on:change=move |_| ui.mode.set(VoteMode::Secret) />{move || t().workshop_vote_secret}</label>
            <button type="button" class="button primary" on:click=move |_| start_vote()>{move || t().workshop_vote_start}</button>
        }
    };
    let running = move || {
        let r = round()?;
        let secret_open = r.mode == VoteMode::Secret && !r.revealed;
        let ballot = secret_open.then(|| {
            let rows = r.candidates.iter().enumerate().map(|(i, c)| {
                let dots = move || ui.ballot.with(|b| b.get(i).copied().unwrap_or(0));
                let (minus, plus) = (format!("− {}", c.label), format!("+ {}", c.label));
                let first = (i == 0).then_some("ws-ballot-first");
                view! {
                    <li>
                        <span class="grow">{c.label.clone()}</span>
                        <button type="button" class="button small" aria-label=minus on:click=move |_| ui.ballot.update(|b| if let Some(n) = b.get_mut(i) { *n = n.saturating_sub(1) })>"−"</button>
                        <output class="ws-ballot-dots">{dots}</output>
                        <button type="button" class="button small" id=first aria-label=plus disabled=move || left() == 0 on:click=move |_| ui.ballot.update(|b| if let Some(n) = b.get_mut(i) { *n += 1 })>"+"</button>
                    </li>
                }
            }).collect_view();
            view! {
                <p>{fill(t().workshop_participant, &[("n", &(r.ballots.len() + 1).to_string())])}</p>
                <ol class="ws-ballot">{rows}</ol>
                <p role="status">{move || fill(t().workshop_vote_left, &[("n", &left().to_string())])}</p>
                <button type="button" class="button primary" on:click=cast>{move || t().workshop_vote_cast}</button>
                <p>{fill(t().workshop_ballots, &[("n", &r.ballots.len().to_string())])}</p>
            }
        });
        let reveal_controls = (!r.revealed).then(|| view! {
            <label class="field"><span class="field-label">{move || t().workshop_vote_top}</span>
                <input type="number" min="1" prop:value=move || ui.top.get().to_string() on:change=move |ev| ui.top.set(event_target_value(&ev).parse().unwrap_or(3)) />
            </label>
            <button type="button" class="button" on:click=reveal>{move || t().workshop_vote_reveal}</button>
        });
        Some(view! {
            <Show when=move || running_tally.get()>
                <p class="field-hint">{move || t().workshop_vote_tally}</p>
            </Show>
            {ballot}
            {reveal_controls}
            <button type="button" class="button" on:click=move |_| ui.round.set(None)>{move || t().workshop_vote_end}</button>
        })
    };
    view! {
        <section class="ws-panel" aria-labelledby="ws-vote-title">
            <h2 id="ws-vote-title">{move || t().workshop_vote}</h2>
            {move || if ui.round.get().is_some() {
                running.into_any()
            } else if ui.setup.get() {
                setup().into_any()
            } else {
                view! { <button type="button" class="button" on:click=move |_| { ui.setup.set(true); focus("ws-budget"); } aria-keyshortcuts="Alt+V">{move || t().workshop_vote_start}</button> }.into_any()
            }}
        </section>
    }
}

/// Named snapshots: take, list, restore as a new strategy, compare two.
#[component]
fn Snapshots(ui: Ui, take_snapshot: impl Fn(leptos::ev::KeyboardEvent) + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let list = move || app.document.doc.with(|d| d.as_ref().map(|s| s.snapshots.iter().map(|x| (x.id.clone(), x.name.clone(), x.taken_at.clone())).collect::<Vec<_>>())).unwrap_or_default();
    let restore = move |id: String| {
        let copy = app.document.doc.with_untracked(|d| d.as_ref().and_then(|s| s.restore_snapshot(&id, &crate::web::random_id("s"))));
        if let Some(copy) = copy {
            app.library.create(copy);
        }
    };
    let differences = move || {
        let picked = ui.picked.get();
        if picked.len() != 2 {
            return None;
        }
        app.document.doc.with(|d| {
            let s = d.as_ref()?;
            let find = |id: &str| s.snapshots.iter().find(|x| x.id == id).map(|x| x.strategy.clone());
            let (a, b) = (find(&picked[0])?, find(&picked[1])?);
            Some(compare(&a, &b))
        })
    };
    view! {
        <section class="ws-panel" aria-labelledby="ws-snap-title">
            <h2 id="ws-snap-title">{move || t().workshop_snapshots}</h2>
            <label class="field">
                <span class="field-label">{move || t().workshop_snapshot_name}</span>
                <input id="ws-snapshot" type="text" autocomplete="off" on:keydown=take_snapshot aria-keyshortcuts="Alt+N" />
            </label>
            <ul class="ws-snapshots">
                <For each=list key=|x| x.0.clone() children=move |(id, name, at)| {
                    let (pick_id, restore_id) = (id.clone(), id.clone());
                    let checked = { let id = id.clone(); move || ui.picked.with(|p| p.contains(&id)) };
                    let pick_label = fill(t().workshop_snapshot_pick, &[("name", &name)]);
                    let restore_label = format!("{} — {name}", t().workshop_snapshot_restore);
                    view! {
                        <li>
                            <label class="check"><input type="checkbox" aria-label=pick_label prop:checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ui.picked.update(|p| {
                                    p.retain(|x| *x != pick_id);
                                    if on { p.push(pick_id.clone()); }
                                    while p.len() > 2 { p.remove(0); }
                                });
                            } /><strong>{name.clone()}</strong>" "<span class="muted">{at}</span></label>
                            <button type="button" class="button small" aria-label=restore_label on:click=move |_| restore(restore_id.clone())>{move || t().workshop_snapshot_restore}</button>
                        </li>
                    }
                } />
            </ul>
            {move || differences().map(|changes| view! { <h3>{t().workshop_compare}</h3><CompareTable changes=changes /> })}
        </section>
    }
}

/// The workshop's summary: what was added, the votes and the open ideas; print and export.
#[component]
fn Summary(ui: Ui) -> impl IntoView {
    let app = use_app();
    let t = move || app.t();
    let data = move || {
        let numbers = app.document.numbers.get();
        app.document.doc.with(|d| {
            let s = d.as_ref()?;
            let w = s.workshop.as_ref()?;
            let before: HashSet<&str> = w.items_before.iter().map(String::as_str).collect();
            let added: Vec<String> = s
                .every_id()
                .into_iter()
                .filter(|(id, place)| !before.contains(id) && !matches!(place, Place::Strategy))
                .filter_map(|(id, place)| match place {
                    Place::Node(at) => s.node(&at).map(|n| strategy_core::numbering::label(&numbers, n)),
                    Place::Listed(strategy_core::walk::Flat::Values, i) => s.values.get(i).map(|v| v.name.clone()),
                    Place::Listed(strategy_core::walk::Flat::Swot, i) => s.swot.get(i).map(|v| v.text.clone()),
                    Place::Listed(strategy_core::walk::Flat::TargetGroups, i) => s.target_groups.get(i).map(|v| v.name.clone()),
                    Place::Indicator(..) => s.indicator_at(&place).map(|i| i.name.clone()),
                    _ => Some(id.to_string()),
                })
                .collect();
            let votes: Vec<(String, Vec<(String, u32)>)> = w
                .rounds
                .iter()
                .filter(|r| r.revealed)
                .map(|r| (r.id.clone(), r.ranking().into_iter().map(|(c, n)| (c.label.clone(), n)).collect()))
                .collect();
            let ideas: Vec<String> = w.open_ideas().map(|i| i.text.clone()).collect();
            Some((s.title.clone(), added, votes, ideas))
        })
    };
    let _ = ui;
    view! {
        {move || data().map(|(title, added, votes, ideas)| view! {
            <section class="ws-summary" aria-labelledby="ws-summary-title">
                <h2 id="ws-summary-title">{t().workshop_summary}": "{title}</h2>
                <div class="ws-controls toolbar">
                    <button type="button" id="ws-export" class="button primary" on:click=move |_| app.library.export_open()>{t().workshop_export}</button>
                    <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{t().workshop_print}</button>
                </div>
                <h3>{fill(t().workshop_summary_added, &[("n", &added.len().to_string())])}</h3>
                <ul class="ws-added">{added.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                <h3>{fill(t().workshop_summary_votes, &[("n", &votes.len().to_string())])}</h3>
                {votes.into_iter().map(|(_, ranking)| view! {
                    <ol>{ranking.into_iter().map(|(label, n)| view! { <li>{label}" — "{fill(t().workshop_dots, &[("n", &n.to_string())])}</li> }).collect_view()}</ol>
                }).collect_view()}
                <h3>{fill(t().workshop_summary_ideas, &[("n", &ideas.len().to_string())])}</h3>
                <ul>{ideas.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </section>
        })}
    }
}
