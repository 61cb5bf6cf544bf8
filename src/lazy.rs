//! The documents module (`crates/lazy`, the second wasm module): loaded the
//! first time a document is previewed or downloaded, never at start-up.
//!
//! Rule: the start-up wasm holds no document builder or file writer; it hands
//! the strategy to the module as its compact storage JSON and gets bytes (or
//! an error message) back. The module is one load per page: a failed load is
//! forgotten, so the next use tries again.
//!
//! Hosted, the module is `lazy/strategy-lazy.js` (+ `_bg.wasm`) beside the
//! page, put into the build by the trunk hook `scripts/build-lazy.mjs`,
//! imported with a dynamic `import()` (same origin: the CSP's `script-src
//! 'self'`) and cached by the service worker like every file of the build.
//! In the one-file build (`scripts/single-file.mjs`) the module's glue is
//! part of the page and its wasm is in the page's data block: the page sets
//! `globalThis.__strategyStudioLazy`, which this loader uses when present.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
let loading = null;
function load() {
  if (!loading) {
    loading = (async () => {
      const inlined = globalThis.__strategyStudioLazy;
      if (typeof inlined === 'function') return inlined();
      const module = await import(new URL('lazy/strategy-lazy.js', document.baseURI).href);
      await module.default({ module_or_path: new URL('lazy/strategy-lazy_bg.wasm', document.baseURI) });
      return module;
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function lazy_loaded() { return loading !== null; }
export async function lazy_make(json, kind, year, currentYear, lang, format, picture) {
  return (await load()).make(json, kind, year, currentYear, lang, format, picture);
}
export async function lazy_file_name(json, kind, year, lang, format) {
  return (await load()).file_name(json, kind, year, lang, format);
}
"#)]
extern "C" {
    fn lazy_loaded() -> bool;
    fn lazy_make(json: &str, kind: &str, year: i32, current_year: i32, lang: &str, format: &str, picture: &JsValue) -> js_sys::Promise;
    fn lazy_file_name(json: &str, kind: &str, year: i32, lang: &str, format: &str) -> js_sys::Promise;
}

/// What the documents module is asked for: a document of the strategy
/// (`strategy`, `annual`, `workbook`) in a language, for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRequest {
    /// The strategy in its compact storage form ([`strategy_core::compact`]).
    pub json: std::sync::Arc<str>,
    pub kind: &'static str,
    pub year: i32,
    pub current_year: i32,
    pub lang: &'static str,
}

/// The message of a thrown error (or its text).
fn message(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}

/// Whether the module has been asked for on this page (loaded or loading).
pub fn started() -> bool {
    lazy_loaded()
}

/// Makes the file in `format` (`preview`: the HTML body for the page; `html`,
/// `docx`, `xlsx`, `csv`), loading the module first if needed; `picture` is
/// the PNG of the document's figure, for the DOCX.
pub async fn make(request: &DocRequest, format: &str, picture: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let r = request;
    let picture = picture.map_or(JsValue::UNDEFINED, |png| js_sys::Uint8Array::from(png).into());
    let value = JsFuture::from(lazy_make(&r.json, r.kind, r.year, r.current_year, r.lang, format, &picture)).await.map_err(message)?;
    Ok(value.dyn_into::<js_sys::Uint8Array>().map_err(|_| "the documents module answered no bytes".to_string())?.to_vec())
}

/// The download name of that file, `institution-title-kind-year.ext`.
pub async fn file_name(request: &DocRequest, format: &str) -> Result<String, String> {
    let r = request;
    let value = JsFuture::from(lazy_file_name(&r.json, r.kind, r.year, r.lang, format)).await.map_err(message)?;
    value.as_string().ok_or_else(|| "the documents module answered no name".to_string())
}
