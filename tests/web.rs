//! Browser tests (wasm-bindgen-test in headless Chromium): real local
//! storage, the app state's saving, undo, conflicts with another tab, and the
//! mounted app reacting to the DOM.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use strategy_core::library::{self, Entry, SaveError, Store, StoreError};
use strategy_core::{Period, Strategy};
use strategy_studio::route::{Route, Section};
use strategy_studio::state::{AppState, ImportState, SaveState};
use strategy_studio::storage::LocalStore;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for timers and effects scheduled so far.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn reset() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let _ = web_sys::window().unwrap().location().set_hash("");
}

fn strategy(id: &str, title: &str) -> Strategy {
    Strategy { id: id.into(), title: title.into(), period: Period { start_year: 2024, end_year: 2027 }, ..Default::default() }
}

fn stored_title(id: &str) -> String {
    library::load(&LocalStore, id).unwrap().strategy.title
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
fn a_full_quota_is_reported_and_the_stored_copy_kept() {
    reset();
    library::save(&LocalStore, &strategy("s1", "Small"), 0, "t1", "tab").unwrap();
    let mut huge = strategy("s1", "Huge");
    huge.notes = "x".repeat(12_000_000);
    let result = library::save(&LocalStore, &huge, 1, "t2", "tab");
    assert_eq!(result, Err(SaveError::Store(StoreError::QuotaExceeded)));
    assert_eq!(stored_title("s1"), "Small", "the stored copy is intact");
    reset();
}

#[wasm_bindgen_test]
fn a_corrupt_stored_entry_is_listed_as_damaged_and_kept_aside() {
    reset();
    library::save(&LocalStore, &strategy("good", "Good"), 0, "t1", "tab").unwrap();
    LocalStore.set("strategy-studio:v1:doc:bad", "{\"format\": \"strategy-studio\", \"vers").unwrap();
    let entries = library::list(&LocalStore);
    assert!(matches!(&entries[0], Entry::Damaged { id, .. } if id == "bad"), "{entries:?}");
    assert!(matches!(&entries[1], Entry::Ok(m) if m.id == "good"));
    assert_eq!(LocalStore.get(&library::corrupt_key("bad")).as_deref(), Some("{\"format\": \"strategy-studio\", \"vers"));
    reset();
}

#[wasm_bindgen_test]
async fn edits_are_saved_after_a_pause_and_undo_redo_step_through_them() {
    reset();
    let owner = Owner::new();
    let app = owner.with(AppState::new);
    library::save(&LocalStore, &strategy("s1", "Plan"), 0, "t0", "other").unwrap();
    assert!(app.open("s1"));
    app.edit(Some("mission"), |s| s.mission = "V".into());
    app.edit(Some("mission"), |s| s.mission = "Ve".into());
    app.edit(Some("vision"), |s| s.vision = "Partneris".into());
    assert_eq!(app.save_state.get_untracked(), SaveState::Pending);
    sleep(700).await;
    assert_eq!(app.save_state.get_untracked(), SaveState::Saved, "saved after the pause");
    let stored = library::load(&LocalStore, "s1").unwrap().strategy;
    assert_eq!((stored.mission.as_str(), stored.vision.as_str()), ("Ve", "Partneris"));

    app.undo();
    assert_eq!(app.doc.get_untracked().unwrap().vision, "");
    app.undo();
    assert_eq!(app.doc.get_untracked().unwrap().mission, "", "typing in one field was one step");
    assert!(!app.can_undo.get_untracked());
    app.redo();
    assert_eq!(app.doc.get_untracked().unwrap().mission, "Ve");
    app.flush();
    assert_eq!(library::load(&LocalStore, "s1").unwrap().strategy.mission, "Ve", "undo is saved too");

    for n in 0..250 {
        app.edit(None, |s| s.notes = n.to_string());
    }
    let mut steps = 0;
    while app.can_undo.get_untracked() {
        app.undo();
        steps += 1;
    }
    assert!(steps >= 200, "{steps} undo steps");
    reset();
}

#[wasm_bindgen_test]
fn another_tabs_save_pauses_saving_and_nothing_is_overwritten() {
    reset();
    let owner = Owner::new();
    let app = owner.with(AppState::new);
    library::save(&LocalStore, &strategy("s1", "Mine"), 0, "t0", "setup").unwrap();
    assert!(app.open("s1"));
    // Another tab saves its version.
    let theirs = strategy("s1", "Theirs");
    library::save(&LocalStore, &theirs, 1, "t1", "other-tab").unwrap();
    app.edit(None, |s| s.title = "Mine, edited".into());
    app.flush();
    assert!(app.conflict.get_untracked().is_some(), "the conflict is noticed on save");
    assert_eq!(app.save_state.get_untracked(), SaveState::Failed);
    assert_eq!(stored_title("s1"), "Theirs", "their version is not overwritten");
    app.keep_mine();
    assert_eq!(stored_title("s1"), "Mine, edited");
    assert!(app.conflict.get_untracked().is_none());

    // And the other way round: take theirs; undo brings mine back.
    library::save(&LocalStore, &strategy("s1", "Theirs again"), 3, "t2", "other-tab").unwrap();
    let meta = LocalStore.get("strategy-studio:v1:meta:s1");
    app.on_storage_changed(Some("strategy-studio:v1:doc:s1".into()), Some("{}".into()));
    assert!(app.conflict.get_untracked().is_none(), "the document key alone is not a finished save");
    app.on_storage_changed(Some("strategy-studio:v1:meta:s1".into()), meta);
    assert!(app.conflict.get_untracked().is_some(), "the storage event is noticed");
    app.load_theirs();
    assert_eq!(app.doc.get_untracked().unwrap().title, "Theirs again");
    app.undo();
    assert_eq!(app.doc.get_untracked().unwrap().title, "Mine, edited");
    reset();
}

#[wasm_bindgen_test]
fn an_import_that_is_not_json_is_refused_and_stores_nothing() {
    reset();
    let owner = Owner::new();
    let app = owner.with(AppState::new);
    app.start_import("this is not json");
    assert!(matches!(app.import.get_untracked(), Some(ImportState::Refused(p)) if p[0].message.contains("not valid JSON")));
    assert!(library::list(&LocalStore).is_empty());
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

    // Open a strategy, then let "another tab" change it.
    library::save(&LocalStore, &strategy("s1", "Shared plan"), 0, "t0", "setup").unwrap();
    web_sys::window().unwrap().location().set_hash("#/s/s1/overview").unwrap();
    sleep(100).await;
    assert!(body_text().contains("Shared plan"), "the strategy is open");
    library::save(&LocalStore, &strategy("s1", "Changed elsewhere"), 1, "t1", "other-tab").unwrap();
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
}
