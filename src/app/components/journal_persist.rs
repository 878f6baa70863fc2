//! Asks the browser to keep Waymark's storage, once, after the first saved
//! check-in. Without this, a browser short on space may clear site data on
//! its own, and a journal would be lost with it. Asking only after the first
//! entry means the request comes when there is something worth keeping.

use crate::app::hooks::DocHandle;
use crate::domain::settings::Settings;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `navigator.storage`, if this browser has it (it is missing on plain
/// http pages and in older browsers).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let has_persist =
        js_sys::Reflect::has(&storage, &JsValue::from_str("persist")).unwrap_or(false);
    if !has_persist {
        return None;
    }
    storage.dyn_into::<web_sys::StorageManager>().ok()
}

/// Requests persistent storage if it was never asked for, and saves the
/// answer in `Settings.persisted`. Does nothing where the API is missing.
pub fn request_persistence_once(settings: DocHandle<Settings>) {
    if settings.value.with_untracked(|s| s.persisted.is_some()) {
        return;
    }
    let Some(manager) = storage_manager() else {
        return;
    };
    let Ok(promise) = manager.persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let granted = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        // A failed settings write only means we ask again next time.
        let _ = settings.update(|s| s.persisted = Some(granted));
    });
}
