//! Importing a file. Rule: a file is read and checked into a preview without
//! touching storage; it is stored only as the user confirms, never over a
//! stored strategy without asking and never over a newer version's.

use leptos::prelude::*;
use strategy_core::i18n::{fill, Lang};
use strategy_core::library::{Base, Meta, SaveError};
use strategy_core::{import, Imported, Problem};

use super::autosave::{Autosave, SaveState};
use super::document::Document;
use super::file::Files;
use super::library::Library;
use super::notices::{Notice, Notices};
use super::store::Stored;
use crate::route::{Route, Section};
use crate::web;

/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 25 * 1024 * 1024;

/// An import waiting for the user's decision.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    /// The file cannot be imported; nothing was changed.
    Refused(Vec<Problem>),
    /// The file is readable: show its preview; `existing` is the stored
    /// strategy with the same id; `renamed` the unsafe ids (reported among
    /// the problems with their paths) and the fresh ids they get.
    Preview { imported: Box<Imported>, existing: Option<Meta>, renamed: Vec<(String, String)> },
}

/// How to store an imported strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// As it is (no strategy with its id is stored).
    AsIs,
    /// With a new id, beside the existing one.
    AsCopy,
    /// Over the existing one with the same id.
    Replace,
}

/// The import in progress; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Import {
    /// The import waiting for the user's decision, if any.
    pub current: RwSignal<Option<ImportState>>,
    /// The concerns it works with (one handle, so that copies stay small).
    with: StoredValue<ImportWith, LocalStorage>,
}

/// The concerns [Import] works with.
#[derive(Clone, Copy)]
struct ImportWith {
    stored: Stored,
    library: Library,
    files: Files,
    document: Document,
    autosave: Autosave,
    notices: Notices,
    route: RwSignal<Route>,
}

impl Import {
    /// The concerns it works with.
    fn w(&self) -> ImportWith {
        self.with.get_value()
    }

    /// No import yet; a stored import opens on `route`.
    pub fn new(stored: Stored, library: Library, files: Files, document: Document, autosave: Autosave, notices: Notices, route: RwSignal<Route>) -> Self {
        Import { current: RwSignal::new(None), with: StoredValue::new_local(ImportWith { stored, library, files, document, autosave, notices, route }) }
    }

    /// Closes the preview without storing anything.
    pub fn cancel(&self) {
        self.current.set(None);
        self.w().files.imported(None);
    }

    /// Reads a file the user picked or dropped and shows its preview (or why it is refused).
    pub async fn import_file(&self, file: web_sys::File) {
        let text = match web::read_bytes(file).await {
            Ok(bytes) => strategy_core::decode(&bytes),
            Err(reason) => {
                let says = |lang: Lang| fill(lang.texts().file_unreadable, &[("reason", &reason)]);
                Err(vec![Problem::error("", says(Lang::En)).lv(says(Lang::Lv))])
            }
        };
        match text {
            Ok(text) => self.start_import(&text),
            Err(problems) => self.current.set(Some(ImportState::Refused(problems))),
        }
    }

    /// Reads an import's text and shows its preview (or why it is refused).
    pub fn start_import(&self, text: &str) {
        let t = self.w().notices.texts();
        if text.len() > MAX_IMPORT_BYTES {
            let size = format!("{:.1}", text.len() as f64 / 1_048_576.0);
            let max = (MAX_IMPORT_BYTES / 1_048_576).to_string();
            self.current.set(Some(ImportState::Refused(vec![Problem::error("", fill(t.file_too_large, &[("size", &size), ("max", &max)]))])));
            return;
        }
        let state = match import(text) {
            Ok(mut imported) => {
                // Unsafe ids never reach storage, the URL or the page; their
                // problems stay in the preview, with the JSON paths of the file.
                let mut renamed = strategy_core::id::replace_unsafe_ids(&mut imported.strategy);
                // A renamed strategy gets a random id, so that it cannot meet a stored one.
                if let Some(pair) = renamed.iter_mut().find(|(_, new)| *new == imported.strategy.id) {
                    pair.1 = web::random_id("s-");
                    imported.strategy.id = pair.1.clone();
                }
                // Read without side effects: nothing is written before the user confirms.
                let existing = self.w().stored.existing(&imported.strategy.id);
                ImportState::Preview { imported: Box::new(imported), existing, renamed }
            }
            Err(problems) => ImportState::Refused(problems),
        };
        self.current.set(Some(state));
    }

    /// Stores the previewed import as the user chose, and opens it. The
    /// preview closes as soon as the user confirms, so that no dialog hides
    /// what happens next: the strategy opening, or why nothing was stored.
    pub fn finish_import(&self, mode: ImportMode) {
        if !self.current.with_untracked(|c| matches!(c, Some(ImportState::Preview { .. }))) {
            return;
        }
        // Taken, not copied: the preview closes with it.
        let Some(Some(ImportState::Preview { imported, existing, .. })) = self.current.try_update(Option::take) else { return };
        let t = self.w().notices.texts();
        let mut strategy = imported.strategy;
        if strategy.id.trim().is_empty() || mode == ImportMode::AsCopy {
            let title = if mode == ImportMode::AsCopy { format!("{} {}", strategy.title, t.copy_suffix) } else { strategy.title.clone() };
            strategy = strategy.duplicate(&web::random_id("s-"), &title);
        }
        let expected = match (mode, &existing) {
            (ImportMode::Replace, Some(meta)) => meta.base(),
            _ => Base::default(),
        };
        let import = *self;
        web::run(async move {
            if mode == ImportMode::Replace {
                if let Some(version) = import.w().stored.newer(&strategy.id).await {
                    import.w().files.imported(None);
                    import.w().notices.error(fill(t.newer_entry, &[("version", &version.to_string())]));
                    return;
                }
            }
            let replacing_open = import.w().document.is_open(&strategy.id);
            let open_state = import.w().autosave.save_state.get_untracked();
            if replacing_open {
                // The open copy is replaced: drop its pending save so it cannot overwrite the import.
                import.w().autosave.save_state.set(SaveState::Saved);
            }
            let saved = import.w().stored.save(&strategy, &expected).await;
            // A file opened for this import stays linked when it is stored as it is.
            let as_the_file = saved.as_ref().ok().filter(|_| mode != ImportMode::AsCopy).map(|meta| (strategy.id.as_str(), meta.revision));
            import.w().files.imported(as_the_file);
            match saved {
                Ok(meta) => {
                    import.w().library.refresh();
                    import.w().notices.set(Some(Notice::Info(fill(t.imported, &[("title", &strategy.title)]))));
                    let id = strategy.id.clone();
                    if replacing_open {
                        import.w().library.open(&id);
                    } else {
                        // Opened as stored, not read back from storage.
                        import.w().library.open_stored(strategy, meta);
                    }
                    crate::route::navigate(import.w().route, Route::Strategy { id, section: Section::Overview, focus: None });
                }
                Err(SaveError::Store(e)) => {
                    if replacing_open {
                        import.w().autosave.save_state.set(open_state);
                    }
                    import.w().notices.not_stored(e, &strategy.title);
                }
                Err(SaveError::Conflict(_)) => import.w().notices.error(t.conflict),
            }
        });
    }
}
