//! Numbers of priorities, goals and tasks, derived from order unless fixed by the user.
//! Goals are numbered across the whole strategy (1–10), tasks under their goal
//! (`4.2`) or under their goal's result (`4.1.2`).

use std::collections::HashMap;

use crate::model::{Id, Strategy, Task};

/// The displayed number of every priority, goal and task, by id.
pub fn numbers(strategy: &Strategy) -> HashMap<Id, String> {
    let mut out = HashMap::new();
    let mut goal_counter = 0;
    let put_tasks = |out: &mut HashMap<Id, String>, tasks: &[Task], prefix: &str| {
        for (ti, t) in tasks.iter().enumerate() {
            out.insert(t.id.clone(), t.number.clone().unwrap_or_else(|| format!("{prefix}.{}", ti + 1)));
        }
    };
    for (pi, p) in strategy.priorities.iter().enumerate() {
        out.insert(p.id.clone(), p.number.clone().unwrap_or_else(|| (pi + 1).to_string()));
        for g in &p.goals {
            goal_counter += 1;
            let number = g.number.clone().unwrap_or_else(|| goal_counter.to_string());
            put_tasks(&mut out, &g.tasks, &number);
            for (ri, r) in g.results.iter().enumerate() {
                put_tasks(&mut out, &r.tasks, &format!("{number}.{}", ri + 1));
            }
            out.insert(g.id.clone(), number);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, Priority, Result};

    fn task(id: &str) -> Task {
        Task { id: id.into(), ..Default::default() }
    }

    #[test]
    fn goals_count_across_priorities_and_fixed_numbers_win() {
        let goal = |id: &str, tasks: Vec<Task>, results: Vec<Result>| Goal { id: id.into(), tasks, results, ..Default::default() };
        let s = Strategy {
            priorities: vec![
                Priority { id: "p1".into(), goals: vec![goal("g1", vec![task("t1"), task("t2")], vec![]), goal("g2", vec![], vec![])], ..Default::default() },
                Priority {
                    id: "p2".into(),
                    number: Some("B".into()),
                    goals: vec![goal("g3", vec![], vec![Result { id: "r1".into(), tasks: vec![task("t3")], ..Default::default() }])],
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let n = numbers(&s);
        let get = |id: &str| n[id].as_str();
        assert_eq!((get("p1"), get("p2")), ("1", "B"));
        assert_eq!((get("g1"), get("g2"), get("g3")), ("1", "2", "3"));
        assert_eq!((get("t1"), get("t2"), get("t3")), ("1.1", "1.2", "3.1.1"));
        let mut fixed = s.clone();
        fixed.priorities[0].goals[1].number = Some("2a".into());
        assert_eq!(numbers(&fixed)["g2"], "2a");
        assert_eq!(numbers(&fixed)["g3"], "3", "a fixed number does not shift the others");
    }
}
