//! The strategy model (file format version 2): every entity of an operational
//! strategy, as stored in the file. Items carry stable string ids and link to
//! each other by id.
//!
//! The hierarchy is one tree of [`Node`]s whose levels the strategy declares
//! itself ([`Strategy::levels`], two to six, each with its name and numbering
//! rule), because institutions name and nest their levels differently
//! (priority → goal → result, or action direction → task, …). Indicators may
//! hang on any node. Links that cross the tree (a result that serves several
//! goals, a goal addressing a target group) are ids.
//! Every struct defaults its missing fields, so hand-written files may be short.

use serde::{Deserialize, Serialize};

#[cfg(feature = "cli")]
use schemars::JsonSchema;

/// A stable identifier, unique within one strategy (e.g. `"g1"`, `"ind-7f3a"`).
pub type Id = String;

/// A whole operational strategy for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Strategy {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// Title of the document, e.g. "Darbības stratēģija 2024–2027".
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub title: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub institution: Institution,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub period: Period,
    /// Language of the content the user typed (not of the interface).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub content_language: ContentLanguage,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub foreword: Foreword,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub mandate: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub mission: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub vision: String,
    /// The texts of the strategy itself that were agreed: read-only until
    /// unlocked (see `lock`).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub locked_texts: Vec<StrategyText>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub values: Vec<Value>,
    /// The levels of the item tree, top first (two to [`MAX_LEVELS`]).
    pub levels: Vec<Level>,
    /// What this strategy calls an indicator.
    pub indicator_name: Name,
    /// The optional single top goal (virsmērķis) above the top-level items:
    /// its key indicators, and its own children (strategy-level tasks).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub overarching_goal: Option<Node>,
    /// The top-level items (usually the priorities), each with its subtree.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub items: Vec<Node>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub target_groups: Vec<TargetGroup>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub policy_documents: Vec<PolicyDocument>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub swot: Vec<SwotItem>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub risks: Vec<Risk>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub resources: Resources,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub units: Vec<Unit>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub monitoring: Monitoring,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub evaluations: Vec<Evaluation>,
    /// What this strategy calls its target groups ("partneri", "iesaistītās puses").
    pub target_group_name: Name,
    /// The sector and context analysis the strategy rests on.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub context_analysis: String,
    /// How the strategy was drawn up.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub methodology: String,
    /// Abbreviations used in the document (unit codes are expanded with it).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub glossary: Vec<Abbreviation>,
    /// Documents and sources the strategy cites.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub references: Vec<Reference>,
    /// What is left: not the place for whole sections.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub notes: String,
    /// The id of the strategy this one was started from as its next period
    /// ([`crate::carry::next_period`]); compared with it by default.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub source_strategy: Option<Id>,
    /// The workshop run on this strategy: agenda, time spent, ideas, vote rounds.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub workshop: Option<crate::workshop::Workshop>,
    /// Named copies of the strategy taken along the way.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub snapshots: Vec<crate::workshop::Snapshot>,
}

/// A text of the strategy itself that can be locked on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StrategyText {
    Mandate,
    Mission,
    Vision,
}

impl StrategyText {
    /// Every lockable text, in the document's order.
    pub const ALL: [StrategyText; 3] = [StrategyText::Mandate, StrategyText::Mission, StrategyText::Vision];

    /// The text in `s`.
    pub fn of(self, s: &Strategy) -> &String {
        match self {
            StrategyText::Mandate => &s.mandate,
            StrategyText::Mission => &s.mission,
            StrategyText::Vision => &s.vision,
        }
    }

    /// The text in `s`, to edit.
    pub fn of_mut(self, s: &mut Strategy) -> &mut String {
        match self {
            StrategyText::Mandate => &mut s.mandate,
            StrategyText::Mission => &mut s.mission,
            StrategyText::Vision => &mut s.vision,
        }
    }
}

/// One abbreviation of the glossary.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Abbreviation {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// As written in the text ("PDPD").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub short: String,
    /// In full ("Personāla un dokumentu pārvaldības departaments").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub long: String,
}

/// A document or source the strategy cites.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Reference {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub title: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub url: String,
}

impl Default for Strategy {
    /// An empty strategy with the levels most strategies use: priority, goal, result.
    fn default() -> Self {
        Strategy {
            id: Id::new(),
            title: String::new(),
            institution: Institution::default(),
            period: Period::default(),
            content_language: ContentLanguage::default(),
            foreword: Foreword::default(),
            mandate: String::new(),
            mission: String::new(),
            vision: String::new(),
            locked_texts: Vec::new(),
            values: Vec::new(),
            levels: Level::defaults(),
            indicator_name: Name::new("Rādītājs", "Indicator"),
            overarching_goal: None,
            items: Vec::new(),
            target_groups: Vec::new(),
            policy_documents: Vec::new(),
            swot: Vec::new(),
            risks: Vec::new(),
            resources: Resources::default(),
            units: Vec::new(),
            monitoring: Monitoring::default(),
            evaluations: Vec::new(),
            target_group_name: Name::new("Mērķa grupas", "Target groups"),
            context_analysis: String::new(),
            methodology: String::new(),
            glossary: Vec::new(),
            references: Vec::new(),
            notes: String::new(),
            source_strategy: None,
            workshop: None,
            snapshots: Vec::new(),
        }
    }
}

/// The most levels a strategy's tree may have.
pub const MAX_LEVELS: usize = 6;
/// The fewest levels a strategy declares.
pub const MIN_LEVELS: usize = 2;

/// A name in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Name {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub lv: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub en: String,
}

impl Name {
    /// A name given in both languages.
    pub fn new(lv: &str, en: &str) -> Self {
        Name { lv: lv.into(), en: en.into() }
    }
}

/// One level of the item tree: its stable key, its name and how its items are numbered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Level {
    /// Stable key that nodes name their level by (`"priority"`, `"task"`, `"l3"`).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub key: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: Name,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub numbering: Numbering,
}

impl Level {
    /// A level with its key, names and numbering rule.
    pub fn new(key: &str, lv: &str, en: &str, numbering: Numbering) -> Self {
        Level { key: key.into(), name: Name::new(lv, en), numbering }
    }

    /// Priority → goal → result, as most strategies have them.
    pub fn defaults() -> Vec<Level> {
        vec![
            Level::new("priority", "Prioritāte", "Priority", Numbering::Global),
            Level::new("goal", "Mērķis", "Goal", Numbering::Global),
            Level::new("result", "Sasniedzamais rezultāts", "Result", Numbering::Hierarchical),
        ]
    }
}

/// How the items of a level are numbered when no number is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// Across the whole strategy, in document order (goals 1–10).
    Global,
    /// Under the parent's number (`1.2.3`).
    #[default]
    Hierarchical,
}

/// One item of the tree: a priority, goal, result, task or whatever the
/// strategy's levels are called.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Node {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// Key of the node's [`Level`]; empty for the overarching goal.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub level: String,
    /// A number fixed by the user; when `None` it is derived by the level's rule.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub title: String,
    /// The purpose or description under the title.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub description: String,
    /// The item's own goal statement, shown under its title (a priority's goal line).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub goal_statement: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub indicators: Vec<Indicator>,
    /// The items under this one, each at a deeper level.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub children: Vec<Node>,
    /// Ids of further items this one serves besides its parent.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub serves: Vec<Id>,
    /// Ids of policy documents this item contributes to.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub policy_document_ids: Vec<Id>,
    /// Ids of SWOT items this item addresses.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub swot_ids: Vec<Id>,
    /// Ids of target groups this item serves.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub target_group_ids: Vec<Id>,
    /// Ids of the organisational units responsible.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub responsible_unit_ids: Vec<Id>,
    /// Deadline as written ("2025", "2025. gada IV ceturksnis").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub deadline: String,
    /// Codes of national common indicators the item refers to.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub national_indicator_codes: Vec<String>,
    /// Status and narrative per reporting period, as the annual report gives them.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub reports: Vec<Report>,
    /// Agreed and read-only until unlocked: edits of the item's own fields,
    /// its removal and moves are refused (see `change`).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub locked: bool,
}

/// The institution the strategy belongs to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Institution {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
    /// Abbreviation, e.g. "LM".
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub short_name: String,
}

/// The years a strategy covers, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Period {
    pub start_year: i32,
    pub end_year: i32,
}

impl Default for Period {
    fn default() -> Self {
        Period { start_year: 2024, end_year: 2027 }
    }
}

/// Years outside these are taken for typing mistakes (validation reports them).
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

impl Period {
    /// Whether `year` falls within the period.
    pub fn contains(&self, year: i32) -> bool {
        (self.start_year..=self.end_year).contains(&year)
    }

    /// The years of the period in order, within [`PLAUSIBLE_YEARS`]: none
    /// when the period is inverted (start after end, as while a user types a
    /// new start year), and never billions for a mistyped one.
    pub fn years(&self) -> impl Iterator<Item = i32> {
        self.start_year.max(*PLAUSIBLE_YEARS.start())..=self.end_year.min(*PLAUSIBLE_YEARS.end())
    }

    /// `year` moved into the period; an inverted period counts as its start
    /// year alone. Never panics.
    pub fn clamp(&self, year: i32) -> i32 {
        year.min(self.end_year).max(self.start_year)
    }
}

/// Language of the strategy's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentLanguage {
    #[default]
    Lv,
    En,
    Both,
}

/// The foreword and who signed it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Foreword {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub signatory_name: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub signatory_position: String,
}

/// One value of the institution: a name and its definition.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Value {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub definition: String,
    /// Agreed and read-only until unlocked: edits of its own fields, its
    /// removal and moves are refused.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub locked: bool,
}

/// A change that shows how far a goal is reached. It is written under its
/// The annual report's word on a result or goal for one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Report {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub period: ReportingPeriod,
    /// The status set by hand; `None` means computed from the indicators.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub narrative: String,
}

/// How a result, goal or strategy is measured.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Indicator {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
    /// Unit of measurement: "%", "count", "MWh", "EUR", "rating", "yes/no"…
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub unit: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub kind: IndicatorKind,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub direction: Direction,
    /// A key indicator, marked `*` in the documents.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub key: bool,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub baseline: Baseline,
    /// Targets per year; a year may have none.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub targets: Vec<Target>,
    /// The target for the end of the period, when the document states one.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub final_target: Option<Target>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub data_source: String,
    /// Ids of the organisational units responsible.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub responsible_unit_ids: Vec<Id>,
    /// How often it is measured ("once a year", "twice a year").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub frequency: String,
    /// Calculation rules and remarks.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub footnote: String,
    /// Measured values, one per reporting period.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub actuals: Vec<Actual>,
    /// Agreed: its definition, baseline and targets are read-only until
    /// unlocked, and it is neither removed nor moved; its actuals stay open
    /// to monitoring (see `lock`).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub locked: bool,
}

/// What sort of measure an indicator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A number.
    #[default]
    Quantitative,
    /// Done or not done.
    Milestone,
    /// A rating on a scale.
    Qualitative,
}

/// Which way the indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Unspecified,
    Increase,
    Decrease,
    Keep,
    Reach,
}

/// The starting value of an indicator: the verbatim text and its parsed form.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Baseline {
    /// Exactly as written in the document ("348,29 MWh", "N/a", "Mērījums no 2026. gada").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub value: BaselineValue,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub year: Option<i32>,
    /// Unit when it differs from the indicator's.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub unit: Option<String>,
    /// The id of the strategy whose last actual this baseline was carried
    /// from when the next period was started ([`crate::carry::next_period`]).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub carried_from: Option<Id>,
}

/// Parsed form of a baseline.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BaselineValue {
    /// Nothing parsed (yet): only the text is known.
    #[default]
    Unknown,
    Number { value: f64 },
    /// A number with an operator, e.g. "≥ 80".
    Bound { condition: Condition },
    /// A word such as "completed" or "started".
    Word { word: String },
    NotAvailable,
    /// First measured in the given year.
    MeasuredFrom { year: i32 },
    /// A stage of work such as "uzsākts" (started) or "pabeigts" (completed).
    Stage { stage: Stage },
    /// A frequency, e.g. "2x gadā" (twice a year).
    Times { count: u32, per: Frequency },
}

/// A target for one year, or the final target: verbatim text and parsed conditions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Target {
    /// The year the target applies to; for a final target the period's last year when `None`.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub year: Option<i32>,
    /// Exactly as written ("≤ 11 %", "x", "2x", "+5 %", "≥ 20 % / ≥ 40 %").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    /// Parsed conditions; empty when the text could not be parsed. A compound
    /// cell gives several conditions, all of which must hold.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub conditions: Vec<Condition>,
}

/// One parsed target condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// `≥ value`
    AtLeast { value: f64 },
    /// `> value`
    MoreThan { value: f64 },
    /// `≤ value`
    AtMost { value: f64 },
    /// `< value`
    LessThan { value: f64 },
    /// `= value`
    Equal { value: f64 },
    /// `min–max`, both inclusive.
    Range { min: f64, max: f64 },
    /// Not above the baseline.
    DoesNotIncrease,
    /// Not below the baseline.
    DoesNotDecrease,
    /// Equal to the baseline.
    Unchanged,
    /// Above the baseline.
    Increases,
    /// Below the baseline.
    Decreases,
    /// A milestone done in (or by) the given year.
    DoneIn { year: i32 },
    /// At least `count` times per `per` ("2x" a year).
    AtLeastTimes { count: u32, per: Frequency },
    /// A change relative to the baseline in percent: `+5` means at least 5 % above,
    /// `-2` at least 2 % below.
    RelativeChange { percent: f64 },
    /// A rating not lower than the given level (qualitative indicators).
    RatingAtLeast { level: String },
    /// A change in percent against the previous year or a named year
    /// ("+5 % pret iepriekšējo gadu"); `+5` means at least 5 % above, `-2` at least 2 % below.
    PercentChange { percent: f64, against: Against },
    /// A change in the indicator's own units ("+2" = the reference value + 2);
    /// positive means at least that much above, negative at least that much below.
    Increment { amount: f64, against: Against },
    /// The inner condition holds for the sum of the actuals from the first
    /// target year up to the year ("5 (kopā 15)": 15 in total).
    Cumulative { condition: Box<Condition> },
    /// A milestone stage reached in (or by) the year: "pabeigts" (completed),
    /// "uzsākts" (started); a later stage counts too. `None`: the target's year.
    StageReached { stage: Stage, year: Option<i32> },
    /// The baseline is first measured in the given year
    /// ("bāzes vērtība tiks noteikta 2025. gadā").
    BaselineSetIn { year: i32 },
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Against {
    /// The indicator's baseline.
    #[default]
    Baseline,
    /// The actual of the year before ("pret iepriekšējo gadu").
    PreviousYear,
    /// The actual of a named year ("pret 2023. gadu"), or the baseline when it is of that year.
    Year { year: i32 },
}

/// A stage of work on a milestone, from first to last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// "sagatavošana": being prepared.
    InPreparation,
    /// "uzsākts": started.
    Started,
    /// "turpina darbu": work continues.
    Continues,
    /// "pabeigts": completed (the same as done).
    Completed,
}

impl Stage {
    /// Every stage, first to last.
    pub const ALL: [Stage; 4] = [Stage::InPreparation, Stage::Started, Stage::Continues, Stage::Completed];
}

/// The period a frequency target counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    #[default]
    Year,
    HalfYear,
    Quarter,
    Month,
}

/// A measured value of an indicator for one reporting period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Actual {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub period: ReportingPeriod,
    /// Exactly as entered.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    /// The number, for quantitative indicators.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub value: Option<f64>,
    /// Done or not, for milestones.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub done: Option<bool>,
    /// The level reached, for qualitative indicators.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub rating: Option<String>,
    /// Date of measurement, ISO `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub date: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub comment: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub evidence_url: String,
    /// A status set by hand instead of the computed one.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub status_override: Option<StatusOverride>,
}

/// A year, or one half of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct ReportingPeriod {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub year: i32,
    /// `Some(1)` or `Some(2)` for a half-year; `None` for the whole year.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub half: Option<u8>,
}

impl ReportingPeriod {
    /// The whole of `year`.
    pub fn year(year: i32) -> Self {
        ReportingPeriod { year, half: None }
    }
}

impl std::fmt::Display for ReportingPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.half {
            Some(h) => write!(f, "{}-H{}", self.year, h),
            None => write!(f, "{}", self.year),
        }
    }
}

/// A status set by hand, with the reason for it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct StatusOverride {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub status: Status,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub reason: String,
}

/// The status of an indicator, result, goal or priority for a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// IZPILDĪTS
    Achieved,
    /// Not yet at the target but moving towards it.
    OnTrack,
    /// PROCESĀ with doubts: not moving towards the target.
    AtRisk,
    /// NEIZPILDĪTS
    NotAchieved,
    /// A measurement was due and none was entered (or it cannot be judged).
    #[default]
    NoData,
    /// The period has not ended yet.
    NotYetDue,
}

/// A group the institution serves, with its needs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct TargetGroup {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub needs: Vec<String>,
    /// What the group wants from the institution, beside its needs.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub interests: Vec<String>,
    /// Agreed and read-only until unlocked: edits of its own fields, its
    /// removal and moves are refused.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub locked: bool,
}

/// A national, sector or institution planning document the goals contribute to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct PolicyDocument {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub title: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub level: PolicyLevel,
    /// Where the document is published.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub url: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub themes: Vec<String>,
}

/// The level a policy planning document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyLevel {
    /// International or European Union.
    International,
    #[default]
    National,
    Sector,
    Institution,
}

/// One SWOT item or environment factor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct SwotItem {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub kind: SwotKind,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    /// Points that detail the item, as the documents list them under it.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub sub_items: Vec<String>,
    /// Ids of the nodes (any level) this item is linked to.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub linked_ids: Vec<Id>,
    /// Agreed and read-only until unlocked: edits of its own fields, its
    /// removal and moves are refused.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub locked: bool,
}

/// The quadrant of a SWOT item, or the kind of environment factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SwotKind {
    #[default]
    Strength,
    Weakness,
    Opportunity,
    Threat,
    /// Internal environment, enabling factor.
    InternalEnabling,
    /// Internal environment, hindering factor.
    InternalHindering,
    /// External environment, enabling factor.
    ExternalEnabling,
    /// External environment, hindering factor.
    ExternalHindering,
}

/// A risk to the strategy and how it is mitigated.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Risk {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub description: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub kind: RiskKind,
    /// Who watches the risk (a person, position or unit), when named.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub owner: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub likelihood: Rating,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub impact: Rating,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub mitigation: String,
}

/// Whether a risk comes from inside the institution or from outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    #[default]
    Unspecified,
    Internal,
    External,
}

/// Low / medium / high, as risk tables rate likelihood and impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    #[default]
    Unrated,
    Low,
    Medium,
    High,
}

/// Human, financial and technical resources.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Resources {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub human: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub financial: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub technical: String,
    /// Small tables (staff by age, budget by year…).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub tables: Vec<Table>,
}

/// A small table: a caption, column headers and rows of cells.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Table {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub caption: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub columns: Vec<String>,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub rows: Vec<Vec<String>>,
}

/// An organisational unit of the institution.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Unit {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// Abbreviation as the documents use it ("PDPD", "ITD").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub code: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
}

/// How implementation is organised and reviewed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Monitoring {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
    /// How often progress is reviewed ("twice a year").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub review_frequency: String,
}

/// An annual or final evaluation of the strategy.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Evaluation {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub year: i32,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub kind: EvaluationKind,
    /// Mission criteria: original, fundamental, appealing, memorable.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub mission_criteria: Vec<Criterion>,
    /// Vision criteria: future-oriented, directive, ambitious, descriptive.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub vision_criteria: Vec<Criterion>,
    /// Which values support which priorities.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub values_priorities: Vec<Link>,
    /// Which values support which goals.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub values_goals: Vec<Link>,
    /// Relevance of each goal as a traffic light.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub relevance: Vec<Relevance>,
    /// Free text on effectiveness; the N-of-M count is computed from statuses.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub effectiveness: String,
    /// Which goals contribute to which policy documents.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub coherence: Vec<Link>,
    /// Recommendations for the next period, one an item. Older files hold
    /// one text; it is read as one item a line ("- " bullets stripped).
    #[serde(skip_serializing_if = "crate::format::omit", deserialize_with = "recommendations_from_text_or_list")]
    #[cfg_attr(feature = "cli", schemars(schema_with = "recommendations_schema"))]
    pub recommendations: Vec<String>,
    /// The values survey's figures (respondents, shares that agree …), as a small table.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub values_survey: Vec<SurveyFigure>,
    /// What the values survey was and what it concludes, around its figures.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub values_survey_note: String,
}

/// One figure of a survey: what was asked or counted, and the answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct SurveyFigure {
    /// Unique within its evaluation (a row key, not linked from elsewhere).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub id: Id,
    /// The statement or count ("informēti par ministrijas vērtībām").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub label: String,
    /// The number, when the figure is one.
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub value: Option<f64>,
    /// The unit of the number ("%", "respondenti").
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub unit: String,
    /// The answer in words, for a figure that is not a number (or beside it).
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub text: String,
}

/// Splits the one-text recommendations of older files into items: one a
/// line, a leading "- ", "• " or "■ " stripped; a line that is not a bullet
/// continues the bullet before it (text before the first bullet is an item).
pub fn split_recommendations(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_bullets = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let bullet = ["- ", "• ", "■ ", "* "].iter().find_map(|b| line.strip_prefix(b));
        match (bullet, out.last_mut()) {
            (Some(item), _) => {
                in_bullets = true;
                out.push(item.trim().to_string());
            }
            (None, Some(last)) if in_bullets => {
                last.push(' ');
                last.push_str(line);
            }
            (None, _) => out.push(line.to_string()),
        }
    }
    out
}

/// Reads `recommendations` as a list, or as the one text older files hold.
fn recommendations_from_text_or_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum TextOrList {
        Text(String),
        List(Vec<String>),
    }
    Ok(match TextOrList::deserialize(d)? {
        TextOrList::Text(text) => split_recommendations(&text),
        TextOrList::List(list) => list,
    })
}

/// The schema of `recommendations`: a list of texts, or one text in older files.
#[cfg(feature = "cli")]
fn recommendations_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "Recommendations for the next period, one an item. Older files hold one text, read as one item a line.",
        "anyOf": [
            { "type": "array", "items": { "type": "string" } },
            { "type": "string" }
        ]
    })
}

/// Annual or end-of-period evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvaluationKind {
    #[default]
    Annual,
    Final,
}

/// One evaluation criterion: met or not, and why.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Criterion {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub name: String,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub met: bool,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub reasoning: String,
}

/// One marked cell of a matrix: `from` (a value or goal id) relates to `to`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Link {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub from_id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub to_id: Id,
}

/// Relevance of one goal's results.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(default)]
pub struct Relevance {
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub goal_id: Id,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub light: TrafficLight,
    #[serde(skip_serializing_if = "crate::format::omit")]
    pub reasoning: String,
}

/// Green: results fit; orange: could be more precise; red: only partly fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrafficLight {
    #[default]
    Green,
    Orange,
    Red,
}
