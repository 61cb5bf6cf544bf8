//! Strategy Studio: write, map and monitor a public institution's operational
//! strategy, entirely in the browser. The domain lives in `strategy_core`;
//! this crate renders it with Leptos and keeps it in local storage.

pub mod app;
pub mod components;
pub mod file_access;
pub mod lazy;
pub mod pages;
pub mod route;
pub mod serde_enum;
pub mod state;
pub mod storage;
pub mod tabs;
pub mod web;

/// Mounts the app on the page.
pub fn run() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
