//! Small browser helpers: running state tasks, time, ids, files, downloads and loading ECharts.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The current time, ISO 8601 in UTC.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Runs a task of the app state: at once as far as it gets without waiting
/// (to the end, over a store that answers at once, as the in-memory one of
/// the tests does), the rest when what it waits for arrives.
pub fn run(task: impl std::future::Future<Output = ()> + 'static) {
    let mut task = Box::pin(task);
    if strategy_core::library::poll_once(task.as_mut()).is_pending() {
        wasm_bindgen_futures::spawn_local(task);
    }
}

/// Today's date, `YYYY-MM-DD`.
pub fn today() -> String {
    now_iso()[..10].to_string()
}

/// The current year.
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// A new random id with `prefix`, for strategies and tabs.
pub fn random_id(prefix: &str) -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{prefix}{}{}", radix36(time), radix36(random))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    download_blob(file_name, &blob);
}

/// Offers bytes as a file download named `file_name`.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    download_blob(file_name, &blob);
}

/// Offers a blob as a file download.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    let document = leptos::prelude::document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.set_attribute("hidden", "").ok();
        if let Some(body) = document.body() {
            body.append_child(&a).ok();
            a.click();
            body.remove_child(&a).ok();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A safe file name from parts: lower case, dashes, no diacritics lost
/// (Latvian letters are kept), e.g. `lm-darbibas-strategija-2026-11-23.json`.
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let joined = parts.iter().filter(|p| !p.trim().is_empty()).copied().collect::<Vec<_>>().join("-");
    let mut name = String::new();
    for c in joined.to_lowercase().chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name: String = name.trim_matches('-').chars().take(80).collect();
    format!("{}.{extension}", if name.is_empty() { "strategy".to_string() } else { name })
}

/// Reads the bytes of a file the user picked or dropped.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

thread_local! {
    static ECHARTS: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Loads ECharts from the app's own `vendor/` folder on first use; later
/// calls wait for the same load. Returns whether it is available. A page that
/// already has it (the one-file build inlines it) uses that copy.
pub async fn load_echarts() -> bool {
    if js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false) {
        return true;
    }
    let promise = ECHARTS.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                js_sys::Promise::new(&mut |resolve, reject| {
                    let document = leptos::prelude::document();
                    let script: web_sys::HtmlScriptElement = document.create_element("script").expect("a script element").unchecked_into();
                    script.set_src("vendor/echarts.min.js");
                    script.set_onload(Some(&resolve));
                    script.set_onerror(Some(&reject));
                    document.head().expect("a head").append_child(&script).ok();
                })
            })
            .clone()
    });
    JsFuture::from(promise).await.is_ok()
}

#[wasm_bindgen]
extern "C" {
    /// `echarts.getInstanceByDom(element)`, to dispose a chart.
    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    fn echarts_instance(element: &web_sys::Element) -> JsValue;
}

/// Calls `method` (e.g. "resize", "dispose") on the ECharts instance drawn in
/// `element`, if there is one.
fn call_chart(element: &web_sys::Element, method: &str) {
    if !js_sys::Reflect::has(&js_sys::global(), &"echarts".into()).unwrap_or(false) {
        return;
    }
    let instance = echarts_instance(element);
    if instance.is_undefined() || instance.is_null() {
        return;
    }
    if let Ok(f) = js_sys::Reflect::get(&instance, &method.into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&instance);
        }
    }
}

/// Frees the chart drawn in `element`.
pub fn dispose_chart(element: &web_sys::Element) {
    call_chart(element, "dispose");
}

/// Fits the chart drawn in `element` to its new size.
pub fn resize_chart(element: &web_sys::Element) {
    call_chart(element, "resize");
}

#[wasm_bindgen(inline_js = r#"
export async function svg_png(svg, width, height, scale) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise((done, failed) => { image.onload = done; image.onerror = failed; image.src = url; });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise((done) => canvas.toBlob(done, 'image/png'));
    return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
  } catch (_) {
    return undefined;
  } finally {
    URL.revokeObjectURL(url);
  }
}
"#)]
extern "C" {
    fn svg_png(svg: &str, width: f64, height: f64, scale: f64) -> js_sys::Promise;
}

/// The largest picture drawn, in pixels (browsers refuse bigger canvases).
const MAX_PIXELS: f64 = 32_000_000.0;

/// An SVG document drawn as a PNG at `scale` times its size (less if that
/// would exceed the browsers' canvas limit); `None` when the browser cannot.
pub async fn svg_to_png(svg: &str, width: f64, height: f64, scale: f64) -> Option<Vec<u8>> {
    let scale = scale.min((MAX_PIXELS / (width * height).max(1.0)).sqrt());
    let bytes = JsFuture::from(svg_png(svg, width, height, scale)).await.ok()?;
    bytes.dyn_into::<js_sys::Uint8Array>().ok().map(|b| b.to_vec())
}

/// Renders an SVG document to a PNG at `scale` times its size in the browser
/// and offers it as a download.
pub fn download_svg_as_png(svg: &str, width: f64, height: f64, scale: f64, file_name: &str) {
    let (svg, name) = (svg.to_string(), file_name.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(png) = svg_to_png(&svg, width, height, scale).await {
            download_bytes(&name, &png, "image/png");
        }
    });
}

// --- Offline: the service worker and persistent storage ----------------------

/// `navigator[name]` when the browser offers it (service workers and the
/// storage manager exist only in secure contexts: https or localhost).
fn navigator_part(name: &str) -> Option<JsValue> {
    let navigator = leptos::prelude::window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// `navigator.serviceWorker`, if available.
pub fn service_worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    navigator_part("serviceWorker").map(JsCast::unchecked_into)
}

/// Registers the app's service worker, `sw.js` beside the page, for the
/// page's own folder (so the app works under any sub-path). `None` where
/// service workers are unavailable or registration failed (then the app
/// simply works online only), and quietly on `file://` (the one-file build),
/// where browsers refuse them and everything is in the page already.
pub async fn register_service_worker() -> Option<web_sys::ServiceWorkerRegistration> {
    if leptos::prelude::window().location().protocol().ok().as_deref() == Some("file:") {
        return None;
    }
    let container = service_worker_container()?;
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    match JsFuture::from(container.register_with_options("./sw.js", &options)).await {
        // Some environments (automation blocking workers) resolve with nothing.
        Ok(registration) if registration.is_object() => Some(registration.unchecked_into()),
        Ok(_) => None,
        Err(e) => {
            web_sys::console::warn_2(&"Strategy Studio: the service worker was not registered; the app works online only.".into(), &e);
            None
        }
    }
}

/// Asks the service worker to look for a new version now; failures (offline)
/// are ignored.
pub async fn check_for_update(registration: &web_sys::ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        let _ = JsFuture::from(promise).await;
    }
}

/// Tells a waiting service worker to take over (it then claims the pages,
/// which fire `controllerchange`).
pub fn activate_waiting(worker: &web_sys::ServiceWorker) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
    let _ = worker.post_message(&message);
}

/// `navigator.storage`, if available.
fn storage_manager() -> Option<web_sys::StorageManager> {
    navigator_part("storage").map(JsCast::unchecked_into)
}

async fn storage_call(call: impl FnOnce(&web_sys::StorageManager) -> Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    let manager = storage_manager()?;
    JsFuture::from(call(&manager).ok()?).await.ok()
}

/// Whether this site's storage is persistent (`navigator.storage.persisted()`).
pub async fn storage_persisted() -> Option<bool> {
    storage_call(web_sys::StorageManager::persisted).await?.as_bool()
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`);
/// returns the answer.
pub async fn request_persistent_storage() -> Option<bool> {
    storage_call(web_sys::StorageManager::persist).await?.as_bool()
}

/// Bytes used and the quota (`navigator.storage.estimate()`).
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let estimate: web_sys::StorageEstimate = storage_call(web_sys::StorageManager::estimate).await?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// A byte count for people, in decimal units with one decimal: `1.2 MB`, or
/// with a decimal comma (`1,2 MB`) when `comma` is set, as Latvian writes it.
pub fn human_bytes(bytes: f64, comma: bool) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 999.95 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let text = if unit == 0 { format!("{value:.0}") } else { format!("{value:.1}") };
    let text = if comma { text.replace('.', ",") } else { text };
    format!("{text} {}", UNITS[unit])
}

/// Focuses the first field of the item with `id` once the DOM has settled.
/// The id may come from the URL: it is escaped for the selector.
pub fn focus_item(id: String) {
    focus_in(id, ":is(input, textarea, select)");
}

/// Focuses the first element matching `within` inside the item with `id`
/// once the DOM has settled (waiting a few frames for an item still being
/// built, as a long outline builds its items).
pub fn focus_in(id: String, within: &'static str) {
    focus_in_frames(id, within, 10);
}

fn focus_in_frames(id: String, within: &'static str, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let selector = format!("[data-item-id=\"{}\"] {within}", web_sys::css::escape(&id));
        match leptos::prelude::document().query_selector(&selector) {
            Ok(Some(el)) => {
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    el.scroll_into_view_with_bool(false);
                    let _ = el.focus();
                }
            }
            _ if frames > 0 => focus_in_frames(id, within, frames - 1),
            _ => {}
        }
    });
}
