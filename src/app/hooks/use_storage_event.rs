//! Keeps a tab current when another tab writes: the browser fires `storage`
//! in every other tab of the same origin after a write.

use crate::data::keys::{self, KeyClass};
use leptos::ev;
use leptos::prelude::*;

/// Calls `on_change` whenever another tab changes a key of collection or
/// document `kind` (with the record's id, for a collection record), or
/// clears storage (with `None`). The listener is removed with the calling
/// component.
///
/// With the lock on, the other tab wrote a sealed value: it is opened into
/// this tab's cache first, so the reload reads the new words.
pub fn use_storage_event(kind: &'static str, on_change: impl Fn(Option<String>) + 'static) {
    let on_change = std::rc::Rc::new(on_change);
    let handle = window_event_listener(ev::storage, move |e| {
        let id = match e.key() {
            None => None, // storage.clear() in another tab
            Some(key) => match keys::classify(&key) {
                KeyClass::Record { kind: k, id } if k == kind => Some(id.to_owned()),
                KeyClass::Doc { name } if name == kind => None,
                _ => return,
            },
        };
        match (crate::app::vault::current(), e.key()) {
            (Some(v), Some(key)) => {
                let on_change = on_change.clone();
                let new_value = e.new_value();
                wasm_bindgen_futures::spawn_local(async move {
                    v.absorb(&key, new_value).await;
                    on_change(id);
                });
            }
            _ => on_change(id),
        }
    });
    on_cleanup(move || handle.remove());
}
