//! Migrations of older file versions to the current model. Each is lossless:
//! every field of the old file has its place in the new one (the tests
//! compare them field by field and round-trip random old files).
//!
//! Version 1 → 2: the fixed slots become one tree. Priorities, goals, results
//! and tasks become [`Node`]s at the levels `priority`, `goal`, `result` and
//! `task` (a level only when the file uses it); a goal's results come before
//! its tasks. Numbers come out as version 1 derived them: priorities and
//! goals count across the strategy, results and tasks under their parent.

use crate::model::*;
use crate::v1::{Goal, LevelNames, OverarchingGoal, Priority, ResultItem, StrategyV1, Task};

/// The default name of each version-1 level, and of the indicator.
const V1_LEVELS: [(&str, &str, &str, Numbering); 4] = [
    ("priority", "Prioritāte", "Priority", Numbering::Global),
    ("goal", "Mērķis", "Goal", Numbering::Global),
    ("result", "Sasniedzamais rezultāts", "Result", Numbering::Hierarchical),
    ("task", "Uzdevums", "Task", Numbering::Hierarchical),
];

/// The version-1 strategy as a version-2 one.
pub fn from_v1(s: StrategyV1) -> Strategy {
    let goals = || s.priorities.iter().flat_map(|p| &p.goals);
    let has_results = goals().any(|g| !g.results.is_empty());
    let has_tasks = goals().any(|g| !g.tasks.is_empty() || g.results.iter().any(|r| !r.tasks.is_empty()));
    let typed = |key: &str| -> &str {
        let LevelNames { priority, goal, result, task, .. } = &s.level_names;
        match key {
            "priority" => priority,
            "goal" => goal,
            "result" => result,
            _ => task,
        }
    };
    let levels = V1_LEVELS
        .iter()
        .filter(|(key, ..)| match *key {
            "result" => has_results,
            "task" => has_tasks,
            _ => true,
        })
        .map(|(key, lv, en, numbering)| Level { key: (*key).into(), name: name_from_v1(typed(key), lv, en, s.content_language), numbering: *numbering })
        .collect();
    let indicator_name = name_from_v1(&s.level_names.indicator, "Rādītājs", "Indicator", s.content_language);
    Strategy {
        id: s.id,
        title: s.title,
        institution: s.institution,
        period: s.period,
        content_language: s.content_language,
        foreword: s.foreword,
        mandate: s.mandate,
        mission: s.mission,
        vision: s.vision,
        values: s.values,
        levels,
        indicator_name,
        overarching_goal: s.overarching_goal.map(overarching),
        items: s.priorities.into_iter().map(priority).collect(),
        target_groups: s.target_groups,
        policy_documents: s.policy_documents,
        swot: s.swot,
        risks: s.risks,
        resources: s.resources,
        units: s.units,
        monitoring: s.monitoring,
        evaluations: s.evaluations,
        notes: s.notes,
        ..Strategy::default()
    }
}

/// A version-1 level name (one string, in the content's language, defaulting
/// to the English term) as a name in both languages.
fn name_from_v1(typed: &str, lv: &str, en: &str, language: ContentLanguage) -> Name {
    let mut name = Name::new(lv, en);
    if typed != en {
        match language {
            ContentLanguage::En => name.en = typed.into(),
            ContentLanguage::Lv | ContentLanguage::Both => name.lv = typed.into(),
        }
    }
    name
}

fn overarching(o: OverarchingGoal) -> Node {
    Node { id: o.id, title: o.title, description: o.description, indicators: o.indicators, ..Node::default() }
}

fn priority(p: Priority) -> Node {
    Node {
        id: p.id,
        level: "priority".into(),
        number: p.number,
        title: p.title,
        description: p.description,
        indicators: p.indicators,
        children: p.goals.into_iter().map(goal).collect(),
        ..Node::default()
    }
}

fn goal(g: Goal) -> Node {
    Node {
        id: g.id,
        level: "goal".into(),
        number: g.number,
        title: g.title,
        description: g.purpose,
        indicators: g.indicators,
        children: g.results.into_iter().map(result).chain(g.tasks.into_iter().map(task)).collect(),
        policy_document_ids: g.policy_document_ids,
        swot_ids: g.swot_ids,
        target_group_ids: g.target_group_ids,
        national_indicator_codes: g.national_indicator_codes,
        reports: g.reports,
        ..Node::default()
    }
}

fn result(r: ResultItem) -> Node {
    Node {
        id: r.id,
        level: "result".into(),
        title: r.title,
        description: r.description,
        serves: r.also_serves_goal_ids,
        indicators: r.indicators,
        children: r.tasks.into_iter().map(task).collect(),
        reports: r.reports,
        ..Node::default()
    }
}

fn task(t: Task) -> Node {
    Node {
        id: t.id,
        level: "task".into(),
        number: t.number,
        title: t.text,
        responsible_unit_ids: t.responsible_unit_ids,
        deadline: t.deadline,
        indicators: t.indicators,
        ..Node::default()
    }
}
