//! Workshop mode, the pure part: a facilitator builds the draft live with a
//! room. The rule: a workshop works on the strategy itself — its agenda, the
//! time spent per step, the raw ideas and the vote rounds are kept with the
//! strategy ([`Strategy::workshop`]), and what the room agrees on becomes real
//! items through the ordinary edit commands, never a copy to retype.
//!
//! - The agenda ([`Workshop::agenda`]) is a list of [`Step`]s, each of a
//!   [`StepKind`] (an item step names one of the strategy's declared levels),
//!   with a planned duration, the time spent and whether it is skipped.
//! - The step's [`Timer`] counts the time spent; it is the presenter's
//!   state, and only what it counted is stored.
//! - [`Idea`]s are raw notes of a step; an idea merged into another joins its
//!   cluster (the head's), and a promoted idea records the item it became.
//! - A [`VoteRound`] spreads dots over candidates: tallied by the facilitator
//!   (+/− per card), or cast in secret one ballot per participant within the
//!   budget, hidden until revealed.
//! - [`Snapshot`]s are named copies of the strategy kept with it (without
//!   their own snapshots), to restore as a new strategy or compare
//!   (see [`crate::compare`]). They are stored in the strategy, so a file
//!   carries them; each is a whole copy, which a workshop's size allows.

use serde::{Deserialize, Serialize};

#[cfg(feature = "cli")]
use schemars::JsonSchema;

use crate::model::{Id, Strategy};

/// A workshop's agenda, ideas and vote rounds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Workshop {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub agenda: Vec<Step>,
    /// Index of the current step in the agenda.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub current: usize,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub ideas: Vec<Idea>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub rounds: Vec<VoteRound>,
    /// Ids of the items that existed when the workshop started (for the summary of what was added).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub items_before: Vec<Id>,
}

/// One step of the agenda.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Step {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub kind: StepKind,
    /// For [`StepKind::Level`]: the key of the level whose items the step adds.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub level: String,
    /// The planned duration in minutes.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub minutes: u32,
    /// The time spent on it so far, in seconds.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub spent_seconds: u32,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub skipped: bool,
}

/// What a step works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Mandate,
    Mission,
    Vision,
    Values,
    TargetGroups,
    Swot,
    /// The items of one declared level (priorities, goals, results…).
    Level,
    Indicators,
    Review,
}

/// What quick capture adds at a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Capture {
    /// Sets the strategy's text (mandate, mission, vision).
    Text(crate::model::StrategyText),
    /// Adds a value.
    Value,
    /// Adds a target group.
    TargetGroup,
    /// Adds a SWOT item.
    Swot,
    /// Adds a node at the level with this index.
    Node(usize),
    /// Adds an indicator to the chosen node.
    Indicator,
    /// Nothing to add (the review).
    Nothing,
}

impl Step {
    /// What typing and Enter adds at this step of `s` (`Nothing` for a level the strategy no longer declares).
    pub fn capture(&self, s: &Strategy) -> Capture {
        match self.kind {
            StepKind::Mandate => Capture::Text(crate::model::StrategyText::Mandate),
            StepKind::Mission => Capture::Text(crate::model::StrategyText::Mission),
            StepKind::Vision => Capture::Text(crate::model::StrategyText::Vision),
            StepKind::Values => Capture::Value,
            StepKind::TargetGroups => Capture::TargetGroup,
            StepKind::Swot => Capture::Swot,
            StepKind::Level => s.level_index(&self.level).map_or(Capture::Nothing, Capture::Node),
            StepKind::Indicators => Capture::Indicator,
            StepKind::Review => Capture::Nothing,
        }
    }
}

/// The agenda a new workshop starts with, over `s`'s declared levels, with planned minutes.
pub fn default_agenda(s: &Strategy) -> Vec<Step> {
    let mut out = Vec::new();
    let mut push = |kind: StepKind, level: &str, minutes: u32| {
        out.push(Step { id: String::new(), kind, level: level.into(), minutes, ..Step::default() });
    };
    push(StepKind::Mandate, "", 5);
    push(StepKind::Mission, "", 5);
    push(StepKind::Vision, "", 5);
    push(StepKind::Values, "", 10);
    push(StepKind::TargetGroups, "", 10);
    push(StepKind::Swot, "", 15);
    for level in &s.levels {
        push(StepKind::Level, &level.key, 10);
    }
    push(StepKind::Indicators, "", 10);
    push(StepKind::Review, "", 5);
    for (i, step) in out.iter_mut().enumerate() {
        step.id = format!("step{}", i + 1);
    }
    out
}

impl Workshop {
    /// A new workshop over `s`: the default agenda, and the items `s` has now.
    pub fn start(s: &Strategy) -> Workshop {
        Workshop {
            agenda: default_agenda(s),
            items_before: s.every_id().into_iter().map(|(id, _)| id.to_string()).collect(),
            ..Workshop::default()
        }
    }

    /// The current step, if the agenda has any.
    pub fn step(&self) -> Option<&Step> {
        self.agenda.get(self.current)
    }

    /// Moves to the next step not skipped (`forward`), or the previous one; stays at the end.
    pub fn go(&mut self, forward: bool) -> bool {
        let mut i = self.current;
        loop {
            i = match (forward, i) {
                (true, i) if i + 1 < self.agenda.len() => i + 1,
                (false, i) if i > 0 => i - 1,
                _ => return false,
            };
            if !self.agenda[i].skipped {
                self.current = i;
                return true;
            }
        }
    }

    /// Moves step `i` by `delta` places, the current step following it.
    pub fn move_step(&mut self, i: usize, delta: isize) -> bool {
        let Some(j) = i.checked_add_signed(delta).filter(|j| *j < self.agenda.len()) else { return false };
        if i >= self.agenda.len() {
            return false;
        }
        let step = self.agenda.remove(i);
        self.agenda.insert(j, step);
        if self.current == i {
            self.current = j;
        } else if self.current == j {
            self.current = i;
        }
        true
    }

    /// A fresh idea id.
    fn fresh_idea_id(&self) -> Id {
        (1..).map(|n| format!("idea{n}")).find(|id| self.ideas.iter().all(|x| &x.id != id)).expect("ids are unbounded")
    }

    /// Adds a raw idea to step `step`; returns its id.
    pub fn add_idea(&mut self, step: &str, text: &str) -> Id {
        let id = self.fresh_idea_id();
        self.ideas.push(Idea { id: id.clone(), step: step.into(), text: text.into(), ..Idea::default() });
        id
    }

    /// The idea with `id`.
    pub fn idea(&self, id: &str) -> Option<&Idea> {
        self.ideas.iter().find(|x| x.id == id)
    }

    /// The head of the cluster `id` is in (itself when it heads one or stands alone).
    pub fn head_of(&self, id: &str) -> Option<Id> {
        let idea = self.idea(id)?;
        Some(idea.cluster.clone().unwrap_or_else(|| idea.id.clone()))
    }

    /// Merges idea `id` (with its cluster) into the cluster of `into`; refused for the same cluster.
    pub fn merge(&mut self, id: &str, into: &str) -> bool {
        let (Some(from), Some(to)) = (self.head_of(id), self.head_of(into)) else { return false };
        if from == to {
            return false;
        }
        for idea in &mut self.ideas {
            if idea.id == from || idea.cluster.as_deref() == Some(&from) {
                idea.cluster = Some(to.clone());
            }
        }
        true
    }

    /// The ideas of step `step` not yet promoted, as clusters: each head with its members.
    pub fn open_clusters(&self, step: &str) -> Vec<(&Idea, Vec<&Idea>)> {
        let open = |x: &&Idea| x.step == step && x.promoted_to.is_none();
        self.ideas
            .iter()
            .filter(open)
            .filter(|x| x.cluster.is_none())
            .map(|head| (head, self.ideas.iter().filter(open).filter(|x| x.cluster.as_deref() == Some(&head.id)).collect()))
            .collect()
    }

    /// Marks the cluster of `id` promoted to the item `item`; returns the
    /// cluster's text (the head's, the members' after it, joined by "; ").
    pub fn promote(&mut self, id: &str, item: &str) -> Option<String> {
        let head = self.head_of(id)?;
        let mut texts = Vec::new();
        for idea in &mut self.ideas {
            if idea.promoted_to.is_none() && (idea.id == head || idea.cluster.as_deref() == Some(&head)) {
                idea.promoted_to = Some(item.into());
                texts.push((idea.id != head, idea.text.clone()));
            }
        }
        texts.sort_by_key(|(member, _)| *member);
        (!texts.is_empty()).then(|| texts.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("; "))
    }

    /// The ideas nobody promoted, in every step.
    pub fn open_ideas(&self) -> impl Iterator<Item = &Idea> {
        self.ideas.iter().filter(|x| x.promoted_to.is_none())
    }
}

/// A raw idea captured at a step.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Idea {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// Id of the agenda step it was captured at.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub step: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    /// The head of the cluster it was merged into.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub cluster: Option<Id>,
    /// The item it became.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub promoted_to: Option<Id>,
}

/// The time spent on a step, counting while it runs. Times are milliseconds
/// from any clock that only goes forward (the page's `performance.now()`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Timer {
    /// The planned duration.
    pub planned_ms: f64,
    /// Counted before the current run.
    pub counted_ms: f64,
    /// When the current run started; `None` while paused.
    pub since: Option<f64>,
}

impl Timer {
    /// A paused timer of `minutes`, with `spent_seconds` already counted.
    pub fn new(minutes: u32, spent_seconds: u32) -> Self {
        Timer { planned_ms: f64::from(minutes) * 60_000.0, counted_ms: f64::from(spent_seconds) * 1000.0, since: None }
    }

    /// Whether it runs.
    pub fn running(&self) -> bool {
        self.since.is_some()
    }

    /// Starts or pauses it at `now`.
    pub fn toggle(&mut self, now: f64) {
        match self.since.take() {
            Some(since) => self.counted_ms += (now - since).max(0.0),
            None => self.since = Some(now),
        }
    }

    /// The time counted at `now`.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.counted_ms + self.since.map_or(0.0, |since| (now - since).max(0.0))
    }

    /// The planned time left at `now`; negative once over.
    pub fn remaining(&self, now: f64) -> f64 {
        self.planned_ms - self.elapsed(now)
    }

    /// One more minute planned.
    pub fn add_minute(&mut self) {
        self.planned_ms += 60_000.0;
    }

    /// Back to nothing counted, paused.
    pub fn reset(&mut self) {
        self.counted_ms = 0.0;
        self.since = None;
    }

    /// The time left as `m:ss` (`-m:ss` once over).
    pub fn display(&self, now: f64) -> String {
        let left = self.remaining(now);
        let secs = (left.abs() / 1000.0).ceil() as u64;
        let sign = if left < 0.0 && secs > 0 { "-" } else { "" };
        format!("{sign}{}:{:02}", secs / 60, secs % 60)
    }
}

/// How a round's dots are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    /// The facilitator counts the room's dots with +/− per card.
    #[default]
    Tally,
    /// "Pass the laptop": each participant casts a hidden ballot.
    Secret,
}

/// One dot-voting round over some items or ideas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct VoteRound {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// Id of the agenda step it was held at.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub step: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub mode: VoteMode,
    /// Dots per person.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub budget: u32,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub candidates: Vec<Candidate>,
    /// Tally mode: the dots counted per candidate, in the candidates' order.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub tally: Vec<u32>,
    /// Secret mode: one ballot per participant, dots per candidate.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub ballots: Vec<Vec<u32>>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub revealed: bool,
    /// The ids of the candidates kept after the reveal (the top N).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub kept: Vec<Id>,
}

/// Something voted on: an item or an idea, with its label as shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Candidate {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub label: String,
}

/// Why a ballot was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotError {
    /// More dots than the budget.
    OverBudget,
    /// Not one count per candidate.
    WrongLength,
    /// The round is revealed or not secret.
    Closed,
}

impl VoteRound {
    /// A round over `candidates` with `budget` dots per person.
    pub fn new(id: &str, step: &str, mode: VoteMode, budget: u32, candidates: Vec<Candidate>) -> Self {
        let tally = vec![0; candidates.len()];
        VoteRound { id: id.into(), step: step.into(), mode, budget, candidates, tally, ..VoteRound::default() }
    }

    /// Tally mode: one dot more (or less, never below none) for candidate `i`.
    pub fn count(&mut self, i: usize, up: bool) -> bool {
        if self.mode != VoteMode::Tally || self.revealed {
            return false;
        }
        let Some(n) = self.tally.get_mut(i) else { return false };
        if up {
            *n += 1;
        } else if *n > 0 {
            *n -= 1;
        } else {
            return false;
        }
        true
    }

    /// Secret mode: adds a participant's ballot (dots per candidate) within the budget.
    pub fn cast(&mut self, dots: Vec<u32>) -> Result<(), BallotError> {
        if self.mode != VoteMode::Secret || self.revealed {
            return Err(BallotError::Closed);
        }
        if dots.len() != self.candidates.len() {
            return Err(BallotError::WrongLength);
        }
        if dots.iter().sum::<u32>() > self.budget {
            return Err(BallotError::OverBudget);
        }
        self.ballots.push(dots);
        Ok(())
    }

    /// The dots per candidate, in the candidates' order.
    pub fn totals(&self) -> Vec<u32> {
        match self.mode {
            VoteMode::Tally => self.tally.clone(),
            VoteMode::Secret => (0..self.candidates.len()).map(|i| self.ballots.iter().map(|b| b.get(i).copied().unwrap_or(0)).sum()).collect(),
        }
    }

    /// What may be shown: the totals in tally mode and after a reveal; nothing of a secret round before it.
    pub fn visible_totals(&self) -> Option<Vec<u32>> {
        (self.mode == VoteMode::Tally || self.revealed).then(|| self.totals())
    }

    /// The candidates by dots, most first (ties in the candidates' order).
    pub fn ranking(&self) -> Vec<(&Candidate, u32)> {
        let mut out: Vec<(&Candidate, u32)> = self.candidates.iter().zip(self.totals()).collect();
        out.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        out
    }

    /// Reveals the result and keeps the top `n` candidates.
    pub fn reveal(&mut self, n: usize) {
        self.revealed = true;
        self.kept = self.ranking().into_iter().take(n).map(|(c, _)| c.id.clone()).collect();
    }
}

/// A named copy of the strategy taken during the work.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Snapshot {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// "after SWOT", "end of day 1".
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
    /// When it was taken, ISO 8601.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub taken_at: String,
    /// The strategy as it was, without its own snapshots.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub strategy: Box<Strategy>,
}

impl Strategy {
    /// Takes a snapshot named `name` at `taken_at` and keeps it; returns its id.
    pub fn take_snapshot(&mut self, name: &str, taken_at: &str) -> Id {
        let id = (1..).map(|n| format!("snap{n}")).find(|id| self.snapshots.iter().all(|x| &x.id != id)).expect("ids are unbounded");
        let mut copy = self.clone();
        copy.snapshots.clear();
        self.snapshots.push(Snapshot { id: id.clone(), name: name.into(), taken_at: taken_at.into(), strategy: Box::new(copy) });
        id
    }

    /// The snapshot with `id` as a new strategy with id `new_id`, titled
    /// "`title` (`name`)", with no snapshots.
    pub fn restore_snapshot(&self, id: &str, new_id: &str) -> Option<Strategy> {
        let snap = self.snapshots.iter().find(|x| x.id == id)?;
        let mut s = (*snap.strategy).clone();
        s.id = new_id.into();
        s.title = format!("{} ({})", snap.strategy.title, snap.name);
        s.snapshots.clear();
        Some(s)
    }
}

/// What the audience window shows, built by the presenter in its language
/// and sent over the channel as JSON; the audience only draws it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Screen {
    /// The interface language's code (`lv`, `en`).
    pub lang: String,
    /// "Step 3 of 13".
    pub position: String,
    /// The step's name.
    pub heading: String,
    /// Where new items go ("Under: 1. People", "Quadrant: Strengths").
    pub context: String,
    /// The strategy's text the step is about (mission, vision…).
    pub text: String,
    /// That text is locked.
    pub text_locked: bool,
    pub cards: Vec<Card>,
    /// The step's open ideas, a cluster as one.
    pub ideas: Vec<String>,
    pub timer: Timer,
    /// The vote's state ("Ballots cast: 3", "Vote result"); empty when no vote runs.
    pub vote: String,
    /// What a locked card's mark says ("Locked: read-only until unlocked").
    pub locked_label: String,
}

/// One card of the screen: an item of the step, or a vote's candidate.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    /// The item's (or idea's) id.
    pub id: Id,
    pub label: String,
    /// Lines under the label (a goal's results, a value's definition).
    pub detail: Vec<String>,
    pub locked: bool,
    /// The dots counted, when they may be shown.
    pub dots: Option<u32>,
    /// Kept after the vote's reveal.
    pub kept: bool,
}

/// The channel message asking the presenter for the current screen (the
/// audience window is open).
pub const HELLO: &str = "hello";

/// The channel message of an audience window going away.
pub const BYE: &str = "bye";

/// The presenter's channel message asking any open audience window to say
/// [`HELLO`] (after the presenter's page was reloaded).
pub const WHO: &str = "who";

/// The channel message carrying a screen.
pub fn screen_message(screen: &Screen) -> String {
    format!("screen:{}", serde_json::to_string(screen).unwrap_or_default())
}

/// The screen a channel message carries, if it carries one.
pub fn read_screen(message: &str) -> Option<Screen> {
    serde_json::from_str(message.strip_prefix("screen:")?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node, Numbering};

    fn cands(n: usize) -> Vec<Candidate> {
        (0..n).map(|i| Candidate { id: format!("c{i}"), label: format!("C{i}") }).collect()
    }

    #[test]
    fn the_default_agenda_follows_the_declared_levels() {
        let s = Strategy {
            levels: vec![Level::new("line", "Virziens", "Action line", Numbering::Global), Level::new("task", "Uzdevums", "Task", Numbering::Hierarchical)],
            ..Strategy::default()
        };
        let w = Workshop::start(&s);
        let kinds: Vec<(StepKind, &str)> = w.agenda.iter().map(|x| (x.kind, x.level.as_str())).collect();
        assert_eq!(kinds[6..], [(StepKind::Level, "line"), (StepKind::Level, "task"), (StepKind::Indicators, ""), (StepKind::Review, "")]);
        assert_eq!(w.agenda[7].capture(&s), Capture::Node(1));
        assert_eq!(w.agenda[3].capture(&s), Capture::Value);
        assert_eq!(w.agenda.iter().map(|x| x.minutes).sum::<u32>(), 85, "about 90 minutes");
        let ids: std::collections::HashSet<&str> = w.agenda.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids.len(), w.agenda.len(), "step ids are unique");
    }

    #[test]
    fn going_through_the_agenda_skips_skipped_steps_and_reordering_keeps_the_current_one() {
        let mut w = Workshop::start(&Strategy::default());
        w.agenda[1].skipped = true;
        assert!(w.go(true));
        assert_eq!(w.current, 2);
        assert!(w.go(false));
        assert_eq!(w.current, 0);
        assert!(!w.go(false));
        assert!(w.move_step(0, 1));
        assert_eq!((w.current, w.agenda[1].kind), (1, StepKind::Mandate));
        assert!(!w.move_step(0, -1));
        w.current = w.agenda.len() - 1;
        assert!(!w.go(true));
    }

    #[test]
    fn ideas_merge_into_clusters_and_promote_as_one_text() {
        let mut w = Workshop::default();
        let a = w.add_idea("s", "Faster service");
        let b = w.add_idea("s", "Less waiting");
        let c = w.add_idea("s", "Online forms");
        let d = w.add_idea("other", "Elsewhere");
        assert!(w.merge(&b, &a));
        assert!(w.merge(&c, &b), "merging into a member joins its head");
        assert!(!w.merge(&a, &c), "already one cluster");
        let clusters = w.open_clusters("s");
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].1.len(), 2);
        assert_eq!(w.promote(&c, "g7").as_deref(), Some("Faster service; Less waiting; Online forms"));
        assert!(w.open_clusters("s").is_empty());
        assert_eq!(w.open_ideas().map(|x| x.id.clone()).collect::<Vec<_>>(), vec![d]);
    }

    #[test]
    fn tally_counts_up_and_down_never_below_zero() {
        let mut r = VoteRound::new("r1", "s", VoteMode::Tally, 3, cands(3));
        assert!(r.count(1, true) && r.count(1, true) && r.count(2, true));
        assert!(!r.count(0, false));
        assert!(r.count(2, false));
        assert_eq!(r.visible_totals(), Some(vec![0, 2, 0]));
        assert!(r.cast(vec![1, 0, 0]).is_err(), "no ballots in a tallied round");
        r.reveal(1);
        assert_eq!(r.kept, vec!["c1".to_string()]);
        assert!(!r.count(0, true), "closed after the reveal");
    }

    #[test]
    fn secret_ballots_keep_the_budget_and_stay_hidden_until_revealed() {
        let mut r = VoteRound::new("r1", "s", VoteMode::Secret, 3, cands(4));
        assert_eq!(r.cast(vec![2, 1, 0, 0]), Ok(()));
        assert_eq!(r.cast(vec![2, 2, 0, 0]), Err(BallotError::OverBudget));
        assert_eq!(r.cast(vec![1, 1]), Err(BallotError::WrongLength));
        assert_eq!(r.cast(vec![0, 1, 0, 2]), Ok(()));
        assert_eq!(r.cast(vec![0, 0, 3, 0]), Ok(()));
        assert_eq!(r.visible_totals(), None, "hidden before the reveal");
        assert!(!r.count(0, true));
        r.reveal(2);
        assert_eq!(r.visible_totals(), Some(vec![2, 2, 3, 2]));
        let ranking: Vec<(&str, u32)> = r.ranking().into_iter().map(|(c, n)| (c.id.as_str(), n)).collect();
        assert_eq!(ranking, vec![("c2", 3), ("c0", 2), ("c1", 2), ("c3", 2)], "ties keep the candidates' order");
        assert_eq!(r.kept, vec!["c2".to_string(), "c0".to_string()]);
        assert_eq!(r.cast(vec![1, 0, 0, 0]), Err(BallotError::Closed));
    }

    #[test]
    fn the_timer_counts_only_while_running() {
        let mut t = Timer::new(1, 10);
        assert_eq!(t.display(0.0), "0:50");
        t.toggle(1000.0);
        assert!(t.running());
        assert_eq!(t.elapsed(6000.0), 15_000.0);
        t.toggle(6000.0);
        assert_eq!(t.elapsed(60_000.0), 15_000.0, "paused");
        t.add_minute();
        assert_eq!(t.display(60_000.0), "1:45");
        t.toggle(0.0);
        assert_eq!(t.display(120_000.0), "-0:15", "over time");
        t.reset();
        assert_eq!((t.elapsed(999_999.0), t.running()), (0.0, false));
    }

    #[test]
    fn a_locked_node_refuses_edits_removal_and_moves_until_unlocked() {
        use crate::change::Change;
        use crate::walk::{NodeAt, Place};
        let mut s = Strategy {
            items: vec![
                Node { id: "p1".into(), level: "priority".into(), title: "People".into(), ..Node::default() },
                Node { id: "p2".into(), level: "priority".into(), title: "Money".into(), ..Node::default() },
            ],
            ..Strategy::default()
        };
        let place = Place::Node(NodeAt::root().child(0));
        let lock = s.edit_fields(&place, |s| s.items[0].locked = true).expect("locking is an edit");
        assert!(s.edit_fields(&place, |s| s.items[0].title = "Changed".into()).is_none());
        assert_eq!(s.items[0].title, "People", "the refused edit left nothing behind");
        assert!(s.apply(Change::Remove { id: "p1".into() }).is_none());
        assert!(s.apply(Change::MoveBy { id: "p1".into(), delta: 1 }).is_none());
        let mut retitled = s.items[0].clone();
        retitled.title = "Other".into();
        assert!(s.apply(Change::Fields(crate::change::Shell::Node(Box::new(retitled)))).is_none());
        assert!(s.apply(Change::AddChild { parent: Some("p1".into()), id: "g1".into(), title: "Jobs".into() }).is_some(), "children can be added");
        assert!(s.apply(lock).is_some(), "undoing the lock unlocks");
        assert!(!s.items[0].locked);
        assert!(s.edit_fields(&place, |s| s.items[0].title = "Changed".into()).is_some());
    }

    #[test]
    fn snapshots_are_taken_listed_restored_as_new_and_compared() {
        let mut s = Strategy { id: "s1".into(), title: "Plan".into(), ..Strategy::default() };
        s.items.push(Node { id: "p1".into(), level: "priority".into(), title: "People".into(), ..Node::default() });
        let first = s.take_snapshot("after SWOT", "2026-12-01T18:00:00Z");
        s.items.push(Node { id: "p2".into(), level: "priority".into(), title: "Money".into(), locked: true, ..Node::default() });
        let second = s.take_snapshot("end of day 1", "2026-12-01T19:00:00Z");
        assert_eq!(s.snapshots.len(), 2);
        assert!(s.snapshots[1].strategy.snapshots.is_empty(), "no nesting");
        assert!(s.is_locked("p2") && !s.is_locked("p1"));
        let restored = s.restore_snapshot(&first, "s2").expect("restored");
        assert_eq!((restored.id.as_str(), restored.title.as_str(), restored.items.len()), ("s2", "Plan (after SWOT)", 1));
        let a = &s.snapshots[0].strategy;
        let b = &s.snapshots.iter().find(|x| x.id == second).expect("second").strategy;
        let changes = crate::compare::compare(a, b);
        assert_eq!(changes.len(), 1);
        assert_eq!((changes[0].kind, changes[0].id.as_str()), (crate::compare::Kind::Added, "p2"));
        let screen = Screen { heading: "Vision".into(), cards: vec![Card { id: "p2".into(), locked: true, ..Card::default() }], ..Screen::default() };
        assert_eq!(read_screen(&screen_message(&screen)), Some(screen), "a screen crosses the channel whole");
        assert_eq!((read_screen(HELLO), read_screen(BYE), read_screen(WHO)), (None, None, None), "the other messages are no screens");
        let json = crate::format::export(&s);
        let back = crate::format::import(&json).expect("imports").strategy;
        assert_eq!(back.snapshots, s.snapshots, "snapshots travel in the file");
    }
}
