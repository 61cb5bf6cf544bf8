//! Locked items: what the room agreed on stays as it is until someone unlocks
//! it. The rule: a locked item — a node ([`Node::locked`]), an indicator, a
//! value, a target group or a SWOT item (their `locked`), or the mandate,
//! mission or vision ([`Strategy::locked_texts`]) — refuses every change of
//! its own fields but its unlocking, its removal and its moves, whichever way
//! the change comes: a named [`Change`](crate::change::Change) (checked in
//! `change`), or a whole-strategy edit, which [`Strategy::hold_locks`] holds
//! to the same rule after the fact. A node's children and indicators are
//! items of their own, not locked with it. A locked indicator's actuals are
//! not its definition: monitoring still enters them.

use crate::change::Shell;
use crate::change::ListedItem;
use crate::model::{Id, Indicator, Node, Strategy, StrategyText};
use crate::walk::Place;

impl Strategy {
    /// Whether the item `id` is locked (a node, indicator, value, target group or SWOT item).
    pub fn is_locked(&self, id: &str) -> bool {
        match self.locate(id) {
            Some(Place::Node(at)) => self.node(&at).is_some_and(|n| n.locked),
            Some(place @ Place::Indicator(..)) => self.indicator_at(&place).is_some_and(|i| i.locked),
            _ => {
                self.values.iter().any(|x| x.id == id && x.locked)
                    || self.target_groups.iter().any(|x| x.id == id && x.locked)
                    || self.swot.iter().any(|x| x.id == id && x.locked)
            }
        }
    }

    /// Whether the item `id` is locked or, for a node, holds a locked item
    /// (a node or indicator below it): it may not be removed then.
    pub fn holds_locked(&self, id: &str) -> bool {
        fn any_locked(n: &Node) -> bool {
            n.locked || n.indicators.iter().any(|i| i.locked) || n.children.iter().any(any_locked)
        }
        self.node_by_id(id).map_or_else(|| self.is_locked(id), any_locked)
    }

    /// Whether the strategy's text `text` is locked.
    pub fn text_locked(&self, text: StrategyText) -> bool {
        self.locked_texts.contains(&text)
    }

    /// Locks or unlocks the strategy's text `text`.
    pub fn set_text_locked(&mut self, text: StrategyText, on: bool) {
        self.locked_texts.retain(|t| *t != text);
        if on {
            self.locked_texts.push(text);
        }
    }

    /// Locks or unlocks the item `id`; false when it is no lockable item.
    pub fn set_locked(&mut self, id: &str, on: bool) -> bool {
        let flag = if let Some(n) = self.node_mut(id) {
            &mut n.locked
        } else if let Some(i) = self.indicator_mut(id) {
            &mut i.locked
        } else if let Some(x) = self.values.iter_mut().find(|x| x.id == id) {
            &mut x.locked
        } else if let Some(x) = self.target_groups.iter_mut().find(|x| x.id == id) {
            &mut x.locked
        } else if let Some(x) = self.swot.iter_mut().find(|x| x.id == id) {
            &mut x.locked
        } else {
            return false;
        };
        *flag = on;
        true
    }

    /// The ids of every locked item, in the order of [`Strategy::every_id`].
    pub fn locked_ids(&self) -> Vec<Id> {
        self.every_id().into_iter().filter(|(_, place)| shell_locked(self, place)).map(|(id, _)| id.to_string()).collect()
    }

    /// Holds the locks of `before` over a whole-strategy edit that made
    /// `self` of it: every item locked in `before` and still locked here gets
    /// its own fields back as they were in `before` (a locked item's only
    /// change is being unlocked). Returns how many items it put back, or
    /// `Err` with the id of a locked item the edit removed — then the edit
    /// must be refused as a whole (`self` is left half-held).
    pub fn hold_locks(&mut self, before: &Strategy) -> Result<usize, Id> {
        let mut kept = 0;
        for text in &before.locked_texts {
            if self.text_locked(*text) && text.of(self) != text.of(before) {
                text.of_mut(self).clone_from(text.of(before));
                kept += 1;
            }
        }
        for (id, place) in before.every_id() {
            if !shell_locked(before, &place) {
                continue;
            }
            let Some(now) = self.shell(id) else { return Err(id.to_string()) };
            let Some(mut then) = before.shell_at(&place) else { continue };
            // A node's indicators are items of their own: their edits are
            // not the node's; an indicator's actuals are not its definition.
            match (&mut then, &now) {
                (Shell::Node(t), Shell::Node(n)) => t.indicators.clone_from(&n.indicators),
                (Shell::Indicator(t), Shell::Indicator(n)) => t.actuals.clone_from(&n.actuals),
                _ => {}
            }
            if !locked_shell(&now) || now == then {
                continue;
            }
            self.put_shell(then);
            kept += 1;
        }
        Ok(kept)
    }
}

/// Whether the item at `place` of `s` is locked.
fn shell_locked(s: &Strategy, place: &Place) -> bool {
    match place {
        Place::Node(at) => s.node(at).is_some_and(|n| n.locked),
        Place::Indicator(..) => s.indicator_at(place).is_some_and(|i| i.locked),
        Place::Listed(..) => s.shell_at(place).is_some_and(|shell| locked_shell(&shell)),
        _ => false,
    }
}

/// Whether the own fields in `shell` are those of a locked item.
pub(crate) fn locked_shell(shell: &Shell) -> bool {
    match shell {
        Shell::Node(n) => n.locked,
        Shell::Indicator(i) => i.locked,
        Shell::Listed(item) => match &**item {
            ListedItem::Value(x) => x.locked,
            ListedItem::TargetGroup(x) => x.locked,
            ListedItem::Swot(x) => x.locked,
            _ => false,
        },
        _ => false,
    }
}

/// The same own fields, unlocked.
fn unlocked(shell: &Shell) -> Shell {
    let mut shell = shell.clone();
    match &mut shell {
        Shell::Node(n) => n.locked = false,
        Shell::Indicator(i) => i.locked = false,
        Shell::Listed(item) => match &mut **item {
            ListedItem::Value(x) => x.locked = false,
            ListedItem::TargetGroup(x) => x.locked = false,
            ListedItem::Swot(x) => x.locked = false,
            _ => {}
        },
        _ => {}
    }
    shell
}

/// Whether own fields may go from `before` to `after`: a locked item's only
/// change is being unlocked (a locked indicator's actuals may change too);
/// the strategy's own fields may change but for its locked texts.
pub(crate) fn lock_allows(before: &Shell, after: &Shell) -> bool {
    match (before, after) {
        (Shell::Strategy(b), Shell::Strategy(a)) => b.locked_texts.iter().all(|t| t.of(b) == t.of(a)),
        (Shell::Indicator(b), Shell::Indicator(a)) if b.locked => {
            let b = Shell::Indicator(Box::new(Indicator { actuals: a.actuals.clone(), ..(**b).clone() }));
            *after == b || *after == unlocked(&b)
        }
        _ => !locked_shell(before) || after == before || *after == unlocked(before),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::Change;
    use crate::model::{Node, SwotItem, TargetGroup, Value};
    use crate::walk::Index;

    fn sample() -> Strategy {
        Strategy {
            id: "s".into(),
            values: vec![Value { id: "v1".into(), name: "Openness".into(), locked: true, ..Value::default() }, Value { id: "v2".into(), name: "Care".into(), ..Value::default() }],
            target_groups: vec![TargetGroup { id: "tg1".into(), name: "Families".into(), needs: vec!["Time".into()], locked: true, ..TargetGroup::default() }],
            swot: vec![SwotItem { id: "sw1".into(), text: "Skilled staff".into(), locked: true, ..SwotItem::default() }, SwotItem { id: "sw2".into(), text: "Old IT".into(), ..SwotItem::default() }],
            items: vec![Node { id: "p1".into(), level: "priority".into(), title: "People".into(), locked: true, ..Node::default() }],
            ..Strategy::default()
        }
    }

    #[test]
    fn values_target_groups_and_swot_items_lock_like_nodes() {
        let mut s = sample();
        assert_eq!(s.locked_ids(), ["v1", "p1", "tg1", "sw1"]);
        assert!(s.is_locked("v1") && s.is_locked("tg1") && s.is_locked("sw1") && !s.is_locked("v2") && !s.is_locked("nope"));
        let ix = Index::of(&s);
        for (id, edit) in [
            ("v1", Box::new(|s: &mut Strategy| s.values[0].name = "Changed".into()) as Box<dyn FnOnce(&mut Strategy)>),
            ("tg1", Box::new(|s: &mut Strategy| s.target_groups[0].needs.push("Money".into()))),
            ("sw1", Box::new(|s: &mut Strategy| s.swot[0].linked_ids.push("p1".into()))),
        ] {
            let before = s.clone();
            assert!(s.edit_fields(ix.locate(id).expect("there"), edit).is_none(), "{id}: its own fields are read-only");
            assert_eq!(s, before, "{id}: the refused edit left nothing behind");
            assert!(s.apply(Change::Remove { id: id.into() }).is_none(), "{id}: not removed");
            assert!(s.apply(Change::MoveBy { id: id.into(), delta: 1 }).is_none(), "{id}: not moved");
            let mut shell = s.shell(id).expect("there");
            if let Shell::Listed(item) = &mut shell {
                if let ListedItem::Value(x) = &mut **item {
                    x.definition = "sneaked in".into();
                }
                if let ListedItem::TargetGroup(x) = &mut **item {
                    x.name = "sneaked in".into();
                }
                if let ListedItem::Swot(x) = &mut **item {
                    x.text = "sneaked in".into();
                }
            }
            assert!(s.apply(Change::Fields(shell)).is_none(), "{id}: no field change by shell either");
            assert_eq!(s, before);
        }
        assert!(s.apply(Change::Remove { id: "v2".into() }).is_some(), "an unlocked value goes");
        let relock = s.edit_fields(ix.locate("sw1").expect("there"), |s| {
            s.set_locked("sw1", false);
        });
        assert!(!s.is_locked("sw1"));
        assert!(s.edit_fields(ix.locate("sw1").expect("there"), |s| s.swot[0].text = "Skilled, motivated staff".into()).is_some(), "editable once unlocked");
        assert!(s.apply(relock.expect("unlocking is an edit")).is_some(), "undoing the unlock locks again");
        assert!(s.is_locked("sw1"));
        assert!(!s.set_locked("nope", true), "no such item");
    }

    #[test]
    fn a_whole_strategy_edit_keeps_locked_items_as_they_were() {
        let before = sample();
        let mut s = before.clone();
        // A whole edit that knows nothing of locks: renames everything.
        s.values.iter_mut().for_each(|v| v.name.push('!'));
        s.target_groups[0].name = "Everyone".into();
        s.swot.iter_mut().for_each(|x| x.text.push('!'));
        s.items[0].title = "Changed".into();
        s.items[0].indicators.push(crate::model::Indicator { id: "i1".into(), name: "Pasted".into(), ..Default::default() });
        s.mission = "A mission".into();
        assert_eq!(s.hold_locks(&before), Ok(4), "each locked item put back");
        assert_eq!((s.values[0].name.as_str(), s.values[1].name.as_str()), ("Openness", "Care!"), "the unlocked one keeps the edit");
        assert_eq!((s.target_groups[0].name.as_str(), s.swot[0].text.as_str(), s.swot[1].text.as_str()), ("Families", "Skilled staff", "Old IT!"));
        assert_eq!((s.items[0].title.as_str(), s.mission.as_str()), ("People", "A mission"));
        assert_eq!(s.items[0].indicators.len(), 1, "a locked node's indicators are items of their own, as their own edits are");

        let mut unlocked_and_edited = before.clone();
        unlocked_and_edited.values[0].locked = false;
        unlocked_and_edited.values[0].name = "Open".into();
        assert_eq!(unlocked_and_edited.hold_locks(&before), Ok(0), "an edit that unlocks it explicitly may change it");

        let mut removed = before.clone();
        removed.swot.remove(0);
        assert_eq!(removed.hold_locks(&before), Err("sw1".to_string()), "a locked item removed: refused");

        let mut whole = before.clone();
        let mut next = before.clone();
        next.values[0].name = "Renamed".into();
        next.values[1].name = "Kindness".into();
        let undo = whole.apply(Change::Whole(Box::new(next))).expect("applies, the lock held");
        assert_eq!((whole.values[0].name.as_str(), whole.values[1].name.as_str()), ("Openness", "Kindness"));
        let mut gone = before.clone();
        gone.items.clear();
        let held = whole.clone();
        assert!(whole.apply(Change::Whole(Box::new(gone))).is_none(), "a whole strategy without a locked node is refused");
        assert_eq!(whole, held, "and changed nothing");
        whole.apply(undo).expect("undone");
        assert_eq!(whole, before);
    }

    /// A strategy with a locked indicator (its actuals open) under an
    /// unlocked goal, and a locked mission.
    fn with_indicator() -> Strategy {
        use crate::model::{Actual, Baseline, BaselineValue, ReportingPeriod, Target};
        let indicator = Indicator {
            id: "i1".into(),
            name: "Share of families served".into(),
            baseline: Baseline { text: "40".into(), value: BaselineValue::Number { value: 40.0 }, year: Some(2023), ..Baseline::default() },
            targets: vec![Target { year: Some(2025), text: "50".into(), ..Target::default() }],
            actuals: vec![Actual { period: ReportingPeriod { year: 2024, half: None }, value: Some(42.0), ..Actual::default() }],
            locked: true,
            ..Indicator::default()
        };
        Strategy {
            id: "s".into(),
            mission: "We serve families.".into(),
            vision: "Every family served.".into(),
            locked_texts: vec![StrategyText::Mission],
            items: vec![Node { id: "p1".into(), level: "priority".into(), title: "People".into(), indicators: vec![indicator, Indicator { id: "i2".into(), name: "Open".into(), ..Indicator::default() }], ..Node::default() }],
            ..Strategy::default()
        }
    }

    #[test]
    fn a_locked_indicator_keeps_its_definition_and_takes_actuals() {
        use crate::model::{Actual, ReportingPeriod};
        let mut s = with_indicator();
        assert!(s.is_locked("i1") && !s.is_locked("i2") && !s.is_locked("p1"));
        assert_eq!(s.locked_ids(), ["i1"], "the indicator, not its node");
        let ix = Index::of(&s);
        let at = ix.locate("i1").expect("there").clone();
        let before = s.clone();
        for edit in [
            Box::new(|s: &mut Strategy| s.items[0].indicators[0].name = "Changed".into()) as Box<dyn FnOnce(&mut Strategy)>,
            Box::new(|s: &mut Strategy| s.items[0].indicators[0].targets[0].text = "60".into()),
            Box::new(|s: &mut Strategy| s.items[0].indicators[0].baseline.text = "10".into()),
            // An actual and a target in one edit: the target makes it a change of the definition.
            Box::new(|s: &mut Strategy| {
                s.items[0].indicators[0].actuals.clear();
                s.items[0].indicators[0].targets.clear();
            }),
        ] {
            assert!(s.edit_fields(&at, edit).is_none(), "the definition is read-only");
            assert_eq!(s, before, "the refused edit left nothing behind");
        }
        assert!(s.apply(Change::Remove { id: "i1".into() }).is_none(), "not removed");
        assert!(s.apply(Change::MoveBy { id: "i1".into(), delta: 1 }).is_none(), "not moved");
        assert!(s.apply(Change::MoveIndicatorTo { id: "i1".into(), owner: "p1".into(), index: 1 }).is_none(), "not moved by place either");
        assert!(s.apply(Change::Remove { id: "p1".into() }).is_none(), "nor removed with the node that holds it");
        assert_eq!(s, before);
        // Monitoring enters the 2025 actual; undo takes it out again.
        let undo = s
            .edit_fields(&at, |s| s.items[0].indicators[0].actuals.push(Actual { period: ReportingPeriod { year: 2025, half: None }, value: Some(47.0), ..Actual::default() }))
            .expect("the actuals stay open");
        assert_eq!(s.items[0].indicators[0].actuals.len(), 2);
        s.apply(undo).expect("undone");
        assert_eq!(s, before);
        // Unlocked, it is an indicator like any other.
        assert!(s.edit_fields(&at, |s| s.items[0].indicators[0].locked = false).is_some());
        assert!(s.edit_fields(&at, |s| s.items[0].indicators[0].name = "Families served".into()).is_some());
        assert!(s.apply(Change::Remove { id: "p1".into() }).is_some(), "the node goes once nothing under it is locked");
    }

    #[test]
    fn a_whole_edit_keeps_a_locked_indicator_and_a_locked_text() {
        let before = with_indicator();
        let mut s = before.clone();
        let ind = &mut s.items[0].indicators[0];
        ind.name.push('!');
        ind.targets.clear();
        ind.actuals[0].value = Some(43.0);
        s.items[0].indicators[1].name = "Opened".into();
        s.mission = "Changed".into();
        s.vision = "Changed too".into();
        assert_eq!(s.hold_locks(&before), Ok(2), "the indicator and the mission put back");
        let ind = &s.items[0].indicators[0];
        assert_eq!((ind.name.as_str(), ind.targets.len(), ind.actuals[0].value), ("Share of families served", 1, Some(43.0)), "the definition back, the actual kept");
        assert_eq!((s.items[0].indicators[1].name.as_str(), s.mission.as_str(), s.vision.as_str()), ("Opened", "We serve families.", "Changed too"));

        let mut unlocked = before.clone();
        unlocked.set_text_locked(StrategyText::Mission, false);
        unlocked.mission = "Reworded".into();
        assert_eq!(unlocked.hold_locks(&before), Ok(0), "an edit that unlocks the mission may change it");
        let mut dropped = before.clone();
        dropped.items[0].indicators.remove(0);
        assert_eq!(dropped.hold_locks(&before), Err("i1".to_string()), "a locked indicator removed: refused");
    }

    #[test]
    fn a_locked_text_refuses_its_edits_by_shell_and_keeps_the_rest_open() {
        let mut s = with_indicator();
        assert!(s.text_locked(StrategyText::Mission) && !s.text_locked(StrategyText::Vision));
        let before = s.clone();
        assert!(s.edit_fields(&Place::Strategy, |s| s.mission = "Changed".into()).is_none(), "the mission is read-only");
        assert!(s.edit_fields(&Place::Strategy, |s| {
            s.set_text_locked(StrategyText::Mission, false);
            s.mission = "Changed".into();
        }).is_none(), "unlocking is its only change");
        assert_eq!(s, before);
        assert!(s.edit_fields(&Place::Strategy, |s| s.vision = "Families first.".into()).is_some(), "the vision is open");
        let relock = s.edit_fields(&Place::Strategy, |s| s.set_text_locked(StrategyText::Mission, false)).expect("unlocked");
        let reword = s.edit_fields(&Place::Strategy, |s| s.mission = "We serve every family.".into()).expect("editable once unlocked");
        s.apply(reword).expect("the rewording undone");
        s.apply(relock).expect("the unlock undone");
        assert!(s.text_locked(StrategyText::Mission) && s.mission == before.mission);
        s.set_text_locked(StrategyText::Vision, true);
        s.set_text_locked(StrategyText::Vision, true);
        assert_eq!(s.locked_texts, [StrategyText::Mission, StrategyText::Vision], "each text once");
    }
}
