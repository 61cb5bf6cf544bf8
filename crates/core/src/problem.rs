//! A problem found in a file or a strategy: where (a JSON path) and what.

use std::fmt;

use crate::i18n::Lang;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is wrong; the file is refused or the item cannot be used.
    Error,
    /// The data is usable but probably not what was meant.
    Warning,
}

/// One problem, located by its JSON path, e.g.
/// `priorities[1].goals[0].results[2].indicators[0].targets[3].year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: String,
    /// What is wrong, in English (the command line's language).
    pub message: String,
    /// The same in Latvian; empty where there is no translation.
    pub message_lv: String,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { severity: Severity::Error, path: path.into(), message: message.into(), message_lv: String::new() }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { severity: Severity::Warning, path: path.into(), message: message.into(), message_lv: String::new() }
    }

    /// Adds the Latvian message.
    pub fn lv(mut self, message: impl Into<String>) -> Self {
        self.message_lv = message.into();
        self
    }

    /// The message in `lang` (English where there is no Latvian).
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Lv if !self.message_lv.is_empty() => &self.message_lv,
            _ => &self.message,
        }
    }

    /// Whether this problem is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.path.is_empty() {
            write!(f, "{kind}: {}", self.message)
        } else {
            write!(f, "{kind}: {}: {}", self.path, self.message)
        }
    }
}

/// Lists whose elements are items with ids.
const ITEM_LISTS: [&str; 13] = [
    "priorities",
    "goals",
    "results",
    "tasks",
    "indicators",
    "values",
    "target_groups",
    "policy_documents",
    "swot",
    "risks",
    "tables",
    "units",
    "evaluations",
];

/// The JSON path of the item a problem path is about: its longest prefix that
/// ends at an element of an item list (`""` for the strategy itself). E.g.
/// `priorities[0].goals[1].results[0].also_serves_goal_ids[1]` →
/// `priorities[0].goals[1].results[0]`.
pub fn item_path(path: &str) -> &str {
    let mut end = 0;
    let mut rest = 0;
    while let Some(open) = path[rest..].find('[').map(|i| i + rest) {
        let Some(close) = path[open..].find(']').map(|i| i + open) else { break };
        let name_start = path[..open].rfind('.').map_or(0, |i| i + 1);
        if ITEM_LISTS.contains(&&path[name_start..open]) && path[close + 1..].chars().next().is_none_or(|c| c == '.') {
            end = close + 1;
        }
        rest = close + 1;
    }
    &path[..end]
}

#[cfg(test)]
mod tests {
    use super::item_path;

    #[test]
    fn problems_belong_to_the_innermost_item() {
        assert_eq!(item_path("priorities[0].goals[1].results[0].also_serves_goal_ids[1]"), "priorities[0].goals[1].results[0]");
        assert_eq!(item_path("priorities[0].goals[0].results[0].indicators[0].targets[3].year"), "priorities[0].goals[0].results[0].indicators[0]");
        assert_eq!(item_path("overarching_goal.indicators[2].name"), "overarching_goal.indicators[2]");
        assert_eq!(item_path("units[4].id"), "units[4]");
        assert_eq!(item_path("period"), "");
        assert_eq!(item_path(""), "");
    }
}
