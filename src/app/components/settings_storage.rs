//! Settings › Storage: how full this browser's storage is, honest words about
//! where the data lives, and a way to ask the browser to keep it.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::hooks::use_doc;
use crate::app::state::use_app_state;
use crate::data::meter::{self, StorageUsage, UsageLevel};
use crate::domain::settings::Settings;
use crate::i18n::Key;
use crate::t;

/// `navigator.storage`, when this browser has it (older Safari does not, and
/// it is missing outside secure pages).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let persist = js_sys::Reflect::get(&storage, &JsValue::from_str("persist")).ok()?;
    if !persist.is_function() {
        return None;
    }
    storage.dyn_into::<web_sys::StorageManager>().ok()
}

/// Awaits a promise of a boolean (`persist()`, `persisted()`).
async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// "12%" (or "0.4%" below ten, so a little use does not read as zero), with
/// the language's decimal mark and percent sign ("0,4 %" in Spanish).
fn percent_text(percent: f64) -> String {
    let value = if percent < 10.0 {
        format!("{percent:.1}").replace('.', t!(Key::SettingsDecimalMark))
    } else {
        format!("{percent:.0}")
    };
    t!(Key::SettingsStoragePercent, value = value)
}

fn level_message(level: UsageLevel) -> Option<(&'static str, &'static str)> {
    match level {
        UsageLevel::Ok => None,
        UsageLevel::Notice60 => Some(("notice", t!(Key::SettingsStorageNotice60))),
        UsageLevel::Warn80 => Some(("notice", t!(Key::SettingsStorageWarn80))),
        UsageLevel::Critical95 => {
            Some(("notice notice--danger", t!(Key::SettingsStorageCritical95)))
        }
    }
}

/// One line of where the space goes.
fn share(label: Key, units: usize, total: usize) -> impl IntoView {
    let pct = if total == 0 {
        0.0
    } else {
        units as f64 * 100.0 / total as f64
    };
    let line = t!(
        Key::SettingsStorageShare,
        label = t!(label),
        percent = percent_text(pct)
    );
    view! { <li>{line}</li> }
}

#[component]
pub fn StorageSection(changed: RwSignal<u32>) -> impl IntoView {
    let settings = use_doc::<Settings>();
    let health = use_app_state().health;
    let usage = Memo::new(move |_| {
        changed.track();
        // Settings and the journal change the numbers too.
        settings.value.track();
        // Measured on storage itself: with the lock on, sealed values are
        // what count against the quota, not the plain text in memory.
        crate::app::state::with_storage_itself(meter::usage).ok()
    });
    let manager_available = storage_manager().is_some();
    // What the browser says now (it may have changed since we last asked).
    let granted_now = RwSignal::new(None::<bool>);
    let asking = RwSignal::new(false);
    if let Some(manager) = storage_manager() {
        spawn_local_scoped(async move {
            if let Some(answer) = ask(manager.persisted()).await {
                granted_now.set(Some(answer));
            }
        });
    }

    let on_ask = move |_| {
        let Some(manager) = storage_manager() else {
            return;
        };
        asking.set(true);
        spawn_local_scoped(async move {
            let answer = ask(manager.persist()).await;
            asking.set(false);
            if let Some(answer) = answer {
                granted_now.set(Some(answer));
                if !health.with_untracked(|h| h.read_only()) {
                    let _ = settings.update(|s| s.persisted = Some(answer));
                }
            }
        });
    };

    let persisted = move || granted_now.get().or(settings.value.with(|s| s.persisted));
    let persist_text = move || match persisted() {
        Some(true) => t!(Key::SettingsStorageKept),
        Some(false) => t!(Key::SettingsStorageNotKept),
        None => t!(Key::SettingsStorageNotAsked),
    };

    let meter_view = move || {
        usage.with(|u| match u {
            None => view! {
                <p>{t!(Key::SettingsStorageUnmeasured)}</p>
            }
            .into_any(),
            Some(StorageUsage {
                percent,
                level,
                breakdown: b,
                used_units,
                ..
            }) => {
                let pct = percent_text(*percent);
                let value = percent.clamp(0.0, 100.0);
                let warning = level_message(*level).map(|(class, text)| {
                    view! { <p class=class role="status">{text}</p> }
                });
                let total = *used_units;
                view! {
                    <p class="settings__meter-text" id="storage-meter-text">
                        <span class="big-number">{pct.clone()}</span>
                        " "{t!(Key::SettingsStorageMeterText)}
                    </p>
                    <progress
                        class="settings__meter"
                        max="100"
                        value=value
                        aria-label=t!(Key::SettingsStorageMeterLabel)
                        aria-valuetext=t!(Key::SettingsStorageMeterValuetext, percent = pct)
                    ></progress>
                    {warning}
                    <details class="settings__breakdown">
                        <summary>{t!(Key::SettingsStorageBreakdown)}</summary>
                        <ul>
                            {share(Key::SettingsStorageCheckins, b.journal, total)}
                            {share(Key::SettingsStorageTools, b.other_records, total)}
                            {share(Key::SettingsStorageDrafts, b.drafts, total)}
                            {share(Key::SettingsSetAsideTitle, b.quarantine, total)}
                            {share(Key::SettingsStorageOther, b.other, total)}
                        </ul>
                    </details>
                }
                .into_any()
            }
        })
    };

    view! {
        <section class="settings__section card" id="storage" aria-labelledby="storage-title">
            <h2 id="storage-title">{t!(Key::SettingsStorageTitle)}</h2>
            {meter_view}
            <p>{t!(Key::SettingsStorageWhere)}</p>
            <h3>{t!(Key::SettingsStorageKeepTitle)}</h3>
            <p role="status">{persist_text}</p>
            {if manager_available {
                view! {
                    <button class="button" on:click=on_ask disabled=move || asking.get()>
                        {t!(Key::SettingsStorageAsk)}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <p class="muted">{t!(Key::SettingsStorageCannotAsk)}</p>
                }
                .into_any()
            }}
        </section>
    }
}
