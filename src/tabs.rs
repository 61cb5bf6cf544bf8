//! One writer per strategy across the tabs of this browser. A tab that opens
//! a strategy asks for its Web Lock (`strategy-studio:edit:<id>`): granted, it
//! edits; held by another tab, it shows the strategy read-only, follows the
//! other tab's saves and waits in the lock's queue, so it becomes the writer
//! when the other tab closes or hands over. "Take over editing" asks the
//! writer, over a `BroadcastChannel`, to save and step back. Where a browser
//! has no Web Locks every tab writes, and conflicts are caught after the fact
//! (see [`crate::state::Writer::on_storage_changed`]).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function request_lock(name, ifAvailable, steal, granted, lost) {
  if (!navigator.locks) {
    granted(true);
    return () => {};
  }
  const abort = new AbortController();
  let release = () => {};
  const held = new Promise((resolve) => (release = resolve));
  const options = steal ? { steal: true } : ifAvailable ? { ifAvailable: true } : { signal: abort.signal };
  navigator.locks
    .request(name, options, (lock) => {
      granted(lock !== null);
      return lock ? held : undefined;
    })
    .catch((e) => {
      if (e && e.name !== 'AbortError') return;
      if (!abort.signal.aborted) lost();
    });
  return () => {
    abort.abort();
    release();
  };
}
export function has_locks() {
  return !!navigator.locks;
}
"#)]
extern "C" {
    /// Asks for the lock `name` (`if_available`: answer at once; `steal`:
    /// take it from its holder). `granted(true)` when held (also where Web
    /// Locks are missing), `granted(false)` when not available; `lost()` when
    /// another tab stole it. Returns the function that releases the lock or
    /// withdraws the request.
    fn request_lock(name: &str, if_available: bool, steal: bool, granted: &Closure<dyn FnMut(bool)>, lost: &Closure<dyn FnMut()>) -> js_sys::Function;
    /// Whether this browser has Web Locks.
    pub fn has_locks() -> bool;
}

/// The lock's name for a strategy.
fn lock_name(id: &str) -> String {
    format!("strategy-studio:edit:{id}")
}

/// How a lock request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockEvent {
    /// This tab holds the lock.
    Granted,
    /// Another tab holds it (only for requests that answer at once).
    Busy,
    /// Another tab took it.
    Lost,
}

/// A lock held or asked for; dropping it does not release it ([`EditLock::release`] does).
#[derive(Clone)]
pub struct EditLock {
    release: js_sys::Function,
}

impl EditLock {
    /// Asks for the edit lock of strategy `id`; `on_event` hears how it goes.
    pub fn request(id: &str, if_available: bool, steal: bool, on_event: impl Fn(LockEvent) + 'static) -> Self {
        let on_event = std::rc::Rc::new(on_event);
        let on_granted = on_event.clone();
        let granted = Closure::<dyn FnMut(bool)>::new(move |held: bool| on_granted(if held { LockEvent::Granted } else { LockEvent::Busy }));
        let lost = Closure::<dyn FnMut()>::new(move || on_event(LockEvent::Lost));
        let release = request_lock(&lock_name(id), if_available, steal, &granted, &lost);
        // The browser calls them at most once each, long after this returns.
        granted.forget();
        lost.forget();
        EditLock { release }
    }

    /// Releases the lock, or withdraws the request.
    pub fn release(&self) {
        let _ = self.release.call0(&JsValue::NULL);
    }
}

/// The channel on which tabs ask each other to hand over a strategy.
pub fn channel() -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new("strategy-studio:tabs").ok()
}

/// The message asking the writer of strategy `id` to hand it over.
pub fn hand_over_message(id: &str) -> String {
    format!("hand-over:{id}")
}

/// The strategy a hand-over message names.
pub fn hand_over_id(message: &str) -> Option<&str> {
    message.strip_prefix("hand-over:")
}
