//! The app's state, one concern per module, composed into [`AppState`] and
//! provided by context. Rule: state flows one way — components read signals
//! and call methods, and each concern calls only the ones built before it
//! (store and notices ← autosave ← document ← writer and library ← files ←
//! import).

pub mod autosave;
pub mod document;
pub mod file;
pub mod import;
pub mod library;
pub mod notices;
pub mod store;
pub mod writer;

use std::rc::Rc;

use leptos::prelude::*;
use strategy_core::i18n::{Lang, Texts};
use strategy_core::library::{DocStore, Settings, Store};

pub use autosave::{Autosave, SaveState, SAVE_MAX_WAIT_MS};
pub use document::Document;
pub use file::Files;
pub use import::{Import, ImportMode, ImportState, MAX_IMPORT_BYTES};
pub use library::Library;
pub use notices::{Notice, Notices};
pub use writer::Writer;

use crate::route::Route;
use crate::storage::{IdbStore, LocalStore};
use store::Stored;

/// The app's state: the concerns and what the whole interface shares
/// (language, route, the item being dragged); cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    /// The id of the outline item being dragged.
    pub dragging: RwSignal<Option<String>>,
    pub notices: Notices,
    pub autosave: Autosave,
    pub document: Document,
    pub writer: Writer,
    pub library: Library,
    pub files: Files,
    pub import: Import,
    stored: Stored,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The notices from context.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

/// The open strategy's saving from context.
pub fn use_autosave() -> Autosave {
    expect_context::<Autosave>()
}

/// The open strategy from context.
pub fn use_document() -> Document {
    expect_context::<Document>()
}

/// This tab's standing as a writer from context.
pub fn use_writer() -> Writer {
    expect_context::<Writer>()
}

/// The library from context.
pub fn use_library() -> Library {
    expect_context::<Library>()
}

/// The import in progress from context.
pub fn use_import() -> Import {
    expect_context::<Import>()
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    /// The state over the browser's storage: the index in local storage,
    /// the documents in IndexedDB.
    pub fn new() -> Self {
        Self::with_store(Rc::new(LocalStore), Rc::new(IdbStore::default()))
    }

    /// The state over the stores `index` and `docs`: reads settings and the
    /// library (the index only), follows the URL, and then moves documents of
    /// the old layout and purges what was deleted more than 30 days ago.
    pub fn with_store(index: Rc<dyn Store>, docs: Rc<dyn DocStore>) -> Self {
        let stored = Stored::new(index, docs);
        let lang = RwSignal::new(stored.settings().lang);
        let route = RwSignal::new(Route::parse(&window().location().hash().unwrap_or_default()));
        let notices = Notices::new(lang);
        let doc = RwSignal::new(None);
        let autosave = Autosave::new(doc.read_only(), stored, notices);
        let document = Document::new(doc, autosave);
        let writer = Writer::new(document, autosave, stored, notices);
        let library = Library::new(stored, document, autosave, notices, route);
        let files = Files::new(document, autosave, stored, library, notices);
        let import = Import::new(stored, library, files, document, autosave, notices, route);
        crate::web::run(async move {
            let migration = stored.housekeeping().await;
            for (id, reason) in &migration.kept {
                web_sys::console::warn_1(&format!("Strategy Studio: \"{id}\" stays in local storage for now: {reason}").into());
            }
            stored.refresh();
        });
        AppState { lang, route, dragging: RwSignal::new(None), notices, autosave, document, writer, library, files, import, stored }
    }

    /// Provides the state and each of its concerns by context.
    pub fn provide(self) {
        provide_context(self);
        provide_context(self.notices);
        provide_context(self.autosave);
        provide_context(self.document);
        provide_context(self.writer);
        provide_context(self.library);
        provide_context(self.files);
        provide_context(self.import);
    }

    /// The interface texts in the current language (tracked).
    pub fn t(&self) -> &'static Texts {
        self.lang.get().texts()
    }

    /// Changes the interface language and remembers it.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Err(e) = self.stored.save_settings(&Settings { lang }) {
            self.notices.store_failed(e);
        }
    }

    /// Goes to a route (through the URL, so back and forward work).
    pub fn navigate(&self, route: Route) {
        crate::route::navigate(self.route, route);
    }
}
