//! The browser's storage behind the core's stores: local storage (through
//! gloo-storage) as the synchronous index [`Store`] — settings, the library's
//! metas, the recently deleted list — and IndexedDB as the asynchronous
//! [`DocStore`] of documents (database `strategy-studio`, object store
//! `documents`, one string per key). A document write is answered once its
//! transaction has committed, so an answer of success means durable.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use js_sys::Promise;
use strategy_core::library::{DocStore, Later, Store, StoreError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The error a browser store reports, as the core names it.
fn store_error(e: &JsValue) -> StoreError {
    let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::QuotaExceeded
    } else if name.is_empty() {
        StoreError::Other(e.as_string().unwrap_or_else(|| format!("{e:?}")))
    } else {
        let message = e.dyn_ref::<web_sys::DomException>().map(|d| d.message()).unwrap_or_default();
        StoreError::Other(if message.is_empty() { name } else { format!("{name}: {message}") })
    }
}

/// Local storage of this origin.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(|e| store_error(&e))
    }

    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        let n = storage.length().unwrap_or(0);
        (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}

/// The IndexedDB database holding the documents.
pub const DB_NAME: &str = "strategy-studio";
/// Its object store of documents.
pub const DOCUMENTS: &str = "documents";

/// The documents in IndexedDB; the database is opened at the first use.
#[derive(Debug, Clone, Default)]
pub struct IdbStore {
    db: Rc<RefCell<Option<IdbDatabase>>>,
}

/// A promise settled by a request's success (with its result) or error.
fn settled(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map(JsValue::from).unwrap_or_else(|| "the request failed".into());
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise settled when a transaction has committed, or with its error
/// when it is aborted (a full quota aborts it with `QuotaExceededError`).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let reject = Rc::new(reject);
        let reject_abort = reject.clone();
        let failed_abort = tx.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from).unwrap_or_else(|| "the transaction failed".into());
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let on_abort = Closure::once_into_js(move || {
            let error = failed_abort.error().map(JsValue::from).unwrap_or_else(|| "the transaction was aborted".into());
            let _ = reject_abort.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_error.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

impl IdbStore {
    /// The open database, opening (and on first use creating) it.
    async fn db(&self) -> Result<IdbDatabase, StoreError> {
        if let Some(db) = self.db.borrow().clone() {
            return Ok(db);
        }
        let unavailable = || StoreError::Other("IndexedDB is not available in this browser".into());
        let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or_else(unavailable)?;
        let request = factory.open_with_u32(DB_NAME, 1).map_err(|e| store_error(&e))?;
        let upgrading = request.clone();
        let on_upgrade = Closure::once_into_js(move || {
            if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                if !db.object_store_names().contains(DOCUMENTS) {
                    let _ = db.create_object_store(DOCUMENTS);
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db: IdbDatabase = settled(&request).await.map_err(|e| store_error(&e))?.dyn_into().map_err(|_| unavailable())?;
        // Another tab upgrading the database later closes this connection; it reopens at the next use.
        let slot = self.db.clone();
        let closing = db.clone();
        let on_version_change = Closure::<dyn FnMut()>::new(move || {
            closing.close();
            slot.borrow_mut().take();
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        *self.db.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    async fn transaction(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StoreError> {
        let db = self.db().await?;
        let tx = db.transaction_with_str_and_mode(DOCUMENTS, mode).map_err(|e| store_error(&e))?;
        let store = tx.object_store(DOCUMENTS).map_err(|e| store_error(&e))?;
        Ok((tx, store))
    }

    async fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly).await?;
        let request = store.get(&key.into()).map_err(|e| store_error(&e))?;
        Ok(settled(&request).await.map_err(|e| store_error(&e))?.as_string())
    }

    async fn write(&self, key: &str, text: Option<&str>) -> Result<(), StoreError> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite).await?;
        let done = committed(&tx);
        let request = match text {
            Some(text) => store.put_with_key(&text.into(), &key.into()),
            None => store.delete(&key.into()),
        };
        if let Err(e) = request {
            let _ = tx.abort();
            return Err(store_error(&e));
        }
        done.await.map(|_| ()).map_err(|e| store_error(&e))
    }

    /// Every key in the documents, for tests and checks.
    pub async fn keys(&self) -> Result<Vec<String>, StoreError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly).await?;
        let request = store.get_all_keys().map_err(|e| store_error(&e))?;
        let keys: js_sys::Array = settled(&request).await.map_err(|e| store_error(&e))?.unchecked_into();
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }
}

impl DocStore for IdbStore {
    fn get_doc<'a>(&'a self, key: &'a str) -> Later<'a, Option<String>> {
        Box::pin(self.get(key))
    }

    fn put_doc<'a>(&'a self, key: &'a str, text: &'a str) -> Later<'a, ()> {
        Box::pin(self.write(key, Some(text)))
    }

    fn remove_doc<'a>(&'a self, key: &'a str) -> Later<'a, ()> {
        Box::pin(self.write(key, None))
    }
}
