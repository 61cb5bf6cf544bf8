//! Which ids are safe, and fresh ids for those that are not.
//!
//! **The rule:** an id is 1 to 64 ASCII letters, digits, `-`, `_` and `.`, and
//! starts with a letter or a digit (`g1`, `lm-2024-2027`, `s-lz3k9a1b2c`).
//!
//! Ids end up in CSS selectors, storage keys, URL hashes, SVG attributes and
//! file names, so they are restricted at the source: validation reports every
//! other id as an error, and [`replace_unsafe_ids`] renames such ids and
//! rewrites every link to them.

use std::collections::{HashMap, HashSet};

use crate::edit::Listed;
use crate::model::{Abbreviation, Id, PolicyDocument, Reference, Risk, Strategy, SwotItem, TargetGroup, Unit, Value};
use crate::walk::{Flat, NodeAt, Place};

/// The longest safe id, in bytes (all of them ASCII).
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` follows the rule of this module.
pub fn is_safe_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() <= MAX_ID_LEN
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// How many characters of an id [`shown_id`] keeps.
const SHOWN_CHARS: usize = 40;

/// An id as a message may show it, whatever it holds: its first 40
/// characters, with control and other invisible characters, quotes and
/// backslashes escaped (`\n`, `\"`, `\u{202e}`), and `…` when cut.
pub fn shown_id(id: &str) -> String {
    let mut chars = id.chars();
    let head: String = chars.by_ref().take(SHOWN_CHARS).collect();
    let mut out = head.escape_debug().to_string();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// The prefix of fresh ids for the item at `place`, as the editor makes
/// them: a node's is the first letter of its level's key (`g` for a goal,
/// `n` when the key starts with no letter), the overarching goal's `og`.
fn prefix(s: &Strategy, place: &Place) -> String {
    let fixed = match place {
        Place::Strategy => "s-",
        Place::Node(at) if *at == NodeAt::overarching() => "og",
        Place::Node(at) => return crate::edit::id_prefix(s.node(at).map_or("", |n| n.level.as_str())),
        Place::Indicator(..) => "i",
        Place::Listed(list, _) => match list {
            Flat::Values => Value::PREFIX,
            Flat::TargetGroups => TargetGroup::PREFIX,
            Flat::PolicyDocuments => PolicyDocument::PREFIX,
            Flat::Swot => SwotItem::PREFIX,
            Flat::Risks => Risk::PREFIX,
            Flat::Tables => "tbl",
            Flat::Units => Unit::PREFIX,
            Flat::Evaluations => "ev",
            Flat::Glossary => Abbreviation::PREFIX,
            Flat::References => Reference::PREFIX,
        },
    };
    fixed.into()
}

/// Gives every item whose id is not safe a fresh one and rewrites every link
/// to it. Returns the (old, new) pairs in document order.
///
/// A fresh id is the item kind's prefix and the lowest number that no item
/// and no link uses yet (`g4`, `u2`, `s-1`), so the result depends only on the
/// strategy. Links follow validation's reading: they go to the first item with
/// an id, and a blank id is never linked, so links to it are left as they are.
pub fn replace_unsafe_ids(s: &mut Strategy) -> Vec<(Id, Id)> {
    let mut used: HashSet<String> = s.every_id().into_iter().map(|(id, _)| id.to_string()).collect();
    s.for_each_link(|id, _| {
        used.insert(id.clone());
    });
    let mut renamed: HashMap<Id, Id> = HashMap::new();
    let mut changes = Vec::new();
    for (id, at) in s.every_id() {
        if is_safe_id(id) {
            continue;
        }
        let prefix = prefix(s, &at);
        let new = (1..).map(|n| format!("{prefix}{n}")).find(|x| !used.contains(x)).expect("numbers are unbounded");
        used.insert(new.clone());
        if !id.trim().is_empty() && !renamed.contains_key(id) {
            renamed.insert(id.to_string(), new.clone());
        }
        changes.push((at, id.to_string(), new));
    }
    s.for_each_link_mut(|id, _| {
        if let Some(new) = renamed.get(id.as_str()) {
            id.clone_from(new);
        }
    });
    changes
        .into_iter()
        .map(|(at, old, new)| {
            *s.id_mut(&at).expect("the id was just listed at this place") = new.clone();
            (old, new)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_ids_are_cut_and_escaped() {
        assert_eq!(shown_id("g1"), "g1");
        assert_eq!(shown_id("a\nb\"c\\\u{7}\u{202e}"), "a\\nb\\\"c\\\\\\u{7}\\u{202e}");
        assert_eq!(shown_id(&"x".repeat(41)), format!("{}…", "x".repeat(40)));
        assert_eq!(shown_id(&"ā".repeat(40)), "ā".repeat(40));
    }
}
