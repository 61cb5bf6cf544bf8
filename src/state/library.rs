//! The library: the listing of stored strategies, the recently deleted ones,
//! and what is done to one as a whole. Rule: an action on the open strategy
//! goes through the document and its autosave (edited and saved, or closed),
//! any other straight to storage; reading or writing a document is
//! asynchronous, and each action says what became of it.

use leptos::prelude::*;
use strategy_core::i18n::fill;
use strategy_core::library::{Base, Entry, Loaded, Meta, Restored, SaveError};
use strategy_core::{export, Strategy};

use super::autosave::{Autosave, SaveState};
use super::document::{Document, Undo};
use super::notices::{Notice, Notices};
use super::store::Stored;
use crate::route::{Route, Section};
use crate::web;

/// The stored strategies; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Library {
    /// Every stored strategy, most recently changed first.
    pub entries: ReadSignal<Vec<Entry>>,
    /// The recently deleted strategies, most recently deleted first.
    pub deleted: ReadSignal<Vec<Meta>>,
    /// The strategy being read to be opened, if any.
    pub opening: RwSignal<Option<String>>,
    /// The concerns it works with (one handle, so that copies stay small).
    with: StoredValue<LibraryWith, LocalStorage>,
}

/// The concerns [Library] works with.
#[derive(Clone, Copy)]
struct LibraryWith {
    stored: Stored,
    document: Document,
    autosave: Autosave,
    notices: Notices,
    route: RwSignal<Route>,
}

impl Library {
    /// The concerns it works with.
    fn w(&self) -> LibraryWith {
        self.with.get_value()
    }

    /// The strategies in `stored`; creating one goes to it on `route`.
    pub fn new(stored: Stored, document: Document, autosave: Autosave, notices: Notices, route: RwSignal<Route>) -> Self {
        let with = StoredValue::new_local(LibraryWith { stored, document, autosave, notices, route });
        Library { entries: stored.listing(), deleted: stored.deleted(), opening: RwSignal::new(None), with }
    }

    /// Reads the library listing again.
    pub fn refresh(&self) {
        self.w().stored.refresh();
    }

    /// Opens a stored strategy: the editor shows "loading" until it is read,
    /// then the strategy — with the edits a closed tab left unsaved, if any —
    /// or, when it cannot be read, the library with the reason.
    pub fn open(&self, id: &str) {
        if self.opening.get_untracked().as_deref() == Some(id) {
            return;
        }
        self.w().autosave.flush();
        if self.w().document.doc.with_untracked(Option::is_some) {
            self.w().document.close();
        }
        self.opening.set(Some(id.to_string()));
        let (library, id) = (*self, id.to_string());
        web::run(async move {
            let loaded = library.w().stored.load(&id).await;
            // Left for another strategy (or the state is gone) meanwhile.
            if library.opening.try_get_untracked().flatten().as_deref() != Some(id.as_str()) {
                return;
            }
            library.opening.set(None);
            match loaded {
                Ok(loaded) => {
                    library.w().autosave.conflict.set(None);
                    let unsaved = library.w().stored.take_unsaved(&id, &loaded.meta.base());
                    library.w().document.show_stored(loaded, Undo::Clear);
                    if let Some(edited) = unsaved {
                        library.w().document.edit(None, move |s| *s = edited);
                    }
                }
                Err(reason) => {
                    library.w().notices.error(reason);
                    library.refresh();
                    if library.w().route.get_untracked().strategy_id() == Some(id.as_str()) {
                        crate::route::navigate(library.w().route, Route::Library);
                    }
                }
            }
        });
    }

    /// Opens a strategy just stored (an import), as [`Library::open`] would
    /// once it had read it back, without reading it back.
    pub fn open_stored(&self, strategy: Strategy, meta: Meta) {
        self.w().autosave.flush();
        if self.w().document.doc.with_untracked(Option::is_some) {
            self.w().document.close();
        }
        self.opening.set(None);
        self.w().autosave.conflict.set(None);
        self.w().document.show_stored(Loaded { strategy, meta, problems: Vec::new() }, Undo::Clear);
    }

    /// Stores a new strategy and opens it.
    pub fn create(&self, strategy: Strategy) {
        let library = *self;
        web::run(async move {
            match library.w().stored.save(&strategy, &Base::default()).await {
                Ok(_) => {
                    library.refresh();
                    crate::route::navigate(library.w().route, Route::Strategy { id: strategy.id, section: Section::Overview, focus: None });
                }
                Err(SaveError::Store(e)) => library.w().notices.not_stored(e, &strategy.title),
                Err(SaveError::Conflict(_)) => library.w().notices.error(format!("id {} is taken", strategy.id)),
            }
        });
    }

    /// Reads a stored strategy without opening it (to compare with); the reason when it cannot be read.
    pub async fn read(&self, id: &str) -> Result<Strategy, String> {
        self.w().stored.load(id).await.map(|l| l.strategy)
    }

    /// Renames a stored strategy.
    pub fn rename(&self, id: &str, title: &str) {
        if self.w().document.is_open(id) {
            self.w().document.edit(None, |s| s.title = title.to_string());
            self.w().autosave.flush();
            return;
        }
        let title = title.to_string();
        self.rewrite_stored(id, move |s| s.title = title);
    }

    fn rewrite_stored(&self, id: &str, f: impl FnOnce(&mut Strategy) + 'static) {
        let (library, id) = (*self, id.to_string());
        web::run(async move {
            match library.w().stored.load(&id).await {
                Ok(mut loaded) => {
                    f(&mut loaded.strategy);
                    if let Err(SaveError::Store(e)) = library.w().stored.save(&loaded.strategy, &loaded.meta.base()).await {
                        library.w().notices.not_stored(e, &loaded.strategy.title);
                    }
                    library.refresh();
                }
                Err(reason) => library.w().notices.error(reason),
            }
        });
    }

    /// Stores a copy of a strategy under a new id.
    pub fn duplicate(&self, id: &str) {
        self.w().autosave.flush();
        let (library, id) = (*self, id.to_string());
        web::run(async move {
            match library.w().stored.load(&id).await {
                Ok(loaded) => {
                    let t = library.w().notices.texts();
                    let copy = loaded.strategy.duplicate(&web::random_id("s-"), &format!("{} {}", loaded.strategy.title, t.copy_suffix));
                    if let Err(SaveError::Store(e)) = library.w().stored.save(&copy, &Base::default()).await {
                        library.w().notices.not_stored(e, &copy.title);
                    }
                    library.refresh();
                }
                Err(reason) => library.w().notices.error(reason),
            }
        });
    }

    /// Deletes a stored strategy into the recently deleted list; the notice offers to undo it.
    pub fn delete(&self, id: &str) {
        if self.w().document.is_open(id) {
            self.w().autosave.flush();
        }
        let (library, id) = (*self, id.to_string());
        web::run(async move {
            let title = library.w().stored.meta(&id).map(|m| m.title);
            match library.w().stored.delete(&id).await {
                Ok(()) => {
                    if library.w().document.is_open(&id) {
                        library.w().document.close();
                    }
                    library.refresh();
                    let meta = library.deleted.get_untracked().into_iter().find(|m| m.id == id);
                    library.w().notices.set(meta.map(|m| Notice::Deleted(Box::new(m))));
                }
                Err(e) => library.w().notices.not_stored(e, title.as_deref().unwrap_or(&id)),
            }
        });
    }

    /// Puts the deleted strategy whose document is `doc` back, and says how.
    pub fn restore(&self, doc: &str) {
        self.w().notices.set(None);
        let (library, doc) = (*self, doc.to_string());
        web::run(async move {
            let restored = library.w().stored.restore(&doc).await;
            library.refresh();
            let t = library.w().notices.texts();
            match restored {
                Ok(Restored::AsItWas(m)) => library.w().notices.set(Some(Notice::Info(fill(t.restored, &[("title", &m.title)])))),
                Ok(Restored::AsCopy(m)) => library.w().notices.set(Some(Notice::Info(fill(t.restored_as_copy, &[("title", &m.title)])))),
                Err(reason) => library.w().notices.error(reason),
            }
        });
    }

    /// Downloads a strategy as `institution-title-YYYY-MM-DD.json`.
    fn export_strategy(&self, s: &Strategy) {
        let institution = if s.institution.short_name.is_empty() { &s.institution.name } else { &s.institution.short_name };
        let name = web::file_name(&[institution, &s.title, &web::today()], "json");
        web::download(&name, &export(s), "application/json");
    }

    /// Downloads the open strategy, and remembers the export when what was
    /// downloaded is what is stored.
    pub fn export_open(&self) {
        self.w().autosave.flush();
        let Some(s) = self.w().document.doc.get_untracked() else { return };
        self.export_strategy(&s);
        if self.w().autosave.save_state.get_untracked() == SaveState::Saved {
            self.exported(&s.id, self.w().autosave.base().revision);
        }
    }

    fn exported(&self, id: &str, revision: u64) {
        // Best effort: a full storage only loses the "exported" mark.
        let _ = self.w().stored.mark_exported(id, revision);
        self.refresh();
    }

    /// Downloads a stored strategy by id; a damaged one as its raw text.
    pub fn export_by_id(&self, id: &str) {
        if self.w().document.is_open(id) {
            self.export_open();
            return;
        }
        let (library, id) = (*self, id.to_string());
        web::run(async move {
            match library.w().stored.load(&id).await {
                Ok(loaded) => {
                    library.export_strategy(&loaded.strategy);
                    library.exported(&id, loaded.meta.revision);
                }
                Err(_) => {
                    library.refresh();
                    if let Some(raw) = library.w().stored.raw(&id).await {
                        web::download(&web::file_name(&[&id, "raw"], "json"), &raw, "application/json");
                    }
                }
            }
        });
    }
}
