//! Settings › This device: whether Waymark is installed, the "Install
//! Waymark" button (when the browser offers it) or the iPhone and iPad
//! how-to, and whether the browser keeps Waymark's data for sure (issue 13,
//! part 3). Asking the browser to keep it stays in Settings › Storage.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::app::components::install_prompt::{
    installed_now, ios_browser, standalone, InstallButton,
};
use crate::i18n::Key;
use crate::t;

/// `navigator.storage.persisted()`, where the browser has it (older Safari
/// does not, nor do pages that are not secure).
async fn persisted() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let ask = js_sys::Reflect::get(&storage, &JsValue::from_str("persisted"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())?;
    let promise =
        wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(ask.call0(&storage).ok()?).ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// The Safari how-to, with the reason and its source.
fn ios_how_to() -> impl IntoView {
    view! {
        <h3>{t!(Key::InstallIosTitle)}</h3>
        <p>{t!(Key::InstallIosWhy)}</p>
        <p class="small muted">
            {t!(Key::ShellSourceLabel)}" "<span lang="en">{t!(Key::InstallIosSource)}</span>
        </p>
        <ol>
            <li>
                {t!(Key::InstallIosStepBackup)}" "
                <a href="#backup">{t!(Key::InstallIosBackupLink)}</a>
            </li>
            <li>{t!(Key::InstallIosStepShare)}</li>
            <li>{t!(Key::InstallIosStepAdd)}</li>
            <li>{t!(Key::InstallIosStepOpen)}</li>
            <li>{t!(Key::InstallIosStepImport)}</li>
        </ol>
    }
}

#[component]
pub fn InstallSection() -> impl IntoView {
    let running_installed = standalone();
    let installed = RwSignal::new(installed_now());
    let handle = window_event_listener_untyped("waymark-installed", move |_| {
        installed.set(installed_now());
    });
    on_cleanup(move || handle.remove());

    let kept = RwSignal::new(None::<bool>);
    spawn_local_scoped(async move {
        kept.set(persisted().await);
    });

    let app_status = move || {
        if running_installed {
            t!(Key::InstallStatusStandalone)
        } else if installed.get() {
            t!(Key::InstallStatusInstalledNow)
        } else {
            t!(Key::InstallStatusBrowser)
        }
    };
    let kept_status = move || match kept.get() {
        Some(true) => t!(Key::InstallPersistedYes),
        Some(false) => t!(Key::InstallPersistedNo),
        None => t!(Key::InstallPersistedUnknown),
    };
    // Nothing to offer once Waymark runs as an installed app.
    let offers = (!running_installed).then(|| {
        if ios_browser() {
            ios_how_to().into_any()
        } else {
            view! {
                <InstallButton/>
                {move || (!installed.get()).then(|| view! {
                    <p class="small muted">{t!(Key::InstallMenuHint)}</p>
                })}
            }
            .into_any()
        }
    });

    view! {
        <section class="settings__section card" id="device" aria-labelledby="device-title">
            <h2 id="device-title">{t!(Key::SettingsTocDevice)}</h2>
            <p role="status">{app_status}</p>
            {offers}
            <h3>{t!(Key::InstallPersistedTitle)}</h3>
            <p role="status">{kept_status}</p>
            {move || (kept.get() != Some(true)).then(|| view! {
                <p><a href="#storage">{t!(Key::InstallPersistedLink)}</a></p>
            })}
        </section>
    }
}
