//! The version-1 file model, kept only to read old files: fixed slots
//! (priority → goal → result, tasks under goals and results) that
//! [`crate::migrate`] turns into the version-2 tree without losing a field.
//! Nothing else may use these types.

use serde::Deserialize;

use crate::model::*;

/// A whole operational strategy for one period.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct StrategyV1 {
    pub id: Id,
    /// Title of the document, e.g. "Darbības stratēģija 2024–2027".
    pub title: String,
    pub institution: Institution,
    pub period: Period,
    /// Language of the content the user typed (not of the interface).
    pub content_language: ContentLanguage,
    pub foreword: Foreword,
    pub mandate: String,
    pub mission: String,
    pub vision: String,
    pub values: Vec<Value>,
    /// The optional single top goal (virsmērķis).
    pub overarching_goal: Option<OverarchingGoal>,
    /// What this strategy calls each level of its hierarchy.
    pub level_names: LevelNames,
    pub priorities: Vec<Priority>,
    pub target_groups: Vec<TargetGroup>,
    pub policy_documents: Vec<PolicyDocument>,
    pub swot: Vec<SwotItem>,
    pub risks: Vec<Risk>,
    pub resources: Resources,
    pub units: Vec<Unit>,
    pub monitoring: Monitoring,
    pub evaluations: Vec<Evaluation>,
    pub notes: String,
}

/// The single goal above all priorities, when a strategy has one.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct OverarchingGoal {
    pub id: Id,
    pub title: String,
    pub description: String,
    pub indicators: Vec<Indicator>,
}

/// Names of the hierarchy levels as this strategy uses them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct LevelNames {
    pub priority: String,
    pub goal: String,
    pub result: String,
    pub task: String,
    pub indicator: String,
}

impl Default for LevelNames {
    fn default() -> Self {
        LevelNames {
            priority: "Priority".into(),
            goal: "Goal".into(),
            result: "Result".into(),
            task: "Task".into(),
            indicator: "Indicator".into(),
        }
    }
}

/// Where the institution concentrates its resources.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct Priority {
    pub id: Id,
    /// A number fixed by the user; when `None` it is derived from order.
    pub number: Option<String>,
    pub title: String,
    pub description: String,
    pub indicators: Vec<Indicator>,
    pub goals: Vec<Goal>,
}

/// What the institution will do ("Ko darīsim?"); numbered across the strategy.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: Id,
    /// A number fixed by the user; when `None` it is derived from order.
    pub number: Option<String>,
    pub title: String,
    /// The purpose text under the title ("what we will do").
    pub purpose: String,
    /// Ids of policy documents this goal contributes to.
    pub policy_document_ids: Vec<Id>,
    /// Ids of SWOT items this goal addresses.
    pub swot_ids: Vec<Id>,
    /// Ids of target groups this goal serves.
    pub target_group_ids: Vec<Id>,
    /// Codes of national common indicators the goal refers to.
    pub national_indicator_codes: Vec<String>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
    pub results: Vec<ResultItem>,
    /// The evaluation's word on the goal per reporting period (e.g. "results
    /// met, but the goal's wording does not allow judging it").
    pub reports: Vec<Report>,
}

/// first goal and may serve further goals by id.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct ResultItem {
    pub id: Id,
    pub title: String,
    pub description: String,
    /// Ids of goals this result serves besides the goal it is written under.
    pub also_serves_goal_ids: Vec<Id>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
    /// Status and narrative per reporting period, as the annual report gives them.
    pub reports: Vec<Report>,
}

/// A numbered step under a goal or a result.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct Task {
    pub id: Id,
    /// A number fixed by the user; when `None` it is derived from order.
    pub number: Option<String>,
    pub text: String,
    /// Ids of the organisational units responsible.
    pub responsible_unit_ids: Vec<Id>,
    /// Deadline as written ("2025", "2025. gada IV ceturksnis").
    pub deadline: String,
    pub indicators: Vec<Indicator>,
}
