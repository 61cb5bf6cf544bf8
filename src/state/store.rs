//! The injected store. Rule: every read and write of storage made by the app
//! state goes through here, and every save is stamped with this tab's id.

use std::rc::Rc;

use leptos::prelude::*;
use strategy_core::library::{self, Base, Entry, Loaded, Meta, SaveError, Settings, Store, StoreError};
use strategy_core::Strategy;

use crate::web;

/// The store (local storage in the app, any [`Store`] in tests) with this
/// tab's id and the library listing as last read; cheap to copy.
#[derive(Clone, Copy)]
pub struct Stored {
    store: StoredValue<Rc<dyn Store>, LocalStorage>,
    tab: StoredValue<String>,
    listing: RwSignal<Vec<Entry>>,
}

impl Stored {
    /// Wraps `store`, reading the listing once.
    pub fn new(store: Rc<dyn Store>) -> Self {
        let listing = RwSignal::new(library::list(&*store));
        Stored { store: StoredValue::new_local(store), tab: StoredValue::new(web::random_id("tab-")), listing }
    }

    fn store(&self) -> Rc<dyn Store> {
        self.store.get_value()
    }

    /// Every stored strategy, as last read by [`Stored::refresh`].
    pub fn listing(&self) -> ReadSignal<Vec<Entry>> {
        self.listing.read_only()
    }

    /// Reads the listing again.
    pub fn refresh(&self) {
        self.listing.set(library::list(&*self.store()));
    }

    /// The stored settings, or the defaults.
    pub fn settings(&self) -> Settings {
        library::settings(&*self.store())
    }

    /// Writes the settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        library::save_settings(&*self.store(), settings)
    }

    /// Reads a strategy (see [`library::load`]).
    pub fn load(&self, id: &str) -> Result<Loaded, String> {
        library::load(&*self.store(), id)
    }

    /// Saves a strategy over the stored version `base`, now, as this tab.
    pub fn save(&self, strategy: &Strategy, base: &Base) -> Result<Meta, SaveError> {
        library::save(&*self.store(), strategy, base, &web::now_iso(), &self.tab.get_value())
    }

    /// The stored meta of a strategy.
    pub fn meta(&self, id: &str) -> Option<Meta> {
        library::stored_meta(&*self.store(), id)
    }

    /// The format version of a stored document a newer Strategy Studio wrote.
    pub fn newer(&self, id: &str) -> Option<u32> {
        library::stored_newer(&*self.store(), id)
    }

    /// What is stored under `id`, read without side effects.
    pub fn existing(&self, id: &str) -> Option<Meta> {
        library::existing(&*self.store(), id)
    }

    /// The raw stored text of a strategy.
    pub fn raw(&self, id: &str) -> Option<String> {
        library::raw(&*self.store(), id)
    }

    /// Records an export of the stored strategy `id` at `revision`.
    pub fn mark_exported(&self, id: &str, revision: u64) -> Result<(), StoreError> {
        library::mark_exported(&*self.store(), id, revision)
    }

    /// Removes a strategy.
    pub fn delete(&self, id: &str) {
        library::delete(&*self.store(), id)
    }
}
