//! The browser's local storage as a [`Store`] (through gloo-storage); sizes
//! are in UTF-16 code units, as the browser counts them.

use gloo_storage::{LocalStorage, Storage};
use strategy_core::library::{Store, StoreError};
use wasm_bindgen::JsCast;

/// Local storage of this origin.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(|e| {
            let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StoreError::QuotaExceeded
            } else {
                StoreError::Other(if name.is_empty() { format!("{e:?}") } else { name })
            }
        })
    }

    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        let n = storage.length().unwrap_or(0);
        (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }

    /// The length in UTF-16 code units, read in JavaScript without copying
    /// the value into wasm.
    fn size(&self, key: &str) -> Option<usize> {
        let storage: wasm_bindgen::JsValue = LocalStorage::raw().into();
        let get_item = js_sys::Reflect::get(&storage, &"getItem".into()).ok()?;
        let value = get_item.dyn_ref::<js_sys::Function>()?.call1(&storage, &key.into()).ok()?;
        value.dyn_ref::<js_sys::JsString>().map(|s| s.length() as usize)
    }

    fn measure(&self, value: &str) -> usize {
        value.encode_utf16().count()
    }
}
