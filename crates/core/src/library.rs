//! The library of strategies kept in the browser: a small index in a
//! key-value [`Store`] (local storage in the app), the documents in an
//! asynchronous [`DocStore`] (IndexedDB in the app), both in memory in tests
//! ([`MemoryStore`]).
//!
//! # Storage layout
//! In the index ([`Store`], synchronous, read whole at start-up; every key
//! starts with [`PREFIX`]):
//! - `meta:<id>`: [`Meta`] as JSON, what the library lists, naming the key of
//!   its document in the [`DocStore`];
//! - `deleted:<document key>`: the [`Meta`] of a deleted strategy, with the
//!   time it was deleted: restorable for [`KEEP_DELETED_DAYS`] days, then purged;
//! - `damaged:<id>` / `newer:<id>`: the document of `id` could not be read
//!   (the reason), or a newer Strategy Studio wrote it (its version): listed
//!   as such without reading the document again;
//! - `unsaved:<id>`: edits not yet saved when the tab closed (see [`keep_unsaved`]);
//! - `settings`: [`Settings`] as JSON;
//! - `doc:<id>`, `corrupt:<id>`: where documents and kept-aside raw text
//!   lived before the documents moved to the [`DocStore`] ([`migrate`] moves them).
//!
//! In the documents ([`DocStore`], asynchronous): `<id>@<revision>.<writer>`
//! holds the strategy in the [`compact`] file form, and `corrupt:<id>` the raw
//! text of a document that could not be read, kept aside and never overwritten.
//!
//! # Rules
//! - Start-up reads the index only ([`list`]); a document is read when opened.
//! - Every save bumps the strategy's revision and names its writer (a tab).
//!   A save whose [`Base`] (the revision and writer it last read or wrote) is
//!   not the stored one — another tab saved in between, even at the same
//!   revision — is refused as a conflict, checked before and again after the
//!   document is written; so is a save over a strategy deleted since it was read.
//! - A save writes its document under a key of its own, then the meta, then
//!   removes the previous document: a failed or refused save removes what it
//!   wrote, so nothing is ever half-stored and no other writer's document is
//!   overwritten.
//! - A document written by a newer Strategy Studio is listed as such and
//!   never kept aside or overwritten. One saved by an older one (format
//!   version 1) is migrated to the tree when read, and stored in the current
//!   version at its next save.
//! - Deleting keeps the document and its meta for [`KEEP_DELETED_DAYS`] days;
//!   restoring puts it back under its id, or under a fresh id when that one
//!   is taken. Dates are passed in: this crate reads no clock.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use serde::{Deserialize, Serialize};

use crate::format::{compact, import, newer_version};
use crate::i18n::Lang;
use crate::model::{Id, Strategy};
use crate::problem::Problem;

/// Prefix of every key this app writes.
pub const PREFIX: &str = "strategy-studio:v1:";

/// How long a deleted strategy can be restored.
pub const KEEP_DELETED_DAYS: i64 = 30;

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage is full.
    QuotaExceeded,
    /// Storage is unavailable or refused the write for another reason.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::QuotaExceeded => f.write_str("storage is full"),
            StoreError::Other(reason) => f.write_str(reason),
        }
    }
}

/// The synchronous key-value store of the index: the browser's local storage, or memory in tests.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> std::result::Result<(), StoreError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// What a [`DocStore`] answers, some time later.
pub type Later<'a, T> = Pin<Box<dyn Future<Output = std::result::Result<T, StoreError>> + 'a>>;

/// The asynchronous store of documents: IndexedDB in the app, memory in tests.
pub trait DocStore {
    /// The text stored under `key`, if any.
    fn get_doc<'a>(&'a self, key: &'a str) -> Later<'a, Option<String>>;
    /// Stores `text` under `key`, once the write is durable.
    fn put_doc<'a>(&'a self, key: &'a str, text: &'a str) -> Later<'a, ()>;
    /// Removes what is stored under `key`.
    fn remove_doc<'a>(&'a self, key: &'a str) -> Later<'a, ()>;
}

/// Polls a future once (with a waker that does nothing): a store that
/// answers at once (memory) is finished in the same call.
pub fn poll_once<F: Future + ?Sized>(future: Pin<&mut F>) -> Poll<F::Output> {
    future.poll(&mut Context::from_waker(Waker::noop()))
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
    /// The stored document's size in bytes; 0 when unknown.
    pub doc_size: usize,
    /// The revision last exported to a file (0: never).
    pub exported_revision: u64,
    /// The key of its document in the [`DocStore`] (empty: still in the
    /// index's old `doc:<id>` key, until [`migrate`] moves it).
    pub doc: String,
    /// When it was deleted, ISO 8601 (empty: it is not).
    pub deleted: String,
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
            ..Default::default()
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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

fn key(kind: &str, id: &str) -> String {
    format!("{PREFIX}{kind}:{id}")
}

fn meta_key(id: &str) -> String {
    key("meta", id)
}

/// The index key where a document lived before [`migrate`].
fn legacy_doc_key(id: &str) -> String {
    key("doc", id)
}

/// The key of the kept-aside raw text of a damaged document (in the
/// [`DocStore`]; older versions kept it in the index under the same key).
pub fn corrupt_key(id: &str) -> String {
    key("corrupt", id)
}

/// A [`DocStore`] key for the document of `id` at `revision` by `writer`
/// that no entry of the index uses yet (a strategy deleted and then created
/// again under its id starts again at revision 1).
fn doc_key(store: &(impl Store + ?Sized), id: &str, revision: u64, writer: &str) -> String {
    let used = |k: &str| store.get(&key("deleted", k)).is_some() || stored_meta(store, id).is_some_and(|m| m.doc == k);
    let first = format!("{id}@{revision}.{writer}");
    if !used(&first) {
        return first;
    }
    (1..).map(|n| format!("{first}~{n}")).find(|k| !used(k)).expect("some key is free")
}

const SETTINGS_KEY: &str = "strategy-studio:v1:settings";

/// The id of the strategy a storage key belongs to, if it is an old document key.
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

fn set_meta(store: &(impl Store + ?Sized), meta: &Meta) -> std::result::Result<(), StoreError> {
    store.set(&meta_key(&meta.id), &serde_json::to_string(meta).expect("meta serialises"))
}

/// Every strategy in the store, most recently changed first, read from the
/// index alone (a document still in an old `doc:` key without a meta is read).
pub fn list(store: &(impl Store + ?Sized)) -> Vec<Entry> {
    let mut ids: Vec<String> = store
        .keys()
        .iter()
        .filter_map(|k| meta_id_of_key(k).or_else(|| doc_id_of_key(k)).map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    let mut entries: Vec<Entry> = ids
        .into_iter()
        .map(|id| {
            if let Some(version) = store.get(&key("newer", &id)).and_then(|v| v.parse().ok()) {
                return Entry::Newer { id, version };
            }
            if let Some(reason) = store.get(&key("damaged", &id)) {
                return Entry::Damaged { id, reason };
            }
            if let Some(meta) = stored_meta(store, &id) {
                return Entry::Ok(meta);
            }
            match store.get(&legacy_doc_key(&id)) {
                Some(text) => match read(&text) {
                    Ok(imported) => Entry::Ok(Meta::of(&imported.strategy, "", 0, "")),
                    Err(Unreadable::Newer(version)) => Entry::Newer { id, version },
                    Err(Unreadable::Damaged(reason)) => Entry::Damaged { id, reason },
                },
                None => Entry::Damaged { id, reason: "its library entry cannot be read".into() },
            }
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

/// Why a document cannot be read.
enum Unreadable {
    Newer(u32),
    Damaged(String),
}

fn read(text: &str) -> std::result::Result<crate::format::Imported, Unreadable> {
    import(text).map_err(|problems| match newer_version(text) {
        Some(version) => Unreadable::Newer(version),
        None => Unreadable::Damaged(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
    })
}

/// The text of the document `meta` names (or of its old `doc:` key).
async fn doc_text(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized), meta: Option<&Meta>, id: &str) -> std::result::Result<Option<String>, StoreError> {
    match meta {
        Some(m) if !m.doc.is_empty() => docs.get_doc(&m.doc).await,
        _ => Ok(store.get(&legacy_doc_key(id))),
    }
}

/// Reads a strategy. A document that cannot be read is marked damaged in the
/// index and copied aside (once, never overwritten), and the reason returned;
/// the original stays in place.
pub async fn load(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized), id: &str) -> std::result::Result<Loaded, String> {
    let mut meta = stored_meta(store, id);
    let mut text = doc_text(store, docs, meta.as_ref(), id).await.map_err(|e| format!("could not read \"{id}\" ({e})"))?;
    if text.is_none() {
        // Another tab may have saved (and removed the document read) meanwhile.
        let again = stored_meta(store, id);
        if again != meta {
            meta = again;
            text = doc_text(store, docs, meta.as_ref(), id).await.map_err(|e| format!("could not read \"{id}\" ({e})"))?;
        }
    }
    let Some(text) = text else {
        if meta.is_none() {
            return Err(format!("no strategy \"{id}\" is stored in this browser"));
        }
        let reason = format!("the document of \"{id}\" is missing from this browser's storage");
        let _ = store.set(&key("damaged", id), &reason);
        return Err(reason);
    };
    match read(&text) {
        Ok(imported) => {
            store.remove(&key("damaged", id));
            let meta = meta.unwrap_or_else(|| Meta::of(&imported.strategy, "", 0, ""));
            Ok(Loaded { strategy: imported.strategy, meta, problems: imported.problems })
        }
        Err(Unreadable::Newer(version)) => {
            // A newer version's document is not damaged: it is left as it is.
            let _ = store.set(&key("newer", id), &version.to_string());
            Err(format!("\"{id}\" was saved by a newer Strategy Studio (format version {version})"))
        }
        Err(Unreadable::Damaged(reason)) => {
            // Best effort: when storage is full the original still stays in place.
            if docs.get_doc(&corrupt_key(id)).await.ok().flatten().is_none() {
                let _ = docs.put_doc(&corrupt_key(id), &text).await;
            }
            let _ = store.set(&key("damaged", id), &reason);
            Err(reason)
        }
    }
}

/// The format version of the stored document of `id` when a newer Strategy
/// Studio wrote it: this version must not overwrite it.
pub async fn stored_newer(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized), id: &str) -> Option<u32> {
    if let Some(version) = store.get(&key("newer", id)).and_then(|v| v.parse().ok()) {
        return Some(version);
    }
    let meta = stored_meta(store, id);
    doc_text(store, docs, meta.as_ref(), id).await.ok().flatten().as_deref().and_then(newer_version)
}

/// What is stored under `id`, read without side effects from the index:
/// its meta, or for an old document without one what the document says, or
/// only its id when it cannot be read.
pub fn existing(store: &(impl Store + ?Sized), id: &str) -> Option<Meta> {
    if let Some(meta) = stored_meta(store, id) {
        return Some(meta);
    }
    let text = store.get(&legacy_doc_key(id))?;
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
/// leaves a half-written entry (see the module's rules).
pub async fn save(
    store: &(impl Store + ?Sized),
    docs: &(impl DocStore + ?Sized),
    strategy: &Strategy,
    base: &Base,
    updated: &str,
    writer: &str,
) -> std::result::Result<Meta, SaveError> {
    let id = strategy.id.as_str();
    let check = || -> std::result::Result<Option<Meta>, SaveError> {
        let stored = stored_meta(store, id);
        match &stored {
            Some(m) if m.base() != *base => Err(SaveError::Conflict(Box::new(m.clone()))),
            // Deleted since it was read (no meta: revision 0, no writer).
            None if base.revision > 0 => Err(SaveError::Conflict(Box::new(Meta { id: id.to_string(), ..Default::default() }))),
            _ => Ok(stored),
        }
    };
    let stored = check()?;
    let text = compact(strategy);
    let mut meta = Meta::of(strategy, updated, base.revision + 1, writer);
    meta.exported_revision = stored.as_ref().map_or(0, |m| m.exported_revision);
    meta.doc_size = text.len();
    meta.doc = doc_key(store, id, meta.revision, writer);
    docs.put_doc(&meta.doc, &text).await.map_err(SaveError::Store)?;
    // Another writer may have saved while the document was being written.
    let stored = match check() {
        Ok(stored) => stored,
        Err(e) => {
            let _ = docs.remove_doc(&meta.doc).await;
            return Err(e);
        }
    };
    if let Err(e) = set_meta(store, &meta) {
        let _ = docs.remove_doc(&meta.doc).await;
        return Err(SaveError::Store(e));
    }
    for kind in ["damaged", "doc", "unsaved"] {
        store.remove(&key(kind, id));
    }
    if let Some(old) = stored.filter(|m| !m.doc.is_empty() && m.doc != meta.doc) {
        // Best effort: a document left behind is only space.
        let _ = docs.remove_doc(&old.doc).await;
    }
    Ok(meta)
}

/// Records that the stored strategy `id` at `revision` was exported to a
/// file; nothing happens when the stored one is another revision.
pub fn mark_exported(store: &(impl Store + ?Sized), id: &str, revision: u64) -> std::result::Result<(), StoreError> {
    match stored_meta(store, id) {
        Some(mut meta) if meta.revision == revision => {
            meta.exported_revision = revision;
            set_meta(store, &meta)
        }
        _ => Ok(()),
    }
}

/// Deletes a strategy at `now` (ISO 8601): a readable one is kept in the
/// recently deleted list ([`deleted`]) with its document; an entry whose
/// meta cannot be read is removed (its kept-aside raw text stays).
pub async fn delete(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized), id: &str, now: &str) -> std::result::Result<(), StoreError> {
    let Some(mut meta) = stored_meta(store, id) else {
        store.remove(&legacy_doc_key(id));
        store.remove(&meta_key(id));
        return Ok(());
    };
    let moved = meta.doc.is_empty();
    if moved {
        // Still in the old layout: the document moves to the documents first.
        let Some(text) = store.get(&legacy_doc_key(id)) else {
            store.remove(&meta_key(id));
            return Ok(());
        };
        meta.doc = doc_key(store, id, meta.revision, "deleted");
        docs.put_doc(&meta.doc, &text).await?;
    }
    meta.deleted = now.to_string();
    if let Err(e) = store.set(&key("deleted", &meta.doc), &serde_json::to_string(&meta).expect("meta serialises")) {
        if moved {
            let _ = docs.remove_doc(&meta.doc).await;
        }
        return Err(e);
    }
    for kind in ["meta", "doc", "damaged", "newer", "unsaved"] {
        store.remove(&key(kind, id));
    }
    Ok(())
}

/// The recently deleted strategies, most recently deleted first.
pub fn deleted(store: &(impl Store + ?Sized)) -> Vec<Meta> {
    let prefix = key("deleted", "");
    let mut metas: Vec<Meta> = store
        .keys()
        .iter()
        .filter(|k| k.starts_with(&prefix))
        .filter_map(|k| store.get(k).and_then(|m| serde_json::from_str::<Meta>(&m).ok()))
        .collect();
    metas.sort_by(|a, b| b.deleted.cmp(&a.deleted).then_with(|| a.title.cmp(&b.title)));
    metas
}

/// How a deleted strategy came back.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// Under its own id.
    AsItWas(Meta),
    /// Its id was taken by then: under the fresh id given.
    AsCopy(Meta),
}

/// Puts the deleted strategy whose document is `doc` back into the library:
/// under its id, or — when a strategy with that id is stored by now — as a
/// new strategy with `fresh_id`, saved at `now` by `writer`.
pub async fn restore(
    store: &(impl Store + ?Sized),
    docs: &(impl DocStore + ?Sized),
    doc: &str,
    fresh_id: &str,
    now: &str,
    writer: &str,
) -> std::result::Result<Restored, String> {
    let deleted_key = key("deleted", doc);
    let Some(mut meta) = store.get(&deleted_key).and_then(|m| serde_json::from_str::<Meta>(&m).ok()) else {
        return Err("this strategy is no longer in the recently deleted list".into());
    };
    if existing(store, &meta.id).is_none() {
        meta.deleted.clear();
        set_meta(store, &meta).map_err(|e| format!("could not restore \"{}\" ({e})", meta.title))?;
        store.remove(&deleted_key);
        return Ok(Restored::AsItWas(meta));
    }
    let text = docs.get_doc(doc).await.map_err(|e| e.to_string())?.ok_or_else(|| format!("the document of \"{}\" is missing", meta.title))?;
    let strategy = match read(&text) {
        Ok(imported) => imported.strategy,
        Err(Unreadable::Newer(version)) => return Err(format!("\"{}\" was saved by a newer Strategy Studio (format version {version})", meta.title)),
        Err(Unreadable::Damaged(reason)) => return Err(reason),
    };
    let copy = strategy.duplicate(fresh_id, &strategy.title);
    let saved = save(store, docs, &copy, &Base::default(), now, writer).await.map_err(|e| match e {
        SaveError::Store(e) => format!("could not restore \"{}\" ({e})", meta.title),
        SaveError::Conflict(_) => format!("the id {fresh_id} is taken"),
    })?;
    store.remove(&deleted_key);
    let _ = docs.remove_doc(doc).await;
    Ok(Restored::AsCopy(saved))
}

/// The day number of an ISO 8601 date (its first ten characters), for
/// counting days between two dates.
fn day_number(iso: &str) -> Option<i64> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d): (i64, i64, i64) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Removes the deleted strategies kept [`KEEP_DELETED_DAYS`] days or more
/// before `now` (ISO 8601), documents and all; returns how many.
pub async fn purge(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized), now: &str) -> usize {
    let Some(today) = day_number(now) else { return 0 };
    let mut purged = 0;
    for meta in deleted(store) {
        if day_number(&meta.deleted).is_some_and(|d| today - d >= KEEP_DELETED_DAYS) && docs.remove_doc(&meta.doc).await.is_ok() {
            store.remove(&key("deleted", &meta.doc));
            purged += 1;
        }
    }
    purged
}

/// The raw stored text of a strategy, for downloading a damaged entry.
pub async fn raw(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized), id: &str) -> Option<String> {
    if let Some(text) = docs.get_doc(&corrupt_key(id)).await.ok().flatten().or_else(|| store.get(&corrupt_key(id))) {
        return Some(text);
    }
    let meta = stored_meta(store, id);
    doc_text(store, docs, meta.as_ref(), id).await.ok().flatten()
}

/// Edits not yet saved when a tab closed, as [`keep_unsaved`] wrote them.
#[derive(Serialize, Deserialize)]
struct Unsaved {
    base: Base,
    text: String,
}

/// Keeps the open strategy's unsaved edits in the index at once, for a tab
/// that is closing (an asynchronous save may not finish); [`take_unsaved`]
/// brings them back when the strategy is next opened.
pub fn keep_unsaved(store: &(impl Store + ?Sized), strategy: &Strategy, base: &Base) -> std::result::Result<(), StoreError> {
    let unsaved = Unsaved { base: base.clone(), text: compact(strategy) };
    store.set(&key("unsaved", &strategy.id), &serde_json::to_string(&unsaved).expect("unsaved serialises"))
}

/// The edits kept by [`keep_unsaved`] for `id`, if they were made on the
/// version stored now (`stored`); removed from the index either way
/// (edits made on another version were superseded by that version's save).
pub fn take_unsaved(store: &(impl Store + ?Sized), id: &str, stored: &Base) -> Option<Strategy> {
    let k = key("unsaved", id);
    let unsaved: Unsaved = serde_json::from_str(&store.get(&k)?).ok()?;
    store.remove(&k);
    (unsaved.base == *stored).then(|| import(&unsaved.text).ok()).flatten().map(|i| i.strategy)
}

/// What [`migrate`] did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Migration {
    /// Documents moved to the [`DocStore`] (their old keys removed).
    pub moved: Vec<Id>,
    /// Documents left where they were, with why (tried again at the next start).
    pub kept: Vec<(Id, String)>,
}

/// Moves documents from the index's old `doc:<id>` keys to the [`DocStore`],
/// as they are (byte for byte): each is written, read back and compared, and
/// only then is its meta pointed at it and the old key removed. A document
/// that cannot be read is listed as damaged (its text stays restorable as raw).
pub async fn migrate(store: &(impl Store + ?Sized), docs: &(impl DocStore + ?Sized)) -> Migration {
    let mut done = Migration::default();
    let ids: Vec<String> = store.keys().iter().filter_map(|k| doc_id_of_key(k).map(str::to_string)).collect();
    for id in ids {
        let Some(text) = store.get(&legacy_doc_key(&id)) else { continue };
        let before = stored_meta(store, &id);
        let mut meta = match (&before, read(&text)) {
            (Some(m), _) => m.clone(),
            (None, Ok(imported)) => Meta::of(&imported.strategy, "", 0, ""),
            (None, Err(_)) => Meta { id: id.clone(), title: id.clone(), ..Default::default() },
        };
        if !meta.doc.is_empty() {
            done.kept.push((id, "its meta names another document".into()));
            continue;
        }
        meta.doc = doc_key(store, &id, meta.revision, "moved");
        meta.doc_size = text.len();
        if let Err(e) = docs.put_doc(&meta.doc, &text).await {
            done.kept.push((id, format!("could not write it ({e})")));
            continue;
        }
        let back = docs.get_doc(&meta.doc).await;
        if back.as_ref().ok().and_then(Option::as_deref) != Some(text.as_str()) {
            let _ = docs.remove_doc(&meta.doc).await;
            done.kept.push((id, "the copy read back is not the same".into()));
            continue;
        }
        // The tab may have saved it meanwhile: then that save has moved it.
        if stored_meta(store, &id) != before || store.get(&legacy_doc_key(&id)).as_deref() != Some(text.as_str()) {
            let _ = docs.remove_doc(&meta.doc).await;
            continue;
        }
        if let Err(e) = set_meta(store, &meta) {
            let _ = docs.remove_doc(&meta.doc).await;
            done.kept.push((id, format!("could not write its meta ({e})")));
            continue;
        }
        match read(&text) {
            Ok(_) => {}
            Err(Unreadable::Newer(version)) => {
                let _ = store.set(&key("newer", &id), &version.to_string());
            }
            Err(Unreadable::Damaged(reason)) => {
                let _ = store.set(&key("damaged", &id), &reason);
            }
        }
        store.remove(&legacy_doc_key(&id));
        done.moved.push(id);
    }
    done
}

/// An in-memory [`Store`] and [`DocStore`] with an optional size limit, for
/// tests; its documents answer at once.
#[derive(Debug, Default)]
pub struct MemoryStore {
    pub items: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    pub docs: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    /// Total characters allowed (keys + values of both); `None` for no limit.
    pub quota: Option<usize>,
}

impl MemoryStore {
    fn fits(&self, map: &std::collections::BTreeMap<String, String>, other: &std::collections::BTreeMap<String, String>, key: &str, value: &str) -> bool {
        let used = |m: &std::collections::BTreeMap<String, String>| m.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum::<usize>();
        self.quota.is_none_or(|q| used(map) + other.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() + key.len() + value.len() <= q)
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> std::result::Result<(), StoreError> {
        if !self.fits(&self.items.borrow(), &self.docs.borrow(), key, value) {
            return Err(StoreError::QuotaExceeded);
        }
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

impl DocStore for MemoryStore {
    fn get_doc<'a>(&'a self, key: &'a str) -> Later<'a, Option<String>> {
        let value = self.docs.borrow().get(key).cloned();
        Box::pin(std::future::ready(Ok(value)))
    }
    fn put_doc<'a>(&'a self, key: &'a str, text: &'a str) -> Later<'a, ()> {
        let result = if self.fits(&self.docs.borrow(), &self.items.borrow(), key, text) {
            self.docs.borrow_mut().insert(key.to_string(), text.to_string());
            Ok(())
        } else {
            Err(StoreError::QuotaExceeded)
        };
        Box::pin(std::future::ready(result))
    }
    fn remove_doc<'a>(&'a self, key: &'a str) -> Later<'a, ()> {
        self.docs.borrow_mut().remove(key);
        Box::pin(std::future::ready(Ok(())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::export;

    fn strategy(id: &str, title: &str) -> Strategy {
        Strategy { id: id.into(), title: title.into(), ..Default::default() }
    }

    fn base(revision: u64, writer: &str) -> Base {
        Base { revision, writer: writer.into() }
    }

    const NEW: &Base = &Base { revision: 0, writer: String::new() };

    /// The answer of a future over the memory store, which answers at once.
    fn now<T>(f: impl Future<Output = T>) -> T {
        match poll_once(std::pin::pin!(f)) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("the memory store answers at once"),
        }
    }

    fn save(store: &MemoryStore, s: &Strategy, b: &Base, updated: &str, writer: &str) -> std::result::Result<Meta, SaveError> {
        now(super::save(store, store, s, b, updated, writer))
    }

    fn load(store: &MemoryStore, id: &str) -> std::result::Result<Loaded, String> {
        now(super::load(store, store, id))
    }

    fn doc_of(store: &MemoryStore, id: &str) -> String {
        store.docs.borrow()[&stored_meta(store, id).unwrap().doc].clone()
    }

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
        now(delete(&store, &store, "a", "2026-01-03T10:00:00Z")).unwrap();
        assert_eq!(list(&store).len(), 1);
        assert!(load(&store, "a").unwrap_err().contains("no strategy \"a\""));
    }

    #[test]
    fn documents_are_stored_compactly_apart_from_the_index_and_the_previous_one_is_removed() {
        let store = MemoryStore::default();
        let first = save(&store, &strategy("a", "Alpha"), NEW, "t1", "tab1").unwrap();
        assert_eq!(first.doc, "a@1.tab1");
        assert_eq!(store.docs.borrow()["a@1.tab1"], compact(&strategy("a", "Alpha")));
        assert_eq!(first.doc_size, compact(&strategy("a", "Alpha")).len());
        let second = save(&store, &strategy("a", "Alpha 2"), &first.base(), "t2", "tab1").unwrap();
        assert_eq!(store.docs.borrow().keys().cloned().collect::<Vec<_>>(), vec![second.doc.clone()], "only the current document is kept");
        assert_eq!(store.keys(), vec![format!("{PREFIX}meta:a")], "the index holds the meta only");
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

    /// A document store whose writes take until released, so that another
    /// writer can save in between.
    struct Slow<'a> {
        inner: &'a MemoryStore,
        released: std::cell::Cell<bool>,
    }

    impl DocStore for Slow<'_> {
        fn get_doc<'b>(&'b self, key: &'b str) -> Later<'b, Option<String>> {
            self.inner.get_doc(key)
        }
        fn put_doc<'b>(&'b self, key: &'b str, text: &'b str) -> Later<'b, ()> {
            Box::pin(async move {
                std::future::poll_fn(|_| if self.released.get() { Poll::Ready(()) } else { Poll::Pending }).await;
                self.inner.put_doc(key, text).await
            })
        }
        fn remove_doc<'b>(&'b self, key: &'b str) -> Later<'b, ()> {
            self.inner.remove_doc(key)
        }
    }

    #[test]
    fn a_save_that_lands_while_the_document_is_written_wins_and_the_slower_one_removes_its_own() {
        let store = MemoryStore::default();
        let first = save(&store, &strategy("a", "Shared"), NEW, "t1", "tab1").unwrap();
        let slow = Slow { inner: &store, released: std::cell::Cell::new(false) };
        let mine = strategy("a", "Slow");
        let first_base = first.base();
        let mut pending = Box::pin(super::save(&store, &slow, &mine, &first_base, "t2", "tab1"));
        assert!(poll_once(pending.as_mut()).is_pending());
        save(&store, &strategy("a", "Fast"), &first.base(), "t2", "tab2").unwrap();
        slow.released.set(true);
        assert!(matches!(poll_once(pending.as_mut()), Poll::Ready(Err(SaveError::Conflict(m))) if m.writer == "tab2"));
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Fast");
        assert_eq!(store.docs.borrow().len(), 1, "the refused save's document is removed: {:?}", store.docs.borrow().keys());
    }

    #[test]
    fn two_writers_from_the_same_base_cannot_both_pass() {
        let store = MemoryStore::default();
        let first = save(&store, &strategy("a", "Shared"), NEW, "t1", "tab1").unwrap();
        save(&store, &strategy("a", "Tab 2"), &first.base(), "t2", "tab2").unwrap();
        match save(&store, &strategy("a", "Tab 3"), &first.base(), "t2", "tab3") {
            Err(SaveError::Conflict(theirs)) => assert_eq!((theirs.revision, theirs.writer.as_str()), (2, "tab2")),
            other => panic!("expected a conflict, got {other:?}"),
        }
        assert!(matches!(save(&store, &strategy("a", "Tab 3"), &base(2, "tab3"), "t3", "tab3"), Err(SaveError::Conflict(_))));
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Tab 2");
    }

    #[test]
    fn a_save_over_a_strategy_deleted_since_it_was_read_is_a_conflict() {
        let store = MemoryStore::default();
        let first = save(&store, &strategy("a", "Alpha"), NEW, "t1", "tab").unwrap();
        now(delete(&store, &store, "a", "2026-01-01")).unwrap();
        assert!(matches!(save(&store, &strategy("a", "Late"), &first.base(), "t2", "tab"), Err(SaveError::Conflict(m)) if m.base() == Base::default()));
        assert!(list(&store).is_empty(), "not stored again behind the user's back");
        // Saving it anew (as "keep mine" does, over what is stored now) stores it again.
        save(&store, &strategy("a", "Kept"), NEW, "t3", "tab").unwrap();
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Kept");
    }

    #[test]
    fn a_new_strategy_cannot_take_a_stored_id() {
        let store = MemoryStore::default();
        save(&store, &strategy("a", "First"), NEW, "t1", "tab1").unwrap();
        assert!(matches!(save(&store, &strategy("a", "Second"), NEW, "t2", "tab1"), Err(SaveError::Conflict(_))));
    }

    #[test]
    fn a_new_strategy_whose_meta_does_not_fit_is_not_half_stored() {
        let text = compact(&strategy("a", "Fits"));
        // Room for the document but not for its meta as well.
        let store = MemoryStore { quota: Some(text.len() + 20), ..Default::default() };
        assert_eq!(save(&store, &strategy("a", "Fits"), NEW, "t1", "tab"), Err(SaveError::Store(StoreError::QuotaExceeded)));
        assert_eq!(store.keys(), Vec::<String>::new());
        assert!(store.docs.borrow().is_empty());
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
    fn a_damaged_document_is_kept_aside_and_listed_as_damaged_from_then_on() {
        let store = MemoryStore::default();
        save(&store, &strategy("good", "Good"), NEW, "t1", "tab").unwrap();
        let meta = save(&store, &strategy("bad", "Bad"), NEW, "t1", "tab").unwrap();
        let text = doc_of(&store, "bad");
        store.docs.borrow_mut().insert(meta.doc.clone(), text[..text.len() / 2].to_string());
        // The index alone does not show it: it is noticed when opened.
        assert!(list(&store).iter().all(|e| matches!(e, Entry::Ok(_))));
        assert!(load(&store, "bad").unwrap_err().contains("ends too early"));
        let entries = list(&store);
        assert!(matches!(&entries[0], Entry::Damaged { id, reason } if id == "bad" && reason.contains("ends too early")), "{entries:?}");
        assert!(matches!(&entries[1], Entry::Ok(m) if m.id == "good"));
        assert_eq!(store.docs.borrow()[&corrupt_key("bad")], text[..text.len() / 2]);
        // The original stays, and a later different text never overwrites the kept copy.
        store.docs.borrow_mut().insert(meta.doc.clone(), "garbage".into());
        let _ = load(&store, "bad");
        assert_eq!(now(raw(&store, &store, "bad")).unwrap(), text[..text.len() / 2]);
        // A missing document is damaged too, and says so.
        store.docs.borrow_mut().remove(&stored_meta(&store, "good").unwrap().doc);
        assert!(load(&store, "good").unwrap_err().contains("missing"));
        assert!(list(&store).iter().all(|e| matches!(e, Entry::Damaged { .. })));
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
        store.set(&legacy_doc_key("bad"), "{ damaged").unwrap();
        let before = store.keys();
        assert_eq!(existing(&store, "bad").map(|m| m.id), Some("bad".into()));
        assert_eq!(store.keys(), before, "nothing kept aside or written");
    }

    #[test]
    fn a_document_of_a_newer_version_is_listed_as_such_and_not_kept_aside() {
        let store = MemoryStore::default();
        let meta = save(&store, &strategy("n", "Mine"), NEW, "t", "tab").unwrap();
        store.docs.borrow_mut().insert(meta.doc, r#"{"format": "strategy-studio", "version": 9, "strategy": {"id": "n", "shape": "new"}}"#.into());
        assert_eq!(now(stored_newer(&store, &store, "n")), Some(9));
        assert!(load(&store, "n").unwrap_err().contains("newer"));
        assert_eq!(list(&store), vec![Entry::Newer { id: "n".into(), version: 9 }]);
        assert_eq!(store.docs.borrow().get(&corrupt_key("n")), None, "not copied aside as if damaged");
        save(&store, &strategy("a", "Mine"), NEW, "t", "tab").unwrap();
        assert_eq!(now(stored_newer(&store, &store, "a")), None);
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

    const OLD_V1: &str = r#"{"format": "strategy-studio", "version": 1, "strategy": {"id": "a", "title": "Old",
            "priorities": [{"id": "p1", "goals": [{"id": "g1", "purpose": "Why", "results": [{"id": "r1", "also_serves_goal_ids": ["g1"]}]}]}]}}"#;

    #[test]
    fn documents_in_the_old_layout_are_listed_opened_and_moved_byte_for_byte() {
        let store = MemoryStore::default();
        // As the previous version left them: the document in the index, in format version 1.
        store.set(&legacy_doc_key("a"), OLD_V1).unwrap();
        let meta = Meta { id: "a".into(), title: "Old".into(), revision: 3, writer: "tab".into(), doc_size: OLD_V1.len(), ..Default::default() };
        store.set(&meta_key("a"), &serde_json::to_string(&meta).unwrap()).unwrap();
        store.set(&legacy_doc_key("b"), &export(&strategy("b", "No meta"))).unwrap();
        store.set(&legacy_doc_key("bad"), "{ cut").unwrap();
        assert_eq!(list(&store).len(), 3, "listed before the move");
        assert_eq!(load(&store, "a").unwrap().strategy.items[0].children[0].description, "Why", "and opened");
        let before = load(&store, "a").unwrap().strategy;
        let done = now(migrate(&store, &store));
        assert_eq!(done, Migration { moved: vec!["a".into(), "b".into(), "bad".into()], kept: vec![] });
        assert!(store.keys().iter().all(|k| doc_id_of_key(k).is_none()), "old keys removed: {:?}", store.keys());
        let moved = stored_meta(&store, "a").unwrap();
        assert_eq!(store.docs.borrow()[&moved.doc], OLD_V1, "copied byte for byte");
        assert_eq!((moved.revision, moved.writer.as_str()), (3, "tab"), "the writer's base is unchanged: no conflict");
        assert_eq!(load(&store, "a").unwrap().strategy, before);
        assert!(matches!(list(&store).iter().find(|e| e.id() == "b"), Some(Entry::Ok(m)) if m.title == "No meta"));
        assert!(matches!(list(&store).iter().find(|e| e.id() == "bad"), Some(Entry::Damaged { .. })));
        assert_eq!(now(raw(&store, &store, "bad")).as_deref(), Some("{ cut"), "its raw text is kept");
        // Saved in the current version and compact at its next save.
        let saved = save(&store, &before, &moved.base(), "t", "tab").unwrap();
        assert_eq!(saved.revision, 4);
        assert!(doc_of(&store, "a").starts_with(r#"{"format":"strategy-studio","version":2,"#));
        assert_eq!(load(&store, "a").unwrap().strategy, before);
    }

    /// A document store that reads back something else than was written.
    struct Garbling<'a>(&'a MemoryStore);

    impl DocStore for Garbling<'_> {
        fn get_doc<'b>(&'b self, key: &'b str) -> Later<'b, Option<String>> {
            let value = self.0.docs.borrow().get(key).map(|t| t.replace('O', "0"));
            Box::pin(std::future::ready(Ok(value)))
        }
        fn put_doc<'b>(&'b self, key: &'b str, text: &'b str) -> Later<'b, ()> {
            self.0.put_doc(key, text)
        }
        fn remove_doc<'b>(&'b self, key: &'b str) -> Later<'b, ()> {
            self.0.remove_doc(key)
        }
    }

    #[test]
    fn an_old_document_whose_copy_does_not_read_back_the_same_stays_where_it_was() {
        let store = MemoryStore::default();
        store.set(&legacy_doc_key("a"), OLD_V1).unwrap();
        let done = now(migrate(&store, &Garbling(&store)));
        assert_eq!(done.moved, Vec::<String>::new());
        assert_eq!(done.kept[0].0, "a");
        assert_eq!(store.get(&legacy_doc_key("a")).as_deref(), Some(OLD_V1), "the old key stays");
        assert!(store.docs.borrow().is_empty(), "the bad copy is removed");
        assert!(stored_meta(&store, "a").is_none());
        // A full store keeps it where it was too.
        let full = MemoryStore { quota: Some(OLD_V1.len() + 40), ..Default::default() };
        full.set(&legacy_doc_key("a"), OLD_V1).unwrap();
        assert!(now(migrate(&full, &full)).kept[0].1.contains("full"));
        assert_eq!(full.get(&legacy_doc_key("a")).as_deref(), Some(OLD_V1));
    }

    #[test]
    fn a_deleted_strategy_is_kept_thirty_days_restorable_then_purged() {
        let store = MemoryStore::default();
        let meta = save(&store, &strategy("a", "Alpha"), NEW, "2026-01-01T10:00:00Z", "tab").unwrap();
        now(delete(&store, &store, "a", "2026-03-01T12:00:00Z")).unwrap();
        assert!(list(&store).is_empty());
        let gone = deleted(&store);
        assert_eq!((gone.len(), gone[0].title.as_str(), gone[0].deleted.as_str()), (1, "Alpha", "2026-03-01T12:00:00Z"));
        // Restored under its own id, as it was.
        let back = now(restore(&store, &store, &gone[0].doc, "fresh", "t", "tab")).unwrap();
        assert_eq!(back, Restored::AsItWas(Meta { deleted: String::new(), ..meta.clone() }));
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Alpha");
        assert!(deleted(&store).is_empty());
        // Deleted again; 29 days later it is still there, 30 days later it is purged.
        now(delete(&store, &store, "a", "2026-03-01T12:00:00Z")).unwrap();
        assert_eq!(now(purge(&store, &store, "2026-03-30T23:59:00Z")), 0);
        assert_eq!(deleted(&store).len(), 1);
        assert_eq!(now(purge(&store, &store, "2026-03-31T00:00:01Z")), 1);
        assert!(deleted(&store).is_empty());
        assert!(store.docs.borrow().is_empty(), "its document is gone too");
        assert!(now(restore(&store, &store, &meta.doc, "fresh", "t", "tab")).unwrap_err().contains("no longer"));
    }

    #[test]
    fn a_deleted_strategy_whose_id_is_taken_comes_back_under_a_fresh_id() {
        let store = MemoryStore::default();
        save(&store, &strategy("a", "Old one"), NEW, "t1", "tab").unwrap();
        now(delete(&store, &store, "a", "2026-03-01T12:00:00Z")).unwrap();
        save(&store, &strategy("a", "New one"), NEW, "t2", "tab").unwrap();
        now(delete(&store, &store, "a", "2026-03-02T12:00:00Z")).unwrap();
        save(&store, &strategy("a", "Newest"), NEW, "t3", "tab").unwrap();
        let gone = deleted(&store);
        assert_eq!(gone.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(), vec!["New one", "Old one"], "both kept, latest first");
        let back = now(restore(&store, &store, &gone[1].doc, "a-2", "t4", "tab")).unwrap();
        assert!(matches!(&back, Restored::AsCopy(m) if m.id == "a-2" && m.title == "Old one"));
        assert_eq!(load(&store, "a").unwrap().strategy.title, "Newest", "the stored one is untouched");
        assert_eq!(load(&store, "a-2").unwrap().strategy.title, "Old one");
        assert_eq!(deleted(&store).len(), 1);
    }

    #[test]
    fn day_numbers_count_calendar_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01T00:00:00Z").unwrap() - day_number("2024-02-28").unwrap(), 2, "a leap year");
        assert_eq!(day_number("2025-03-01").unwrap() - day_number("2025-02-28").unwrap(), 1);
        assert_eq!(day_number("garbage"), None);
        assert_eq!(day_number("2025-13-01"), None);
    }

    #[test]
    fn unsaved_edits_kept_on_close_come_back_only_over_the_version_they_were_made_on() {
        let store = MemoryStore::default();
        let meta = save(&store, &strategy("a", "Saved"), NEW, "t1", "tab").unwrap();
        let mut edited = strategy("a", "Edited");
        edited.mission = "Typed before closing".into();
        keep_unsaved(&store, &edited, &meta.base()).unwrap();
        assert_eq!(take_unsaved(&store, "a", &meta.base()), Some(edited.clone()));
        assert_eq!(take_unsaved(&store, "a", &meta.base()), None, "taken once");
        keep_unsaved(&store, &edited, &meta.base()).unwrap();
        assert_eq!(take_unsaved(&store, "a", &base(2, "other")), None, "superseded by another save");
        assert!(store.keys().iter().all(|k| !k.contains("unsaved")));
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
        // The app injects its stores as `Rc<dyn Store>` and `Rc<dyn DocStore>`.
        let store = std::rc::Rc::new(MemoryStore::default());
        let (index, docs): (std::rc::Rc<dyn Store>, std::rc::Rc<dyn DocStore>) = (store.clone(), store);
        now(super::save(&*index, &*docs, &strategy("a", "Alpha"), NEW, "t1", "tab")).unwrap();
        assert_eq!(now(super::load(&*index, &*docs, "a")).unwrap().strategy.title, "Alpha");
        assert!(matches!(list(&*index).as_slice(), [Entry::Ok(m)] if m.id == "a"));
    }
}
