//! "A new version is ready": shown when the service worker has installed a
//! new build. Nothing switches until the user taps "Update now"; then every
//! open form saves its draft first, so nothing typed is lost.

use crate::app::hooks::use_autosave::FLUSH_EVENT;
use crate::app::state::use_app_state;
use crate::i18n::Key;
use crate::t;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `window.waymarkUpdate` (set up by `public/boot.js`).
fn update_object() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("waymarkUpdate"))
        .ok()?
        .dyn_into::<js_sys::Object>()
        .ok()
}

fn update_waiting() -> bool {
    update_object()
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str("ready")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn apply_update() {
    if let Some(window) = web_sys::window() {
        // Forms listen for this and write their drafts synchronously.
        if let Ok(event) = web_sys::Event::new(FLUSH_EVENT) {
            let _ = window.dispatch_event(&event);
        }
    }
    let apply = update_object()
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str("apply")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(apply), Some(obj)) = (apply, update_object()) {
        let _ = apply.call0(&obj);
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_app_state();
    if update_waiting() {
        state.update_ready.set(true);
    }
    let handle = window_event_listener_untyped("waymark-update-ready", move |_| {
        state.update_ready.set(true);
    });
    on_cleanup(move || handle.remove());
    let dismissed = RwSignal::new(false);

    view! {
        <Show when=move || state.update_ready.get() && !dismissed.get()>
            <div class="notice notice--ok">
                <p>{t!(Key::ShellUpdateReady)}</p>
                <div class="row">
                    <button class="button button--primary" on:click=move |_| apply_update()>
                        {t!(Key::ShellUpdateNow)}
                    </button>
                    <button class="button button--quiet" on:click=move |_| dismissed.set(true)>
                        {t!(Key::ShellUpdateLater)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
