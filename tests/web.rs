//! Browser tests (wasm-bindgen-test in headless Chromium): real local
//! storage and IndexedDB (documents larger than local storage holds, the
//! move of old documents, the recently deleted list), the app state's
//! saving, undo, conflicts with another tab, the state over an injected
//! in-memory store, and the mounted app reacting to the DOM. Most state tests
//! keep the index in real local storage and the documents in memory
//! ([`docs`]), so that they run synchronously.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use leptos::prelude::*;
use strategy_core::library::{self, Base, DocStore, Entry, Loaded, Meta, MemoryStore, SaveError, Store};
use strategy_core::{Period, Strategy};
use strategy_studio::route::{Route, Section};
use strategy_studio::state::{AppState, ImportState, Notice, SaveState};
use strategy_studio::storage::{IdbStore, LocalStore};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for timers and effects scheduled so far.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Effects run as in the app (the state's reactions, e.g. writing a linked file).
fn executor() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

thread_local! {
    /// The documents of the state tests over local storage.
    static DOCS: Rc<MemoryStore> = Rc::new(MemoryStore::default());
}

/// The documents of the state tests over local storage (in memory).
fn docs() -> Rc<MemoryStore> {
    DOCS.with(Rc::clone)
}

/// The app state over real local storage, with its documents in [`docs`].
fn local_app() -> AppState {
    AppState::with_store(Rc::new(LocalStore), docs())
}

fn reset() {
    executor();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    docs().docs.borrow_mut().clear();
    let _ = web_sys::window().unwrap().location().set_hash("");
}

/// Empties the real IndexedDB documents.
async fn reset_idb() {
    let idb = IdbStore::default();
    for key in idb.keys().await.unwrap() {
        idb.remove_doc(&key).await.unwrap();
    }
}

/// The answer of a future over a store that answers at once.
fn now<T>(f: impl std::future::Future<Output = T>) -> T {
    match library::poll_once(std::pin::pin!(f)) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the store answers at once"),
    }
}

fn save_local(s: &Strategy, b: &Base, updated: &str, writer: &str) -> Result<Meta, SaveError> {
    now(library::save(&LocalStore, &*docs(), s, b, updated, writer))
}

fn load_local(id: &str) -> Result<Loaded, String> {
    now(library::load(&LocalStore, &*docs(), id))
}

fn save_in(store: &MemoryStore, s: &Strategy, b: &Base, updated: &str, writer: &str) -> Result<Meta, SaveError> {
    now(library::save(store, store, s, b, updated, writer))
}

fn load_in(store: &MemoryStore, id: &str) -> Result<Loaded, String> {
    now(library::load(store, store, id))
}

/// Opens a strategy through the state, which reads it at once from a store in memory.
fn open(app: &AppState, id: &str) {
    app.library.open(id);
    assert!(app.document.is_open(id), "{id} is open");
}

/// Waits until `done` holds, checking on every timer tick, for at most `max_ms`.
async fn wait_until(max_ms: f64, done: impl Fn() -> bool) -> bool {
    let start = js_sys::Date::now();
    while !done() {
        if js_sys::Date::now() - start > max_ms {
            return false;
        }
        sleep(10).await;
    }
    true
}

const NEW: &Base = &Base { revision: 0, writer: String::new() };

fn base(revision: u64, writer: &str) -> Base {
    Base { revision, writer: writer.into() }
}

fn strategy(id: &str, title: &str) -> Strategy {
    Strategy { id: id.into(), title: title.into(), period: Period { start_year: 2024, end_year: 2027 }, ..Default::default() }
}

fn stored_title(id: &str) -> String {
    load_local(id).unwrap().strategy.title
}

#[wasm_bindgen_test]
fn local_storage_adapter_round_trip() {
    reset();
    let store = LocalStore;
    store.set("strategy-studio:v1:test", "ā ē 🤝").unwrap();
    assert_eq!(store.get("strategy-studio:v1:test").as_deref(), Some("ā ē 🤝"));
    assert!(store.keys().contains(&"strategy-studio:v1:test".to_string()));
    store.remove("strategy-studio:v1:test");
    assert_eq!(store.get("strategy-studio:v1:test"), None);
}

#[wasm_bindgen_test]
async fn indexeddb_holds_a_document_larger_than_local_storage_can() {
    reset_idb().await;
    let idb = IdbStore::default();
    // Local storage holds about 5.2 million characters per site.
    let big = "ā".repeat(12_000_000);
    idb.put_doc("big@1.tab", &big).await.unwrap();
    assert_eq!(IdbStore::default().get_doc("big@1.tab").await.unwrap().as_deref(), Some(big.as_str()), "read back by a new connection");
    assert_eq!(idb.keys().await.unwrap(), vec!["big@1.tab".to_string()]);
    idb.remove_doc("big@1.tab").await.unwrap();
    assert_eq!(idb.get_doc("big@1.tab").await.unwrap(), None);
    // A whole save and load of a large strategy through both real stores.
    reset();
    let mut s = strategy("s1", "Large");
    s.notes = "n".repeat(8_000_000);
    let meta = library::save(&LocalStore, &idb, &s, NEW, "t1", "tab").await.unwrap();
    assert_eq!(library::load(&LocalStore, &idb, "s1").await.unwrap().strategy, s);
    assert!(LocalStore.get("strategy-studio:v1:meta:s1").unwrap().len() < 1_000, "the index holds the meta only");
    assert_eq!(idb.keys().await.unwrap(), vec![meta.doc]);
    reset();
    reset_idb().await;
}

#[wasm_bindgen_test]
async fn old_documents_in_local_storage_move_to_indexeddb_and_a_damaged_one_stays_downloadable() {
    reset();
    reset_idb().await;
    let idb = IdbStore::default();
    let good = strategy_core::export(&strategy("good", "Good"));
    LocalStore.set("strategy-studio:v1:doc:good", &good).unwrap();
    let meta = Meta { id: "good".into(), title: "Good".into(), revision: 4, writer: "old-tab".into(), ..Default::default() };
    LocalStore.set("strategy-studio:v1:meta:good", &serde_json::to_string(&meta).unwrap()).unwrap();
    LocalStore.set("strategy-studio:v1:doc:bad", "{\"format\": \"strategy-studio\", \"vers").unwrap();
    let entries = library::list(&LocalStore);
    assert!(matches!(&entries[0], Entry::Damaged { id, .. } if id == "bad"), "{entries:?}");
    assert!(matches!(&entries[1], Entry::Ok(m) if m.id == "good"));
    let done = library::migrate(&LocalStore, &idb).await;
    assert_eq!(done.moved, vec!["bad".to_string(), "good".to_string()]);
    assert!(LocalStore.keys().iter().all(|k| library::doc_id_of_key(k).is_none()), "old keys removed after the read-back");
    let moved = library::stored_meta(&LocalStore, "good").unwrap();
    assert_eq!(idb.get_doc(&moved.doc).await.unwrap().as_deref(), Some(good.as_str()), "byte for byte");
    assert_eq!(moved.base(), meta.base(), "the same revision and writer");
    assert_eq!(library::load(&LocalStore, &idb, "good").await.unwrap().strategy.title, "Good");
    assert!(matches!(library::list(&LocalStore).as_slice(), [Entry::Damaged { id, .. }, Entry::Ok(_)] if id == "bad"));
    assert_eq!(library::raw(&LocalStore, &idb, "bad").await.as_deref(), Some("{\"format\": \"strategy-studio\", \"vers"));
    reset();
    reset_idb().await;
}

#[wasm_bindgen_test]
async fn the_recently_deleted_list_restores_through_the_real_stores() {
    reset();
    reset_idb().await;
    let owner = Owner::new();
    let app = owner.with(AppState::new);
    app.library.create(strategy("r1", "Kept plan"));
    assert!(wait_until(10_000.0, || app.library.entries.with_untracked(|e| e.len() == 1)).await, "created");
    app.library.delete("r1");
    assert!(wait_until(10_000.0, || app.library.deleted.with_untracked(|d| d.len() == 1)).await, "in the recently deleted list");
    assert!(app.library.entries.with_untracked(Vec::is_empty));
    assert!(matches!(app.notices.notice.get_untracked(), Some(Notice::Deleted(m)) if m.title == "Kept plan"), "offered to undo");
    let doc = app.library.deleted.with_untracked(|d| d[0].doc.clone());
    // Meanwhile a new strategy takes its id: it comes back beside it, under a fresh id.
    app.library.create(strategy("r1", "Newcomer"));
    assert!(wait_until(10_000.0, || app.library.entries.with_untracked(|e| e.len() == 1)).await);
    app.library.restore(&doc);
    assert!(wait_until(10_000.0, || app.library.entries.with_untracked(|e| e.len() == 2)).await, "restored");
    assert!(app.library.deleted.with_untracked(Vec::is_empty));
    let restored = app.library.entries.with_untracked(|e| e.iter().find_map(|e| match e { Entry::Ok(m) if m.title == "Kept plan" => Some(m.id.clone()), _ => None })).unwrap();
    assert_ne!(restored, "r1");
    assert!(matches!(app.notices.notice.get_untracked(), Some(Notice::Info(t)) if t.contains("Kept plan")));
    app.library.open(&restored);
    assert!(wait_until(10_000.0, || app.document.is_open(&restored)).await, "and it opens");
    assert_eq!(library::load(&LocalStore, &IdbStore::default(), "r1").await.unwrap().strategy.title, "Newcomer", "the other is untouched");
    reset();
    reset_idb().await;
}

#[wasm_bindgen_test]
async fn edits_are_saved_after_a_pause_and_undo_redo_step_through_them() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    save_local(&strategy("s1", "Plan"), NEW, "t0", "other").unwrap();
    open(&app, "s1");
    app.document.edit(Some("mission"), |s| s.mission = "V".into());
    app.document.edit(Some("mission"), |s| s.mission = "Ve".into());
    app.document.edit(Some("vision"), |s| s.vision = "Partneris".into());
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Pending);
    assert!(wait_until(10_000.0, || app.autosave.save_state.get_untracked() == SaveState::Saved).await, "saved after the pause");
    let stored = load_local("s1").unwrap().strategy;
    assert_eq!((stored.mission.as_str(), stored.vision.as_str()), ("Ve", "Partneris"));

    app.document.undo();
    assert_eq!(app.document.doc.get_untracked().unwrap().vision, "");
    app.document.undo();
    assert_eq!(app.document.doc.get_untracked().unwrap().mission, "", "typing in one field was one step");
    assert!(!app.document.can_undo.get_untracked());
    app.document.redo();
    assert_eq!(app.document.doc.get_untracked().unwrap().mission, "Ve");
    app.autosave.flush();
    assert_eq!(load_local("s1").unwrap().strategy.mission, "Ve", "undo is saved too");

    for n in 0..250 {
        app.document.edit(None, |s| s.notes = n.to_string());
    }
    let mut steps = 0;
    while app.document.can_undo.get_untracked() {
        app.document.undo();
        steps += 1;
    }
    assert!(steps >= 200, "{steps} undo steps");
    reset();
}

#[wasm_bindgen_test]
fn another_tabs_save_pauses_saving_and_nothing_is_overwritten() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    save_local(&strategy("s1", "Mine"), NEW, "t0", "setup").unwrap();
    open(&app, "s1");
    // Another tab saves its version.
    let theirs = strategy("s1", "Theirs");
    save_local(&theirs, &base(1, "setup"), "t1", "other-tab").unwrap();
    app.document.edit(None, |s| s.title = "Mine, edited".into());
    app.autosave.flush();
    assert!(app.autosave.conflict.get_untracked().is_some(), "the conflict is noticed on save");
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Failed);
    assert_eq!(stored_title("s1"), "Theirs", "their version is not overwritten");
    app.autosave.keep_mine();
    assert_eq!(stored_title("s1"), "Mine, edited");
    assert!(app.autosave.conflict.get_untracked().is_none());

    // And the other way round: take theirs; undo brings mine back.
    let mine = library::stored_meta(&LocalStore, "s1").unwrap();
    save_local(&strategy("s1", "Theirs again"), &mine.base(), "t2", "other-tab").unwrap();
    let meta = LocalStore.get("strategy-studio:v1:meta:s1");
    app.writer.on_storage_changed(Some("strategy-studio:v1:meta:s1".into()), meta);
    assert!(app.autosave.conflict.get_untracked().is_some(), "the storage event is noticed");
    app.writer.load_theirs();
    assert_eq!(app.document.doc.get_untracked().unwrap().title, "Theirs again");
    app.document.undo();
    assert_eq!(app.document.doc.get_untracked().unwrap().title, "Mine, edited");
    reset();
}

#[wasm_bindgen_test]
fn two_tabs_saving_in_the_same_instant_both_learn_of_it() {
    // Both tabs read revision 1 and save at once; each passes the check
    // against its stale copy, so both write revision 2. The storage event
    // tells each that the other wrote, although the revision is the same.
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    save_local(&strategy("s1", "Shared"), NEW, "t0", "setup").unwrap();
    open(&app, "s1");
    app.document.edit(None, |s| s.title = "Mine".into());
    app.autosave.flush();
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Saved);
    let mine = library::stored_meta(&LocalStore, "s1").unwrap();
    assert_eq!(mine.revision, 2);
    // The other tab's write lands over mine with the same revision number.
    save_local(&strategy("s1", "Theirs"), &mine.base(), "t1", "other-tab").unwrap();
    let mut theirs = library::stored_meta(&LocalStore, "s1").unwrap();
    theirs.revision = 2;
    LocalStore.set("strategy-studio:v1:meta:s1", &serde_json::to_string(&theirs).unwrap()).unwrap();
    app.writer.on_storage_changed(Some("strategy-studio:v1:meta:s1".into()), LocalStore.get("strategy-studio:v1:meta:s1"));
    assert!(app.autosave.conflict.get_untracked().is_some(), "same revision, another writer: a conflict");

    // An old-layout document key of another tab is not a save of the open strategy.
    app.writer.on_storage_changed(Some("strategy-studio:v1:doc:other".into()), Some("{}".into()));
    app.autosave.keep_mine();
    assert!(app.autosave.conflict.get_untracked().is_none());
    assert_eq!(stored_title("s1"), "Mine", "kept mine over theirs, on the user's word");
    reset();
}

#[wasm_bindgen_test]
async fn steady_typing_is_saved_while_it_goes_on() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    save_local(&strategy("s1", "Plan"), NEW, "t0", "setup").unwrap();
    open(&app, "s1");
    let stored_mission = || load_local("s1").map(|l| l.strategy.mission).unwrap_or_default();
    // Keys every 100 ms, each well within the pause that would trigger a save:
    // a save must still come, within the maximum wait.
    let mut typed = String::new();
    let start = js_sys::Date::now();
    let mut saved_while_typing = false;
    while js_sys::Date::now() - start < strategy_studio::state::SAVE_MAX_WAIT_MS * 4.0 {
        typed.push('a');
        let text = typed.clone();
        app.document.edit(Some("mission"), move |s| s.mission = text);
        sleep(100).await;
        if !stored_mission().is_empty() {
            saved_while_typing = true;
            break;
        }
    }
    assert!(saved_while_typing, "nothing was saved during {} keys of steady typing", typed.len());
    assert!(typed.starts_with(&stored_mission()));
    reset();
}

/// Fills local storage until a write of `room` more characters fails;
/// returns the keys it used.
fn fill_storage(room: usize) -> Vec<String> {
    let mut keys = Vec::new();
    let mut chunk = 1 << 22;
    while chunk >= room {
        let key = format!("strategy-studio-test-fill:{}", keys.len());
        if LocalStore.set(&key, &"x".repeat(chunk)).is_ok() {
            keys.push(key);
        } else {
            chunk /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
fn an_edit_made_while_storage_was_full_is_saved_once_there_is_room() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    save_local(&strategy("s1", "Plan"), NEW, "t0", "setup").unwrap();
    open(&app, "s1");
    // Local storage (the library's index) is full: the longer title does not fit in its entry.
    let filler = fill_storage(4096);
    app.document.edit(None, |s| s.title = "t".repeat(100_000));
    app.autosave.flush();
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Failed);
    assert!(matches!(app.notices.notice.get_untracked(), Some(Notice::QuotaFull)));
    assert_eq!(stored_title("s1"), "Plan", "the stored copy is intact");
    assert_eq!(docs().docs.borrow().len(), 1, "the document of the failed save is removed again");
    // Space is freed (say, another strategy deleted); then the page is hidden or closed.
    for key in filler {
        LocalStore.remove(&key);
    }
    app.autosave.flush();
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Saved, "the failed save was tried again");
    assert_eq!(stored_title("s1").len(), 100_000);
    assert!(app.notices.notice.get_untracked().is_none(), "the storage-full message is gone");
    reset();
}

#[wasm_bindgen_test]
fn an_import_that_does_not_fit_closes_its_preview_and_says_so() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    let filler = fill_storage(512);
    let mut big = strategy("big", "Liels plāns");
    big.notes = "n".repeat(200_000);
    app.import.start_import(&strategy_core::export(&big));
    assert!(matches!(app.import.current.get_untracked(), Some(ImportState::Preview { .. })));
    app.import.finish_import(strategy_studio::state::ImportMode::AsIs);
    assert!(app.import.current.get_untracked().is_none(), "the preview does not cover the message");
    match app.notices.notice.get_untracked() {
        Some(Notice::Error(text)) => assert!(text.contains("Liels plāns") && text.contains("nekas netika mainīts"), "{text}"),
        other => panic!("expected an error notice, got {other:?}"),
    }
    assert!(library::stored_meta(&LocalStore, "big").is_none(), "nothing half-stored");
    assert!(docs().docs.borrow().is_empty(), "its document is removed again");
    for key in filler {
        LocalStore.remove(&key);
    }
    reset();
}

#[wasm_bindgen_test]
fn an_import_that_is_not_json_is_refused_and_stores_nothing() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    app.import.start_import("this is not json");
    assert!(matches!(app.import.current.get_untracked(), Some(ImportState::Refused(p)) if p[0].message.contains("not valid JSON")));
    assert!(library::list(&LocalStore).is_empty());
    reset();
}

#[wasm_bindgen_test]
fn unsafe_ids_of_an_import_are_shown_and_replaced_before_anything_is_stored() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    let hostile = "]){}*{background:url(https://evil.example/x)}";
    let text = format!(
        r#"{{"format": "strategy-studio", "version": 2, "strategy": {{"id": "<s>", "title": "T",
            "items": [{{"id": "p1", "level": "priority", "children": [{{"id": "{hostile}", "level": "goal"}},
                {{"id": "g2", "level": "goal", "children": [{{"id": "r1", "level": "result", "serves": ["{hostile}"]}}]}}]}}]}}}}"#
    );
    app.import.start_import(&text);
    let Some(ImportState::Preview { imported, renamed, existing }) = app.import.current.get_untracked() else { panic!("a preview") };
    assert!(existing.is_none());
    assert!(imported.problems.iter().any(|p| p.path == "items[0].children[0].id"), "{:?}", imported.problems);
    assert_eq!(renamed.len(), 2, "{renamed:?}");
    assert_eq!(renamed[1].0, hostile);
    assert!(renamed[0].1.starts_with("s-"), "the strategy gets a random id: {renamed:?}");
    assert!(library::list(&LocalStore).is_empty(), "nothing stored before the user confirms");
    app.import.finish_import(strategy_studio::state::ImportMode::AsIs);
    let stored = load_local(&renamed[0].1).unwrap().strategy;
    let goal = &stored.items[0].children[0].id;
    assert_eq!(goal, &renamed[1].1);
    assert_eq!(stored.items[0].children[1].children[0].serves, vec![goal.clone()], "the link follows");
    assert!(strategy_core::validate::validate(&stored).is_empty());
    reset();
}

#[wasm_bindgen_test]
fn a_version_1_import_is_migrated_to_the_tree_and_stored_as_version_2() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    let v1 = r#"{"format": "strategy-studio", "version": 1, "strategy": {"id": "old", "title": "Old plan",
        "priorities": [{"id": "p1", "title": "P", "goals": [{"id": "g1", "title": "G",
            "results": [{"id": "r1", "title": "R", "indicators": [{"id": "i1", "name": "I"}]}], "tasks": [{"id": "t1", "text": "T"}]}]}]}}"#;
    app.import.start_import(v1);
    let Some(ImportState::Preview { imported, .. }) = app.import.current.get_untracked() else { panic!("a preview") };
    assert_eq!(imported.migrated_from, Some(1));
    assert!(library::list(&LocalStore).is_empty(), "nothing stored before the user confirms");
    app.import.finish_import(strategy_studio::state::ImportMode::AsIs);
    let doc = library::stored_meta(&LocalStore, "old").expect("stored").doc;
    let raw = docs().docs.borrow()[&doc].clone();
    assert!(raw.contains("\"version\":2"), "stored in the current format: {raw}");
    let stored = load_local("old").unwrap().strategy;
    let goal = &stored.items[0].children[0];
    let children: Vec<(&str, &str, &str)> = goal.children.iter().map(|c| (c.id.as_str(), c.level.as_str(), c.title.as_str())).collect();
    assert_eq!(children, [("r1", "result", "R"), ("t1", "task", "T")], "results before tasks; a task's text is its title");
    assert_eq!(goal.children[0].indicators[0].id, "i1");
    reset();
}

#[wasm_bindgen_test]
async fn one_writer_per_strategy_the_second_is_read_only_until_the_first_lets_go() {
    reset();
    save_local(&strategy("w1", "Plan"), NEW, "t0", "setup").unwrap();
    let (first_owner, second_owner) = (Owner::new(), Owner::new());
    let first = first_owner.with(local_app);
    let second = second_owner.with(local_app);
    open(&first, "w1");
    open(&second, "w1");
    first.writer.hold_edit_lock(Some("w1"));
    second.writer.hold_edit_lock(Some("w1"));
    assert!(wait_until(10_000.0, || second.autosave.read_only.get_untracked()).await, "the second tab is read-only");
    assert!(!first.autosave.read_only.get_untracked());
    second.document.edit(None, |s| s.title = "Not allowed".into());
    second.document.undo();
    assert_eq!(second.document.doc.get_untracked().unwrap().title, "Plan", "a read-only tab does not edit");

    // The writer saves; the reader follows.
    first.document.edit(None, |s| s.title = "Written by the first".into());
    first.autosave.flush();
    second.writer.on_storage_changed(Some("strategy-studio:v1:meta:w1".into()), LocalStore.get("strategy-studio:v1:meta:w1"));
    assert_eq!(second.document.doc.get_untracked().unwrap().title, "Written by the first");
    assert!(second.autosave.conflict.get_untracked().is_none(), "following the writer is no conflict");

    // The second asks to take over: the first saves its last edit and steps back.
    first.document.edit(None, |s| s.vision = "Last words".into());
    second.writer.take_over();
    first.writer.on_hand_over_request("w1");
    assert!(first.autosave.read_only.get_untracked());
    assert!(wait_until(10_000.0, || !second.autosave.read_only.get_untracked()).await, "the second becomes the writer");
    assert_eq!(second.document.doc.get_untracked().unwrap().vision, "Last words", "it reads what the first saved");
    second.writer.hold_edit_lock(None);
    first.writer.hold_edit_lock(None);
    reset();
}

#[wasm_bindgen_test]
fn data_written_by_a_newer_version_is_never_overwritten() {
    reset();
    let owner = Owner::new();
    let app = owner.with(local_app);
    save_local(&strategy("nv", "Mine"), NEW, "t0", "setup").unwrap();
    open(&app, "nv");
    // A newer Strategy Studio in another tab rewrites it in its own format.
    let newer = r#"{"format": "strategy-studio", "version": 7, "strategy": {"id": "nv", "tree": []}}"#;
    let mut theirs = library::stored_meta(&LocalStore, "nv").unwrap();
    (theirs.revision, theirs.writer, theirs.doc) = (2, "newer-app".into(), "nv@2.newer-app".into());
    docs().docs.borrow_mut().insert(theirs.doc.clone(), newer.into());
    let theirs = serde_json::to_string(&theirs).unwrap();
    LocalStore.set("strategy-studio:v1:meta:nv", &theirs).unwrap();
    assert!(load_local("nv").unwrap_err().contains("newer"));
    assert_eq!(library::list(&LocalStore), vec![Entry::Newer { id: "nv".into(), version: 7 }]);
    app.writer.on_storage_changed(Some("strategy-studio:v1:meta:nv".into()), Some(theirs));
    assert!(app.autosave.conflict.get_untracked().is_some());
    app.autosave.keep_mine();
    let stored = || docs().docs.borrow().get("nv@2.newer-app").cloned();
    assert_eq!(stored().as_deref(), Some(newer), "keeping mine does not overwrite it");
    assert!(app.autosave.conflict.get_untracked().is_some(), "the choice stays open");
    // Nor does importing a file over it.
    app.import.start_import(&strategy_core::export(&strategy("nv", "Imported")));
    app.import.finish_import(strategy_studio::state::ImportMode::Replace);
    assert_eq!(stored().as_deref(), Some(newer), "replacing it is refused");
    assert_eq!(library::stored_meta(&LocalStore, "nv").unwrap().writer, "newer-app");
    assert!(matches!(app.notices.notice.get_untracked(), Some(Notice::Error(t)) if t.contains("format version 7") || t.contains("formāta versija 7")));
    reset();
}

#[wasm_bindgen_test]
fn routes_round_trip_through_the_hash() {
    let route = Route::Strategy { id: "lm 2024/27".into(), section: Section::Map, focus: Some("g4".into()) };
    assert_eq!(Route::parse(&route.hash()), route);
    assert_eq!(Route::parse("#/"), Route::Library);
    assert_eq!(Route::parse("#/s/x"), Route::Strategy { id: "x".into(), section: Section::Overview, focus: None });
    assert_eq!(Route::parse("#/nonsense"), Route::Library);
}

/// A file handle shaped like the File System Access API's, installed as what
/// `showSaveFilePicker` and `showOpenFilePicker` give: it keeps each written
/// text in `writes`, fails with `fail` (a DOMException name) when set, and
/// reads back `content`.
fn mock_file_handle(name: &str) -> JsValue {
    js_sys::eval(&format!(
        r#"(() => {{ const m = {{ name: {name:?}, writes: [], fail: null, content: '',
            createWritable: async () => {{
                if (m.fail) throw new DOMException('refused', m.fail);
                let text = '';
                return {{ write: async (t) => {{ text += t; }}, close: async () => {{ m.writes.push(text); }} }};
            }},
            getFile: async () => new File([m.content], m.name, {{ type: 'application/json' }}) }};
          globalThis.showSaveFilePicker = async () => m;
          globalThis.showOpenFilePicker = async () => [m];
          return m; }})()"#
    ))
    .unwrap()
}

fn mock_writes(mock: &JsValue) -> Vec<String> {
    js_sys::Array::from(&js_sys::Reflect::get(mock, &"writes".into()).unwrap()).iter().map(|w| w.as_string().unwrap()).collect()
}

fn mock_set(mock: &JsValue, key: &str, value: &str) {
    js_sys::Reflect::set(mock, &key.into(), &if value.is_empty() { JsValue::NULL } else { value.into() }).unwrap();
}

fn remove_file_pickers() {
    for name in ["showSaveFilePicker", "showOpenFilePicker"] {
        js_sys::Reflect::delete_property(js_sys::global().unchecked_ref::<js_sys::Object>(), &name.into()).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_file_saved_to_gets_every_save_says_when_it_fails_and_counts_as_an_export() {
    use strategy_core::file_link::FileState;
    let (_owner, app, store) = in_memory(None);
    let mock = mock_file_handle("plan.json");
    save_in(&store, &strategy("f1", "Filed plan"), NEW, "t0", "setup").unwrap();
    open(&app, "f1");
    assert!(app.files.supported());
    assert_eq!(app.files.state(), FileState::Unlinked);

    app.files.save_to_file().await;
    assert!(wait_until(5_000.0, || mock_writes(&mock).len() == 1).await, "written at once");
    assert!(mock_writes(&mock)[0].contains("\"title\": \"Filed plan\""));
    assert!(wait_until(5_000.0, || app.files.state() == FileState::Saved { name: "plan.json".into() }).await);
    assert!(!library::stored_meta(&*store, "f1").unwrap().unexported(), "a written file counts as an export");

    // Every save in the browser is written to the file too.
    app.document.edit(None, |s| s.mission = "Kept in a real file".into());
    app.autosave.flush();
    assert!(wait_until(5_000.0, || mock_writes(&mock).len() == 2).await);
    assert!(mock_writes(&mock)[1].contains("Kept in a real file"));

    // The file refuses: said, the browser's copy is saved, the next save tries again.
    mock_set(&mock, "fail", "NotAllowedError");
    app.document.edit(None, |s| s.vision = "Not in the file yet".into());
    app.autosave.flush();
    assert!(wait_until(5_000.0, || matches!(app.files.state(), FileState::Failed { .. })).await);
    match app.notices.notice.get_untracked() {
        Some(Notice::Error(text)) => assert!(text.contains("plan.json") && text.contains("NotAllowedError"), "{text}"),
        other => panic!("expected the not-written notice, got {other:?}"),
    }
    assert_eq!(load_in(&store, "f1").unwrap().strategy.vision, "Not in the file yet");
    assert!(library::stored_meta(&*store, "f1").unwrap().unexported(), "the file lags behind");
    mock_set(&mock, "fail", "");
    app.document.edit(None, |s| s.vision = "In the file again".into());
    app.autosave.flush();
    assert!(wait_until(5_000.0, || mock_writes(&mock).len() == 3).await);
    assert!(mock_writes(&mock)[2].contains("In the file again"));
    assert!(wait_until(5_000.0, || app.files.state() == FileState::Saved { name: "plan.json".into() }).await);
    remove_file_pickers();
}

#[wasm_bindgen_test]
async fn a_file_opened_and_imported_as_it_is_stays_linked_a_copy_does_not() {
    use strategy_core::file_link::FileState;
    use strategy_studio::state::ImportMode;
    let (_owner, app, store) = in_memory(None);
    let mock = mock_file_handle("shared.json");
    mock_set(&mock, "content", &strategy_core::format::export(&strategy("o1", "From the shared folder")));
    app.files.open_file(app.import).await;
    assert!(matches!(app.import.current.get_untracked(), Some(ImportState::Preview { .. })), "the file's preview");
    app.import.finish_import(ImportMode::AsIs);
    open(&app, "o1");
    assert_eq!(app.files.state(), FileState::Saved { name: "shared.json".into() }, "linked, holding what was read");
    assert!(mock_writes(&mock).is_empty(), "nothing written back before an edit");
    app.document.edit(None, |s| s.mission = "Edited after opening".into());
    app.autosave.flush();
    assert!(wait_until(5_000.0, || mock_writes(&mock).len() == 1).await);
    assert!(mock_writes(&mock)[0].contains("Edited after opening"));
    assert_eq!(load_in(&store, "o1").unwrap().strategy.mission, "Edited after opening");

    // Imported as a copy, or cancelled: the file is not linked.
    app.files.open_file(app.import).await;
    app.import.finish_import(ImportMode::AsCopy);
    let copy = library::list(&*store).into_iter().find_map(|e| match e {
        Entry::Ok(m) if m.id != "o1" => Some(m.id),
        _ => None,
    });
    open(&app, &copy.expect("the copy is stored"));
    assert_eq!(app.files.state(), FileState::Unlinked);
    app.files.open_file(app.import).await;
    app.import.cancel();
    open(&app, "o1");
    assert_eq!(app.files.state(), FileState::Saved { name: "shared.json".into() }, "the first link stays");
    remove_file_pickers();
}

fn body_text() -> String {
    web_sys::window().unwrap().document().unwrap().body().unwrap().text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_mounted_app_switches_language_and_shows_a_conflict_from_a_storage_event() {
    reset();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), strategy_studio::app::App);
    sleep(50).await;
    assert!(body_text().contains("Sāciet savu stratēģiju"), "Latvian by default");

    let select: web_sys::HtmlSelectElement = document.query_selector(".lang-switch select").unwrap().unwrap().unchecked_into();
    select.set_value("en");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    sleep(50).await;
    assert!(body_text().contains("Start your strategy"));
    assert_eq!(library::settings(&LocalStore).lang, strategy_core::i18n::Lang::En, "the choice is stored");

    // Open a strategy (the mounted app keeps documents in IndexedDB), then let "another tab" change it.
    reset_idb().await;
    let idb = IdbStore::default();
    library::save(&LocalStore, &idb, &strategy("s1", "Shared plan"), NEW, "t0", "setup").await.unwrap();
    web_sys::window().unwrap().location().set_hash("#/s/s1/overview").unwrap();
    assert!(wait_until(10_000.0, || body_text().contains("Shared plan")).await, "the strategy is open");
    library::save(&LocalStore, &idb, &strategy("s1", "Changed elsewhere"), &base(1, "setup"), "t1", "other-tab").await.unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("strategy-studio:v1:meta:s1"));
    init.set_new_value(LocalStore.get("strategy-studio:v1:meta:s1").as_deref());
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    sleep(50).await;
    assert!(body_text().contains("This strategy was changed in another tab"), "the user is told");
    drop(handle);
    host.remove();
    reset();
    reset_idb().await;
}

/// The app state over a store in memory (no local storage), and that store.
fn in_memory(quota: Option<usize>) -> (Owner, AppState, Rc<MemoryStore>) {
    executor();
    let store = Rc::new(MemoryStore { quota, ..Default::default() });
    let owner = Owner::new();
    let app = owner.with(|| AppState::with_store(store.clone(), store.clone()));
    (owner, app, store)
}

#[wasm_bindgen_test]
fn the_state_saves_into_the_injected_store_and_leaves_local_storage_alone() {
    reset();
    let (_owner, app, store) = in_memory(None);
    app.library.create(strategy("m1", "In memory"));
    assert!(matches!(app.library.entries.get_untracked().as_slice(), [Entry::Ok(m)] if m.id == "m1"), "listed from the store");
    open(&app, "m1");
    // A field bound as the components bind it.
    let (mission, set_mission) = app.document.bind("mission", |s, _| Some(s.mission.clone()), |s, v| s.mission = v);
    set_mission.run("Saved in memory".into());
    assert_eq!(mission.get_untracked(), "Saved in memory");
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Pending);
    app.autosave.flush();
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Saved);
    let stored = load_in(&store, "m1").unwrap();
    assert_eq!((stored.strategy.mission.as_str(), stored.meta.revision), ("Saved in memory", 2));
    assert!(store.docs.borrow()[&stored.meta.doc].contains("Saved in memory"));
    assert!(store.keys().iter().all(|k| !k.contains(":doc:")), "the index holds no document");
    assert!(library::list(&LocalStore).is_empty(), "local storage is not touched");
    reset();
}

#[wasm_bindgen_test]
fn undo_and_redo_through_the_state_are_saved_to_the_injected_store() {
    let (_owner, app, store) = in_memory(None);
    save_in(&store, &strategy("m2", "Plan"), NEW, "t0", "setup").unwrap();
    open(&app, "m2");
    app.document.edit(Some("vision"), |s| s.vision = "P".into());
    app.document.edit(Some("vision"), |s| s.vision = "Partners".into());
    app.document.seal_undo_step();
    app.document.edit(None, |s| s.title = "Renamed".into());
    app.document.undo();
    app.document.undo();
    let doc = app.document.doc.get_untracked().unwrap();
    assert_eq!((doc.title.as_str(), doc.vision.as_str()), ("Plan", ""), "typing in one field was one step");
    assert!(!app.document.can_undo.get_untracked() && app.document.can_redo.get_untracked());
    app.document.redo();
    app.autosave.flush();
    let stored = load_in(&store, "m2").unwrap().strategy;
    assert_eq!((stored.title.as_str(), stored.vision.as_str()), ("Plan", "Partners"), "undo and redo are saved");
    app.document.redo();
    app.autosave.flush();
    assert_eq!(load_in(&store, "m2").unwrap().strategy.title, "Renamed");
}

#[wasm_bindgen_test]
fn a_full_injected_store_says_so_and_keeps_the_edit_in_memory() {
    let (_owner, app, store) = in_memory(Some(6_000));
    save_in(&store, &strategy("m3", "Small"), NEW, "t0", "setup").unwrap();
    store.set("filler", &"f".repeat(3_000)).unwrap();
    open(&app, "m3");
    app.document.edit(None, |s| s.mission = "m".repeat(2_500));
    app.autosave.flush();
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Failed);
    assert_eq!(app.notices.notice.get_untracked(), Some(Notice::QuotaFull));
    assert_eq!(app.document.doc.get_untracked().unwrap().mission.len(), 2_500, "the edit is kept in memory");
    assert_eq!(load_in(&store, "m3").unwrap().strategy.mission, "", "the stored copy is intact");

    // A new strategy that does not fit is not stored, and the notice says so by its title.
    let mut big = strategy("m4", "Liels plāns");
    big.notes = "n".repeat(5_000);
    app.library.create(big);
    match app.notices.notice.get_untracked() {
        Some(Notice::Error(text)) => assert!(text.contains("Liels plāns") && text.contains("nekas netika mainīts"), "{text}"),
        other => panic!("expected the not-stored notice, got {other:?}"),
    }
    assert!(library::stored_meta(&*store, "m4").is_none() && store.docs.borrow().keys().all(|k| !k.starts_with("m4@")), "nothing half-stored");

    // Room is made: the next flush saves the edit kept in memory.
    store.remove("filler");
    app.autosave.flush();
    assert_eq!(app.autosave.save_state.get_untracked(), SaveState::Saved);
    assert_eq!(load_in(&store, "m3").unwrap().strategy.mission.len(), 2_500);
}

/// A strategy of two results with two indicators each (format version 1).
fn two_results() -> Strategy {
    let text = r#"{"format":"strategy-studio","version":1,"strategy":{"id":"k1","title":"Keyed","period":{"start_year":2024,"end_year":2027},
        "priorities":[{"id":"p1","title":"P","goals":[{"id":"g1","title":"G","results":[
            {"id":"r1","title":"R1","indicators":[{"id":"i1","name":"A"},{"id":"i2","name":"B"}]},
            {"id":"r2","title":"R2","indicators":[{"id":"i3","name":"C"},{"id":"i4","name":"D"}]}]}]}]}}"#;
    strategy_core::import(text).unwrap().strategy
}

#[wasm_bindgen_test]
fn a_keystroke_in_one_indicator_reruns_only_that_indicators_readers() {
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
    use std::sync::Arc;
    use strategy_core::Indicator;
    let (owner, app, store) = in_memory(None);
    save_in(&store, &two_results(), NEW, "t0", "setup").unwrap();
    open(&app, "k1");
    owner.with(|| {
        // Readers that count their runs: of an indicator, of another, of their owner, of the items there are, of the outline.
        let counted = |read: Box<dyn Fn() -> String + Send + Sync>| {
            let runs = Arc::new(AtomicU32::new(0));
            let r = runs.clone();
            let memo = Memo::new(move |_| {
                r.fetch_add(1, SeqCst);
                read()
            });
            (memo, runs)
        };
        let doc = app.document;
        let (own, own_runs) = counted(Box::new(move || doc.read_item::<Indicator, _>("i1", |i| i.name.clone()).unwrap_or_default()));
        let (other, other_runs) = counted(Box::new(move || doc.read_item::<Indicator, _>("i3", |i| i.name.clone()).unwrap_or_default()));
        let (owner_node, owner_runs) = counted(Box::new(move || doc.read_item::<strategy_core::Node, _>("r1", |n| n.indicators.iter().map(|i| i.name.clone()).collect()).unwrap_or_default()));
        let (frame, frame_runs) = counted(Box::new(move || doc.read_frame(|s, ix| Some(format!("{} items", s.indicator_refs().len() + ix.node("r2").map_or(0, |_| 1)))).unwrap_or_default()));
        let (outline, outline_runs) = counted(Box::new(move || doc.read_outline(|s, _| Some(s.title.clone())).unwrap_or_default()));
        let read_all = || (own.get_untracked(), other.get_untracked(), owner_node.get_untracked(), frame.get_untracked(), outline.get_untracked());
        let runs = || [&own_runs, &other_runs, &owner_runs, &frame_runs, &outline_runs].map(|r| r.load(SeqCst));
        assert_eq!(read_all(), ("A".into(), "C".into(), "AB".into(), "5 items".into(), "Keyed".into()));
        assert_eq!(runs(), [1, 1, 1, 1, 1]);

        // Typing in i1's name: its reader and its owner's rerun, nothing else.
        let (name, set_name) = doc.bind_item::<Indicator>("i1", "name", |i| i.name.clone(), |i, v| i.name = v);
        for typed in ["Ab", "Abc", "Abcd"] {
            set_name.run(typed.into());
            assert_eq!(name.get_untracked(), typed);
            read_all();
        }
        assert_eq!(own.get_untracked(), "Abcd");
        assert_eq!(owner_node.get_untracked(), "AbcdB");
        assert_eq!(runs(), [4, 1, 4, 1, 1], "the other indicator, the list of items and the outline are not recomputed");

        // A change of the tree (an indicator added) reaches every reader.
        let added = doc.doc.with_untracked(|d| d.as_ref().unwrap().new_indicator("r2", "E")).unwrap();
        assert!(doc.change(added));
        read_all();
        assert_eq!(runs(), [5, 2, 5, 2, 2]);
        // So does undo, which puts back whatever the step held.
        doc.undo();
        doc.undo();
        read_all();
        assert_eq!(own.get_untracked(), "A", "the typing was one step");
        assert_eq!(runs(), [6, 3, 6, 3, 3], "read once after both steps");

        // Typing the mission reruns none of them (their readers follow the whole strategy).
        let (mission, set_mission) = doc.bind_text("mission", |s, _| Some(s.mission.clone()), |s, v| s.mission = v);
        set_mission.run("M".into());
        set_mission.run("Mi".into());
        assert_eq!(mission.get_untracked(), "Mi");
        read_all();
        assert_eq!(runs(), [6, 3, 6, 3, 3]);
    });
}

// Evaluation: the matrix of toggle buttons, mounted alone.

/// Presses `key` on `el` as a keyboard would.
fn press(el: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_evaluation_matrix_names_its_cells_moves_by_arrow_keys_and_toggles_in_place() {
    use strategy_studio::components::evaluation_matrix::{Axis, EvaluationMatrix};
    executor();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let axis = |id: &str, name: &str| Axis { id: id.into(), header: name.into(), name: name.into() };
    let marked = RwSignal::new(vec![("v1".to_string(), "p2".to_string())]);
    let suggested = RwSignal::new(vec![("v2".to_string(), "p2".to_string())]);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <EvaluationMatrix
                caption=Signal::derive(|| "Values × priorities".to_string())
                rows=Signal::derive(move || vec![axis("v1", "Cilvēks"), axis("v2", "Sadarbība")])
                cols=Signal::derive(move || vec![axis("p1", "Priority 1"), axis("p2", "Priority 2")])
                marked=marked
                suggested=suggested
                cell_name=Signal::derive(|| "Value “{row}” supports {col}")
                suggested_word=Signal::derive(|| "suggested")
                empty=Signal::derive(|| "Nothing")
                on_toggle=Callback::new(move |(r, c): (String, String)| marked.update(|m| {
                    match m.iter().position(|x| x.0 == r && x.1 == c) {
                        Some(i) => drop(m.remove(i)),
                        None => m.push((r, c)),
                    }
                }))
            />
        }
    });
    sleep(20).await;
    let buttons = || host.query_selector_all("button.matrix-cell").unwrap();
    assert_eq!(buttons().length(), 4);
    let cell = |name: &str| host.query_selector(&format!("button[aria-label='{name}']")).unwrap().unwrap_or_else(|| panic!("no cell {name}"));
    let active = || document.active_element().and_then(|e| e.get_attribute("aria-label")).unwrap_or_default();
    let first = cell("Value “Cilvēks” supports Priority 1");
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"), "the first cell is the one tab stop");
    assert_eq!(cell("Value “Cilvēks” supports Priority 2").get_attribute("aria-pressed").as_deref(), Some("true"));
    let hinted = cell("Value “Sadarbība” supports Priority 2 (suggested)");
    assert_eq!(hinted.get_attribute("tabindex").as_deref(), Some("-1"));
    assert!(hinted.class_list().contains("suggested"));

    first.unchecked_ref::<web_sys::HtmlElement>().focus().unwrap();
    press(&first, "ArrowRight");
    assert_eq!(active(), "Value “Cilvēks” supports Priority 2");
    press(&document.active_element().unwrap(), "ArrowRight");
    assert_eq!(active(), "Value “Cilvēks” supports Priority 2", "the last column stops");
    press(&document.active_element().unwrap(), "ArrowDown");
    assert_eq!(active(), "Value “Sadarbība” supports Priority 2 (suggested)");
    sleep(10).await;
    assert_eq!(hinted.get_attribute("tabindex").as_deref(), Some("0"), "the focused cell becomes the tab stop");
    press(&document.active_element().unwrap(), "Home");
    assert_eq!(active(), "Value “Sadarbība” supports Priority 1");

    // A click marks the cell: the same button, now pressed, no longer a suggestion.
    hinted.unchecked_ref::<web_sys::HtmlElement>().click();
    sleep(10).await;
    let pressed = cell("Value “Sadarbība” supports Priority 2");
    assert!(pressed.is_same_node(Some(&hinted)), "toggling redraws no cell");
    assert_eq!(pressed.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(!pressed.class_list().contains("suggested"));
    assert_eq!(marked.get_untracked().len(), 2);
    drop(handle);
    host.remove();
}
