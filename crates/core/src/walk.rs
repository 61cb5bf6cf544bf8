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
