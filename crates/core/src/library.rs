//! The library of strategies kept in the browser, written against a small
//! key-value [`Store`] so the same logic runs on local storage in the app and
//! on memory in host tests.
//!
//! # Storage layout, version 1
//! - `strategy-studio:v1:meta:<id>`: [`Meta`] as JSON (what the library lists);
//! - `strategy-studio:v1:doc:<id>`: the strategy in the file format ([`crate::export`]);
//! - `strategy-studio:v1:corrupt:<id>`: the raw text of an entry that could not be read,
//!   kept aside and never overwritten;
//! - `strategy-studio:v1:settings`: [`Settings`] as JSON.
//!
//! Every save bumps the strategy's revision and names its writer (a tab). A
//! save whose [`Base`] (the revision and writer it last read or wrote) is not
//! the stored one — another tab saved in between, even at the same revision —
//! is refused as a conflict. The meta records the document's size, so the
//! listing notices a damaged document without reading it, and the revision
//! last exported to a file. A document written by a newer Strategy Studio is
//! listed as such and never kept aside or overwritten.
//!
//! The layout's version is not the file format's: a document keeps the
//! format of its last save. One saved by an older Strategy Studio (format
//! version 1, fixed priority → goal → result slots) is migrated to the tree
//! when read, and stored in the current version at its next save.

use serde::{Deserialize, Serialize};

use crate::format::{export, import, newer_version};
use crate::i18n::Lang;
use crate::model::{Id, Strategy};
use crate::problem::Problem;

/// Prefix of every key this app writes.
pub const PREFIX: &str = "strategy-studio:v1:";

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full.
    QuotaExceeded,
    /// Storage is unavailable or refused the write for another reason.
    Other(String),
}

/// A key-value store of strings: the browser's local storage, or memory in tests.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> std::result::Result<(), StoreError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// The size of the stored value in this store's own unit, without
    /// reading it where the store allows (local storage: UTF-16 code units).
    fn size(&self, key: &str) -> Option<usize> {
        self.get(key).map(|v| self.measure(&v))
    }
    /// The size `value` takes in this store, in the unit of [`Store::size`].
    fn measure(&self, value: &str) -> usize {
        value.len()
    }
}

/// What the library shows of a strategy without loading it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    pub id: Id,
    pub title: String,
    pub institution: String,
    pub start_year: i32,
    pub end_year: i32,
    /// When it was last saved, ISO 8601.
    pub updated: String,
    /// Counts saves; used to notice another tab's writes.
    pub revision: u64,
    /// The tab that saved it last.
    pub writer: String,
    /// The stored document's size ([`Store::measure`]); 0 when unknown.
    pub doc_size: usize,
    /// The revision last exported to a file (0: never).
    pub exported_revision: u64,
}

impl Meta {
    fn of(s: &Strategy, updated: &str, revision: u64, writer: &str) -> Self {
        Meta {
            id: s.id.clone(),
            title: s.title.clone(),
            institution: s.institution.name.clone(),
            start_year: s.period.start_year,
            end_year: s.period.end_year,
            updated: updated.to_string(),
            revision,
            writer: writer.to_string(),
            doc_size: 0,
            exported_revision: 0,
        }
    }

    /// Whether it changed since it was last exported to a file (or never was).
    pub fn unexported(&self) -> bool {
        self.revision > self.exported_revision
    }

    /// The base a writer holds after reading or writing this meta.
    pub fn base(&self) -> Base {
        Base { revision: self.revision, writer: self.writer.clone() }
    }
}

/// The stored version a save expects to replace: its revision and writer.
/// `Base::default()` (revision 0) expects no stored strategy with that id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Base {
    pub revision: u64,
    pub writer: String,
}

/// Settings of this browser.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
}

/// A library entry: readable, damaged with its raw text kept aside, or
/// written by a newer Strategy Studio (left as it is).
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Ok(Meta),
    Damaged { id: Id, reason: String },
    Newer { id: Id, version: u32 },
}

impl Entry {
    /// The id of the strategy.
    pub fn id(&self) -> &str {
        match self {
            Entry::Ok(m) => &m.id,
            Entry::Damaged { id, .. } | Entry::Newer { id, .. } => id,
        }
    }
}

/// A strategy read from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub strategy: Strategy,
    pub meta: Meta,
    pub problems: Vec<Problem>,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved this strategy since we read it; theirs is `Meta`.
    Conflict(Box<Meta>),
}

fn meta_key(id: &str) -> String {
    format!("{PREFIX}meta:{id}")
}

fn doc_key(id: &str) -> String {
    format!("{PREFIX}doc:{id}")
}

/// The key of the kept-aside raw text of a damaged entry.
pub fn corrupt_key(id: &str) -> String {
    format!("{PREFIX}corrupt:{id}")
}

const SETTINGS_KEY: &str = "strategy-studio:v1:settings";

/// The id of the strategy a storage key belongs to, if it is a document key.
pub fn doc_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix("doc:")
}

/// The id of the strategy a storage key belongs to, if it is a meta key.
/// The meta is written after the document, so a change to it means a whole
/// save by another tab has landed.
pub fn meta_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix("meta:")
}

/// Reads the settings, or the defaults.
pub fn settings(store: &(impl Store + ?Sized)) -> Settings {
    store.get(SETTINGS_KEY).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
}

/// Writes the settings.
pub fn save_settings(store: &(impl Store + ?Sized), settings: &Settings) -> std::result::Result<(), StoreError> {
    store.set(SETTINGS_KEY, &serde_json::to_string(settings).expect("settings serialise"))
}

/// Every strategy in the store, most recently changed first.
pub fn list(store: &(impl Store + ?Sized)) -> Vec<Entry> {
    let mut ids: Vec<String> = store
        .keys()
        .iter()
        .filter_map(|k| doc_id_of_key(k).map(str::to_string))
        .collect();
    ids.sort();
    let mut entries: Vec<Entry> = ids
        .into_iter()
        .map(|id| match store.get(&meta_key(&id)).and_then(|m| serde_json::from_str::<Meta>(&m).ok()) {
            // The document has the size its meta recorded: taken as sound
            // without reading it (opening it reads it fully).
            Some(meta) if meta.doc_size == 0 || store.size(&doc_key(&id)) == Some(meta.doc_size) => Entry::Ok(meta),
            // A document without readable meta, or not the one its meta
            // describes: read the document itself.
            _ => match load(store, &id) {
                Ok(l) => Entry::Ok(l.meta),
                Err(reason) => match stored_newer(store, &id) {
                    Some(version) => Entry::Newer { id, version },
                    None => Entry::Damaged { id, reason },
                },
            },
        })
        .collect();
    entries.sort_by(|a, b| match (a, b) {
        (Entry::Ok(a), Entry::Ok(b)) => b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)),
        (_, Entry::Ok(_)) => std::cmp::Ordering::Less,
        (Entry::Ok(_), _) => std::cmp::Ordering::Greater,
        (a, b) => a.id().cmp(b.id()),
    });
    entries
}

/// Reads a strategy. A document that cannot be read is copied aside (once,
/// never overwritten) and the reason returned; the original stays in place.
pub fn load(store: &(impl Store + ?Sized), id: &str) -> std::result::Result<Loaded, String> {
    let Some(text) = store.get(&doc_key(id)) else {
        return Err(format!("no strategy \"{id}\" is stored in this browser"));
    };
    match import(&text) {
        Ok(imported) => {
            let stored_meta = store.get(&meta_key(id)).and_then(|m| serde_json::from_str::<Meta>(&m).ok());
            let meta = match stored_meta {
                Some(m) => m,
                None => Meta::of(&imported.strategy, "", 0, ""),
            };
            Ok(Loaded { strategy: imported.strategy, meta, problems: imported.problems })
        }
        Err(problems) => {
            // A newer version's document is not damaged: it is left as it is.
            if newer_version(&text).is_none() && store.get(&corrupt_key(id)).is_none() {
                // Best effort: when storage is full the original still stays in place.
                let _ = store.set(&corrupt_key(id), &text);
            }
            let reason = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
            Err(reason)
        }
    }
}

/// The format version of the stored document of `id` when a newer Strategy
/// Studio wrote it: this version must not overwrite it.
pub fn stored_newer(store: &(impl Store + ?Sized), id: &str) -> Option<u32> {
    store.get(&doc_key(id)).as_deref().and_then(newer_version)
}

/// What is stored under `id`, read without side effects (unlike [`load`],
/// which keeps a damaged document aside): its meta, or for a document
/// without one what the document says, or only its id when it cannot be read.
pub fn existing(store: &(impl Store + ?Sized), id: &str) -> Option<Meta> {
    if let Some(meta) = stored_meta(store, id) {
        return Some(meta);
    }
    let text = store.get(&doc_key(id))?;
    Some(match import(&text) {
        Ok(imported) => Meta::of(&imported.strategy, "", 0, ""),
        Err(_) => Meta { id: id.to_string(), ..Default::default() },
    })
}

/// The stored meta of a strategy, if it is stored.
pub fn stored_meta(store: &(impl Store + ?Sized), id: &str) -> Option<Meta> {
    store.get(&meta_key(id)).and_then(|m| serde_json::from_str(&m).ok())
}

/// Saves a strategy over the stored version `base` (the default for a new
/// one). Returns the new meta. Refuses with [`SaveError::Conflict`] when the
/// stored version is another (another writer saved in between), and never
/// leaves a half-written entry: the document is written before its meta.
pub fn save(
    store: &(impl Store + ?Sized),
    strategy: &Strategy,
    base: &Base,
    updated: &str,
    writer: &str,
) -> std::result::Result<Meta, SaveError> {
    let stored = stored_meta(store, &strategy.id);
    if let Some(stored) = &stored {
        if stored.base() != *base {
            return Err(SaveError::Conflict(Box::new(stored.clone())));
        }
    }
    let text = export(strategy);
    let mut meta = Meta::of(strategy, updated, base.revision + 1, writer);
    meta.exported_revision = stored.map_or(0, |m| m.exported_revision);
    meta.doc_size = store.measure(&text);
    store.set(&doc_key(&strategy.id), &text).map_err(SaveError::Store)?;
    if let Err(e) = store.set(&meta_key(&strategy.id), &serde_json::to_string(&meta).expect("meta serialises")) {
        if base.revision == 0 {
            // A new strategy is stored whole or not at all.
            store.remove(&doc_key(&strategy.id));
        }
        return Err(SaveError::Store(e));
    }
    Ok(meta)
}

/// Records that the stored strategy `id` at `revision` was exported to a
/// file; nothing happens when the stored one is another revision.
pub fn mark_exported(store: &(impl Store + ?Sized), id: &str, revision: u64) -> std::result::Result<(), StoreError> {
    match stored_meta(store, id) {
        Some(mut meta) if meta.revision == revision => {
            meta.exported_revision = revision;
            store.set(&meta_key(id), &serde_json::to_string(&meta).expect("meta serialises"))
        }
        _ => Ok(()),
    }
}

/// Removes a strategy (its document and meta; a kept-aside copy stays).
pub fn delete(store: &(impl Store + ?Sized), id: &str) {
    store.remove(&doc_key(id));
    store.remove(&meta_key(id));
}

/// The raw stored text of a strategy, for downloading a damaged entry.
pub fn raw(store: &(impl Store + ?Sized), id: &str) -> Option<String> {
    store.get(&corrupt_key(id)).or_else(|| store.get(&doc_key(id)))
}

/// An in-memory [`Store`] with an optional size limit, for tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    pub items: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    /// Total characters allowed (keys + values); `None` for no limit.
    pub quota: Option<usize>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> std::result::Result<(), StoreError> {
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = items.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        items.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strategy(id: &str, title: &str) -> Strategy {
        Strategy { id: id.into(), title: title.into(), ..Default::default() }
    }

    fn base(revision: u64, writer: &str) -> Base {
        Base { revision, writer: writer.into() }
    }

    const NEW: &Base = &Base { revision: 0, writer: String::new() };

    #[test]
    fn save_list_load_delete() {
        let store = MemoryStore::default();
        assert_eq!(list(&store), vec![]);
        let m1 = save(&store, &strategy("a", "Alpha"), NEW, "2026-01-01T10:00:00Z", "tab1").unwrap();
        assert_eq!(m1.revision, 1);
        save(&store, &strategy("b", "Beta"), NEW, "2026-01-02T10:00:00Z", "tab1").unwrap();
        let titles: Vec<String> = list(&store).iter().map(|e| match e { Entry::Ok(m) => m.title.clone(), _ => panic!() }).collect();
        assert_eq!(titles, vec!["Beta", "Alpha"], "most recent first");
        let loaded = load(&store, "a").unwrap();
        assert_eq!(loaded.strategy.title, "Alpha");
        assert_eq!(loaded.meta.revision, 1);
        delete(&store, "a");
        assert_eq!(list(&store).len(), 1);
        assert!(load(&store, "a").unwrap_err().contains("no strategy \"a\""));
    }

    #[test]
    fn another_writer_in_between_is_a_conflict_and_nothing_is_overwritten() {
        let store = MemoryStore::default();
        save(&store, &strategy("a", "Mine"), NEW, "t1", "tab1").unwrap();
        save(&store, &strategy("a", "Theirs"), &base(1, "tab1"), "t2", "tab2").unwrap();
        // tab1 still thinks its revision 1 is stored.
        match save(&store, &strategy("a", "Mine again"), &base(1, "tab1"), "t3", "tab1") {
            Err(SaveError::Conflict(theirs)) => assert_eq!((theirs.revision, theirs.writer.as_str()), (2, "tab2")),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Theirs");
        // Taking their version as the base allows saving again.
        save(&store, &strategy("a", "Merged"), &base(2, "tab2"), "t4", "tab1").unwrap();
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Merged");
    }

    #[test]
    fn two_writers_from_the_same_base_cannot_both_pass() {
        // Both tabs read revision 1 and save at once: they would both write
        // revision 2, so the revision alone cannot tell them apart.
        let store = MemoryStore::default();
        let first = save(&store, &strategy("a", "Shared"), NEW, "t1", "tab1").unwrap();
        save(&store, &strategy("a", "Tab 2"), &first.base(), "t2", "tab2").unwrap();
        match save(&store, &strategy("a", "Tab 3"), &first.base(), "t2", "tab3") {
            Err(SaveError::Conflict(theirs)) => assert_eq!((theirs.revision, theirs.writer.as_str()), (2, "tab2")),
            other => panic!("expected a conflict, got {other:?}"),
        }
        // Nor can a tab save over a same-numbered revision another tab wrote.
        assert!(matches!(save(&store, &strategy("a", "Tab 3"), &base(2, "tab3"), "t3", "tab3"), Err(SaveError::Conflict(_))));
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Tab 2");
    }

    #[test]
    fn a_new_strategy_cannot_take_a_stored_id() {
        let store = MemoryStore::default();
        save(&store, &strategy("a", "First"), NEW, "t1", "tab1").unwrap();
        assert!(matches!(save(&store, &strategy("a", "Second"), NEW, "t2", "tab1"), Err(SaveError::Conflict(_))));
    }

    #[test]
    fn a_document_that_does_not_match_its_meta_is_listed_as_damaged() {
        let store = MemoryStore::default();
        let meta = save(&store, &strategy("a", "Sound"), NEW, "t1", "tab").unwrap();
        assert_eq!(meta.doc_size, store.get(&doc_key("a")).unwrap().len());
        assert!(matches!(&list(&store)[0], Entry::Ok(m) if m.title == "Sound"));
        // The document is cut short; its meta is intact.
        let text = store.get(&doc_key("a")).unwrap();
        store.set(&doc_key("a"), &text[..text.len() / 2]).unwrap();
        assert!(matches!(&list(&store)[0], Entry::Damaged { id, reason } if id == "a" && reason.contains("ends too early")), "{:?}", list(&store));
        // A document rewritten whole (say by an older version) that still reads is listed as sound.
        let mut other = strategy("a", "Rewritten");
        other.notes = "longer".into();
        store.set(&doc_key("a"), &export(&other)).unwrap();
        assert!(matches!(&list(&store)[0], Entry::Ok(_)));
    }

    #[test]
    fn a_new_strategy_whose_meta_does_not_fit_is_not_half_stored() {
        let text = export(&strategy("a", "Fits"));
        // Room for the document but not for its meta as well.
        let store = MemoryStore { quota: Some(text.len() + doc_key("a").len() + 20), ..Default::default() };
        assert_eq!(save(&store, &strategy("a", "Fits"), NEW, "t1", "tab"), Err(SaveError::Store(StoreError::QuotaExceeded)));
        assert_eq!(store.keys(), Vec::<String>::new());
    }

    #[test]
    fn a_full_quota_is_reported_and_the_stored_copy_is_intact() {
        let store = MemoryStore { quota: Some(3_000), ..Default::default() };
        save(&store, &strategy("a", "Small"), NEW, "t1", "tab").unwrap();
        let mut big = strategy("a", "Big");
        big.notes = "x".repeat(5_000);
        assert_eq!(save(&store, &big, &base(1, "tab"), "t2", "tab"), Err(SaveError::Store(StoreError::QuotaExceeded)));
        let stored = load(&store, "a").unwrap();
        assert_eq!((stored.strategy.title.as_str(), stored.meta.revision), ("Small", 1));
    }

    #[test]
    fn a_corrupt_entry_is_kept_aside_and_reported() {
        let store = MemoryStore::default();
        save(&store, &strategy("good", "Good"), NEW, "t1", "tab").unwrap();
        store.set(&doc_key("bad"), "{\"format\": \"strategy-studio\", \"version\": 1, \"strat").unwrap();
        let entries = list(&store);
        assert!(matches!(&entries[0], Entry::Damaged { id, reason } if id == "bad" && reason.contains("ends too early")), "{entries:?}");
        assert_eq!(store.get(&corrupt_key("bad")).unwrap(), "{\"format\": \"strategy-studio\", \"version\": 1, \"strat");
        // The original stays, and a later different text never overwrites the kept copy.
        assert!(store.get(&doc_key("bad")).is_some());
        store.set(&doc_key("bad"), "garbage").unwrap();
        let _ = load(&store, "bad");
        assert!(store.get(&corrupt_key("bad")).unwrap().contains("strat"));
        assert!(raw(&store, "bad").unwrap().contains("strat"));
        assert!(matches!(&entries[1], Entry::Ok(m) if m.id == "good"));
    }

    #[test]
    fn settings_round_trip_and_default() {
        let store = MemoryStore::default();
        assert_eq!(settings(&store).lang, Lang::Lv);
        save_settings(&store, &Settings { lang: Lang::En }).unwrap();
        assert_eq!(settings(&store).lang, Lang::En);
        store.set(SETTINGS_KEY, "not json").unwrap();
        assert_eq!(settings(&store).lang, Lang::Lv, "unreadable settings fall back to defaults");
    }

    #[test]
    fn what_exists_is_read_without_writing() {
        let store = MemoryStore::default();
        assert_eq!(existing(&store, "a"), None);
        save(&store, &strategy("a", "Alpha"), NEW, "t1", "tab").unwrap();
        assert_eq!(existing(&store, "a").map(|m| m.title), Some("Alpha".into()));
        store.set(&doc_key("bad"), "{ damaged").unwrap();
        let before = store.keys();
        assert_eq!(existing(&store, "bad").map(|m| m.id), Some("bad".into()));
        assert_eq!(store.keys(), before, "nothing kept aside or written");
    }

    #[test]
    fn a_document_of_a_newer_version_is_listed_as_such_and_not_kept_aside() {
        let store = MemoryStore::default();
        store.set(&doc_key("n"), r#"{"format": "strategy-studio", "version": 9, "strategy": {"id": "n", "shape": "new"}}"#).unwrap();
        assert_eq!(list(&store), vec![Entry::Newer { id: "n".into(), version: 9 }]);
        assert!(load(&store, "n").unwrap_err().contains("newer"));
        assert_eq!(store.get(&corrupt_key("n")), None, "not copied aside as if damaged");
        assert_eq!(stored_newer(&store, "n"), Some(9));
        save(&store, &strategy("a", "Mine"), NEW, "t", "tab").unwrap();
        assert_eq!(stored_newer(&store, "a"), None);
    }

    #[test]
    fn an_export_is_remembered_until_the_next_change() {
        let store = MemoryStore::default();
        let first = save(&store, &strategy("a", "Alpha"), NEW, "t1", "tab").unwrap();
        assert!(first.unexported(), "never exported");
        mark_exported(&store, "a", first.revision).unwrap();
        let marked = stored_meta(&store, "a").unwrap();
        assert!(!marked.unexported());
        assert_eq!(marked.base(), first.base(), "marking is not a save: other tabs see no conflict");
        mark_exported(&store, "a", 99).unwrap();
        assert_eq!(stored_meta(&store, "a").unwrap().exported_revision, 1, "another revision is not marked");
        let second = save(&store, &strategy("a", "Alpha 2"), &marked.base(), "t2", "tab").unwrap();
        assert!(second.unexported(), "changed since the export");
        assert_eq!(second.exported_revision, 1);
    }

    #[test]
    fn a_document_saved_in_format_version_1_is_read_as_a_tree_and_saved_in_the_current_version() {
        let store = MemoryStore::default();
        let old = r#"{"format": "strategy-studio", "version": 1, "strategy": {"id": "a", "title": "Old",
            "priorities": [{"id": "p1", "goals": [{"id": "g1", "purpose": "Why", "results": [{"id": "r1", "also_serves_goal_ids": ["g1"]}]}]}]}}"#;
        store.set(&doc_key("a"), old).unwrap();
        let meta = Meta { id: "a".into(), title: "Old".into(), revision: 3, writer: "tab".into(), doc_size: old.len(), ..Default::default() };
        store.set(&meta_key("a"), &serde_json::to_string(&meta).unwrap()).unwrap();
        assert_eq!(list(&store), vec![Entry::Ok(meta.clone())], "listed as before");
        let loaded = load(&store, "a").unwrap();
        let goal = &loaded.strategy.items[0].children[0];
        assert_eq!((goal.id.as_str(), goal.level.as_str(), goal.description.as_str()), ("g1", "goal", "Why"));
        assert_eq!(goal.children[0].serves, vec!["g1"]);
        assert_eq!(loaded.meta, meta);
        let saved = save(&store, &loaded.strategy, &loaded.meta.base(), "t", "tab").unwrap();
        assert_eq!(saved.revision, 4);
        let text = store.get(&doc_key("a")).unwrap();
        assert!(text.contains("\"version\": 2,"), "{text}");
        assert_eq!(saved.doc_size, text.len());
        assert_eq!(load(&store, "a").unwrap().strategy, loaded.strategy);
    }

    #[test]
    fn keys_are_recognised() {
        assert_eq!(doc_id_of_key("strategy-studio:v1:doc:abc"), Some("abc"));
        assert_eq!(doc_id_of_key("strategy-studio:v1:meta:abc"), None);
        assert_eq!(meta_id_of_key("strategy-studio:v1:meta:abc"), Some("abc"));
        assert_eq!(doc_id_of_key("other"), None);
    }

    #[test]
    fn a_store_behind_a_trait_object_works_as_the_store_itself() {
        // The app injects its store as `Rc<dyn Store>`.
        let store: std::rc::Rc<dyn Store> = std::rc::Rc::new(MemoryStore::default());
        save(&*store, &strategy("a", "Alpha"), NEW, "t1", "tab").unwrap();
        assert_eq!(load(&*store, "a").unwrap().strategy.title, "Alpha");
        assert!(matches!(list(&*store).as_slice(), [Entry::Ok(m)] if m.id == "a"));
    }
}
