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
use crate::i18n::Key;
use crate::t;

/// The English word the user types to confirm (here and when starting over
/// on the lock screen). It is always accepted, whatever the language.
pub const CONFIRM_WORD: &str = "DELETE";

/// The word to type in the current language ("DELETE", "BORRAR").
pub fn confirm_word() -> &'static str {
    t!(Key::SettingsDeleteWord)
}

/// Whether `typed` is the confirm word: the current language's, or the
/// English one (so a user who learnt it in English, or a guide that shows
/// it, still works).
pub fn is_confirm_word(typed: &str) -> bool {
    let typed = typed.trim();
    typed == confirm_word() || typed == CONFIRM_WORD
}

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
    let confirmed = move || typed.with(|t| is_confirm_word(t));

    let on_backup = move |_| {
        download_backup(settings, true, move |result| match result {
            Ok(()) => backup_note.set(Some(t!(Key::BackupSavedShort).to_owned())),
            Err(m) => backup_note.set(Some(m)),
        })
    };

    let on_delete = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !confirmed() {
            error.set(Some(t!(Key::SettingsDeleteTypeWord, word = confirm_word())));
            return;
        }
        busy.set(true);
        if with_store(wipe::delete_everything).is_err() {
            busy.set(false);
            error.set(Some(t!(Key::SettingsDeleteFailed).to_owned()));
            return;
        }
        spawn_local_scoped(fresh_start());
    };

    view! {
        <section class="settings__section card settings__danger" id="delete" aria-labelledby="delete-title">
            <h2 id="delete-title">{t!(Key::SettingsDeleteTitle)}</h2>
            <p>{t!(Key::SettingsDeleteIntro)}</p>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button class="button button--danger" id="delete-open"
                        on:click=move |_| {
                            open.set(true);
                            focus_soon("delete-intro");
                        }>
                        {t!(Key::SettingsDeleteTitle)}
                    </button>
                }
            >
                <form class="settings__confirm" on:submit=on_delete novalidate>
                    <p id="delete-intro" tabindex="-1">{t!(Key::SettingsDeleteBefore)}</p>
                    <button class="button" type="button" on:click=on_backup>
                        {t!(Key::BackupDownloadFirst)}
                    </button>
                    <p role="status">{move || backup_note.get()}</p>
                    <div class="field">
                        <label for="delete-confirm">
                            {t!(Key::SettingsDeleteConfirmLabel, word = confirm_word())}
                        </label>
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
                            {t!(Key::SettingsDeleteYes)}
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
                            {t!(Key::SettingsCancel)}
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
