//! Visiting the items of a strategy and its links, with their place in the tree and their JSON path.

use crate::model::{Goal, Id, Indicator, Link, Priority, Relevance, Result, Strategy, Task};

/// An indicator with the items it hangs under and its JSON path.
#[derive(Debug, Clone)]
pub struct IndicatorRef<'a> {
    pub priority: Option<&'a Priority>,
    pub goal: Option<&'a Goal>,
    pub result: Option<&'a Result>,
    pub task: Option<&'a Task>,
    pub indicator: &'a Indicator,
    /// e.g. `priorities[0].goals[1].results[0].indicators[2]`.
    pub path: String,
}

/// A goal with its priority and the JSON path of the goal.
#[derive(Debug, Clone)]
pub struct GoalRef<'a> {
    pub priority: &'a Priority,
    pub goal: &'a Goal,
    /// e.g. `priorities[0].goals[1]`.
    pub path: String,
}

/// The items above an indicator list, while walking down the tree.
#[derive(Clone, Copy, Default)]
struct Owners<'a> {
    priority: Option<&'a Priority>,
    goal: Option<&'a Goal>,
    result: Option<&'a Result>,
    task: Option<&'a Task>,
}

fn push_indicators<'a>(out: &mut Vec<IndicatorRef<'a>>, owners: Owners<'a>, list: &'a [Indicator], owner_path: &str) {
    for (i, indicator) in list.iter().enumerate() {
        out.push(IndicatorRef {
            priority: owners.priority,
            goal: owners.goal,
            result: owners.result,
            task: owners.task,
            indicator,
            path: format!("{owner_path}.indicators[{i}]"),
        });
    }
}

fn push_task_indicators<'a>(out: &mut Vec<IndicatorRef<'a>>, owners: Owners<'a>, tasks: &'a [Task], owner_path: &str) {
    for (ti, task) in tasks.iter().enumerate() {
        let owners = Owners { task: Some(task), ..owners };
        push_indicators(out, owners, &task.indicators, &format!("{owner_path}.tasks[{ti}]"));
    }
}

impl Strategy {
    /// Every goal in document order.
    pub fn goal_refs(&self) -> Vec<GoalRef<'_>> {
        let mut out = Vec::new();
        for (pi, priority) in self.priorities.iter().enumerate() {
            for (gi, goal) in priority.goals.iter().enumerate() {
                out.push(GoalRef { priority, goal, path: format!("priorities[{pi}].goals[{gi}]") });
            }
        }
        out
    }

    /// Every indicator in document order, wherever it hangs: the overarching
    /// goal, a priority, a goal, a goal's task, a result or a result's task.
    pub fn indicator_refs(&self) -> Vec<IndicatorRef<'_>> {
        let mut out = Vec::new();
        if let Some(og) = &self.overarching_goal {
            push_indicators(&mut out, Owners::default(), &og.indicators, "overarching_goal");
        }
        for (pi, p) in self.priorities.iter().enumerate() {
            let pp = format!("priorities[{pi}]");
            let owners = Owners { priority: Some(p), ..Owners::default() };
            push_indicators(&mut out, owners, &p.indicators, &pp);
            for (gi, g) in p.goals.iter().enumerate() {
                let gp = format!("{pp}.goals[{gi}]");
                let owners = Owners { goal: Some(g), ..owners };
                push_indicators(&mut out, owners, &g.indicators, &gp);
                push_task_indicators(&mut out, owners, &g.tasks, &gp);
                for (ri, r) in g.results.iter().enumerate() {
                    let rp = format!("{gp}.results[{ri}]");
                    let owners = Owners { result: Some(r), ..owners };
                    push_indicators(&mut out, owners, &r.indicators, &rp);
                    push_task_indicators(&mut out, owners, &r.tasks, &rp);
                }
            }
        }
        out
    }
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Strategy,
    Value,
    OverarchingGoal,
    Priority,
    Goal,
    Result,
    Task,
    Indicator,
    TargetGroup,
    PolicyDocument,
    Swot,
    Risk,
    Table,
    Unit,
    Evaluation,
}

/// An item that holds a list of indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    Overarching,
    Priority(usize),
    Goal(usize, usize),
    GoalTask(usize, usize, usize),
    Result(usize, usize, usize),
    ResultTask(usize, usize, usize, usize),
}

impl Owner {
    /// JSON path of the owner.
    pub fn path(self) -> String {
        match self {
            Owner::Overarching => "overarching_goal".into(),
            Owner::Priority(p) => format!("priorities[{p}]"),
            Owner::Goal(p, g) => format!("priorities[{p}].goals[{g}]"),
            Owner::GoalTask(p, g, t) => format!("priorities[{p}].goals[{g}].tasks[{t}]"),
            Owner::Result(p, g, r) => format!("priorities[{p}].goals[{g}].results[{r}]"),
            Owner::ResultTask(p, g, r, t) => format!("priorities[{p}].goals[{g}].results[{r}].tasks[{t}]"),
        }
    }
}

/// One list of items in a strategy, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListRef {
    Values,
    Priorities,
    Goals(usize),
    Results(usize, usize),
    GoalTasks(usize, usize),
    ResultTasks(usize, usize, usize),
    Indicators(Owner),
    TargetGroups,
    PolicyDocuments,
    Swot,
    Risks,
    Tables,
    Units,
    Evaluations,
}

impl ListRef {
    /// JSON path of the list, e.g. `priorities[0].goals`.
    pub fn path(self) -> String {
        match self {
            ListRef::Values => "values".into(),
            ListRef::Priorities => "priorities".into(),
            ListRef::Goals(p) => format!("priorities[{p}].goals"),
            ListRef::Results(p, g) => format!("priorities[{p}].goals[{g}].results"),
            ListRef::GoalTasks(p, g) => format!("priorities[{p}].goals[{g}].tasks"),
            ListRef::ResultTasks(p, g, r) => format!("priorities[{p}].goals[{g}].results[{r}].tasks"),
            ListRef::Indicators(o) => format!("{}.indicators", o.path()),
            ListRef::TargetGroups => "target_groups".into(),
            ListRef::PolicyDocuments => "policy_documents".into(),
            ListRef::Swot => "swot".into(),
            ListRef::Risks => "risks".into(),
            ListRef::Tables => "resources.tables".into(),
            ListRef::Units => "units".into(),
            ListRef::Evaluations => "evaluations".into(),
        }
    }

    /// The kind of the items in the list.
    pub fn kind(self) -> ItemKind {
        match self {
            ListRef::Values => ItemKind::Value,
            ListRef::Priorities => ItemKind::Priority,
            ListRef::Goals(..) => ItemKind::Goal,
            ListRef::Results(..) => ItemKind::Result,
            ListRef::GoalTasks(..) | ListRef::ResultTasks(..) => ItemKind::Task,
            ListRef::Indicators(..) => ItemKind::Indicator,
            ListRef::TargetGroups => ItemKind::TargetGroup,
            ListRef::PolicyDocuments => ItemKind::PolicyDocument,
            ListRef::Swot => ItemKind::Swot,
            ListRef::Risks => ItemKind::Risk,
            ListRef::Tables => ItemKind::Table,
            ListRef::Units => ItemKind::Unit,
            ListRef::Evaluations => ItemKind::Evaluation,
        }
    }
}

impl Strategy {
    /// Every list of items in the strategy, parents before their children.
    pub fn lists(&self) -> Vec<ListRef> {
        let mut out = vec![ListRef::Values];
        if self.overarching_goal.is_some() {
            out.push(ListRef::Indicators(Owner::Overarching));
        }
        out.push(ListRef::Priorities);
        for (p, priority) in self.priorities.iter().enumerate() {
            out.push(ListRef::Indicators(Owner::Priority(p)));
            out.push(ListRef::Goals(p));
            for (g, goal) in priority.goals.iter().enumerate() {
                out.push(ListRef::Indicators(Owner::Goal(p, g)));
                out.push(ListRef::GoalTasks(p, g));
                out.extend((0..goal.tasks.len()).map(|t| ListRef::Indicators(Owner::GoalTask(p, g, t))));
                out.push(ListRef::Results(p, g));
                for (r, result) in goal.results.iter().enumerate() {
                    out.push(ListRef::Indicators(Owner::Result(p, g, r)));
                    out.push(ListRef::ResultTasks(p, g, r));
                    out.extend((0..result.tasks.len()).map(|t| ListRef::Indicators(Owner::ResultTask(p, g, r, t))));
                }
            }
        }
        out.extend([
            ListRef::TargetGroups,
            ListRef::PolicyDocuments,
            ListRef::Swot,
            ListRef::Risks,
            ListRef::Tables,
            ListRef::Units,
            ListRef::Evaluations,
        ]);
        out
    }

    /// The indicators held by `owner`.
    pub fn indicators_of(&self, owner: Owner) -> Option<&Vec<Indicator>> {
        let pr = |p: usize| self.priorities.get(p);
        let goal = |p: usize, g: usize| pr(p).and_then(|x| x.goals.get(g));
        let result = |p: usize, g: usize, r: usize| goal(p, g).and_then(|x| x.results.get(r));
        match owner {
            Owner::Overarching => self.overarching_goal.as_ref().map(|o| &o.indicators),
            Owner::Priority(p) => pr(p).map(|x| &x.indicators),
            Owner::Goal(p, g) => goal(p, g).map(|x| &x.indicators),
            Owner::GoalTask(p, g, t) => goal(p, g).and_then(|x| x.tasks.get(t)).map(|x| &x.indicators),
            Owner::Result(p, g, r) => result(p, g, r).map(|x| &x.indicators),
            Owner::ResultTask(p, g, r, t) => result(p, g, r).and_then(|x| x.tasks.get(t)).map(|x| &x.indicators),
        }
    }

    /// The ids of the items of a list, in order.
    pub fn ids_in(&self, list: ListRef) -> Vec<&str> {
        fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
            items.iter().map(id).collect()
        }
        let goal = |p: usize, g: usize| self.priorities.get(p).and_then(|x| x.goals.get(g));
        match list {
            ListRef::Values => ids(&self.values, |x| &x.id),
            ListRef::Priorities => ids(&self.priorities, |x| &x.id),
            ListRef::Goals(p) => self.priorities.get(p).map_or(vec![], |x| ids(&x.goals, |x| &x.id)),
            ListRef::Results(p, g) => goal(p, g).map_or(vec![], |x| ids(&x.results, |x| &x.id)),
            ListRef::GoalTasks(p, g) => goal(p, g).map_or(vec![], |x| ids(&x.tasks, |x| &x.id)),
            ListRef::ResultTasks(p, g, r) => {
                goal(p, g).and_then(|x| x.results.get(r)).map_or(vec![], |x| ids(&x.tasks, |x| &x.id))
            }
            ListRef::Indicators(o) => self.indicators_of(o).map_or(vec![], |x| ids(x, |x| &x.id)),
            ListRef::TargetGroups => ids(&self.target_groups, |x| &x.id),
            ListRef::PolicyDocuments => ids(&self.policy_documents, |x| &x.id),
            ListRef::Swot => ids(&self.swot, |x| &x.id),
            ListRef::Risks => ids(&self.risks, |x| &x.id),
            ListRef::Tables => ids(&self.resources.tables, |x| &x.id),
            ListRef::Units => ids(&self.units, |x| &x.id),
            ListRef::Evaluations => ids(&self.evaluations, |x| &x.id),
        }
    }

    /// Every item id with its list and index, in document order (without the
    /// strategy's own id and the overarching goal's).
    pub fn all_ids(&self) -> Vec<(&str, ListRef, usize)> {
        self.lists()
            .into_iter()
            .flat_map(|list| self.ids_in(list).into_iter().enumerate().map(move |(i, id)| (id, list, i)))
            .collect()
    }

    /// Where the item with `id` is.
    pub fn locate(&self, id: &str) -> Option<(ListRef, usize)> {
        self.all_ids().into_iter().find(|(x, ..)| *x == id).map(|(_, list, i)| (list, i))
    }
}

/// Where an id is held: by the strategy itself, the overarching goal, or an item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdAt {
    Strategy,
    OverarchingGoal,
    Item(ListRef, usize),
}

impl IdAt {
    /// JSON path of the item holding the id (`""` for the strategy itself).
    pub fn path(self) -> String {
        match self {
            IdAt::Strategy => String::new(),
            IdAt::OverarchingGoal => "overarching_goal".into(),
            IdAt::Item(list, i) => format!("{}[{i}]", list.path()),
        }
    }

    /// The kind of the item holding the id.
    pub fn kind(self) -> ItemKind {
        match self {
            IdAt::Strategy => ItemKind::Strategy,
            IdAt::OverarchingGoal => ItemKind::OverarchingGoal,
            IdAt::Item(list, _) => list.kind(),
        }
    }
}

/// One id in a link field: where it is and what it may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSite {
    /// JSON path of the id, e.g. `priorities[0].goals[1].results[0].also_serves_goal_ids[1]`.
    pub path: String,
    /// The kinds of item the id may name; any kind when empty.
    pub kinds: &'static [ItemKind],
}

/// Calls `$f(id, LinkSite)` for every id in the list `$ids` (iterated with `$iter`).
macro_rules! link_list {
    ($f:ident, $iter:ident, $ids:expr, $path:expr, $kinds:expr) => {{
        let path = $path;
        for (i, id) in $ids.$iter().enumerate() {
            $f(id, LinkSite { path: format!("{path}[{i}]"), kinds: $kinds });
        }
    }};
}

/// The links of the indicators in `$list`, owned by the item at `$owner` (a path).
macro_rules! indicator_links {
    ($f:ident, $iter:ident, $list:expr, $owner:expr) => {{
        let owner = $owner;
        for (i, ind) in $list.$iter().enumerate() {
            link_list!($f, $iter, ind.responsible_unit_ids, format!("{owner}.indicators[{i}].responsible_unit_ids"), &[ItemKind::Unit]);
        }
    }};
}

/// The links of the tasks in `$list` and of their indicators.
macro_rules! task_links {
    ($f:ident, $iter:ident, $list:expr, $owner:expr) => {{
        let owner = $owner;
        for (t, task) in $list.$iter().enumerate() {
            let tp = format!("{owner}.tasks[{t}]");
            link_list!($f, $iter, task.responsible_unit_ids, format!("{tp}.responsible_unit_ids"), &[ItemKind::Unit]);
            indicator_links!($f, $iter, task.indicators, &tp);
        }
    }};
}

/// The two ends of every matrix cell in `$list`, from one of `$from` to one of `$to`.
macro_rules! matrix_links {
    ($f:ident, $iter:ident, $list:expr, $path:expr, $from:expr, $to:expr) => {{
        let path = $path;
        for (i, link) in $list.$iter().enumerate() {
            let Link { from_id, to_id } = link;
            $f(from_id, LinkSite { path: format!("{path}[{i}].from_id"), kinds: $from });
            $f(to_id, LinkSite { path: format!("{path}[{i}].to_id"), kinds: $to });
        }
    }};
}

/// The one walk over every link field of a strategy, in document order, shared
/// by [`Strategy::for_each_link`] (`iter`) and [`Strategy::for_each_link_mut`] (`iter_mut`).
/// A new link field in the model belongs here, and only here.
macro_rules! walk_links {
    ($s:expr, $f:ident, $iter:ident) => {{
        let s = $s;
        for og in s.overarching_goal.$iter() {
            indicator_links!($f, $iter, og.indicators, "overarching_goal");
        }
        for (pi, p) in s.priorities.$iter().enumerate() {
            let pp = format!("priorities[{pi}]");
            indicator_links!($f, $iter, p.indicators, &pp);
            for (gi, g) in p.goals.$iter().enumerate() {
                let gp = format!("{pp}.goals[{gi}]");
                link_list!($f, $iter, g.policy_document_ids, format!("{gp}.policy_document_ids"), &[ItemKind::PolicyDocument]);
                link_list!($f, $iter, g.swot_ids, format!("{gp}.swot_ids"), &[ItemKind::Swot]);
                link_list!($f, $iter, g.target_group_ids, format!("{gp}.target_group_ids"), &[ItemKind::TargetGroup]);
                indicator_links!($f, $iter, g.indicators, &gp);
                task_links!($f, $iter, g.tasks, &gp);
                for (ri, r) in g.results.$iter().enumerate() {
                    let rp = format!("{gp}.results[{ri}]");
                    link_list!($f, $iter, r.also_serves_goal_ids, format!("{rp}.also_serves_goal_ids"), &[ItemKind::Goal]);
                    indicator_links!($f, $iter, r.indicators, &rp);
                    task_links!($f, $iter, r.tasks, &rp);
                }
            }
        }
        for (i, item) in s.swot.$iter().enumerate() {
            link_list!($f, $iter, item.linked_ids, format!("swot[{i}].linked_ids"), &[]);
        }
        for (ei, e) in s.evaluations.$iter().enumerate() {
            let ep = format!("evaluations[{ei}]");
            matrix_links!($f, $iter, e.values_priorities, format!("{ep}.values_priorities"), &[ItemKind::Value], &[ItemKind::Priority]);
            matrix_links!($f, $iter, e.values_goals, format!("{ep}.values_goals"), &[ItemKind::Value], &[ItemKind::Goal]);
            for (ri, r) in e.relevance.$iter().enumerate() {
                let Relevance { goal_id, .. } = r;
                $f(goal_id, LinkSite { path: format!("{ep}.relevance[{ri}].goal_id"), kinds: &[ItemKind::Goal] });
            }
            matrix_links!($f, $iter, e.coherence, format!("{ep}.coherence"), &[ItemKind::Goal], &[ItemKind::PolicyDocument]);
        }
    }};
}

impl Strategy {
    /// Every id in the strategy with where it is held, in document order: the
    /// strategy's own, the overarching goal's, then those of [`Strategy::all_ids`].
    pub fn every_id(&self) -> Vec<(&str, IdAt)> {
        let own = std::iter::once((self.id.as_str(), IdAt::Strategy));
        let overarching = self.overarching_goal.iter().map(|o| (o.id.as_str(), IdAt::OverarchingGoal));
        let items = self.all_ids().into_iter().map(|(id, list, i)| (id, IdAt::Item(list, i)));
        own.chain(overarching).chain(items).collect()
    }

    /// Calls `f` with every id held in a link field (an id naming another
    /// item), in document order.
    pub fn for_each_link(&self, mut f: impl FnMut(&Id, LinkSite)) {
        walk_links!(self, f, iter)
    }

    /// [`Strategy::for_each_link`], letting `f` change the ids.
    pub fn for_each_link_mut(&mut self, mut f: impl FnMut(&mut Id, LinkSite)) {
        walk_links!(self, f, iter_mut)
    }
}

/// Where every item is, by id: built once per change so lookups are O(1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index(std::collections::HashMap<String, (ListRef, usize)>);

impl Index {
    /// The index of `s`.
    pub fn of(s: &Strategy) -> Self {
        Index(s.all_ids().into_iter().map(|(id, list, i)| (id.to_string(), (list, i))).collect())
    }

    /// Where the item with `id` is.
    pub fn locate(&self, id: &str) -> Option<(ListRef, usize)> {
        self.0.get(id).copied()
    }
}

impl Strategy {
    /// The priority at a location.
    pub fn priority_at(&self, at: (ListRef, usize)) -> Option<&Priority> {
        match at {
            (ListRef::Priorities, p) => self.priorities.get(p),
            _ => None,
        }
    }

    /// The goal at a location.
    pub fn goal_at(&self, at: (ListRef, usize)) -> Option<&Goal> {
        match at {
            (ListRef::Goals(p), g) => self.priorities.get(p)?.goals.get(g),
            _ => None,
        }
    }

    /// The result at a location.
    pub fn result_at(&self, at: (ListRef, usize)) -> Option<&Result> {
        match at {
            (ListRef::Results(p, g), r) => self.priorities.get(p)?.goals.get(g)?.results.get(r),
            _ => None,
        }
    }

    /// The indicator at a location.
    pub fn indicator_at(&self, at: (ListRef, usize)) -> Option<&Indicator> {
        match at {
            (ListRef::Indicators(o), i) => self.indicators_of(o)?.get(i),
            _ => None,
        }
    }
}
