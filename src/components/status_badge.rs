//! A status as a coloured badge, and a status chosen in a select: the one
//! way the interface shows and reads statuses (colours from the core's
//! `chart::status_colour`, order from `status::STATUS_ORDER`).

use leptos::prelude::*;
use strategy_core::chart::status_colour;
use strategy_core::Status;

use crate::serde_enum::{name, parse};

/// A status as a coloured badge with its label; `overridden` marks one set by hand.
pub fn status_badge(status: Status, label: &'static str, overridden: bool) -> impl IntoView {
    view! {
        <span class="status-badge" style=format!("background: {}", status_colour(status)) data-status=name(status)>
            {label}
            {overridden.then_some(" ✎")}
        </span>
    }
}

/// Parses a status name from a select, `""` meaning none.
pub fn parse_status(value: &str) -> Option<Status> {
    if value.is_empty() { None } else { parse(value) }
}
