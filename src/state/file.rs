//! Strategies kept in real files as well as in the browser (see
//! `strategy_core::file_link` and [`crate::file_access`]). Rule: a file is
//! linked to one strategy for the life of the page, by "Save to file…" or by
//! opening it and importing it as it is; after every save in the browser the
//! saved revision is written to its file too, as a reaction (the save never
//! waits for it); a written file counts as an export. A working session that
//! leaves changes in the browser only ends with a reminder to keep a file.

use std::collections::HashMap;

use leptos::prelude::*;
use strategy_core::file_link::{FileLink, FileState};
use strategy_core::format::export;
use strategy_core::i18n::fill;

use super::autosave::{Autosave, SaveState};
use super::document::Document;
use super::import::Import;
use super::library::Library;
use super::notices::{Notice, Notices};
use super::store::Stored;
use crate::file_access::{self, Handle};

/// The files linked to strategies; cheap to copy (two handles), provided by context.
#[derive(Clone, Copy)]
pub struct Files {
    /// Each linked strategy's link, by strategy id.
    links: RwSignal<HashMap<String, FileLink>>,
    inner: StoredValue<Inner, LocalStorage>,
}

/// What [`Files`] keeps besides the links.
struct Inner {
    handles: HashMap<String, Handle>,
    /// A file opened for import: linked if the import stores it as it is.
    opened: Option<Handle>,
    /// The strategy of the working session and the saves of its edits since
    /// it began or was last kept in a file.
    session: (String, u32),
    concerns: Concerns,
}

/// The concerns [`Files`] works with.
#[derive(Clone, Copy)]
struct Concerns {
    document: Document,
    autosave: Autosave,
    stored: Stored,
    library: Library,
    notices: Notices,
}

/// A working session of at least this many saves ends with a reminder to
/// keep a file, when the strategy has changes that are in no file.
pub const REMIND_AFTER_SAVES: u32 = 3;

impl Files {
    /// No file linked yet; every save of `autosave` is followed.
    pub fn new(document: Document, autosave: Autosave, stored: Stored, library: Library, notices: Notices) -> Self {
        let concerns = Concerns { document, autosave, stored, library, notices };
        let inner = Inner { handles: HashMap::new(), opened: None, session: (String::new(), 0), concerns };
        let files = Files { links: RwSignal::new(HashMap::new()), inner: StoredValue::new_local(inner) };
        Effect::new(move |previous: Option<SaveState>| {
            let state = autosave.save_state.get();
            if state == SaveState::Saved {
                files.saved(previous == Some(SaveState::Pending));
            }
            state
        });
        files
    }

    /// The concerns it works with.
    fn concerns(&self) -> Concerns {
        self.inner.with_value(|i| i.concerns)
    }

    /// Whether this browser can keep a strategy in a real file.
    pub fn supported(&self) -> bool {
        file_access::supported()
    }

    /// The open strategy's file (tracked).
    pub fn state(&self) -> FileState {
        let Some(id) = self.concerns().document.doc.with(|d| d.as_ref().map(|s| s.id.clone())) else { return FileState::Unlinked };
        self.links.with(|l| l.get(&id).map_or(FileState::Unlinked, FileLink::state))
    }

    /// "Save to file…": asks where, links the file to the open strategy and
    /// writes it now (also when the browser's storage is full). Where the
    /// browser cannot, downloads it.
    pub async fn save_to_file(&self) {
        let w = self.concerns();
        w.autosave.flush();
        if !self.supported() {
            w.library.export_open();
            return;
        }
        let Some(s) = w.document.doc.get_untracked() else { return };
        let name = crate::web::file_name(&[&s.title], "json");
        match file_access::pick_save(&name).await {
            Ok(Some(handle)) => self.link(&s.id, handle, None),
            Ok(None) => {}
            Err(reason) => w.notices.error(fill(w.notices.texts().file_not_written, &[("name", &name), ("reason", &reason)])),
        }
    }

    /// "Open file…": asks for a file and shows its import preview; importing
    /// it as it is (not as a copy) links the file.
    pub async fn open_file(&self, import: Import) {
        if !self.supported() {
            return;
        }
        let notices = self.concerns().notices;
        let unreadable = move |reason: String| notices.error(fill(notices.texts().file_unreadable, &[("reason", &reason)]));
        let handle = match file_access::pick_open().await {
            Ok(Some(handle)) => handle,
            Ok(None) => return,
            Err(reason) => return unreadable(reason),
        };
        match handle.read().await {
            Ok(bytes) => {
                self.inner.update_value(|i| i.opened = Some(handle));
                match strategy_core::decode(&bytes) {
                    Ok(text) => import.start_import(&text),
                    Err(problems) => import.current.set(Some(super::ImportState::Refused(problems))),
                }
            }
            Err(reason) => unreadable(reason),
        }
    }

    /// The import of the file last opened ended: stored as it is under `id`
    /// at `revision` (the file holds it), or not (`None`: cancelled, refused
    /// or a copy), which forgets the file.
    pub fn imported(&self, stored: Option<(&str, u64)>) {
        let Some(handle) = self.inner.try_update_value(|i| i.opened.take()).flatten() else { return };
        if let Some((id, revision)) = stored {
            self.link(id, handle, Some(revision));
        }
    }

    /// The working session on the open strategy ends (leaving it): reminds
    /// to keep a file when it has changes in none.
    pub fn session_ended(&self) {
        let w = self.concerns();
        let Some((id, title)) = w.document.doc.with_untracked(|d| d.as_ref().map(|s| (s.id.clone(), s.title.clone()))) else { return };
        let saves = self.inner.try_update_value(|i| if i.session.0 == id { std::mem::take(&mut i.session.1) } else { 0 }).unwrap_or_default();
        let linked = self.links.with_untracked(|l| l.contains_key(&id));
        let unexported = w.stored.meta(&id).is_some_and(|m| m.unexported());
        if saves >= REMIND_AFTER_SAVES && !linked && unexported {
            w.notices.set(Some(Notice::KeepAFile { id, title }));
        }
    }

    /// Links `handle` to the strategy `id`, which the file holds at
    /// `revision` (none: nothing of ours yet), and writes what the browser holds.
    fn link(&self, id: &str, handle: Handle, revision: Option<u64>) {
        let name = handle.name();
        let link = revision.map_or_else(|| FileLink::link(&name), |r| FileLink::linked_at(&name, r));
        self.inner.update_value(|i| {
            i.handles.insert(id.to_string(), handle);
            i.session.1 = 0;
        });
        self.links.update(|l| {
            l.insert(id.to_string(), link);
        });
        let revision = self.concerns().autosave.base().revision.max(1);
        self.start(id, |link| link.saved(revision));
    }

    /// The open strategy is as stored (`edited`: its edits were just saved):
    /// count the save, and write its file if it has one.
    fn saved(&self, edited: bool) {
        let w = self.concerns();
        let Some(id) = w.document.open_id() else { return };
        if edited {
            self.inner.update_value(|i| match &mut i.session {
                (session, saves) if *session == id => *saves += 1,
                session => *session = (id.clone(), 1),
            });
        }
        let revision = w.autosave.base().revision;
        if revision > 0 {
            self.start(&id, |link| link.saved(revision));
        }
    }

    /// Asks the link of `id` what to write (`step`), and writes it.
    fn start(&self, id: &str, step: impl FnOnce(&mut FileLink) -> Option<u64>) {
        let mut next = None;
        self.links.update(|l| next = l.get_mut(id).and_then(step));
        if let Some(revision) = next {
            self.write(id.to_string(), revision);
        }
    }

    /// Writes the strategy `id` (as open, else as stored) to its file, then
    /// whatever waits.
    fn write(&self, id: String, revision: u64) {
        let w = self.concerns();
        let open = if w.document.is_open(&id) { w.document.doc.with_untracked(|d| d.as_ref().map(export)) } else { None };
        let Some(handle) = self.inner.with_value(|i| i.handles.get(&id).cloned()) else { return };
        let files = *self;
        leptos::task::spawn_local(async move {
            let text = match open {
                Some(text) => Some(text),
                None => w.stored.load(&id).await.ok().map(|l| export(&l.strategy)),
            };
            let result: Result<(), String> = match text {
                Some(text) => handle.write(&text).await,
                None => Err(w.notices.texts().file_nothing_to_write.to_string()),
            };
            match &result {
                Err(reason) => w.notices.error(fill(w.notices.texts().file_not_written, &[("name", &handle.name()), ("reason", reason)])),
                Ok(()) => {
                    // Best effort: a full storage only loses the "exported" mark.
                    let _ = w.stored.mark_exported(&id, revision);
                    w.stored.refresh();
                    files.inner.update_value(|i| i.session.1 = 0);
                }
            }
            files.start(&id, |link| link.done(result));
        });
    }
}
