//! A problem found in a file or a strategy: where (a JSON path) and what.

use std::fmt;

use crate::i18n::Lang;
use crate::walk::Flat;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is wrong; the file is refused or the item cannot be used.
    Error,
    /// The data is usable but probably not what was meant.
    Warning,
}

/// One problem, located by its JSON path, e.g.
/// `items[1].children[0].children[2].indicators[0].targets[3].year`.
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

/// Whether the list named `name` holds items with ids: the tree's lists
/// (`items`, `children`, `indicators`) and the flat lists ([`Flat`]).
fn is_item_list(name: &str) -> bool {
    ["items", "children", "indicators"].contains(&name) || Flat::ALL.iter().any(|f| f.path().rsplit('.').next() == Some(name))
}

/// The JSON path of the item a problem path is about (as [`Place::path`]
/// gives it): its longest prefix that ends at an element of an item list, or
/// at the overarching goal (`""` for the strategy itself). E.g.
/// `items[0].children[1].serves[1]` → `items[0].children[1]`.
///
/// [`Place::path`]: crate::walk::Place::path
pub fn item_path(path: &str) -> &str {
    const OVERARCHING: &str = "overarching_goal";
    let mut end = 0;
    if path.strip_prefix(OVERARCHING).is_some_and(|rest| rest.is_empty() || rest.starts_with('.')) {
        end = OVERARCHING.len();
    }
    let mut rest = 0;
    while let Some(open) = path[rest..].find('[').map(|i| i + rest) {
        let Some(close) = path[open..].find(']').map(|i| i + open) else { break };
        let name_start = path[..open].rfind('.').map_or(0, |i| i + 1);
        if is_item_list(&path[name_start..open]) && path[close + 1..].chars().next().is_none_or(|c| c == '.') {
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
        assert_eq!(item_path("items[0].children[1].children[0].serves[1]"), "items[0].children[1].children[0]");
        assert_eq!(item_path("items[0].children[0].indicators[0].targets[3].year"), "items[0].children[0].indicators[0]");
        assert_eq!(item_path("items[2].level"), "items[2]");
        assert_eq!(item_path("overarching_goal.indicators[2].name"), "overarching_goal.indicators[2]");
        assert_eq!(item_path("overarching_goal.children[0].children[1].title"), "overarching_goal.children[0].children[1]");
        assert_eq!(item_path("overarching_goal.level"), "overarching_goal");
        assert_eq!(item_path("overarching_goals"), "");
        assert_eq!(item_path("units[4].id"), "units[4]");
        assert_eq!(item_path("resources.tables[1].rows[0]"), "resources.tables[1]");
        assert_eq!(item_path("glossary[0].short"), "glossary[0]");
        assert_eq!(item_path("levels[1].key"), "");
        assert_eq!(item_path("period"), "");
        assert_eq!(item_path(""), "");
    }
}
