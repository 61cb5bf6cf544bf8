//! Edits the editor makes: adding, removing, reordering and moving items by id.
//! Removing an item also removes every link to it and to what was under it,
//! so no dangling id is ever left behind.

use std::collections::HashSet;

use crate::model::*;
use crate::walk::{IdAt, ListRef, Owner};

/// An item taken out of its list, to be put back elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Value(Value),
    Priority(Priority),
    Goal(Goal),
    Result(Result),
    Task(Task),
    Indicator(Indicator),
    TargetGroup(TargetGroup),
    PolicyDocument(PolicyDocument),
    Swot(SwotItem),
    Risk(Risk),
    Table(Table),
    Unit(Unit),
    Evaluation(Evaluation),
}

/// Runs `$body` with `$v` bound to the `&mut Vec<_>` that `$list` names and
/// `$wrap` to the matching [`Item`] variant; `None` if the list does not exist.
macro_rules! with_list {
    ($s:expr, $list:expr, |$v:ident, $wrap:ident| $body:expr) => {{
        let s: &mut Strategy = $s;
        match $list {
            ListRef::Values => { let $v = &mut s.values; let $wrap = Item::Value; Some($body) }
            ListRef::Priorities => { let $v = &mut s.priorities; let $wrap = Item::Priority; Some($body) }
            ListRef::Goals(p) => s.priorities.get_mut(p).map(|x| { let $v = &mut x.goals; let $wrap = Item::Goal; $body }),
            ListRef::Results(p, g) => goal_mut(s, p, g).map(|x| { let $v = &mut x.results; let $wrap = Item::Result; $body }),
            ListRef::GoalTasks(p, g) => goal_mut(s, p, g).map(|x| { let $v = &mut x.tasks; let $wrap = Item::Task; $body }),
            ListRef::ResultTasks(p, g, r) => goal_mut(s, p, g).and_then(|x| x.results.get_mut(r)).map(|x| { let $v = &mut x.tasks; let $wrap = Item::Task; $body }),
            ListRef::Indicators(o) => indicators_mut(s, o).map(|$v| { let $wrap = Item::Indicator; $body }),
            ListRef::TargetGroups => { let $v = &mut s.target_groups; let $wrap = Item::TargetGroup; Some($body) }
            ListRef::PolicyDocuments => { let $v = &mut s.policy_documents; let $wrap = Item::PolicyDocument; Some($body) }
            ListRef::Swot => { let $v = &mut s.swot; let $wrap = Item::Swot; Some($body) }
            ListRef::Risks => { let $v = &mut s.risks; let $wrap = Item::Risk; Some($body) }
            ListRef::Tables => { let $v = &mut s.resources.tables; let $wrap = Item::Table; Some($body) }
            ListRef::Units => { let $v = &mut s.units; let $wrap = Item::Unit; Some($body) }
            ListRef::Evaluations => { let $v = &mut s.evaluations; let $wrap = Item::Evaluation; Some($body) }
        }
    }};
}

fn goal_mut(s: &mut Strategy, p: usize, g: usize) -> Option<&mut Goal> {
    s.priorities.get_mut(p).and_then(|x| x.goals.get_mut(g))
}

/// The indicator list held by `owner`.
pub fn indicators_mut(s: &mut Strategy, owner: Owner) -> Option<&mut Vec<Indicator>> {
    match owner {
        Owner::Overarching => s.overarching_goal.as_mut().map(|o| &mut o.indicators),
        Owner::Priority(p) => s.priorities.get_mut(p).map(|x| &mut x.indicators),
        Owner::Goal(p, g) => goal_mut(s, p, g).map(|x| &mut x.indicators),
        Owner::GoalTask(p, g, t) => goal_mut(s, p, g).and_then(|x| x.tasks.get_mut(t)).map(|x| &mut x.indicators),
        Owner::Result(p, g, r) => goal_mut(s, p, g).and_then(|x| x.results.get_mut(r)).map(|x| &mut x.indicators),
        Owner::ResultTask(p, g, r, t) => {
            goal_mut(s, p, g).and_then(|x| x.results.get_mut(r)).and_then(|x| x.tasks.get_mut(t)).map(|x| &mut x.indicators)
        }
    }
}

/// Takes `item` out of `list` at `index`.
fn take(s: &mut Strategy, list: ListRef, index: usize) -> Option<Item> {
    with_list!(s, list, |v, _w| (index < v.len()).then(|| _w(v.remove(index)))).flatten()
}

/// Puts `item` into `list` (which must exist) at `index` (clamped); gives it
/// back if the kinds differ.
fn put(s: &mut Strategy, list: ListRef, index: usize, item: Item) -> std::result::Result<(), Box<Item>> {
    fn insert<T>(v: Option<&mut Vec<T>>, index: usize, x: T) {
        let v = v.expect("the list was located just before");
        v.insert(index.min(v.len()), x);
    }
    match (list, item) {
        (ListRef::Values, Item::Value(x)) => insert(Some(&mut s.values), index, x),
        (ListRef::Priorities, Item::Priority(x)) => insert(Some(&mut s.priorities), index, x),
        (ListRef::Goals(p), Item::Goal(x)) => insert(s.priorities.get_mut(p).map(|y| &mut y.goals), index, x),
        (ListRef::Results(p, g), Item::Result(x)) => insert(goal_mut(s, p, g).map(|y| &mut y.results), index, x),
        (ListRef::GoalTasks(p, g), Item::Task(x)) => insert(goal_mut(s, p, g).map(|y| &mut y.tasks), index, x),
        (ListRef::ResultTasks(p, g, r), Item::Task(x)) => {
            insert(goal_mut(s, p, g).and_then(|y| y.results.get_mut(r)).map(|y| &mut y.tasks), index, x)
        }
        (ListRef::Indicators(o), Item::Indicator(x)) => insert(indicators_mut(s, o), index, x),
        (ListRef::TargetGroups, Item::TargetGroup(x)) => insert(Some(&mut s.target_groups), index, x),
        (ListRef::PolicyDocuments, Item::PolicyDocument(x)) => insert(Some(&mut s.policy_documents), index, x),
        (ListRef::Swot, Item::Swot(x)) => insert(Some(&mut s.swot), index, x),
        (ListRef::Risks, Item::Risk(x)) => insert(Some(&mut s.risks), index, x),
        (ListRef::Tables, Item::Table(x)) => insert(Some(&mut s.resources.tables), index, x),
        (ListRef::Units, Item::Unit(x)) => insert(Some(&mut s.units), index, x),
        (ListRef::Evaluations, Item::Evaluation(x)) => insert(Some(&mut s.evaluations), index, x),
        (_, item) => return Err(Box::new(item)),
    }
    Ok(())
}

impl Strategy {
    /// An id with `prefix` not used anywhere in the strategy (`g11`, `i42`…).
    pub fn fresh_id(&self, prefix: &str) -> Id {
        let used: HashSet<&str> = self.all_ids().into_iter().map(|(id, ..)| id).chain([self.id.as_str()]).collect();
        let overarching = self.overarching_goal.as_ref().map(|o| o.id.as_str());
        (1..).map(|n| format!("{prefix}{n}")).find(|id| !used.contains(id.as_str()) && Some(id.as_str()) != overarching).expect("ids are unbounded")
    }

    /// The id held at `at`, to change it (links to it are the caller's concern).
    pub(crate) fn id_mut(&mut self, at: IdAt) -> Option<&mut Id> {
        match at {
            IdAt::Strategy => Some(&mut self.id),
            IdAt::OverarchingGoal => self.overarching_goal.as_mut().map(|o| &mut o.id),
            IdAt::Item(list, index) => with_list!(self, list, |v, _w| v.get_mut(index).map(|x| &mut x.id)).flatten(),
        }
    }

    /// Adds a priority at the end; returns its id.
    pub fn add_priority(&mut self, title: &str) -> Id {
        let id = self.fresh_id("p");
        self.priorities.push(Priority { id: id.clone(), title: title.into(), ..Default::default() });
        id
    }

    /// Adds a goal at the end of a priority; returns its id.
    pub fn add_goal(&mut self, priority_id: &str, title: &str) -> Option<Id> {
        let id = self.fresh_id("g");
        let p = self.priorities.iter_mut().find(|p| p.id == priority_id)?;
        p.goals.push(Goal { id: id.clone(), title: title.into(), ..Default::default() });
        Some(id)
    }

    /// Adds a result at the end of a goal; returns its id.
    pub fn add_result(&mut self, goal_id: &str, title: &str) -> Option<Id> {
        let id = self.fresh_id("r");
        let goal = self.priorities.iter_mut().flat_map(|p| p.goals.iter_mut()).find(|g| g.id == goal_id)?;
        goal.results.push(Result { id: id.clone(), title: title.into(), ..Default::default() });
        Some(id)
    }

    /// Adds an indicator to whatever item `owner_id` names (overarching goal,
    /// priority, goal, result or task); returns its id.
    pub fn add_indicator(&mut self, owner_id: &str, name: &str) -> Option<Id> {
        let owner = self.owner_of_id(owner_id)?;
        let id = self.fresh_id("i");
        indicators_mut(self, owner)?.push(Indicator { id: id.clone(), name: name.into(), ..Default::default() });
        Some(id)
    }

    /// The indicator-holding position of an item.
    fn owner_of_id(&self, id: &str) -> Option<Owner> {
        if self.overarching_goal.as_ref().is_some_and(|o| o.id == id) {
            return Some(Owner::Overarching);
        }
        match self.locate(id)? {
            (ListRef::Priorities, p) => Some(Owner::Priority(p)),
            (ListRef::Goals(p), g) => Some(Owner::Goal(p, g)),
            (ListRef::GoalTasks(p, g), t) => Some(Owner::GoalTask(p, g, t)),
            (ListRef::Results(p, g), r) => Some(Owner::Result(p, g, r)),
            (ListRef::ResultTasks(p, g, r), t) => Some(Owner::ResultTask(p, g, r, t)),
            _ => None,
        }
    }

    /// Removes the item with `id` and everything under it, and every link to
    /// any of them. Returns whether anything was removed.
    pub fn remove_item(&mut self, id: &str) -> bool {
        let Some((list, index)) = self.locate(id) else { return false };
        let before: HashSet<String> = self.all_ids().into_iter().map(|(id, ..)| id.to_string()).collect();
        if take(self, list, index).is_none() {
            return false;
        }
        let after: HashSet<String> = self.all_ids().into_iter().map(|(id, ..)| id.to_string()).collect();
        let gone: HashSet<String> = before.difference(&after).cloned().collect();
        self.drop_links_to(&gone);
        true
    }

    /// Removes every reference to the ids in `gone`.
    fn drop_links_to(&mut self, gone: &HashSet<String>) {
        let keep = |ids: &mut Vec<Id>| ids.retain(|id| !gone.contains(id));
        for p in &mut self.priorities {
            for g in &mut p.goals {
                keep(&mut g.policy_document_ids);
                keep(&mut g.swot_ids);
                keep(&mut g.target_group_ids);
                for t in g.tasks.iter_mut().chain(g.results.iter_mut().flat_map(|r| r.tasks.iter_mut())) {
                    keep(&mut t.responsible_unit_ids);
                }
                for r in &mut g.results {
                    keep(&mut r.also_serves_goal_ids);
                }
            }
        }
        for owner in self.lists().into_iter().filter_map(|l| if let ListRef::Indicators(o) = l { Some(o) } else { None }) {
            for ind in indicators_mut(self, owner).into_iter().flatten() {
                keep(&mut ind.responsible_unit_ids);
            }
        }
        for item in &mut self.swot {
            keep(&mut item.linked_ids);
        }
        for e in &mut self.evaluations {
            for links in [&mut e.values_priorities, &mut e.values_goals, &mut e.coherence] {
                links.retain(|l| !gone.contains(&l.from_id) && !gone.contains(&l.to_id));
            }
            e.relevance.retain(|r| !gone.contains(&r.goal_id));
        }
    }

    /// Moves an item up (`delta < 0`) or down among its siblings. Returns
    /// whether it moved.
    pub fn move_by(&mut self, id: &str, delta: isize) -> bool {
        let Some((list, index)) = self.locate(id) else { return false };
        let len = self.ids_in(list).len();
        let Some(to) = index.checked_add_signed(delta).filter(|to| *to < len) else { return false };
        with_list!(self, list, |v, _w| {
            let item = v.remove(index);
            v.insert(to, item);
        })
        .is_some()
    }

    /// Moves the item `id` to just before the item `before_id`, which may be in
    /// another list of the same kind (a goal into another priority, an
    /// indicator to another result). Returns whether it moved.
    pub fn move_before(&mut self, id: &str, before_id: &str) -> bool {
        if id == before_id {
            return false;
        }
        let (Some((from, i)), Some((to, _))) = (self.locate(id), self.locate(before_id)) else { return false };
        if from.kind() != to.kind() || self.is_inside(before_id, id) {
            return false;
        }
        let Some(item) = take(self, from, i) else { return false };
        // Positions may have shifted by the removal: locate the target again.
        let (to, j) = self.locate(before_id).expect("the target is still there");
        put(self, to, j, item).is_ok()
    }

    /// Moves a goal to the end of another priority.
    pub fn move_goal_to_priority(&mut self, goal_id: &str, priority_id: &str) -> bool {
        let Some((from @ ListRef::Goals(_), i)) = self.locate(goal_id) else { return false };
        let Some(p) = self.priorities.iter().position(|p| p.id == priority_id) else { return false };
        if from == ListRef::Goals(p) {
            return false;
        }
        let Some(item) = take(self, from, i) else { return false };
        put(self, ListRef::Goals(p), usize::MAX, item).is_ok()
    }

    /// Whether the item `inner` lies under the item `outer`.
    fn is_inside(&self, inner: &str, outer: &str) -> bool {
        let (Some((outer_list, o)), Some((inner_list, _))) = (self.locate(outer), self.locate(inner)) else { return false };
        let under_priority = |p: usize| match inner_list {
            ListRef::Goals(x) | ListRef::Results(x, _) | ListRef::GoalTasks(x, _) | ListRef::ResultTasks(x, ..) => x == p,
            ListRef::Indicators(owner) => owner_priority(owner) == Some(p),
            _ => false,
        };
        match outer_list {
            ListRef::Priorities => under_priority(o),
            ListRef::Goals(p) => match inner_list {
                ListRef::Results(x, y) | ListRef::GoalTasks(x, y) | ListRef::ResultTasks(x, y, _) => (x, y) == (p, o),
                ListRef::Indicators(owner) => owner_goal(owner) == Some((p, o)),
                _ => false,
            },
            ListRef::Results(p, g) => match inner_list {
                ListRef::ResultTasks(x, y, z) => (x, y, z) == (p, g, o),
                ListRef::Indicators(Owner::Result(x, y, z) | Owner::ResultTask(x, y, z, _)) => (x, y, z) == (p, g, o),
                _ => false,
            },
            _ => false,
        }
    }

    /// Adds or removes `goal_id` from the goals a result also serves.
    pub fn toggle_result_serves(&mut self, result_id: &str, goal_id: &str) -> bool {
        let Some((ListRef::Results(p, g), r)) = self.locate(result_id) else { return false };
        if self.priorities[p].goals[g].id == goal_id || !matches!(self.locate(goal_id), Some((ListRef::Goals(_), _))) {
            return false;
        }
        let links = &mut self.priorities[p].goals[g].results[r].also_serves_goal_ids;
        match links.iter().position(|x| x == goal_id) {
            Some(i) => {
                links.remove(i);
            }
            None => links.push(goal_id.to_string()),
        }
        true
    }

    /// A copy with a new id and title, for "duplicate" and "import as a copy".
    pub fn duplicate(&self, new_id: &str, new_title: &str) -> Strategy {
        Strategy { id: new_id.into(), title: new_title.into(), ..self.clone() }
    }
}

fn owner_priority(o: Owner) -> Option<usize> {
    match o {
        Owner::Overarching => None,
        Owner::Priority(p) | Owner::Goal(p, _) | Owner::GoalTask(p, ..) | Owner::Result(p, ..) | Owner::ResultTask(p, ..) => Some(p),
    }
}

fn owner_goal(o: Owner) -> Option<(usize, usize)> {
    match o {
        Owner::Goal(p, g) | Owner::GoalTask(p, g, _) | Owner::Result(p, g, _) | Owner::ResultTask(p, g, ..) => Some((p, g)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    fn sample() -> Strategy {
        let mut s = Strategy { id: "s".into(), title: "S".into(), ..Default::default() };
        let p1 = s.add_priority("P1");
        let p2 = s.add_priority("P2");
        let g1 = s.add_goal(&p1, "G1").unwrap();
        let g2 = s.add_goal(&p1, "G2").unwrap();
        let g3 = s.add_goal(&p2, "G3").unwrap();
        let r1 = s.add_result(&g1, "R1").unwrap();
        s.add_indicator(&r1, "I1").unwrap();
        s.add_indicator(&g3, "I2").unwrap();
        s.toggle_result_serves(&r1, &g2);
        s.toggle_result_serves(&r1, &g3);
        s.units.push(Unit { id: "u1".into(), code: "ITD".into(), name: String::new() });
        s.priorities[0].goals[0].results[0].indicators[0].responsible_unit_ids.push("u1".into());
        s
    }

    fn titles(s: &Strategy) -> Vec<Vec<&str>> {
        s.priorities.iter().map(|p| p.goals.iter().map(|g| g.title.as_str()).collect()).collect()
    }

    #[test]
    fn adding_gives_fresh_unique_ids() {
        let s = sample();
        assert_eq!(s.priorities.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["p1", "p2"]);
        assert_eq!(s.fresh_id("g"), "g4");
        assert_eq!(s.priorities[0].goals[0].results[0].also_serves_goal_ids, vec!["g2", "g3"]);
        assert_eq!(validate(&s), vec![]);
    }

    #[test]
    fn removing_drops_children_and_every_link() {
        let mut s = sample();
        assert!(s.remove_item("g3"));
        assert_eq!(titles(&s), vec![vec!["G1", "G2"], vec![]]);
        assert_eq!(s.priorities[0].goals[0].results[0].also_serves_goal_ids, vec!["g2"]);
        assert!(s.remove_item("u1"));
        assert!(s.priorities[0].goals[0].results[0].indicators[0].responsible_unit_ids.is_empty());
        assert!(s.remove_item("p1"));
        assert_eq!(s.locate("i1"), None, "the indicator under the priority went with it");
        assert_eq!(validate(&s), vec![]);
        assert!(!s.remove_item("nope"));
    }

    #[test]
    fn reordering_and_moving_between_parents() {
        let mut s = sample();
        assert!(s.move_by("g2", -1));
        assert_eq!(titles(&s), vec![vec!["G2", "G1"], vec!["G3"]]);
        assert!(!s.move_by("g2", -1), "already first");
        assert!(s.move_before("g1", "g3"));
        assert_eq!(titles(&s), vec![vec!["G2"], vec!["G1", "G3"]]);
        assert!(s.move_goal_to_priority("g3", "p1"));
        assert_eq!(titles(&s), vec![vec!["G2", "G3"], vec!["G1"]]);
        assert!(!s.move_before("g1", "p1"), "a goal cannot go among priorities");
        assert!(s.move_before("i2", "i1"), "an indicator moves to another owner");
        assert_eq!(s.priorities[1].goals[0].results[0].indicators.len(), 2);
        assert!(!s.move_before("p1", "i1"));
        assert_eq!(validate(&s), vec![]);
    }

    #[test]
    fn an_item_cannot_move_inside_itself() {
        let mut s = sample();
        let r2 = s.add_result("g1", "R2").unwrap();
        assert!(!s.is_inside("p1", "g1"));
        assert!(s.is_inside(&r2, "g1"));
        assert!(s.is_inside("i1", "p1"));
        assert!(s.move_before(&r2, "r1"));
        assert_eq!(s.priorities[0].goals[0].results[0].id, r2);
    }

    #[test]
    fn a_result_serves_other_goals_but_not_its_own() {
        let mut s = sample();
        assert!(!s.toggle_result_serves("r1", "g1"));
        assert!(s.toggle_result_serves("r1", "g2"));
        assert_eq!(s.priorities[0].goals[0].results[0].also_serves_goal_ids, vec!["g3"]);
        assert!(!s.toggle_result_serves("r1", "p1"));
    }
}

impl Strategy {
    /// The priority with `id`, to edit.
    pub fn priority_mut(&mut self, id: &str) -> Option<&mut Priority> {
        match self.locate(id)? {
            (ListRef::Priorities, p) => self.priorities.get_mut(p),
            _ => None,
        }
    }

    /// The goal with `id`, to edit.
    pub fn goal_mut(&mut self, id: &str) -> Option<&mut Goal> {
        match self.locate(id)? {
            (ListRef::Goals(p), g) => goal_mut(self, p, g),
            _ => None,
        }
    }

    /// The result with `id`, to edit.
    pub fn result_mut(&mut self, id: &str) -> Option<&mut Result> {
        match self.locate(id)? {
            (ListRef::Results(p, g), r) => goal_mut(self, p, g)?.results.get_mut(r),
            _ => None,
        }
    }

    /// The indicator with `id`, to edit.
    pub fn indicator_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        match self.locate(id)? {
            (ListRef::Indicators(o), i) => indicators_mut(self, o)?.get_mut(i),
            _ => None,
        }
    }
}

/// An item kind that can be found by location (fast, through an index) and
/// edited by id.
pub trait Located: Sized {
    /// The item at a location.
    fn at(s: &Strategy, at: (ListRef, usize)) -> Option<&Self>;
    /// The item with `id`, to edit.
    fn by_id_mut<'a>(s: &'a mut Strategy, id: &str) -> Option<&'a mut Self>;
}

macro_rules! located {
    ($t:ty, $at:ident, $mut:ident) => {
        impl Located for $t {
            fn at(s: &Strategy, at: (ListRef, usize)) -> Option<&Self> {
                s.$at(at)
            }
            fn by_id_mut<'a>(s: &'a mut Strategy, id: &str) -> Option<&'a mut Self> {
                s.$mut(id)
            }
        }
    };
}

located!(Priority, priority_at, priority_mut);
located!(Goal, goal_at, goal_mut);
located!(Result, result_at, result_mut);
located!(Indicator, indicator_at, indicator_mut);

/// An item of one of the strategy's flat lists (values, target groups, policy
/// documents, SWOT, risks, units).
pub trait Listed: Sized {
    /// Prefix of new ids.
    const PREFIX: &'static str;
    fn list(s: &Strategy) -> &Vec<Self>;
    fn list_mut(s: &mut Strategy) -> &mut Vec<Self>;
    fn id(&self) -> &str;
    /// A new empty item with `id`.
    fn with_id(id: Id) -> Self;
}

macro_rules! listed {
    ($t:ident, $field:ident, $prefix:literal) => {
        impl Listed for $t {
            const PREFIX: &'static str = $prefix;
            fn list(s: &Strategy) -> &Vec<Self> {
                &s.$field
            }
            fn list_mut(s: &mut Strategy) -> &mut Vec<Self> {
                &mut s.$field
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn with_id(id: Id) -> Self {
                $t { id, ..Default::default() }
            }
        }
    };
}

listed!(Value, values, "v");
listed!(TargetGroup, target_groups, "tg");
listed!(PolicyDocument, policy_documents, "pd");
listed!(SwotItem, swot, "sw");
listed!(Risk, risks, "rk");
listed!(Unit, units, "u");

impl Strategy {
    /// Adds an empty item to a flat list; returns its id.
    pub fn add_listed<T: Listed>(&mut self) -> Id {
        let id = self.fresh_id(T::PREFIX);
        T::list_mut(self).push(T::with_id(id.clone()));
        id
    }
}
