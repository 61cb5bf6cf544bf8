//! Visiting the items of a strategy with their place in the tree and their JSON path.

use crate::model::{Goal, Indicator, Priority, Result, Strategy, Task};

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
