//! The library: the listing of stored strategies and what is done to one as a
//! whole. Rule: an action on the open strategy goes through the document and
//! its autosave (edited and saved, or closed), any other straight to storage.

use leptos::prelude::*;
use strategy_core::library::{Base, Entry, SaveError};
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
    stored: Stored,
    document: Document,
    autosave: Autosave,
    notices: Notices,
    route: RwSignal<Route>,
}

impl Library {
    /// The strategies in `stored`; creating one goes to it on `route`.
    pub fn new(stored: Stored, document: Document, autosave: Autosave, notices: Notices, route: RwSignal<Route>) -> Self {
        Library { entries: stored.listing(), stored, document, autosave, notices, route }
    }

    /// Reads the library listing again.
    pub fn refresh(&self) {
        self.stored.refresh();
    }

    /// Opens a stored strategy; returns whether it could be read.
    pub fn open(&self, id: &str) -> bool {
        self.autosave.flush();
        match self.stored.load(id) {
            Ok(loaded) => {
                self.autosave.conflict.set(None);
                self.document.show_stored(loaded, Undo::Clear);
                true
            }
            Err(reason) => {
                self.notices.error(reason);
                self.refresh();
                false
            }
        }
    }

    /// Stores a new strategy and opens it.
    pub fn create(&self, strategy: Strategy) {
        match self.stored.save(&strategy, &Base::default()) {
            Ok(_) => {
                self.refresh();
                let id = strategy.id.clone();
                crate::route::navigate(self.route, Route::Strategy { id, section: Section::Overview, focus: None });
            }
            Err(SaveError::Store(e)) => self.notices.not_stored(e, &strategy.title),
            Err(SaveError::Conflict(_)) => self.notices.error(format!("id {} is taken", strategy.id)),
        }
    }

    /// Renames a stored strategy.
    pub fn rename(&self, id: &str, title: &str) {
        if self.document.is_open(id) {
            self.document.edit(None, |s| s.title = title.to_string());
            self.autosave.flush();
            return;
        }
        self.rewrite_stored(id, |s| s.title = title.to_string());
    }

    fn rewrite_stored(&self, id: &str, f: impl FnOnce(&mut Strategy)) {
        match self.stored.load(id) {
            Ok(mut loaded) => {
                f(&mut loaded.strategy);
                if let Err(SaveError::Store(e)) = self.stored.save(&loaded.strategy, &loaded.meta.base()) {
                    self.notices.not_stored(e, &loaded.strategy.title);
                }
                self.refresh();
            }
            Err(reason) => self.notices.error(reason),
        }
    }

    /// Stores a copy of a strategy under a new id.
    pub fn duplicate(&self, id: &str) {
        self.autosave.flush();
        match self.stored.load(id) {
            Ok(loaded) => {
                let t = self.notices.texts();
                let copy = loaded.strategy.duplicate(&web::random_id("s-"), &format!("{} {}", loaded.strategy.title, t.copy_suffix));
                if let Err(SaveError::Store(e)) = self.stored.save(&copy, &Base::default()) {
                    self.notices.not_stored(e, &copy.title);
                }
                self.refresh();
            }
            Err(reason) => self.notices.error(reason),
        }
    }

    /// Deletes a stored strategy, keeping it in memory so the notice can undo it.
    pub fn delete(&self, id: &str) {
        let strategy = self.stored.load(id).ok().map(|l| l.strategy);
        self.stored.delete(id);
        if self.document.is_open(id) {
            self.document.close();
        }
        self.refresh();
        self.notices.set(strategy.map(|s| Notice::Deleted(Box::new(s))));
    }

    /// Puts a deleted strategy back.
    pub fn restore(&self, strategy: Strategy) {
        self.notices.set(None);
        if let Err(SaveError::Store(e)) = self.stored.save(&strategy, &Base::default()) {
            self.notices.not_stored(e, &strategy.title);
        }
        self.refresh();
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
        self.autosave.flush();
        let Some(s) = self.document.doc.get_untracked() else { return };
        self.export_strategy(&s);
        if self.autosave.save_state.get_untracked() == SaveState::Saved {
            self.exported(&s.id, self.autosave.base().revision);
        }
    }

    fn exported(&self, id: &str, revision: u64) {
        // Best effort: a full storage only loses the "exported" mark.
        let _ = self.stored.mark_exported(id, revision);
        self.refresh();
    }

    /// Downloads a stored strategy by id; a damaged one as its raw text.
    pub fn export_by_id(&self, id: &str) {
        if self.document.is_open(id) {
            self.export_open();
            return;
        }
        match self.stored.load(id) {
            Ok(loaded) => {
                self.export_strategy(&loaded.strategy);
                self.exported(id, loaded.meta.revision);
            }
            Err(_) => {
                if let Some(raw) = self.stored.raw(id) {
                    web::download(&web::file_name(&[id, "raw"], "json"), &raw, "application/json");
                }
            }
        }
    }
}
