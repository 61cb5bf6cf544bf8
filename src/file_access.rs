//! The File System Access API (`showSaveFilePicker`, `showOpenFilePicker`,
//! `FileSystemFileHandle.createWritable`), where the browser has it
//! (Chromium). Rule: a file handle is an opaque value passed back in; the
//! user cancelling a picker is `Ok(None)`, never an error; every failure is
//! the browser's reason as text.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file picked with the API.
#[derive(Clone, Debug)]
pub struct Handle(JsValue);

impl Handle {
    /// The file's name, e.g. `plan.json`.
    pub fn name(&self) -> String {
        Reflect::get(&self.0, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
    }

    /// Replaces the file's content with `text`.
    pub async fn write(&self, text: &str) -> Result<(), String> {
        let writable = call_async(&self.0, "createWritable", &[]).await?;
        call_async(&writable, "write", &[JsValue::from_str(text)]).await?;
        call_async(&writable, "close", &[]).await?;
        Ok(())
    }

    /// The file's content as bytes.
    pub async fn read(&self) -> Result<Vec<u8>, String> {
        let file: web_sys::File = call_async(&self.0, "getFile", &[]).await?.dyn_into().map_err(|_| "not a file".to_string())?;
        crate::web::read_bytes(file).await
    }
}

/// Whether this browser can save to and open real files.
pub fn supported() -> bool {
    Reflect::has(&js_sys::global(), &"showSaveFilePicker".into()).unwrap_or(false)
}

/// Asks where to save, suggesting `name`; `None` when the user cancelled.
pub async fn pick_save(name: &str) -> Result<Option<Handle>, String> {
    let options = picker_options();
    let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
    picked(call_async(&js_sys::global(), "showSaveFilePicker", &[options.into()]).await).map(|h| h.map(Handle))
}

/// Asks for a strategy file to open; `None` when the user cancelled.
pub async fn pick_open() -> Result<Option<Handle>, String> {
    let handles = picked(call_async(&js_sys::global(), "showOpenFilePicker", &[picker_options().into()]).await)?;
    Ok(handles.map(|list| Handle(Array::from(&list).get(0))))
}

/// JSON files only.
fn picker_options() -> Object {
    let options = Object::new();
    let accept = Object::new();
    let _ = Reflect::set(&accept, &"application/json".into(), &Array::of1(&".json".into()));
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Strategy Studio JSON".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    options
}

/// A picker's answer: the user's cancel (`AbortError`) is no error.
fn picked(result: Result<JsValue, String>) -> Result<Option<JsValue>, String> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(reason) if reason == "AbortError" => Ok(None),
        Err(reason) => Err(reason),
    }
}

/// Calls `target.method(...args)` and awaits the promise it returns.
async fn call_async(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function: Function = Reflect::get(target, &method.into()).map_err(reason)?.dyn_into().map_err(|_| format!("{method} is missing"))?;
    let result = function.apply(target, &args.iter().collect::<Array>()).map_err(reason)?;
    match result.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await.map_err(reason),
        Err(value) => Ok(value),
    }
}

/// The name of a thrown `DOMException` (`NotAllowedError`, `AbortError`…), or its text.
fn reason(error: JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
