//! Settings › Delete everything: removes every Waymark entry from this
//! device, the app's cached files and its service worker, then starts fresh.
//! It asks first (type DELETE) and offers a backup before.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::settings_backup::download_backup;
use super::settings_focus::focus_soon;
use crate::app::hooks::use_doc;
use crate::app::state::with_store;
use crate::data::wipe;
use crate::domain::settings::Settings;

/// What the user types to confirm (here and when starting over on the lock screen).
pub const CONFIRM_WORD: &str = "DELETE";

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
}

/// Deletes every Cache Storage entry of this site (the app's offline files;
/// they hold no personal data, but nothing of Waymark should stay).
async fn clear_caches(window: &web_sys::Window) {
    if !has(window, "caches") {
        return;
    }
    let Ok(caches) = window.caches() else {
        return;
    };
    let Ok(names) = JsFuture::from(caches.keys()).await else {
        return;
    };
    for name in js_sys::Array::from(&names).iter() {
        if let Some(name) = name.as_string() {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}

/// Unregisters every service worker of this site.
async fn unregister_workers(window: &web_sys::Window) {
    let navigator = window.navigator();
    if !has(&navigator, "serviceWorker") {
        return;
    }
    let container = navigator.service_worker();
    let Ok(registrations) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for reg in js_sys::Array::from(&registrations).iter() {
        if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
            if let Ok(promise) = reg.unregister() {
                let _ = JsFuture::from(promise).await;
            }
        }
    }
}

/// After the data is deleted: finishes any write-behind of the removals
/// (lock on), removes the cached files and the service worker, and opens the
/// app afresh, so nothing held in memory is written back.
pub async fn fresh_start() {
    if let Some(v) = crate::app::vault::current() {
        let _ = v.settle().await;
    }
    if let Some(window) = web_sys::window() {
        clear_caches(&window).await;
        unregister_workers(&window).await;
        let _ = window.location().replace("/");
    }
}

#[component]
pub fn DeleteSection() -> impl IntoView {
    let settings = use_doc::<Settings>();
    let open = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let backup_note = RwSignal::new(None::<String>);
    let confirmed = move || typed.with(|t| t.trim() == CONFIRM_WORD);

    let on_backup = move |_| {
        download_backup(settings, true, move |result| match result {
            Ok(()) => backup_note.set(Some("Your backup file is in your downloads.".to_owned())),
            Err(m) => backup_note.set(Some(m)),
        })
    };

    let on_delete = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !confirmed() {
            error.set(Some(format!(
                "Type {CONFIRM_WORD} in capital letters to confirm."
            )));
            return;
        }
        busy.set(true);
        if with_store(wipe::delete_everything).is_err() {
            busy.set(false);
            error.set(Some(
                "Some data could not be deleted. Reload the page and try again.".to_owned(),
            ));
            return;
        }
        spawn_local_scoped(fresh_start());
    };

    view! {
        <section class="settings__section card settings__danger" id="delete" aria-labelledby="delete-title">
            <h2 id="delete-title">"Delete everything"</h2>
            <p>
                "This removes all your check-ins, tools, plan and settings from this device. \
                 It cannot be undone. Only a backup file can bring them back."
            </p>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button class="button button--danger" id="delete-open"
                        on:click=move |_| {
                            open.set(true);
                            focus_soon("delete-intro");
                        }>
                        "Delete everything"
                    </button>
                }
            >
                <form class="settings__confirm" on:submit=on_delete novalidate>
                    <p id="delete-intro" tabindex="-1">"Before you delete, you may want a copy of your data."</p>
                    <button class="button" type="button" on:click=on_backup>
                        "Download a backup first"
                    </button>
                    <p role="status">{move || backup_note.get()}</p>
                    <div class="field">
                        <label for="delete-confirm">"Type DELETE to confirm"</label>
                        <input
                            id="delete-confirm"
                            type="text"
                            autocomplete="off"
                            autocapitalize="characters"
                            spellcheck="false"
                            prop:value=move || typed.get()
                            on:input=move |ev| {
                                typed.set(event_target_value(&ev));
                                error.set(None);
                            }
                            aria-describedby="delete-confirm-error"
                        />
                        <p class="field__error" id="delete-confirm-error" role="alert">{move || error.get()}</p>
                    </div>
                    <div class="row">
                        <button
                            class="button button--danger"
                            type="submit"
                            disabled=move || !confirmed() || busy.get()
                        >
                            "Yes, delete everything"
                        </button>
                        <button
                            class="button"
                            type="button"
                            on:click=move |_| {
                                open.set(false);
                                typed.set(String::new());
                                error.set(None);
                                focus_soon("delete-open");
                            }
                        >
                            "Cancel"
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
