//! Undo and redo. A step is whatever undoes one edit — in the app, the
//! inverse [`crate::change::Change`] of it, the size of the edit. Undoing
//! applies the step and keeps what that returns (the step's own inverse) for
//! redo. Consecutive edits with the same coalescing key (typing in one
//! field) make a single step: the first edit's inverse undoes them all.

use std::collections::VecDeque;

/// How many steps are kept by default.
pub const DEFAULT_LIMIT: usize = 500;

/// The undo and redo stacks of one document.
#[derive(Debug, Clone)]
pub struct History<T> {
    past: VecDeque<T>,
    future: Vec<T>,
    last_key: Option<String>,
    limit: usize,
}

impl<T: Clone> Default for History<T> {
    fn default() -> Self {
        Self::new(DEFAULT_LIMIT)
    }
}

impl<T: Clone> History<T> {
    /// An empty history keeping at most `limit` undo steps.
    pub fn new(limit: usize) -> Self {
        History { past: VecDeque::new(), future: Vec::new(), last_key: None, limit: limit.max(1) }
    }

    /// Records the step that undoes an edit. An edit with the same `key` as the
    /// previous one joins its step; `None` never joins.
    pub fn record(&mut self, before: T, key: Option<&str>) {
        self.future.clear();
        let joins = key.is_some() && key == self.last_key.as_deref();
        self.last_key = key.map(str::to_string);
        if joins && !self.past.is_empty() {
            return;
        }
        if self.past.len() == self.limit {
            self.past.pop_front();
        }
        self.past.push_back(before);
    }

    /// Whether an edit with `key` would join the current step (so its
    /// caller need not make a step at all).
    pub fn joins(&self, key: Option<&str>) -> bool {
        key.is_some() && key == self.last_key.as_deref() && !self.past.is_empty()
    }

    /// Ends the current coalescing step, so the next edit starts a new one.
    pub fn seal(&mut self) {
        self.last_key = None;
    }

    /// Undoes the last step with `apply`, which applies it and returns its
    /// inverse (kept for redo). Returns whether there was a step; a step whose
    /// `apply` gives `None` (it no longer applies) is dropped.
    pub fn undo_with(&mut self, apply: impl FnOnce(T) -> Option<T>) -> bool {
        let Some(step) = self.past.pop_back() else { return false };
        self.last_key = None;
        if let Some(inverse) = apply(step) {
            self.future.push(inverse);
        }
        true
    }

    /// Redoes the last undone step with `apply`, as [`History::undo_with`].
    pub fn redo_with(&mut self, apply: impl FnOnce(T) -> Option<T>) -> bool {
        let Some(step) = self.future.pop() else { return false };
        self.last_key = None;
        if let Some(inverse) = apply(step) {
            self.past.push_back(inverse);
        }
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Forgets everything (another document was opened).
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.last_key = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Undoes one step of a history whose steps are whole earlier states.
    fn undo<T: Clone>(h: &mut History<T>, doc: &mut T) -> bool {
        h.undo_with(|previous| Some(std::mem::replace(doc, previous)))
    }

    fn redo<T: Clone>(h: &mut History<T>, doc: &mut T) -> bool {
        h.redo_with(|next| Some(std::mem::replace(doc, next)))
    }

    #[test]
    fn undo_redo_and_a_new_edit_drops_the_redo_branch() {
        let mut h = History::new(10);
        let mut doc = 0;
        for next in 1..=3 {
            h.record(doc, None);
            doc = next;
        }
        assert!(undo(&mut h, &mut doc) && undo(&mut h, &mut doc));
        assert_eq!(doc, 1);
        assert!(redo(&mut h, &mut doc));
        assert_eq!(doc, 2);
        h.record(doc, None);
        doc = 9;
        assert!(!h.can_redo());
        assert!(undo(&mut h, &mut doc));
        assert_eq!(doc, 2);
    }

    #[test]
    fn steps_are_inverses_applied_to_the_document() {
        // The document is a number; an edit adds to it and its inverse subtracts.
        let mut h: History<i32> = History::new(10);
        let mut doc = 0;
        for add in [1, 2, 3] {
            doc += add;
            h.record(-add, None);
        }
        let apply = |doc: &mut i32, step: i32| {
            *doc += step;
            Some(-step)
        };
        assert!(h.undo_with(|step| apply(&mut doc, step)));
        assert!(h.undo_with(|step| apply(&mut doc, step)));
        assert_eq!(doc, 1);
        assert!(h.redo_with(|step| apply(&mut doc, step)));
        assert_eq!(doc, 3);
        assert!(h.undo_with(|step| apply(&mut doc, step)));
        assert!(h.undo_with(|step| apply(&mut doc, step)));
        assert_eq!(doc, 0);
        assert!(!h.undo_with(|step| apply(&mut doc, step)), "nothing left");
        assert!(!h.undo_with(|_| None));
        assert!(h.redo_with(|_| None), "a step that no longer applies is dropped");
        assert!(h.can_redo());
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new(10);
        let mut text = String::new();
        for c in "mission".chars() {
            assert_eq!(h.joins(Some("mission")), !text.is_empty(), "only the first key makes a step");
            h.record(text.clone(), Some("mission"));
            text.push(c);
        }
        h.record(text.clone(), Some("vision"));
        text.push_str(" | v");
        assert!(undo(&mut h, &mut text));
        assert_eq!(text, "mission");
        assert!(undo(&mut h, &mut text));
        assert_eq!(text, "");
        assert!(!h.can_undo());
    }

    #[test]
    fn keeps_at_least_two_hundred_steps_and_drops_the_oldest_beyond_the_limit() {
        let mut h = History::default();
        let mut doc = 0;
        for next in 1..=600 {
            h.record(doc, None);
            doc = next;
        }
        let mut steps = 0;
        while undo(&mut h, &mut doc) {
            steps += 1;
        }
        assert_eq!(steps, DEFAULT_LIMIT);
        assert!(steps >= 200);
        assert_eq!(doc, 600 - DEFAULT_LIMIT as i32);
    }
}
