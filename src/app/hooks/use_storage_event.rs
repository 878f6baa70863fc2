//! Keeps a tab current when another tab writes: the browser fires `storage`
//! in every other tab of the same origin after a write.

use crate::data::keys::{self, KeyClass};
use leptos::ev;
use leptos::prelude::*;

/// Calls `on_change` whenever another tab changes a key of collection or
/// document `kind`, or clears storage. The listener is removed with the
/// calling component.
pub fn use_storage_event(kind: &'static str, on_change: impl Fn() + 'static) {
    let handle = window_event_listener(ev::storage, move |e| {
        let relevant = match e.key() {
            None => true, // storage.clear() in another tab
            Some(key) => match keys::classify(&key) {
                KeyClass::Record { kind: k, .. } | KeyClass::Index { kind: k } => k == kind,
                KeyClass::Doc { name } => name == kind,
                KeyClass::Quarantine { .. } => false,
                _ => false,
            },
        };
        if relevant {
            on_change();
        }
    });
    on_cleanup(move || handle.remove());
}
