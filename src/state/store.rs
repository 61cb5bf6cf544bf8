//! The injected stores. Rule: every read and write of storage made by the app
//! state goes through here, and every save is stamped with this tab's id.
//! The index (settings, metas, the recently deleted list) is synchronous and
//! listed at once; documents are read and written asynchronously (see
//! [`strategy_core::library`]) and the callers run those with [`crate::web::run`].

use std::rc::Rc;

use leptos::prelude::*;
use strategy_core::library::{self, Base, DocStore, Entry, Loaded, Meta, Migration, Restored, SaveError, Settings, Store, StoreError};
use strategy_core::Strategy;

use crate::web;

/// The stores (local storage and IndexedDB in the app, any [`Store`] and
/// [`DocStore`] in tests) with this tab's id and the library listing as last
/// read; cheap to copy.
#[derive(Clone, Copy)]
pub struct Stored {
    index: StoredValue<Rc<dyn Store>, LocalStorage>,
    docs: StoredValue<Rc<dyn DocStore>, LocalStorage>,
    tab: StoredValue<String>,
    listing: RwSignal<Vec<Entry>>,
    deleted: RwSignal<Vec<Meta>>,
}

impl Stored {
    /// Wraps the stores, reading the listing once (the index only).
    pub fn new(index: Rc<dyn Store>, docs: Rc<dyn DocStore>) -> Self {
        let listing = RwSignal::new(library::list(&*index));
        let deleted = RwSignal::new(library::deleted(&*index));
        Stored { index: StoredValue::new_local(index), docs: StoredValue::new_local(docs), tab: StoredValue::new(web::random_id("tab-")), listing, deleted }
    }

    fn index(&self) -> Rc<dyn Store> {
        self.index.get_value()
    }

    fn docs(&self) -> Rc<dyn DocStore> {
        self.docs.get_value()
    }

    /// Every stored strategy, as last read by [`Stored::refresh`].
    pub fn listing(&self) -> ReadSignal<Vec<Entry>> {
        self.listing.read_only()
    }

    /// The recently deleted strategies, as last read by [`Stored::refresh`].
    pub fn deleted(&self) -> ReadSignal<Vec<Meta>> {
        self.deleted.read_only()
    }

    /// Reads the listing again (the state may be gone by the time an answer arrives).
    pub fn refresh(&self) {
        let Some(index) = self.index.try_get_value() else { return };
        self.listing.try_set(library::list(&*index));
        self.deleted.try_set(library::deleted(&*index));
    }

    /// The stored settings, or the defaults.
    pub fn settings(&self) -> Settings {
        library::settings(&*self.index())
    }

    /// Writes the settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        library::save_settings(&*self.index(), settings)
    }

    /// Reads a strategy (see [`library::load`]).
    pub async fn load(self, id: &str) -> Result<Loaded, String> {
        let (index, docs) = (self.index(), self.docs());
        library::load(&*index, &*docs, id).await
    }

    /// Saves a strategy over the stored version `base`, now, as this tab.
    pub async fn save(self, strategy: &Strategy, base: &Base) -> Result<Meta, SaveError> {
        let (index, docs) = (self.index(), self.docs());
        library::save(&*index, &*docs, strategy, base, &web::now_iso(), &self.tab.get_value()).await
    }

    /// The stored meta of a strategy.
    pub fn meta(&self, id: &str) -> Option<Meta> {
        library::stored_meta(&*self.index(), id)
    }

    /// The format version of a stored document a newer Strategy Studio wrote.
    pub async fn newer(self, id: &str) -> Option<u32> {
        let (index, docs) = (self.index(), self.docs());
        library::stored_newer(&*index, &*docs, id).await
    }

    /// What is stored under `id`, read from the index without side effects.
    pub fn existing(&self, id: &str) -> Option<Meta> {
        library::existing(&*self.index(), id)
    }

    /// The raw stored text of a strategy.
    pub async fn raw(self, id: &str) -> Option<String> {
        let (index, docs) = (self.index(), self.docs());
        library::raw(&*index, &*docs, id).await
    }

    /// Records an export of the stored strategy `id` at `revision`.
    pub fn mark_exported(&self, id: &str, revision: u64) -> Result<(), StoreError> {
        library::mark_exported(&*self.index(), id, revision)
    }

    /// Deletes a strategy into the recently deleted list.
    pub async fn delete(self, id: &str) -> Result<(), StoreError> {
        let (index, docs) = (self.index(), self.docs());
        library::delete(&*index, &*docs, id, &web::now_iso()).await
    }

    /// Puts a deleted strategy back (under a fresh id if its own is taken).
    pub async fn restore(self, doc: &str) -> Result<Restored, String> {
        let (index, docs) = (self.index(), self.docs());
        library::restore(&*index, &*docs, doc, &web::random_id("s-"), &web::now_iso(), &self.tab.get_value()).await
    }

    /// Start-up housekeeping: moves documents of the old layout and purges
    /// strategies deleted more than 30 days ago.
    pub async fn housekeeping(self) -> Migration {
        let (index, docs) = (self.index(), self.docs());
        let migration = library::migrate(&*index, &*docs).await;
        library::purge(&*index, &*docs, &web::now_iso()).await;
        migration
    }

    /// Keeps unsaved edits of a closing tab in the index.
    pub fn keep_unsaved(&self, strategy: &Strategy, base: &Base) -> Result<(), StoreError> {
        library::keep_unsaved(&*self.index(), strategy, base)
    }

    /// The unsaved edits a closed tab kept for `id` over the stored version `base`.
    pub fn take_unsaved(&self, id: &str, base: &Base) -> Option<Strategy> {
        library::take_unsaved(&*self.index(), id, base)
    }
}
